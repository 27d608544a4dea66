import { createGatewayProxy } from '../gateway/index.ts';
import { createIngressNginxProxy } from '../ingress/index.ts';
import type { Cluster } from '../types.ts';
import type { L7Proxy } from './types.ts';

/** Every L7 proxy model the engine has, built over one cluster. */
export function createL7Proxies(cluster: Cluster): L7Proxy[] {
  return [createIngressNginxProxy(cluster), createGatewayProxy(cluster)];
}
