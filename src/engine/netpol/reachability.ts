import type { Cluster, Pod, Protocol } from '../types.ts';
import { copyBits, createBitset, orAndInto, orInto, setBit, transpose32, type Bitset } from './bitset.ts';
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
  const globalWords = (size + 31) >>> 5;
  const ingressCols: Array<Bitset | null> = new Array<Bitset | null>(size).fill(EMPTY);
  positions.forEach((i) => (ingressCols[i] = ingressSources(index, i, port, protocol, size)));
  const egressCache = new Map<CompiledRule, Admitted>();
  // Rows are sources: transposing the destinations' ingress sets gives every source's row at once.
  const ingressByGlobalSource = transposeColumns(ingressCols, size, globalWords);
  const runs = contiguousRuns(positions);
  for (let a = 0; a < n; a++) {
    const base = a * words;
    const src = positions[a]!;
    const out = egressDestinations(index, src, port, protocol, size, egressCache);
    for (const run of runs) {
      copyBits(ingressByGlobalSource, src * globalWords * 32 + run.global, ingress, base * 32 + run.list, run.length);
      if (out !== null) copyBits(out, run.global, egress, base * 32 + run.list, run.length);
    }
    if (out === null) egress.set(full, base);
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

/** Marks a destination outside the requested list: its column is never read. */
const EMPTY: Bitset = new Uint32Array(0);

/** Rows of the transpose of `columns` (column b = the sources destination b admits; null = all),
 * as one flat array of `globalWords` words per source, by 32x32 block transposes. */
function transposeColumns(columns: Array<Bitset | null>, size: number, globalWords: number): Uint32Array {
  const rows = new Uint32Array(size * globalWords);
  const block = new Uint32Array(32);
  for (let bw = 0; bw < globalWords; bw++) {
    for (let aw = 0; aw < globalWords; aw++) {
      let any = 0;
      for (let k = 0; k < 32; k++) {
        const col = bw * 32 + k < size ? columns[bw * 32 + k]! : EMPTY;
        const word = col === null ? 0xffffffff : col === EMPTY ? 0 : col[aw]!;
        block[k] = word;
        any |= word;
      }
      if (any === 0) continue;
      transpose32(block);
      for (let k = 0; k < 32 && aw * 32 + k < size; k++) rows[(aw * 32 + k) * globalWords + bw] = block[k]!;
    }
  }
  return rows;
}

/** Splits list positions into runs that are consecutive in the index, so rows copy word-wise. */
function contiguousRuns(positions: number[]): Array<{ list: number; global: number; length: number }> {
  const runs: Array<{ list: number; global: number; length: number }> = [];
  positions.forEach((g, b) => {
    const last = runs[runs.length - 1];
    if (last && last.global + last.length === g && last.list + last.length === b) last.length++;
    else runs.push({ list: b, global: g, length: 1 });
  });
  return runs;
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
