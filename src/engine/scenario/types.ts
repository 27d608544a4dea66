import type { ClusterBlock } from '../cluster/settings.ts';

/** A check as written in a scenario, with the line it starts on. */
export interface ScenarioCheck {
  kind: 'probe' | 'lookup' | 'reachability' | 'endpoints' | 'admission' | 'condition';
  line: number;
  /** The check's own block (`probe: {...}`, or the reference string for endpoints/admission/condition). */
  spec: unknown;
  expect: Record<string, unknown> | string;
  parent?: string;
  description?: string;
}

/** A scenario file, loaded and checked for shape. */
export interface Scenario {
  file: string;
  name: string;
  description?: string;
  cluster?: ClusterBlock;
  manifests: Array<{ file: string; text: string; lineOffset: number }>;
  checks: ScenarioCheck[];
}

/** Why a scenario could not be run at all (exit 2). */
export interface ScenarioError {
  file: string;
  line: number;
  message: string;
}

/** The outcome of one check, as `netlab check --json` prints it. */
export interface CheckResult {
  kind: ScenarioCheck['kind'];
  passed: boolean;
  expected: unknown;
  actual: unknown;
  message: string;
  line: number;
}

export interface ScenarioResult {
  file: string;
  name: string;
  checks: CheckResult[];
  error?: ScenarioError;
}

/** Reads a file a scenario refers to (manifests by path); undefined when it does not exist. */
export type ReadFile = (path: string) => string | undefined;
