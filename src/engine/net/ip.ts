// IPv4 arithmetic: the engine models a single-stack IPv4 cluster, as kind and kubeadm default to.

/** Parses dotted-quad IPv4 into an unsigned 32-bit number; undefined when not an IPv4 address
 * (leading zeros are rejected, as Go's netip does). A hand-written scanner: it is on every probe's path. */
export function parseIPv4(ip: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && part === 0) return undefined;
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return undefined;
    } else return undefined;
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + part;
}

/** Formats an unsigned 32-bit number as dotted-quad IPv4. */
export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export interface Cidr {
  base: number;
  bits: number;
}

/** Parses `10.96.0.0/12`; undefined when malformed. Host bits may be set (as Go's net.ParseCIDR allows). */
export function parseCidr(cidr: string): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const ip = parseIPv4(m[1]!);
  const bits = Number(m[2]);
  if (ip === undefined || bits > 32) return undefined;
  return { base: (ip & maskOf(bits)) >>> 0, bits };
}

function maskOf(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** Whether `ip` lies in `cidr`. */
export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ((ip & maskOf(cidr.bits)) >>> 0) === cidr.base;
}

/** Whether CIDR `inner` lies entirely inside CIDR `outer`. */
export function cidrContainsCidr(outer: Cidr, inner: Cidr): boolean {
  return inner.bits >= outer.bits && cidrContains(outer, inner.base);
}

/** Whether a textual IP lies in a textual CIDR (false when either is malformed). */
export function ipInCidr(ip: string, cidr: string): boolean {
  const c = parseCidr(cidr);
  const n = parseIPv4(ip);
  return c !== undefined && n !== undefined && cidrContains(c, n);
}
