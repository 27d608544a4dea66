// Small hand-built clusters for the DNS tests: the contract's defaults (two nodes, default/kubernetes,
// kube-system/kube-dns with two CoreDNS pods) plus whatever a test adds.

import type { Cluster, Endpoint, EndpointPort, EndpointSlice, Pod, Protocol, Service, ServicePort } from '../types.ts';

const SOURCE = { file: 'test.yaml', doc: 0 };

/** A running, ready pod on node-1 unless told otherwise. */
export function makePod(namespace: string, name: string, podIP: string, extra: Partial<Pod> = {}): Pod {
  return {
    namespace,
    name,
    labels: {},
    annotations: {},
    nodeName: 'node-1',
    podIP,
    hostIP: '172.18.0.2',
    hostNetwork: false,
    phase: 'Running',
    readyCondition: true,
    terminating: false,
    ready: true,
    containers: [],
    listening: [],
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    env: {},
    source: SOURCE,
    createdBy: `pod/${namespace}/${name}`,
    ...extra,
  };
}

/** A port `name:port/protocol` (targetPort = port). */
export function port(name: string, portNumber: number, protocol: Protocol = 'TCP'): ServicePort {
  return { name, port: portNumber, protocol, targetPort: portNumber };
}

/** A Service; clusterIP `None` makes it headless. */
export function makeService(namespace: string, name: string, clusterIP: string, ports: ServicePort[], extra: Partial<Service> = {}): Service {
  return {
    namespace,
    name,
    labels: {},
    annotations: {},
    type: 'ClusterIP',
    clusterIP,
    selector: { app: name },
    ports,
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: 10800,
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    externalIPs: [],
    publishNotReadyAddresses: false,
    source: SOURCE,
    ...extra,
  };
}

/** An ExternalName Service. */
export function makeExternalName(namespace: string, name: string, externalName: string): Service {
  return makeService(namespace, name, '', [], { type: 'ExternalName', externalName, selector: undefined });
}

/** An endpoint for a pod address; ready unless told otherwise. */
export function endpoint(ip: string, opts: { ready?: boolean; hostname?: string; pod?: string; namespace?: string } = {}): Endpoint {
  const ready = opts.ready ?? true;
  return {
    addresses: [ip],
    conditions: { ready, serving: ready, terminating: false },
    nodeName: 'node-1',
    ...(opts.hostname ? { hostname: opts.hostname } : {}),
    ...(opts.pod ? { targetRef: { kind: 'Pod', namespace: opts.namespace ?? 'default', name: opts.pod } } : {}),
  };
}

/** An EndpointSlice of a Service. */
export function makeSlice(namespace: string, serviceName: string, ports: EndpointPort[], endpoints: Endpoint[], name = `${serviceName}-abc12`): EndpointSlice {
  return {
    namespace,
    name,
    serviceName,
    managedBy: 'endpointslice-controller.k8s.io',
    addressType: 'IPv4',
    ports,
    endpoints,
    labels: { 'kubernetes.io/service-name': serviceName },
  };
}

/** The contract's default cluster plus the given objects; namespaces of the objects are created. */
export function makeCluster(objects: { pods?: Pod[]; services?: Service[]; slices?: EndpointSlice[]; namespaces?: string[] } = {}): Cluster {
  const coredns = [
    makePod('kube-system', 'coredns-5d78c9869d-abcde', '10.244.0.2', { labels: { 'k8s-app': 'kube-dns' }, dnsPolicy: 'Default' }),
    makePod('kube-system', 'coredns-5d78c9869d-fghij', '10.244.1.2', { labels: { 'k8s-app': 'kube-dns' }, dnsPolicy: 'Default', nodeName: 'node-2', hostIP: '172.18.0.3' }),
  ];
  const services = [
    makeService('default', 'kubernetes', '10.96.0.1', [port('https', 443)], { selector: undefined }),
    makeService('kube-system', 'kube-dns', '10.96.0.10', [port('dns', 53, 'UDP'), port('dns-tcp', 53), port('metrics', 9153)], { selector: { 'k8s-app': 'kube-dns' } }),
    ...(objects.services ?? []),
  ];
  const pods = [...coredns, ...(objects.pods ?? [])];
  const names = new Set(['default', 'kube-system', ...(objects.namespaces ?? [])]);
  for (const o of [...pods, ...services]) names.add(o.namespace);
  return {
    settings: {
      nodes: ['node-1', 'node-2'],
      kubeProxyMode: 'iptables',
      networkPolicy: true,
      loadBalancer: 'cloud',
      addons: [],
      seed: 1,
      clusterDomain: 'cluster.local',
      serviceCIDR: '10.96.0.0/12',
    },
    nodes: [
      { name: 'node-1', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', labels: {}, unschedulable: false, ready: true },
      { name: 'node-2', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', labels: {}, unschedulable: false, ready: true },
    ],
    namespaces: [...names].sort().map((name) => ({ name, labels: { 'kubernetes.io/metadata.name': name } })),
    pods,
    services,
    endpointSlices: objects.slices ?? [],
    networkPolicies: [],
    objects: [],
  };
}

/** Extra public names the lab publishes (an Ingress hostname -> the ingress-nginx LoadBalancer IP). */
export const LAB_PUBLIC_HOSTS = { 'shop.example.com': '203.0.113.10' };

/** The cluster most DNS tests query: Services of every kind in `default`, a client namespace `x`. */
export function labCluster(): Cluster {
  const pods = [
    makePod('default', 'web-a', '10.244.0.5'),
    makePod('default', 'web-b', '10.244.1.5', { nodeName: 'node-2' }),
    makePod('default', 'web-0', '10.244.0.6', { hostname: 'web-0', subdomain: 'nginx' }),
    makePod('default', 'web-1', '10.244.1.6', { hostname: 'web-1', subdomain: 'nginx' }),
    makePod('default', 'web-2', '10.244.1.7', { hostname: 'web-2', subdomain: 'nginx', readyCondition: false, ready: false }),
    makePod('default', 'busybox1', '10.244.0.10', { hostname: 'busybox-1', subdomain: 'default-subdomain' }),
    makePod('x', 'client', '10.244.0.20'),
  ];
  const services = [
    makeService('default', 'web', '10.96.0.11', [port('http', 80), port('metrics', 9090)]),
    makeService('default', 'empty', '10.96.0.12', [port('http', 80)]),
    makeService('default', 'unnamed', '10.96.0.13', [port('', 80)]),
    makeService('default', 'nginx', 'None', [port('web', 80)]),
    makeService('default', 'nohost', 'None', [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 8080 }]),
    makeService('default', 'drained', 'None', [port('http', 80)]),
    makeService('default', 'pnr', 'None', [port('http', 80)], { publishNotReadyAddresses: true }),
    makeService('default', 'default-subdomain', 'None', [port('foo', 1234)]),
    makeExternalName('default', 'db-ext', 'db.example.com'),
    makeExternalName('default', 'alias', 'web.default.svc.cluster.local'),
    makeExternalName('default', 'broken-alias', 'nothere.default.svc.cluster.local'),
    makeExternalName('default', 'shop', 'shop.example.com'),
    makeExternalName('default', 'ip-ext', '192.0.2.10'),
    makeExternalName('default', 'node-ext', 'node-1'),
    makeService('x', 'api', '10.96.0.20', [port('http', 80)]),
    makeExternalName('x', 'alias2', 'alias.default.svc.cluster.local'),
    makeExternalName('x', 'loop', 'loop.x.svc.cluster.local'),
  ];
  const slices = [
    makeSlice('default', 'web', [{ name: 'http', port: 80, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }], [
      endpoint('10.244.0.5', { pod: 'web-a' }),
      endpoint('10.244.1.5', { pod: 'web-b' }),
    ]),
    makeSlice('default', 'empty', [], []),
    makeSlice('default', 'nginx', [{ name: 'web', port: 80, protocol: 'TCP' }], [
      endpoint('10.244.0.6', { hostname: 'web-0', pod: 'web-0' }),
      endpoint('10.244.1.6', { hostname: 'web-1', pod: 'web-1' }),
      endpoint('10.244.1.7', { hostname: 'web-2', pod: 'web-2', ready: false }),
    ]),
    makeSlice('default', 'nohost', [{ name: 'http', port: 8080, protocol: 'TCP' }], [
      endpoint('10.244.0.8'),
      endpoint('10.244.0.9'),
      endpoint('10.244.1.8'),
    ]),
    makeSlice('default', 'drained', [{ name: 'http', port: 80, protocol: 'TCP' }], [endpoint('10.244.0.11', { ready: false })]),
    // publishNotReadyAddresses: the EndpointSlice controller marks the not-ready pod ready.
    makeSlice('default', 'pnr', [{ name: 'http', port: 80, protocol: 'TCP' }], [endpoint('10.244.0.12', { ready: true })]),
    makeSlice('default', 'default-subdomain', [{ name: 'foo', port: 1234, protocol: 'TCP' }], [
      endpoint('10.244.0.10', { hostname: 'busybox-1', pod: 'busybox1' }),
    ]),
    makeSlice('x', 'api', [{ name: 'http', port: 80, protocol: 'TCP' }], [endpoint('10.244.0.21', { namespace: 'x' })]),
  ];
  return makeCluster({ pods, services, slices, namespaces: ['x'] });
}
