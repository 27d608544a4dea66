// The cluster condensed for the text view of the diagram: pure, tested without React.
import type { Cluster } from '../../engine/types.ts';

export interface ClusterSummary {
  nodes: Array<{ name: string; ip: string; pods: Array<{ id: string; namespace: string; name: string; ip: string; ready: boolean }> }>;
  services: Array<{ id: string; namespace: string; name: string; type: string; clusterIP: string; ports: string; endpoints: number }>;
}

const SYSTEM_NAMESPACES = new Set(['kube-system', 'ingress-nginx']);

/** Pods by node and the learner's Services with their ready endpoint counts (system objects left out). */
export function summarizeCluster(cluster: Cluster): ClusterSummary {
  const own = <T extends { namespace: string }>(x: T) => !SYSTEM_NAMESPACES.has(x.namespace);
  const readyEndpoints = (ns: string, name: string) =>
    new Set(
      cluster.endpointSlices
        .filter((s) => s.namespace === ns && s.serviceName === name)
        .flatMap((s) => s.endpoints.filter((e) => e.conditions.ready).flatMap((e) => e.addresses)),
    ).size;
  const podView = (p: Cluster['pods'][number]) => ({ id: `pod/${p.namespace}/${p.name}`, namespace: p.namespace, name: p.name, ip: p.podIP || 'no IP', ready: p.ready });
  const nodeNames = new Set(cluster.nodes.map((n) => n.name));
  const unscheduled = cluster.pods.filter((p) => own(p) && !nodeNames.has(p.nodeName));
  return {
    nodes: [
      ...cluster.nodes.map((n) => ({ name: n.name, ip: n.internalIP, pods: cluster.pods.filter((p) => own(p) && p.nodeName === n.name).map(podView) })),
      ...(unscheduled.length > 0 ? [{ name: 'Not scheduled', ip: '', pods: unscheduled.map(podView) }] : []),
    ],
    services: cluster.services
      .filter((s) => own(s) && !(s.namespace === 'default' && s.name === 'kubernetes'))
      .map((s) => ({
        id: `service/${s.namespace}/${s.name}`,
        namespace: s.namespace,
        name: s.name,
        type: s.type,
        clusterIP: s.clusterIP,
        ports: s.ports.map((p) => `${p.port}/${p.protocol}`).join(', '),
        endpoints: readyEndpoints(s.namespace, s.name),
      })),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 nodes · 3 pods · 1 Service`: the learner's own objects (system ones left out). */
export function countObjects(cluster: Cluster): string {
  const summary = summarizeCluster(cluster);
  const pods = summary.nodes.reduce((n, node) => n + node.pods.length, 0);
  return `${plural(cluster.nodes.length, 'node')} · ${plural(pods, 'pod')} · ${plural(summary.services.length, 'Service')}`;
}
