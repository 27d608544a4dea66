// Draws the prompt and the line being edited with plain VT100 sequences. Pure: the terminal view
// writes what this returns. Cells count from the first column of the prompt's row, so a line
// longer than the terminal is wide (it wraps) is redrawn correctly.

/** Columns `text` takes: one per code point (wide characters are rare at a kubectl prompt). */
export function displayWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const up = (rows: number) => (rows > 0 ? `\x1b[${rows}A` : '');
const toColumn = (col: number) => `\r${col > 0 ? `\x1b[${col}C` : ''}`;

/** Escape sequences that redraw `prompt + buffer` and leave the cursor at `cursor`, when the
 * terminal's cursor is now at cell `fromCell` of the prompt's line; and the cell it ends at. */
export function redrawLine(prompt: string, buffer: string, cursor: number, cols: number, fromCell: number): { data: string; cell: number } {
  const width = Math.max(1, cols);
  const end = displayWidth(prompt) + displayWidth(buffer);
  const target = displayWidth(prompt) + displayWidth(buffer.slice(0, cursor));
  let data = `${up(Math.floor(fromCell / width))}\r\x1b[J${prompt}${buffer}`;
  // At exactly the right margin the cursor waits there (pending wrap): step onto the next row so
  // the row arithmetic below holds.
  if (end > 0 && end % width === 0) data += '\r\n';
  data += up(Math.floor(end / width) - Math.floor(target / width)) + toColumn(target % width);
  return { data, cell: target };
}

/** Redraws the line with the cursor after its end and starts a new row (Enter, before the
 * command's output). */
export function finishLine(prompt: string, buffer: string, cols: number, fromCell: number): string {
  const { data, cell } = redrawLine(prompt, buffer, buffer.length, cols, fromCell);
  // A line ending exactly at the margin is already on the next row.
  return cell > 0 && cell % Math.max(1, cols) === 0 ? data : `${data}\r\n`;
}
