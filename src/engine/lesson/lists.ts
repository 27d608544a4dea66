// Top-level markdown list items, for the directives whose content is a list (hints, options, steps).
import { trimBlankLines } from './directives.ts';

/** One top-level list item: its markdown (continuation lines dedented) and task-list mark. */
export interface ListItem {
  text: string;
  /** `- [x]` true, `- [ ]` false, a plain item undefined. */
  checked?: boolean;
  /** Index of the item's first line among the lines given, and one past its last line. */
  index: number;
  end: number;
}

const BULLET = /^([-*+])(\s+)(.*)$/;
const NUMBERED = /^(\d{1,3}[.)])(\s+)(.*)$/;
const TASK = /^\[([ xX])\]\s+(.*)$/s;

/** Splits lines into top-level list items (bulleted, or numbered when `ordered`) and the lines
 * outside any item. A line at column 0 that is not an item ends the item before it. Lines marked
 * `opaque` (inside fenced code) never start an item, so a YAML list in a code block stays code. */
export function splitListItems(lines: string[], ordered: boolean, opaque: readonly boolean[] = []): { items: ListItem[]; rest: string[] } {
  const items: ListItem[] = [];
  const rest: string[] = [];
  const marker = ordered ? NUMBERED : BULLET;
  let current: { lines: string[]; width: number; index: number; end: number } | undefined;
  const finish = () => {
    if (!current) return;
    const text = trimBlankLines(current.lines).join('\n');
    const task = TASK.exec(text);
    const { index, end } = current;
    items.push(task ? { text: task[2]!.trim(), checked: task[1] !== ' ', index, end } : { text: text.trim(), index, end });
    current = undefined;
  };
  lines.forEach((line, index) => {
    const m = opaque[index] ? null : marker.exec(line);
    if (m) {
      finish();
      current = { lines: [m[3] ?? ''], width: m[1]!.length + m[2]!.length, index, end: index + 1 };
      return;
    }
    if (current && (line.trim() === '' || /^\s/.test(line))) {
      current.lines.push(dedent(line, current.width));
      if (line.trim() !== '') current.end = index + 1;
      return;
    }
    finish();
    rest.push(line);
  });
  finish();
  return { items, rest };
}

function dedent(line: string, width: number): string {
  let k = 0;
  while (k < width && line[k] === ' ') k++;
  return line.slice(k);
}
