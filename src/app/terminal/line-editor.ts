// The command line being typed, as a pure reducer: insert, delete, cursor moves, history. The
// terminal view only draws what this returns.
import type { EditKey } from './input.ts';

/** The line at the prompt and the history it can browse. */
export interface LineState {
  buffer: string;
  /** Cursor position in `buffer` (a UTF-16 index, never inside a surrogate pair). */
  cursor: number;
  /** Earlier command lines, oldest first. */
  history: readonly string[];
  /** The history entry shown; `history.length` is the line being typed. */
  historyIndex: number;
  /** What was typed before browsing history, restored when coming back down. */
  draft: string;
}

/** How many lines the editor remembers (bash's HISTSIZE default). */
export const HISTORY_MAX = 500;

export type LineAction =
  | { type: 'insert'; text: string }
  | { type: 'key'; key: EditKey }
  /** Replaces `buffer[start, end)` and puts the cursor after the new text (completion). */
  | { type: 'replace'; start: number; end: number; text: string }
  /** Drops the line (Ctrl+C) and leaves history browsing. */
  | { type: 'reset' };

/** An empty line with the given history. */
export function initialLine(history: readonly string[] = []): LineState {
  const kept = history.slice(-HISTORY_MAX);
  return { buffer: '', cursor: 0, history: kept, historyIndex: kept.length, draft: '' };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The index one character before `i` (a surrogate pair is one character). */
function prevIndex(s: string, i: number): number {
  if (i <= 0) return 0;
  return i >= 2 && isLow(s.charCodeAt(i - 1)) && isHigh(s.charCodeAt(i - 2)) ? i - 2 : i - 1;
}

/** The index one character after `i`. */
function nextIndex(s: string, i: number): number {
  if (i >= s.length) return s.length;
  return isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? i + 2 : i + 1;
}

const wordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Start of the word before the cursor (readline's backward-word: alphanumerics). */
function wordLeft(s: string, i: number): number {
  let j = i;
  while (j > 0 && !wordChar(s[j - 1])) j--;
  while (j > 0 && wordChar(s[j - 1])) j--;
  return j;
}

/** End of the word after the cursor (readline's forward-word). */
function wordRight(s: string, i: number): number {
  let j = i;
  while (j < s.length && !wordChar(s[j])) j++;
  while (j < s.length && wordChar(s[j])) j++;
  return j;
}

/** Start of the whitespace-delimited word before the cursor (Ctrl+W, unix-word-rubout). */
function rubout(s: string, i: number): number {
  let j = i;
  while (j > 0 && /\s/.test(s[j - 1]!)) j--;
  while (j > 0 && !/\s/.test(s[j - 1]!)) j--;
  return j;
}

function edit(state: LineState, buffer: string, cursor: number): LineState {
  return { ...state, buffer, cursor: Math.max(0, Math.min(buffer.length, cursor)) };
}

function showHistory(state: LineState, index: number): LineState {
  if (index < 0 || index > state.history.length || index === state.historyIndex) return state;
  // Leaving the line being typed: remember it, as readline does.
  const draft = state.historyIndex === state.history.length ? state.buffer : state.draft;
  const buffer = index === state.history.length ? draft : (state.history[index] ?? '');
  return { ...state, buffer, cursor: buffer.length, historyIndex: index, draft };
}

function applyKey(state: LineState, key: EditKey): LineState {
  const { buffer: b, cursor: c } = state;
  switch (key) {
    case 'backspace': {
      const p = prevIndex(b, c);
      return c === 0 ? state : edit(state, b.slice(0, p) + b.slice(c), p);
    }
    case 'delete':
      return c >= b.length ? state : edit(state, b.slice(0, c) + b.slice(nextIndex(b, c)), c);
    case 'left':
      return edit(state, b, prevIndex(b, c));
    case 'right':
      return edit(state, b, nextIndex(b, c));
    case 'home':
      return edit(state, b, 0);
    case 'end':
      return edit(state, b, b.length);
    case 'word-left':
      return edit(state, b, wordLeft(b, c));
    case 'word-right':
      return edit(state, b, wordRight(b, c));
    case 'kill-before':
      return edit(state, b.slice(c), 0);
    case 'kill-after':
      return edit(state, b.slice(0, c), c);
    case 'kill-word-before': {
      const start = rubout(b, c);
      return edit(state, b.slice(0, start) + b.slice(c), start);
    }
    case 'up':
      return showHistory(state, state.historyIndex - 1);
    case 'down':
      return showHistory(state, state.historyIndex + 1);
  }
}

/** The line after one editing action. */
export function editLine(state: LineState, action: LineAction): LineState {
  switch (action.type) {
    case 'insert':
      return action.text ? edit(state, state.buffer.slice(0, state.cursor) + action.text + state.buffer.slice(state.cursor), state.cursor + action.text.length) : state;
    case 'key':
      return applyKey(state, action.key);
    case 'replace': {
      const start = Math.max(0, Math.min(action.start, state.buffer.length));
      const end = Math.max(start, Math.min(action.end, state.buffer.length));
      return edit(state, state.buffer.slice(0, start) + action.text + state.buffer.slice(end), start + action.text.length);
    }
    case 'reset':
      return initialLine(state.history);
  }
}

/** Enter: the line to run, and an empty line with it added to history (blank lines and a repeat
 * of the last line are not added, as with bash's HISTCONTROL=ignoredups). */
export function submitLine(state: LineState): { line: string; state: LineState } {
  const line = state.buffer;
  const skip = line.trim() === '' || state.history[state.history.length - 1] === line;
  return { line, state: initialLine(skip ? state.history : [...state.history, line]) };
}
