import { computeReachability, computeReachabilityBits, indexNetworkPolicies } from '../engine/netpol/index.ts';
import { syntheticCluster } from '../engine/netpol/test-model.ts';
import type { Cluster } from '../engine/types.ts';
import { measure, type Figure } from './bench.ts';

/** NetworkPolicy figures: full truth tables for N pods in 50 namespaces under 300 policies, and
 * the recompute after one policy changes (index + table). */
export function netpolFigures(quick: boolean): Record<string, Figure> {
  const figures: Record<string, Figure> = {};
  for (const pods of [250, 500, 1000, 2000]) {
    const cluster = syntheticCluster(pods, 50, 300);
    const index = indexNetworkPolicies(cluster);
    const keys = cluster.pods.map((p) => `${p.namespace}/${p.name}`);
    const samples = quick ? 3 : pods >= 2000 ? 8 : 15;
    figures[`netpol_reachability_${pods}_pods_300_policies`] = measure(() => computeReachabilityBits(cluster, index, keys, 80, 'TCP'), samples, 1, 2);
    if (pods === 1000) {
      figures.netpol_reachability_1000_pods_boolean_tables = measure(() => computeReachability(cluster, index, keys, 80, 'TCP'), samples, 1, 2);
      figures.netpol_recompute_after_one_policy_edit_1000_pods = measure(() => {
        const edited: Cluster = { ...cluster, networkPolicies: cluster.networkPolicies.map((p, i) => (i === 0 ? { ...p, ingress: [] } : p)) };
        // As the app does after an edit: a new cluster (same pods), indexed with the previous index.
        const pods = cluster.pods.map((p) => ({ ...p }));
        computeReachabilityBits({ ...edited, pods }, indexNetworkPolicies({ ...edited, pods }, index), keys, 80, 'TCP');
      }, samples, 1, 2);
    }
  }
  return figures;
}
