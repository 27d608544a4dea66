// Which simulation the diagram shows: pure rules, tested without React.
import type { Cluster, Diagnostic } from '../../engine/types.ts';
import { isCleanSimulation } from '../../worker/protocol.ts';

/** One simulation result as the app keeps it. */
export interface SimulationView {
  seq: number;
  cluster: Cluster;
  diagnostics: Diagnostic[];
  elapsedMs: number;
}

export interface SimulationSnapshot {
  /** The newest result: its diagnostics are the ones marked in the editor. */
  latest?: SimulationView;
  /** On the diagram: the newest result without errors, or the latest while none has been clean. */
  shown?: SimulationView;
  /** What the diagram showed before `shown`, for highlighting what changed. */
  previous?: SimulationView;
}

/** Folds a new result in: an erroneous edit leaves the last good diagram in place. */
export function applySimulation(state: SimulationSnapshot, next: SimulationView): SimulationSnapshot {
  const showNext = isCleanSimulation(next.diagnostics) || !state.shown || !isCleanSimulation(state.shown.diagnostics);
  if (!showNext) return { ...state, latest: next };
  return { latest: next, shown: next, previous: state.shown };
}

/** Whether the diagram is behind the editor (the latest YAML has errors). */
export function isDiagramStale(state: SimulationSnapshot): boolean {
  return state.latest !== undefined && state.shown !== undefined && state.latest.seq !== state.shown.seq;
}

/** The error diagnostics of the latest result, in source order, for the "last good" notice. */
export function blockingErrors(state: SimulationSnapshot): Diagnostic[] {
  return (state.latest?.diagnostics ?? []).filter((d) => d.severity === 'error').sort(bySourcePosition);
}

/** Orders diagnostics by file, line and column; those without a range come last. */
export function bySourcePosition(a: Diagnostic, b: Diagnostic): number {
  const la = a.range?.startLine ?? Number.MAX_SAFE_INTEGER;
  const lb = b.range?.startLine ?? Number.MAX_SAFE_INTEGER;
  return la - lb || (a.range?.startCol ?? 0) - (b.range?.startCol ?? 0) || a.code.localeCompare(b.code);
}
