import type { Cluster, EndpointSlice, NetworkPolicy, Node, Pod, Service } from '../../engine/types.ts';

// Small hand-built clusters for the topology tests (no engine run needed).

const source = { file: 'test.yaml', doc: 0 };

export function node(name: string, i: number, extra: Partial<Node> = {}): Node {
  return { name, internalIP: `172.18.0.${i + 2}`, podCIDR: `10.244.${i}.0/24`, labels: {}, unschedulable: false, ready: true, ...extra };
}

export function pod(namespace: string, name: string, nodeName: string, podIP: string, extra: Partial<Pod> = {}): Pod {
  return {
    namespace,
    name,
    labels: { app: name.split('-')[0]! },
    annotations: {},
    nodeName,
    podIP,
    hostIP: '',
    hostNetwork: false,
    phase: 'Running',
    readyCondition: true,
    terminating: false,
    ready: true,
    containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }],
    listening: [{ port: 80, protocol: 'TCP' }],
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    env: {},
    source,
    createdBy: `pod/${namespace}/${name}`,
    ...extra,
  };
}

export function service(namespace: string, name: string, extra: Partial<Service> = {}): Service {
  return {
    namespace,
    name,
    labels: {},
    annotations: {},
    type: 'ClusterIP',
    clusterIP: '10.96.0.11',
    selector: { app: name },
    ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: 80 }],
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: 10800,
    loadBalancerIPs: [],
    loadBalancerSourceRanges: [],
    externalIPs: [],
    publishNotReadyAddresses: false,
    source,
    ...extra,
  };
}

/** A controller-made slice for a Service over the given pods (ready as the pods say). */
export function slice(svc: Service, pods: Pod[]): EndpointSlice {
  return {
    namespace: svc.namespace,
    name: `${svc.name}-abcde`,
    serviceName: svc.name,
    managedBy: 'endpointslice-controller.k8s.io',
    addressType: 'IPv4',
    ports: [{ name: '', port: 80, protocol: 'TCP' }],
    endpoints: pods.map((p) => ({
      addresses: [p.podIP],
      conditions: { ready: p.ready, serving: !p.terminating || p.ready, terminating: p.terminating },
      nodeName: p.nodeName,
      targetRef: { kind: 'Pod', namespace: p.namespace, name: p.name },
    })),
    labels: {},
  };
}

export function policy(namespace: string, name: string, extra: Partial<NetworkPolicy> = {}): NetworkPolicy {
  return { namespace, name, podSelector: {}, policyTypes: ['Ingress'], source, ...extra };
}

/** A two-node cluster: web-1/web-2 on node-1, web-3 on node-2, Service web over them, CoreDNS. */
export function sampleCluster(overrides: Partial<Cluster> = {}): Cluster {
  const nodes = [node('node-1', 0), node('node-2', 1)];
  const pods = [
    pod('default', 'web-1', 'node-1', '10.244.0.2'),
    pod('default', 'web-2', 'node-1', '10.244.0.3'),
    pod('default', 'web-3', 'node-2', '10.244.1.2'),
    pod('kube-system', 'coredns-a', 'node-1', '10.244.0.254', { labels: { 'k8s-app': 'kube-dns' } }),
    pod('kube-system', 'coredns-b', 'node-2', '10.244.1.254', { labels: { 'k8s-app': 'kube-dns' } }),
  ];
  const web = service('default', 'web', { selector: { app: 'web' } });
  const dns = service('kube-system', 'kube-dns', {
    clusterIP: '10.96.0.10',
    selector: { 'k8s-app': 'kube-dns' },
    ports: [{ name: 'dns', protocol: 'UDP', port: 53, targetPort: 53 }],
  });
  const kubernetes = service('default', 'kubernetes', { clusterIP: '10.96.0.1', selector: undefined, ports: [{ name: 'https', protocol: 'TCP', port: 443, targetPort: 6443 }] });
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
    nodes,
    namespaces: [
      { name: 'default', labels: {} },
      { name: 'kube-system', labels: {} },
    ],
    pods,
    services: [kubernetes, web, dns],
    endpointSlices: [slice(web, pods.slice(0, 3)), slice(dns, pods.slice(3))],
    networkPolicies: [],
    objects: [],
    ...overrides,
  };
}
