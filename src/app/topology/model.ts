import { EXTERNAL_CLIENT_IP } from '../../engine/cluster/system.ts';
import type { Cluster, EndpointSlice, Pod, Service } from '../../engine/types.ts';
import { TIER, type PodStatus, type Role, type ServiceData, type TopologyEdge, type TopologyGraph, type TopologyNode } from './graph-types.ts';
import { podIsolation } from './isolation.ts';

/** Fixed card sizes, so ELK can lay out before anything is rendered (the CSS uses the same). */
export const CARD = {
  client: { width: 190, height: 58 },
  loadBalancer: { width: 210, height: 72 },
  service: { width: 236, baseHeight: 76, lineHeight: 16 },
  pod: { width: 196, height: 78 },
} as const;

/** Space inside group nodes around their children (top holds the header). */
export const GROUP_PADDING = {
  kubeNode: { top: 58, side: 12, bottom: 12 },
  namespace: { top: 26, side: 10, bottom: 10 },
} as const;

/** Namespaces that belong to the platform: drawn after the learner's own. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'ingress-nginx']);

/** Objects every cluster has but that only clutter a lesson, unless a trace goes through them. */
const HIDDEN_BY_DEFAULT = new Set(['service/default/kubernetes']);

export interface GraphOptions {
  /** Element ids to show even when hidden by default (e.g. the ones the current traces visit). */
  show?: Iterable<string>;
}

/** Element id of a pod. */
export const podId = (namespace: string, name: string) => `pod/${namespace}/${name}`;
/** Element id of a Service. */
export const serviceId = (namespace: string, name: string) => `service/${namespace}/${name}`;
/** Element id of a Kubernetes node. */
export const nodeId = (name: string) => `node/${name}`;
/** Element id of the cloud load balancer in front of a LoadBalancer Service. */
export const loadBalancerId = (namespace: string, name: string) => `lb/${namespace}/${name}`;
/** Id of the namespace box inside a node (not an element id: traces never name it). */
export const namespaceGroupId = (node: string, namespace: string) => `nsgroup/${node}/${namespace}`;
export const UNSCHEDULED_ID = 'unscheduled';
export const EXTERNAL_ID = 'external';

/** kubectl's view of a pod: Terminating wins, then the Ready condition in the contract's sense. */
export function podStatus(pod: Pod): PodStatus {
  if (pod.terminating) return 'Terminating';
  return pod.ready ? 'Ready' : 'NotReady';
}

function compareNamespaces(a: string, b: string): number {
  const sa = SYSTEM_NAMESPACES.has(a);
  const sb = SYSTEM_NAMESPACES.has(b);
  if (sa !== sb) return sa ? 1 : -1;
  return a.localeCompare(b);
}

function compareObjects(a: { namespace: string; name: string }, b: { namespace: string; name: string }): number {
  return a.namespace === b.namespace ? a.name.localeCompare(b.name) : compareNamespaces(a.namespace, b.namespace);
}

function serviceRole(svc: Service): Role | undefined {
  if (svc.namespace === 'kube-system' && svc.name === 'kube-dns') return 'CoreDNS';
  if (svc.namespace === 'default' && svc.name === 'kubernetes') return 'API server';
  if (svc.labels['app.kubernetes.io/name'] === 'ingress-nginx') return 'Ingress controller';
  return undefined;
}

function podRole(pod: Pod): Role | undefined {
  if (pod.namespace === 'kube-system' && pod.labels['k8s-app'] === 'kube-dns') return 'CoreDNS';
  if (pod.labels['app.kubernetes.io/name'] === 'ingress-nginx' && pod.labels['app.kubernetes.io/component'] === 'controller') return 'Ingress controller';
  return undefined;
}

/** The endpoints of one Service, merged over its slices and keyed by address. */
interface ServiceEndpoint {
  address: string;
  port?: number;
  ready: boolean;
  terminating: boolean;
  /** Element id of the pod (or node) behind the address, when it is drawn. */
  target?: string;
}

/** Endpoints per Service element id, from the EndpointSlices (the diagram shows what kube-proxy sees). */
export function endpointsByService(cluster: Cluster): Map<string, ServiceEndpoint[]> {
  const nodeByIP = new Map(cluster.nodes.map((n) => [n.internalIP, n.name]));
  const byService = new Map<string, Map<string, ServiceEndpoint>>();
  for (const slice of cluster.endpointSlices) {
    const id = serviceId(slice.namespace, slice.serviceName);
    let endpoints = byService.get(id);
    if (!endpoints) byService.set(id, (endpoints = new Map()));
    for (const ep of slice.endpoints) {
      for (const address of ep.addresses) {
        if (endpoints.has(address)) continue;
        endpoints.set(address, {
          address,
          port: firstPort(slice),
          ready: ep.conditions.ready,
          terminating: ep.conditions.terminating,
          target: ep.targetRef?.kind === 'Pod' ? podId(ep.targetRef.namespace, ep.targetRef.name) : nodeByIP.has(address) ? nodeId(nodeByIP.get(address)!) : undefined,
        });
      }
    }
  }
  const result = new Map<string, ServiceEndpoint[]>();
  for (const [id, eps] of byService)
    result.set(
      id,
      [...eps.values()].sort((a, b) => a.address.localeCompare(b.address, 'en', { numeric: true })),
    );
  return result;
}

function firstPort(slice: EndpointSlice): number | undefined {
  return slice.ports[0]?.port;
}

function serviceNode(svc: Service, endpoints: ServiceEndpoint[]): TopologyNode {
  const ready = endpoints.filter((e) => e.ready).length;
  const ports = svc.ports.map((p) => ({
    port: `${p.port}/${p.protocol} → ${p.targetPort}`,
    ...(p.nodePort !== undefined && svc.type !== 'ClusterIP' ? { nodePort: p.nodePort } : {}),
  }));
  const data: ServiceData = {
    kind: 'service',
    tier: TIER.services,
    namespace: svc.namespace,
    name: svc.name,
    type: svc.type,
    clusterIP: svc.clusterIP,
    ports,
    readyEndpoints: ready,
    notReadyEndpoints: endpoints.length - ready,
    noEndpoints: svc.type !== 'ExternalName' && ready === 0,
    selectorless: !svc.selector,
  };
  if (svc.externalName) data.externalName = svc.externalName;
  const role = serviceRole(svc);
  if (role) data.role = role;
  const lines = Math.max(1, ports.length);
  return {
    id: serviceId(svc.namespace, svc.name),
    type: 'service',
    position: { x: 0, y: 0 },
    width: CARD.service.width,
    height: CARD.service.baseHeight + CARD.service.lineHeight * lines,
    ariaLabel: `Service ${svc.namespace}/${svc.name}`,
    data,
  };
}

function podNode(pod: Pod, cluster: Cluster, parentId: string): TopologyNode {
  const isolation = podIsolation(pod, cluster);
  const role = podRole(pod);
  const status = podStatus(pod);
  return {
    id: podId(pod.namespace, pod.name),
    type: 'pod',
    parentId,
    extent: 'parent',
    position: { x: 0, y: 0 },
    width: CARD.pod.width,
    height: CARD.pod.height,
    ariaLabel: `Pod ${pod.namespace}/${pod.name}, ${status}${isolation ? ', isolated by NetworkPolicy' : ''}`,
    data: {
      kind: 'pod',
      tier: TIER.nodes,
      namespace: pod.namespace,
      name: pod.name,
      ip: pod.podIP,
      phase: pod.phase,
      status,
      hostNetwork: pod.hostNetwork,
      listening: pod.listening.map((l) => `${l.port}/${l.protocol}`),
      ...(isolation ? { isolation } : {}),
      ...(role ? { role } : {}),
    },
  };
}

/** Maps a reconciled cluster to the diagram's nodes and edges: clients, cloud load balancers,
 * Services, and Kubernetes nodes holding their pods grouped by namespace. Deterministic order. */
export function clusterToGraph(cluster: Cluster, options: GraphOptions = {}): TopologyGraph {
  const show = new Set(options.show ?? []);
  const nodes: TopologyNode[] = [];
  const edges: TopologyEdge[] = [];
  const visible = (id: string) => !HIDDEN_BY_DEFAULT.has(id) || show.has(id);

  nodes.push({
    id: EXTERNAL_ID,
    type: 'client',
    position: { x: 0, y: 0 },
    width: CARD.client.width,
    height: CARD.client.height,
    ariaLabel: `External client ${EXTERNAL_CLIENT_IP}`,
    data: { kind: 'client', tier: TIER.clients, label: 'external client', ip: EXTERNAL_CLIENT_IP },
  });

  const services = cluster.services.filter((s) => visible(serviceId(s.namespace, s.name))).sort(compareObjects);
  const readyNodes = cluster.nodes.filter((n) => n.ready);
  for (const svc of services) {
    if (svc.type !== 'LoadBalancer') continue;
    const id = loadBalancerId(svc.namespace, svc.name);
    const pending = svc.loadBalancerIPs.length === 0;
    const role = serviceRole(svc);
    nodes.push({
      id,
      type: 'loadBalancer',
      position: { x: 0, y: 0 },
      width: CARD.loadBalancer.width,
      height: CARD.loadBalancer.height,
      ariaLabel: `Cloud load balancer for ${svc.namespace}/${svc.name}, ${pending ? 'pending' : svc.loadBalancerIPs.join(', ')}`,
      data: {
        kind: 'loadBalancer',
        tier: TIER.loadBalancers,
        service: `${svc.namespace}/${svc.name}`,
        ips: svc.loadBalancerIPs,
        pending,
        ports: svc.ports.map((p) => `${p.port}/${p.protocol}${p.nodePort ? ` → NodePort ${p.nodePort}` : ''}`),
        ...(role ? { role } : {}),
      },
    });
    if (pending) continue;
    edges.push({ id: `net/${id}`, source: EXTERNAL_ID, target: id, className: 'edge-internet', data: { kind: 'internet' } });
    for (const n of readyNodes) {
      edges.push({ id: `lb/${id}->${n.name}`, source: id, target: nodeId(n.name), className: 'edge-lb', data: { kind: 'load-balancer' } });
    }
  }

  const endpoints = endpointsByService(cluster);
  for (const svc of services) nodes.push(serviceNode(svc, endpoints.get(serviceId(svc.namespace, svc.name)) ?? []));

  const nodePorts = [...new Set(cluster.services.flatMap((s) => (s.type === 'ClusterIP' ? [] : s.ports.flatMap((p) => (p.nodePort ? [p.nodePort] : [])))))].sort((a, b) => a - b);
  const podsByNode = new Map<string, Pod[]>();
  for (const pod of [...cluster.pods].sort(compareObjects)) {
    const key = cluster.nodes.some((n) => n.name === pod.nodeName) ? pod.nodeName : '';
    let list = podsByNode.get(key);
    if (!list) podsByNode.set(key, (list = []));
    list.push(pod);
  }
  for (const n of cluster.nodes) {
    const id = nodeId(n.name);
    nodes.push({
      id,
      type: 'kubeNode',
      position: { x: 0, y: 0 },
      ariaLabel: `Node ${n.name}, ${n.internalIP}, ${n.ready ? 'Ready' : 'NotReady'}${n.unschedulable ? ', SchedulingDisabled' : ''}`,
      data: { kind: 'kubeNode', tier: TIER.nodes, name: n.name, internalIP: n.internalIP, podCIDR: n.podCIDR, ready: n.ready, unschedulable: n.unschedulable, nodePorts },
    });
    pushNamespaceGroups(nodes, podsByNode.get(n.name) ?? [], n.name, id, cluster);
  }
  const unscheduled = podsByNode.get('') ?? [];
  if (unscheduled.length > 0) {
    nodes.push({ id: UNSCHEDULED_ID, type: 'unscheduled', position: { x: 0, y: 0 }, ariaLabel: 'Pods not scheduled to any node', data: { kind: 'unscheduled', tier: TIER.nodes } });
    for (const pod of unscheduled) nodes.push(podNode(pod, cluster, UNSCHEDULED_ID));
  }

  const drawn = new Set(nodes.map((n) => n.id));
  for (const svc of services) {
    const id = serviceId(svc.namespace, svc.name);
    for (const ep of endpoints.get(id) ?? []) {
      if (!ep.target || !drawn.has(ep.target)) continue;
      edges.push(endpointEdge(id, ep));
    }
  }
  return { nodes, edges };
}

function pushNamespaceGroups(nodes: TopologyNode[], pods: Pod[], node: string, parentId: string, cluster: Cluster): void {
  const namespaces = [...new Set(pods.map((p) => p.namespace))].sort(compareNamespaces);
  for (const ns of namespaces) {
    const groupId = namespaceGroupId(node, ns);
    nodes.push({
      id: groupId,
      type: 'namespace',
      parentId,
      extent: 'parent',
      position: { x: 0, y: 0 },
      selectable: false,
      focusable: false,
      data: { kind: 'namespace', tier: TIER.nodes, namespace: ns, node },
    });
    for (const pod of pods) if (pod.namespace === ns) nodes.push(podNode(pod, cluster, groupId));
  }
}

/** Id of the edge from a Service to one endpoint's pod or node. */
export const endpointEdgeId = (service: string, target: string) => `ep/${service}->${target}`;

function endpointEdge(service: string, ep: ServiceEndpoint): TopologyEdge {
  const classes = ['edge-endpoint', ep.ready ? 'edge-ready' : 'edge-not-ready', ep.terminating ? 'edge-terminating' : ''].filter(Boolean);
  const edge: TopologyEdge = {
    id: endpointEdgeId(service, ep.target!),
    // React Flow lifts edges to their deepest endpoint's level; -2 puts them back under the node
    // and namespace boxes (drawn translucent), so group headers stay readable.
    zIndex: -2,
    source: service,
    target: ep.target!,
    className: classes.join(' '),
    data: { kind: 'endpoint', ready: ep.ready, terminating: ep.terminating, address: ep.port === undefined ? ep.address : `${ep.address}:${ep.port}` },
  };
  if (!ep.ready) edge.label = ep.terminating ? 'terminating' : 'not ready';
  return edge;
}
