import { describe, expect, it } from 'vitest';
import type { Cluster, Diagnostic } from '../../engine/types.ts';
import { applySimulation, blockingErrors, isDiagramStale, type SimulationSnapshot, type SimulationView } from './simulation.ts';

const error = (line: number, code = 'yaml_syntax_error'): Diagnostic => ({ code, severity: 'error', message: `bad at ${line}`, range: { startLine: line, startCol: 1, endLine: line, endCol: 2 } });
const warning: Diagnostic = { code: 'service_selector_matches_no_pods', severity: 'warning', message: 'no pods' };
const view = (seq: number, diagnostics: Diagnostic[] = []): SimulationView => ({ seq, cluster: { pods: [] } as unknown as Cluster, diagnostics, elapsedMs: 1 });

describe('applySimulation', () => {
  const cases: Array<{ name: string; start: SimulationSnapshot; next: SimulationView; shown: number; previous?: number; stale: boolean }> = [
    { name: 'the first result is shown even with errors', start: {}, next: view(1, [error(3)]), shown: 1, stale: false },
    { name: 'a clean result replaces the diagram', start: { latest: view(1), shown: view(1) }, next: view(2), shown: 2, previous: 1, stale: false },
    { name: 'warnings do not hold the diagram back', start: { latest: view(1), shown: view(1) }, next: view(2, [warning]), shown: 2, previous: 1, stale: false },
    { name: 'an erroneous edit keeps the last good diagram', start: { latest: view(1), shown: view(1) }, next: view(2, [error(4)]), shown: 1, stale: true },
    { name: 'while nothing was ever clean, the newest is shown', start: { latest: view(1, [error(1)]), shown: view(1, [error(1)]) }, next: view(2, [error(2)]), shown: 2, previous: 1, stale: false },
    { name: 'fixing the error catches the diagram up', start: { latest: view(2, [error(4)]), shown: view(1) }, next: view(3), shown: 3, previous: 1, stale: false },
  ];
  it.each(cases)('$name', ({ start, next, shown, previous, stale }) => {
    const state = applySimulation(start, next);
    expect(state.latest?.seq).toBe(next.seq);
    expect(state.shown?.seq).toBe(shown);
    expect(state.previous?.seq).toBe(previous);
    expect(isDiagramStale(state)).toBe(stale);
  });
});

describe('blockingErrors', () => {
  it('lists the errors of the latest result in line order', () => {
    const latest = view(2, [error(9), warning, error(2, 'unknown_kind')]);
    expect(blockingErrors({ latest }).map((d) => d.range?.startLine)).toEqual([2, 9]);
  });
});
