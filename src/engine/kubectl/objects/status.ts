// The status controllers would write for objects the model does not give a status of its own:
// workload replica counts, the address ingress-nginx publishes on Ingresses, and the Gateway API
// controller's conditions and addresses.

import type { Condition } from '../../scenario/conditions.ts';
import type { Cluster, ManifestObject, Pod } from '../../types.ts';
import { gatewayModelOf, replicasOf, type ApiObject, type ClusterView } from './view.ts';
import { record } from '../../json.ts';

/** Pods a workload created (`deployment/ns/name`). */
export function workloadPods(cluster: Cluster, ref: string): Pod[] {
  return cluster.pods.filter((p) => p.createdBy === ref);
}

/** Replica counts as the workload controllers report them. */
export interface WorkloadStatus {
  desired: number;
  current: number;
  ready: number;
  updated: number;
  available: number;
}

/** The status of a Deployment, ReplicaSet, StatefulSet or DaemonSet. */
export function workloadStatus(view: ClusterView, obj: ApiObject): WorkloadStatus {
  // A Deployment's ReplicaSet reports the Deployment's pods.
  const ref = obj.deployment ? obj.ownerRef! : obj.ref;
  const pods = workloadPods(view.cluster, ref);
  const ready = pods.filter((p) => p.ready).length;
  const raw = obj.deployment ?? obj.raw;
  const desired = obj.type.kind === 'DaemonSet' ? pods.length : raw ? replicasOf(raw) : pods.length;
  return { desired, current: pods.length, ready, updated: pods.length, available: ready };
}

const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';

/** Whether the ingress-nginx addon serves an Ingress: its class (spec.ingressClassName, the
 * legacy annotation, or the default IngressClass) is one whose controller is ingress-nginx. */
export function servedByIngressNginx(cluster: Cluster, ingress: ManifestObject): boolean {
  if (!cluster.settings.addons.includes('ingress-nginx')) return false;
  const classes = cluster.objects.filter((o) => o.accepted && o.kind === 'IngressClass');
  const spec = record(ingress.spec);
  const annotations = record(ingress.metadata.annotations);
  if (typeof spec.ingressClassName === 'string') {
    const cls = classes.find((c) => c.name === spec.ingressClassName);
    return record(cls?.object.spec).controller === INGRESS_NGINX_CONTROLLER;
  }
  const legacy = annotations['kubernetes.io/ingress.class'];
  if (typeof legacy === 'string') return legacy === 'nginx';
  const fallback = classes.find((c) => record(c.object.metadata.annotations)['ingressclass.kubernetes.io/is-default-class'] === 'true');
  return record(fallback?.object.spec).controller === INGRESS_NGINX_CONTROLLER;
}

/** status.loadBalancer.ingress of an Ingress: ingress-nginx publishes its Service's address
 * (--publish-service) on the Ingresses it serves; nothing else writes it. */
export function ingressAddresses(view: ClusterView, ingress: ManifestObject): string[] {
  if (!servedByIngressNginx(view.cluster, ingress)) return [];
  const svc = view.cluster.services.find((s) => s.namespace === 'ingress-nginx' && s.name === 'ingress-nginx-controller');
  return svc ? [...svc.loadBalancerIPs] : [];
}

/** The conditions the Gateway API CRDs default status to when no controller has written any. */
const WAITING: Condition[] = [
  { type: 'Accepted', status: 'Unknown', reason: 'Pending', message: 'Waiting for controller' },
  { type: 'Programmed', status: 'Unknown', reason: 'Pending', message: 'Waiting for controller' },
];

/** A Gateway's status: its address and conditions (the CRD defaults when no controller owns it). */
export function gatewayStatus(view: ClusterView, namespace: string, name: string): { addresses: string[]; conditions: Condition[]; listeners: Array<{ name: string; attachedRoutes: number; supportedKinds: string[]; conditions: Condition[] }> } {
  const gw = gatewayModelOf(view).gateways.find((g) => g.namespace === namespace && g.name === name);
  if (!gw || !gw.reconciled) return { addresses: [], conditions: WAITING, listeners: [] };
  return {
    addresses: gw.address ? [gw.address] : [],
    conditions: gw.conditions,
    listeners: gw.listeners.map((l) => ({ name: l.name, attachedRoutes: l.attachedRoutes, supportedKinds: l.supportedKinds, conditions: l.conditions })),
  };
}

/** A GatewayClass's conditions (Unknown/Pending until a controller accepts it). */
export function gatewayClassConditions(view: ClusterView, name: string): Condition[] {
  const cls = gatewayModelOf(view).classes.find((c) => c.name === name);
  return cls && cls.conditions.length > 0 ? cls.conditions : [{ type: 'Accepted', status: 'Unknown', reason: 'Pending', message: 'Waiting for controller' }];
}

/** An HTTPRoute's or GRPCRoute's status.parents, as the controller writes them. */
export function routeParents(view: ClusterView, ref: string): Array<{ parentRef: Record<string, unknown>; controllerName: string; conditions: Condition[] }> {
  const parents = gatewayModelOf(view).routeStatus.get(ref) ?? [];
  return parents
    .filter((p) => p.reconciled && p.conditions.length > 0)
    .map((p) => ({
      parentRef: {
        group: p.parentRef.group,
        kind: p.parentRef.kind,
        name: p.parentRef.name,
        namespace: p.parentRef.namespace,
        ...(p.parentRef.sectionName ? { sectionName: p.parentRef.sectionName } : {}),
        ...(p.parentRef.port ? { port: p.parentRef.port } : {}),
      },
      controllerName: 'netlab.dev/gateway-controller',
      conditions: p.conditions,
    }));
}
