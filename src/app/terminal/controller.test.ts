import { describe, expect, it } from 'vitest';
import type { Completion } from './completion.ts';
import { createTerminalController, formatOutcome, terminalText, type TerminalBackend } from './controller.ts';
import type { LineOutcome } from './run-line.ts';
import { fakeScreen } from './vt.test-helpers.ts';

interface Harness {
  ran: string[];
  transcript: string[];
  outputs: string[];
  cleared: number;
  lines(): string[];
  type(data: string): Promise<void>;
  paste(text: string): Promise<void>;
}

/** A controller on a fake screen with a backend that answers from a table. */
function harness(options: { answers?: Record<string, Partial<LineOutcome>>; completions?: Record<string, Completion>; cols?: number; shellAfter?: string } = {}): Harness {
  const screen = fakeScreen(options.cols ?? 60);
  let prompt = '$ ';
  const backend: TerminalBackend = {
    prompt: () => prompt,
    inPodShell: () => prompt !== '$ ',
    run: async (line) => {
      h.ran.push(line);
      if (line === 'boom') throw new Error('engine crashed');
      if (line === options.shellAfter) prompt = '/ # ';
      if (line === 'exit') prompt = '$ ';
      return { output: '', notes: [], clear: false, exitCode: 0, ...options.answers?.[line] };
    },
    complete: async (line) => options.completions?.[line] ?? { start: line.length, current: '', candidates: [] },
  };
  const controller = createTerminalController({
    screen: { write: (d) => screen.write(d), cols: () => screen.cols },
    backend,
    history: ['kubectl get nodes'],
    onTranscript: (t) => h.transcript.push(t),
    onClearTranscript: () => (h.cleared += 1),
    onOutput: (t) => h.outputs.push(t),
  });
  const h: Harness = {
    ran: [],
    transcript: [],
    outputs: [],
    cleared: 0,
    lines: () => screen.lines(),
    type: async (data) => {
      controller.input(data);
      await controller.idle();
    },
    paste: async (text) => {
      controller.paste(text);
      await controller.idle();
    },
  };
  controller.start();
  return h;
}

describe('terminal controller', () => {
  it('shows a prompt, runs a line and prints its output', async () => {
    const t = harness({ answers: { 'kubectl get svc': { output: 'NAME   TYPE\nweb    ClusterIP\n' } } });
    expect(t.lines()).toEqual(['$']);
    await t.type('kubectl get svc\r');
    expect(t.ran).toEqual(['kubectl get svc']);
    expect(t.lines()).toEqual(['$ kubectl get svc', 'NAME   TYPE', 'web    ClusterIP', '$']);
    expect(t.outputs).toEqual(['NAME   TYPE\nweb    ClusterIP']);
    expect(t.transcript.join('')).toBe('$ kubectl get svc\r\nNAME   TYPE\r\nweb    ClusterIP\r\n');
  });

  it('edits the line before running it', async () => {
    const t = harness();
    await t.type('kubectl gt pods\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x1b[De\x01# \r');
    expect(t.ran).toEqual(['# kubectl get pods']);
  });

  it('keeps keys typed while a command runs, in order', async () => {
    const t = harness({ answers: { a: { output: 'A\n' }, b: { output: 'B\n' } } });
    await t.type('a\rb\rc');
    expect(t.ran).toEqual(['a', 'b']);
    expect(t.lines()).toEqual(['$ a', 'A', '$ b', 'B', '$ c']);
  });

  it('runs every line of a multi-line paste', async () => {
    const t = harness();
    await t.paste('kubectl get svc\nkubectl get pods\n');
    expect(t.ran).toEqual(['kubectl get svc', 'kubectl get pods']);
  });

  it('drops the line on Ctrl+C and does not remember it', async () => {
    const t = harness();
    await t.type('kubectl get po\x03');
    expect(t.lines()).toEqual(['$ kubectl get po^C', '$']);
    expect(t.ran).toEqual([]);
    await t.type('\x1b[A\r');
    expect(t.ran).toEqual(['kubectl get nodes']);
  });

  it('browses history with Up and Down', async () => {
    const t = harness();
    await t.type('one\r\x1b[A\x1b[A\x1b[B\r');
    expect(t.ran).toEqual(['one', 'one']);
  });

  it('completes a single candidate', async () => {
    const t = harness({ completions: { 'kubectl get se': { start: 12, current: 'se', candidates: ['services'] } } });
    await t.type('kubectl get se\t');
    expect(t.lines()).toEqual(['$ kubectl get services']);
    await t.type('\r');
    expect(t.ran).toEqual(['kubectl get services ']);
  });

  it('lists several candidates like bash, then the line again', async () => {
    const t = harness({ completions: { 'kubectl get endpoints': { start: 12, current: 'endpoints', candidates: ['endpoints', 'endpointslices'] } } });
    await t.type('kubectl get endpoints\t');
    expect(t.lines()).toEqual(['$ kubectl get endpoints', 'endpoints       endpointslices', '$ kubectl get endpoints']);
  });

  it('prints notes dimmed after the output, and ends output with a line break', async () => {
    const t = harness({ answers: { 'ping 10.96.0.1': { output: 'PING 10.96.0.1', notes: ['10.96.0.1 is a ClusterIP.'] } } });
    await t.type('ping 10.96.0.1\r');
    expect(t.lines()).toEqual(['$ ping 10.96.0.1', 'PING 10.96.0.1', '10.96.0.1 is a ClusterIP.', '$']);
    expect(t.transcript.join('')).toContain('\x1b[2m10.96.0.1 is a ClusterIP.\x1b[22m\r\n');
    expect(t.outputs).toEqual(['PING 10.96.0.1\nNote: 10.96.0.1 is a ClusterIP.']);
  });

  it('reports a failing backend and carries on', async () => {
    const t = harness({ answers: { ok: { output: 'fine\n' } } });
    await t.type('boom\rok\r');
    expect(t.lines()).toEqual(['$ boom', 'error: engine crashed', '$ ok', 'fine', '$']);
  });

  it('clears the screen and the transcript on clear', async () => {
    const t = harness({ answers: { clear: { clear: true } } });
    await t.type('x\rclear\r');
    expect(t.cleared).toBe(1);
    expect(t.lines()).toEqual(['$']);
  });

  it('redraws the line at the top on Ctrl+L', async () => {
    const t = harness();
    await t.type('a\rkubectl\x0c');
    expect(t.lines()).toEqual(['$ kubectl']);
  });

  it('shows the pod shell prompt, and Ctrl+D on an empty line exits it', async () => {
    const t = harness({ shellAfter: 'kubectl exec -it client -- sh' });
    await t.type('kubectl exec -it client -- sh\r');
    expect(t.lines()[t.lines().length - 1]).toBe('/ #');
    await t.type('\x04');
    expect(t.ran).toEqual(['kubectl exec -it client -- sh', 'exit']);
    expect(t.lines()[t.lines().length - 1]).toBe('$');
  });
});

describe('terminalText', () => {
  const cases = [
    { name: 'line ends become CRLF', text: 'a\nb\r\nc', want: 'a\r\nb\r\nc' },
    { name: 'escape sequences are shown, not obeyed', text: '\x1b[?1049h', want: '^[[?1049h' },
    { name: 'other control characters are dropped, tabs kept', text: 'a\x07\tb\x00', want: 'a\tb' },
  ];
  for (const c of cases) it(c.name, () => expect(terminalText(c.text)).toBe(c.want));
});

describe('formatOutcome', () => {
  it('prints nothing for a silent command', () => expect(formatOutcome({ output: '', notes: [] })).toBe(''));
});
