// "What changed" for a request: the same request sent before and after an edit, compared as the
// client sees it (outcome, HTTP status, which pods answered). Pure, tested without React.
import type { Outcome, Trace } from '../../engine/trace/types.ts';

/** What came back from one request, or why it could not be sent. */
export type RequestResult = Trace[] | { error: string };

/** How a before/after pair reads in the request panel. */
export interface VerdictChange {
  /** The outcome changed (connected -> refused, ...), or the request can no longer be sent. */
  flipped: boolean;
  /** Anything the client sees changed: outcome, status or the pods that answered. */
  changed: boolean;
  before: string;
  after: string;
  /** `was connected → now refused`, or `still connected` when nothing the client sees changed. */
  text: string;
}

const OUTCOME_ORDER: Outcome[] = ['connected', 'refused', 'timeout', 'unresolved'];

/** The outcomes of a set of traces in words: `connected (HTTP 200)`, `3 connected, 1 refused`. */
export function describeVerdict(result: RequestResult): string {
  if (!Array.isArray(result)) return `not sent (${result.error})`;
  if (result.length === 0) return 'no answer';
  const counts = countBy(result.map((t) => t.outcome));
  const statuses = [...new Set(result.flatMap((t) => (t.status === undefined ? [] : [t.status])))].sort((a, b) => a - b);
  const status = statuses.length > 0 ? ` (HTTP ${statuses.join(', ')})` : '';
  if (counts.size === 1 && result.length === 1) return `${result[0]!.outcome}${status}`;
  if (counts.size === 1) return `all ${result.length} ${result[0]!.outcome}${status}`;
  return `${OUTCOME_ORDER.filter((o) => counts.has(o)).map((o) => `${counts.get(o)} ${o}`).join(', ')}${status}`;
}

/** Which pods answered, and how often: `default/web-a ×2, default/web-b ×1`. */
export function describeBackends(result: RequestResult): string {
  if (!Array.isArray(result)) return '';
  const counts = countBy(result.flatMap((t) => (t.servedBy ? [t.servedBy] : [])));
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([pod, n]) => (result.length === 1 ? pod : `${pod} ×${n}`)).join(', ');
}

/** Compares the same request before and after an edit. */
export function diffVerdicts(before: RequestResult, after: RequestResult): VerdictChange {
  const was = describeVerdict(before);
  const now = describeVerdict(after);
  const flipped = !Array.isArray(before) || !Array.isArray(after) ? Array.isArray(before) !== Array.isArray(after) || was !== now : outcomeKey(before) !== outcomeKey(after);
  const backendsBefore = describeBackends(before);
  const backendsAfter = describeBackends(after);
  const changed = flipped || was !== now || backendsBefore !== backendsAfter;
  let text: string;
  if (flipped || was !== now) text = `was ${was} → now ${now}`;
  else if (backendsBefore !== backendsAfter) text = `still ${now}; answered by ${backendsBefore || 'no pod'} → ${backendsAfter || 'no pod'}`;
  else text = `still ${now}`;
  return { flipped, changed, before: was, after: now, text };
}

function outcomeKey(traces: readonly Trace[]): string {
  const counts = countBy(traces.map((t) => t.outcome));
  return OUTCOME_ORDER.map((o) => `${o}:${counts.get(o) ?? 0}`).join(',');
}

function countBy<T>(items: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}
