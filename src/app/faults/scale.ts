// Scaling a workload from the diagram is a real edit of the learner's YAML (as `kubectl scale`
// edits spec.replicas): the smallest text change, so formatting, comments and undo survive. Pure;
// loaded on first use (it brings the YAML library).
import { isMap, isScalar, isSeq, parseAllDocuments, type Pair, type YAMLMap } from 'yaml';
import { splitDocuments } from '../../engine/parse/manifests.ts';
import type { WorkloadRef } from './workload-ref.ts';

/** Sets `spec.replicas` of the workload in the YAML text; undefined when the document is not
 * found or cannot be edited safely (the caller tells the learner to edit by hand). */
export function setReplicas(text: string, ref: WorkloadRef, replicas: number): string | undefined {
  const value = Math.max(0, Math.floor(replicas));
  let offset = 0;
  for (const chunk of splitDocuments(text)) {
    const start = offset;
    offset += chunk.text.length;
    if (!chunk.text.includes(ref.name)) continue;
    const docs = parseAllDocuments(chunk.text, { version: '1.1' });
    if (!Array.isArray(docs) || docs.length !== 1) continue;
    const doc = docs[0]!;
    const target = doc.errors.length > 0 ? undefined : findTarget(doc.contents, ref);
    if (!target) continue;
    const edited = editReplicas(chunk.text, target, value);
    return edited === undefined ? undefined : text.slice(0, start) + edited + text.slice(offset);
  }
  return undefined;
}

/** The workload's mapping: the document itself, or one of a `kind: List`'s items. */
function findTarget(root: unknown, ref: WorkloadRef): YAMLMap | undefined {
  if (!isMap(root)) return undefined;
  if (root.get('kind') === 'List') {
    const items = root.get('items', true);
    return isSeq(items) ? items.items.map((item) => findTarget(item, ref)).find(Boolean) : undefined;
  }
  const meta = root.get('metadata', true);
  if (!isMap(meta)) return undefined;
  const ns = meta.get('namespace');
  const namespace = ns === undefined || ns === null || ns === '' ? 'default' : String(ns);
  return root.get('kind') === ref.kind && meta.get('name') === ref.name && namespace === ref.namespace ? root : undefined;
}

function editReplicas(chunk: string, root: YAMLMap, value: number): string | undefined {
  const spec = root.get('spec', true);
  if (!isMap(spec)) return undefined;
  const pair = spec.items.find((p) => isScalar(p.key) && p.key.value === 'replicas') as Pair | undefined;
  if (pair && isScalar(pair.value) && pair.value.range) {
    // Replace just the number.
    const [from, to] = pair.value.range;
    return chunk.slice(0, from) + String(value) + chunk.slice(to);
  }
  if (pair) return undefined;
  const first = spec.items[0];
  const key = first && isScalar(first.key) ? first.key : undefined;
  if (spec.flow || !key?.range) {
    // `spec: {}` or a flow mapping: insert at its start.
    if (!spec.range || chunk[spec.range[0]] !== '{') return undefined;
    const at = spec.range[0] + 1;
    return `${chunk.slice(0, at)} replicas: ${value}${spec.items.length > 0 ? ',' : ''}${chunk.slice(at)}`;
  }
  // A block mapping: a new first line with the indentation of its first key.
  const lineStart = chunk.lastIndexOf('\n', key.range[0] - 1) + 1;
  const indent = chunk.slice(lineStart, key.range[0]);
  if (!/^[ ]*$/.test(indent)) return undefined;
  return `${chunk.slice(0, lineStart)}${indent}replicas: ${value}\n${chunk.slice(lineStart)}`;
}
