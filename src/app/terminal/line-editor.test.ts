import { describe, expect, it } from 'vitest';
import type { EditKey } from './input.ts';
import { editLine, HISTORY_MAX, initialLine, submitLine, type LineAction, type LineState } from './line-editor.ts';

const at = (buffer: string, cursor = buffer.length, history: string[] = []): LineState => ({ ...initialLine(history), buffer, cursor });
const key = (k: EditKey): LineAction => ({ type: 'key', key: k });

describe('editLine', () => {
  const cases: Array<{ name: string; from: LineState; actions: LineAction[]; buffer: string; cursor: number }> = [
    { name: 'insert at the end', from: at(''), actions: [{ type: 'insert', text: 'kubectl' }], buffer: 'kubectl', cursor: 7 },
    { name: 'insert in the middle', from: at('kubectl svc', 8), actions: [{ type: 'insert', text: 'get ' }], buffer: 'kubectl get svc', cursor: 12 },
    { name: 'backspace', from: at('kubectx'), actions: [key('backspace'), { type: 'insert', text: 'l' }], buffer: 'kubectl', cursor: 7 },
    { name: 'backspace at the start does nothing', from: at('abc', 0), actions: [key('backspace')], buffer: 'abc', cursor: 0 },
    { name: 'backspace removes a whole emoji', from: at('a😀'), actions: [key('backspace')], buffer: 'a', cursor: 1 },
    { name: 'delete under the cursor', from: at('abc', 1), actions: [key('delete')], buffer: 'ac', cursor: 1 },
    { name: 'delete at the end does nothing', from: at('abc'), actions: [key('delete')], buffer: 'abc', cursor: 3 },
    { name: 'left and right stop at the ends', from: at('ab', 1), actions: [key('left'), key('left'), key('right'), key('right'), key('right')], buffer: 'ab', cursor: 2 },
    { name: 'left steps over a surrogate pair', from: at('😀'), actions: [key('left')], buffer: '😀', cursor: 0 },
    { name: 'home and end', from: at('get pods', 3), actions: [key('home'), { type: 'insert', text: 'kubectl ' }, key('end')], buffer: 'kubectl get pods', cursor: 16 },
    { name: 'word left and right', from: at('kubectl get pods'), actions: [key('word-left'), key('word-left')], buffer: 'kubectl get pods', cursor: 8 },
    { name: 'word right from the start', from: at('kubectl get', 0), actions: [key('word-right')], buffer: 'kubectl get', cursor: 7 },
    { name: 'ctrl+u kills before the cursor', from: at('kubectl get pods', 8), actions: [key('kill-before')], buffer: 'get pods', cursor: 0 },
    { name: 'ctrl+k kills after the cursor', from: at('kubectl get pods', 11), actions: [key('kill-after')], buffer: 'kubectl get', cursor: 11 },
    { name: 'ctrl+w rubs out a word with its punctuation', from: at('kubectl get pods -o=wide'), actions: [key('kill-word-before')], buffer: 'kubectl get pods ', cursor: 17 },
    { name: 'replace a word (completion)', from: at('kubectl get sv'), actions: [{ type: 'replace', start: 12, end: 14, text: 'services ' }], buffer: 'kubectl get services ', cursor: 21 },
    { name: 'replace clamps its range', from: at('ab'), actions: [{ type: 'replace', start: 5, end: 9, text: 'c' }], buffer: 'abc', cursor: 3 },
    { name: 'reset drops the line', from: at('kubectl', 3), actions: [{ type: 'reset' }], buffer: '', cursor: 0 },
  ];
  for (const c of cases)
    it(c.name, () => {
      const end = c.actions.reduce(editLine, c.from);
      expect({ buffer: end.buffer, cursor: end.cursor }).toEqual({ buffer: c.buffer, cursor: c.cursor });
    });
});

describe('history', () => {
  const history = ['kubectl get pods', 'kubectl get svc'];
  const cases: Array<{ name: string; typed: string; keys: EditKey[]; buffer: string }> = [
    { name: 'up shows the last line', typed: '', keys: ['up'], buffer: 'kubectl get svc' },
    { name: 'up twice shows the one before', typed: '', keys: ['up', 'up'], buffer: 'kubectl get pods' },
    { name: 'up stops at the oldest', typed: '', keys: ['up', 'up', 'up'], buffer: 'kubectl get pods' },
    { name: 'down comes back to what was typed', typed: 'kubectl des', keys: ['up', 'up', 'down', 'down'], buffer: 'kubectl des' },
    { name: 'down past the newest keeps the typed line', typed: 'x', keys: ['down'], buffer: 'x' },
  ];
  for (const c of cases)
    it(c.name, () => {
      const end = c.keys.map(key).reduce(editLine, editLine(initialLine(history), { type: 'insert', text: c.typed }));
      expect(end.buffer).toBe(c.buffer);
      expect(end.cursor).toBe(c.buffer.length);
    });
});

describe('submitLine', () => {
  const cases: Array<{ name: string; history: string[]; line: string; after: string[] }> = [
    { name: 'adds the line', history: ['a'], line: 'b', after: ['a', 'b'] },
    { name: 'skips a blank line', history: ['a'], line: '   ', after: ['a'] },
    { name: 'skips a repeat of the last line', history: ['a'], line: 'a', after: ['a'] },
  ];
  for (const c of cases)
    it(c.name, () => {
      const { line, state } = submitLine(at(c.line, c.line.length, c.history));
      expect(line).toBe(c.line);
      expect(state.history).toEqual(c.after);
      expect(state).toMatchObject({ buffer: '', cursor: 0, historyIndex: c.after.length });
    });

  it(`keeps at most ${HISTORY_MAX} lines`, () => {
    const long = Array.from({ length: HISTORY_MAX + 5 }, (_, i) => `cmd ${i}`);
    expect(initialLine(long).history).toHaveLength(HISTORY_MAX);
    expect(initialLine(long).history[0]).toBe('cmd 5');
  });
});
