// The API resources the simulated cluster serves, as kubectl discovers them (`kubectl
// api-resources` on a kind cluster plus the Gateway API standard channel), and how kubectl
// resolves what a person types (`svc`, `service`, `services`, `Service`, `deployments.apps`).

/** One resource type, as discovery describes it. */
export interface ResourceType {
  kind: string;
  /** Plural resource name (`services`). */
  resource: string;
  singular: string;
  shortNames: string[];
  /** API group ('' for the core group). */
  group: string;
  version: string;
  namespaced: boolean;
}

type Row = [group: string, version: string, kind: string, resource: string, namespaced: boolean, shortNames?: string];

const ROWS: Row[] = [
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
  ['autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, 'hpa'],
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
  ['gateway.networking.k8s.io', 'v1', 'GatewayClass', 'gatewayclasses', false, 'gc'],
  ['gateway.networking.k8s.io', 'v1', 'Gateway', 'gateways', true, 'gtw'],
  ['gateway.networking.k8s.io', 'v1', 'HTTPRoute', 'httproutes', true],
  ['gateway.networking.k8s.io', 'v1', 'GRPCRoute', 'grpcroutes', true],
  ['gateway.networking.k8s.io', 'v1beta1', 'ReferenceGrant', 'referencegrants', true, 'refgrant'],
];

/** Every resource type, in discovery order. */
export const RESOURCE_TYPES: ResourceType[] = ROWS.map(([group, version, kind, resource, namespaced, short]) => ({
  kind,
  resource,
  singular: kind.toLowerCase(),
  shortNames: short ? short.split(',') : [],
  group,
  version,
  namespaced,
}));

/** The `all` category, in the order `kubectl get all` prints it. */
export const ALL_CATEGORY = ['pods', 'replicationcontrollers', 'services', 'daemonsets', 'deployments', 'replicasets', 'statefulsets', 'horizontalpodautoscalers', 'cronjobs', 'jobs'];

/** Finds the resource type for what a person typed (plural, singular, short name, Kind, or `resource.group`). */
export function resolveResourceType(typed: string): ResourceType | undefined {
  const t = typed.toLowerCase();
  const direct = RESOURCE_TYPES.find((r) => r.resource === t || r.singular === t || r.shortNames.includes(t));
  if (direct) return direct;
  const dot = t.indexOf('.');
  if (dot > 0) {
    const name = t.slice(0, dot);
    const group = t.slice(dot + 1).replace(/^v1(beta1)?\./, '');
    return RESOURCE_TYPES.find((r) => (r.resource === name || r.singular === name || r.shortNames.includes(name)) && (r.group === group || `${r.version}.${r.group}` === group));
  }
  return undefined;
}

/** The type of a Kind (`Service` -> services). */
export function resourceTypeOfKind(kind: string): ResourceType | undefined {
  return RESOURCE_TYPES.find((r) => r.kind === kind);
}

/** `kind.group` as kubectl names a type in its messages (`deployment.apps`, `pod`). */
export function kindString(type: ResourceType): string {
  return type.group ? `${type.singular}.${type.group}` : type.singular;
}

/** The apiVersion of a type (`apps/v1`, `v1`). */
export function apiVersionOf(type: ResourceType): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}

/** `resource.group` as the API server names a type in errors (`deployments.apps`, `pods`). */
export function qualifiedResource(type: ResourceType): string {
  return type.group ? `${type.resource}.${type.group}` : type.resource;
}
