import { simulate, type Simulation } from '../cluster/build.ts';
import { createTraceContext } from '../trace/context.ts';
import { runCheck } from './checks.ts';
import { loadScenario } from './load.ts';
import type { ReadFile, Scenario, ScenarioResult } from './types.ts';

/** Builds the scenario's cluster. */
export function simulateScenario(scenario: Scenario): Simulation {
  return simulate({ manifests: scenario.manifests, ...(scenario.cluster ? { cluster: scenario.cluster } : {}) });
}

/** Loads and runs one scenario file: every check in order. A scenario that cannot be run (bad
 * YAML, unknown keys or references, manifests that do not parse) comes back with `error`. */
export function runScenarioFile(file: string, text: string, readFile: ReadFile): ScenarioResult {
  const scenario = loadScenario(file, text, readFile);
  if ('message' in scenario) return { file, name: '', checks: [], error: scenario };
  return runScenario(scenario);
}

/** Runs a loaded scenario's checks against its simulated cluster. */
export function runScenario(scenario: Scenario): ScenarioResult {
  const sim = simulateScenario(scenario);
  const result: ScenarioResult = { file: scenario.file, name: scenario.name, checks: [] };
  const fatal = sim.diagnostics.find((d) => d.code === 'yaml_syntax_error' || d.code === 'invalid_cluster_setting' || d.code === 'not_an_object');
  if (fatal) {
    result.error = { file: fatal.file ?? scenario.file, line: fatal.range?.startLine ?? 1, message: fatal.message };
    return result;
  }
  const ctx = createTraceContext(sim.cluster);
  for (const check of scenario.checks) {
    const outcome = runCheck(sim, ctx, check);
    if ('referenceError' in outcome) {
      result.error = { file: scenario.file, line: check.line, message: outcome.referenceError };
      return result;
    }
    result.checks.push({ kind: check.kind, line: check.line, ...outcome });
  }
  return result;
}
