import { describe, expect, it } from 'vitest';
import { evaluateConnection } from './evaluate.ts';
import { indexNetworkPolicies } from './policy-index.ts';
import { computeReachability, computeReachabilityBits } from './reachability.ts';
import { syntheticCluster } from './test-model.ts';

// The benchmark's shape (1,000 pods, 50 namespaces, 300 policies), checked for correctness rather
// than timed: the bit-parallel tables must agree with the per-pair explainer.

describe('reachability at benchmark scale', () => {
  const cluster = syntheticCluster(1000, 50, 300);
  const index = indexNetworkPolicies(cluster);
  const keys = cluster.pods.map((p) => `${p.namespace}/${p.name}`);

  it.each([
    { name: 'port 80/TCP', port: 80 },
    { name: 'port 81/TCP (named ports resolve per pod)', port: 81 },
  ])('agrees with evaluateConnection on sampled pairs, $name', ({ port }) => {
    const t = computeReachability(cluster, index, keys, port, 'TCP');
    expect(t.combined).toHaveLength(1000);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 1000;
    let denied = 0;
    for (let k = 0; k < 1500; k++) {
      const a = next();
      const b = next();
      const v = evaluateConnection(cluster, index, { kind: 'pod', pod: cluster.pods[a]! }, cluster.pods[b]!, port, 'TCP');
      expect([a, b, t.ingress[a]![b], t.egress[a]![b], t.combined[a]![b]]).toEqual([a, b, v.ingress.allowed, v.egress.allowed, v.allowed]);
      if (!v.allowed) denied++;
    }
    // The synthetic policies must actually bite, or the comparison proves little.
    expect(denied).toBeGreaterThan(150);
    expect(denied).toBeLessThan(1350);
  });

  it('gives the same cells for a shuffled subset as for the full table', () => {
    const full = computeReachabilityBits(cluster, index, keys, 80, 'TCP');
    const subset = [...keys.slice(300, 340), keys[5]!, ...keys.slice(900, 905), keys[17]!].reverse();
    const part = computeReachability(cluster, index, subset, 80, 'TCP');
    const at = (a: number, b: number) => ((full.combined[a * full.words + (b >>> 5)]! >>> (b & 31)) & 1) === 1;
    subset.forEach((from, i) =>
      subset.forEach((to, j) => {
        expect(part.combined[i]![j]).toBe(at(keys.indexOf(from), keys.indexOf(to)));
      }),
    );
  });
});
