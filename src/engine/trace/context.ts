import { createDataplane, type Dataplane } from '../dataplane/index.ts';
import { indexDns, type DnsIndex } from '../dns/index.ts';
import { indexNetworkPolicies, type PolicyIndex } from '../netpol/index.ts';
import type { Cluster } from '../types.ts';

/** Everything a probe needs, indexed once per simulation and shared by every probe of it. */
export interface TraceContext {
  dp: Dataplane;
  policies: PolicyIndex;
  dns: DnsIndex;
}

/** Indexes a reconciled cluster for tracing. */
export function createTraceContext(cluster: Cluster): TraceContext {
  return { dp: createDataplane(cluster), policies: indexNetworkPolicies(cluster), dns: indexDns(cluster) };
}
