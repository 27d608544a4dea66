// The informer caches CoreDNS keeps (services, endpoints by service and by IP, namespaces),
// plus what public DNS knows, built once per cluster.

import { parseIPv4 } from '../net/ip.ts';
import type { Cluster, Service } from '../types.ts';
import { dashedIP, normalizeName } from './names.ts';
import type { DnsIndex, IndexedEndpoint } from './types.ts';

/** The kube-dns ClusterIP the contract fixes, used when the Service is missing. */
export const DEFAULT_CLUSTER_DNS_IP = '10.96.0.10';

/** Label of the CoreDNS pods (kubeadm keeps kube-dns' label for compatibility). */
const COREDNS_POD_LABEL = ['k8s-app', 'kube-dns'] as const;

/** The kubelet's clusterDNS: the ClusterIP of kube-system/kube-dns. */
export function clusterDnsIP(services: Service[]): string {
  const svc = services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns');
  return svc && parseIPv4(svc.clusterIP) !== undefined ? svc.clusterIP : DEFAULT_CLUSTER_DNS_IP;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the lookup tables every DNS query uses; `publicHosts` are extra public names
 * (Ingress and Gateway hostnames -> the controller's address). */
export function indexDns(cluster: Cluster, publicHosts?: Record<string, string>): DnsIndex {
  const services = new Map<string, Service>();
  const servicesByIP = new Map<string, Service>();
  for (const svc of cluster.services) {
    services.set(`${svc.namespace}/${svc.name}`, svc);
    if (svc.type !== 'ExternalName' && parseIPv4(svc.clusterIP) !== undefined && !servicesByIP.has(svc.clusterIP)) {
      servicesByIP.set(svc.clusterIP, svc);
    }
  }

  const slices = new Map<string, Cluster['endpointSlices']>();
  const endpointsByIP = new Map<string, IndexedEndpoint[]>();
  for (const slice of cluster.endpointSlices) {
    // CoreDNS reads address endpoints only; FQDN slices are not modelled.
    if (slice.addressType === 'FQDN') continue;
    push(slices, `${slice.namespace}/${slice.serviceName}`, slice);
    for (const ep of slice.endpoints) {
      // CoreDNS drops not-ready endpoints when it converts a slice (EndpointSliceToEndpoints).
      if (!ep.conditions.ready) continue;
      for (const ip of ep.addresses) {
        push(endpointsByIP, ip, {
          ip,
          namespace: slice.namespace,
          serviceName: slice.serviceName,
          hostname: ep.hostname || dashedIP(ip),
          slice: slice.name,
        });
      }
    }
  }

  const clusterDns = clusterDnsIP(cluster.services);
  const clusterDnsServers = new Set<string>([clusterDns]);
  const podsByIP = new Map<string, Cluster['pods']>();
  for (const pod of cluster.pods) {
    if (!pod.podIP) continue;
    push(podsByIP, pod.podIP, pod);
    if (pod.namespace === 'kube-system' && pod.labels[COREDNS_POD_LABEL[0]] === COREDNS_POD_LABEL[1] && !pod.hostNetwork) {
      clusterDnsServers.add(pod.podIP);
    }
  }

  const nodesByName = new Map<string, Cluster['nodes'][number]>();
  const nodesByIP = new Map<string, Cluster['nodes'][number]>();
  for (const node of cluster.nodes) {
    nodesByName.set(node.name.toLowerCase(), node);
    if (node.internalIP) nodesByIP.set(node.internalIP, node);
  }

  const hosts = new Map<string, string>();
  for (const [name, address] of Object.entries(publicHosts ?? {})) hosts.set(normalizeName(name), address);

  return {
    zone: normalizeName(cluster.settings.clusterDomain || 'cluster.local'),
    clusterDnsIP: clusterDns,
    clusterDnsServers,
    namespaces: new Set(cluster.namespaces.map((n) => n.name)),
    services,
    slices,
    servicesByIP,
    endpointsByIP,
    podsByIP,
    nodesByName,
    nodesByIP,
    publicHosts: hosts,
    answers: new Map(),
    podResolvers: new WeakMap(),
  };
}
