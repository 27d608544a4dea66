// "Predict the outcome": the right answer is what the engine does in the scenario, never a string
// the author typed, so a prediction cannot drift from the behaviour the animation then shows.
import { runCheck } from '../scenario/checks.ts';
import { loadScenario } from '../scenario/load.ts';
import { simulateScenario } from '../scenario/run.ts';
import type { ReadFile, ScenarioCheck } from '../scenario/types.ts';
import { createTraceContext } from '../trace/context.ts';
import type { Lesson, LessonError, PredictChoice, PredictItem, Prediction } from './types.ts';

export const OUTCOME_CHOICES: PredictChoice[] = [
  { id: 'connected', label: 'It connects' },
  { id: 'refused', label: 'The connection is refused' },
  { id: 'timeout', label: 'It times out (the packet is dropped)' },
  { id: 'unresolved', label: 'The name does not resolve' },
];

export const LOOKUP_CHOICES: PredictChoice[] = [
  { id: 'noerror', label: 'The name resolves' },
  { id: 'nxdomain', label: 'NXDOMAIN: no such name' },
  { id: 'timeout', label: 'The query times out (DNS is unreachable)' },
];

const FATAL = new Set(['yaml_syntax_error', 'invalid_cluster_setting', 'not_an_object']);
const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {});

/** Runs a predict item's question in its scenario (the text of `item.path`) and returns the
 * choices and the correct ones, or why the scenario cannot answer it. */
export function computePrediction(item: PredictItem, scenarioText: string, readFile: ReadFile): Prediction | { error: string } {
  const scenario = loadScenario(item.path, scenarioText, readFile);
  if ('message' in scenario) return { error: `${scenario.file}:${scenario.line}: ${scenario.message}` };
  const sim = simulateScenario(scenario);
  const fatal = sim.diagnostics.find((d) => FATAL.has(d.code));
  if (fatal) return { error: `${fatal.file ?? item.path}:${fatal.range?.startLine ?? 1}: ${fatal.message}` };
  const ctx = createTraceContext(sim.cluster);
  const q = item.question;
  const check: ScenarioCheck =
    q.kind === 'probe' ? { kind: 'probe', line: item.line, spec: q.probe, expect: {} }
    : q.kind === 'lookup' ? { kind: 'lookup', line: item.line, spec: q.lookup, expect: {} }
    : { kind: 'endpoints', line: item.line, spec: q.service, expect: {} };
  const outcome = runCheck(sim, ctx, check);
  if ('referenceError' in outcome) return { error: outcome.referenceError };
  const actual = rec(outcome.actual);
  if (q.kind === 'probe') {
    return { choices: OUTCOME_CHOICES, correct: [String(actual.outcome)], multiple: false, summary: String(actual.summary ?? outcome.message) };
  }
  if (q.kind === 'lookup') {
    const answers = Array.isArray(actual.answers) ? actual.answers.map(String) : [];
    const summary = actual.outcome === 'noerror' ? `${q.lookup.name} resolves to ${answers.join(', ')}` : actual.outcome === 'nxdomain' ? `${q.lookup.name}: NXDOMAIN (tried ${(actual.tried as string[] | undefined)?.join('; ') ?? 'every search domain'})` : `the query timed out: ${String(actual.blocked ?? 'DNS is unreachable')}`;
    return { choices: LOOKUP_CHOICES, correct: [String(actual.outcome)], multiple: false, summary };
  }
  const [, ns] = q.service.split('/');
  const ready = Array.isArray(actual.ready) ? actual.ready.map(String) : [];
  const readyIPs = new Set(ready.map((a) => a.replace(/:\d+$/, '')));
  const pods = sim.cluster.pods.filter((p) => p.namespace === ns && p.podIP && !p.hostNetwork).sort((a, b) => a.name.localeCompare(b.name));
  const unmatched = [...readyIPs].filter((ip) => !pods.some((p) => p.podIP === ip));
  if (unmatched.length > 0) return { error: `endpoints of ${q.service} include ${unmatched.join(', ')}, which are not pods in namespace ${ns}: ask about a Service with a selector` };
  return {
    choices: pods.map((p) => ({ id: `${p.namespace}/${p.name}`, label: `${p.name} (${p.podIP})` })),
    correct: pods.filter((p) => readyIPs.has(p.podIP)).map((p) => `${p.namespace}/${p.name}`),
    multiple: true,
    summary: ready.length ? `ready endpoints: ${ready.join(', ')}` : 'the Service has no ready endpoints',
  };
}

/** Fills every predict item of a lesson with its computed prediction; files are read with
 * `readFile` (paths relative to the lesson root, as in `PredictItem.path`). */
export function resolvePredictions(lesson: Lesson, readFile: ReadFile): { lesson: Lesson; errors: LessonError[] } {
  const errors: LessonError[] = [];
  const blocks = lesson.blocks.map((block) => {
    if (block.kind !== 'quiz' || block.item.type !== 'predict') return block;
    const item = block.item;
    const text = readFile(item.path);
    if (text === undefined) {
      errors.push({ file: lesson.file, line: item.line, message: `quiz ${item.id}: scenario file not found: ${item.scenario} (looked for ${item.path})` });
      return block;
    }
    const prediction = computePrediction(item, text, readFile);
    if ('error' in prediction) {
      errors.push({ file: lesson.file, line: item.line, message: `quiz ${item.id}: the engine cannot answer this prediction: ${prediction.error}` });
      return block;
    }
    return { ...block, item: { ...item, prediction } };
  });
  return { lesson: { ...lesson, blocks }, errors };
}
