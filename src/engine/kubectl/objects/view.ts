// What the simulated API server holds, seen the way kubectl lists it: every object of a resource
// type, with its namespace, name, labels and the model data its printers and describers need.

import type { Simulation } from '../../cluster/build.ts';
import { podTemplateHash } from '../../hash.ts';
import { createTraceContext, type TraceContext } from '../../trace/context.ts';
import { reconcileGatewayApi, type GatewayControllerModel } from '../../gateway/index.ts';
import type { AdmittedObject, Cluster, EndpointSlice, Labels, ManifestObject, Namespace, Node, Pod, Service } from '../../types.ts';
import { RESOURCE_TYPES, type ResourceType, resourceTypeOfKind } from '../resources.ts';
import { computeEndpoints, type EndpointsData } from './endpoints.ts';
import { record, stringMap } from '../../json.ts';

/** One object as the API server would list it. */
export interface ApiObject {
  type: ResourceType;
  name: string;
  namespace?: string;
  labels: Labels;
  annotations: Record<string, string>;
  /** `kind/ns/name` in lower case (`pod/default/web`, `node/node-1`). */
  ref: string;
  /** Where its creation time comes from when it has none of its own (its owner's ref). */
  ownerRef?: string;
  /** The manifest it was admitted from, when there is one. */
  raw?: ManifestObject;
  pod?: Pod;
  service?: Service;
  slice?: EndpointSlice;
  node?: Node;
  ns?: Namespace;
  endpoints?: EndpointsData;
  /** For a ReplicaSet a Deployment owns: the Deployment's manifest. */
  deployment?: ManifestObject;
}

/** The cluster as one command sees it, with the session's clock. */
export interface ClusterView {
  sim: Simulation;
  cluster: Cluster;
  /** Seconds since the cluster came up. */
  clock: number;
  /** When objects the terminal created appeared (ref -> clock). */
  born: Record<string, number>;
  /** Built on first use: the dataplane and DNS indexes probes need. */
  ctx?: TraceContext;
  lists?: Map<string, ApiObject[]>;
  /** Built on first use: the Gateway API controller's reconciled state. */
  gateways?: GatewayControllerModel;
}

/** The trace context of the view's cluster, built once. */
export function traceContextOf(view: ClusterView): TraceContext {
  if (!view.ctx) view.ctx = createTraceContext(view.cluster);
  return view.ctx;
}

/** The Gateway API controller's model of the view's cluster, built once. */
export function gatewayModelOf(view: ClusterView): GatewayControllerModel {
  if (!view.gateways) view.gateways = reconcileGatewayApi(view.cluster);
  return view.gateways;
}

const byNamespaceName = (a: ApiObject, b: ApiObject) => {
  const ns = (a.namespace ?? '').localeCompare(b.namespace ?? '');
  return ns !== 0 ? ns : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
};

/** The accepted objects of a kind, the last document winning as the simulation decided. */
export function acceptedObjects(cluster: Cluster, kind: string): AdmittedObject[] {
  const last = new Map<string, AdmittedObject>();
  for (const o of cluster.objects) if (o.accepted && o.kind === kind) last.set(o.ref, o);
  return [...last.values()];
}

function fromAdmitted(type: ResourceType, o: AdmittedObject): ApiObject {
  return {
    type,
    name: o.name,
    ...(o.namespace ? { namespace: o.namespace } : {}),
    labels: stringMap(o.object.metadata.labels),
    annotations: stringMap(o.object.metadata.annotations),
    ref: o.ref,
    raw: o.object,
  };
}

function build(view: ClusterView, type: ResourceType): ApiObject[] {
  const { cluster } = view;
  const rawByRef = new Map<string, ManifestObject>();
  for (const o of cluster.objects) if (o.accepted) rawByRef.set(o.ref, o.object);
  switch (type.resource) {
    case 'pods':
      return cluster.pods.map((pod) => ({
        type,
        name: pod.name,
        namespace: pod.namespace,
        labels: pod.labels,
        annotations: pod.annotations,
        ref: `pod/${pod.namespace}/${pod.name}`,
        ownerRef: pod.createdBy,
        pod,
        ...(rawByRef.get(`pod/${pod.namespace}/${pod.name}`) ? { raw: rawByRef.get(`pod/${pod.namespace}/${pod.name}`)! } : {}),
      }));
    case 'services':
      return cluster.services.map((service) => {
        const ref = `service/${service.namespace}/${service.name}`;
        const raw = rawByRef.get(ref);
        return { type, name: service.name, namespace: service.namespace, labels: service.labels, annotations: service.annotations, ref, service, ...(raw ? { raw } : {}) };
      });
    case 'endpointslices':
      return cluster.endpointSlices.map((slice) => ({
        type,
        name: slice.name,
        namespace: slice.namespace,
        labels: slice.labels,
        annotations: {},
        ref: `endpointslice/${slice.namespace}/${slice.name}`,
        ownerRef: `service/${slice.namespace}/${slice.serviceName}`,
        slice,
      }));
    case 'endpoints':
      return computeEndpoints(cluster).map((endpoints) => ({
        type,
        name: endpoints.name,
        namespace: endpoints.namespace,
        labels: endpoints.labels,
        annotations: {},
        ref: `endpoints/${endpoints.namespace}/${endpoints.name}`,
        ownerRef: `service/${endpoints.namespace}/${endpoints.name}`,
        endpoints,
      }));
    case 'nodes':
      return cluster.nodes.map((node) => ({ type, name: node.name, labels: node.labels, annotations: {}, ref: `node/${node.name}`, node }));
    case 'namespaces':
      return cluster.namespaces.map((ns) => ({ type, name: ns.name, labels: ns.labels, annotations: {}, ref: `namespace/${ns.name}`, ns }));
    case 'replicasets':
      return [...acceptedObjects(cluster, 'ReplicaSet').map((o) => fromAdmitted(type, o)), ...deploymentReplicaSets(type, cluster)];
    default:
      return acceptedObjects(cluster, type.kind).map((o) => fromAdmitted(type, o));
  }
}

/** The ReplicaSet the Deployment controller keeps for each Deployment (its current template). */
function deploymentReplicaSets(type: ResourceType, cluster: Cluster): ApiObject[] {
  return acceptedObjects(cluster, 'Deployment').map((d) => {
    const ns = d.namespace ?? 'default';
    const spec = record(d.object.spec);
    const template = record(spec.template);
    const hash = podTemplateHash(`${ns}/${d.name}/${JSON.stringify(template)}`);
    const labels = { ...stringMap(record(template.metadata).labels), 'pod-template-hash': hash };
    return {
      type,
      name: `${d.name}-${hash}`,
      namespace: ns,
      labels,
      annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicasOf(d.object)), 'deployment.kubernetes.io/max-replicas': String(replicasOf(d.object) + 1), 'deployment.kubernetes.io/revision': '1' },
      ref: `replicaset/${ns}/${d.name}-${hash}`,
      ownerRef: d.ref,
      deployment: d.object,
    };
  });
}

/** spec.replicas of a workload (default 1). */
export function replicasOf(obj: ManifestObject): number {
  const r = record(obj.spec).replicas;
  return typeof r === 'number' ? Math.max(0, Math.floor(r)) : 1;
}

/** Every object of a type, in a namespace or (undefined) all of them, sorted as the API server lists them. */
export function listObjects(view: ClusterView, type: ResourceType, namespace: string | undefined): ApiObject[] {
  if (!view.lists) view.lists = new Map();
  let all = view.lists.get(type.resource);
  if (!all) {
    all = build(view, type).sort(byNamespaceName);
    view.lists.set(type.resource, all);
  }
  if (!type.namespaced || namespace === undefined) return all;
  return all.filter((o) => o.namespace === namespace);
}

/** One object by name, or undefined. */
export function findObject(view: ClusterView, type: ResourceType, namespace: string | undefined, name: string): ApiObject | undefined {
  return listObjects(view, type, type.namespaced ? namespace : undefined).find((o) => o.name === name);
}

/** Every object's ref in the cluster (for noticing what a command created or removed). */
export function allRefs(view: ClusterView): string[] {
  const refs: string[] = [];
  for (const type of RESOURCE_TYPES) for (const o of listObjects(view, type, undefined)) refs.push(o.ref);
  return refs;
}

/** Seconds on the session clock when an object was created (0: with the cluster). */
export function createdAt(view: ClusterView, obj: ApiObject): number {
  return view.born[obj.ref] ?? (obj.ownerRef ? view.born[obj.ownerRef] : undefined) ?? 0;
}

/** The resource type of an admitted object's kind. */
export function typeOfKind(kind: string): ResourceType | undefined {
  return resourceTypeOfKind(kind);
}
