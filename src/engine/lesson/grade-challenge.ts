// Grades a challenge the way `netlab check` runs a scenario: the learner's YAML is the manifests,
// the challenge's checks are the checks. A check whose reference is missing (the learner deleted
// the client pod, say) fails on its own instead of stopping the others.
import type { ClusterBlock } from '../cluster/settings.ts';
import { runCheck } from '../scenario/checks.ts';
import { simulateScenario } from '../scenario/run.ts';
import type { CheckResult, Scenario } from '../scenario/types.ts';
import { createTraceContext } from '../trace/context.ts';
import type { ChallengeBlock, ChallengeGrade } from './types.ts';

const FATAL = new Set(['yaml_syntax_error', 'invalid_cluster_setting', 'not_an_object']);

/** Runs the challenge's checks against `learnerYaml`; `clusterBlock` overrides the challenge's
 * own `cluster` settings when given. */
export function gradeChallenge(challenge: ChallengeBlock, learnerYaml: string, clusterBlock?: ClusterBlock): ChallengeGrade {
  const cluster = clusterBlock ?? challenge.cluster;
  const scenario: Scenario = {
    file: `challenge:${challenge.id}`,
    name: challenge.title || challenge.id,
    ...(cluster ? { cluster } : {}),
    manifests: [{ file: `challenge:${challenge.id}`, text: learnerYaml, lineOffset: 0 }],
    checks: challenge.checks,
  };
  const sim = simulateScenario(scenario);
  const fatal = sim.diagnostics.find((d) => FATAL.has(d.code));
  if (fatal) {
    const message = `the YAML cannot be applied: ${fatal.message}`;
    return {
      passed: false,
      results: challenge.checks.map((c) => ({ kind: c.kind, line: c.line, passed: false, expected: c.expect, actual: null, message })),
      error: { line: fatal.range?.startLine ?? 1, message: fatal.message },
    };
  }
  const ctx = createTraceContext(sim.cluster);
  const results: CheckResult[] = challenge.checks.map((check) => {
    const outcome = runCheck(sim, ctx, check);
    if ('referenceError' in outcome) return { kind: check.kind, line: check.line, passed: false, expected: check.expect, actual: null, message: outcome.referenceError };
    return { kind: check.kind, line: check.line, ...outcome };
  });
  return { passed: results.every((r) => r.passed), results };
}
