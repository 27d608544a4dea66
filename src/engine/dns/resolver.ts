// Name resolution as a client sees it: a pod's resolver (resolv.conf from its dnsPolicy, the
// search list, then CoreDNS or the node's resolver), and a node's or an external client's
// resolver (public DNS only).

import { parseIPv4 } from '../net/ip.ts';
import type { Cluster, Pod } from '../types.ts';
import { serveClusterDns } from './coredns.ts';
import { indexDns } from './dns-index.ts';
import { normalizeName, reverseName } from './names.ts';
import { NODE_RESOLVER_IP, queryPublicDns } from './public-dns.ts';
import { nodeResolverConfig, podDnsConfig } from './resolv-conf.ts';
import type { PodDnsConfig, ResolverConfig } from './resolv-conf.ts';
import { describePlan, outcomeReasons, planSearch, walkSearch } from './stub-resolver.ts';
import type { DnsIndex, DnsReason, DnsResult, DnsServerAnswer, DnsType } from './types.ts';

/** getaddrinfo returns an IPv4 literal without asking DNS; a PTR lookup of an address asks for
 * its in-addr.arpa name (as `dig -x` and nslookup do). */
function literalShortcut(name: string, type: DnsType, nameserver: string, reasons: DnsReason[]): DnsResult | undefined {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (parseIPv4(bare) === undefined || type !== 'A') return undefined;
  return {
    rcode: 'NOERROR',
    answers: [bare],
    records: [],
    attempts: [],
    nameserver,
    reasons: [...reasons, { ref: 'resolver', detail: `${bare} is an IP address: no DNS query is sent` }],
  };
}

function queryName(name: string, type: DnsType): string {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  return type === 'PTR' && parseIPv4(bare) !== undefined ? `${reverseName(bare)}.` : name;
}

function resolveWith(config: ResolverConfig, name: string, type: DnsType, ask: (fqdn: string) => DnsServerAnswer, nameserver: string, setup: DnsReason[]): DnsResult {
  const shortcut = literalShortcut(name, type, nameserver, setup);
  if (shortcut) return shortcut;
  const query = queryName(name, type);
  const plan = planSearch(query, config);
  const outcome = walkSearch(plan, ask);
  const records = outcome.answered?.answers ?? [];
  return {
    rcode: outcome.rcode,
    answers: records.map((r) => r.data),
    records,
    attempts: outcome.attempts,
    ...(outcome.answered ? { resolvedName: outcome.answered.fqdn } : {}),
    nameserver,
    reasons: [...setup, { ref: 'resolver', detail: describePlan(query, plan) }, ...outcomeReasons(outcome)],
  };
}

function describePodConfig(pod: Pod, config: PodDnsConfig, index: DnsIndex): string {
  const conf = `nameserver ${config.nameservers[0] ?? '(none)'}${config.searches.length ? `, search ${config.searches.join(' ')}` : ''}${config.options.length ? `, options ${config.options.join(' ')}` : ''}`;
  const server = config.nameservers[0] !== undefined && index.clusterDnsServers.has(config.nameservers[0]) ? 'the cluster DNS (CoreDNS)' : 'a resolver outside the cluster';
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

/** Resolves a name as a pod's stub resolver would: resolv.conf search list and ndots, absolute
 * names with a trailing dot, dnsPolicy (ClusterFirst, Default, None+dnsConfig,
 * ClusterFirstWithHostNet; hostNetwork pods with ClusterFirst use the node's resolver). */
export function resolveFromPod(cluster: Cluster, pod: Pod, name: string, type: DnsType = 'A', index?: DnsIndex): DnsResult {
  const idx = index ?? indexDns(cluster);
  const config = podDnsConfig(pod, idx.zone, idx.clusterDnsIP);
  const setup: DnsReason[] = [{ ref: `pod/${pod.namespace}/${pod.name}`, detail: describePodConfig(pod, config, idx) }];
  const nameserver = config.nameservers[0];
  if (nameserver === undefined) {
    // Only reachable with dnsPolicy None and no nameservers: libc falls back to 127.0.0.1, where nothing answers.
    return { rcode: 'NXDOMAIN', answers: [], records: [], attempts: [], nameserver: '127.0.0.1', reasons: [...setup, { ref: 'resolver', detail: 'no nameserver in resolv.conf: nothing answers on 127.0.0.1' }] };
  }
  const ask = idx.clusterDnsServers.has(nameserver)
    ? (fqdn: string) => serveClusterDns(idx, fqdn, type)
    : (fqdn: string) => queryPublicDns(idx, fqdn, type);
  return resolveWith(config, name, type, ask, nameserver, setup);
}

/** Resolves a name from a node or from the external client: public DNS, which knows node names
 * (-> InternalIP) and the extra public names the caller passes (Ingress/Gateway hostnames ->
 * controller address); nothing in the cluster zone. */
export function resolvePublic(cluster: Cluster, name: string, extraHosts?: Record<string, string>, type: DnsType = 'A', index?: DnsIndex): DnsResult {
  let idx = index ?? indexDns(cluster, extraHosts);
  if (index && extraHosts) {
    const hosts = new Map(index.publicHosts);
    for (const [host, address] of Object.entries(extraHosts)) hosts.set(normalizeName(host), address);
    idx = { ...index, publicHosts: hosts };
  }
  const setup: DnsReason[] = [{ ref: 'public-dns', detail: `resolved through public DNS (nameserver ${NODE_RESOLVER_IP}, options ndots:0), which knows node names and published hostnames, and nothing in ${idx.zone}` }];
  return resolveWith(nodeResolverConfig(), name, type, (fqdn) => queryPublicDns(idx, fqdn, type), NODE_RESOLVER_IP, setup);
}
