import type { Dataplane, ServicePortEntry } from '../dataplane/index.ts';
import { ipInCidr } from '../net/ip.ts';
import { createStream, nextRandom, type RandomStream } from '../random.ts';
import type { Node, Protocol } from '../types.ts';
import { categorizeEndpoints, externalPolicyLocal, type ServiceEndpoint } from './endpoints.ts';
import { CLUSTER_CIDR, sourceRangesOf } from './rules/service-ports.ts';

export { CLUSTER_CIDR };


/** How the packet reached the Service: which kube-proxy rule family matched it. */
export type ServiceEntry = 'cluster-ip' | 'node-port' | 'load-balancer' | 'external-ip';

/** Who sent the packet, as kube-proxy's rules tell them apart (pod CIDR, LOCAL address, other). */
export type Origin = 'pod' | 'node' | 'external';

/** Per-probe memory of the dataplane: random streams, IPVS round-robin cursors, ClientIP affinity. */
export interface ProxyState {
  seed: number;
  streams: Map<string, RandomStream>;
  roundRobin: Map<string, number>;
  affinity: Map<string, string>;
  /** Draw counters of L7 proxies (weighted backends, endpoint picks), keyed by decision point. */
  l7Draws: Map<string, number>;
}

/** Fresh dataplane memory for one probe (with `repeat`, its requests share it). */
export function createProxyState(seed: number): ProxyState {
  return { seed, streams: new Map(), roundRobin: new Map(), affinity: new Map(), l7Draws: new Map() };
}

export type ProxyDecision =
  | { action: 'none' }
  | {
      action: 'dnat';
      entry: ServicePortEntry;
      via: ServiceEntry;
      endpoint: ServiceEndpoint;
      candidates: ServiceEndpoint[];
      /** Whether kube-proxy marks the packet for masquerade (SNAT to the node's IP). */
      masquerade: boolean;
      masqueradeReason?: string;
      /** How the endpoint was picked, in the mode's own terms. */
      selection: string;
      usedLocalEndpoints: boolean;
    }
  | { action: 'reject' | 'drop'; entry: ServicePortEntry; via: ServiceEntry; reason: string };

interface Match {
  entry: ServicePortEntry;
  via: ServiceEntry;
}

/** Finds the Service port kube-proxy on `node` would match for a destination. */
export function matchService(dp: Dataplane, node: Node, dstIP: string, dstPort: number, protocol: Protocol): Match | undefined {
  const key = `${dstIP}:${dstPort}/${protocol}`;
  const clusterIP = dp.byClusterIP.get(key);
  if (clusterIP) return { entry: clusterIP, via: 'cluster-ip' };
  const external = dp.byExternalIP.get(key);
  if (external) return { entry: external, via: 'external-ip' };
  const lb = dp.byLoadBalancerIP.get(key);
  if (lb) return { entry: lb, via: 'load-balancer' };
  // NodePorts match on the node's own addresses only (--nodeport-addresses defaults to all local IPs).
  if (dstIP === node.internalIP) {
    const nodePort = dp.byNodePort.get(`${dstPort}/${protocol}`);
    if (nodePort) return { entry: nodePort, via: 'node-port' };
  }
  return undefined;
}

/** What kube-proxy on `node` does with a packet: nothing (no Service), DNAT to an endpoint,
 * REJECT (no endpoints) or DROP (no local endpoint for a Local policy, source not allowed). */
export function decideKubeProxy(
  dp: Dataplane,
  node: Node,
  packet: { srcIP: string; dstIP: string; dstPort: number; protocol: Protocol },
  origin: Origin,
  state: ProxyState,
): ProxyDecision {
  const match = matchService(dp, node, packet.dstIP, packet.dstPort, packet.protocol);
  if (!match) return { action: 'none' };
  const { entry, via } = match;
  const svc = entry.service;
  const svcName = `${svc.namespace}/${svc.name}`;
  const ranges = via === 'load-balancer' ? sourceRangesOf(svc) : [];
  // KUBE-FW applies to every source, the node's own traffic included; the LB IP itself is let through.
  if (ranges.length > 0 && packet.srcIP !== packet.dstIP && !ranges.some((r) => ipInCidr(packet.srcIP, r))) {
    return { action: 'drop', entry, via, reason: `source ${packet.srcIP} is not in loadBalancerSourceRanges (${ranges.join(', ')}) of Service ${svcName}: KUBE-FW / KUBE-PROXY-FIREWALL drops it` };
  }
  const cat = categorizeEndpoints(entry.endpoints, svc, node.name);
  if (!cat.hasAnyEndpoints) {
    return { action: 'reject', entry, via, reason: `Service ${entry.name} has no endpoints: kube-proxy REJECTs (icmp port-unreachable / TCP reset)` };
  }
  const external = via !== 'cluster-ip';
  let candidates: ServiceEndpoint[];
  let usedLocalEndpoints: boolean;
  let masquerade = false;
  let masqueradeReason: string | undefined;
  if (external) {
    // Traffic from pods and from the node itself to an external address is short-circuited to
    // the cluster-wide endpoints even with externalTrafficPolicy: Local (KUBE-EXT chain).
    const local = externalPolicyLocal(svc) && origin === 'external';
    candidates = local ? cat.localEndpoints : cat.clusterEndpoints;
    usedLocalEndpoints = local;
    if (!externalPolicyLocal(svc)) {
      masquerade = true;
      masqueradeReason = `externalTrafficPolicy: Cluster: kube-proxy masquerades external traffic to the node's IP (${node.internalIP})`;
    } else if (origin === 'node') {
      masquerade = true;
      masqueradeReason = 'traffic from the node to an external destination is masqueraded';
    }
    if (candidates.length === 0) {
      return { action: 'drop', entry, via, reason: `externalTrafficPolicy: Local and node ${node.name} has no local endpoint for ${entry.name}: kube-proxy drops the packet` };
    }
  } else {
    const local = svc.internalTrafficPolicy === 'Local';
    candidates = local ? cat.localEndpoints : cat.clusterEndpoints;
    usedLocalEndpoints = local;
    if (candidates.length === 0) {
      return { action: 'drop', entry, via, reason: `internalTrafficPolicy: Local and node ${node.name} has no local endpoint for ${entry.name}: kube-proxy drops the packet` };
    }
    if (origin !== 'pod' && !ipInCidr(packet.srcIP, CLUSTER_CIDR)) {
      masquerade = true;
      masqueradeReason = `traffic from outside the cluster CIDR (${CLUSTER_CIDR}) to a ClusterIP is masqueraded`;
    }
  }
  const { endpoint, selection } = pickEndpoint(dp, node, entry, candidates, packet.srcIP, state);
  if (endpoint.ip === packet.srcIP) {
    masquerade = true;
    masqueradeReason = 'hairpin: the pod reached itself through its Service, so kube-proxy masquerades the source';
  }
  return { action: 'dnat', entry, via, endpoint, candidates, masquerade, ...(masqueradeReason ? { masqueradeReason } : {}), selection, usedLocalEndpoints };
}

function pickEndpoint(
  dp: Dataplane,
  node: Node,
  entry: ServicePortEntry,
  candidates: ServiceEndpoint[],
  clientIP: string,
  state: ProxyState,
): { endpoint: ServiceEndpoint; selection: string } {
  const mode = dp.cluster.settings.kubeProxyMode;
  const svc = entry.service;
  const affinityKey = `${node.name}|${entry.name}/${entry.port.protocol}|${clientIP}`;
  if (svc.sessionAffinity === 'ClientIP') {
    const remembered = state.affinity.get(affinityKey);
    const hit = remembered ? candidates.find((c) => `${c.ip}:${c.port}` === remembered) : undefined;
    if (hit) {
      const how = mode === 'ipvs' ? 'IPVS persistence' : mode === 'nftables' ? 'the affinity set' : 'the recent module';
      return { endpoint: hit, selection: `sessionAffinity: ClientIP: ${clientIP} was sent to ${remembered} before (${how}, timeout ${svc.sessionAffinityTimeoutSeconds}s)` };
    }
  }
  const n = candidates.length;
  let index: number;
  let selection: string;
  if (mode === 'ipvs') {
    const key = `${node.name}|${entry.name}/${entry.port.protocol}`;
    index = (state.roundRobin.get(key) ?? 0) % n;
    state.roundRobin.set(key, index + 1);
    selection = `IPVS scheduler rr: real server ${index + 1} of ${n}`;
  } else {
    const key = `${node.name}|${entry.name}/${entry.port.protocol}`;
    let stream = state.streams.get(key);
    if (!stream) state.streams.set(key, (stream = createStream(state.seed, key)));
    index = Math.min(n - 1, Math.floor(nextRandom(stream) * n));
    selection =
      mode === 'nftables'
        ? `numgen random mod ${n}: element ${index} of the endpoint vmap`
        : `iptables statistic match: ${n === 1 ? 'the only endpoint' : `endpoint ${index + 1} of ${n}, each chosen with probability 1/${n}`}`;
  }
  const endpoint = candidates[index]!;
  if (svc.sessionAffinity === 'ClientIP') state.affinity.set(affinityKey, `${endpoint.ip}:${endpoint.port}`);
  return { endpoint, selection };
}

