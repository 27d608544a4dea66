// Go's text/tabwriter (flags 0, space padding), which kubectl formats every table and describe
// output with: cells end at a tab, the last cell of a line is not aligned, and a column is as
// wide as its widest cell in each block of consecutive lines that have that column.

/** Tabwriter settings: kubectl get uses minwidth 6 / padding 3, kubectl describe 0 / 2. */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

/** The settings of `printers.GetNewTabWriter` (kubectl get). */
export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
/** The settings of `describe.tabbedString` (kubectl describe). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

function textWidth(s: string): number {
  // Go counts runes (utf8.RuneCount), not UTF-16 code units.
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Aligns tab-separated text exactly as Go's tabwriter does. */
export function alignTabs(text: string, options: TabwriterOptions): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i]!;
      let row = '';
      cells.forEach((cell, j) => {
        if (j < widths.length) row += cell + ' '.repeat(Math.max(0, widths[j]! - textWidth(cell)));
        else row += cell;
      });
      out.push(row);
    }
  };

  // format() of text/tabwriter: recursively find column blocks and their widths.
  const format = (start: number, end: number) => {
    let line0 = start;
    const column = widths.length;
    for (let i = line0; i < end; i++) {
      if (column >= lines[i]!.length - 1) continue;
      writeLines(line0, i);
      line0 = i;
      let width = options.minwidth;
      for (; i < end; i++) {
        const cells = lines[i]!;
        if (column >= cells.length - 1) break;
        width = Math.max(width, textWidth(cells[column]!) + options.padding);
      }
      widths.push(width);
      format(line0, i);
      widths.pop();
      // Line i has no cell in this column (or is the end): the loop's i++ passes over it.
      line0 = i;
    }
    writeLines(line0, end);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** Rows of cells as kubectl's table printer writes them, aligned. */
export function formatTable(rows: string[][], options: TabwriterOptions = GET_TABWRITER): string {
  return alignTabs(rows.map((r) => `${r.join('\t')}\n`).join(''), options);
}
