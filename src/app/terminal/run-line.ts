// Runs terminal command lines in the engine worker against the workspace: the editor's YAML is
// the cluster, so every line sees the text as it is now, a command that changes the cluster puts
// its new text back into the editor (autosaved and simulated like an edit), and requests the
// command sent play in the request panel and on the diagram.
import type { ClusterBlock } from '../../engine/cluster/settings.ts';
import { createSession, promptOf, type CommandResult, type TerminalSession } from '../../engine/kubectl/session.ts';
import { engineClient } from '../engine/engine-instance.ts';
import type { DocumentKey } from '../state/documents-store.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';
import type { Completion } from './completion.ts';
import { useTerminal } from './terminal-store.ts';

/** The workspace a terminal works on. */
export interface TerminalTarget {
  docKey: DocumentKey;
  file: string;
  cluster?: ClusterBlock;
  getText(): string;
  setText(text: string): void;
}

/** What the terminal shows after a command line. */
export interface LineOutcome {
  output: string;
  notes: string[];
  clear: boolean;
  exitCode: number;
}

/** The session with the editor's current text and the workspace's cluster settings: the editor
 * is the source of truth, so whatever was typed there since the last command counts. */
export function syncSession(session: TerminalSession | undefined, file: string, text: string, cluster: ClusterBlock | undefined): TerminalSession {
  const base = session ?? createSession({ file, text });
  const { cluster: _old, ...rest } = base;
  return { ...rest, manifests: { file, text }, ...(cluster ? { cluster } : {}) };
}

/** The session of a workspace, in step with its editor. */
export function sessionFor(target: TerminalTarget): TerminalSession {
  return syncSession(useTerminal.getState().sessions[target.docKey], target.file, target.getText(), target.cluster);
}

/** The prompt of a workspace's terminal (`$ `, or the pod shell's). */
export function promptFor(docKey: DocumentKey): string {
  const session = useTerminal.getState().sessions[docKey];
  return session ? promptOf(session) : '$ ';
}

/** Earlier command lines of a workspace's terminal, oldest first. */
export function historyFor(docKey: DocumentKey): string[] {
  return useTerminal.getState().sessions[docKey]?.history ?? [];
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Shows the command's requests in the request panel and on the diagram, like a sent request.
 * They are not the panel's own request, so an edit does not re-send them. */
function showTraces(result: CommandResult): void {
  if (!result.traces || result.traces.length === 0) return;
  useTraces.setState({ sent: undefined, change: undefined, sending: false });
  useTraces.getState().receive(useSimulation.getState().shown?.seq ?? 0, result.traces);
}

/** Runs one command line; never rejects (a failure is printed the way kubectl prints errors). */
export async function runTerminalLine(target: TerminalTarget, line: string, elapsedSeconds?: number): Promise<LineOutcome> {
  const session = sessionFor(target);
  const sentText = session.manifests.text;
  let result: CommandResult;
  try {
    result = await engineClient().runKubectl({ session, line, ...(elapsedSeconds !== undefined ? { elapsedSeconds } : {}) });
  } catch (error) {
    return { output: `error: ${message(error)}\n`, notes: [], clear: false, exitCode: 1 };
  }
  let output = result.output;
  let next = result.session;
  if (result.manifestsChanged && next.manifests.text !== sentText) {
    // Typing in the editor while the command ran wins: never overwrite the learner's edit.
    if (target.getText() === sentText) target.setText(next.manifests.text);
    else {
      output += 'error: the YAML in the editor changed while the command ran, so nothing was written: run the command again\n';
      next = { ...next, manifests: { ...next.manifests, text: target.getText() } };
    }
  }
  useTerminal.getState().setSession(target.docKey, next);
  showTraces(result);
  return { output, notes: result.notes ?? [], clear: result.clear === true, exitCode: result.exitCode };
}

/** Tab completion for the word at `cursor`; no candidates when the engine cannot answer. */
export async function completeTerminalLine(target: TerminalTarget, line: string, cursor: number): Promise<Completion> {
  try {
    return await engineClient().completeKubectl({ session: sessionFor(target), line, cursor });
  } catch {
    return { start: cursor, current: '', candidates: [] };
  }
}

/** Whether a workspace's terminal is in a pod's shell. */
export function inPodShellFor(docKey: DocumentKey): boolean {
  return useTerminal.getState().sessions[docKey]?.shell !== undefined;
}
