// Status as `kubectl get -o yaml` would show it for Gateway API objects, and the route-attachment
// view the UI draws: which routes each listener took, and why the others were turned away.
import type { Condition } from '../scenario/conditions.ts';
import type { GatewayControllerModel } from './model.ts';
import type { RouteParentStatus } from './types.ts';

/** Conditions of a Gateway API object: `gatewayclass/<name>`, `gateway/<ns>/<name>`,
 * `gateway/<ns>/<name>/<listener>` (one listener's status), `httproute/<ns>/<name>` or
 * `grpcroute/<ns>/<name>` (with `parent: gateway/<ns>/<name>[/<sectionName>]` choosing the parent
 * status; without it, the first parent's). Undefined when the ref is none of these objects. */
export function gatewayApiConditions(model: GatewayControllerModel, ref: string, parent?: string): Condition[] | undefined {
  const [kind, ...rest] = ref.split('/');
  if (kind === 'gatewayclass' && rest.length === 1) return model.classes.find((c) => c.name === rest[0])?.conditions;
  if (kind === 'gateway' && (rest.length === 2 || rest.length === 3)) {
    const gw = model.gateways.find((g) => g.namespace === rest[0] && g.name === rest[1]);
    if (!gw) return undefined;
    if (rest.length === 2) return gw.conditions;
    return gw.listeners.find((l) => l.name === rest[2])?.conditions;
  }
  if ((kind === 'httproute' || kind === 'grpcroute') && rest.length === 2) {
    const parents = model.routeStatus.get(ref);
    if (!parents) return undefined;
    return selectParentStatus(parents, parent)?.conditions ?? [];
  }
  return undefined;
}

/** The status.parents entry a `parent` reference selects (`gateway/<ns>/<name>[/<sectionName>]`). */
export function selectParentStatus(parents: RouteParentStatus[], parent?: string): RouteParentStatus | undefined {
  const written = parents.filter((p) => p.conditions.length > 0);
  if (!parent) return written[0];
  const [kind, ns, name, section] = parent.split('/');
  if (kind !== 'gateway') return undefined;
  const same = parents.filter((p) => p.gateway === `gateway/${ns}/${name}`);
  if (section !== undefined) return same.find((p) => p.parentRef.sectionName === section);
  return same.find((p) => p.conditions.length > 0) ?? same[0];
}

/** One route's place on one listener. */
export interface ListenerRouteView {
  route: string;
  attached: boolean;
  /** Hostnames the route serves on this listener (attached routes only). */
  hostnames: string[];
  /** Why it is not attached (a RouteConditionReason) and in what words. */
  reason?: string;
  message: string;
}

/** One listener of the attachment view. */
export interface ListenerView {
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  programmed: boolean;
  attachedRoutes: number;
  routes: ListenerRouteView[];
}

/** One Gateway of the attachment view. */
export interface GatewayAttachmentView {
  gateway: string;
  address?: string;
  conditions: Condition[];
  listeners: ListenerView[];
  /** Routes naming this Gateway that no listener was even considered for (not reconciled, or no
   * listener matched the parentRef's sectionName/port). */
  unattached: Array<{ route: string; parentRef: string; reason: string; message: string }>;
}

/** The route-attachment view: per Gateway and listener, the routes attached and the ones refused. */
export function describeRouteAttachments(model: GatewayControllerModel): GatewayAttachmentView[] {
  const views = new Map<string, GatewayAttachmentView>();
  for (const gw of model.gateways) {
    views.set(gw.ref, {
      gateway: gw.ref,
      ...(gw.address ? { address: gw.address } : {}),
      conditions: gw.conditions,
      listeners: gw.listeners.map((l) => ({ name: l.name, port: l.port, protocol: l.protocol, ...(l.hostname ? { hostname: l.hostname } : {}), programmed: l.programmed, attachedRoutes: l.attachedRoutes, routes: [] })),
      unattached: [],
    });
  }
  for (const route of model.routes) {
    for (const status of model.routeStatus.get(route.ref) ?? []) {
      const view = status.gateway ? views.get(status.gateway) : undefined;
      if (!view) continue;
      const accepted = status.conditions.find((c) => c.type === 'Accepted');
      const parentRef = `${route.ref} ${status.parentRef.field}`;
      if (!status.reconciled || accepted?.reason === 'NoMatchingParent') {
        view.unattached.push({ route: route.ref, parentRef, reason: accepted?.reason ?? 'Pending', message: accepted?.message ?? 'no controller reconciles this Gateway' });
        continue;
      }
      for (const verdict of status.listeners) {
        if (verdict.reason === 'NoMatchingParent') continue;
        const listener = view.listeners.find((l) => l.name === verdict.listener);
        if (!listener) continue;
        const attached = verdict.attached && accepted?.status === 'True';
        const reason = verdict.reason ?? (attached ? undefined : accepted?.reason);
        listener.routes.push({
          route: route.ref,
          attached,
          hostnames: attached ? verdict.hostnames : [],
          ...(reason ? { reason } : {}),
          message: attached || verdict.reason ? verdict.message : (accepted?.message ?? verdict.message),
        });
      }
    }
  }
  const out = [...views.values()].sort((a, b) => (a.gateway < b.gateway ? -1 : a.gateway > b.gateway ? 1 : 0));
  for (const v of out) {
    for (const l of v.listeners) l.routes.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
    v.unattached.sort((a, b) => (a.parentRef < b.parentRef ? -1 : a.parentRef > b.parentRef ? 1 : 0));
  }
  return out;
}
