// Results of DNS queries, as `dig` and the stub resolver in a pod see them.
// Every name in these results is written without its trailing dot, as `dig +short` prints targets.

import type { EndpointSlice, Node, Pod, Service } from '../types.ts';

export type DnsType = 'A' | 'AAAA' | 'SRV' | 'PTR' | 'CNAME';

export type DnsRcode = 'NOERROR' | 'NXDOMAIN';

/** One resource record of an answer section. */
export interface DnsRecord {
  /** Owner name, lower case, without the trailing dot. */
  name: string;
  type: DnsType;
  ttl: number;
  /** The record data as `dig +short` prints it, trailing dot removed (`0 100 80 web.default.svc.cluster.local`). */
  data: string;
}

/** Which object produced an answer, or why a name does not exist. */
export interface DnsReason {
  /** Check reference of the object (`service/default/web`, `pod/default/a`, `endpointslice/default/web-abc`, `namespace/x`). */
  ref: string;
  detail: string;
}

/** One query the stub resolver sent, and the response code and answers it got. NOERROR with no
 * answers is NODATA: the name exists, but has no record of the asked type. */
export interface DnsAttempt {
  /** The queried name, absolute, without the trailing dot (`web.x.svc.cluster.local`, or `web` for `web.`). */
  fqdn: string;
  rcode: DnsRcode;
  answers: DnsRecord[];
}

/** What a client's name resolution ended with. */
export interface DnsResult {
  /** The final response code. */
  rcode: DnsRcode;
  /** The answer data as `dig +short` prints it (CNAME targets included, in answer order). */
  answers: string[];
  records: DnsRecord[];
  /** The search-list expansion, in the order the stub resolver tried the names. */
  attempts: DnsAttempt[];
  /** The name that answered (absent when nothing answered). */
  resolvedName?: string;
  /** The nameserver the queries went to (the first `nameserver` of resolv.conf). */
  nameserver: string;
  reasons: DnsReason[];
}

/** A single server's answer to one query, with its reasons. */
export type DnsServerAnswer = DnsAttempt & { reasons: DnsReason[] };

/** One ready endpoint address, as CoreDNS indexes it for reverse lookups. */
export interface IndexedEndpoint {
  ip: string;
  namespace: string;
  serviceName: string;
  /** The endpoint's DNS label: its `hostname`, else its address with dashes. */
  hostname: string;
  slice: string;
}

/** Lookup tables built once per reconciled cluster so each query is a few map lookups.
 * Keys are lower case; `<ns>/<name>` for namespaced objects. */
export interface DnsIndex {
  /** The cluster domain, lower case, no trailing dot. */
  zone: string;
  /** ClusterIP of kube-system/kube-dns (the kubelet's clusterDNS). */
  clusterDnsIP: string;
  /** Addresses where CoreDNS answers: the kube-dns ClusterIP and the CoreDNS pod IPs. */
  clusterDnsServers: Set<string>;
  namespaces: Set<string>;
  services: Map<string, Service>;
  /** EndpointSlices by `<ns>/<service-name label>`, in cluster order. */
  slices: Map<string, EndpointSlice[]>;
  /** Services by ClusterIP (reverse lookups). */
  servicesByIP: Map<string, Service>;
  /** Ready endpoint addresses by IP (reverse lookups). */
  endpointsByIP: Map<string, IndexedEndpoint[]>;
  podsByIP: Map<string, Pod[]>;
  nodesByName: Map<string, Node>;
  nodesByIP: Map<string, Node>;
  /** Extra public names (Ingress and Gateway hostnames) -> address, as ExternalDNS would publish them. */
  publicHosts: Map<string, string>;
  /** Memo of server answers by `<server> <type> <name>`: answers depend only on the index, and
   * probes ask the same names again and again. Treat memoized answers as read-only. */
  answers: Map<string, DnsServerAnswer>;
  /** Memo of each pod's resolver settings (resolv.conf and how to explain it). */
  podResolvers: WeakMap<object, PodResolver>;
}

/** A pod's resolver, ready to run: resolv.conf, where its queries go, and the reason to report. */
export interface PodResolver {
  nameservers: string[];
  /** Search domains, normalized. */
  searches: string[];
  ndots: number;
  /** Whether the first nameserver is the cluster DNS (CoreDNS). */
  clusterDns: boolean;
  setup: DnsReason;
}
