// Turns what xterm's onData delivers (typed keys as bytes and escape sequences, pasted text) into
// line-editing events. Pure, so the key handling is tested without a terminal.

/** Keys that move the cursor or edit the line. */
export type EditKey =
  | 'backspace'
  | 'delete'
  | 'left'
  | 'right'
  | 'home'
  | 'end'
  | 'up'
  | 'down'
  | 'word-left'
  | 'word-right'
  | 'kill-before'
  | 'kill-after'
  | 'kill-word-before';

/** One thing the learner did at the prompt. */
export type InputEvent =
  | { kind: 'insert'; text: string }
  | { kind: 'enter' }
  | { kind: 'tab' }
  /** Ctrl+C. */
  | { kind: 'interrupt' }
  /** Ctrl+L. */
  | { kind: 'clear-screen' }
  /** Ctrl+D. */
  | { kind: 'eof' }
  | { kind: 'key'; key: EditKey };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

// CSI and SS3 sequences xterm sends for the keys a line editor cares about (normal and
// application cursor mode, with and without modifiers).
const SEQUENCES: Record<string, EditKey> = {
  '\x1b[A': 'up',
  '\x1b[B': 'down',
  '\x1b[C': 'right',
  '\x1b[D': 'left',
  '\x1b[H': 'home',
  '\x1b[F': 'end',
  '\x1bOA': 'up',
  '\x1bOB': 'down',
  '\x1bOC': 'right',
  '\x1bOD': 'left',
  '\x1bOH': 'home',
  '\x1bOF': 'end',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x1b[3~': 'delete',
  '\x1b[1;5C': 'word-right',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;3C': 'word-right',
  '\x1b[1;3D': 'word-left',
  '\x1bf': 'word-right',
  '\x1bb': 'word-left',
  '\x1b\x7f': 'kill-word-before',
};

const CONTROL: Record<string, InputEvent> = {
  '\r': { kind: 'enter' },
  '\n': { kind: 'enter' },
  '\t': { kind: 'tab' },
  '\x03': { kind: 'interrupt' },
  '\x0c': { kind: 'clear-screen' },
  '\x04': { kind: 'eof' },
  '\x7f': { kind: 'key', key: 'backspace' },
  '\b': { kind: 'key', key: 'backspace' },
  '\x01': { kind: 'key', key: 'home' },
  '\x05': { kind: 'key', key: 'end' },
  '\x02': { kind: 'key', key: 'left' },
  '\x06': { kind: 'key', key: 'right' },
  '\x10': { kind: 'key', key: 'up' },
  '\x0e': { kind: 'key', key: 'down' },
  '\x15': { kind: 'key', key: 'kill-before' },
  '\x0b': { kind: 'key', key: 'kill-after' },
  '\x17': { kind: 'key', key: 'kill-word-before' },
};

/** Whether a character is printable (not a C0/C1 control character). */
function printable(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  return code >= 0x20 && code !== 0x7f && !(code >= 0x80 && code < 0xa0);
}

function pushText(events: InputEvent[], text: string): void {
  if (!text) return;
  const last = events[events.length - 1];
  if (last?.kind === 'insert') last.text += text;
  else events.push({ kind: 'insert', text });
}

/** Pasted text: every line break ends a command line, tabs become spaces, other control
 * characters are dropped (a paste must never trigger Ctrl+C or completion). */
export function pasteEvents(text: string): InputEvent[] {
  const events: InputEvent[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, i) => {
    if (i > 0) events.push({ kind: 'enter' });
    pushText(events, [...line.replace(/\t/g, ' ')].filter(printable).join(''));
  });
  return events;
}

/** The length of the escape sequence starting at `i` (`\x1b[...X`, `\x1bOX`, `\x1bX`). */
function escapeLength(data: string, i: number): number {
  const next = data[i + 1];
  if (next === undefined) return 1;
  if (next === '[') {
    let j = i + 2;
    // Parameters and intermediates, then one final byte in @..~.
    while (j < data.length && /[0-9;?<=> !"#$%&'()*+,\-./]/.test(data[j]!)) j++;
    return Math.min(data.length, j + 1) - i;
  }
  if (next === 'O') return Math.min(3, data.length - i);
  return 2;
}

/** Splits one onData payload into events. Bracketed paste (`ESC[200~ ... ESC[201~`) is handled
 * as a paste; without it, xterm delivers pasted line breaks as `\r`, which run each line too. */
export function parseInput(data: string): InputEvent[] {
  const events: InputEvent[] = [];
  let i = 0;
  while (i < data.length) {
    if (data.startsWith(PASTE_START, i)) {
      const end = data.indexOf(PASTE_END, i + PASTE_START.length);
      const stop = end === -1 ? data.length : end;
      for (const e of pasteEvents(data.slice(i + PASTE_START.length, stop))) {
        if (e.kind === 'insert') pushText(events, e.text);
        else events.push(e);
      }
      i = end === -1 ? data.length : end + PASTE_END.length;
      continue;
    }
    const c = data[i]!;
    if (c === '\x1b') {
      const length = escapeLength(data, i);
      const key = SEQUENCES[data.slice(i, i + length)];
      if (key) events.push({ kind: 'key', key });
      i += length;
      continue;
    }
    // `\r\n` (a paste from a file with Windows line ends) is one line end.
    if (c === '\r' && data[i + 1] === '\n') {
      events.push({ kind: 'enter' });
      i += 2;
      continue;
    }
    const control = CONTROL[c];
    if (control) events.push(control);
    else if (printable(c)) {
      const cp = String.fromCodePoint(data.codePointAt(i)!);
      pushText(events, cp);
      i += cp.length;
      continue;
    }
    i += 1;
  }
  return events;
}
