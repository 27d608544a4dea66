// The terminal's state between commands: plain, JSON-serialisable data the UI keeps (and may
// persist) and hands back with every command line.
//
// The editor's YAML is the source of truth. The terminal never holds a cluster of its own:
// every command simulates `manifests` afresh, and a command that changes the cluster (apply,
// delete, scale, label, annotate, expose, create, run, cordon, drain, rollout restart) returns a
// NEW manifests text, edited the way a person would edit the YAML (a document replaced,
// appended or removed, one field set), with `manifestsChanged: true`. The UI puts that text in
// the editor, so the diagram, the checks and the terminal always agree, and undo works.

import type { ClusterBlock } from '../cluster/settings.ts';
import type { Trace } from '../trace/types.ts';

/** A shell running inside a pod (after `kubectl exec -it POD -- sh` or `kubectl run -it`). */
export interface PodShell {
  namespace: string;
  pod: string;
  container: string;
  /** The shell program (`sh`, `bash`, `ash`), as the prompt and error messages name it. */
  program: string;
  /** The prompt the shell shows (`/ # `, `~ $ `, `root@web:/# `). */
  prompt: string;
  /** A pod that only lives while the shell runs (`kubectl run --rm -it`): its manifest, which
   * every simulation adds to the editor's text until `exit`; the editor never sees it. */
  ephemeral?: string;
}

/** One terminal. */
export interface TerminalSession {
  /** The editor's manifests (the source of truth), with the file name kubectl reports. */
  manifests: { file: string; text: string };
  /** The scenario's `cluster:` block, if any. */
  cluster?: ClusterBlock;
  /** kubectl's current namespace (the kubeconfig context's). */
  namespace: string;
  shell?: PodShell;
  /** Command lines, oldest first (at most HISTORY_LIMIT). */
  history: string[];
  /** Seconds since the simulated cluster came up. Objects written in the editor were created at
   * 0; the terminal starts at 300, so their AGE reads `5m`, and each command moves it on. */
  clock: number;
  /** When objects created from the terminal appeared: ref (`pod/default/tmp`) -> clock. */
  born: Record<string, number>;
  /** Log lines of pods that served requests sent from the terminal, by `<ns>/<pod>` (the
   * ingress-nginx controller's access log, nginx's). */
  logs: Record<string, string[]>;
  /** Other files `kubectl apply -f NAME` can read (lesson files), by name. */
  files?: Record<string, string>;
  /** Exit status of the last command, as `$?` reads it. */
  lastExitCode?: number;
}

/** One stream chunk, in the order the terminal shows it. */
export interface OutputChunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** What one command line did. */
export interface CommandResult {
  /** Everything the terminal shows (stdout and stderr interleaved). */
  output: string;
  /** The same, split by stream (for a CLI that prints them apart). */
  chunks: OutputChunk[];
  exitCode: number;
  session: TerminalSession;
  /** Requests the command sent (curl, wget, nc, ...), for the diagram to animate. */
  traces?: Trace[];
  /** NetLab's explanations of what happened (why a ClusterIP does not answer ping), shown
   * apart from the output, which stays exactly what the real programs print. */
  notes?: string[];
  /** True when `session.manifests.text` changed: the editor should take the new text. */
  manifestsChanged?: boolean;
  /** `clear` was typed: the terminal should clear its screen. */
  clear?: boolean;
}

export const HISTORY_LIMIT = 500;
export const LOG_LIMIT = 200;
/** Where the clock starts: objects written in the editor are five minutes old. */
export const INITIAL_CLOCK = 300;

/** A new terminal on the given manifests. */
export function createSession(manifests: { file: string; text: string }, options: { cluster?: ClusterBlock; namespace?: string; files?: Record<string, string> } = {}): TerminalSession {
  return {
    manifests: { file: manifests.file, text: manifests.text },
    ...(options.cluster ? { cluster: options.cluster } : {}),
    namespace: options.namespace ?? 'default',
    history: [],
    clock: INITIAL_CLOCK,
    born: {},
    logs: {},
    ...(options.files ? { files: options.files } : {}),
  };
}

/** The prompt to show before the next command line. */
export function promptOf(session: TerminalSession): string {
  return session.shell ? session.shell.prompt : '$ ';
}

/** The manifests every simulation of this session runs: the editor's text, plus the pod of a
 * `kubectl run --rm -it` shell while it runs. The UI simulates the same list to draw that pod. */
export function sessionManifests(session: TerminalSession): Array<{ file: string; text: string }> {
  const list = [{ file: session.manifests.file, text: session.manifests.text }];
  if (session.shell?.ephemeral) list.push({ file: '<kubectl run>', text: session.shell.ephemeral });
  return list;
}
