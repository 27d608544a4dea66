// Resolving a route's backendRefs as the controller does before it programs them: a core Service,
// in the route's namespace or one that grants the reference, that exists and has the port.
import type { Condition } from '../scenario/conditions.ts';
import type { Service } from '../types.ts';
import { findReferenceGrant, type GrantIndex } from './reference-grants.ts';
import { GATEWAY_GROUP, type BackendRefModel, type RouteFilter, type RouteModel } from './types.ts';

/** Resolves one backendRef in place: sets its Service and port, or the problem that makes it invalid. */
export function resolveBackendRef(b: BackendRefModel, route: RouteModel, services: Map<string, Service>, grants: GrantIndex): void {
  if (b.group !== '' || b.kind !== 'Service') {
    b.problem = { reason: 'InvalidKind', message: `${b.field}: unsupported backend kind ${b.group ? `${b.group}/` : ''}${b.kind}: only core Services are supported` };
    return;
  }
  if (!findReferenceGrant(grants, { group: GATEWAY_GROUP, kind: route.kind, namespace: route.namespace }, { group: '', kind: 'Service', namespace: b.namespace, name: b.name })) {
    b.problem = { reason: 'RefNotPermitted', message: `${b.field}: Backend ref to Service ${b.namespace}/${b.name} not permitted by any ReferenceGrant in namespace ${b.namespace}` };
    return;
  }
  const service = services.get(`${b.namespace}/${b.name}`);
  if (!service) {
    b.problem = { reason: 'BackendNotFound', message: `${b.field}: service ${b.namespace}/${b.name} not found` };
    return;
  }
  const servicePort = service.ports.find((p) => p.port === b.port && p.protocol === 'TCP');
  if (!servicePort) {
    b.problem = { reason: 'BackendNotFound', message: `${b.field}: service ${b.namespace}/${b.name} has no TCP port ${b.port ?? '(none given)'}` };
    return;
  }
  b.service = service;
  b.servicePort = servicePort;
}

/** Every backend a route references: backendRefs and the targets of RequestMirror filters. */
export function allBackendRefs(route: RouteModel): BackendRefModel[] {
  const mirrors = (filters: RouteFilter[]) => filters.flatMap((f) => (f.type === 'RequestMirror' ? [f.backend] : []));
  return route.rules.flatMap((rule) => [...rule.backendRefs, ...rule.backendRefs.flatMap((b) => mirrors(b.filters)), ...mirrors(rule.filters)]);
}

/** The route's ResolvedRefs condition: the first backend that does not resolve, or True. */
export function resolvedRefsCondition(route: RouteModel): Condition {
  const bad = allBackendRefs(route).find((b) => b.problem);
  if (bad?.problem) return { type: 'ResolvedRefs', status: 'False', reason: bad.problem.reason, message: bad.problem.message };
  return { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'Resolved all the Object references for the Route' };
}
