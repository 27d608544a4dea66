// Upstreams: one per Service port an Ingress references, with the endpoints the controller reads
// from the EndpointSlices (createUpstreams, serviceEndpoints and getEndpointsFromSlices in
// ingress-nginx's controller). ingress-nginx balances over pod IPs itself; the ClusterIP is not used.
import type { Cluster, EndpointSlice, Pod, Service, ServicePort } from '../types.ts';
import { backendPortString, upstreamName } from './ingresses.ts';
import type { IngressRecord, ServiceBackendRef, Upstream, UpstreamEndpoint } from './types.ts';

/** Lookups over the reconciled cluster the upstreams need. */
export interface ClusterIndex {
  services: Map<string, Service>;
  slices: Map<string, EndpointSlice[]>;
  podsByRef: Map<string, Pod>;
  podsByIP: Map<string, Pod>;
}

/** Indexes Services, EndpointSlices and pods by `<ns>/<name>`. */
export function indexCluster(cluster: Cluster): ClusterIndex {
  const services = new Map(cluster.services.map((s) => [`${s.namespace}/${s.name}`, s] as const));
  const slices = new Map<string, EndpointSlice[]>();
  for (const slice of cluster.endpointSlices) {
    const key = `${slice.namespace}/${slice.serviceName}`;
    const list = slices.get(key);
    if (list) list.push(slice);
    else slices.set(key, [slice]);
  }
  const podsByRef = new Map<string, Pod>();
  const podsByIP = new Map<string, Pod>();
  for (const pod of cluster.pods) {
    podsByRef.set(`${pod.namespace}/${pod.name}`, pod);
    if (pod.podIP && !pod.hostNetwork && !podsByIP.has(pod.podIP)) podsByIP.set(pod.podIP, pod);
  }
  return { services, slices, podsByRef, podsByIP };
}

/** createUpstreams: an upstream per referenced Service port, in Ingress order (the first reference
 * creates it; a defaultBackend recreates it); canary Ingresses' upstreams carry their policy and
 * get no server of their own. */
export function createUpstreams(ingresses: IngressRecord[], idx: ClusterIndex): Map<string, Upstream> {
  const upstreams = new Map<string, Upstream>();
  for (const ing of ingresses) {
    const canary = ing.annotations.canary;
    const service = ing.spec.defaultBackend?.service;
    if (service) upstreams.set(upstreamName(ing.namespace, service), newUpstream(ing, service, idx));
    for (const rule of ing.spec.rules) {
      for (const path of rule.paths ?? []) {
        if (!path.service) continue;
        const name = upstreamName(ing.namespace, path.service);
        if (upstreams.has(name)) continue;
        upstreams.set(name, newUpstream(ing, path.service, idx));
      }
    }
    if (!canary) continue;
    // Canary upstreams are marked after creation, as createUpstreams does inside each branch.
    for (const ref of canaryBackends(ing)) {
      const ups = upstreams.get(upstreamName(ing.namespace, ref));
      if (ups && ups.ingress === ing) {
        ups.noServer = true;
        ups.canary = canary;
      }
    }
  }
  return upstreams;
}

function canaryBackends(ing: IngressRecord): ServiceBackendRef[] {
  const refs: ServiceBackendRef[] = [];
  if (ing.spec.defaultBackend?.service) refs.push(ing.spec.defaultBackend.service);
  for (const rule of ing.spec.rules) for (const path of rule.paths ?? []) if (path.service) refs.push(path.service);
  return refs;
}

function newUpstream(ing: IngressRecord, ref: ServiceBackendRef, idx: ClusterIndex): Upstream {
  const ups: Upstream = {
    name: upstreamName(ing.namespace, ref),
    namespace: ing.namespace,
    serviceName: ref.name,
    port: ref.port.number ?? ref.port.name ?? '',
    endpoints: [],
    noServer: false,
    alternatives: [],
    ingress: ing,
    field: ref.field,
  };
  const svcKey = `${ing.namespace}/${ref.name}`;
  const svc = idx.services.get(svcKey);
  if (!svc) {
    ups.problem = { kind: 'service-not-found', message: `Service "${svcKey}" not found` };
    return ups;
  }
  ups.service = svc;
  if (svc.type === 'ExternalName') {
    ups.problem = { kind: 'external-name', message: `Service ${svcKey} is ExternalName (${svc.externalName ?? ''}): ingress-nginx would resolve that name and proxy outside the cluster, which public DNS here does not know` };
    return ups;
  }
  const backendPort = backendPortString(ref);
  // serviceEndpoints matches the backend port against the port number, the targetPort and the name.
  const port = svc.ports.find((p) => String(p.port) === backendPort || String(p.targetPort) === backendPort || p.name === backendPort);
  if (!port) {
    const known = svc.ports.map((p) => (p.name ? `${p.name} (${p.port})` : String(p.port))).join(', ') || 'none';
    ups.problem = { kind: 'port-not-found', message: `Service ${svcKey} has no port ${ref.port.number ?? `named "${ref.port.name ?? ''}"`} (its ports: ${known})` };
    return ups;
  }
  ups.servicePort = port;
  ups.endpoints = endpointsFromSlices(idx.slices.get(svcKey) ?? [], port, idx);
  if (ups.endpoints.length === 0) ups.problem = { kind: 'no-ready-endpoints', message: `Service ${svcKey} port ${port.name || port.port} has no ready endpoints` };
  return ups;
}

/** getEndpointsFromSlices: ready endpoints (conditions.ready false is skipped; there is no
 * fallback to terminating ones), the slice port matched by the Service port's name. */
export function endpointsFromSlices(slices: EndpointSlice[], port: ServicePort, idx: ClusterIndex): UpstreamEndpoint[] {
  const out: UpstreamEndpoint[] = [];
  const seen = new Set<string>();
  const numericTarget = typeof port.targetPort === 'number' ? port.targetPort : undefined;
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    const ports: number[] = [];
    if (slice.ports.length === 0 && numericTarget !== undefined) ports.push(numericTarget);
    for (const p of slice.ports) {
      if (p.protocol !== 'TCP') continue;
      let target = port.name === '' || port.name === p.name ? p.port : 0;
      // ingress-nginx#7390: no name matched, so a numeric targetPort is used as it is.
      if (target === 0 && numericTarget !== undefined) target = numericTarget;
      if (target !== 0) ports.push(target);
    }
    for (const ep of slice.endpoints) {
      if (!ep.conditions.ready) continue;
      for (const target of ports) {
        for (const ip of ep.addresses) {
          const key = `${ip}:${target}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const pod = ep.targetRef?.kind === 'Pod' ? idx.podsByRef.get(`${ep.targetRef.namespace}/${ep.targetRef.name}`) : idx.podsByIP.get(ip);
          out.push({ ip, port: target, ...(pod ? { pod } : {}), slice: slice.name });
        }
      }
    }
  }
  return out;
}
