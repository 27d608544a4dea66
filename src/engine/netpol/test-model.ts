// Test fixtures: the upstream NetworkPolicy e2e model (test/e2e/network/netpol/model.go) as a
// Cluster, and its Reachability expectation helpers (reachability.go), so unit tests can
// transcribe upstream cases call for call. Used by tests only.

import type { Cluster, Container, ManifestObject, Namespace, NetworkPolicy, Node, Pod, Protocol } from '../types.ts';
import { toNetworkPolicy } from './manifest.ts';

export const MODEL_NAMESPACES = ['x', 'y', 'z'];
export const MODEL_POD_NAMES = ['a', 'b', 'c'];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Containers `cont-80-tcp` ... with ports named `serve-80-tcp` ..., as model.go builds them. */
export function modelContainers(ports: number[] = [80, 81]): Container[] {
  const containers: Container[] = [];
  for (const port of ports) {
    for (const protocol of PROTOCOLS) {
      const suffix = `${port}-${protocol.toLowerCase()}`;
      containers.push({ name: `cont-${suffix}`, image: 'registry.k8s.io/e2e-test-images/agnhost:2.53', ports: [{ name: `serve-${suffix}`, containerPort: port, protocol }] });
    }
  }
  return containers;
}

export interface PodSpec {
  namespace: string;
  name: string;
  labels?: Record<string, string>;
  ip?: string;
  nodeName?: string;
  hostNetwork?: boolean;
  containers?: Container[];
}

export function makePod(spec: PodSpec): Pod {
  const nodeName = spec.nodeName ?? 'node-1';
  const containers = spec.containers ?? modelContainers();
  return {
    namespace: spec.namespace,
    name: spec.name,
    labels: spec.labels ?? { pod: spec.name },
    annotations: {},
    nodeName,
    podIP: spec.ip ?? '',
    hostIP: nodeName === 'node-2' ? '172.18.0.3' : '172.18.0.2',
    hostNetwork: spec.hostNetwork ?? false,
    phase: 'Running',
    readyCondition: true,
    terminating: false,
    ready: true,
    containers,
    listening: containers.flatMap((c) => c.ports.map((p) => ({ port: p.containerPort, protocol: p.protocol }))),
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    env: {},
    source: { file: 'test.yaml', doc: 0 },
    createdBy: `pod/${spec.namespace}/${spec.name}`,
  };
}

export const NODES: Node[] = [
  { name: 'node-1', internalIP: '172.18.0.2', podCIDR: '10.244.0.0/24', labels: {}, unschedulable: false, ready: true },
  { name: 'node-2', internalIP: '172.18.0.3', podCIDR: '10.244.1.0/24', labels: {}, unschedulable: false, ready: true },
];

/** A cluster of the given pods, placed round-robin on two nodes with IPs from `.2` as the contract does. */
export function makeCluster(pods: PodSpec[], policies: NetworkPolicy[] = [], opts: { networkPolicy?: boolean; namespaceLabels?: Record<string, Record<string, string>> } = {}): Cluster {
  const next = [2, 2];
  const built = pods.map((p, i) => {
    const node = p.nodeName ? NODES.findIndex((n) => n.name === p.nodeName) : i % 2;
    const ip = p.ip ?? (p.hostNetwork ? NODES[node]!.internalIP : `10.244.${node}.${next[node]!++}`);
    return makePod({ ...p, nodeName: NODES[node]!.name, ip });
  });
  const nsNames = [...new Set(['default', 'kube-system', ...built.map((p) => p.namespace)])].sort();
  const namespaces: Namespace[] = nsNames.map((name) => ({ name, labels: { ...(opts.namespaceLabels?.[name] ?? {}), 'kubernetes.io/metadata.name': name } }));
  return {
    settings: {
      nodes: NODES.map((n) => n.name),
      kubeProxyMode: 'iptables',
      networkPolicy: opts.networkPolicy ?? true,
      loadBalancer: 'cloud',
      addons: [],
      seed: 1,
      clusterDomain: 'cluster.local',
      serviceCIDR: '10.96.0.0/12',
    },
    nodes: NODES,
    namespaces,
    pods: built,
    services: [],
    endpointSlices: [],
    networkPolicies: policies,
    objects: [],
  };
}

/** The model's pods (`x/a` ...), optionally a subset as newer upstream tests use. */
export function modelPods(keys?: string[]): PodSpec[] {
  const all = MODEL_NAMESPACES.flatMap((namespace) => MODEL_POD_NAMES.map((name) => ({ namespace, name })));
  return keys ? all.filter((p) => keys.includes(`${p.namespace}/${p.name}`)) : all;
}

/** A NetworkPolicy from a plain manifest object, through the same parser the cluster uses. */
export function policy(namespace: string, name: string, spec: Record<string, unknown>): NetworkPolicy {
  const obj: ManifestObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
  return toNetworkPolicy(obj, { file: 'test.yaml', doc: 0 });
}

/** reachability.go's Reachability: a default expectation refined with Expect* calls. */
export class ExpectedReachability {
  readonly values: boolean[][];
  constructor(readonly pods: string[], defaultValue: boolean) {
    this.values = pods.map(() => pods.map(() => defaultValue));
  }
  private idx(pod: string): number {
    const i = this.pods.indexOf(pod);
    if (i < 0) throw new Error(`unknown pod ${pod}`);
    return i;
  }
  expect(from: string, to: string, connected: boolean): this {
    this.values[this.idx(from)]![this.idx(to)] = connected;
    return this;
  }
  expectAllIngress(pod: string, connected: boolean): this {
    const j = this.idx(pod);
    for (const row of this.values) row[j] = connected;
    return this;
  }
  expectAllEgress(pod: string, connected: boolean): this {
    this.values[this.idx(pod)]!.fill(connected);
    return this;
  }
  /** Peer matchers: an empty namespace or pod matches every pod. */
  expectPeer(from: { namespace?: string; pod?: string }, to: { namespace?: string; pod?: string }, connected: boolean): this {
    const matches = (m: { namespace?: string; pod?: string }, key: string) => {
      const [ns, name] = key.split('/');
      return (!m.namespace || m.namespace === ns) && (!m.pod || m.pod === name);
    };
    this.pods.forEach((f, i) => this.pods.forEach((t, j) => {
      if (matches(from, f) && matches(to, t)) this.values[i]![j] = connected;
    }));
    return this;
  }
  /** The contract's rule for the diagonal: a pod always reaches itself (upstream ignores loopback). */
  withLoopback(): boolean[][] {
    return this.values.map((row, i) => row.map((v, j) => (i === j ? true : v)));
  }
}

/** A deterministic large cluster for the benchmark and the scale sanity test: `podCount` pods over
 * `namespaceCount` namespaces (labels app/tier), and `policyCount` policies mixing default denies,
 * pod and namespace selectors, ipBlocks and named ports. */
export function syntheticCluster(podCount: number, namespaceCount: number, policyCount: number): Cluster {
  const apps = ['web', 'api', 'db', 'cache', 'worker', 'auth', 'queue', 'search'];
  const pods: PodSpec[] = [];
  for (let i = 0; i < podCount; i++) {
    const ns = `ns-${i % namespaceCount}`;
    pods.push({
      namespace: ns,
      name: `pod-${i}`,
      labels: { app: apps[i % apps.length]!, tier: i % 3 === 0 ? 'frontend' : 'backend' },
      containers: [{ name: 'main', image: 'agnhost', ports: [{ name: 'http', containerPort: 80 + (i % 2), protocol: 'TCP' }] }],
    });
  }
  const nodes = NODES;
  const cluster = makeCluster(pods, [], { namespaceLabels: Object.fromEntries(Array.from({ length: namespaceCount }, (_, n) => [`ns-${n}`, { team: `team-${n % 5}` }])) });
  // Spread the pods over 2 nodes with /16-sized numbering so IPs stay unique at any scale.
  cluster.pods.forEach((p, i) => {
    p.podIP = `10.${244 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}`;
    p.nodeName = nodes[i % 2]!.name;
  });
  const policies: NetworkPolicy[] = [];
  for (let k = 0; k < policyCount; k++) {
    const ns = `ns-${k % namespaceCount}`;
    const app = apps[k % apps.length]!;
    const other = apps[(k + 3) % apps.length]!;
    switch (k % 6) {
      case 0:
        policies.push(policy(ns, `default-deny-${k}`, { podSelector: {}, policyTypes: ['Ingress'], ingress: [] }));
        break;
      case 1:
        policies.push(policy(ns, `allow-${app}-from-${other}-${k}`, { podSelector: { matchLabels: { app } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: other } } }], ports: [{ port: 80 }] }] }));
        break;
      case 2:
        policies.push(
          policy(ns, `allow-team-${k}`, {
            podSelector: { matchLabels: { tier: 'backend' } },
            ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: `team-${k % 5}` } }, podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: [app, other] }] } }] }],
          }),
        );
        break;
      case 3:
        policies.push(
          policy(ns, `egress-${k}`, {
            podSelector: { matchLabels: { app } },
            policyTypes: ['Egress'],
            egress: [{ to: [{ namespaceSelector: {}, podSelector: { matchLabels: { tier: 'backend' } } }], ports: [{ port: 'http' }] }, { ports: [{ port: 53, protocol: 'UDP' }] }],
          }),
        );
        break;
      case 4:
        policies.push(policy(ns, `cidr-${k}`, { podSelector: { matchLabels: { tier: 'frontend' } }, ingress: [{ from: [{ ipBlock: { cidr: '10.244.0.0/16', except: [`10.244.${k % 4}.0/24`] } }] }] }));
        break;
      default:
        policies.push(policy(ns, `allow-all-${k}`, { podSelector: { matchLabels: { app } }, ingress: [{}] }));
    }
  }
  return { ...cluster, networkPolicies: policies };
}
