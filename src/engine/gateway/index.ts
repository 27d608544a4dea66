import type { L7Proxy } from '../l7/types.ts';
import type { Cluster } from '../types.ts';

/** The Gateway API model over a cluster (placeholder until the Gateway module lands). */
export function createGatewayProxy(_cluster: Cluster): L7Proxy {
  return { servesPod: () => false, handle: () => ({ hops: [], response: { status: 404, body: 'not found' } }), publicHosts: () => ({}), conditions: () => undefined };
}
