// One command inside a pod's shell (or on the learner's machine): the image's tools, the
// shell's builtins, and the shell's own "not found" when the image lacks a program.

import { stderr, type CommandContext } from '../context.ts';
import { FILTERS, runFilter } from '../pipes.ts';
import { runCurl } from './curl.ts';
import { runDig, runHost, runNslookup } from './dns-tools.ts';
import { runPing } from './ping.ts';
import type { ShellSource } from './source.ts';
import { readContainerFile, runSystemCommand } from './system.ts';
import { runNc, runWget } from './transfer.ts';
import { stdout } from '../context.ts';

const BUILTINS = new Set(['echo', 'cd', 'pwd', 'true', 'false', 'export', 'exit', 'type', 'which', 'clear']);

/** `sh: curl: not found` (busybox ash) or `bash: curl: command not found`. */
export function notFoundMessage(src: ShellSource, name: string): string {
  return src.program === 'bash' ? `bash: ${name}: command not found\n` : `sh: ${name}: not found\n`;
}

/** Whether the source has a program (a builtin, or a tool of its image). */
export function hasProgram(src: ShellSource, name: string): boolean {
  return BUILTINS.has(name) || src.profile.tools.includes(name.split('/').pop() ?? name);
}

/** Runs one command (not kubectl) in a source; `input` is what a pipe feeds it. */
export function runShellCommand(ctx: CommandContext, src: ShellSource, argv: string[], piped: boolean, input?: string): number {
  const [rawName, ...args] = argv;
  const name = (rawName ?? '').split('/').pop() ?? '';
  if (!hasProgram(src, name)) {
    stderr(ctx, notFoundMessage(src, rawName ?? ''));
    return 127;
  }
  if (name === 'type' || name === 'which') {
    let status = 0;
    for (const a of args) {
      if (hasProgram(src, a)) stdout(ctx, name === 'which' ? `/usr/bin/${a}\n` : `${a} is /usr/bin/${a}\n`);
      else {
        if (name === 'type') stderr(ctx, `${src.program === 'bash' ? 'bash: type: ' : ''}${a}: not found\n`);
        status = 1;
      }
    }
    return status;
  }
  if (FILTERS.includes(name) && name !== 'cat') {
    const files = args.filter((a) => a.startsWith('/') || a.endsWith('.yaml') || a.endsWith('.yml'));
    let text = input ?? '';
    for (const f of files) text += readContainerFile(ctx, src, f) ?? '';
    const result = runFilter(name, args.filter((a) => !files.includes(a)), text);
    stdout(ctx, result.stdout);
    stderr(ctx, result.stderr);
    return result.exitCode;
  }
  if (name === 'cat' && input !== undefined && args.filter((a) => !a.startsWith('-')).length === 0) {
    stdout(ctx, input);
    return 0;
  }
  switch (name) {
    case 'curl':
      return runCurl(ctx, src, args, piped);
    case 'wget':
      return runWget(ctx, src, args);
    case 'nslookup':
      return runNslookup(ctx, src, args);
    case 'dig':
      return runDig(ctx, src, args);
    case 'host':
      return runHost(ctx, src, args);
    case 'nc':
      return runNc(ctx, src, args);
    case 'ping':
      return runPing(ctx, src, args);
    case 'traceroute':
    case 'route':
      stderr(ctx, `${name}: not simulated in NetLab: use curl -v or nc -zv\n`);
      return 1;
    default: {
      const status = runSystemCommand(ctx, src, name, args);
      if (status !== undefined) return status;
      stderr(ctx, notFoundMessage(src, rawName ?? ''));
      return 127;
    }
  }
}
