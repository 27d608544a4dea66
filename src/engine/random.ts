// Seeded randomness for the choices a real dataplane makes at random (iptables' statistic match,
// weighted backends). Kept as plain state so simulations stay pure and reproducible.

/** A low-discrepancy stream: successive draws cover [0,1) evenly, so `repeat: 100` spreads match
 * the configured probabilities closely, while each draw still looks random. */
export interface RandomStream {
  seed: number;
  draws: number;
}

const PHI = 0.6180339887498949;

/** Creates the stream for one decision point (e.g. one Service) under a scenario seed. */
export function createStream(seed: number, key: string): RandomStream {
  let h = 2166136261 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return { seed: (h >>> 0) / 4294967296, draws: 0 };
}

/** The next draw in [0,1); advances the stream. */
export function nextRandom(stream: RandomStream): number {
  stream.draws += 1;
  const x = stream.seed + stream.draws * PHI;
  return x - Math.floor(x);
}
