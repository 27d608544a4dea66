// Deterministic stand-ins for the random names and hashes controllers generate.

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789'; // k8s.io/apimachinery/pkg/util/rand

/** 32-bit FNV-1a of a string. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A `length`-character string over the API server's safe alphabet, derived from `seed`. */
export function safeString(seed: string, length: number): string {
  let out = '';
  let h = fnv1a(seed);
  for (let i = 0; i < length; i++) {
    if (i % 6 === 5) h = fnv1a(`${seed}#${i}`);
    out += SAFE_ALPHABET[h % SAFE_ALPHABET.length];
    h = Math.floor(h / SAFE_ALPHABET.length);
  }
  return out;
}

/** The value ReplicaSets carry as `pod-template-hash` (10 safe characters). */
export function podTemplateHash(seed: string): string {
  return safeString(`template:${seed}`, 10);
}

/** The 5-character suffix `generateName` appends. */
export function generateNameSuffix(seed: string): string {
  return safeString(`name:${seed}`, 5);
}
