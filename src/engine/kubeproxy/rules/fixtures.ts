// Small hand-built clusters for the rules tests: only the fields kube-proxy reads are meaningful.

import type { Cluster, EndpointSlice, Node, Protocol, Service, ServicePort } from '../../types.ts';

/** A node with the contract's default addressing. */
export function testNode(index: number): Node {
  return { name: `node-${index}`, internalIP: `172.18.0.${index + 1}`, podCIDR: `10.244.${index - 1}.0/24`, labels: {}, unschedulable: false, ready: true };
}

export interface TestPort {
  name?: string;
  port: number;
  targetPort?: number;
  protocol?: Protocol;
  nodePort?: number;
}

/** A Service with ClusterIP defaults; override any field. */
export function testService(namespace: string, name: string, clusterIP: string, ports: TestPort[], extra: Partial<Service> = {}): Service {
  const specPorts: ServicePort[] = ports.map((p) => ({
    name: p.name ?? '',
    protocol: p.protocol ?? 'TCP',
    port: p.port,
    targetPort: p.targetPort ?? p.port,
    ...(p.nodePort !== undefined ? { nodePort: p.nodePort } : {}),
  }));
  return {
    namespace,
    name,
    labels: {},
    annotations: {},
    type: 'ClusterIP',
    clusterIP,
    selector: { app: name },
    ports: specPorts,
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: 10800,
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    externalIPs: [],
    publishNotReadyAddresses: false,
    source: { file: 'test.yaml', doc: 0 },
    ...extra,
  };
}

export interface TestEndpoint {
  ip: string;
  node?: string;
  ready?: boolean;
  serving?: boolean;
  terminating?: boolean;
}

/** One IPv4 EndpointSlice for a Service, every endpoint carrying every port. */
export function testSlice(svc: Service, ports: Array<{ name?: string; port: number; protocol?: Protocol }>, endpoints: TestEndpoint[]): EndpointSlice {
  return {
    namespace: svc.namespace,
    name: `${svc.name}-abcde`,
    serviceName: svc.name,
    managedBy: 'endpointslice-controller.k8s.io',
    addressType: 'IPv4',
    ports: ports.map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' })),
    endpoints: endpoints.map((e) => ({
      addresses: [e.ip],
      conditions: { ready: e.ready ?? true, serving: e.serving ?? e.ready ?? true, terminating: e.terminating ?? false },
      nodeName: e.node,
    })),
    labels: { 'kubernetes.io/service-name': svc.name },
  };
}

/** A cluster of `nodeCount` nodes holding the given Services and slices. */
export function testCluster(nodeCount: number, services: Service[], endpointSlices: EndpointSlice[]): Cluster {
  return {
    settings: {
      nodes: Array.from({ length: nodeCount }, (_, i) => `node-${i + 1}`),
      kubeProxyMode: 'iptables',
      networkPolicy: true,
      loadBalancer: 'cloud',
      addons: [],
      seed: 1,
      clusterDomain: 'cluster.local',
      serviceCIDR: '10.96.0.0/12',
    },
    nodes: Array.from({ length: nodeCount }, (_, i) => testNode(i + 1)),
    namespaces: [],
    pods: [],
    services,
    endpointSlices,
    networkPolicies: [],
    objects: [],
  };
}
