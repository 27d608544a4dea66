import { matchesLabelSelector } from '../../engine/labels.ts';
import { effectivePolicyTypes } from '../../engine/netpol/policy-index.ts';
import type { Cluster, Pod } from '../../engine/types.ts';
import type { PodIsolation } from './graph-types.ts';

/** Which NetworkPolicies select a pod and in which directions it is isolated; undefined when none
 * does. A pod is isolated for a direction as soon as one policy of that type selects it. */
export function podIsolation(pod: Pod, cluster: Cluster): PodIsolation | undefined {
  // Policies never select host-network pods (the CNI cannot tell them from the node).
  if (pod.hostNetwork) return undefined;
  let ingress = false;
  let egress = false;
  const policies: string[] = [];
  for (const policy of cluster.networkPolicies) {
    if (policy.namespace !== pod.namespace || !matchesLabelSelector(pod.labels, policy.podSelector)) continue;
    const types = effectivePolicyTypes(policy);
    ingress ||= types.ingress;
    egress ||= types.egress;
    policies.push(`${policy.namespace}/${policy.name}`);
  }
  if (policies.length === 0) return undefined;
  return { ingress, egress, policies: policies.sort(), enforced: cluster.settings.networkPolicy };
}

/** Short text for an isolation badge: `isolated (ingress)`, `isolated (ingress, egress)`. */
export function isolationLabel(isolation: PodIsolation): string {
  const directions = [isolation.ingress ? 'ingress' : '', isolation.egress ? 'egress' : ''].filter(Boolean).join(', ');
  return `isolated (${directions})${isolation.enforced ? '' : ', not enforced'}`;
}
