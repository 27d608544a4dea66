import type { Edge, Node } from '@xyflow/react';
import type { ServiceType } from '../../engine/types.ts';

// The diagram's data model: what clusterToGraph produces and the node components render.
// Node ids are the element ids traces use (`external`, `lb/<ns>/<svc>`, `node/<name>`,
// `service/<ns>/<name>`, `pod/<ns>/<name>`), so a hop's `at`/`to` names a node directly.

/** Layer of the layered layout, top to bottom. */
export const TIER = { clients: 0, loadBalancers: 1, services: 2, nodes: 3 } as const;
export type Tier = (typeof TIER)[keyof typeof TIER];

/** A pod's state as kubectl's READY/STATUS columns would summarise it. */
export type PodStatus = 'Ready' | 'NotReady' | 'Terminating';

/** What an edit did to an element, for the "what changed" highlight. */
export type ChangeMark = 'added' | 'readiness' | 'endpoints';

/** A system component the learner should recognise by name. */
export type Role = 'CoreDNS' | 'Ingress controller' | 'API server';

export type ClientData = {
  kind: 'client';
  tier: Tier;
  label: string;
  ip: string;
};

export type LoadBalancerData = {
  kind: 'loadBalancer';
  tier: Tier;
  /** `<ns>/<name>` of the Service this load balancer fronts. */
  service: string;
  ips: string[];
  pending: boolean;
  /** `80/TCP → NodePort 30080` per Service port. */
  ports: string[];
  role?: Role;
};

export type ServicePortLine = {
  /** `80/TCP → 8080`. */
  port: string;
  nodePort?: number;
};

export type ServiceData = {
  kind: 'service';
  tier: Tier;
  namespace: string;
  name: string;
  type: ServiceType;
  /** ClusterIP, `None` (headless) or empty (ExternalName). */
  clusterIP: string;
  externalName?: string;
  ports: ServicePortLine[];
  readyEndpoints: number;
  notReadyEndpoints: number;
  /** True when no endpoint is ready: kube-proxy rejects traffic to it. */
  noEndpoints: boolean;
  /** No selector: endpoints are written by hand (or mirrored from Endpoints). */
  selectorless: boolean;
  role?: Role;
  change?: ChangeMark;
};

export type KubeNodeData = {
  kind: 'kubeNode';
  tier: Tier;
  name: string;
  internalIP: string;
  podCIDR: string;
  ready: boolean;
  unschedulable: boolean;
  /** NodePorts kube-proxy opens on every node, sorted. */
  nodePorts: number[];
};

export type NamespaceGroupData = {
  kind: 'namespace';
  tier: Tier;
  namespace: string;
  /** Node name, or empty for the group of unscheduled pods. */
  node: string;
};

export type PodIsolation = {
  ingress: boolean;
  egress: boolean;
  /** `<ns>/<name>` of the policies that select the pod. */
  policies: string[];
  /** False when the cluster's CNI does not enforce NetworkPolicy. */
  enforced: boolean;
};

export type PodData = {
  kind: 'pod';
  tier: Tier;
  namespace: string;
  name: string;
  ip: string;
  /** status.phase (`Running`, `Pending`, ...). */
  phase: string;
  status: PodStatus;
  hostNetwork: boolean;
  /** `80/TCP` for each socket the pod listens on. */
  listening: string[];
  isolation?: PodIsolation;
  role?: Role;
  change?: ChangeMark;
  /** How many of the current traces this pod answered (load-balancing spread). */
  served?: number;
};

export type UnscheduledData = {
  kind: 'unscheduled';
  tier: Tier;
};

export type TopologyNodeData = ClientData | LoadBalancerData | ServiceData | KubeNodeData | NamespaceGroupData | PodData | UnscheduledData;
export type TopologyNodeKind = TopologyNodeData['kind'];

export type TopologyNode =
  | Node<ClientData, 'client'>
  | Node<LoadBalancerData, 'loadBalancer'>
  | Node<ServiceData, 'service'>
  | Node<KubeNodeData, 'kubeNode'>
  | Node<NamespaceGroupData, 'namespace'>
  | Node<PodData, 'pod'>
  | Node<UnscheduledData, 'unscheduled'>;

/** Why an edge is drawn. */
export type TopologyEdgeData = {
  kind: 'endpoint' | 'load-balancer' | 'internet';
  /** For endpoints: the EndpointSlice's ready condition. */
  ready?: boolean;
  terminating?: boolean;
  /** For endpoints: `10.244.0.2:8080`. */
  address?: string;
  change?: 'added' | 'removed';
};

export type TopologyEdge = Edge<TopologyEdgeData>;

/** Nodes (parents before children, as React Flow needs) and edges of the diagram. */
export interface TopologyGraph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}
