// Route attachment: which listeners of a parent Gateway take a route (sectionName and port select
// listeners; allowedRoutes admits kinds and namespaces; hostnames must intersect), and the
// RouteParentStatus the controller writes for each parentRef.
import { matchesLabelSelector } from '../labels.ts';
import type { Condition } from '../scenario/conditions.ts';
import type { Labels } from '../types.ts';
import { intersectHostnames } from './hostnames.ts';
import { GATEWAY_GROUP, type GatewayModel, type ListenerModel, type ListenerVerdict, type ParentRefModel, type RouteModel, type RouteParentStatus } from './types.ts';

/** Decides, for one parentRef, how each listener of the Gateway treats the route. */
export function judgeListeners(route: RouteModel, parentRef: ParentRefModel, gateway: GatewayModel, namespaceLabels: Map<string, Labels>): ListenerVerdict[] {
  const verdicts: ListenerVerdict[] = [];
  for (const l of gateway.listeners) {
    const verdict = (reason: ListenerVerdict['reason'], message: string): ListenerVerdict => ({ listener: l.name, attached: false, hostnames: [], reason, message });
    if (parentRef.sectionName !== undefined && l.name !== parentRef.sectionName) {
      verdicts.push(verdict('NoMatchingParent', `sectionName "${parentRef.sectionName}" selects another listener`));
      continue;
    }
    if (parentRef.port !== undefined && l.port !== parentRef.port) {
      verdicts.push(verdict('NoMatchingParent', `port ${parentRef.port} does not match the listener's port ${l.port}`));
      continue;
    }
    if (!l.supportedKinds.includes(route.kind)) {
      verdicts.push(verdict('NotAllowedByListeners', `the listener allows kinds [${l.supportedKinds.join(', ')}], not ${route.kind}`));
      continue;
    }
    const nsProblem = namespaceProblem(l, gateway.namespace, route.namespace, namespaceLabels);
    if (nsProblem) {
      verdicts.push(verdict('NotAllowedByListeners', nsProblem));
      continue;
    }
    const hostnames = intersectHostnames(l.hostname, route.hostnames);
    if (hostnames.length === 0) {
      verdicts.push(verdict('NoMatchingListenerHostname', `no route hostname (${route.hostnames.join(', ')}) intersects the listener hostname ${l.hostname ?? '(any)'}`));
      continue;
    }
    verdicts.push({ listener: l.name, attached: true, hostnames, message: `attached, serving ${hostnames.join(', ')}` });
  }
  return verdicts;
}

function namespaceProblem(l: ListenerModel, gatewayNamespace: string, routeNamespace: string, namespaceLabels: Map<string, Labels>): string | undefined {
  switch (l.allowedRoutes.from) {
    case 'All':
      return undefined;
    case 'Same':
      return routeNamespace === gatewayNamespace ? undefined : `allowedRoutes.namespaces.from is Same: only routes in namespace ${gatewayNamespace} may attach, not ${routeNamespace}`;
    case 'Selector': {
      const labels = namespaceLabels.get(routeNamespace) ?? { 'kubernetes.io/metadata.name': routeNamespace };
      return l.allowedRoutes.selector && matchesLabelSelector(labels, l.allowedRoutes.selector) ? undefined : `namespace ${routeNamespace} does not match allowedRoutes.namespaces.selector`;
    }
    case 'None':
      return 'allowedRoutes.namespaces.from is None';
  }
}

/** The RouteParentStatus for one parentRef. `routeAccepted` carries route-level problems (every rule
 * invalid) and `extra` the conditions that do not depend on the parent (ResolvedRefs, PartiallyInvalid). */
export function routeParentStatus(
  route: RouteModel,
  parentRef: ParentRefModel,
  gateways: Map<string, GatewayModel>,
  namespaceLabels: Map<string, Labels>,
  routeProblem: Condition | undefined,
  extra: Condition[],
): RouteParentStatus {
  const gatewayRef = `gateway/${parentRef.namespace}/${parentRef.name}`;
  if (parentRef.group !== GATEWAY_GROUP || parentRef.kind !== 'Gateway') return { parentRef, reconciled: false, conditions: [], listeners: [] };
  const gateway = gateways.get(`${parentRef.namespace}/${parentRef.name}`);
  if (!gateway) return { parentRef, gateway: gatewayRef, reconciled: false, conditions: [], listeners: [] };
  if (!gateway.reconciled) {
    const message = gateway.conditions[0]?.message ?? 'Waiting for controller';
    return { parentRef, gateway: gatewayRef, reconciled: false, conditions: [{ type: 'Accepted', status: 'Unknown', reason: 'Pending', message }], listeners: [] };
  }
  const listeners = judgeListeners(route, parentRef, gateway, namespaceLabels);
  const attached = listeners.filter((v) => v.attached);
  let accepted: Condition;
  if (attached.length > 0) accepted = routeProblem ?? { type: 'Accepted', status: 'True', reason: 'Accepted', message: 'Route is accepted' };
  else if (!listeners.some((v) => v.reason !== 'NoMatchingParent')) {
    const what = [parentRef.sectionName !== undefined ? `sectionName ${parentRef.sectionName}` : '', parentRef.port !== undefined ? `port ${parentRef.port}` : ''].filter(Boolean).join(' and ');
    accepted = { type: 'Accepted', status: 'False', reason: 'NoMatchingParent', message: `No listeners match this parent ref${what ? ` (${what})` : ''}` };
  } else if (listeners.some((v) => v.reason === 'NoMatchingListenerHostname')) {
    accepted = { type: 'Accepted', status: 'False', reason: 'NoMatchingListenerHostname', message: `There were no hostname intersections between the ${route.kind} and this parent ref's Listener(s).` };
  } else {
    accepted = { type: 'Accepted', status: 'False', reason: 'NotAllowedByListeners', message: `No listeners included by this parent ref allowed this attachment: ${listeners.filter((v) => v.reason === 'NotAllowedByListeners').map((v) => `${v.listener}: ${v.message}`).join('; ')}` };
  }
  const conditions = [accepted, ...extra.filter((c) => accepted.status === 'True' || c.type !== 'PartiallyInvalid')];
  return { parentRef, gateway: gatewayRef, reconciled: true, conditions, listeners };
}
