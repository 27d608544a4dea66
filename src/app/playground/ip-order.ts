// Ordering by IPv4 address, for lists the engine hands addresses to in order.
import { parseIPv4 } from '../../engine/net/ip.ts';

/** Compares two optional IPv4 addresses numerically; missing or invalid ones sort last. */
export function compareIPv4Strings(a: string | undefined, b: string | undefined): number {
  const x = a === undefined ? undefined : parseIPv4(a);
  const y = b === undefined ? undefined : parseIPv4(b);
  if (x === undefined || y === undefined) return Number(x === undefined) - Number(y === undefined);
  return x - y;
}
