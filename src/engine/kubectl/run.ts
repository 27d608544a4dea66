// The terminal's entry point: one command line in, its output and the next session out. Lines
// run on the learner's machine (kubectl, and curl & co. from outside the cluster) or, after
// `kubectl exec -it` / `kubectl run -it`, in the pod's shell. Nothing a learner types throws:
// every failure becomes output.

import type { Trace } from '../trace/types.ts';
import { simulateSession, stderr, stdout, type CommandContext, type Output, type RunOptions } from './context.ts';
import { runKubectl } from './kubectl.ts';
import { parseLine, type Pipeline, type SimpleCommand } from './line.ts';
import { allRefs } from './objects/view.ts';
import { HISTORY_LIMIT, type CommandResult, type OutputChunk, type TerminalSession } from './session.ts';
import { runShellCommand } from './shell/index.ts';
import { environmentMap, podSource, workstation, type ShellSource } from './shell/source.ts';
import { FILTERS, runFilter } from './pipes.ts';
import { isShell } from './shell/images.ts';

const NETLAB_HELP = `NetLab terminal: kubectl against the simulated cluster.

  kubectl get|describe|apply|delete|scale|label|annotate|expose|create|run|exec|logs|cordon|drain|rollout ...
  kubectl exec -it POD -- sh        open a shell in a pod (curl, wget, nslookup, dig, nc, ping, cat /etc/resolv.conf, env)
  kubectl run tmp --rm -it --image=curlimages/curl -- sh
  curl, nslookup, dig, ping, nc     run here, from outside the cluster
  history, clear, exit

The editor's YAML is the cluster: commands that change the cluster change the YAML.
`;

interface RunState {
  clear: boolean;
  exitShell: boolean;
}

/** The source commands run in now: the pod of the open shell, or the learner's machine. */
function currentSource(ctx: CommandContext): ShellSource | { gone: string } {
  const shell = ctx.session.shell;
  if (!shell) return workstation();
  const pod = ctx.view.cluster.pods.find((p) => p.namespace === shell.namespace && p.name === shell.pod);
  if (!pod || pod.phase !== 'Running') return { gone: shell.pod };
  return podSource(pod, shell.container, shell.program);
}

function withOutput(ctx: CommandContext, fn: () => number): { status: number; chunks: OutputChunk[] } {
  const saved = ctx.out;
  const local: Output = { chunks: [] };
  ctx.out = local;
  try {
    return { status: fn(), chunks: local.chunks };
  } finally {
    ctx.out = saved;
  }
}

function leaveShell(ctx: CommandContext, status: number): void {
  const shell = ctx.session.shell;
  if (!shell) return;
  const { shell: _closed, ...rest } = ctx.session;
  ctx.session = rest;
  if (shell.ephemeral) {
    ctx.view = simulateSession(ctx.session, ctx.options.cache);
    stdout(ctx, `pod "${shell.pod}" deleted from ${shell.namespace} namespace\n`);
  } else if (status !== 0) stderr(ctx, `command terminated with exit code ${status}\n`);
}

/** Runs one simple command in a source. */
function runSimple(ctx: CommandContext, src: ShellSource, cmd: SimpleCommand, piped: boolean, input: string | undefined, state: RunState): number {
  const [name, ...args] = cmd.argv;
  if (!name) return 0;
  const inPod = src.pod !== undefined;
  if (name === 'exit' || name === 'logout') {
    const code = Number(args[0] ?? 0);
    if (inPod) state.exitShell = true;
    return Number.isFinite(code) ? code : 0;
  }
  if (!inPod) {
    if (name === 'kubectl' || name === 'k') return runKubectl(ctx, args, runInSource);
    if (name === 'clear') {
      state.clear = true;
      return 0;
    }
    if (name === 'history') {
      stdout(ctx, ctx.session.history.map((h, i) => `${String(i + 1).padStart(5)}  ${h}\n`).join(''));
      return 0;
    }
    if (name === 'help') {
      stdout(ctx, NETLAB_HELP);
      return 0;
    }
  } else if (name === 'clear') {
    state.clear = true;
    return 0;
  } else if (isShell(name, src.profile)) {
    // `sh -c 'a | b'` runs the string; a nested interactive shell changes nothing visible.
    if (args[0] === '-c') return runInSource(ctx, { ...src, program: name.split('/').pop()! }, args[1] ?? '');
    return 0;
  }
  if (!inPod && FILTERS.includes(name) && input === undefined && args.every((a) => a.startsWith('-') || !/[./]/.test(a)) && name !== 'cat') {
    const result = runFilter(name, args, '');
    stdout(ctx, result.stdout);
    stderr(ctx, result.stderr);
    return result.exitCode;
  }
  return runShellCommand(ctx, src, cmd.argv, piped, input);
}

/** Applies a command's redirections to what it wrote. */
function redirect(ctx: CommandContext, chunks: OutputChunk[], cmd: SimpleCommand, inPod: boolean): OutputChunk[] {
  let out = chunks;
  for (const r of cmd.redirects) {
    if (r.target === '&1') out = out.map((c) => ({ ...c, stream: 'stdout' }));
    else if (r.target === '&2') out = out.map((c) => (c.stream === 'stdout' ? { ...c, stream: 'stderr' } : c));
    else {
      const stream = r.fd === 1 ? 'stdout' : 'stderr';
      const written = out.filter((c) => c.stream === stream).map((c) => c.text).join('');
      out = out.filter((c) => c.stream !== stream);
      // On the learner's machine a redirected file can be applied later (`kubectl apply -f svc.yaml`).
      if (!inPod && r.target !== '/dev/null') ctx.session = { ...ctx.session, files: { ...(ctx.session.files ?? {}), [r.target]: written } };
    }
  }
  return out;
}

function runPipeline(ctx: CommandContext, src: ShellSource, pipeline: Pipeline, state: RunState): number {
  let input: string | undefined;
  let status = 0;
  pipeline.commands.forEach((cmd, i) => {
    const last = i === pipeline.commands.length - 1;
    const piped = !last || cmd.redirects.some((r) => r.fd === 1 && r.target !== '&2');
    const result = withOutput(ctx, () => runSimple(ctx, src, cmd, piped, input, state));
    const chunks = redirect(ctx, result.chunks, cmd, src.pod !== undefined);
    status = result.status;
    if (last) ctx.out.chunks.push(...chunks);
    else {
      ctx.out.chunks.push(...chunks.filter((c) => c.stream === 'stderr'));
      input = chunks.filter((c) => c.stream === 'stdout').map((c) => c.text).join('');
    }
  });
  return status;
}

/** Runs a command line or an argv in a source (used by kubectl exec and kubectl run). */
function runInSource(ctx: CommandContext, src: ShellSource, command: string | string[]): number {
  const state: RunState = { clear: false, exitShell: false };
  if (Array.isArray(command)) return runPipeline(ctx, src, { commands: [{ argv: command, redirects: [] }] }, state);
  const pipelines = parseLine(command, environmentMap(ctx, src));
  if ('error' in pipelines) {
    stderr(ctx, `sh: ${pipelines.error}\n`);
    return 2;
  }
  return runList(ctx, src, pipelines, state);
}

function runList(ctx: CommandContext, src: ShellSource, pipelines: Pipeline[], state: RunState): number {
  let status = 0;
  let previous: Pipeline['next'];
  for (const p of pipelines) {
    if ((previous === '&&' && status !== 0) || (previous === '||' && status === 0)) {
      previous = p.next;
      continue;
    }
    status = runPipeline(ctx, src, p, state);
    previous = p.next;
    if (state.exitShell) break;
  }
  return status;
}

/** Refreshes creation times: objects that appeared are born now, removed ones are forgotten. */
function updateBorn(before: string[], after: string[], session: TerminalSession): TerminalSession {
  const old = new Set(before);
  const now = new Set(after);
  const born = { ...session.born };
  for (const ref of after) if (!old.has(ref)) born[ref] = session.clock;
  for (const ref of before) if (!now.has(ref)) delete born[ref];
  return { ...session, born };
}

/** Runs one line the learner typed, returning its output and the next session. Never throws. */
export function runCommandLine(session: TerminalSession, line: string, options: RunOptions = {}): CommandResult {
  const trimmed = line.trim();
  const history = trimmed ? [...session.history, trimmed].slice(-HISTORY_LIMIT) : session.history;
  const start: TerminalSession = { ...session, history, clock: session.clock + Math.max(0, options.elapsedSeconds ?? 2) };
  const state: RunState = { clear: false, exitShell: false };
  let ctx: CommandContext | undefined;
  try {
    const view = simulateSession(start, options.cache);
    ctx = { session: start, view, out: { chunks: [] }, traces: [], notes: [], options, manifestsChanged: false };
    const beforeRefs = allRefs(view);
    const ephemeralBefore = start.shell?.ephemeral;
    let status = 0;
    const src = currentSource(ctx);
    if ('gone' in src) {
      const { shell: _gone, ...rest } = ctx.session;
      ctx.session = rest;
      stderr(ctx, 'command terminated with exit code 137\n');
      status = 137;
    } else if (trimmed) {
      const pipelines = parseLine(trimmed, environmentMap(ctx, src));
      if ('error' in pipelines) {
        stderr(ctx, `${src.program === 'bash' ? 'bash' : 'sh'}: ${pipelines.error}\n`);
        status = 2;
      } else {
        status = runList(ctx, src, pipelines, state);
        if (state.exitShell) leaveShell(ctx, status);
      }
    }
    let next: TerminalSession = { ...ctx.session, lastExitCode: status };
    if (ctx.manifestsChanged || next.shell?.ephemeral !== ephemeralBefore) next = updateBorn(beforeRefs, allRefs(ctx.view), next);
    return result(ctx.out.chunks, status, next, ctx.traces, ctx.notes, ctx.manifestsChanged, state.clear);
  } catch (e) {
    // The engine should never throw; if it does, the learner sees why and keeps their session.
    const message = e instanceof Error ? e.message : String(e);
    const chunks: OutputChunk[] = [...(ctx?.out.chunks ?? []), { stream: 'stderr', text: `netlab: internal error: ${message}\n` }];
    return result(chunks, 1, { ...start, lastExitCode: 1 }, [], [], false, false);
  }
}

function result(chunks: OutputChunk[], exitCode: number, session: TerminalSession, traces: Trace[], notes: string[], manifestsChanged: boolean, clear: boolean): CommandResult {
  return {
    output: chunks.map((c) => c.text).join(''),
    chunks,
    exitCode,
    session,
    ...(traces.length ? { traces } : {}),
    ...(notes.length ? { notes } : {}),
    ...(manifestsChanged ? { manifestsChanged: true } : {}),
    ...(clear ? { clear: true } : {}),
  };
}
