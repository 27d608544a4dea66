import { cidrContains, formatIPv4, parseCidr, parseIPv4, type Cidr } from '../net/ip.ts';

export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
const LB_POOL_START = '203.0.113.10';
const LB_POOL_END = '203.0.113.254';
const FIRST_DYNAMIC_CLUSTER_IP_OFFSET = 11; // the contract: dynamic ClusterIPs from 10.96.0.11 upward

/** The API server's allocators (ClusterIP, NodePort) and the cloud's LoadBalancer IP pool, as
 * one cluster build uses them. Pinned values found ahead of time are skipped by dynamic
 * allocation so that a later pinned object does not lose its address to an earlier dynamic one. */
export interface Allocators {
  serviceCidr: Cidr;
  clusterIPs: Set<number>;
  reservedClusterIPs: Set<number>;
  nextClusterIP: number;
  nodePorts: Set<number>;
  reservedNodePorts: Set<number>;
  nextNodePort: number;
  lbIPs: Set<number>;
  reservedLbIPs: Set<number>;
  nextLbIP: number;
}

/** Creates empty allocators for a Service CIDR. */
export function createAllocators(serviceCIDR: string): Allocators {
  const serviceCidr = parseCidr(serviceCIDR) ?? { base: parseIPv4('10.96.0.0')!, bits: 12 };
  return {
    serviceCidr,
    clusterIPs: new Set(),
    reservedClusterIPs: new Set(),
    nextClusterIP: serviceCidr.base + FIRST_DYNAMIC_CLUSTER_IP_OFFSET,
    nodePorts: new Set(),
    reservedNodePorts: new Set(),
    nextNodePort: NODE_PORT_MIN,
    lbIPs: new Set(),
    reservedLbIPs: new Set(),
    nextLbIP: parseIPv4(LB_POOL_START)!,
  };
}

export type AllocationResult<T> = { ok: true; value: T } | { ok: false; detail: string };

/** Claims a requested ClusterIP, with the allocator's error text when it cannot. */
export function claimClusterIP(a: Allocators, ip: string): AllocationResult<string> {
  const n = parseIPv4(ip);
  if (n === undefined) return { ok: false, detail: `failed to allocate IP ${ip}: not a valid IP` };
  if (!cidrContains(a.serviceCidr, n) || n === a.serviceCidr.base || n === broadcast(a.serviceCidr)) {
    return { ok: false, detail: `failed to allocate IP ${ip}: provided IP is not in the valid range. The range of valid IPs is ${formatIPv4(a.serviceCidr.base)}/${a.serviceCidr.bits}` };
  }
  if (a.clusterIPs.has(n)) return { ok: false, detail: `failed to allocate IP ${ip}: provided IP is already allocated` };
  a.clusterIPs.add(n);
  return { ok: true, value: ip };
}

/** Hands out the next free ClusterIP. */
export function allocateClusterIP(a: Allocators): AllocationResult<string> {
  const end = broadcast(a.serviceCidr);
  for (let n = a.nextClusterIP; n < end; n++) {
    if (a.clusterIPs.has(n) || a.reservedClusterIPs.has(n)) continue;
    a.clusterIPs.add(n);
    a.nextClusterIP = n + 1;
    return { ok: true, value: formatIPv4(n) };
  }
  return { ok: false, detail: 'failed to allocate a serviceIP: range is full' };
}

/** Claims a requested NodePort. */
export function claimNodePort(a: Allocators, port: number): AllocationResult<number> {
  if (port < NODE_PORT_MIN || port > NODE_PORT_MAX) {
    return { ok: false, detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` };
  }
  if (a.nodePorts.has(port)) return { ok: false, detail: 'provided port is already allocated' };
  a.nodePorts.add(port);
  return { ok: true, value: port };
}

/** Hands out the next free NodePort. */
export function allocateNodePort(a: Allocators): AllocationResult<number> {
  for (let p = a.nextNodePort; p <= NODE_PORT_MAX; p++) {
    if (a.nodePorts.has(p) || a.reservedNodePorts.has(p)) continue;
    a.nodePorts.add(p);
    a.nextNodePort = p + 1;
    return { ok: true, value: p };
  }
  return { ok: false, detail: 'range is full' };
}

/** Hands out the next LoadBalancer address from the cloud's pool (or claims a requested one). */
export function allocateLoadBalancerIP(a: Allocators, requested?: string): string | undefined {
  const want = requested ? parseIPv4(requested) : undefined;
  if (want !== undefined) {
    if (a.lbIPs.has(want)) return undefined;
    a.lbIPs.add(want);
    return formatIPv4(want);
  }
  const end = parseIPv4(LB_POOL_END)!;
  for (let n = a.nextLbIP; n <= end; n++) {
    if (a.lbIPs.has(n) || a.reservedLbIPs.has(n)) continue;
    a.lbIPs.add(n);
    a.nextLbIP = n + 1;
    return formatIPv4(n);
  }
  return undefined;
}

function broadcast(c: Cidr): number {
  return c.base + 2 ** (32 - c.bits) - 1;
}
