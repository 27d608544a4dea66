import type { ManifestObject, Node } from '../types.ts';
import { makeNode } from './system.ts';
import { record } from '../json.ts';

/** Applies a Node manifest: labels, cordon (spec.unschedulable), readiness, addresses; a Node
 * not among the configured ones joins the cluster with the next address and pod CIDR. */
export function applyNodeManifest(nodes: Node[], obj: ManifestObject): void {
  const name = String(obj.metadata.name);
  let node = nodes.find((n) => n.name === name);
  if (!node) {
    node = makeNode(name, nodes.length);
    nodes.push(node);
  }
  const spec = record(obj.spec);
  const status = record(obj.status);
  for (const [k, v] of Object.entries(record(obj.metadata.labels))) node.labels[k] = String(v);
  if (typeof spec.unschedulable === 'boolean') node.unschedulable = spec.unschedulable;
  if (typeof spec.podCIDR === 'string') node.podCIDR = spec.podCIDR;
  const internal = (Array.isArray(status.addresses) ? status.addresses : []).map(record).find((a) => a.type === 'InternalIP');
  if (internal && typeof internal.address === 'string') node.internalIP = internal.address;
  const ready = (Array.isArray(status.conditions) ? status.conditions : []).map(record).find((c) => c.type === 'Ready');
  if (ready) node.ready = String(ready.status) === 'True';
}
