import type { Cluster, Pod, Protocol } from '../types.ts';
import { createBitset, orAndInto, orInto, setBit, type Bitset } from './bitset.ts';
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

/** The same tables bit-packed: row `a` (a source) is `words` 32-bit words from `a * words`, and bit
 * `b` of it is destination `b`. For callers that compare or count rather than display. */
export interface ReachabilityBits {
  pods: string[];
  words: number;
  ingress: Uint32Array;
  egress: Uint32Array;
  combined: Uint32Array;
}

/** Sources (ingress) or destinations (egress) a rule admits, over every pod of the index. */
type Admitted = Bitset | 'all' | 'none';

/**
 * Truth tables for a set of pods (`ns/name`), dialled at pod IPs.
 *
 * Cost: per destination, one OR of W = ceil(pods/32) words per ingress rule selecting it; per
 * source, one AND-OR per egress rule; then one word test per pair. That is O(P^2 + P * R * W) for
 * P listed pods and R rules per pod, with no walk over the policies for each pair. Rows may be
 * shared between (and within) the tables where they are equal: treat them as read-only.
 */
export function computeReachability(cluster: Cluster, index: PolicyIndex, pods: string[], port: number, protocol: Protocol): ReachabilityTables {
  const bits = computeReachabilityBits(cluster, index, pods, port, protocol);
  const n = pods.length;
  const { words } = bits;
  const allTrue = new Array<boolean>(n).fill(true);
  const full = fullWords(n, words);
  const toRows = (flat: Uint32Array, reuse?: { flat: Uint32Array; rows: boolean[][] }): boolean[][] => {
    const rows: boolean[][] = [];
    for (let a = 0; a < n; a++) {
      const base = a * words;
      if (sameWords(flat, base, full, 0, words)) rows.push(allTrue);
      else if (reuse && sameWords(flat, base, reuse.flat, base, words)) rows.push(reuse.rows[a]!);
      else rows.push(expandRow(flat, base, n, words));
    }
    return rows;
  };
  const ingress = toRows(bits.ingress);
  const egress = toRows(bits.egress);
  const combined = toRows(bits.combined, { flat: bits.ingress, rows: ingress });
  return { pods: bits.pods, ingress, egress, combined };
}

/** computeReachability without materialising booleans: bit-packed rows, for large tables. */
export function computeReachabilityBits(cluster: Cluster, index: PolicyIndex, pods: string[], port: number, protocol: Protocol): ReachabilityBits {
  const positions = pods.map((key) => {
    const i = index.podIndexByKey.get(key);
    if (i === undefined) throw new Error(`computeReachability: unknown pod ${key}`);
    return i;
  });
  const n = pods.length;
  const words = (n + 31) >>> 5;
  const full = fullWords(n, words);
  const ingress = new Uint32Array(n * words);
  const egress = new Uint32Array(n * words);
  const combined = new Uint32Array(n * words);
  if (!cluster.settings.networkPolicy) {
    for (let a = 0; a < n; a++) {
      ingress.set(full, a * words);
      egress.set(full, a * words);
      combined.set(full, a * words);
    }
    return { pods: [...pods], words, ingress, egress, combined };
  }
  const size = index.pods.length;
  const ingressSets = positions.map((i) => ingressSources(index, i, port, protocol, size));
  const egressCache = new Map<CompiledRule, Admitted>();
  const egressSets = positions.map((i) => egressDestinations(index, i, port, protocol, size, egressCache));

  // Destinations that are not isolated admit every source: start each ingress row from them.
  const openColumns = new Uint32Array(words);
  const dstWord = new Int32Array(n);
  const dstMask = new Int32Array(n);
  for (let b = 0; b < n; b++) {
    dstWord[b] = positions[b]! >>> 5;
    dstMask[b] = 1 << (positions[b]! & 31);
    if (ingressSets[b] === null) openColumns[b >>> 5]! |= 1 << (b & 31);
  }
  const guarded: Array<{ b: number; set: Bitset }> = [];
  ingressSets.forEach((set, b) => {
    if (set !== null) guarded.push({ b, set });
  });
  for (let a = 0; a < n; a++) {
    const base = a * words;
    const src = positions[a]!;
    const srcWord = src >>> 5;
    const srcMask = 1 << (src & 31);
    ingress.set(openColumns, base);
    for (const { b, set } of guarded) if ((set[srcWord]! & srcMask) !== 0) ingress[base + (b >>> 5)]! |= 1 << (b & 31);
    const out = egressSets[a]!;
    if (out === null) egress.set(full, base);
    else for (let b = 0; b < n; b++) if ((out[dstWord[b]!]! & dstMask[b]!) !== 0) egress[base + (b >>> 5)]! |= 1 << (b & 31);
    // A pod always reaches itself.
    const selfWord = base + (a >>> 5);
    const selfBit = 1 << (a & 31);
    ingress[selfWord]! |= selfBit;
    egress[selfWord]! |= selfBit;
  }
  // A host-network source carries its node's IP, and a node always reaches its own pods.
  for (let a = 0; a < n; a++) {
    const src = index.pods[positions[a]!]!;
    if (!src.hostNetwork) continue;
    for (let b = 0; b < n; b++) if (src.podIP === nodeIPOf(index, index.pods[positions[b]!]!)) ingress[a * words + (b >>> 5)]! |= 1 << (b & 31);
  }
  for (let w = 0; w < combined.length; w++) combined[w] = ingress[w]! & egress[w]!;
  return { pods: [...pods], words, ingress, egress, combined };
}

function fullWords(n: number, words: number): Uint32Array {
  const full = new Uint32Array(words).fill(0xffffffff);
  if (n % 32 !== 0) full[words - 1] = (1 << (n % 32)) - 1;
  return full;
}

function sameWords(a: Uint32Array, aBase: number, b: Uint32Array, bBase: number, words: number): boolean {
  for (let w = 0; w < words; w++) if (a[aBase + w] !== b[bBase + w]) return false;
  return true;
}

function expandRow(flat: Uint32Array, base: number, n: number, words: number): boolean[] {
  const row = new Array<boolean>(n).fill(true);
  for (let w = 0; w < words; w++) {
    let missing = ~flat[base + w]!;
    if (w === words - 1 && n % 32 !== 0) missing &= (1 << (n % 32)) - 1;
    while (missing !== 0) {
      const low = missing & -missing;
      row[w * 32 + 31 - Math.clz32(low)] = false;
      missing ^= low;
    }
  }
  return row;
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
