// What every command handler works with: the session (a private copy it may change), the
// simulated cluster, and the output it writes.

import { simulate, type SimulationCache } from '../cluster/build.ts';
import type { Trace } from '../trace/types.ts';
import type { ClusterView } from './objects/view.ts';
import { sessionManifests, type OutputChunk, type TerminalSession } from './session.ts';

/** Options the host passes with a command line. */
export interface RunOptions {
  /** Kept by the host between commands so unchanged YAML documents are not parsed again. */
  cache?: SimulationCache;
  /** Seconds that passed since the previous command (default 2): AGE moves on by this much. */
  elapsedSeconds?: number;
}

/** Output of one command, stream by stream, in order. */
export interface Output {
  chunks: OutputChunk[];
}

/** Everything a command handler needs. */
export interface CommandContext {
  session: TerminalSession;
  view: ClusterView;
  out: Output;
  traces: Trace[];
  /** NetLab's own explanations (why a ping got no answer): not program output. */
  notes: string[];
  options: RunOptions;
  /** Set when the handler replaced the editor's text. */
  manifestsChanged: boolean;
}

/** Appends to stdout. */
export function stdout(ctx: { out: Output }, text: string): void {
  if (text) ctx.out.chunks.push({ stream: 'stdout', text });
}

/** Appends to stderr. */
export function stderr(ctx: { out: Output }, text: string): void {
  if (text) ctx.out.chunks.push({ stream: 'stderr', text });
}

/** Simulates the session's manifests and wraps the result for kubectl. */
export function simulateSession(session: TerminalSession, cache?: SimulationCache): ClusterView {
  const sim = simulate({ manifests: sessionManifests(session), ...(session.cluster ? { cluster: session.cluster } : {}), ...(cache ? { cache } : {}) });
  return { sim, cluster: sim.cluster, clock: session.clock, born: session.born };
}

/** Replaces the editor's text and re-simulates, so later steps of the command see the change. */
export function replaceManifests(ctx: CommandContext, text: string): void {
  if (text === ctx.session.manifests.text) return;
  ctx.session = { ...ctx.session, manifests: { ...ctx.session.manifests, text } };
  ctx.manifestsChanged = true;
  ctx.view = simulateSession(ctx.session, ctx.options.cache);
}
