// CoreDNS and service discovery: cluster DNS answers, pods' resolvers, and service env variables.

export type { DnsType, DnsRcode, DnsRecord, DnsReason, DnsAttempt, DnsResult, DnsServerAnswer, DnsIndex, IndexedEndpoint, PodResolver } from './types.ts';
export { indexDns, clusterDnsIP, DEFAULT_CLUSTER_DNS_IP } from './dns-index.ts';
export { queryClusterDns, serveClusterDns } from './coredns.ts';
export { CLUSTER_TTL } from './kubernetes-plugin.ts';
export { queryPublicDns, NODE_RESOLVER_IP } from './public-dns.ts';
export { resolveFromPod, resolvePublic, resolvedAddresses } from './resolver.ts';
export { resolvConf, podDnsConfig, podDnsType, nodeResolverConfig, formatResolvConf, ndotsOf } from './resolv-conf.ts';
export type { ResolverConfig, PodDnsConfig, PodDnsType } from './resolv-conf.ts';
export { planSearch } from './stub-resolver.ts';
export type { SearchPlan } from './stub-resolver.ts';
export { serviceEnvironment, servicesForEnvironment, envVariableName } from './env.ts';
export { reverseName, dashedIP } from './names.ts';
