import type { Cluster, Pod, Protocol } from '../types.ts';
import { createBitset, hasBit, orAndInto, orInto, setBit, type Bitset } from './bitset.ts';
import { portsIndependentOfPod, portsMatch } from './ports.ts';
import type { CompiledRule, PolicyIndex } from './types.ts';

export interface ReachabilityTables {
  pods: string[];
  /** [source][destination]: the destination's ingress policies let the source in. */
  ingress: boolean[][];
  /** [source][destination]: the source's egress policies let it out to the destination. */
  egress: boolean[][];
  /** Both. */
  combined: boolean[][];
}

/** Sources (ingress) or destinations (egress) a rule admits, over every pod of the index. */
type Admitted = Bitset | 'all' | 'none';

/**
 * Truth tables for a set of pods (`ns/name`), dialled at pod IPs.
 *
 * Cost: per destination, one OR of W = ceil(pods/32) words per ingress rule selecting it; per
 * source, one AND-OR per egress rule; then one bit test per pair. That is O(P^2 + P * R * W) for P
 * listed pods and R rules per pod, with no walk over the policies for each pair.
 */
export function computeReachability(cluster: Cluster, index: PolicyIndex, pods: string[], port: number, protocol: Protocol): ReachabilityTables {
  const positions = pods.map((key) => {
    const i = index.podIndexByKey.get(key);
    if (i === undefined) throw new Error(`computeReachability: unknown pod ${key}`);
    return i;
  });
  const n = pods.length;
  if (!cluster.settings.networkPolicy) {
    const all = () => Array.from({ length: n }, () => new Array<boolean>(n).fill(true));
    return { pods: [...pods], ingress: all(), egress: all(), combined: all() };
  }
  const size = index.pods.length;
  const ingressSets = positions.map((i) => ingressSources(index, i, port, protocol, size));
  const egressCache = new Map<CompiledRule, Admitted>();
  const egressSets = positions.map((i) => egressDestinations(index, i, port, protocol, size, egressCache));
  // A host-network source carries its node's IP, and a node always reaches its own pods.
  const nodeIPs = positions.map((i) => nodeIPOf(index, index.pods[i]!));
  const hostIPs = positions.map((i) => (index.pods[i]!.hostNetwork ? index.pods[i]!.podIP : undefined));

  const ingress: boolean[][] = [];
  const egress: boolean[][] = [];
  const combined: boolean[][] = [];
  for (let a = 0; a < n; a++) {
    const src = positions[a]!;
    const out = egressSets[a]!;
    const ingRow = new Array<boolean>(n);
    const egrRow = new Array<boolean>(n);
    const combRow = new Array<boolean>(n);
    for (let b = 0; b < n; b++) {
      const dst = positions[b]!;
      let ing: boolean;
      let egr: boolean;
      if (src === dst) {
        ing = true;
        egr = true;
      } else {
        const inSet = ingressSets[b]!;
        ing = inSet === null || hasBit(inSet, src) || (hostIPs[a] !== undefined && hostIPs[a] === nodeIPs[b]);
        egr = out === null || hasBit(out, dst);
      }
      ingRow[b] = ing;
      egrRow[b] = egr;
      combRow[b] = ing && egr;
    }
    ingress.push(ingRow);
    egress.push(egrRow);
    combined.push(combRow);
  }
  return { pods: [...pods], ingress, egress, combined };
}

function nodeIPOf(index: PolicyIndex, pod: Pod): string {
  return index.nodeIPs.get(pod.nodeName) ?? pod.hostIP;
}

/** Every source a destination's ingress policies admit on this port; null when it is not isolated. */
function ingressSources(index: PolicyIndex, dst: number, port: number, protocol: Protocol, size: number): Bitset | null {
  const pod = index.pods[dst]!;
  const policies = index.ingressPoliciesByPod[dst]!;
  if (pod.hostNetwork || policies.length === 0) return null;
  const set = createBitset(size);
  for (const pi of policies) {
    for (const rule of index.policies[pi]!.ingress) {
      if (!portsMatch(rule.ports, port, protocol, pod)) continue;
      if (rule.allPeers) return null;
      orInto(set, rule.peerPods);
    }
  }
  return set;
}

/** Every destination a source's egress policies admit on this port; null when it is not isolated. */
function egressDestinations(index: PolicyIndex, src: number, port: number, protocol: Protocol, size: number, cache: Map<CompiledRule, Admitted>): Bitset | null {
  const pod = index.pods[src]!;
  const policies = index.egressPoliciesByPod[src]!;
  if (pod.hostNetwork || policies.length === 0) return null;
  const set = createBitset(size);
  for (const pi of policies) {
    for (const rule of index.policies[pi]!.egress) {
      const byPort = admittedByPorts(index, rule, port, protocol, size, cache);
      if (byPort === 'none') continue;
      if (rule.allPeers) {
        if (byPort === 'all') return null;
        orInto(set, byPort);
      } else if (byPort === 'all') orInto(set, rule.peerPods);
      else orAndInto(set, rule.peerPods, byPort);
    }
  }
  return set;
}

/** Destinations whose ports an egress rule admits: named ports resolve per destination pod, so
 * those rules get a set, computed once per rule and call. */
function admittedByPorts(index: PolicyIndex, rule: CompiledRule, port: number, protocol: Protocol, size: number, cache: Map<CompiledRule, Admitted>): Admitted {
  if (portsIndependentOfPod(rule.ports)) return portsMatch(rule.ports, port, protocol, undefined) ? 'all' : 'none';
  const cached = cache.get(rule);
  if (cached) return cached;
  const set = createBitset(size);
  for (let i = 0; i < size; i++) if (portsMatch(rule.ports, port, protocol, index.pods[i])) setBit(set, i);
  cache.set(rule, set);
  return set;
}
