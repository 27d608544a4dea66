// `kubectl scale` (spec.replicas) and `kubectl rollout restart|status|history` (a restartedAt
// annotation on the pod template, which gives the pods a new template hash and new names).

import { resolveResourceArgs } from '../args.ts';
import { stderr, stdout, type CommandContext } from '../context.ts';
import { notFound, unknownCommand, usageError, withNewline } from '../errors.ts';
import { str, type FlagValue, type ParsedFlags } from '../flags.ts';
import { rfc3339 } from '../format/time.ts';
import { workloadStatus } from '../objects/status.ts';
import { listObjects } from '../objects/view.ts';
import { kindString } from '../resources.ts';
import { setIn } from './documents.ts';
import { editObject } from './edit.ts';
import { namespaceOf, resolveTargets } from './targets.ts';

const SCALABLE = new Set(['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers']);

function intFlag(v: FlagValue | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/** Runs `kubectl scale`. */
export function runScale(ctx: CommandContext, flags: ParsedFlags): number {
  const replicas = intFlag(flags.values.replicas);
  if (replicas === undefined || replicas < 0) {
    stderr(ctx, 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n');
    return 1;
  }
  if (flags.args.length === 0) {
    stderr(ctx, `${usageError('Required resource not specified.', 'kubectl scale')}\n`);
    return 1;
  }
  const targets = resolveTargets(ctx, flags.args, flags);
  if ('error' in targets) {
    stderr(ctx, `${targets.error}\n`);
    return 1;
  }
  let failed = targets.errors.length > 0;
  const current = intFlag(flags.values['current-replicas']);
  for (const obj of targets.objects) {
    if (!SCALABLE.has(obj.type.resource)) {
      stderr(ctx, `error: no scaler has been implemented for {"${obj.type.group}" "${obj.type.kind}"}\n`);
      failed = true;
      continue;
    }
    const status = workloadStatus(ctx.view, obj);
    if (current !== undefined && current !== -1 && current !== status.desired) {
      stderr(ctx, `error: Expected replicas to be ${current}, was ${status.desired}\n`);
      failed = true;
      continue;
    }
    const dry = str(flags, 'dry-run');
    if (dry !== 'client' && dry !== 'server') {
      const refused = editObject(ctx, obj, (doc) => setIn(doc, ['spec', 'replicas'], replicas));
      if (refused) {
        stderr(ctx, `${refused.error}\n`);
        failed = true;
        continue;
      }
    }
    stdout(ctx, `${kindString(obj.type)}/${obj.name} scaled${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`);
  }
  for (const e of targets.errors) stderr(ctx, `${e}\n`);
  return failed ? 1 : 0;
}

const ROLLOUT_SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
const ROLLABLE = new Set(['deployments', 'daemonsets', 'statefulsets']);

/** Runs `kubectl rollout SUBCOMMAND`. */
export function runRollout(ctx: CommandContext, flags: ParsedFlags): number {
  const [sub, ...args] = flags.args;
  if (!sub) {
    stdout(ctx, 'Manage the rollout of one or many resources.\n\nAvailable Commands:\n  history       View rollout history\n  pause         Mark the provided resource as paused\n  restart       Restart a resource\n  resume        Resume a paused resource\n  status        Show the status of the rollout\n  undo          Undo a previous rollout\n\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n');
    return 0;
  }
  if (!ROLLOUT_SUBCOMMANDS.includes(sub)) {
    stderr(ctx, withNewline(unknownCommand(sub, 'kubectl rollout', ROLLOUT_SUBCOMMANDS.map((name) => ({ name })))));
    return 1;
  }
  if (args.length === 0) {
    stderr(ctx, `error: required resource not specified\n`);
    return 1;
  }
  const requests = resolveResourceArgs(args);
  if ('error' in requests) {
    stderr(ctx, `${requests.error}\n`);
    return 1;
  }
  const namespace = namespaceOf(ctx, flags);
  let failed = false;
  for (const req of requests) {
    const names = req.names.length ? req.names : listObjects(ctx.view, req.type, namespace).map((o) => o.name);
    for (const name of names) {
      const obj = listObjects(ctx.view, req.type, namespace).find((o) => o.name === name);
      if (!obj) {
        stderr(ctx, `${notFound(req.type, name)}\n`);
        failed = true;
        continue;
      }
      if (!ROLLABLE.has(req.type.resource)) {
        stderr(ctx, `error: no ${sub === 'status' ? 'status viewer' : sub === 'history' ? 'history viewer' : 'restarter'} has been implemented for ${req.type.kind}\n`);
        failed = true;
        continue;
      }
      const label = `${kindString(req.type)}/${name}`;
      if (sub === 'restart') {
        const refused = editObject(ctx, obj, (doc) => setIn(doc, ['spec', 'template', 'metadata', 'annotations', 'kubectl.kubernetes.io/restartedAt'], rfc3339(ctx.session.clock)));
        if (refused) {
          stderr(ctx, `${refused.error}\n`);
          failed = true;
          continue;
        }
        stdout(ctx, `${label} restarted\n`);
      } else if (sub === 'status') {
        const s = workloadStatus(ctx.view, obj);
        if (s.available < s.desired) {
          stdout(ctx, `Waiting for ${req.type.singular} "${name}" rollout to finish: ${s.available} of ${s.desired} updated replicas are available...\n`);
          stderr(ctx, `error: timed out waiting for the condition\n`);
          failed = true;
        } else if (req.type.resource === 'statefulsets') stdout(ctx, `partitioned roll out complete: ${s.desired} new pods have been updated...\n`);
        else if (req.type.resource === 'daemonsets') stdout(ctx, `daemon set "${name}" successfully rolled out\n`);
        else stdout(ctx, `${req.type.singular} "${name}" successfully rolled out\n`);
      } else if (sub === 'history') {
        stdout(ctx, `${label} \nREVISION  CHANGE-CAUSE\n1         <none>\n\n`);
      } else if (sub === 'undo') {
        stderr(ctx, `error: no rollout history found for ${req.type.singular} "${name}"\n`);
        failed = true;
      } else {
        stdout(ctx, `${label} ${sub === 'pause' ? 'paused' : 'resumed'}\n`);
      }
    }
  }
  return failed ? 1 : 0;
}
