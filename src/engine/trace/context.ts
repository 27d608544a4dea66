import { createDataplane, type Dataplane } from '../dataplane/index.ts';
import { indexDns, type DnsIndex } from '../dns/index.ts';
import { indexNetworkPolicies, type PolicyIndex } from '../netpol/index.ts';
import type { Cluster } from '../types.ts';
import { createL7Proxies } from '../l7/registry.ts';
import type { L7Proxy } from '../l7/types.ts';

/** Everything a probe needs, indexed once per simulation and shared by every probe of it. */
export interface TraceContext {
  dp: Dataplane;
  policies: PolicyIndex;
  dns: DnsIndex;
  /** Ingress controllers and Gateway data planes: who answers HTTP at their pods. */
  l7: L7Proxy[];
}

/** Indexes a reconciled cluster for tracing; `previous` (the context of the last build) lets
 * unchanged NetworkPolicies skip recompiling. */
export function createTraceContext(cluster: Cluster, previous?: TraceContext): TraceContext {
  const l7 = createL7Proxies(cluster);
  // Public DNS knows Ingress and Gateway hostnames, as ExternalDNS would publish them.
  const publicHosts = Object.assign({}, ...l7.map((p) => p.publicHosts())) as Record<string, string>;
  return { dp: createDataplane(cluster), policies: indexNetworkPolicies(cluster, previous?.policies), dns: indexDns(cluster, publicHosts), l7 };
}
