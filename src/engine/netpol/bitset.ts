// Fixed-size bit sets over the cluster's pod list: evaluating a whole truth table becomes word-wide
// ORs and ANDs instead of one policy walk per pair of pods.

export type Bitset = Uint32Array;

/** An empty set able to hold `size` members. */
export function createBitset(size: number): Bitset {
  return new Uint32Array((size + 31) >>> 5);
}

/** A set holding every member below `size`. */
export function fullBitset(size: number): Bitset {
  const set = createBitset(size);
  set.fill(0xffffffff);
  const spare = set.length * 32 - size;
  if (spare > 0 && set.length > 0) set[set.length - 1] = 0xffffffff >>> spare;
  return set;
}

/** Adds member `i`. */
export function setBit(set: Bitset, i: number): void {
  set[i >>> 5]! |= 1 << (i & 31);
}

/** Whether member `i` is in the set. */
export function hasBit(set: Bitset, i: number): boolean {
  return (set[i >>> 5]! & (1 << (i & 31))) !== 0;
}

/** `into |= other`, in place. */
export function orInto(into: Bitset, other: Bitset): void {
  for (let w = 0; w < into.length; w++) into[w]! |= other[w]!;
}

/** `into |= a & b`, in place. */
export function orAndInto(into: Bitset, a: Bitset, b: Bitset): void {
  for (let w = 0; w < into.length; w++) into[w]! |= a[w]! & b[w]!;
}

/** The members, ascending. */
export function bitsetMembers(set: Bitset): number[] {
  const out: number[] = [];
  for (let w = 0; w < set.length; w++) {
    let word = set[w]!;
    while (word !== 0) {
      const low = word & -word;
      out.push(w * 32 + 31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out;
}

/** Whether the set has no members. */
export function isEmptyBitset(set: Bitset): boolean {
  for (let w = 0; w < set.length; w++) if (set[w] !== 0) return false;
  return true;
}
