// The terminal itself: xterm wired to the line controller and the engine. Loaded lazily with
// xterm, when the drawer first opens.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef, useState } from 'react';
import type { ClusterBlock } from '../../engine/cluster/settings.ts';
import type { WorkspaceEditing } from '../workspace/editing.ts';
import { createTerminalController } from './controller.ts';
import { keyAction } from './keys.ts';
import { completeTerminalLine, historyFor, inPodShellFor, promptFor, runTerminalLine, type TerminalTarget } from './run-line.ts';
import { useTerminal } from './terminal-store.ts';
import './terminal.css';

// A terminal looks like one in either app theme.
const THEME: ITheme = {
  background: '#14171d',
  foreground: '#e4e8ef',
  cursor: '#e4e8ef',
  selectionBackground: '#3b5998',
  black: '#14171d',
  brightBlack: '#6b7280',
  blue: '#7ea6ff',
  green: '#6fd08c',
  red: '#ff8a80',
  yellow: '#f2c56b',
};

const FONT = "ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace";
const GREETING = '\x1b[2mkubectl against the simulated cluster: commands that change it change the YAML. Type help for what works.\x1b[22m\r\n';

interface TerminalViewProps {
  editing: WorkspaceEditing;
  cluster?: ClusterBlock;
  autoFocus?: boolean;
}

/** xterm on the workspace's kubectl session. */
export default function TerminalView({ editing, cluster, autoFocus }: TerminalViewProps) {
  const host = useRef<HTMLDivElement>(null);
  const [lastOutput, setLastOutput] = useState('');
  // The terminal is made once per workspace; the settings are read when a line runs.
  const target = useRef<TerminalTarget>({ ...editing, ...(cluster ? { cluster } : {}) });
  target.current = { ...editing, ...(cluster ? { cluster } : {}) };
  const focus = useRef(autoFocus);
  const { docKey } = editing;

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const store = useTerminal.getState;
    const term = new Terminal({ fontFamily: FONT, fontSize: 13, cursorBlink: true, scrollback: 5000, theme: THEME, minimumContrastRatio: 4.5, scrollOnEraseInDisplay: true, rightClickSelectsWord: false });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(element);
    term.textarea?.setAttribute('aria-label', 'Terminal input: type kubectl, curl or nslookup commands. Shift+Tab leaves the terminal.');
    const tryFit = () => {
      try {
        fit.fit();
      } catch {
        // Hidden or not laid out yet: the next resize fits it.
      }
    };
    tryFit();
    // Bracketed paste: a pasted text arrives marked, so its line breaks and tabs are not keys.
    term.write('\x1b[?2004h');
    const transcript = store().transcripts[docKey];
    term.write(transcript || GREETING);
    if (!transcript) store().appendTranscript(docKey, GREETING);

    let lastRun: number | undefined;
    const controller = createTerminalController({
      screen: { write: (data) => term.write(data), cols: () => term.cols },
      backend: {
        prompt: () => promptFor(docKey),
        inPodShell: () => inPodShellFor(docKey),
        run: (line) => {
          const now = Date.now();
          const elapsed = lastRun === undefined ? undefined : Math.max(1, Math.round((now - lastRun) / 1000));
          lastRun = now;
          return runTerminalLine(target.current, line, elapsed);
        },
        complete: (line, cursor) => completeTerminalLine(target.current, line, cursor),
      },
      history: historyFor(docKey),
      onTranscript: (text) => store().appendTranscript(docKey, text),
      onClearTranscript: () => store().clearTranscript(docKey),
      onOutput: setLastOutput,
    });
    controller.start();
    const data = term.onData((d) => controller.input(d));
    term.attachCustomKeyEventHandler((event) => {
      const action = keyAction(event, term.hasSelection());
      if (action === 'copy-now') {
        event.preventDefault();
        void navigator.clipboard?.writeText(term.getSelection()).catch(() => {});
      }
      return action === 'terminal';
    });
    let frame = 0;
    const resize = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tryFit);
    });
    resize.observe(element);
    if (focus.current) term.focus();
    return () => {
      cancelAnimationFrame(frame);
      resize.disconnect();
      data.dispose();
      controller.dispose();
      term.dispose();
    };
  }, [docKey]);

  return (
    <>
      <div ref={host} className="terminal-screen" role="group" aria-label="Terminal screen" data-testid="terminal" />
      <div className="sr-only" aria-live="polite" aria-label="Terminal output" data-testid="terminal-output">
        {lastOutput}
      </div>
    </>
  );
}
