import type { Cluster } from '../../engine/types.ts';
import type { PodStatus, TopologyEdge, TopologyGraph, TopologyNode } from './graph-types.ts';
import { endpointEdgeId, endpointsByService, podId, podStatus } from './model.ts';

/** One endpoint of one Service, as the diff reports it. */
export interface EndpointChange {
  /** Service element id (`service/<ns>/<name>`). */
  service: string;
  /** `10.244.0.2` (the endpoint address). */
  address: string;
  /** Pod or node element id behind the address, when known. */
  target?: string;
}

export interface PodRef {
  id: string;
  namespace: string;
  name: string;
  nodeName: string;
}

/** What an edit changed, as the diagram highlights it. Every list is sorted. */
export interface ClusterChanges {
  podsAdded: PodRef[];
  podsRemoved: PodRef[];
  endpointsAdded: EndpointChange[];
  endpointsRemoved: EndpointChange[];
  readinessChanged: Array<{ pod: string; from: PodStatus; to: PodStatus }>;
}

const EMPTY: ClusterChanges = { podsAdded: [], podsRemoved: [], endpointsAdded: [], endpointsRemoved: [], readinessChanged: [] };

/** Whether a diff found nothing to highlight. */
export function isEmptyChanges(c: ClusterChanges): boolean {
  return c.podsAdded.length + c.podsRemoved.length + c.endpointsAdded.length + c.endpointsRemoved.length + c.readinessChanged.length === 0;
}

/** Compares the cluster before and after an edit: pods added or removed, endpoints that appeared
 * or vanished (by Service and address), and pods whose readiness flipped. */
export function diffClusters(previous: Cluster | undefined, cluster: Cluster): ClusterChanges {
  if (!previous || previous === cluster) return EMPTY;
  const before = new Map(previous.pods.map((p) => [podId(p.namespace, p.name), p]));
  const after = new Map(cluster.pods.map((p) => [podId(p.namespace, p.name), p]));
  const ref = (id: string, p: { namespace: string; name: string; nodeName: string }): PodRef => ({ id, namespace: p.namespace, name: p.name, nodeName: p.nodeName });
  const podsAdded = [...after].filter(([id]) => !before.has(id)).map(([id, p]) => ref(id, p));
  const podsRemoved = [...before].filter(([id]) => !after.has(id)).map(([id, p]) => ref(id, p));
  const readinessChanged: ClusterChanges['readinessChanged'] = [];
  for (const [id, p] of after) {
    const old = before.get(id);
    if (!old) continue;
    const from = podStatus(old);
    const to = podStatus(p);
    if (from !== to) readinessChanged.push({ pod: id, from, to });
  }

  const keyed = (c: Cluster) => {
    const map = new Map<string, EndpointChange>();
    for (const [service, eps] of endpointsByService(c)) {
      for (const ep of eps) map.set(`${service}|${ep.address}`, { service, address: ep.address, ...(ep.target ? { target: ep.target } : {}) });
    }
    return map;
  };
  const epBefore = keyed(previous);
  const epAfter = keyed(cluster);
  const endpointsAdded = [...epAfter].filter(([k]) => !epBefore.has(k)).map(([, e]) => e);
  const endpointsRemoved = [...epBefore].filter(([k]) => !epAfter.has(k)).map(([, e]) => e);

  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  const byEndpoint = (a: EndpointChange, b: EndpointChange) =>
    a.service === b.service ? a.address.localeCompare(b.address, 'en', { numeric: true }) : a.service.localeCompare(b.service);
  return {
    podsAdded: podsAdded.sort(byId),
    podsRemoved: podsRemoved.sort(byId),
    endpointsAdded: endpointsAdded.sort(byEndpoint),
    endpointsRemoved: endpointsRemoved.sort(byEndpoint),
    readinessChanged: readinessChanged.sort((a, b) => a.pod.localeCompare(b.pod)),
  };
}

/** One line per change, for the legend and for screen readers: never colour alone. Endpoint
 * changes are summed per Service so a scaled Deployment reads as one line, not ten. */
export function describeChanges(c: ClusterChanges): string[] {
  const short = (id: string) => id.replace(/^[a-z]+\//, '');
  const lines: string[] = [];
  for (const p of c.podsAdded) lines.push(`+ pod ${p.namespace}/${p.name} added${p.nodeName ? ` on ${p.nodeName}` : ''}`);
  for (const p of c.podsRemoved) lines.push(`− pod ${p.namespace}/${p.name} removed`);
  for (const r of c.readinessChanged) lines.push(`~ pod ${short(r.pod)}: ${r.from} → ${r.to}`);
  const perService = (list: EndpointChange[], sign: string, verb: string) => {
    const counts = new Map<string, EndpointChange[]>();
    for (const e of list) counts.set(e.service, [...(counts.get(e.service) ?? []), e]);
    for (const [service, eps] of counts) {
      const what = eps.length === 1 ? `endpoint ${eps[0]!.address}` : `${eps.length} endpoints`;
      lines.push(`${sign} ${what} of Service ${short(service)} ${verb}`);
    }
  };
  perService(c.endpointsAdded, '+', 'appeared');
  perService(c.endpointsRemoved, '−', 'vanished');
  return lines;
}

/** Marks what changed on a graph: added pods and endpoint edges, readiness flips, and a dashed
 * "removed" edge for each vanished endpoint whose Service and pod are both still drawn. */
export function markChanges(graph: TopologyGraph, c: ClusterChanges): TopologyGraph {
  if (isEmptyChanges(c)) return graph;
  const added = new Set(c.podsAdded.map((p) => p.id));
  const flipped = new Set(c.readinessChanged.map((r) => r.pod));
  const touched = new Set([...c.endpointsAdded, ...c.endpointsRemoved].map((e) => e.service));
  const nodes = graph.nodes.map((n): TopologyNode => {
    if (n.type === 'service' && touched.has(n.id)) return { ...n, data: { ...n.data, change: 'endpoints' } };
    if (n.type !== 'pod') return n;
    if (added.has(n.id)) return { ...n, data: { ...n.data, change: 'added' } };
    if (flipped.has(n.id)) return { ...n, data: { ...n.data, change: 'readiness' } };
    return n;
  });
  const newEdges = new Set(c.endpointsAdded.flatMap((e) => (e.target ? [endpointEdgeId(e.service, e.target)] : [])));
  const edges = graph.edges.map((e): TopologyEdge =>
    newEdges.has(e.id) ? { ...e, className: `${e.className ?? ''} edge-added`, label: '+ new endpoint', data: { kind: 'endpoint', ...e.data, change: 'added' } } : e,
  );
  const drawn = new Set(graph.nodes.map((n) => n.id));
  const present = new Set(edges.map((e) => e.id));
  for (const e of c.endpointsRemoved) {
    if (!e.target || !drawn.has(e.service) || !drawn.has(e.target)) continue;
    const id = endpointEdgeId(e.service, e.target);
    if (present.has(id)) continue;
    edges.push({
      id: `${id}#removed`,
      source: e.service,
      target: e.target,
      zIndex: -2,
      className: 'edge-endpoint edge-removed',
      label: '− endpoint vanished',
      data: { kind: 'endpoint', address: e.address, change: 'removed' },
    });
  }
  return { nodes, edges };
}
