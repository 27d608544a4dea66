import { describe, expect, it } from 'vitest';
import { displayWidth, finishLine, redrawLine } from './render.ts';
import { fakeScreen } from './vt.test-helpers.ts';

describe('redrawLine', () => {
  const cases = [
    { name: 'a short line, cursor at the end', cols: 40, before: 'kube', after: 'kubectl get', cursor: 11, lines: ['$ kubectl get'], at: { row: 0, col: 13 } },
    { name: 'a short line, cursor in the middle', cols: 40, before: 'kubectl get', after: 'kubectl get', cursor: 3, lines: ['$ kubectl get'], at: { row: 0, col: 5 } },
    { name: 'a line that wraps', cols: 10, before: 'abcdefghijkl', after: 'abcdefghijklm', cursor: 13, lines: ['$ abcdefgh', 'ijklm'], at: { row: 1, col: 5 } },
    { name: 'shrinking a wrapped line clears the old tail', cols: 10, before: 'abcdefghijkl', after: 'abc', cursor: 3, lines: ['$ abc'], at: { row: 0, col: 5 } },
    { name: 'a line ending exactly at the margin', cols: 10, before: 'abcdefg', after: 'abcdefgh', cursor: 8, lines: ['$ abcdefgh'], at: { row: 1, col: 0 } },
    { name: 'cursor on the first row of a wrapped line', cols: 10, before: 'abcdefghijkl', after: 'abcdefghijkl', cursor: 1, lines: ['$ abcdefgh', 'ijkl'], at: { row: 0, col: 3 } },
  ];
  for (const c of cases)
    it(c.name, () => {
      const screen = fakeScreen(c.cols);
      const first = redrawLine('$ ', c.before, c.before.length, c.cols, 0);
      screen.write(first.data);
      const second = redrawLine('$ ', c.after, c.cursor, c.cols, first.cell);
      screen.write(second.data);
      expect(screen.lines()).toEqual(c.lines);
      expect(screen.cursor()).toEqual(c.at);
      expect(second.cell).toBe(2 + c.cursor);
    });
});

describe('finishLine', () => {
  const cases = [
    { name: 'from the middle of the line', cols: 40, buffer: 'kubectl get svc', cursor: 3, at: { row: 1, col: 0 } },
    { name: 'from the first row of a wrapped line', cols: 10, buffer: 'abcdefghijkl', cursor: 0, at: { row: 2, col: 0 } },
    { name: 'a line ending at the margin takes one row', cols: 10, buffer: 'abcdefgh', cursor: 2, at: { row: 1, col: 0 } },
  ];
  for (const c of cases)
    it(c.name, () => {
      const screen = fakeScreen(c.cols);
      const drawn = redrawLine('$ ', c.buffer, c.cursor, c.cols, 0);
      screen.write(drawn.data);
      screen.write(finishLine('$ ', c.buffer, c.cols, drawn.cell));
      expect(screen.cursor()).toEqual(c.at);
    });
});

describe('displayWidth', () => {
  for (const c of [
    { name: 'ASCII', text: 'kubectl', want: 7 },
    { name: 'an emoji is one code point', text: 'a😀', want: 2 },
  ])
    it(c.name, () => expect(displayWidth(c.text)).toBe(c.want));
});
