import { endpointsForServicePort, servicePortName, type ServiceEndpoint } from '../kubeproxy/endpoints.ts';
import { isProxiedService } from '../kubeproxy/rules/service-ports.ts';
import type { Cluster, Node, Pod, Service, ServicePort } from '../types.ts';

/** One Service port as kube-proxy sees it, with its endpoints merged from the slices. */
export interface ServicePortEntry {
  service: Service;
  port: ServicePort;
  /** `ns/name:port` (ServicePortName). */
  name: string;
  endpoints: ServiceEndpoint[];
}

/** Lookup tables over a reconciled cluster, built once per simulation so each probe is a few map
 * lookups. Internal to the engine (it holds Maps); results stay plain data. */
export interface Dataplane {
  cluster: Cluster;
  podsByIP: Map<string, Pod>;
  podsByRef: Map<string, Pod>;
  nodesByName: Map<string, Node>;
  nodesByIP: Map<string, Node>;
  servicesByRef: Map<string, Service>;
  /** `ip:port/proto` for ClusterIPs, LoadBalancer IPs and externalIPs. */
  byClusterIP: Map<string, ServicePortEntry>;
  byLoadBalancerIP: Map<string, ServicePortEntry>;
  byExternalIP: Map<string, ServicePortEntry>;
  /** `nodePort/proto`. */
  byNodePort: Map<string, ServicePortEntry>;
  /** Every IP some Service answers on (ClusterIP, LB, externalIP), for "is this a Service address". */
  serviceIPs: Set<string>;
  loadBalancerIPs: Set<string>;
}

/** Builds the lookup tables kube-proxy, the pod network and the cloud load balancer use. */
export function createDataplane(cluster: Cluster): Dataplane {
  const dp: Dataplane = {
    cluster,
    podsByIP: new Map(),
    podsByRef: new Map(),
    nodesByName: new Map(cluster.nodes.map((n) => [n.name, n])),
    nodesByIP: new Map(cluster.nodes.map((n) => [n.internalIP, n])),
    servicesByRef: new Map(),
    byClusterIP: new Map(),
    byLoadBalancerIP: new Map(),
    byExternalIP: new Map(),
    byNodePort: new Map(),
    serviceIPs: new Set(),
    loadBalancerIPs: new Set(),
  };
  for (const pod of cluster.pods) {
    dp.podsByRef.set(`${pod.namespace}/${pod.name}`, pod);
    if (pod.podIP && !pod.hostNetwork && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') dp.podsByIP.set(pod.podIP, pod);
  }
  const slicesByService = new Map<string, Cluster['endpointSlices']>();
  for (const slice of cluster.endpointSlices) {
    const key = `${slice.namespace}/${slice.serviceName}`;
    let list = slicesByService.get(key);
    if (!list) slicesByService.set(key, (list = []));
    list.push(slice);
  }
  for (const svc of cluster.services) {
    const ref = `${svc.namespace}/${svc.name}`;
    dp.servicesByRef.set(ref, svc);
    if (!isProxiedService(svc)) continue; // headless, ExternalName and other proxies' Services
    for (const port of svc.ports) {
      const entry: ServicePortEntry = {
        service: svc,
        port,
        name: servicePortName(svc, port),
        endpoints: endpointsForServicePort(slicesByService.get(ref) ?? [], svc, port),
      };
      const key = (ip: string) => `${ip}:${port.port}/${port.protocol}`;
      if (svc.clusterIP) {
        dp.byClusterIP.set(key(svc.clusterIP), entry);
        dp.serviceIPs.add(svc.clusterIP);
      }
      for (const ip of svc.loadBalancerIPs) {
        dp.byLoadBalancerIP.set(key(ip), entry);
        dp.serviceIPs.add(ip);
        dp.loadBalancerIPs.add(ip);
      }
      for (const ip of svc.externalIPs) {
        dp.byExternalIP.set(key(ip), entry);
        dp.serviceIPs.add(ip);
      }
      if (port.nodePort) dp.byNodePort.set(`${port.nodePort}/${port.protocol}`, entry);
    }
  }
  return dp;
}
