// `kubectl describe`: one describer per kind (the generic one for the rest), objects separated by
// a blank line, names matched as prefixes when no object has exactly that name, events only when
// a single object is described.

import { resolveResourceArgs } from '../args.ts';
import { stderr, stdout, type CommandContext } from '../context.ts';
import { notFound, usageError } from '../errors.ts';
import { bool, str, type ParsedFlags } from '../flags.ts';
import { matchesRequirements, parseSelector, type Requirement } from '../format/selectors.ts';
import { ENDPOINTS_WARNING } from '../get/command.ts';
import { listObjects, type ApiObject, type ClusterView } from '../objects/view.ts';
import { describeIngress, describeIngressClass, describeNetworkPolicy } from './networking.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeEndpointSlice, describeEndpoints, describeService } from './service.ts';
import { describeDeployment, describeGeneric } from './workloads.ts';

/** Describes one object with its kind's describer. */
export function describeObject(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  switch (obj.type.resource) {
    case 'pods':
      return describePod(view, obj, withEvents);
    case 'services':
      return describeService(view, obj, withEvents);
    case 'endpoints':
      return describeEndpoints(view, obj, withEvents);
    case 'endpointslices':
      return describeEndpointSlice(view, obj, withEvents);
    case 'ingresses':
      return describeIngress(view, obj, withEvents);
    case 'ingressclasses':
      return describeIngressClass(view, obj, withEvents);
    case 'networkpolicies':
      return describeNetworkPolicy(view, obj);
    case 'nodes':
      return describeNode(view, obj, withEvents);
    case 'deployments':
      return describeDeployment(view, obj, withEvents);
    default:
      return describeGeneric(view, obj, withEvents);
  }
}

/** Runs `kubectl describe`. */
export function runDescribe(ctx: CommandContext, flags: ParsedFlags): number {
  const args = flags.args;
  if (args.length === 0) {
    stderr(ctx, 'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    stderr(ctx, `${usageError('Required resource not specified.', 'kubectl describe')}\n`);
    return 1;
  }
  const allNamespaces = bool(flags, 'all-namespaces');
  const namespace = str(flags, 'namespace') || ctx.session.namespace;
  const requests = resolveResourceArgs(args);
  if ('error' in requests) {
    stderr(ctx, `${requests.error}\n`);
    return 1;
  }
  let requirements: Requirement[] = [];
  const selectorText = str(flags, 'selector');
  if (selectorText) {
    const parsed = parseSelector(selectorText);
    if ('error' in parsed) {
      stderr(ctx, `error: ${parsed.error}\n`);
      return 1;
    }
    requirements = parsed;
  }
  if (requests.some((r) => r.type.resource === 'endpoints')) stderr(ctx, `${ENDPOINTS_WARNING}\n`);
  const ns = allNamespaces ? undefined : namespace;
  const errors: string[] = [];
  const objects: ApiObject[] = [];
  for (const req of requests) {
    const all = listObjects(ctx.view, req.type, ns);
    if (req.names.length === 0) {
      objects.push(...all.filter((o) => matchesRequirements(o.labels, requirements)));
      continue;
    }
    for (const name of req.names) {
      const exact = all.find((o) => o.name === name);
      if (exact) objects.push(exact);
      else if (args.length === 2 && req.names.length === 1) {
        // DescribeMatchingResources: `describe pod web` describes every pod whose name starts with web.
        const prefixed = all.filter((o) => o.name.startsWith(name));
        if (prefixed.length) objects.push(...prefixed);
        else errors.push(notFound(req.type, name));
      } else errors.push(notFound(req.type, name));
    }
  }
  const showEvents = flags.values['show-events'] !== undefined ? bool(flags, 'show-events') : objects.length <= 1 && errors.length === 0;
  stdout(ctx, objects.map((o) => describeObject(ctx.view, o, showEvents)).join('\n\n'));
  if (objects.length === 0 && errors.length === 0) stderr(ctx, allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`);
  for (const e of errors) stderr(ctx, `${e}\n`);
  return errors.length ? 1 : 0;
}
