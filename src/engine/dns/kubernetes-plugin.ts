// CoreDNS' kubernetes plugin as kubeadm configures it (`pods insecure`, `ttl 30`): how a name in
// the cluster zone maps to Services, EndpointSlices and pod IPs (parse.go, kubernetes.go, reverse.go).

import type { EndpointSlice, Service } from '../types.ts';
import { dashedIP, ipFamily, ipFromPodLabel } from './names.ts';
import type { DnsIndex, DnsReason } from './types.ts';

/** kubeadm's Corefile sets `ttl 30` in the kubernetes block (the plugin's own default is 5). */
export const CLUSTER_TTL = 30;

/** A query name taken apart as parseRequest does:
 * `_port._protocol.service.namespace.svc|pod.zone`, `endpoint.service.namespace.svc.zone`,
 * `service.namespace.svc|pod.zone`. */
export interface RecordRequest {
  port: string;
  protocol: string;
  endpoint: string;
  service: string;
  namespace: string;
  /** Empty for the zone apex and `svc.<zone>`/`pod.<zone>`: names that exist but hold nothing. */
  podOrSvc: '' | 'svc' | 'pod';
}

/** What the backend found for a name: `host` is an address, or a name for a CNAME; `target` is
 * the owner name an SRV record points at. Port -1 marks an object without ports. */
export interface BackendRecord {
  host: string;
  port: number;
  target: string;
}

export interface BackendAnswer {
  records: BackendRecord[];
  /** True when the name does not exist (NXDOMAIN); false with no records is NODATA. */
  nameError: boolean;
  reasons: DnsReason[];
}

const stripUnderscore = (s: string): string => (s.startsWith('_') ? s.slice(1) : s);

/** Splits a name below the zone into its parts; undefined when it cannot be a cluster name
 * (errInvalidRequest: the second-level label is neither `svc` nor `pod`, or too many labels). */
export function parseRequest(base: string): RecordRequest | undefined {
  const r: RecordRequest = { port: '', protocol: '', endpoint: '', service: '', namespace: '', podOrSvc: '' };
  if (base === '' || base === 'svc' || base === 'pod') return r;
  const segs = base.split('.');
  let last = segs.length - 1;
  const kind = segs[last];
  if (kind !== 'svc' && kind !== 'pod') return undefined;
  r.podOrSvc = kind;
  if (--last < 0) return r;
  r.namespace = segs[last]!;
  if (--last < 0) return r;
  r.service = segs[last]!;
  if (--last < 0) return r;
  if (last === 0) {
    r.endpoint = segs[0]!;
  } else if (last === 1) {
    r.protocol = stripUnderscore(segs[1]!);
    r.port = stripUnderscore(segs[0]!);
  } else {
    return undefined;
  }
  return r;
}

const nameError = (reasons: DnsReason[]): BackendAnswer => ({ records: [], nameError: true, reasons });
const noData = (reasons: DnsReason[]): BackendAnswer => ({ records: [], nameError: false, reasons });

/** The records the kubernetes plugin holds for a name in the cluster zone (Kubernetes.Records). */
export function kubernetesRecords(index: DnsIndex, name: string): BackendAnswer {
  const base = name === index.zone ? '' : name.slice(0, -(index.zone.length + 1));
  const r = parseRequest(base);
  if (!r) {
    return nameError([{ ref: 'configmap/kube-system/coredns', detail: `${name} is not a cluster name: they read <service>.<namespace>.svc.${index.zone} or <dashed-ip>.<namespace>.pod.${index.zone}` }]);
  }
  if (r.podOrSvc === '') return noData([{ ref: 'configmap/kube-system/coredns', detail: `${name} exists in the cluster zone but holds no records` }]);
  if (!index.namespaces.has(r.namespace)) {
    return nameError([{ ref: `namespace/${r.namespace}`, detail: `namespace "${r.namespace}" does not exist` }]);
  }
  return r.podOrSvc === 'pod' ? findPods(index, r) : findServices(index, r);
}

/** `pods insecure`: any well-formed dashed IP in an existing namespace answers, whether or not a pod has it. */
function findPods(index: DnsIndex, r: RecordRequest): BackendAnswer {
  if (r.service === '') return noData([{ ref: `namespace/${r.namespace}`, detail: `${r.namespace}.pod.${index.zone} holds no records itself` }]);
  const ip = ipFromPodLabel(r.service);
  const target = `${r.service}.${r.namespace}.pod.${index.zone}`;
  if (ip === undefined) {
    return nameError([{ ref: `namespace/${r.namespace}`, detail: `"${r.service}" is not an IP address with dashes (like 10-244-0-5)` }]);
  }
  const pod = index.podsByIP.get(ip)?.find((p) => p.namespace === r.namespace && !p.hostNetwork);
  const reason: DnsReason = pod
    ? { ref: `pod/${pod.namespace}/${pod.name}`, detail: `pod A record: ${target} -> ${ip} (pod ${pod.namespace}/${pod.name} has this IP)` }
    : { ref: `namespace/${r.namespace}`, detail: `pod A record: ${target} -> ${ip}; with "pods insecure" CoreDNS answers without checking that a pod has this IP` };
  return { records: [{ host: ip, port: 0, target }], nameError: false, reasons: [reason] };
}

function matchPortAndProtocol(r: RecordRequest, name: string, protocol: string): boolean {
  return (r.port === '' || r.port === name.toLowerCase()) && (r.protocol === '' || r.protocol === protocol.toLowerCase());
}

function findServices(index: DnsIndex, r: RecordRequest): BackendAnswer {
  if (r.service === '') return noData([{ ref: `namespace/${r.namespace}`, detail: `${r.namespace}.svc.${index.zone} holds no records itself` }]);
  const svc = index.services.get(`${r.namespace}/${r.service}`);
  const ref = `service/${r.namespace}/${r.service}`;
  if (!svc) return nameError([{ ref, detail: `no Service "${r.service}" in namespace "${r.namespace}"` }]);
  const domain = `${svc.name}.${svc.namespace}.svc.${index.zone}`;

  if (svc.type === 'ExternalName') {
    // ExternalName Services have no endpoints, ports or protocol labels below them.
    if (r.endpoint !== '' || r.port !== '' || r.protocol !== '') {
      return nameError([{ ref, detail: `ExternalName Service "${svc.name}" has no names below ${domain}` }]);
    }
    const external = svc.externalName ?? '';
    if (external === '') return nameError([{ ref, detail: `ExternalName Service "${svc.name}" has no externalName` }]);
    if (ipFamily(external) !== undefined) {
      return nameError([{ ref, detail: `externalName "${external}" is an IP address: CoreDNS only serves an ExternalName as a CNAME to a DNS name, so the name does not resolve` }]);
    }
    return { records: [{ host: external, port: -1, target: domain }], nameError: false, reasons: [{ ref, detail: `ExternalName Service: ${domain} is a CNAME to ${external}` }] };
  }

  if (svc.clusterIP === 'None' || r.endpoint !== '') return findEndpoints(index, r, svc, domain, ref);

  if (!svc.clusterIP) return nameError([{ ref, detail: `Service "${svc.name}" has no clusterIP` }]);
  const records: BackendRecord[] = [];
  const ports = svc.ports.length ? svc.ports : [{ name: '', protocol: 'TCP', port: -1 }];
  for (const p of ports) {
    if (matchPortAndProtocol(r, p.name, p.protocol)) records.push({ host: svc.clusterIP, port: p.port, target: domain });
  }
  if (records.length === 0) return nameError([{ ref, detail: `Service "${svc.name}" has no port named "${r.port}" with protocol ${r.protocol.toUpperCase()}` }]);
  const detail = hasReadyEndpoints(index, svc)
    ? `${svc.type} Service: ${domain} -> its clusterIP ${svc.clusterIP}`
    : `${svc.type} Service: ${domain} -> its clusterIP ${svc.clusterIP}; it has no ready endpoints, but the name resolves all the same`;
  return { records, nameError: false, reasons: [{ ref, detail }] };
}

function hasReadyEndpoints(index: DnsIndex, svc: Service): boolean {
  const slices = index.slices.get(`${svc.namespace}/${svc.name}`) ?? [];
  return slices.some((s) => s.endpoints.some((e) => e.conditions.ready && e.addresses.length > 0));
}

/** Headless Services, and `<hostname>.<service>` names of any Service: one record per ready
 * endpoint address and port. Not-ready endpoints are invisible to CoreDNS. */
function findEndpoints(index: DnsIndex, r: RecordRequest, svc: Service, domain: string, ref: string): BackendAnswer {
  const slices: EndpointSlice[] = index.slices.get(`${svc.namespace}/${svc.name}`) ?? [];
  const records: BackendRecord[] = [];
  const reasons: DnsReason[] = [];
  for (const slice of slices) {
    const ports = slice.ports.length ? slice.ports : [{ name: '', protocol: '', port: -1 }];
    const used: string[] = [];
    const skipped: string[] = [];
    for (const ep of slice.endpoints) {
      for (const ip of ep.addresses) {
        const hostname = ep.hostname || dashedIP(ip);
        if (r.endpoint !== '' && r.endpoint !== hostname.toLowerCase()) continue;
        if (!ep.conditions.ready) {
          skipped.push(describeEndpoint(ip, ep.targetRef));
          continue;
        }
        let matched = false;
        for (const p of ports) {
          if (!matchPortAndProtocol(r, p.name, p.protocol)) continue;
          records.push({ host: ip, port: p.port, target: `${hostname}.${domain}` });
          matched = true;
        }
        if (matched) used.push(ep.hostname ? `${ep.hostname} -> ${describeEndpoint(ip, ep.targetRef)}` : describeEndpoint(ip, ep.targetRef));
      }
    }
    if (used.length || skipped.length) {
      const parts = [];
      if (used.length) parts.push(`ready: ${used.join(', ')}`);
      if (skipped.length) parts.push(`not ready, so not served: ${skipped.join(', ')}`);
      reasons.push({ ref: `endpointslice/${slice.namespace}/${slice.name}`, detail: parts.join('; ') });
    }
  }
  const what = svc.clusterIP === 'None' ? 'headless Service (clusterIP: None)' : 'Service';
  if (records.length === 0) {
    const detail = r.endpoint !== ''
      ? `${what} "${svc.name}" has no ready endpoint named "${r.endpoint}"`
      : `${what} "${svc.name}" has no ready endpoints${r.port ? ` with port "${r.port}"` : ''}, so the name does not exist (NXDOMAIN)`;
    return nameError([{ ref, detail }, ...reasons]);
  }
  const detail = r.endpoint !== '' ? `${what}: endpoint ${r.endpoint}.${domain}` : `${what}: ${domain} answers with its ready endpoints`;
  return { records, nameError: false, reasons: [{ ref, detail }, ...reasons] };
}

function describeEndpoint(ip: string, targetRef: EndpointSlice['endpoints'][number]['targetRef']): string {
  return targetRef?.kind === 'Pod' ? `${ip} (pod ${targetRef.namespace}/${targetRef.name})` : ip;
}

/** PTR data for an address (serviceRecordForIP): the Service whose ClusterIP it is, else every
 * ready endpoint with it (`<hostname>.<service>.<ns>.svc.<zone>`). */
export function reverseRecords(index: DnsIndex, ip: string): BackendAnswer {
  const svc = index.servicesByIP.get(ip);
  if (svc) {
    const domain = `${svc.name}.${svc.namespace}.svc.${index.zone}`;
    return { records: [{ host: domain, port: 0, target: domain }], nameError: false, reasons: [{ ref: `service/${svc.namespace}/${svc.name}`, detail: `${ip} is the ClusterIP of Service ${svc.namespace}/${svc.name}` }] };
  }
  const endpoints = index.endpointsByIP.get(ip) ?? [];
  if (endpoints.length === 0) return nameError([{ ref: 'configmap/kube-system/coredns', detail: `${ip} is neither a Service ClusterIP nor a ready endpoint address (CoreDNS has no PTR for pod IPs as such)` }]);
  // One PTR per distinct name, sorted (CoreDNS' index order is arbitrary).
  const byName = new Map<string, DnsReason>();
  for (const ep of endpoints) {
    const domain = `${ep.hostname}.${ep.serviceName}.${ep.namespace}.svc.${index.zone}`;
    if (!byName.has(domain)) byName.set(domain, { ref: `endpointslice/${ep.namespace}/${ep.slice}`, detail: `${ip} is a ready endpoint of Service ${ep.namespace}/${ep.serviceName}` });
  }
  const names = [...byName.keys()].sort();
  return { records: names.map((domain) => ({ host: domain, port: 0, target: domain })), nameError: false, reasons: names.map((domain) => byName.get(domain)!) };
}
