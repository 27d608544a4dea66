import { describe, expect, it } from 'vitest';
import type { Cluster, NetworkPolicy, Pod, Protocol } from '../types.ts';
import { evaluateConnection, evaluateEgressToIp } from './evaluate.ts';
import { indexNetworkPolicies } from './policy-index.ts';
import type { TrafficPeer } from './types.ts';
import { makeCluster, modelPods, policy, type PodSpec } from './test-model.ts';

// One case per rule kind. Upstream test names are cited where a case mirrors one of
// test/e2e/network/netpol/network_policy.go; the rest follow the NetworkPolicy API reference.

const NS = 'kubernetes.io/metadata.name';

function setup(policies: NetworkPolicy[], pods: PodSpec[] = modelPods(), opts: { networkPolicy?: boolean } = {}) {
  const cluster = makeCluster(pods, policies, opts);
  const index = indexNetworkPolicies(cluster);
  const pod = (key: string): Pod => {
    const p = cluster.pods.find((q) => `${q.namespace}/${q.name}` === key);
    if (!p) throw new Error(key);
    return p;
  };
  const connect = (from: string | TrafficPeer, to: string, port = 80, protocol: Protocol = 'TCP') =>
    evaluateConnection(cluster, index, typeof from === 'string' ? { kind: 'pod', pod: pod(from) } : from, pod(to), port, protocol);
  return { cluster, index, pod, connect };
}

describe('isolation and policyTypes', () => {
  it('a pod no policy selects is not isolated, and the verdict says so', () => {
    const { connect } = setup([]);
    const v = connect('x/b', 'x/a');
    expect(v.allowed).toBe(true);
    expect(v.ingress).toMatchObject({ allowed: true, isolated: false, policies: [] });
    expect(v.ingress.message).toBe('Ingress to x/a: no policies targeting ingress of x/a, so every source is allowed.');
    expect(v.egress.message).toBe('Egress from x/b: no policies targeting egress of x/b, so every destination is allowed.');
  });

  it.each([
    { name: 'policyTypes omitted, no egress rules: Ingress only', spec: { podSelector: {} }, ingress: true, egress: false },
    { name: 'policyTypes omitted, egress rules: Ingress and Egress', spec: { podSelector: {}, egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] }, ingress: true, egress: true },
    { name: 'policyTypes omitted, egress: [] is no egress rule', spec: { podSelector: {}, egress: [] }, ingress: true, egress: false },
    { name: 'policyTypes [Egress] only', spec: { podSelector: {}, policyTypes: ['Egress'] }, ingress: false, egress: true },
    { name: 'policyTypes [] is defaulted like omitted', spec: { podSelector: {}, policyTypes: [] }, ingress: true, egress: false },
  ])('$name', ({ spec, ingress, egress }) => {
    const { connect } = setup([policy('x', 'p', spec)]);
    const v = connect('x/a', 'x/b');
    expect(v.ingress.isolated).toBe(ingress);
    expect(v.egress.isolated).toBe(egress);
  });

  it('an empty podSelector selects every pod of its namespace and no other', () => {
    // Upstream: "should support a 'default-deny-ingress' policy".
    const { connect } = setup([policy('x', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] })]);
    expect(connect('y/a', 'x/c').allowed).toBe(false);
    expect(connect('x/a', 'y/c').allowed).toBe(true);
  });

  it('an empty rule list denies, naming the policy and saying it has no rules', () => {
    const { connect } = setup([policy('x', 'deny-ingress', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] })]);
    const v = connect('y/a', 'x/a');
    expect(v.ingress).toMatchObject({ allowed: false, isolated: true, policies: ['networkpolicy/x/deny-ingress'] });
    expect(v.ingress.closestMiss).toBeUndefined();
    expect(v.ingress.message).toBe(
      'Ingress to x/a: [NPv1] Dropped (networkpolicy/x/deny-ingress): x/a is isolated for ingress and no rule allows y/a on 80/TCP; the policy has no ingress rules.',
    );
    expect(v.message).toMatch(/^Denied y\/a -> x\/a:80 \(TCP\)\. Ingress to x\/a: \[NPv1\] Dropped/);
  });

  it('a rule without from allows every source', () => {
    // Upstream: "should support allow-all policy".
    const { connect } = setup([policy('x', 'allow-all', { podSelector: {}, ingress: [{}] })]);
    const v = connect('z/c', 'x/a');
    expect(v.ingress.allowedBy).toEqual({ policy: 'networkpolicy/x/allow-all', rule: 'spec.ingress[0]', detail: 'the rule has no from, so it matches z/c' });
  });
});

describe('peers', () => {
  const allowWebFromY = policy('x', 'allow-web', {
    podSelector: { matchLabels: { pod: 'a' } },
    ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS]: 'y' } }, podSelector: { matchLabels: { pod: 'b' } } }] }],
  });

  it.each([
    {
      name: 'podSelector alone matches pods of the policy namespace',
      policies: [policy('x', 'allow-b', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] })],
      from: 'x/b',
      allowed: true,
      rule: 'spec.ingress[0].from[0]',
      text: 'podSelector pod=b matched labels pod=b of x/b',
    },
    {
      name: 'podSelector alone does not reach into other namespaces',
      policies: [policy('x', 'allow-b', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b' } } }] }] })],
      from: 'y/b',
      allowed: false,
      rule: 'spec.ingress[0].from[0]',
      text: "podSelector pod=b only selects pods in the policy's namespace x, and y/b is in y",
    },
    {
      name: 'namespaceSelector alone selects every pod of matching namespaces',
      policies: [policy('x', 'allow-y', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS]: 'y' } } }] }] })],
      from: 'y/c',
      allowed: true,
      rule: 'spec.ingress[0].from[0]',
      text: 'namespaceSelector kubernetes.io/metadata.name=y matched namespace y',
    },
    {
      name: 'podSelector and namespaceSelector in one peer: both must match (AND)',
      policies: [allowWebFromY],
      from: 'y/a',
      allowed: false,
      rule: 'spec.ingress[0].from[0]',
      text: 'namespaceSelector kubernetes.io/metadata.name=y matched namespace y, podSelector pod=b did not match labels pod=a of y/a',
    },
    {
      name: 'podSelector and namespaceSelector in one peer: the namespace must match too',
      policies: [allowWebFromY],
      from: 'z/b',
      allowed: false,
      rule: 'spec.ingress[0].from[0]',
      text: 'namespaceSelector kubernetes.io/metadata.name=y did not match namespace z (labels kubernetes.io/metadata.name=z), podSelector pod=b matched labels pod=b of z/b',
    },
    {
      name: 'separate peers: either may match (OR)',
      policies: [
        policy('x', 'either', {
          podSelector: { matchLabels: { pod: 'a' } },
          ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS]: 'y' } } }, { podSelector: { matchLabels: { pod: 'b' } } }] }],
        }),
      ],
      from: 'x/b',
      allowed: true,
      rule: 'spec.ingress[0].from[1]',
      text: 'podSelector pod=b matched labels pod=b of x/b',
    },
    {
      name: 'matchExpressions NotIn on the namespace name label',
      policies: [policy('x', 'not-x', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchExpressions: [{ key: NS, operator: 'NotIn', values: ['x'] }] } }] }] })],
      from: 'x/c',
      allowed: false,
      rule: 'spec.ingress[0].from[0]',
      text: 'namespaceSelector kubernetes.io/metadata.name notin (x) did not match namespace x (labels kubernetes.io/metadata.name=x)',
    },
    {
      name: 'matchExpressions Exists and DoesNotExist',
      policies: [
        policy('x', 'labelled', {
          podSelector: { matchLabels: { pod: 'a' } },
          ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'Exists' }, { key: 'blocked', operator: 'DoesNotExist' }] } }] }],
        }),
      ],
      from: 'x/c',
      allowed: true,
      rule: 'spec.ingress[0].from[0]',
      text: 'podSelector pod,!blocked matched labels pod=c of x/c',
    },
  ])('$name', ({ policies, from, allowed, rule, text }) => {
    const { connect } = setup(policies);
    const v = connect(from, 'x/a').ingress;
    expect(v.allowed).toBe(allowed);
    if (allowed) expect(v.allowedBy).toMatchObject({ rule, detail: text });
    else expect(v.closestMiss).toBe(`networkpolicy/x/${policies[0]!.name} ${rule}: ${text}`);
  });

  it('picks the closest miss across policies and rules', () => {
    const { connect } = setup([
      policy('x', 'a-from-z', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS]: 'z' } }, podSelector: { matchLabels: { pod: 'c' } } }] }] }),
      policy('x', 'b-from-y', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS]: 'y' } }, podSelector: { matchLabels: { pod: 'b' } } }] }] }),
    ]);
    const v = connect('y/a', 'x/a').ingress;
    expect(v.policies).toEqual(['networkpolicy/x/a-from-z', 'networkpolicy/x/b-from-y']);
    expect(v.closestMiss).toBe(
      'networkpolicy/x/b-from-y spec.ingress[0].from[0]: namespaceSelector kubernetes.io/metadata.name=y matched namespace y, podSelector pod=b did not match labels pod=a of y/a',
    );
    expect(v.message).toContain('[NPv1] Dropped (networkpolicy/x/a-from-z, networkpolicy/x/b-from-y)');
  });

  it('policies are additive: any selecting policy may allow', () => {
    // Upstream: "should enforce multiple ingress policies with ingress allow-all policy taking precedence".
    const { connect } = setup([
      policy('x', 'allow-ingress-port-80', { podSelector: {}, ingress: [{ ports: [{ port: 80 }] }] }),
      policy('x', 'allow-ingress', { podSelector: {}, ingress: [{}] }),
    ]);
    const v = connect('y/a', 'x/a', 81).ingress;
    expect(v.allowedBy?.policy).toBe('networkpolicy/x/allow-ingress');
  });
});

describe('ports', () => {
  const withPorts = (ports: unknown[]) => [policy('x', 'p', { podSelector: { matchLabels: { pod: 'a' } }, ingress: [{ ports }] })];
  it.each([
    { name: 'number, protocol defaults to TCP', ports: [{ port: 80 }], port: 80, protocol: 'TCP' as Protocol, allowed: true },
    { name: 'number does not admit UDP by default', ports: [{ port: 80 }], port: 80, protocol: 'UDP' as Protocol, allowed: false },
    { name: 'protocol alone admits every port of it', ports: [{ protocol: 'UDP' }], port: 9999, protocol: 'UDP' as Protocol, allowed: true },
    { name: 'endPort range includes both ends', ports: [{ port: 8000, endPort: 8080 }], port: 8080, protocol: 'TCP' as Protocol, allowed: true },
    { name: 'endPort range excludes past the end', ports: [{ port: 8000, endPort: 8080 }], port: 8081, protocol: 'TCP' as Protocol, allowed: false },
    { name: 'named port resolves against the destination pod', ports: [{ port: 'serve-81-tcp' }], port: 81, protocol: 'TCP' as Protocol, allowed: true },
    { name: 'named port of another number does not match', ports: [{ port: 'serve-81-tcp' }], port: 80, protocol: 'TCP' as Protocol, allowed: false },
    { name: 'named UDP port with the default protocol TCP never matches', ports: [{ port: 'serve-80-udp' }], port: 80, protocol: 'UDP' as Protocol, allowed: false },
    { name: 'named UDP port with protocol UDP matches UDP', ports: [{ port: 'serve-80-udp', protocol: 'UDP' }], port: 80, protocol: 'UDP' as Protocol, allowed: true },
    { name: 'SCTP is not TCP', ports: [{ port: 80, protocol: 'SCTP' }], port: 80, protocol: 'TCP' as Protocol, allowed: false },
  ])('$name', ({ ports, port, protocol, allowed }) => {
    const { connect } = setup(withPorts(ports));
    expect(connect('y/a', 'x/a', port, protocol).ingress.allowed).toBe(allowed);
  });

  it('explains a port miss, with what a named port resolves to', () => {
    const { connect } = setup(withPorts([{ port: 'serve-81-tcp' }, { port: 'web' }]));
    const v = connect('y/a', 'x/a', 80).ingress;
    expect(v.closestMiss).toBe(
      'networkpolicy/x/p spec.ingress[0]: the rule has no from and matches every peer, but port 80/TCP is not in ports [serve-81-tcp/TCP, web/TCP] (serve-81-tcp is 81/TCP on x/a; x/a has no container port named web)',
    );
  });

  it('resolves egress named ports against the destination pod', () => {
    // Upstream: "should allow egress access on one named port".
    const pods: PodSpec[] = [...modelPods(['x/a']), { namespace: 'y', name: 'other', containers: [{ name: 'c', image: 'nginx', ports: [{ name: 'serve-80-tcp', containerPort: 8080, protocol: 'TCP' }] }] }, ...modelPods(['y/a'])];
    const { connect } = setup([policy('x', 'allow-egress', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'serve-80-tcp' }] }] })], pods);
    expect(connect('x/a', 'y/a', 80).egress.allowed).toBe(true);
    expect(connect('x/a', 'y/other', 8080).egress.allowed).toBe(true);
    expect(connect('x/a', 'y/other', 80).egress.allowed).toBe(false);
  });
});

describe('ipBlock', () => {
  it('matches pod IPs, honouring except (upstream: "should enforce except clause while egress access to server in CIDR block")', () => {
    const { connect, pod } = setup([]);
    const xb = pod('x/b').podIP;
    const { connect: c2 } = setup([policy('x', 'cidr', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: [`${xb}/32`] } }] }] })]);
    expect(connect('x/a', 'x/b').allowed).toBe(true);
    const v = c2('x/a', 'x/b').egress;
    expect(v.allowed).toBe(false);
    expect(v.closestMiss).toBe(`networkpolicy/x/cidr spec.egress[0].to[0]: ipBlock 10.0.0.0/8 contains ${xb} (pod x/b), but except ${xb}/32 excludes it`);
    expect(c2('x/a', 'x/c').egress.allowedBy?.detail).toMatch(/^ipBlock 10\.0\.0\.0\/8 contains 10\.244\.0\.3 \(pod x\/c\)$/);
  });

  it('decides ingress from an address outside the cluster', () => {
    const { connect } = setup([
      policy('x', 'from-office', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '198.51.100.0/24', except: ['198.51.100.128/25'] } }, { podSelector: {} }] }] }),
    ]);
    const external = (ip: string): TrafficPeer => ({ kind: 'ip', ip, description: 'external client' });
    expect(connect(external('198.51.100.7'), 'x/a').ingress.allowedBy?.detail).toBe('ipBlock 198.51.100.0/24 contains 198.51.100.7 (external client)');
    const v = connect(external('198.51.100.200'), 'x/a');
    expect(v.allowed).toBe(false);
    expect(v.egress.message).toBe('Egress from 198.51.100.200 (external client): not a pod, so no NetworkPolicy applies.');
    expect(v.ingress.closestMiss).toBe('networkpolicy/x/from-office spec.ingress[0].from[0]: ipBlock 198.51.100.0/24 contains 198.51.100.200 (external client), but except 198.51.100.128/25 excludes it');
    const far = connect(external('203.0.113.9'), 'x/a').ingress;
    expect(far.allowed).toBe(false);
  });

  it('says selectors only match pods when the source is an address', () => {
    const { connect } = setup([policy('x', 'pods-only', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: {} }] }] })]);
    const v = connect({ kind: 'ip', ip: '172.18.0.3', description: 'node node-2 (SNAT)' }, 'x/a').ingress;
    expect(v.closestMiss).toBe('networkpolicy/x/pods-only spec.ingress[0].from[0]: namespaceSelector only matches pods, and 172.18.0.3 (node node-2 (SNAT)) is not a pod');
  });
});

describe('both directions, self and node traffic', () => {
  it('egress and ingress must both allow (upstream: "should support denying of egress traffic on the client side")', () => {
    const { connect } = setup([
      policy('x', 'to-y-a', { podSelector: { matchLabels: { pod: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { [NS]: 'y' } }, podSelector: { matchLabels: { pod: 'a' } } }] }] }),
      policy('y', 'from-x-a', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS]: 'x' } }, podSelector: { matchLabels: { pod: 'a' } } }] }] }),
    ]);
    const ok = connect('x/a', 'y/a');
    expect(ok.allowed).toBe(true);
    expect(ok.message).toMatch(/^Allowed x\/a -> y\/a:80 \(TCP\)\. Egress from x\/a: \[NPv1\] Allow \(networkpolicy\/x\/to-y-a spec\.egress\[0\]\.to\[0\]\)/);
    const blocked = connect('x/a', 'y/b');
    expect(blocked.ingress.allowed).toBe(true);
    expect(blocked.egress.allowed).toBe(false);
    expect(blocked.message).toContain('Egress from x/a: [NPv1] Dropped (networkpolicy/x/to-y-a)');
  });

  it('a pod always reaches itself', () => {
    const { connect } = setup([policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })]);
    const v = connect('x/a', 'x/a');
    expect(v.allowed).toBe(true);
    expect(v.ingress.isolated).toBe(true);
    expect(v.ingress.message).toBe('Ingress to x/a: x/a is connecting to itself, which NetworkPolicy never blocks.');
  });

  it("a node reaches its own pods, but another node's SNAT address is subject to policy", () => {
    const { connect, pod } = setup([policy('x', 'deny-ingress', { podSelector: {}, ingress: [] })]);
    const xa = pod('x/a');
    expect(xa.nodeName).toBe('node-1');
    const own = connect({ kind: 'ip', ip: '172.18.0.2', description: 'node node-1' }, 'x/a');
    expect(own.allowed).toBe(true);
    expect(own.ingress.message).toBe('Ingress to x/a: the source 172.18.0.2 is node node-1, where x/a runs, and a node can always reach its own pods.');
    expect(connect({ kind: 'ip', ip: '172.18.0.3', description: 'node node-2 (SNAT)' }, 'x/a').allowed).toBe(false);
  });

  it('host-network pods are not selected by policies and are seen as their node IP', () => {
    const pods: PodSpec[] = [...modelPods(['x/a', 'x/b']), { namespace: 'x', name: 'host', nodeName: 'node-2', hostNetwork: true, labels: { pod: 'host' } }];
    const { connect } = setup([policy('x', 'deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] })], pods);
    const toHost = connect('x/a', 'x/host');
    expect(toHost.ingress.isolated).toBe(false);
    expect(toHost.ingress.message).toContain('uses the host network');
    expect(toHost.egress.allowed).toBe(false);
    // x/b runs on node-2 with the host-network pod, x/a does not.
    expect(connect('x/host', 'x/b').allowed).toBe(true);
    expect(connect('x/host', 'x/a').allowed).toBe(false);
  });

  it('with a CNI that does not enforce NetworkPolicy, allows and says what would have dropped it', () => {
    const { connect } = setup([policy('x', 'deny-ingress', { podSelector: {}, ingress: [] })], modelPods(), { networkPolicy: false });
    const v = connect('y/a', 'x/a');
    expect(v).toMatchObject({ allowed: true, enforced: false });
    expect(v.ingress).toMatchObject({ allowed: true, isolated: true, policies: ['networkpolicy/x/deny-ingress'] });
    expect(v.ingress.message).toBe(
      'Ingress to x/a: [NPv1] Would drop (networkpolicy/x/deny-ingress): x/a is isolated for ingress and no rule allows y/a on 80/TCP; the policy has no ingress rules; but the CNI does not enforce NetworkPolicy (networkPolicy: false), so it is allowed.',
    );
  });
});

describe('evaluateEgressToIp', () => {
  const dnsOnly = policy('x', 'dns-only', { podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }] });
  const toNode = policy('x', 'to-nodes', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '172.18.0.0/16' } }] }] });
  const cases: Array<{ name: string; policies: NetworkPolicy[]; ip: string; port: number; protocol: Protocol; allowed: boolean; text?: RegExp }> = [
    { name: 'DNS to an address is allowed by a ports-only rule', policies: [dnsOnly], ip: '10.96.0.10', port: 53, protocol: 'UDP', allowed: true },
    { name: 'anything else is dropped', policies: [dnsOnly], ip: '203.0.113.10', port: 443, protocol: 'TCP', allowed: false, text: /port 443\/TCP is not in ports \[53\/UDP, 53\/TCP\]/ },
    { name: 'a node IP matches an ipBlock', policies: [toNode], ip: '172.18.0.3', port: 10250, protocol: 'TCP', allowed: true },
    { name: 'a ClusterIP before DNAT is described as such', policies: [toNode], ip: '10.96.0.1', port: 443, protocol: 'TCP', allowed: false, text: /10\.96\.0\.1 \(an address outside the pod network\)/ },
    { name: 'no egress policy: allowed', policies: [], ip: '203.0.113.10', port: 443, protocol: 'TCP', allowed: true },
  ];
  it.each(cases)('$name', ({ policies, ip, port, protocol, allowed, text }) => {
    const { cluster, index, pod } = setup(policies);
    const v = evaluateEgressToIp(cluster, index, pod('x/a'), ip, port, protocol);
    expect(v.allowed).toBe(allowed);
    if (text) expect(v.message).toMatch(text);
  });

  it('treats an address that belongs to a pod as that pod', () => {
    const { cluster, index, pod } = setup([policy('x', 'to-y', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: { matchLabels: { [NS]: 'y' } } }] }] })]);
    expect(evaluateEgressToIp(cluster, index, pod('x/a'), pod('y/b').podIP, 80, 'TCP').allowed).toBe(true);
    expect(evaluateEgressToIp(cluster, index, pod('x/a'), pod('z/b').podIP, 80, 'TCP').allowed).toBe(false);
  });
});

describe('namespaces missing from the cluster list', () => {
  it('still carry kubernetes.io/metadata.name', () => {
    const base = makeCluster(modelPods(['x/a', 'y/a']), [policy('x', 'from-y', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { [NS]: 'y' } } }] }] })]);
    const cluster: Cluster = { ...base, namespaces: base.namespaces.filter((n) => n.name !== 'y') };
    const index = indexNetworkPolicies(cluster);
    const [xa, ya] = [cluster.pods[0]!, cluster.pods[1]!];
    expect(evaluateConnection(cluster, index, { kind: 'pod', pod: ya }, xa, 80, 'TCP').allowed).toBe(true);
  });
});

