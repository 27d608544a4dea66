// Name resolution as a client sees it: a pod's resolver (resolv.conf from its dnsPolicy, the
// search list, then CoreDNS or the node's resolver), and a node's or an external client's
// resolver (public DNS only).

import { parseIPv4 } from '../net/ip.ts';
import type { Cluster, Pod } from '../types.ts';
import { serveClusterDns } from './coredns.ts';
import { indexDns } from './dns-index.ts';
import { normalizeName, reverseName } from './names.ts';
import { NODE_RESOLVER_IP, queryPublicDns } from './public-dns.ts';
import { ndotsOf, nodeResolverConfig, podDnsConfig } from './resolv-conf.ts';
import type { PodDnsConfig } from './resolv-conf.ts';
import { describePlan, normalizeSearches, outcomeReasons, planSearchWith, walkSearch } from './stub-resolver.ts';
import type { DnsIndex, DnsReason, DnsResult, DnsServerAnswer, DnsType, PodResolver } from './types.ts';

const RESOLVER_REF = 'resolver';

function describePodConfig(pod: Pod, config: PodDnsConfig, clusterDns: boolean): string {
  const conf = `nameserver ${config.nameservers[0] ?? '(none)'}${config.searches.length ? `, search ${config.searches.join(' ')}` : ''}${config.options.length ? `, options ${config.options.join(' ')}` : ''}`;
  const server = clusterDns ? 'the cluster DNS (CoreDNS)' : 'a resolver outside the cluster';
  switch (config.dnsType) {
    case 'cluster':
      return `dnsPolicy ${pod.dnsPolicy}: resolv.conf has ${conf}; queries go to ${server}`;
    case 'host':
      return pod.dnsPolicy === 'ClusterFirst'
        ? `dnsPolicy ClusterFirst on a hostNetwork pod falls back to Default: the node's resolv.conf (${conf}), so cluster names do not resolve (use ClusterFirstWithHostNet)`
        : `dnsPolicy Default: the node's resolv.conf (${conf}); queries go to ${server}, so cluster names do not resolve`;
    case 'none':
      return `dnsPolicy None: resolv.conf comes from spec.dnsConfig only (${conf}); queries go to ${server}`;
  }
}

/** The pod's resolver settings, computed once per index and pod. */
function podResolver(index: DnsIndex, pod: Pod): PodResolver {
  const memo = index.podResolvers.get(pod);
  if (memo) return memo;
  const config = podDnsConfig(pod, index.zone, index.clusterDnsIP);
  const first = config.nameservers[0];
  const clusterDns = first !== undefined && index.clusterDnsServers.has(first);
  const resolver: PodResolver = {
    nameservers: config.nameservers,
    searches: normalizeSearches(config.searches),
    ndots: ndotsOf(config.options),
    clusterDns,
    setup: { ref: `pod/${pod.namespace}/${pod.name}`, detail: describePodConfig(pod, config, clusterDns) },
  };
  index.podResolvers.set(pod, resolver);
  return resolver;
}

interface Resolver {
  searches: string[];
  ndots: number;
  nameserver: string;
  ask: (fqdn: string) => DnsServerAnswer;
  setup: DnsReason;
}

function resolveWith(r: Resolver, name: string, type: DnsType): DnsResult {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  const literal = parseIPv4(bare) !== undefined;
  if (literal && type === 'A') {
    // getaddrinfo returns an IPv4 literal without asking DNS.
    return { rcode: 'NOERROR', answers: [bare], records: [], attempts: [], nameserver: r.nameserver, reasons: [r.setup, { ref: RESOLVER_REF, detail: `${bare} is an IP address: no DNS query is sent` }] };
  }
  // A PTR lookup of an address asks for its in-addr.arpa name (as `dig -x` and nslookup do).
  const query = literal && type === 'PTR' ? `${reverseName(bare)}.` : name;
  const plan = planSearchWith(query, r.searches, r.ndots);
  const outcome = walkSearch(plan, r.ask);
  const records = outcome.answered?.answers ?? [];
  const result: DnsResult = {
    rcode: outcome.rcode,
    answers: records.map((rec) => rec.data),
    records,
    attempts: outcome.attempts,
    nameserver: r.nameserver,
    reasons: [r.setup, { ref: RESOLVER_REF, detail: describePlan(query, plan) }, ...outcomeReasons(outcome)],
  };
  if (outcome.answered) result.resolvedName = outcome.answered.fqdn;
  return result;
}

/** The addresses a client can connect to: the A/AAAA data of a result (a CNAME alone is not one). */
export function resolvedAddresses(result: DnsResult): string[] {
  const out: string[] = [];
  for (const r of result.records) if (r.type === 'A' || r.type === 'AAAA') out.push(r.data);
  // An IP literal is its own answer, without records.
  return result.records.length === 0 && result.attempts.length === 0 && result.rcode === 'NOERROR' ? [...result.answers] : out;
}

/** Resolves a name as a pod's stub resolver would: resolv.conf search list and ndots, absolute
 * names with a trailing dot, dnsPolicy (ClusterFirst, Default, None+dnsConfig,
 * ClusterFirstWithHostNet; hostNetwork pods with ClusterFirst use the node's resolver). */
export function resolveFromPod(cluster: Cluster, pod: Pod, name: string, type: DnsType = 'A', index?: DnsIndex): DnsResult {
  const idx = index ?? indexDns(cluster);
  const pr = podResolver(idx, pod);
  const nameserver = pr.nameservers[0];
  if (nameserver === undefined) {
    // Only reachable with dnsPolicy None and no nameservers: libc falls back to 127.0.0.1, where nothing answers.
    return { rcode: 'NXDOMAIN', answers: [], records: [], attempts: [], nameserver: '127.0.0.1', reasons: [pr.setup, { ref: RESOLVER_REF, detail: 'no nameserver in resolv.conf: nothing answers on 127.0.0.1' }] };
  }
  const ask = pr.clusterDns ? (fqdn: string) => serveClusterDns(idx, fqdn, type) : (fqdn: string) => queryPublicDns(idx, fqdn, type);
  return resolveWith({ searches: pr.searches, ndots: pr.ndots, nameserver, ask, setup: pr.setup }, name, type);
}

/** Resolves a name from a node or from the external client: public DNS, which knows node names
 * (-> InternalIP) and the extra public names the caller passes (Ingress/Gateway hostnames ->
 * controller address); nothing in the cluster zone. */
export function resolvePublic(cluster: Cluster, name: string, extraHosts?: Record<string, string>, type: DnsType = 'A', index?: DnsIndex): DnsResult {
  let idx = index ?? indexDns(cluster, extraHosts);
  if (index && extraHosts) {
    const hosts = new Map(index.publicHosts);
    for (const [host, address] of Object.entries(extraHosts)) hosts.set(normalizeName(host), address);
    // Different public names, so the memoized answers cannot be shared.
    idx = { ...index, publicHosts: hosts, answers: new Map() };
  }
  const node = nodeResolverConfig();
  const setup: DnsReason = { ref: 'public-dns', detail: `resolved through public DNS (nameserver ${NODE_RESOLVER_IP}, options ndots:0), which knows node names and published hostnames, and nothing in ${idx.zone}` };
  const ask = (fqdn: string) => queryPublicDns(idx, fqdn, type);
  return resolveWith({ searches: normalizeSearches(node.searches), ndots: ndotsOf(node.options), nameserver: NODE_RESOLVER_IP, ask, setup }, name, type);
}
