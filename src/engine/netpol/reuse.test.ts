import { describe, expect, it } from 'vitest';
import { computeReachability, indexNetworkPolicies } from './index.ts';
import { syntheticCluster } from './test-model.ts';

describe('indexNetworkPolicies with the previous index', () => {
  const cluster = syntheticCluster(120, 6, 20);
  const first = indexNetworkPolicies(cluster);
  const keys = cluster.pods.map((p) => `${p.namespace}/${p.name}`);

  it('reuses every compiled policy when nothing changed, even in a rebuilt cluster', () => {
    const rebuilt = { ...cluster, pods: cluster.pods.map((p) => ({ ...p })), networkPolicies: cluster.networkPolicies.map((p) => ({ ...p })) };
    const second = indexNetworkPolicies(rebuilt, first);
    expect(second.policies.map((p) => p.selected)).toEqual(first.policies.map((p) => p.selected));
    expect(second.policies[0]!.selected).toBe(first.policies[0]!.selected);
  });

  it('recompiles an edited policy and gives the same tables as a fresh index', () => {
    const edited = { ...cluster, networkPolicies: cluster.networkPolicies.map((p, i) => (i === 0 ? { ...p, ingress: [] } : p)) };
    const incremental = computeReachability(edited, indexNetworkPolicies(edited, first), keys, 80, 'TCP');
    const fresh = computeReachability(edited, indexNetworkPolicies(edited), keys, 80, 'TCP');
    expect(incremental.combined).toEqual(fresh.combined);
  });

  it('starts afresh when the pods changed', () => {
    const relabelled = { ...cluster, pods: cluster.pods.map((p, i) => (i === 0 ? { ...p, labels: { ...p.labels, extra: 'yes' } } : p)) };
    const second = indexNetworkPolicies(relabelled, first);
    expect(second.reuse!.ctx).not.toBe(first.reuse!.ctx);
  });
});
