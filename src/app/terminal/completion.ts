// What Tab does with the engine's candidates, the way bash's readline does it: one candidate
// completes the word, several extend it to their common prefix, and when that adds nothing they
// are listed in columns.

/** The engine's answer for the word at the cursor. */
export interface Completion {
  /** Where the word being completed starts in the line. */
  start: number;
  /** The word typed so far (every candidate starts with it). */
  current: string;
  candidates: string[];
}

export type CompletionOutcome =
  | { kind: 'none' }
  /** Replace `line[start, end)` with `text`. */
  | { kind: 'replace'; start: number; end: number; text: string }
  | { kind: 'list'; candidates: string[] };

/** The longest prefix every string shares. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0]!;
  for (const w of words) {
    let i = 0;
    while (i < prefix.length && i < w.length && prefix[i] === w[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Decides what Tab does at `cursor`. A word ending in `=` or `/` (a flag waiting for its value, a
 * path) gets no trailing space, so the learner can go on typing it. */
export function resolveCompletion(completion: Completion, cursor: number): CompletionOutcome {
  const candidates = [...new Set(completion.candidates)].filter((c) => c.startsWith(completion.current));
  if (candidates.length === 0) return { kind: 'none' };
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const open = only.endsWith('=') || only.endsWith('/');
    return { kind: 'replace', start: completion.start, end: cursor, text: open ? only : `${only} ` };
  }
  const prefix = commonPrefix(candidates);
  if (prefix.length > completion.current.length) return { kind: 'replace', start: completion.start, end: cursor, text: prefix };
  return { kind: 'list', candidates: [...candidates].sort() };
}

/** Candidates in columns filling a terminal `cols` wide, sorted down each column first, as bash
 * prints them (each column as wide as the longest candidate plus two spaces). */
export function formatCandidates(candidates: readonly string[], cols: number): string[] {
  if (candidates.length === 0) return [];
  const width = Math.max(...candidates.map((c) => [...c].length)) + 2;
  const perRow = Math.max(1, Math.floor(Math.max(1, cols) / width));
  const rows = Math.ceil(candidates.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = candidates[c * rows + r];
      if (item === undefined) continue;
      line += item.padEnd(width);
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
