// `kubectl delete`: removes the object's document from the editor. Objects a controller derives
// (a Deployment's pods, a Service's EndpointSlices) are deleted and come straight back, so the
// text does not change; a namespace takes every object in it along.

import { SYSTEM_FILE } from '../../cluster/system.ts';
import { replaceManifests, stderr, stdout, type CommandContext } from '../context.ts';
import { bool, list, str, type ParsedFlags } from '../flags.ts';
import type { ApiObject } from '../objects/view.ts';
import { kindString, qualifiedResource, resourceTypeOfKind } from '../resources.ts';
import { readFile, fileObjects } from './apply.ts';
import { findDocument, holds, readDocuments, removeDocument } from './documents.ts';
import { controllerOf } from './edit.ts';
import { namespaceOf, resolveTargets } from './targets.ts';

const PROTECTED_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

function deletedLine(obj: { kind: string; group: string; namespaced: boolean; singular: string }, name: string, namespace: string | undefined, force: boolean, dry: string): string {
  const kind = obj.group ? `${obj.singular}.${obj.group}` : obj.singular;
  let op = force ? 'force deleted' : 'deleted';
  if (obj.namespaced && namespace) op += ` from ${namespace} namespace`;
  if (dry === 'client') op += ' (dry run)';
  if (dry === 'server') op += ' (server dry run)';
  return `${kind} "${name}" ${op}\n`;
}

/** Removes one live object from the text; returns an error line when it cannot be removed. */
function deleteObject(ctx: CommandContext, obj: ApiObject, dryRun: boolean): string | undefined {
  if (controllerOf(obj)) return undefined;
  const text = ctx.session.manifests.text;
  const docs = readDocuments(text);
  if (obj.type.kind === 'Namespace') {
    if (PROTECTED_NAMESPACES.has(obj.name)) return `Error from server (Forbidden): namespaces "${obj.name}" is forbidden: this namespace may not be deleted`;
    // Everything declared in the namespace goes, and so does the Namespace itself.
    const kept = docs.filter((d) => {
      const o = d.object;
      if (!o) return true;
      if (o.kind === 'Namespace' && o.metadata.name === obj.name) return false;
      const type = resourceTypeOfKind(o.kind);
      return !(type?.namespaced && (o.metadata.namespace || 'default') === obj.name);
    });
    if (!dryRun) replaceManifests(ctx, kept.map((d) => d.text).join('').replace(/^---[^\n]*\n?/, ''));
    return undefined;
  }
  const i = findDocument(docs, obj.type.kind, obj.type.namespaced ? obj.namespace : undefined, obj.name);
  if (i === -1) {
    const record = ctx.view.cluster.objects.filter((o) => o.ref === obj.ref).pop();
    const where = record?.source.file === SYSTEM_FILE || !record ? 'the simulated cluster itself (or an addon)' : record.source.file;
    return `error: ${obj.type.singular} "${obj.name}" comes from ${where}, not from ${ctx.session.manifests.file}: NetLab cannot delete it`;
  }
  if (!dryRun) {
    // Several documents may declare the object (the last one wins): remove them all.
    let next = docs;
    for (let j = next.length - 1; j >= 0; j--) if (holds(next[j]!, obj.type.kind, obj.type.namespaced ? obj.namespace : undefined, obj.name)) next = readDocuments(removeDocument(next, j));
    replaceManifests(ctx, next.map((d) => d.text).join(''));
  }
  return undefined;
}

/** Runs `kubectl delete`. */
export function runDelete(ctx: CommandContext, flags: ParsedFlags): number {
  const files = list(flags, 'filename');
  const force = bool(flags, 'force');
  const grace = flags.values['grace-period'];
  const dry = str(flags, 'dry-run');
  if (force && typeof grace === 'number' && grace > 0) {
    stderr(ctx, 'error: --force and --grace-period greater than 0 cannot be specified together\n');
    return 1;
  }
  if (bool(flags, 'all') && str(flags, 'selector')) {
    stderr(ctx, 'error: cannot set --all and --selector at the same time\n');
    return 1;
  }
  const forceNow = force && grace === 0;
  const ignore = bool(flags, 'ignore-not-found');
  let objects: ApiObject[] = [];
  let errors: string[] = [];
  if (files.length) {
    const namespace = namespaceOf(ctx, flags);
    for (const file of files) {
      const text = readFile(ctx, file);
      if (text === undefined) {
        stderr(ctx, `error: the path "${file}" does not exist\n`);
        return 1;
      }
      for (const doc of fileObjects(text).docs) {
        const o = doc.object!;
        const type = resourceTypeOfKind(o.kind);
        if (!type) continue;
        const name = String(o.metadata.name ?? '');
        const ns = type.namespaced ? String(o.metadata.namespace || namespace) : undefined;
        const targets = resolveTargets(ctx, [`${type.resource}/${name}`], { ...flags, values: { ...flags.values, ...(ns ? { namespace: ns } : {}) } });
        if ('error' in targets) continue;
        objects.push(...targets.objects);
        errors.push(...targets.errors.map((e) => e.replace(`${qualifiedResource(type)} "${name}" not found`, `error when deleting "${file}": ${qualifiedResource(type)} "${name}" not found`)));
      }
    }
  } else {
    if (flags.args.length === 0) {
      stderr(ctx, "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n");
      return 1;
    }
    const targets = resolveTargets(ctx, flags.args, flags);
    if ('error' in targets) {
      stderr(ctx, `${targets.error}\n`);
      return 1;
    }
    objects = targets.objects;
    errors = targets.errors;
  }
  if (forceNow && objects.length) stderr(ctx, 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  if (objects.length === 0 && errors.length === 0) stdout(ctx, 'No resources found\n');
  let failed = false;
  for (const obj of objects) {
    const problem = deleteObject(ctx, obj, dry === 'client' || dry === 'server');
    if (problem) {
      stderr(ctx, `${problem}\n`);
      failed = true;
      continue;
    }
    if (str(flags, 'output') === 'name') stdout(ctx, `${kindString(obj.type)}/${obj.name}\n`);
    else stdout(ctx, deletedLine(obj.type, obj.name, obj.namespace, forceNow, dry));
  }
  if (!ignore) for (const e of errors) stderr(ctx, `${e}\n`);
  return failed || (!ignore && errors.length > 0) ? 1 : 0;
}
