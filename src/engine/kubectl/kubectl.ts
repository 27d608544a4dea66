// `kubectl ARGS`: global flags, the command, its flags (with pflag's and cobra's errors), and the
// handler that runs it against the simulated cluster.

import { COMMANDS, commandSpec, kubectlHelp, type CommandSpec } from './commands.ts';
import { stderr, stdout, type CommandContext } from './context.ts';
import { runDescribe } from './describe/command.ts';
import { flagError, unknownCommand, withNewline } from './errors.ts';
import { runExec, runLogs, runRun, type RunInSource } from './exec.ts';
import { GLOBAL_FLAGS, parseFlags, str, type FlagSpec, type ParsedFlags } from './flags.ts';
import { runGet } from './get/command.ts';
import { runApiResources, runClusterInfo, runConfig, runVersion } from './info.ts';
import { runApplyFiles } from './mutate/apply.ts';
import { runCreate, runExpose } from './mutate/create.ts';
import { runDelete } from './mutate/delete.ts';
import { runMetadataChange } from './mutate/metadata.ts';
import { runCordon, runDrain } from './mutate/nodes.ts';
import { runRollout, runScale } from './mutate/workloads.ts';

const HELP: FlagSpec = { name: 'help', short: 'h', type: 'bool' };

/** Global flags that take a value, for finding the command word after them. */
const VALUED_GLOBALS = new Set(GLOBAL_FLAGS.filter((f) => f.type !== 'bool').flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]));

function commandHelp(spec: CommandSpec): string {
  const flags = [...spec.flags, ...GLOBAL_FLAGS.slice(0, 1)]
    .map((f) => `    ${f.short ? `-${f.short}, ` : '    '}--${f.name}${f.type === 'bool' ? '' : f.type === 'int' ? '=0' : "=''"}`)
    .join('\n');
  const subs = spec.subcommands ? `\nAvailable Commands:\n${spec.subcommands.map((s) => `  ${s}`).join('\n')}\n` : '';
  return `${spec.short}.\n${subs}\nOptions:\n${flags}\n\nUsage:\n  kubectl ${spec.name} [options]\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

function dispatch(ctx: CommandContext, name: string, flags: ParsedFlags, runIn: RunInSource): number {
  switch (name) {
    case 'get':
      return runGet(ctx, flags);
    case 'describe':
      return runDescribe(ctx, flags);
    case 'apply':
      return runApplyFiles(ctx, flags, false);
    case 'create':
      return runCreate(ctx, flags);
    case 'delete':
      return runDelete(ctx, flags);
    case 'scale':
      return runScale(ctx, flags);
    case 'label':
      return runMetadataChange(ctx, flags, 'labels');
    case 'annotate':
      return runMetadataChange(ctx, flags, 'annotations');
    case 'expose':
      return runExpose(ctx, flags);
    case 'run':
      return runRun(ctx, flags, runIn);
    case 'exec':
      return runExec(ctx, flags, runIn);
    case 'logs':
      return runLogs(ctx, flags);
    case 'cordon':
      return runCordon(ctx, flags, true);
    case 'uncordon':
      return runCordon(ctx, flags, false);
    case 'drain':
      return runDrain(ctx, flags);
    case 'rollout':
      return runRollout(ctx, flags);
    case 'api-resources':
      return runApiResources(ctx, flags);
    case 'version':
      return runVersion(ctx, flags);
    case 'cluster-info':
      return runClusterInfo(ctx);
    case 'config':
      return runConfig(ctx, flags);
    default:
      return 1;
  }
}

/** Runs `kubectl` with its arguments (without the word kubectl). */
export function runKubectl(ctx: CommandContext, argv: string[], runIn: RunInSource): number {
  // Global flags may come before the command: `kubectl -n web get pods`.
  let at = 0;
  while (at < argv.length && argv[at]!.startsWith('-') && argv[at] !== '--') {
    const a = argv[at]!;
    at += VALUED_GLOBALS.has(a) ? 2 : 1;
  }
  const name = argv[at];
  if (name === undefined || name === '--') {
    if (argv.includes('--version')) {
      stderr(ctx, `${flagError('unknown flag: --version', 'kubectl')}\n`);
      return 1;
    }
    const leading = parseFlags(argv.slice(0, at), [...GLOBAL_FLAGS, HELP]);
    if ('error' in leading) {
      stderr(ctx, `${flagError(leading.error, 'kubectl')}\n`);
      return 1;
    }
    stdout(ctx, kubectlHelp());
    return 0;
  }
  if (name === 'help') {
    const spec = argv[at + 1] ? commandSpec(argv[at + 1]!) : undefined;
    stdout(ctx, spec ? commandHelp(spec) : kubectlHelp());
    return 0;
  }
  const spec = commandSpec(name);
  if (!spec) {
    stderr(ctx, withNewline(unknownCommand(name, 'kubectl', COMMANDS.map((c) => ({ name: c.name, ...(c.name === 'describe' ? { suggestFor: ['inspect'] } : {}) })))));
    return 1;
  }
  const rest = [...argv.slice(0, at), ...argv.slice(at + 1)];
  const parsed = parseFlags(rest, [...spec.flags, ...GLOBAL_FLAGS.filter((g) => !spec.flags.some((f) => f.name === g.name || (f.short && f.short === g.short))), HELP]);
  if ('error' in parsed) {
    stderr(ctx, `${flagError(parsed.error, `kubectl ${name}`)}\n`);
    return 1;
  }
  if (parsed.values.help === true) {
    stdout(ctx, commandHelp(spec));
    return 0;
  }
  if (spec.simulated === false) {
    stderr(ctx, `error: kubectl ${name} is not available in NetLab: ${spec.hint}\n`);
    return 1;
  }
  const namespace = str(parsed, 'namespace');
  if (namespace !== '' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace)) {
    stderr(ctx, `error: invalid namespace "${namespace}"\n`);
    return 1;
  }
  return dispatch(ctx, name, parsed, runIn);
}
