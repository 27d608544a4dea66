import { describe, expect, it } from 'vitest';
import { commonPrefix, formatCandidates, resolveCompletion, type Completion, type CompletionOutcome } from './completion.ts';

describe('resolveCompletion', () => {
  const cases: Array<{ name: string; completion: Completion; cursor: number; want: CompletionOutcome }> = [
    { name: 'nothing to offer', completion: { start: 8, current: 'zz', candidates: [] }, cursor: 10, want: { kind: 'none' } },
    { name: 'one candidate completes with a space', completion: { start: 8, current: 'g', candidates: ['get'] }, cursor: 9, want: { kind: 'replace', start: 8, end: 9, text: 'get ' } },
    { name: 'a flag waiting for its value gets no space', completion: { start: 17, current: '--names', candidates: ['--namespace='] }, cursor: 24, want: { kind: 'replace', start: 17, end: 24, text: '--namespace=' } },
    { name: 'several extend to their common prefix', completion: { start: 12, current: 'end', candidates: ['endpoints', 'endpointslices'] }, cursor: 15, want: { kind: 'replace', start: 12, end: 15, text: 'endpoints' } },
    { name: 'several with nothing to add are listed, sorted', completion: { start: 12, current: 'endpoints', candidates: ['endpointslices', 'endpoints'] }, cursor: 21, want: { kind: 'list', candidates: ['endpoints', 'endpointslices'] } },
    { name: 'candidates that do not match the word are ignored', completion: { start: 0, current: 'ku', candidates: ['kubectl', 'curl'] }, cursor: 2, want: { kind: 'replace', start: 0, end: 2, text: 'kubectl ' } },
  ];
  for (const c of cases) it(c.name, () => expect(resolveCompletion(c.completion, c.cursor)).toEqual(c.want));
});

describe('commonPrefix', () => {
  const cases = [
    { name: 'none', words: [], want: '' },
    { name: 'one', words: ['pods'], want: 'pods' },
    { name: 'shared', words: ['web-1', 'web-2', 'web-10'], want: 'web-' },
    { name: 'nothing shared', words: ['a', 'b'], want: '' },
  ];
  for (const c of cases) it(c.name, () => expect(commonPrefix(c.words)).toBe(c.want));
});

describe('formatCandidates', () => {
  const cases: Array<{ name: string; candidates: string[]; cols: number; want: string[] }> = [
    { name: 'nothing', candidates: [], cols: 80, want: [] },
    { name: 'one row when they fit', candidates: ['get', 'describe', 'apply'], cols: 80, want: ['get       describe  apply'] },
    // Width 8 + 2 = 10: two per row in 25 columns, filled down each column first, like bash.
    { name: 'down the columns first', candidates: ['a', 'b', 'c', 'd', 'e', 'longest1'], cols: 25, want: ['a         d', 'b         e', 'c         longest1'] },
    { name: 'one per row in a narrow terminal', candidates: ['services', 'pods'], cols: 5, want: ['services', 'pods'] },
  ];
  for (const c of cases) it(c.name, () => expect(formatCandidates(c.candidates, c.cols)).toEqual(c.want));
});
