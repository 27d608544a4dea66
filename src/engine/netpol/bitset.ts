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

/** Transposes a 32x32 bit block in place (row r's bit c becomes row c's bit r); Hacker's Delight 7-3. */
export function transpose32(block: Uint32Array): void {
  let m = 0x0000ffff;
  for (let j = 16; j !== 0; j >>>= 1, m ^= m << j) {
    for (let k = 0; k < 32; k = ((k | j) + 1) & ~j) {
      const t = ((block[k]! >>> j) ^ block[k | j]!) & m;
      block[k]! ^= t << j;
      block[k | j]! ^= t;
    }
  }
}

/** ORs `length` bits of `src` from bit `from` into `dst` from bit `to`. */
export function copyBits(src: Uint32Array, from: number, dst: Uint32Array, to: number, length: number): void {
  for (let done = 0; done < length; done += 32) {
    const take = Math.min(32, length - done);
    const off = from + done;
    const w = off >>> 5;
    const s = off & 31;
    let value = src[w]! >>> s;
    if (s !== 0 && w + 1 < src.length) value |= src[w + 1]! << (32 - s);
    if (take < 32) value &= (1 << take) - 1;
    const at = to + done;
    const dw = at >>> 5;
    const ds = at & 31;
    dst[dw]! |= value << ds;
    if (ds !== 0 && take > 32 - ds) dst[dw + 1]! |= value >>> (32 - ds);
  }
}
