// What the request panel offers, derived from the cluster: pure, tested without React.
import type { Cluster } from '../../engine/types.ts';

export interface SourceOption {
  value: string;
  label: string;
  group: string;
}

const SYSTEM_NAMESPACES = new Set(['kube-system', 'ingress-nginx']);

/** Objects the cluster brings itself sort after the learner's own. */
function isSystem(namespace: string, name: string, kind: 'pod' | 'service'): boolean {
  return SYSTEM_NAMESPACES.has(namespace) || (kind === 'service' && namespace === 'default' && name === 'kubernetes');
}

function byOwnFirst(kind: 'pod' | 'service') {
  return (a: { namespace: string; name: string }, b: { namespace: string; name: string }): number =>
    Number(isSystem(a.namespace, a.name, kind)) - Number(isSystem(b.namespace, b.name, kind)) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name);
}

/** Probe sources: the learner's pods first (by namespace), then system pods, nodes and the outside client. */
export function sourceOptions(cluster: Cluster): SourceOption[] {
  const pods = [...cluster.pods].sort(byOwnFirst('pod'));
  return [
    ...pods.map((p) => ({ value: `pod/${p.namespace}/${p.name}`, label: `${p.name}${p.ready ? '' : ' (not ready)'}`, group: `Pods in ${p.namespace}` })),
    ...cluster.nodes.map((n) => ({ value: `node/${n.name}`, label: `${n.name} (${n.internalIP})`, group: 'Nodes' })),
    { value: 'external', label: 'external client (198.51.100.7)', group: 'Outside the cluster' },
  ];
}

/** Targets to suggest: each Service by URL (as curl would be given it) and as `svc/<ns>/<name>:<port>`. */
export function targetSuggestions(cluster: Cluster): string[] {
  const urls: string[] = [];
  const refs: string[] = [];
  const services = [...cluster.services].sort(byOwnFirst('service'));
  for (const svc of services) {
    for (const port of svc.ports) {
      if (port.protocol === 'TCP') urls.push(serviceUrl(svc.name, svc.namespace, port.port));
      refs.push(`svc/${svc.namespace}/${svc.name}:${port.port}`);
    }
  }
  return [...new Set([...urls, ...refs])];
}

/** The URL curl would be given for a Service port: `http://web.default`, `https://api.shop`, `http://db.x:5432`. */
export function serviceUrl(name: string, namespace: string, port: number): string {
  if (port === 80) return `http://${name}.${namespace}`;
  if (port === 443) return `https://${name}.${namespace}`;
  return `http://${name}.${namespace}:${port}`;
}

/** Keeps the learner's choices while they still make sense, else picks sensible ones. */
export function defaultRequest(cluster: Cluster, current: { from: string; to: string }): { from: string; to: string } {
  const sources = sourceOptions(cluster);
  const from = sources.some((s) => s.value === current.from) ? current.from : (sources[0]?.value ?? 'external');
  const to = current.to.trim() !== '' ? current.to : (targetSuggestions(cluster)[0] ?? '');
  return { from, to };
}
