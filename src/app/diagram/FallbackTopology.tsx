// A plain list of the cluster (nodes, pods, Services): shown while the diagram loads, and the
// diagram's text twin for screen readers.
import type { Cluster } from '../../engine/types.ts';
import { summarizeCluster } from './cluster-summary.ts';

/** The cluster as nested lists. */
export function FallbackTopology({ cluster }: { cluster: Cluster }) {
  const summary = summarizeCluster(cluster);
  return (
    <div className="fallback-topology" data-testid="topology-list">
      <h3>Nodes and pods</h3>
      <ul>
        {summary.nodes.map((node) => (
          <li key={node.name}>
            <strong>{node.name}</strong> <span className="muted">{node.ip}</span>
            <ul>
              {node.pods.map((pod) => (
                <li key={pod.id} data-testid="pod-item">
                  <span aria-hidden="true">{pod.ready ? '●' : '○'}</span> {pod.name} <span className="muted">{pod.namespace} · {pod.ip} · {pod.ready ? 'Ready' : 'Not ready'}</span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h3>Services</h3>
      <ul>
        {summary.services.map((svc) => (
          <li key={svc.id}>
            <strong>{svc.name}</strong> <span className="muted">{svc.namespace} · {svc.type} {svc.clusterIP} · {svc.ports}</span>{' '}
            <span className={svc.endpoints === 0 ? 'status-bad' : 'status-ok'}>{svc.endpoints === 0 ? '✕ no ready endpoints' : `✓ ${svc.endpoints} endpoint${svc.endpoints === 1 ? '' : 's'}`}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
