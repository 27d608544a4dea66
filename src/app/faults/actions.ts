// Which faults a diagram element offers, decided from the cluster: pure, tested without React.
import type { Cluster } from '../../engine/types.ts';
import { faultId, type Fault } from './faults.ts';
import { currentReplicas, scalableOwner, type WorkloadRef } from './workload-ref.ts';

export type ElementActions =
  /** A Pod from the learner's YAML that no controller owns: it can be deleted or fail readiness. */
  | { kind: 'bare-pod'; pod: string; notReady: boolean; deleted: boolean }
  /** A replica of a workload in the learner's YAML: its state lives in the workload, so it is scaled. */
  | { kind: 'replica'; pod: string; owner: WorkloadRef; replicas: number; notReady: boolean }
  /** A pod nothing here can fault (a DaemonSet's, or the cluster's own), with the reason. */
  | { kind: 'other-pod'; pod: string; note: string }
  | { kind: 'node'; node: string; drained: boolean; evicted: string[] };

/** The fault actions of the element with diagram id `id`, or undefined when it has none. */
export function actionsFor(id: string, cluster: Cluster, file: string, faults: readonly Fault[]): ElementActions | undefined {
  const ids = new Set(faults.map(faultId));
  const node = /^node\/(.+)$/.exec(id)?.[1];
  if (node !== undefined) {
    if (!cluster.nodes.some((n) => n.name === node)) return undefined;
    const evicted = cluster.pods
      .filter((p) => p.nodeName === node && p.source.file === file && p.createdBy === `pod/${p.namespace}/${p.name}`)
      .map((p) => `${p.namespace}/${p.name}`)
      .sort();
    return { kind: 'node', node, drained: ids.has(`node/${node}`), evicted };
  }
  const m = /^pod\/([^/]+)\/(.+)$/.exec(id);
  if (!m) return undefined;
  const ref = `${m[1]}/${m[2]}`;
  const pod = cluster.pods.find((p) => p.namespace === m[1] && p.name === m[2]);
  const own = faults.find((f) => f.kind !== 'drain-node' && f.pod === ref);
  if (!pod) return own ? { kind: 'bare-pod', pod: ref, notReady: false, deleted: own.kind === 'delete-pod' } : undefined;
  if (pod.source.file !== file) return { kind: 'other-pod', pod: ref, note: 'Part of the cluster itself, not of your YAML.' };
  if (pod.createdBy === `pod/${pod.namespace}/${pod.name}`) return { kind: 'bare-pod', pod: ref, notReady: own?.kind === 'pod-not-ready', deleted: own?.kind === 'delete-pod' };
  const owner = scalableOwner(pod, file);
  if (owner) return { kind: 'replica', pod: ref, owner, replicas: currentReplicas(cluster, owner), notReady: own?.kind === 'pod-not-ready' };
  const controller = pod.createdBy.split('/')[0] ?? 'controller';
  return { kind: 'other-pod', pod: ref, note: controller === 'daemonset' ? 'A DaemonSet runs one pod per node: drain the node or edit the DaemonSet.' : `Created by ${pod.createdBy}: edit it in the YAML.` };
}
