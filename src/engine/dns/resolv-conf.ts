// A pod's /etc/resolv.conf: the kubelet's GetPodDNS (pkg/kubelet/network/dns) picks the base from
// dnsPolicy and merges spec.dnsConfig; containerd writes it (search, nameserver, options lines).

import type { Cluster, Pod } from '../types.ts';
import { clusterDnsIP } from './dns-index.ts';
import { normalizeName } from './names.ts';
import { NODE_RESOLVER_IP } from './public-dns.ts';
import type { DnsIndex } from './types.ts';

/** The resolver settings of one network namespace. */
export interface ResolverConfig {
  nameservers: string[];
  searches: string[];
  /** `ndots:5`, `edns0`, ... in the order they are written. */
  options: string[];
}

/** What the kubelet made of a pod's dnsPolicy (getPodDNSType). */
export type PodDnsType = 'cluster' | 'host' | 'none';

export interface PodDnsConfig extends ResolverConfig {
  dnsType: PodDnsType;
}

/** The nodes' /etc/resolv.conf in a kind cluster: Docker's embedded DNS (rewritten by kind to the
 * network gateway) with Docker's `ndots:0`, and no search domains. */
export function nodeResolverConfig(): ResolverConfig {
  return { nameservers: [NODE_RESOLVER_IP], searches: [], options: ['ndots:0'] };
}

// Limits the kubelet applies (MaxDNSNameservers, and the ExpandedDNSConfig search limits, GA in 1.28).
const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;
const MAX_DOMAIN_LENGTH = 253;

/** How the kubelet reads dnsPolicy: ClusterFirst on a hostNetwork pod falls back to Default. */
export function podDnsType(pod: Pod): PodDnsType {
  switch (pod.dnsPolicy) {
    case 'None':
      return 'none';
    case 'Default':
      return 'host';
    case 'ClusterFirst':
      return pod.hostNetwork ? 'host' : 'cluster';
    default:
      // ClusterFirstWithHostNet, and anything the API server should have rejected.
      return 'cluster';
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** mergeDNSOptions: later entries overwrite earlier ones of the same name, keeping first positions. */
function mergeOptions(base: string[], extra: Array<{ name: string; value?: string }>): string[] {
  const merged = new Map<string, string>();
  for (const op of base) {
    const i = op.indexOf(':');
    if (i === -1) merged.set(op, '');
    else merged.set(op.slice(0, i), op.slice(i + 1));
  }
  for (const op of extra) merged.set(op.name, op.value ?? '');
  return [...merged].map(([name, value]) => (value === '' ? name : `${name}:${value}`));
}

function fitSearchLimits(searches: string[]): string[] {
  let fitted = searches.slice(0, MAX_SEARCH_PATHS).filter((s) => s.length <= MAX_DOMAIN_LENGTH);
  while (fitted.length > 0 && fitted.join(' ').length > MAX_SEARCH_CHARS) fitted = fitted.slice(0, -1);
  return fitted;
}

/** The resolver settings the kubelet gives a pod, given the cluster domain and clusterDNS address. */
export function podDnsConfig(pod: Pod, clusterDomain: string, clusterDns: string): PodDnsConfig {
  const dnsType = podDnsType(pod);
  let config: ResolverConfig;
  if (dnsType === 'none') {
    config = { nameservers: [], searches: [], options: [] };
  } else if (dnsType === 'host') {
    config = nodeResolverConfig();
  } else {
    const zone = normalizeName(clusterDomain);
    const host = nodeResolverConfig();
    config = {
      nameservers: [clusterDns],
      searches: unique([`${pod.namespace}.svc.${zone}`, `svc.${zone}`, zone, ...host.searches]),
      options: ['ndots:5'],
    };
  }
  const extra = pod.dnsConfig;
  if (extra) {
    config = {
      nameservers: unique([...config.nameservers, ...(extra.nameservers ?? [])]),
      searches: unique([...config.searches, ...(extra.searches ?? []).map((s) => (s.endsWith('.') ? s.slice(0, -1) : s))]),
      options: mergeOptions(config.options, extra.options ?? []),
    };
  }
  config = { ...config, nameservers: config.nameservers.slice(0, MAX_NAMESERVERS), searches: fitSearchLimits(config.searches) };
  // containerd copies the node's file when there is nothing to write.
  if (config.nameservers.length === 0 && config.searches.length === 0 && config.options.length === 0) config = nodeResolverConfig();
  return { dnsType, ...config };
}

/** The ndots value of resolv.conf options (glibc: default 1, at most 15). */
export function ndotsOf(options: string[]): number {
  let ndots = 1;
  for (const op of options) {
    const m = /^ndots:(\d+)$/.exec(op);
    if (m) ndots = Math.min(Number(m[1]), 15);
  }
  return ndots;
}

/** resolv.conf text as containerd writes it: search, then nameservers, then options. */
export function formatResolvConf(config: ResolverConfig): string {
  let text = '';
  if (config.searches.length) text += `search ${config.searches.join(' ')}\n`;
  for (const ns of config.nameservers) text += `nameserver ${ns}\n`;
  if (config.options.length) text += `options ${config.options.join(' ')}\n`;
  return text;
}

/** The pod's /etc/resolv.conf text as the kubelet has the runtime write it. */
export function resolvConf(cluster: Cluster, pod: Pod, index?: DnsIndex): string {
  const dns = index ? index.clusterDnsIP : clusterDnsIP(cluster.services);
  return formatResolvConf(podDnsConfig(pod, cluster.settings.clusterDomain, dns));
}
