// `kubectl get`: lists or fetches objects and prints them as tables (one per resource type,
// separated by a blank line), or as YAML, JSON, names, JSONPath or custom columns.

import { resolveResourceArgs } from '../args.ts';
import { stderr, stdout, type CommandContext } from '../context.ts';
import { notFound, usageError } from '../errors.ts';
import { bool, list, str, type ParsedFlags } from '../flags.ts';
import { matchesRequirements, parseSelector, type Requirement } from '../format/selectors.ts';
import { fullObject } from '../objects/manifest.ts';
import { listObjects, type ApiObject } from '../objects/view.ts';
import { kindString, type ResourceType } from '../resources.ts';
import { parseOutputFormat, printObjects } from './output.ts';
import { renderTable, tableRows } from './printer.ts';

/** The warning header the API server sends with v1 Endpoints responses. */
export const ENDPOINTS_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

/** Objects that match a field selector (`status.phase=Running,spec.nodeName!=node-1`). */
function fieldSelector(text: string, type: ResourceType): ((o: ApiObject) => boolean) | { error: string } {
  const tests: Array<(o: ApiObject) => boolean> = [];
  for (const part of text.split(',').filter(Boolean)) {
    const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(part);
    if (!m) return { error: `error: invalid selector: '${text}'; can't understand '${part}'` };
    const [, field, op, value] = m as unknown as [string, string, string, string];
    const read = fieldReader(field, type);
    if (!read) return { error: `Error from server (BadRequest): Unable to find "${type.group ? `${type.group}/` : '/'}${type.version}, Resource=${type.resource}" that match label selector "", field selector "${text}": field label not supported: ${field}` };
    tests.push((o) => (op === '!=' ? read(o) !== value : read(o) === value));
  }
  return (o) => tests.every((t) => t(o));
}

function fieldReader(field: string, type: ResourceType): ((o: ApiObject) => string) | undefined {
  if (field === 'metadata.name') return (o) => o.name;
  if (field === 'metadata.namespace' && type.namespaced) return (o) => o.namespace ?? '';
  if (type.resource === 'pods') {
    if (field === 'status.phase') return (o) => o.pod!.phase;
    if (field === 'spec.nodeName') return (o) => o.pod!.nodeName;
    if (field === 'status.podIP') return (o) => o.pod!.podIP;
  }
  if (type.resource === 'nodes' && field === 'spec.unschedulable') return (o) => String(o.node!.unschedulable);
  if (type.resource === 'services' && field === 'spec.type') return (o) => o.service!.type;
  return undefined;
}

/** Runs `kubectl get`. */
export function runGet(ctx: CommandContext, flags: ParsedFlags): number {
  const args = flags.args;
  const format = parseOutputFormat(str(flags, 'output') || undefined);
  if ('error' in format) {
    stderr(ctx, `error: ${format.error}\n`);
    return 1;
  }
  if (args.length === 0) {
    stderr(ctx, 'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    stderr(ctx, `${usageError('Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).', 'kubectl get')}\n`);
    return 1;
  }
  const allNamespaces = bool(flags, 'all-namespaces');
  const namespace = str(flags, 'namespace') || ctx.session.namespace;
  const requests = resolveResourceArgs(args);
  if ('error' in requests) {
    stderr(ctx, `${requests.error}\n`);
    return 1;
  }
  const named = requests.some((r) => r.names.length > 0);
  if (allNamespaces && named) {
    stderr(ctx, 'error: a resource cannot be retrieved by name across all namespaces\n');
    return 1;
  }
  let requirements: Requirement[] = [];
  const selectorText = str(flags, 'selector');
  if (selectorText) {
    if (named) {
      stderr(ctx, 'error: selectors and the all flag cannot be used when passing resource/name arguments\n');
      return 1;
    }
    const parsed = parseSelector(selectorText);
    if ('error' in parsed) {
      stderr(ctx, `error: ${parsed.error}\n`);
      return 1;
    }
    requirements = parsed;
  }
  // The API server answers every v1 Endpoints request with a deprecation warning (1.33+).
  if (requests.some((r) => r.type.resource === 'endpoints')) stderr(ctx, `${ENDPOINTS_WARNING}\n`);
  const errors: string[] = [];
  const found: Array<{ type: ResourceType; objects: ApiObject[] }> = [];
  for (const req of requests) {
    const ns = allNamespaces ? undefined : namespace;
    if (req.names.length > 0) {
      const objects: ApiObject[] = [];
      for (const name of req.names) {
        const obj = listObjects(ctx.view, req.type, req.type.namespaced ? ns : undefined).find((o) => o.name === name);
        if (obj) objects.push(obj);
        else errors.push(notFound(req.type, name));
      }
      found.push({ type: req.type, objects });
      continue;
    }
    let objects = listObjects(ctx.view, req.type, ns).filter((o) => matchesRequirements(o.labels, requirements));
    const fieldText = str(flags, 'field-selector');
    if (fieldText) {
      const test = fieldSelector(fieldText, req.type);
      if ('error' in test) {
        stderr(ctx, `${test.error}\n`);
        return 1;
      }
      objects = objects.filter(test);
    }
    found.push({ type: req.type, objects });
  }
  const nonEmpty = found.filter((f) => f.objects.length > 0);
  if (format.kind !== 'table') {
    const single = requests.length === 1 && requests[0]!.names.length === 1;
    if (!(single && nonEmpty.length === 0)) {
      const objects = nonEmpty.flatMap((f) => f.objects.map((o) => ({ object: fullObject(ctx.view, o), name: `${kindString(f.type)}/${o.name}` })));
      stdout(ctx, printObjects(format, objects, single, bool(flags, 'no-headers')));
    }
  } else {
    const withKind = bool(flags, 'show-kind') || new Set(nonEmpty.map((f) => f.type)).size > 1;
    let written = false;
    for (const f of nonEmpty) {
      const rows = tableRows(ctx.view, f.type, f.objects, {
        wide: format.wide,
        withNamespace: allNamespaces && f.type.namespaced,
        withKind,
        showLabels: bool(flags, 'show-labels'),
        labelColumns: list(flags, 'label-columns'),
        noHeaders: bool(flags, 'no-headers'),
      });
      if (written && !bool(flags, 'no-headers')) stdout(ctx, '\n');
      stdout(ctx, renderTable(rows));
      written = true;
    }
    if (!written && errors.length === 0 && !bool(flags, 'ignore-not-found')) {
      const allNamespaced = !allNamespaces && requests.every((r) => r.type.namespaced);
      stderr(ctx, allNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n');
    }
  }
  if (bool(flags, 'ignore-not-found')) return 0;
  for (const e of errors) stderr(ctx, `${e}\n`);
  return errors.length ? 1 : 0;
}
