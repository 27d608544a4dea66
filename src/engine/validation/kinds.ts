// The API resources a NetLab cluster serves (what `kubectl api-resources` lists on a kind cluster,
// plus the Gateway API standard channel), and kubectl's error for anything else.
import type { ManifestObject } from '../types.ts';

export interface KindInfo {
  kind: string;
  namespaced: boolean;
  /** The plural resource name, e.g. `services`. */
  resource: string;
  shortNames: string[];
}

// Versions are listed preferred first, as discovery reports them.
type Row = [group: string, versions: string, kind: string, resource: string, namespaced: boolean, shortNames?: string];

const RESOURCES: Row[] = [
  ['', 'v1', 'Binding', 'bindings', true],
  ['', 'v1', 'ConfigMap', 'configmaps', true, 'cm'],
  ['', 'v1', 'Endpoints', 'endpoints', true, 'ep'],
  ['', 'v1', 'Event', 'events', true, 'ev'],
  ['', 'v1', 'LimitRange', 'limitranges', true, 'limits'],
  ['', 'v1', 'Namespace', 'namespaces', false, 'ns'],
  ['', 'v1', 'Node', 'nodes', false, 'no'],
  ['', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, 'pvc'],
  ['', 'v1', 'PersistentVolume', 'persistentvolumes', false, 'pv'],
  ['', 'v1', 'Pod', 'pods', true, 'po'],
  ['', 'v1', 'PodTemplate', 'podtemplates', true],
  ['', 'v1', 'ReplicationController', 'replicationcontrollers', true, 'rc'],
  ['', 'v1', 'ResourceQuota', 'resourcequotas', true, 'quota'],
  ['', 'v1', 'Secret', 'secrets', true],
  ['', 'v1', 'ServiceAccount', 'serviceaccounts', true, 'sa'],
  ['', 'v1', 'Service', 'services', true, 'svc'],
  ['apps', 'v1', 'ControllerRevision', 'controllerrevisions', true],
  ['apps', 'v1', 'DaemonSet', 'daemonsets', true, 'ds'],
  ['apps', 'v1', 'Deployment', 'deployments', true, 'deploy'],
  ['apps', 'v1', 'ReplicaSet', 'replicasets', true, 'rs'],
  ['apps', 'v1', 'StatefulSet', 'statefulsets', true, 'sts'],
  ['autoscaling', 'v2,v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, 'hpa'],
  ['batch', 'v1', 'CronJob', 'cronjobs', true, 'cj'],
  ['batch', 'v1', 'Job', 'jobs', true],
  ['coordination.k8s.io', 'v1', 'Lease', 'leases', true],
  ['discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true],
  ['networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false],
  ['networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, 'ing'],
  ['networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, 'netpol'],
  ['policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, 'pdb'],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false],
  ['rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false],
  ['rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true],
  ['rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true],
  ['scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, 'pc'],
  ['storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, 'sc'],
  ['gateway.networking.k8s.io', 'v1,v1beta1', 'GatewayClass', 'gatewayclasses', false, 'gc'],
  ['gateway.networking.k8s.io', 'v1,v1beta1', 'Gateway', 'gateways', true, 'gtw'],
  ['gateway.networking.k8s.io', 'v1,v1beta1', 'HTTPRoute', 'httproutes', true],
  ['gateway.networking.k8s.io', 'v1', 'GRPCRoute', 'grpcroutes', true],
  ['gateway.networking.k8s.io', 'v1beta1,v1', 'ReferenceGrant', 'referencegrants', true, 'refgrant'],
];

/** One served resource type: the single table kubectl's discovery and admission both read. */
export interface ApiResource {
  group: string;
  /** Served versions, preferred first. */
  versions: string[];
  kind: string;
  resource: string;
  namespaced: boolean;
  shortNames: string[];
}

/** Every resource type the cluster serves, in discovery order. */
export const API_RESOURCES: readonly ApiResource[] = RESOURCES.map(([group, versions, kind, resource, namespaced, shortNames]) => ({
  group,
  versions: versions.split(','),
  kind,
  resource,
  namespaced,
  shortNames: shortNames ? shortNames.split(',') : [],
}));

/** `apiVersion kind` -> info, built once. */
const BY_API_VERSION_KIND: ReadonlyMap<string, KindInfo> = new Map(
  RESOURCES.flatMap(([group, versions, kind, resource, namespaced, shortNames]) => {
    const info: KindInfo = { kind, namespaced, resource, shortNames: shortNames ? shortNames.split(',') : [] };
    return versions.split(',').map((v) => [`${group ? `${group}/${v}` : v} ${kind}`, info] as const);
  }),
);

/** Kinds the engine knows: the canonical info, or undefined for an unknown kind/apiVersion. */
export function lookupKind(apiVersion: string, kind: string): KindInfo | undefined {
  return BY_API_VERSION_KIND.get(`${apiVersion} ${kind}`);
}

/** The API group of an apiVersion (`apps/v1` -> `apps`, `v1` -> ``). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function goQuoted(s: string): string {
  return JSON.stringify(s);
}

/** kubectl's message for a kind the cluster does not serve (`resource mapping not found ... ensure CRDs are installed first`). */
export function unknownKindMessage(obj: ManifestObject, file: string): string {
  const name = typeof obj.metadata?.name === 'string' ? obj.metadata.name : '';
  const namespace = typeof obj.metadata?.namespace === 'string' ? obj.metadata.namespace : '';
  return (
    `resource mapping not found for name: ${goQuoted(name)} namespace: ${goQuoted(namespace)} from ${goQuoted(file)}: ` +
    `no matches for kind ${goQuoted(String(obj.kind))} in version ${goQuoted(String(obj.apiVersion))}\nensure CRDs are installed first`
  );
}
