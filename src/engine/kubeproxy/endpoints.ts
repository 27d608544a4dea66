import type { Cluster, EndpointSlice, Protocol, Service, ServicePort } from '../types.ts';

/** One backend of one Service port, flattened from the EndpointSlices kube-proxy watches. */
export interface ServiceEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  /** `<ns>/<name>` of the backing pod, when the endpoint points at one. */
  pod?: string;
  /** The EndpointSlice it came from. */
  slice: string;
}

/** `ns/name:port` as kube-proxy's ServicePortName prints it (port name may be empty). */
export function servicePortName(svc: Service, port: ServicePort): string {
  return `${svc.namespace}/${svc.name}${port.name ? `:${port.name}` : ''}`;
}

/** The endpoints of one Service port, merged from every slice of the Service as kube-proxy's
 * EndpointSliceCache does (a slice's port is matched by name and protocol; duplicates collapse). */
export function endpointsForServicePort(slices: EndpointSlice[], svc: Service, port: ServicePort): ServiceEndpoint[] {
  const seen = new Map<string, ServiceEndpoint>();
  for (const slice of slices) {
    if (slice.namespace !== svc.namespace || slice.serviceName !== svc.name) continue;
    if (slice.addressType !== 'IPv4') continue;
    const slicePort = slice.ports.find((p) => p.name === port.name && p.protocol === port.protocol);
    if (!slicePort) continue;
    for (const ep of slice.endpoints) {
      for (const ip of ep.addresses) {
        const key = `${ip}:${slicePort.port}`;
        if (seen.has(key)) continue;
        seen.set(key, {
          ip,
          port: slicePort.port,
          nodeName: ep.nodeName,
          ready: ep.conditions.ready,
          serving: ep.conditions.serving,
          terminating: ep.conditions.terminating,
          pod: ep.targetRef?.kind === 'Pod' ? `${ep.targetRef.namespace}/${ep.targetRef.name}` : undefined,
          slice: slice.name,
        });
      }
    }
  }
  return [...seen.values()].sort(compareEndpoints);
}

function compareEndpoints(a: ServiceEndpoint, b: ServiceEndpoint): number {
  return a.ip === b.ip ? a.port - b.port : compareIPs(a.ip, b.ip);
}

function compareIPs(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** What pkg/proxy/topology.go's CategorizeEndpoints returns for one node. */
export interface CategorizedEndpoints {
  /** Used for traffic that may go to any node (externalTrafficPolicy/internalTrafficPolicy Cluster). */
  clusterEndpoints: ServiceEndpoint[];
  /** Used for traffic that must stay on this node (policy Local); only when the Service uses it. */
  localEndpoints: ServiceEndpoint[];
  /** Every endpoint some traffic may reach. */
  allReachableEndpoints: ServiceEndpoint[];
  /** Whether any usable endpoint exists anywhere: false makes kube-proxy REJECT, true with no
   * local endpoint makes Local traffic DROP. */
  hasAnyEndpoints: boolean;
  /** True when ready endpoints were missing and serving-terminating ones were used instead. */
  usedTerminatingFallback: boolean;
}

/** Whether the Service can be reached from outside the cluster (NodePort, LoadBalancer, externalIPs). */
export function externallyAccessible(svc: Service): boolean {
  return svc.type === 'NodePort' || svc.type === 'LoadBalancer' || svc.externalIPs.length > 0;
}

/** externalTrafficPolicy: Local only means something for externally accessible Services. */
export function externalPolicyLocal(svc: Service): boolean {
  return externallyAccessible(svc) && svc.externalTrafficPolicy === 'Local';
}

export function internalPolicyLocal(svc: Service): boolean {
  return svc.internalTrafficPolicy === 'Local';
}

/** Splits a Service port's endpoints the way pkg/proxy/topology.go's CategorizeEndpoints does for
 * `nodeName`: ready endpoints, falling back to serving-terminating ones when none is ready
 * (KEP-1669), and local ones when a traffic policy is Local. Topology hints are not modelled. */
export function categorizeEndpoints(endpoints: ServiceEndpoint[], svc: Service, nodeName: string): CategorizedEndpoints {
  const usesCluster = !internalPolicyLocal(svc) || (externallyAccessible(svc) && !externalPolicyLocal(svc));
  const usesLocal = internalPolicyLocal(svc) || externalPolicyLocal(svc);
  let clusterEndpoints: ServiceEndpoint[] = [];
  let usedTerminatingFallback = false;
  let hasAnyEndpoints = false;
  if (usesCluster) {
    clusterEndpoints = endpoints.filter((e) => e.ready);
    if (clusterEndpoints.length === 0) {
      clusterEndpoints = endpoints.filter((e) => e.serving && e.terminating);
      usedTerminatingFallback = clusterEndpoints.length > 0;
    }
    hasAnyEndpoints = clusterEndpoints.length > 0;
  }
  if (!usesLocal) {
    return { clusterEndpoints, localEndpoints: [], allReachableEndpoints: clusterEndpoints, hasAnyEndpoints, usedTerminatingFallback };
  }
  const usable = endpoints.filter((e) => e.ready || (e.serving && e.terminating));
  if (usable.length > 0) hasAnyEndpoints = true;
  const local = endpoints.filter((e) => e.nodeName === nodeName);
  let localEndpoints = local.filter((e) => e.ready);
  if (localEndpoints.length === 0) {
    localEndpoints = local.filter((e) => e.serving && e.terminating);
    if (localEndpoints.length > 0) usedTerminatingFallback = true;
  }
  if (!usesCluster) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints, usedTerminatingFallback };
  }
  const union = new Map<string, ServiceEndpoint>();
  for (const ep of [...clusterEndpoints, ...localEndpoints]) union.set(`${ep.ip}:${ep.port}`, ep);
  return {
    clusterEndpoints,
    localEndpoints,
    allReachableEndpoints: [...union.values()].sort(compareEndpoints),
    hasAnyEndpoints,
    usedTerminatingFallback,
  };
}

/** Service protocol matching for a packet. */
export function findServicePortByNumber(svc: Service, port: number, protocol: Protocol): ServicePort | undefined {
  return svc.ports.find((p) => p.port === port && p.protocol === protocol);
}

/** Convenience: the endpoints of every port of every Service, keyed `ns/name:port/proto`. */
export function allServiceEndpoints(cluster: Cluster): Map<string, ServiceEndpoint[]> {
  const out = new Map<string, ServiceEndpoint[]>();
  for (const svc of cluster.services) {
    for (const port of svc.ports) out.set(`${servicePortName(svc, port)}/${port.protocol}`, endpointsForServicePort(cluster.endpointSlices, svc, port));
  }
  return out;
}
