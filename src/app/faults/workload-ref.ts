// Which workload in the learner's YAML a pod belongs to: pure, and light enough for the first load.
import type { Cluster, Pod } from '../../engine/types.ts';

/** A workload in the learner's YAML, as `pod.createdBy` names it: `deployment/<ns>/<name>`. */
export interface WorkloadRef {
  kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet';
  namespace: string;
  name: string;
}

const SCALABLE: Record<string, WorkloadRef['kind']> = { deployment: 'Deployment', replicaset: 'ReplicaSet', statefulset: 'StatefulSet' };

/** The scalable workload that created a pod, when the pod came from the learner's `file`. */
export function scalableOwner(pod: Pod, file: string): WorkloadRef | undefined {
  if (pod.source.file !== file) return undefined;
  const [kind = '', namespace = '', name = ''] = pod.createdBy.split('/');
  const k = SCALABLE[kind];
  return k && name ? { kind: k, namespace, name } : undefined;
}

/** How many replicas the workload has now (its pods in the cluster). */
export function currentReplicas(cluster: Cluster, ref: WorkloadRef): number {
  const id = `${ref.kind.toLowerCase()}/${ref.namespace}/${ref.name}`;
  return cluster.pods.filter((p) => p.createdBy === id).length;
}
