import type { L7Proxy } from '../l7/types.ts';
import type { Cluster } from '../types.ts';

/** The ingress-nginx model over a cluster (placeholder until the Ingress module lands). */
export function createIngressNginxProxy(_cluster: Cluster): L7Proxy {
  return { servesPod: () => false, handle: () => ({ hops: [], response: { status: 404, body: 'default backend - 404' } }), publicHosts: () => ({}), conditions: () => undefined };
}
