import type { AdmittedObject } from '../types.ts';
import type { PodDraft } from './workloads.ts';

// Pasted `kubectl get -o yaml` output holds a Deployment, its ReplicaSet and their pods. The real
// controllers adopt what already exists instead of creating it again: the Deployment adopts the
// ReplicaSet that names it as controller, and a ReplicaSet/StatefulSet/DaemonSet counts the pods
// that name it toward its replicas.

interface OwnerRef {
  kind: string;
  name: string;
}

/** The controller ownerReference of an object, if any. */
export function controllerOf(obj: AdmittedObject): OwnerRef | undefined {
  const refs = Array.isArray(obj.object.metadata.ownerReferences) ? (obj.object.metadata.ownerReferences as unknown[]) : [];
  for (const r of refs) {
    const ref = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    if (ref.controller === true && typeof ref.kind === 'string' && typeof ref.name === 'string') return { kind: ref.kind, name: ref.name };
  }
  return undefined;
}

export interface AdoptionPlan {
  /** Workloads that create nothing themselves: a Deployment whose ReplicaSet is in the manifests. */
  adoptedBy: Map<string, string>;
  /** Pods that exist already, by the ref of the workload that owns them (`replicaset/ns/name`). */
  ownedPods: Map<string, AdmittedObject[]>;
}

/** Works out which pasted objects the workload controllers adopt. */
export function planAdoption(accepted: AdmittedObject[]): AdoptionPlan {
  const present = new Set(accepted.map((o) => o.ref));
  const adoptedBy = new Map<string, string>();
  const ownedPods = new Map<string, AdmittedObject[]>();
  for (const o of accepted) {
    const owner = controllerOf(o);
    if (!owner || !o.namespace) continue;
    const ownerRef = `${owner.kind.toLowerCase()}/${o.namespace}/${owner.name}`;
    if (!present.has(ownerRef)) continue;
    if (o.kind === 'ReplicaSet' && owner.kind === 'Deployment') adoptedBy.set(ownerRef, o.ref);
    if (o.kind === 'Pod' && ['ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(owner.kind)) {
      const list = ownedPods.get(ownerRef) ?? [];
      list.push(o);
      ownedPods.set(ownerRef, list);
    }
  }
  return { adoptedBy, ownedPods };
}

/** Drops the pods a controller would not create because they exist already: by name for
 * StatefulSets, by node for DaemonSets, by count for ReplicaSets. */
export function withoutExisting(kind: string, drafts: PodDraft[], existing: AdmittedObject[]): PodDraft[] {
  if (existing.length === 0) return drafts;
  if (kind === 'StatefulSet') {
    const names = new Set(existing.map((o) => o.name));
    return drafts.filter((d) => !names.has(d.name));
  }
  if (kind === 'DaemonSet') {
    const nodes = new Set(existing.map((o) => String(((o.object.spec ?? {}) as Record<string, unknown>).nodeName ?? '')));
    return drafts.filter((d) => !d.pinnedNode || !nodes.has(d.pinnedNode));
  }
  return drafts.slice(existing.length);
}
