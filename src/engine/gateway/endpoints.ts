// The data plane sends to endpoint pod IPs directly (as Envoy Gateway does, bypassing the
// ClusterIP): the ready endpoints of the backend Service port, taken in turn.
import { endpointsForServicePort, type ServiceEndpoint } from '../kubeproxy/endpoints.ts';
import type { L7State } from '../l7/types.ts';
import type { Cluster, Pod, Service, ServicePort } from '../types.ts';

/** One endpoint the data plane chose, or why there was none. */
export interface PickedEndpoint {
  pod?: Pod;
  ip: string;
  port: number;
  why: string;
}

/** Picks an endpoint of a Service port for one request. */
export type EndpointPicker = (service: Service, port: ServicePort, state: L7State) => PickedEndpoint;

/** Builds the endpoint picker of one cluster (endpoint lists are computed once per Service port). */
export function createEndpointPicker(cluster: Cluster): EndpointPicker {
  const cache = new Map<string, ServiceEndpoint[]>();
  const podsByName = new Map(cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const podsByIP = new Map<string, Pod>();
  for (const p of cluster.pods) if (p.podIP && !p.hostNetwork && !podsByIP.has(p.podIP)) podsByIP.set(p.podIP, p);
  return (service, port, state) => {
    const key = `${service.namespace}/${service.name}:${port.port}`;
    let all = cache.get(key);
    if (!all) cache.set(key, (all = endpointsForServicePort(cluster.endpointSlices, service, port)));
    const ready = all.filter((e) => e.ready);
    if (ready.length === 0) {
      const why = all.length ? `none of its ${all.length} endpoint(s) is ready` : service.type === 'ExternalName' ? 'an ExternalName Service has no endpoints' : 'it has no endpoints';
      return { ip: '', port: 0, why: `Service ${service.namespace}/${service.name} port ${port.port}: ${why}; the data plane answers 503 (no healthy upstream)` };
    }
    const counterKey = `gateway-endpoint:${key}`;
    const n = state.draws.get(counterKey) ?? 0;
    state.draws.set(counterKey, n + 1);
    const ep = ready[n % ready.length]!;
    const pod = (ep.pod ? podsByName.get(ep.pod) : undefined) ?? podsByIP.get(ep.ip);
    const why = `${ready.length} ready endpoint(s) in EndpointSlice ${ep.slice}, taken in turn`;
    if (!pod) return { ip: ep.ip, port: ep.port, why: `endpoint ${ep.ip}:${ep.port} is not a pod this cluster knows: upstream connect error, the data plane answers 503` };
    return { pod, ip: ep.ip, port: ep.port, why };
  };
}
