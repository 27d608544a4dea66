// A tiny VT100 screen for tests: enough of xterm's behaviour (autowrap with a pending wrap at the
// right margin, CR, LF, cursor moves, erase below) to check what the terminal code writes.

export interface FakeScreen {
  cols: number;
  write(data: string): void;
  /** The screen's rows, trailing spaces trimmed, trailing empty rows dropped. */
  lines(): string[];
  cursor(): { row: number; col: number };
}

/** A screen `cols` wide with unlimited rows. */
export function fakeScreen(cols: number): FakeScreen {
  const grid: string[][] = [[]];
  let row = 0;
  let col = 0;
  let pendingWrap = false;
  const rowAt = (r: number) => (grid[r] ??= []);
  const csi = (params: string, final: string) => {
    const n = Math.max(1, Number.parseInt(params || '1', 10) || 1);
    pendingWrap = false;
    if (final === 'A') row = Math.max(0, row - n);
    else if (final === 'B') row += n;
    else if (final === 'C') col = Math.min(cols - 1, col + n);
    else if (final === 'D') col = Math.max(0, col - n);
    else if (final === 'H') row = col = 0;
    else if (final === 'J' && (params === '' || params === '0')) {
      rowAt(row).length = Math.min(rowAt(row).length, col);
      grid.length = Math.min(grid.length, row + 1);
    } else if (final === 'J') grid.length = 0;
  };
  return {
    cols,
    write(data) {
      for (let i = 0; i < data.length; i++) {
        const c = data[i]!;
        if (c === '\x1b') {
          const m = /^\[([?0-9;]*)([A-Za-z~])/.exec(data.slice(i + 1));
          if (m) {
            if (!m[1]!.startsWith('?') && m[2] !== 'm') csi(m[1]!, m[2]!);
            i += m[0].length;
          }
        } else if (c === '\r') {
          col = 0;
          pendingWrap = false;
        } else if (c === '\n') {
          row += 1;
          pendingWrap = false;
        } else {
          if (pendingWrap) {
            row += 1;
            col = 0;
            pendingWrap = false;
          }
          const r = rowAt(row);
          while (r.length < col) r.push(' ');
          r[col] = c;
          if (col === cols - 1) pendingWrap = true;
          else col += 1;
        }
      }
    },
    lines() {
      const out = Array.from({ length: grid.length }, (_, r) => (grid[r] ?? []).join('').trimEnd());
      while (out.length > 0 && out[out.length - 1] === '') out.pop();
      return out;
    },
    cursor: () => ({ row, col }),
  };
}
