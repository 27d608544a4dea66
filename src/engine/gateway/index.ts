// The Gateway API as the contract's `gateway-api` addon runs it: a controller that accepts every
// GatewayClass, programs each Gateway onto its own Envoy data plane in `gateway-system`, writes the
// status conformant implementations write, and routes requests as the spec orders them.
import type { L7Proxy } from '../l7/types.ts';
import type { Cluster } from '../types.ts';
import { handleGatewayRequest } from './dataplane.ts';
import { createEndpointPicker } from './endpoints.ts';
import { ANY_HOST } from './hostnames.ts';
import { reconcileGatewayApi, type GatewayControllerModel } from './model.ts';
import { describeRouteAttachments, gatewayApiConditions, type GatewayAttachmentView } from './status.ts';

export { reconcileGatewayApi, describeRouteAttachments, gatewayApiConditions };
export type { GatewayControllerModel, GatewayAttachmentView };
export type { ListenerView, ListenerRouteView } from './status.ts';

/** The Gateway API model over a cluster: reconciled once, then asked per request. */
export function createGatewayProxy(cluster: Cluster): L7Proxy {
  const model = reconcileGatewayApi(cluster);
  const endpoints = createEndpointPicker(cluster);
  return {
    servesPod: (pod) => model.dataPlanes.has(pod.createdBy),
    handle: (pod, request, state) => {
      const plane = model.dataPlanes.get(pod.createdBy);
      if (!plane) return { hops: [], response: { status: 404, body: 'Not Found' } };
      return handleGatewayRequest(plane, pod, request, state, endpoints);
    },
    publicHosts: () => gatewayPublicHosts(model),
    conditions: (ref, parent) => gatewayApiConditions(model, ref, parent),
  };
}

/** The route-attachment view of a cluster (for the UI): per Gateway listener, which routes attached
 * and why the others did not. */
export function routeAttachmentView(cluster: Cluster): GatewayAttachmentView[] {
  return describeRouteAttachments(reconcileGatewayApi(cluster));
}

/** Hostnames public DNS publishes for programmed Gateways (as ExternalDNS does with its
 * gateway-httproute source): listener hostnames and the hostnames attached routes serve there. */
export function gatewayPublicHosts(model: GatewayControllerModel): Record<string, string> {
  const hosts: Record<string, string> = {};
  const publish = (host: string | undefined, address: string) => {
    if (host && host !== ANY_HOST && !host.startsWith('*') && hosts[host] === undefined) hosts[host] = address;
  };
  for (const gw of model.gateways) {
    const programmed = gw.conditions.some((c) => c.type === 'Programmed' && c.status === 'True');
    if (!programmed || !gw.address) continue;
    const plane = model.dataPlanes.get(gw.dataPlane);
    for (const indexes of plane?.byPort.values() ?? []) {
      for (const index of indexes) {
        if (!index.listener.programmed) continue;
        publish(index.listener.hostname, gw.address);
        for (const host of index.exact.keys()) publish(host, gw.address);
      }
    }
  }
  return hosts;
}
