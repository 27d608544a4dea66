// The controller's reconcile, run once per simulation: classes, Gateways and listeners, routes and
// their parents' status, and the per-listener virtual hosts the data plane matches requests with.
import type { Condition } from '../scenario/conditions.ts';
import type { Cluster, Labels, Service } from '../types.ts';
import { routeParentStatus } from './attachment.ts';
import { allBackendRefs, resolveBackendRef, resolvedRefsCondition } from './backends.ts';
import { reconcileGatewayClasses, reconcileGateways } from './gateways.ts';
import { ANY_HOST } from './hostnames.ts';
import { buildRouteTable, type MatchEntry, type RouteTable } from './matching.ts';
import { listGatewayObjects } from './objects.ts';
import { indexReferenceGrants } from './reference-grants.ts';
import { parseRoute } from './route-spec.ts';
import type { GatewayClassModel, GatewayModel, ListenerModel, RouteModel, RouteParentStatus } from './types.ts';

/** One listener's virtual hosts: the route tables per effective hostname. */
export interface ListenerIndex {
  listener: ListenerModel;
  exact: Map<string, RouteTable>;
  /** Keyed by the wildcard hostname itself (`*.example.com`). */
  wildcard: Map<string, RouteTable>;
  any?: RouteTable;
  /** The routes attached here (`httproute/ns/name`), for explanations. */
  routes: string[];
}

/** What one Gateway's data plane is configured with. */
export interface DataPlaneIndex {
  gateway: GatewayModel;
  /** Listeners by port, most specific hostname first. */
  byPort: Map<number, ListenerIndex[]>;
}

/** The whole controller model of one simulation. */
export interface GatewayControllerModel {
  addonInstalled: boolean;
  classes: GatewayClassModel[];
  gateways: GatewayModel[];
  routes: RouteModel[];
  /** Route ref -> status.parents, in parentRef order. */
  routeStatus: Map<string, RouteParentStatus[]>;
  /** Data-plane Deployment ref (`deployment/gateway-system/gateway-<ns>-<name>`) -> its index. */
  dataPlanes: Map<string, DataPlaneIndex>;
}

interface Attachment {
  route: RouteModel;
  hostnames: Set<string>;
}

/** Reconciles every Gateway API object of a cluster. */
export function reconcileGatewayApi(cluster: Cluster): GatewayControllerModel {
  const addonInstalled = cluster.settings.addons.includes('gateway-api');
  const informers = listGatewayObjects(cluster);
  const grants = indexReferenceGrants(informers.referenceGrants);
  const classes = reconcileGatewayClasses(informers.gatewayClasses, addonInstalled);
  const gateways = reconcileGateways(cluster, informers.gateways, classes, addonInstalled, grants, informers.secrets);
  const gatewaysByKey = new Map(gateways.map((g) => [`${g.namespace}/${g.name}`, g]));
  const services = new Map<string, Service>(cluster.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  const namespaceLabels = new Map<string, Labels>(cluster.namespaces.map((n) => [n.name, n.labels]));

  const routes = [...informers.httpRoutes.map((w) => parseRoute(w, 'HTTPRoute')), ...informers.grpcRoutes.map((w) => parseRoute(w, 'GRPCRoute'))];
  const routeStatus = new Map<string, RouteParentStatus[]>();
  // Listener key (`ns/gw/listener`) -> routes attached, with the hostnames each serves there.
  const attachments = new Map<string, Map<string, Attachment>>();
  for (const route of routes) {
    for (const b of allBackendRefs(route)) resolveBackendRef(b, route, services, grants);
    const { problem, extra } = routeLevelConditions(route);
    const parents = route.parentRefs.map((p) => routeParentStatus(route, p, gatewaysByKey, namespaceLabels, problem, extra));
    routeStatus.set(route.ref, parents);
    for (const status of parents) {
      if (!status.reconciled || status.conditions[0]?.status !== 'True') continue;
      for (const verdict of status.listeners) {
        if (!verdict.attached) continue;
        const key = `${status.parentRef.namespace}/${status.parentRef.name}/${verdict.listener}`;
        const byRoute = attachments.get(key) ?? new Map<string, Attachment>();
        attachments.set(key, byRoute);
        const existing = byRoute.get(route.ref) ?? { route, hostnames: new Set<string>() };
        for (const h of verdict.hostnames) existing.hostnames.add(h);
        byRoute.set(route.ref, existing);
      }
    }
  }
  const dataPlanes = new Map<string, DataPlaneIndex>();
  for (const gw of gateways) {
    if (!gw.reconciled) continue;
    const byPort = new Map<number, ListenerIndex[]>();
    for (const listener of gw.listeners) {
      const attached = [...(attachments.get(`${gw.namespace}/${gw.name}/${listener.name}`)?.values() ?? [])];
      listener.attachedRoutes = attached.length;
      const index = indexListener(listener, attached);
      byPort.set(listener.port, [...(byPort.get(listener.port) ?? []), index]);
    }
    dataPlanes.set(gw.dataPlane, { gateway: gw, byPort });
  }
  return { addonInstalled, classes, gateways, routes, routeStatus, dataPlanes };
}

// Rules the controller drops make the route PartiallyInvalid; when every rule is dropped the route
// is not Accepted at all. ResolvedRefs does not depend on the parent.
function routeLevelConditions(route: RouteModel): { problem?: Condition; extra: Condition[] } {
  const extra: Condition[] = [resolvedRefsCondition(route)];
  const invalid = route.rules.filter((r) => r.invalid);
  if (invalid.length === 0) return { extra };
  const first = invalid[0]!.invalid!;
  if (invalid.length === route.rules.length) return { problem: { type: 'Accepted', status: 'False', reason: first.reason, message: first.message }, extra };
  const message = `Dropped Rule(s) [${invalid.map((r) => r.index).join(', ')}]: ${invalid.map((r) => r.invalid!.message).join('; ')}`;
  extra.push({ type: 'PartiallyInvalid', status: 'True', reason: 'UnsupportedValue', message });
  return { extra };
}

function indexListener(listener: ListenerModel, attached: Attachment[]): ListenerIndex {
  const byHost = new Map<string, MatchEntry[]>();
  for (const { route, hostnames } of attached) {
    if (route.kind !== 'HTTPRoute') continue;
    const entries = route.rules.filter((r) => !r.invalid).flatMap((rule) => rule.matches.map((match) => ({ route, rule, match })));
    for (const h of hostnames) byHost.set(h, [...(byHost.get(h) ?? []), ...entries]);
  }
  const index: ListenerIndex = { listener, exact: new Map(), wildcard: new Map(), routes: attached.map((a) => a.route.ref) };
  for (const [host, entries] of byHost) {
    const table = buildRouteTable(host, entries);
    if (host === ANY_HOST) index.any = table;
    else if (host.startsWith('*.')) index.wildcard.set(host, table);
    else index.exact.set(host, table);
  }
  return index;
}
