import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { matchesLabelSelector } from '../labels.ts';
import type { LabelSelector, NetworkPolicy, NetworkPolicyPeer, NetworkPolicyPort, Protocol } from '../types.ts';
import { evaluateConnection } from './evaluate.ts';
import { computeReachability } from './reachability.ts';
import { indexNetworkPolicies } from './policy-index.ts';
import { makeCluster, type PodSpec } from './test-model.ts';

const NAMESPACES = ['x', 'y', 'z'];

const labels = fc.record({ app: fc.constantFrom('web', 'db', 'api') }, { requiredKeys: [] }).chain((base) =>
  fc.record({ tier: fc.constantFrom('a', 'b') }, { requiredKeys: [] }).map((extra) => ({ ...base, ...extra }) as Record<string, string>),
);

const pods = fc
  .array(
    fc.record({ namespace: fc.constantFrom(...NAMESPACES), labels, namedPort: fc.constantFrom(80, 81), hostNetwork: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }),
    { minLength: 2, maxLength: 8 },
  )
  .map((list) =>
    list.map(
      (p, i): PodSpec => ({
        namespace: p.namespace,
        name: `p${i}`,
        labels: p.labels,
        hostNetwork: p.hostNetwork,
        containers: [
          {
            name: 'c',
            image: 'agnhost',
            ports: [
              { name: 'http', containerPort: p.namedPort, protocol: 'TCP' },
              { name: 'dns', containerPort: 53, protocol: 'UDP' },
            ],
          },
        ],
      }),
    ),
  );

const selector: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: fc.record({ app: fc.constantFrom('web', 'db', 'api') }, { requiredKeys: [] }).map((m) => m as Record<string, string>) }),
  fc.record({
    matchExpressions: fc.array(
      fc.record({ key: fc.constantFrom('app', 'tier'), operator: fc.constantFrom('In' as const, 'NotIn' as const), values: fc.subarray(['web', 'db', 'a'], { minLength: 1 }) }),
      { minLength: 1, maxLength: 2 },
    ),
  }),
  fc.record({ matchExpressions: fc.tuple(fc.record({ key: fc.constantFrom('app', 'tier'), operator: fc.constantFrom('Exists' as const, 'DoesNotExist' as const) })) }),
);

const namespaceSelector: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.constantFrom(...NAMESPACES).map((ns) => ({ matchLabels: { 'kubernetes.io/metadata.name': ns } })),
  fc.constantFrom(...NAMESPACES).map((ns) => ({ matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn' as const, values: [ns] }] })),
);

const peer: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  selector.map((podSelector) => ({ podSelector })),
  namespaceSelector.map((ns) => ({ namespaceSelector: ns })),
  fc.tuple(selector, namespaceSelector).map(([podSelector, ns]) => ({ podSelector, namespaceSelector: ns })),
  fc.constantFrom<NetworkPolicyPeer>(
    { ipBlock: { cidr: '10.244.0.0/24' } },
    { ipBlock: { cidr: '10.0.0.0/8', except: ['10.244.1.0/24'] } },
    { ipBlock: { cidr: '172.18.0.0/16' } },
    { ipBlock: { cidr: '10.244.0.2/32' } },
  ),
);

const port: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  fc.constantFrom<NetworkPolicyPort>({ port: 80 }, { port: 81, protocol: 'TCP' }, { port: 'http' }, { port: 'dns', protocol: 'UDP' }, { protocol: 'UDP' }, { port: 79, endPort: 81 }),
);

const rule = fc.record({ peers: fc.option(fc.array(peer, { maxLength: 3 }), { nil: undefined }), ports: fc.option(fc.array(port, { maxLength: 2 }), { nil: undefined }) });

const policyArb = fc
  .record({
    namespace: fc.constantFrom(...NAMESPACES),
    podSelector: selector,
    policyTypes: fc.constantFrom<NetworkPolicy['policyTypes']>(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
    ingress: fc.option(fc.array(rule, { maxLength: 2 }), { nil: undefined }),
    egress: fc.option(fc.array(rule, { maxLength: 2 }), { nil: undefined }),
  })
  .map(
    (p): Omit<NetworkPolicy, 'name'> => ({
      namespace: p.namespace,
      podSelector: p.podSelector,
      source: { file: 'prop.yaml', doc: 0 },
      ...(p.policyTypes ? { policyTypes: p.policyTypes } : {}),
      ...(p.ingress ? { ingress: p.ingress.map((r) => ({ ...(r.peers ? { from: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
      ...(p.egress ? { egress: p.egress.map((r) => ({ ...(r.peers ? { to: r.peers } : {}), ...(r.ports ? { ports: r.ports } : {}) })) } : {}),
    }),
  );

const policies = fc.array(policyArb, { maxLength: 4 }).map((list) => list.map((p, i): NetworkPolicy => ({ ...p, name: `np${i}` })));
const traffic = fc.record({ port: fc.constantFrom(53, 80, 81), protocol: fc.constantFrom<Protocol>('TCP', 'UDP') });

function tables(podSpecs: PodSpec[], nps: NetworkPolicy[], port: number, protocol: Protocol) {
  const cluster = makeCluster(podSpecs, nps);
  const index = indexNetworkPolicies(cluster);
  const keys = cluster.pods.map((p) => `${p.namespace}/${p.name}`);
  return { cluster, index, keys, t: computeReachability(cluster, index, keys, port, protocol) };
}

describe('NetworkPolicy properties', () => {
  it('the truth table agrees with evaluateConnection for every pair', () => {
    fc.assert(
      fc.property(pods, policies, traffic, (podSpecs, nps, { port, protocol }) => {
        const { cluster, index, t } = tables(podSpecs, nps, port, protocol);
        cluster.pods.forEach((src, a) =>
          cluster.pods.forEach((dst, b) => {
            const v = evaluateConnection(cluster, index, { kind: 'pod', pod: src }, dst, port, protocol);
            expect([a, b, v.ingress.allowed, v.egress.allowed, v.allowed]).toEqual([a, b, t.ingress[a]![b], t.egress[a]![b], t.combined[a]![b]]);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('adding an allow rule never removes a connection', () => {
    fc.assert(
      fc.property(pods, policies.filter((l) => l.length > 0), fc.nat(), rule, fc.boolean(), traffic, (podSpecs, nps, which, extra, toIngress, { port, protocol }) => {
        const target = nps[which % nps.length]!;
        const types = target.policyTypes && target.policyTypes.length > 0 ? target.policyTypes : ['Ingress', ...((target.egress?.length ?? 0) > 0 ? ['Egress'] : [])];
        // Adding a rule to a direction the policy does not yet cover would change its defaulted
        // policyTypes (and isolate pods): that is not "adding an allow rule".
        const direction = types.includes(toIngress ? 'Ingress' : 'Egress') ? (toIngress ? 'Ingress' : 'Egress') : (types[0] as 'Ingress' | 'Egress');
        const grown: NetworkPolicy =
          direction === 'Ingress'
            ? { ...target, ingress: [...(target.ingress ?? []), { ...(extra.peers ? { from: extra.peers } : {}), ...(extra.ports ? { ports: extra.ports } : {}) }] }
            : { ...target, policyTypes: target.policyTypes ?? (types as NetworkPolicy['policyTypes']), egress: [...(target.egress ?? []), { ...(extra.peers ? { to: extra.peers } : {}), ...(extra.ports ? { ports: extra.ports } : {}) }] };
        const before = tables(podSpecs, nps, port, protocol).t.combined;
        const after = tables(podSpecs, nps.map((p) => (p === target ? grown : p)), port, protocol).t.combined;
        before.forEach((row, a) => row.forEach((connected, b) => {
          if (connected) expect(after[a]![b]).toBe(true);
        }));
      }),
      { numRuns: 300 },
    );
  });

  it('a deny-all policy with no rules isolates exactly its selected pods', () => {
    fc.assert(
      fc.property(pods, fc.constantFrom(...NAMESPACES), selector, traffic, (podSpecs, namespace, podSelector, { port, protocol }) => {
        const denyAll: NetworkPolicy = { namespace, name: 'deny-all', podSelector, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [], source: { file: 'prop.yaml', doc: 0 } };
        const { cluster, index, t } = tables(podSpecs, [denyAll], port, protocol);
        const selected = cluster.pods.map((p) => !p.hostNetwork && p.namespace === namespace && matchesLabelSelector(p.labels, podSelector));
        cluster.pods.forEach((src, a) =>
          cluster.pods.forEach((dst, b) => {
            const v = evaluateConnection(cluster, index, { kind: 'pod', pod: src }, dst, port, protocol);
            expect(v.ingress.isolated).toBe(selected[b]);
            expect(v.egress.isolated).toBe(src.hostNetwork ? false : selected[a]);
            const nodeLocal = src.hostNetwork && src.podIP === cluster.nodes.find((n) => n.name === dst.nodeName)?.internalIP;
            const expected = a === b || ((!selected[a] || src.hostNetwork) && (!selected[b] || nodeLocal));
            expect(t.combined[a]![b]).toBe(expected);
          }),
        );
      }),
      { numRuns: 300 },
    );
  });
});
