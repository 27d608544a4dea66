// Manifests brought into the playground as they are, `kubectl get -o yaml` output included: a
// `kind: List` with server-set fields and `status`, which the engine takes as observed state.
// Nothing is stripped; this only reads what the objects say about the cluster. Pure.
import { parseManifests } from '../../engine/parse/manifests.ts';
import { compareIPv4Strings } from './ip-order.ts';
import type { ManifestObject } from '../../engine/types.ts';

export interface ManifestInsight {
  /** Objects per kind, in first-seen order: `Pod ×3`. */
  kinds: Array<{ kind: string; count: number }>;
  /** The objects carry fields only the API server sets (uid, resourceVersion, managedFields, ...). */
  fromCluster: boolean;
  /** Node names the objects name (Node objects, else the pods' spec.nodeName), in address order;
   * undefined when they name none. */
  nodes?: string[];
  /** What the learner should know about how the simulator reads these objects. */
  notes: string[];
}

const SERVER_FIELDS = ['uid', 'resourceVersion', 'managedFields', 'creationTimestamp', 'generation'];

/** Reads the objects in pasted or loaded YAML. */
export function inspectManifests(text: string): ManifestInsight {
  const objects = parseManifests([{ file: 'import.yaml', text }]).documents.map((d) => d.object);
  const counts = new Map<string, number>();
  for (const o of objects) counts.set(o.kind, (counts.get(o.kind) ?? 0) + 1);
  const fromCluster = objects.some((o) => SERVER_FIELDS.some((f) => o.metadata[f] !== undefined));
  const nodes = nodeNamesOf(objects);
  return { kinds: [...counts].map(([kind, count]) => ({ kind, count })), fromCluster, ...(nodes ? { nodes } : {}), notes: notesOn(objects, nodes) };
}

/** `3 objects: Deployment ×1, Pod ×2`. */
export function describeKinds(insight: ManifestInsight): string {
  const total = insight.kinds.reduce((n, k) => n + k.count, 0);
  return `${total} object${total === 1 ? '' : 's'}${total ? `: ${insight.kinds.map((k) => `${k.kind} ×${k.count}`).join(', ')}` : ''}`;
}

function nodeNamesOf(objects: ManifestObject[]): string[] | undefined {
  const declared = objects.filter((o) => o.kind === 'Node' && typeof o.metadata.name === 'string').map((o) => ({ name: o.metadata.name!, ip: internalIP(o) }));
  // Pods bound to a node the settings lack would stay Pending: the cluster gets the nodes they name.
  const bound = objects.flatMap((o) => {
    const spec = record(o.spec);
    return o.kind === 'Pod' && typeof spec.nodeName === 'string' && spec.nodeName !== '' ? [{ name: spec.nodeName, ip: str(record(o.status).hostIP) }] : [];
  });
  const byName = new Map<string, string | undefined>();
  for (const n of [...declared, ...bound]) if (!byName.has(n.name) || byName.get(n.name) === undefined) byName.set(n.name, n.ip);
  if (byName.size === 0) return undefined;
  // Node addresses are handed out in order (172.18.0.2, .3, ...): sorting by the observed
  // address keeps kind's control plane, worker, worker2 in their usual order.
  return [...byName].sort((a, b) => compareIPv4Strings(a[1], b[1]) || a[0].localeCompare(b[0])).map(([name]) => name);
}

function notesOn(objects: ManifestObject[], nodes: string[] | undefined): string[] {
  const notes: string[] = [];
  const present = new Set(objects.map((o) => `${o.kind}/${ns(o)}/${String(o.metadata.name)}`));
  // Pods (and ReplicaSets) whose controller is pasted too: the controller makes its own here.
  const owned = new Map<string, number>();
  for (const o of objects) {
    for (const ref of ownerRefs(o)) {
      const owner = ref.kind === 'ReplicaSet' ? replicaSetOwner(objects, ns(o), ref.name) : `${ref.kind}/${ns(o)}/${ref.name}`;
      if (owner && present.has(owner) && (o.kind === 'Pod' || o.kind === 'ReplicaSet')) owned.set(owner, (owned.get(owner) ?? 0) + 1);
    }
  }
  for (const [owner, n] of owned) {
    const [kind, namespace, name] = owner.split('/');
    notes.push(
      `${kind} ${namespace}/${name} is here with ${n} object${n === 1 ? '' : 's'} it owns: the simulator's ${kind} controller creates its own pods from it beside the pasted ones (it does not adopt pods by ownerReferences), so the cluster has more pods than yours. Keep either the ${kind} or its pods.`,
    );
  }
  if (objects.some((o) => o.kind === 'Service' && ns(o) === 'default' && o.metadata.name === 'kubernetes')) notes.push('Service default/kubernetes belongs to the API server: the pasted copy configures it again.');
  const managedSlices = objects.filter((o) => o.kind === 'EndpointSlice' && record(o.metadata.labels)['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io').length;
  if (managedSlices > 0) notes.push(`${managedSlices} EndpointSlice${managedSlices === 1 ? ' was' : 's were'} written by the EndpointSlice controller: the simulator computes its own from the Services and Pods, and the pasted ones come in addition.`);
  if (nodes) notes.push(`The cluster gets the nodes these objects name: ${nodes.join(', ')}.`);
  return notes;
}

function replicaSetOwner(objects: ManifestObject[], namespace: string, rsName: string): string | undefined {
  const rs = objects.find((o) => o.kind === 'ReplicaSet' && ns(o) === namespace && o.metadata.name === rsName);
  const deployment = rs ? ownerRefs(rs).find((r) => r.kind === 'Deployment') : undefined;
  if (deployment) return `Deployment/${namespace}/${deployment.name}`;
  // Without the ReplicaSet itself, a Deployment named by the pod-template-hash prefix owns it.
  const byPrefix = objects.find((o) => o.kind === 'Deployment' && ns(o) === namespace && rsName.startsWith(`${String(o.metadata.name)}-`));
  return byPrefix ? `Deployment/${namespace}/${String(byPrefix.metadata.name)}` : `ReplicaSet/${namespace}/${rsName}`;
}

function ownerRefs(o: ManifestObject): Array<{ kind: string; name: string }> {
  const refs = o.metadata.ownerReferences;
  return (Array.isArray(refs) ? refs : []).flatMap((r) => {
    const ref = record(r);
    return typeof ref.kind === 'string' && typeof ref.name === 'string' ? [{ kind: ref.kind, name: ref.name }] : [];
  });
}

function internalIP(node: ManifestObject): string | undefined {
  const addresses = record(node.status).addresses;
  const internal = (Array.isArray(addresses) ? addresses : []).map(record).find((a) => a.type === 'InternalIP');
  return str(internal?.address);
}

function ns(o: ManifestObject): string {
  return typeof o.metadata.namespace === 'string' && o.metadata.namespace !== '' ? o.metadata.namespace : 'default';
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
