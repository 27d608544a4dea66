// `kubectl cordon|uncordon|drain`: spec.unschedulable on a Node document (added to the editor
// when the node has none), and for drain the eviction of the node's pods. The simulation
// schedules from scratch, so a workload's pods land on the remaining nodes as soon as the node
// is cordoned; pods without a controller must be forced out (their documents are removed).

import { replaceManifests, stderr, stdout, type CommandContext } from '../context.ts';
import { usageError } from '../errors.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import { matchesRequirements, parseSelector } from '../format/selectors.ts';
import { listObjects, type ApiObject } from '../objects/view.ts';
import { resolveResourceType } from '../resources.ts';
import { deleteIn, editDocument, findDocument, readDocuments, removeDocument, setIn } from './documents.ts';
import { editObject } from './edit.ts';

function nodeTargets(ctx: CommandContext, flags: ParsedFlags, command: string): ApiObject[] | undefined {
  const nodes = listObjects(ctx.view, resolveResourceType('nodes')!, undefined);
  const selectorText = str(flags, 'selector');
  if (selectorText) {
    const sel = parseSelector(selectorText);
    if ('error' in sel) {
      stderr(ctx, `error: ${sel.error}\n`);
      return undefined;
    }
    return nodes.filter((n) => matchesRequirements(n.labels, sel));
  }
  if (flags.args.length !== 1) {
    stderr(ctx, `${usageError(`USAGE: ${command} NODE [flags]`, `kubectl ${command}`)}\n`);
    return undefined;
  }
  const name = flags.args[0]!.replace(/^(node|nodes|no)\//, '');
  const node = nodes.find((n) => n.name === name);
  if (!node) {
    stderr(ctx, `Error from server (NotFound): nodes "${name}" not found\n`);
    return undefined;
  }
  return [node];
}

function setUnschedulable(ctx: CommandContext, node: ApiObject, desired: boolean, dry: boolean): string {
  if (node.node!.unschedulable === desired) return desired ? 'already cordoned' : 'already uncordoned';
  if (dry) return desired ? 'cordoned' : 'uncordoned';
  if (desired) pinBarePods(ctx, node.name);
  editObject(ctx, node, (doc) => (desired ? setIn(doc, ['spec', 'unschedulable'], true) : deleteIn(doc, ['spec', 'unschedulable'])));
  return desired ? 'cordoned' : 'uncordoned';
}

/** Cordoning moves nothing in a real cluster. The simulation schedules from scratch, so pods
 * without a controller that run on the node get the spec.nodeName the scheduler gave them (as
 * the live object has), and stay where they are. */
function pinBarePods(ctx: CommandContext, nodeName: string): void {
  for (const pod of ctx.view.cluster.pods) {
    if (pod.nodeName !== nodeName || pod.createdBy !== `pod/${pod.namespace}/${pod.name}`) continue;
    const docs = readDocuments(ctx.session.manifests.text);
    const i = findDocument(docs, 'Pod', pod.namespace, pod.name);
    const spec = docs[i]?.object?.spec as Record<string, unknown> | undefined;
    if (i === -1 || typeof spec?.nodeName === 'string') continue;
    replaceManifests(ctx, editDocument(docs, i, (doc) => setIn(doc, ['spec', 'nodeName'], nodeName)));
  }
}

/** Runs `kubectl cordon` (desired = true) or `kubectl uncordon`. */
export function runCordon(ctx: CommandContext, flags: ParsedFlags, desired: boolean): number {
  const nodes = nodeTargets(ctx, flags, desired ? 'cordon' : 'uncordon');
  if (!nodes) return 1;
  const dry = str(flags, 'dry-run') === 'client' || str(flags, 'dry-run') === 'server';
  for (const node of nodes) stdout(ctx, `node/${node.name} ${setUnschedulable(ctx, node, desired, dry)}${dry ? ' (dry run)' : ''}\n`);
  return 0;
}

/** Runs `kubectl drain`. */
export function runDrain(ctx: CommandContext, flags: ParsedFlags): number {
  const nodes = nodeTargets(ctx, flags, 'drain');
  if (!nodes) return 1;
  const dry = str(flags, 'dry-run') === 'client' || str(flags, 'dry-run') === 'server';
  const podType = resolveResourceType('pods')!;
  // The pods on each node before cordoning moves anything.
  const podsByNode = new Map(nodes.map((n) => [n.name, listObjects(ctx.view, podType, undefined).filter((p) => p.pod!.nodeName === n.name && p.pod!.phase !== 'Succeeded' && p.pod!.phase !== 'Failed')]));
  for (const node of nodes) stdout(ctx, `node/${node.name} ${setUnschedulable(ctx, node, true, dry)}${dry ? ' (dry run)' : ''}\n`);
  const fatal: string[] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const pods = podsByNode.get(node.name) ?? [];
    const daemon = pods.filter((p) => p.pod!.owner?.kind === 'DaemonSet');
    const unmanaged = pods.filter((p) => !p.pod!.owner);
    const errors: string[] = [];
    const warnings: string[] = [];
    if (daemon.length) {
      const list = daemon.map((p) => `${p.namespace}/${p.name}`).join(', ');
      if (bool(flags, 'ignore-daemonsets')) warnings.push(`ignoring DaemonSet-managed Pods: ${list}`);
      else errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${list}`);
    }
    if (unmanaged.length) {
      const list = unmanaged.map((p) => `${p.namespace}/${p.name}`).join(', ');
      if (bool(flags, 'force')) warnings.push(`deleting Pods that declare no controller: ${list}`);
      else errors.push(`cannot delete Pods that declare no controller (use --force to override): ${list}`);
    }
    if (errors.length) {
      stderr(ctx, `error: unable to drain node "${node.name}" due to error: ${errors.join(', ')}, continuing command...\n`);
      fatal.push(...errors);
      remaining.push(node.name);
      continue;
    }
    if (warnings.length) stderr(ctx, `Warning: ${warnings.join('; ')}\n`);
    const evicted = pods.filter((p) => p.pod!.owner?.kind !== 'DaemonSet');
    for (const p of evicted) stdout(ctx, `evicting pod ${p.namespace}/${p.name}${dry ? ' (dry run)' : ''}\n`);
    if (!dry) {
      for (const p of unmanaged) {
        const docs = readDocuments(ctx.session.manifests.text);
        const i = findDocument(docs, 'Pod', p.namespace, p.name);
        if (i !== -1) replaceManifests(ctx, removeDocument(docs, i));
      }
      for (const p of evicted) stdout(ctx, `pod/${p.name} evicted\n`);
    }
    stdout(ctx, `node/${node.name} drained${dry ? ' (dry run)' : ''}\n`);
  }
  if (remaining.length) {
    stderr(ctx, `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
    stderr(ctx, `${fatal.join('\n')}\n`);
    return 1;
  }
  return 0;
}
