// kubectl and a pod shell against the simulated cluster: the terminal's engine. Pure functions of
// (session, line): the UI keeps the session, shows the output, animates the traces, and puts a
// changed manifests text back into the editor (see session.ts for why the editor stays the
// source of truth).

export { runCommandLine } from './run.ts';
export { complete, completionContext, type CompletionContext } from './complete.ts';
export { createSession, promptOf, sessionManifests, type CommandResult, type OutputChunk, type PodShell, type TerminalSession } from './session.ts';
export type { RunOptions } from './context.ts';
