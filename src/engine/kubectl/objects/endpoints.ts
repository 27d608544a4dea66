// v1 Endpoints, which the endpoints controller still writes next to EndpointSlices: one object
// per Service with a selector, its addresses grouped into subsets by port set, plus the
// Endpoints objects written by hand for selector-less Services.

import type { Cluster, Labels, Protocol } from '../../types.ts';
import { list, record } from '../../json.ts';

export interface EndpointsPort {
  name: string;
  port: number;
  protocol: Protocol;
}

export interface EndpointsAddress {
  ip: string;
  nodeName?: string;
  hostname?: string;
  targetRef?: { kind: string; namespace: string; name: string };
}

/** One subset: addresses that share a set of ports. */
export interface EndpointsSubset {
  addresses: EndpointsAddress[];
  notReadyAddresses: EndpointsAddress[];
  ports: EndpointsPort[];
}

export interface EndpointsData {
  namespace: string;
  name: string;
  labels: Labels;
  subsets: EndpointsSubset[];
}

// addrsByIPAndUID compares IPs as strings.
const byIP = (a: EndpointsAddress, b: EndpointsAddress) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0);

/** The Endpoints objects of a cluster, sorted by namespace and name. */
export function computeEndpoints(cluster: Cluster): EndpointsData[] {
  const out: EndpointsData[] = [];
  const written = new Map<string, Record<string, unknown>>();
  for (const o of cluster.objects) if (o.accepted && o.kind === 'Endpoints') written.set(`${o.namespace ?? 'default'}/${o.name}`, o.object as Record<string, unknown>);
  for (const svc of cluster.services) {
    const key = `${svc.namespace}/${svc.name}`;
    if (svc.type === 'ExternalName') continue;
    if (!svc.selector) {
      // Selector-less: the kubernetes Service's endpoints are the API server's; others only exist when written.
      const manual = written.get(key);
      if (svc.namespace === 'default' && svc.name === 'kubernetes') out.push(fromSlices(cluster, svc.namespace, svc.name, { 'endpointslice.kubernetes.io/skip-mirror': 'true' }, false));
      else if (manual) out.push(fromManifest(svc.namespace, svc.name, manual));
      continue;
    }
    const labels: Labels = { ...svc.labels };
    if (svc.clusterIP === 'None') labels['service.kubernetes.io/headless'] = '';
    out.push({ ...fromSlices(cluster, svc.namespace, svc.name, {}, svc.publishNotReadyAddresses), labels });
  }
  return out.sort((a, b) => (a.namespace === b.namespace ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.namespace.localeCompare(b.namespace)));
}

function fromSlices(cluster: Cluster, namespace: string, service: string, labels: Labels, publishNotReady: boolean): EndpointsData {
  const subsets = new Map<string, EndpointsSubset>();
  for (const slice of cluster.endpointSlices) {
    if (slice.namespace !== namespace || slice.serviceName !== service) continue;
    if (slice.managedBy !== 'endpointslice-controller.k8s.io') continue;
    const ports = [...slice.ports].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.port - b.port));
    const key = JSON.stringify(ports);
    let subset = subsets.get(key);
    if (!subset) subsets.set(key, (subset = { addresses: [], notReadyAddresses: [], ports: ports.map((p) => ({ ...p })) }));
    for (const ep of slice.endpoints) {
      // The endpoints controller leaves terminating pods out unless the Service publishes not-ready addresses.
      if (ep.conditions.terminating && !publishNotReady) continue;
      for (const ip of ep.addresses) {
        const addr: EndpointsAddress = { ip, ...(ep.nodeName ? { nodeName: ep.nodeName } : {}), ...(ep.hostname ? { hostname: ep.hostname } : {}), ...(ep.targetRef ? { targetRef: ep.targetRef } : {}) };
        if (ep.conditions.ready || publishNotReady) subset.addresses.push(addr);
        else subset.notReadyAddresses.push(addr);
      }
    }
  }
  const list = [...subsets.values()].filter((s) => s.addresses.length + s.notReadyAddresses.length > 0);
  for (const s of list) {
    s.addresses.sort(byIP);
    s.notReadyAddresses.sort(byIP);
  }
  return { namespace, name: service, labels, subsets: list };
}

function fromManifest(namespace: string, name: string, obj: Record<string, unknown>): EndpointsData {
  const subsets = list(obj.subsets).map((s) => {
    const subset = record(s);
    const addresses = (key: string) =>
      list(subset[key])
        .map(record)
        .filter((a) => typeof a.ip === 'string')
        .map((a) => ({ ip: String(a.ip), ...(typeof a.nodeName === 'string' ? { nodeName: a.nodeName } : {}), ...(typeof a.hostname === 'string' ? { hostname: a.hostname } : {}) }));
    return {
      addresses: addresses('addresses'),
      notReadyAddresses: addresses('notReadyAddresses'),
      ports: list(subset.ports)
        .map(record)
        .map((p) => ({ name: typeof p.name === 'string' ? p.name : '', port: Number(p.port), protocol: (p.protocol === 'UDP' || p.protocol === 'SCTP' ? p.protocol : 'TCP') as Protocol })),
    };
  });
  return { namespace, name, labels: Object.fromEntries(Object.entries(record(record(obj.metadata).labels)).map(([k, v]) => [k, String(v)])), subsets };
}
