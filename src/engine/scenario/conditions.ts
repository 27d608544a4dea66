import type { Simulation } from '../cluster/build.ts';
import type { L7Proxy } from '../l7/types.ts';

/** One status condition as a controller writes it. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/** Computes the conditions an object would carry (`kind/ns/name` with a canonical kind). Returns
 * undefined when the object does not exist. Route conditions per parent come from the L7 modules. */
export function objectConditions(sim: Simulation, ref: string, parent?: string, l7: L7Proxy[] = []): Condition[] | undefined {
  // Ingress, Gateway API objects: their controllers write the status.
  for (const proxy of l7) {
    const found = proxy.conditions(ref, parent);
    if (found) return found;
  }
  const [kind, ...rest] = ref.split('/');
  const { cluster } = sim;
  if (kind === 'pod' && rest.length === 2) {
    const pod = cluster.pods.find((p) => p.namespace === rest[0] && p.name === rest[1]);
    if (!pod) return undefined;
    const scheduled = pod.nodeName !== '';
    const ready = pod.readyCondition ? 'True' : 'False';
    return [
      { type: 'PodScheduled', status: scheduled ? 'True' : 'False', ...(scheduled ? {} : { reason: 'Unschedulable' }) },
      { type: 'Initialized', status: 'True' },
      { type: 'ContainersReady', status: ready, ...(pod.readyCondition ? {} : { reason: 'ContainersNotReady' }) },
      { type: 'Ready', status: ready, ...(pod.readyCondition ? {} : { reason: 'ContainersNotReady' }) },
    ];
  }
  if (kind === 'node' && rest.length === 1) {
    const node = cluster.nodes.find((n) => n.name === rest[0]);
    if (!node) return undefined;
    return [{ type: 'Ready', status: node.ready ? 'True' : 'False', reason: node.ready ? 'KubeletReady' : 'KubeletNotReady' }];
  }
  if ((kind === 'deployment' || kind === 'statefulset' || kind === 'daemonset' || kind === 'replicaset') && rest.length === 2) {
    const obj = cluster.objects.find((o) => o.ref === ref && o.accepted);
    if (!obj) return undefined;
    const pods = cluster.pods.filter((p) => p.createdBy === ref);
    const allReady = pods.every((p) => p.ready);
    if (kind !== 'deployment') return [];
    return [
      { type: 'Available', status: allReady ? 'True' : 'False', reason: allReady ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable' },
      { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
    ];
  }
  const obj = cluster.objects.find((o) => o.ref === ref && o.accepted);
  return obj ? [] : undefined;
}
