import { memo, type ReactElement } from 'react';
import type { TopologyGraph } from './graph-types.ts';

/** The diagram as a list, for screen readers and for reading without the picture. */
export const TopologyText = memo(function TopologyText({ graph }: { graph: TopologyGraph }): ReactElement {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const endpoints = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (e.data?.kind !== 'endpoint' || e.data.change === 'removed') continue;
    const list = endpoints.get(e.source) ?? [];
    list.push(`${e.target.replace(/^pod\//, '')}${e.data.ready ? '' : ' (not ready)'}`);
    endpoints.set(e.source, list);
  }
  const services = graph.nodes.flatMap((n) => (n.type === 'service' ? [n] : []));
  const kubeNodes = graph.nodes.flatMap((n) => (n.type === 'kubeNode' ? [n] : []));
  const podsOf = (nodeId: string) =>
    graph.nodes.flatMap((n) => {
      if (n.type !== 'pod') return [];
      const group = n.parentId ? byId.get(n.parentId) : undefined;
      return group?.parentId === nodeId ? [n] : [];
    });
  const lbs = graph.nodes.flatMap((n) => (n.type === 'loadBalancer' ? [n] : []));
  return (
    <details className="topo-text">
      <summary>Diagram as text</summary>
      <div className="topo-popover">
        <h3>Load balancers</h3>
        <ul>
          {lbs.length === 0 ? <li>none</li> : null}
          {lbs.map((n) => (
            <li key={n.id}>
              {n.data.service}: {n.data.pending ? '<pending>' : n.data.ips.join(', ')} ({n.data.ports.join(', ')})
            </li>
          ))}
        </ul>
        <h3>Services</h3>
        <ul>
          {services.map((n) => (
            <li key={n.id}>
              {n.data.namespace}/{n.data.name} {n.data.type} {n.data.clusterIP} ports {n.data.ports.map((p) => p.port + (p.nodePort ? ` NodePort ${p.nodePort}` : '')).join(', ')}:{' '}
              {n.data.noEndpoints ? 'no endpoints' : `endpoints ${(endpoints.get(n.id) ?? []).join(', ')}`}
            </li>
          ))}
        </ul>
        <h3>Nodes and pods</h3>
        <ul>
          {kubeNodes.map((n) => (
            <li key={n.id}>
              {n.data.name} {n.data.internalIP} {n.data.ready ? 'Ready' : 'NotReady'}
              <ul>
                {podsOf(n.id).map((p) => (
                  <li key={p.id}>
                    {p.data.namespace}/{p.data.name} {p.data.ip} {p.data.status}
                    {p.data.isolation ? `, isolated by ${p.data.isolation.policies.join(', ')}` : ''}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
});
