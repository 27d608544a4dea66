// Turns injected faults into what the engine reads: the learner's YAML with the faulted Pod
// documents rewritten in place (same lines, same order, so every other object keeps its IP, node
// and source lines), plus a hidden file of Node documents for drained nodes. Pure.
import { resolveSettings, type ClusterBlock } from '../../engine/cluster/settings.ts';
import { parseManifests, splitDocuments, type ManifestSource } from '../../engine/parse/manifests.ts';
import type { ManifestObject } from '../../engine/types.ts';
import { faultId, type Fault } from './faults.ts';
import type { ObservedState } from '../../engine/controllers/observed.ts';

/** The file name of the overlay's own documents (never shown in the editor). */
export const FAULTS_FILE = 'netlab-faults.yaml';

export interface FaultOverlay {
  /** What to simulate: the learner's file (rewritten where faults touch it) and the overlay file. */
  manifests: ManifestSource[];
  /** Ids of faults that found nothing to act on (the pod or node is no longer in the YAML). */
  inert: string[];
  /** Faults on pods a controller made (not documents of the YAML), for the engine's observed state. */
  observed?: ObservedState;
}

type PodEdit = 'delete' | 'not-ready';

/** Applies faults to the learner's YAML for one simulation; without faults the text passes as is. */
export function applyFaults(file: string, text: string, faults: readonly Fault[], cluster?: ClusterBlock): FaultOverlay {
  if (faults.length === 0) return { manifests: [{ file, text }], inert: [] };
  const edits = new Map<string, PodEdit>();
  const owners = new Map<string, string[]>();
  const claim = (pod: string, edit: PodEdit, id: string) => {
    // A deletion wins over a readiness change on the same pod.
    if (edits.get(pod) !== 'delete') edits.set(pod, edit);
    owners.set(pod, [...(owners.get(pod) ?? []), id]);
  };
  for (const f of faults) {
    if (f.kind === 'delete-pod') claim(f.pod, 'delete', faultId(f));
    else if (f.kind === 'pod-not-ready') claim(f.pod, 'not-ready', faultId(f));
    else for (const pod of f.evicted) claim(pod, 'delete', faultId(f));
  }

  const { text: rewritten, found } = rewritePods(file, text, edits);
  const active = new Set<string>();
  for (const pod of found) for (const id of owners.get(pod) ?? []) active.add(id);

  const nodes = new Set([...resolveSettings(cluster).settings.nodes, ...nodeDocumentNames(file, text)]);
  const drained = faults.flatMap((f) => (f.kind === 'drain-node' && nodes.has(f.node) ? [f.node] : [])).sort();
  for (const node of drained) active.add(`node/${node}`);

  const manifests: ManifestSource[] = [{ file, text: rewritten }];
  // kubectl cordon sets spec.unschedulable; the engine merges a Node document onto the node it names.
  if (drained.length > 0) manifests.push({ file: FAULTS_FILE, text: drained.map((name) => JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { unschedulable: true } })).join('\n---\n') + '\n' });
  // Pods that are no document of the YAML belong to a controller: the engine applies those faults
  // to the pods it creates (a deleted one is replaced with a new name and IP).
  const observedPods: NonNullable<ObservedState['pods']> = {};
  const workloads = workloadPrefixes(file, text);
  for (const [pod, edit] of edits) {
    if (found.includes(pod) || !workloads.some((prefix) => pod.startsWith(prefix))) continue;
    observedPods[pod] = edit === 'delete' ? { deleted: true } : { ready: false };
    for (const id of owners.get(pod) ?? []) active.add(id);
  }
  const inert = [...new Set(faults.map(faultId))].filter((id) => !active.has(id)).sort();
  return { manifests, inert, ...(Object.keys(observedPods).length > 0 ? { observed: { pods: observedPods } } : {}) };
}

/** Rewrites the documents holding faulted Pods (bare Pods only: a workload's pods are not in the
 * YAML) and reports which pods it found. */
function rewritePods(file: string, text: string, edits: ReadonlyMap<string, PodEdit>): { text: string; found: string[] } {
  if (edits.size === 0) return { text, found: [] };
  const names = [...edits.keys()].map((ref) => ref.slice(ref.indexOf('/') + 1));
  const found: string[] = [];
  const out: string[] = [];
  for (const chunk of splitDocuments(text)) {
    // Most documents name none of the pods: they are passed through without parsing.
    if (!names.some((n) => chunk.text.includes(n))) {
      out.push(chunk.text);
      continue;
    }
    const parsed = parseManifests([{ file, text: chunk.text }]);
    const docs = new Set(parsed.documents.map((d) => d.doc));
    const hits = parsed.documents.filter((d) => d.object.kind === 'Pod' && edits.has(podRef(d.object)));
    // A chunk holding two documents (after a `...` end marker) is left alone: rare, and ambiguous.
    if (hits.length === 0 || docs.size !== 1 || parsed.diagnostics.some((d) => d.severity === 'error')) {
      out.push(chunk.text);
      continue;
    }
    const objects: ManifestObject[] = [];
    for (const d of parsed.documents) {
      const ref = podRef(d.object);
      const edit = d.object.kind === 'Pod' ? edits.get(ref) : undefined;
      if (edit) found.push(ref);
      if (edit === 'delete') continue;
      objects.push(edit === 'not-ready' ? withReadinessFailing(d.object) : d.object);
    }
    const isList = /^kind:\s*["']?List["']?\s*(#.*)?$/m.test(chunk.text);
    const value = isList ? { apiVersion: 'v1', kind: 'List', items: objects } : objects[0];
    out.push(replaceChunk(chunk.text, value));
  }
  return { text: out.join(''), found: [...new Set(found)].sort() };
}

/** A document's text replaced by one JSON line (JSON is YAML) padded to the same number of lines,
 * keeping its `---` marker; an undefined value leaves an empty document, which kubectl skips. */
function replaceChunk(chunk: string, value: unknown): string {
  const lines = chunk.split('\n');
  const marker = /^---(?:[ \t]|$)/.test(lines[0] ?? '') ? '---' : undefined;
  const json = value === undefined ? '' : JSON.stringify(value);
  const out = lines.map(() => '');
  if (marker !== undefined && lines.length === 1) out[0] = json ? `--- ${json}` : '---';
  else if (marker !== undefined) {
    out[0] = marker;
    out[1] = json;
  } else out[0] = json;
  return out.join('\n');
}

/** The pod with its Ready and ContainersReady conditions False, as the kubelet reports a failing
 * readiness probe; phase and everything else stay as written. */
function withReadinessFailing(pod: ManifestObject): ManifestObject {
  const status = isRecord(pod.status) ? pod.status : {};
  const conditions = (Array.isArray(status.conditions) ? status.conditions : []).filter((c) => !(isRecord(c) && (c.type === 'Ready' || c.type === 'ContainersReady')));
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const containers = (Array.isArray(spec.containers) ? spec.containers : []).map((c) => (isRecord(c) ? String(c.name ?? '') : '')).filter(Boolean);
  const message = `containers with unready status: [${containers.join(' ')}]`;
  return {
    ...pod,
    status: {
      ...status,
      conditions: [...conditions, { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message }, { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message }],
    },
  };
}

/** Names of the Node documents in the learner's YAML (a Node not among the configured ones joins
 * the cluster, so it can be drained too). */
function nodeDocumentNames(file: string, text: string): string[] {
  if (!/kind:\s*["']?Node\b/.test(text)) return [];
  const chunks = splitDocuments(text).filter((c) => /kind:\s*["']?Node\b/.test(c.text));
  return parseManifests(chunks.map((c) => ({ file, text: c.text }))).documents.flatMap((d) => (d.object.kind === 'Node' && typeof d.object.metadata.name === 'string' ? [d.object.metadata.name] : []));
}

function podRef(object: ManifestObject): string {
  const ns = typeof object.metadata.namespace === 'string' && object.metadata.namespace !== '' ? object.metadata.namespace : 'default';
  return `${ns}/${String(object.metadata.name)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `<ns>/<name>-` of every workload in the YAML: the prefix of the pods its controller makes. */
function workloadPrefixes(file: string, text: string): string[] {
  return parseManifests([{ file, text }])
    .documents.map((d) => d.object)
    .filter((o) => ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'].includes(o.kind))
    .map((o) => `${typeof o.metadata.namespace === 'string' && o.metadata.namespace ? o.metadata.namespace : 'default'}/${String(o.metadata.name)}-`);
}
