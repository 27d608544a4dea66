// The terminal's behaviour without xterm: input events go through one queue, so keys typed while
// a command runs wait their turn (typing is never blocked, nothing is lost, order is kept), and
// every screen update is a string written to a `TerminalScreen`. Tested with a fake screen.
import { formatCandidates, resolveCompletion, type Completion } from './completion.ts';
import { parseInput, type InputEvent } from './input.ts';
import { editLine, initialLine, submitLine, type LineState } from './line-editor.ts';
import { finishLine, redrawLine } from './render.ts';
import type { LineOutcome } from './run-line.ts';

/** Where the controller draws: xterm in the app, a string in tests. */
export interface TerminalScreen {
  write(data: string): void;
  cols(): number;
}

/** What runs the lines: the engine, through the worker. */
export interface TerminalBackend {
  prompt(): string;
  /** Whether lines run in a pod's shell (Ctrl+D on an empty line types `exit`). */
  inPodShell(): boolean;
  run(line: string): Promise<LineOutcome>;
  complete(line: string, cursor: number): Promise<Completion>;
}

export interface ControllerOptions {
  screen: TerminalScreen;
  backend: TerminalBackend;
  /** Earlier command lines, for Up and Down. */
  history?: readonly string[];
  /** Told everything the terminal printed that should survive a redraw (prompts with their lines, output). */
  onTranscript?(text: string): void;
  /** Told when the screen was cleared for good (`clear`). */
  onClearTranscript?(): void;
  /** Told the plain text of each command's output, for the screen-reader region. */
  onOutput?(text: string): void;
}

export interface TerminalController {
  /** Feeds what xterm's onData delivers. */
  input(data: string): void;
  /** Feeds pasted text (a paste never triggers keys: each line break runs a line). */
  paste(text: string): void;
  /** Prints the first prompt. */
  start(): void;
  /** Resolves once every queued input has been handled. */
  idle(): Promise<void>;
  dispose(): void;
}

const DIM = '\x1b[2m';
const NORMAL = '\x1b[22m';

/** Program output made safe to print: line ends for the terminal, and no control characters
 * (an escape sequence in a learner's input must not switch the terminal's modes). */
export function terminalText(text: string): string {
  let out = '';
  const normalised = text.replace(/\r\n?/g, '\n');
  for (const c of normalised) {
    const code = c.charCodeAt(0);
    if (c === '\n') out += '\r\n';
    else if (c === '\t' || (code >= 0x20 && code !== 0x7f)) out += c;
    else if (code === 0x1b) out += '^[';
  }
  return out;
}

/** The output of a command as the terminal prints it: the programs' text, then NetLab's notes
 * dimmed; always ending with a line break so the next prompt starts a row. */
export function formatOutcome(outcome: Pick<LineOutcome, 'output' | 'notes'>): string {
  let text = terminalText(outcome.output);
  if (text && !text.endsWith('\r\n')) text += '\r\n';
  for (const note of outcome.notes) for (const line of terminalText(note).split('\r\n')) text += `${DIM}${line}${NORMAL}\r\n`;
  return text;
}

/** Creates the controller; it writes nothing until `start`. */
export function createTerminalController(options: ControllerOptions): TerminalController {
  const { screen, backend } = options;
  const queue: InputEvent[] = [];
  let line: LineState = initialLine(options.history);
  let prompt = backend.prompt();
  // Where the cursor is, in cells from the start of the prompt's row.
  let cell = 0;
  let busy = false;
  let disposed = false;
  let waiters: Array<() => void> = [];

  const write = (data: string) => {
    if (!disposed && data) screen.write(data);
  };
  const record = (text: string) => {
    if (!disposed) options.onTranscript?.(text);
  };

  const draw = (next: LineState) => {
    const r = redrawLine(prompt, next.buffer, next.cursor, screen.cols(), cell);
    write(r.data);
    cell = r.cell;
    line = next;
  };

  const showPrompt = () => {
    prompt = backend.prompt();
    cell = 0;
    draw(line);
  };

  // Leaves the line as typed (with a suffix such as ^C) and moves to a new row.
  const endLine = (suffix = '') => {
    write(finishLine(prompt, line.buffer + suffix, screen.cols(), cell));
    record(`${prompt}${terminalText(line.buffer)}${suffix}\r\n`);
    cell = 0;
  };

  const run = async (text: string) => {
    const outcome = await backend.run(text);
    if (outcome.clear) {
      // `clear` also empties the scrollback, as it does in a real terminal (after erasing the
      // screen, which pushes the screen into the scrollback).
      write('\x1b[H\x1b[2J\x1b[3J');
      if (!disposed) options.onClearTranscript?.();
    }
    const printed = formatOutcome(outcome);
    write(printed);
    record(printed);
    if (!disposed) options.onOutput?.([outcome.output.trimEnd(), ...outcome.notes.map((n) => `Note: ${n}`)].filter(Boolean).join('\n'));
  };

  const tab = async () => {
    const at = line.cursor;
    const completion = await backend.complete(line.buffer, at);
    const outcome = resolveCompletion(completion, at);
    if (outcome.kind === 'replace') draw(editLine(line, { type: 'replace', start: outcome.start, end: outcome.end, text: outcome.text }));
    else if (outcome.kind === 'list') {
      // Like bash: the list below the line, then the prompt and the line again.
      const cursor = line.cursor;
      write(finishLine(prompt, line.buffer, screen.cols(), cell));
      write(`${formatCandidates(outcome.candidates, screen.cols()).map(terminalText).join('\r\n')}\r\n`);
      cell = 0;
      draw({ ...line, cursor });
    }
  };

  const handle = async (event: InputEvent) => {
    switch (event.kind) {
      case 'insert':
        draw(editLine(line, { type: 'insert', text: event.text }));
        return;
      case 'key': {
        const next = editLine(line, { type: 'key', key: event.key });
        if (next !== line) draw(next);
        return;
      }
      case 'tab':
        await tab();
        return;
      case 'interrupt':
        // Ctrl+C drops the line (in a pod's shell too) and is not remembered.
        endLine('^C');
        line = editLine(line, { type: 'reset' });
        showPrompt();
        return;
      case 'clear-screen':
        write('\x1b[H\x1b[2J');
        cell = 0;
        draw(line);
        return;
      case 'eof':
        // Ctrl+D on an empty line leaves a pod's shell; elsewhere it deletes, as in readline.
        if (line.buffer !== '') draw(editLine(line, { type: 'key', key: 'delete' }));
        else if (backend.inPodShell()) {
          draw(editLine(line, { type: 'insert', text: 'exit' }));
          await handle({ kind: 'enter' });
        }
        return;
      case 'enter': {
        endLine();
        const submitted = submitLine(line);
        line = submitted.state;
        if (submitted.line.trim() !== '') await run(submitted.line);
        showPrompt();
        return;
      }
    }
  };

  const pump = async () => {
    if (busy) return;
    busy = true;
    try {
      while (queue.length > 0 && !disposed) {
        try {
          await handle(queue.shift()!);
        } catch (error) {
          // Nothing typed may break the terminal: report, then carry on at a fresh prompt.
          const text = `error: ${error instanceof Error ? error.message : String(error)}\r\n`;
          write(text);
          record(text);
          line = editLine(line, { type: 'reset' });
          showPrompt();
        }
      }
    } finally {
      busy = false;
      const done = waiters;
      waiters = [];
      done.forEach((w) => w());
    }
  };

  const enqueue = (events: InputEvent[]) => {
    if (disposed || events.length === 0) return;
    queue.push(...events);
    void pump();
  };

  return {
    input: (data) => enqueue(parseInput(data)),
    paste: (text) => enqueue(parseInput(`\x1b[200~${text}\x1b[201~`)),
    start: () => showPrompt(),
    idle: () => (busy || queue.length > 0 ? new Promise<void>((resolve) => waiters.push(resolve)) : Promise.resolve()),
    dispose: () => {
      disposed = true;
      queue.length = 0;
    },
  };
}
