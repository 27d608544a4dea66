// DNS name and address helpers: what miekg/dns and Go's net.ParseIP do for CoreDNS.

import { parseIPv4 } from '../net/ip.ts';

/** Lower-cases a name and drops one trailing dot: DNS comparisons are case-insensitive. */
export function normalizeName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** Whether `name` is `zone` or lies below it (both normalized). */
export function inZone(name: string, zone: string): boolean {
  return name === zone || (name.length > zone.length && name.endsWith(zone) && name[name.length - zone.length - 1] === '.');
}

/** Whether a name lies in a reverse zone (`in-addr.arpa`, `ip6.arpa`). */
export function isReverseName(name: string): boolean {
  return inZone(name, 'in-addr.arpa') || inZone(name, 'ip6.arpa');
}

/** Canonical text of an IPv6 address (RFC 5952, as Go prints it); undefined when not IPv6. */
export function canonicalIPv6(text: string): string | undefined {
  const s = text.toLowerCase();
  if (!/^[0-9a-f:]+$/.test(s) || s.length < 2) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const parse = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (g.length < 1 || g.length > 4) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  let groups: number[];
  if (halves.length === 2) {
    const missing = 8 - head.length - tail.length;
    if (missing < 1) return undefined;
    groups = [...head, ...Array<number>(missing).fill(0), ...tail];
  } else {
    if (head.length !== 8) return undefined;
    groups = head;
  }
  // Compress the longest run of two or more zero groups (the first one on a tie).
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

/** Address family of a textual IP as Go's net.ParseIP sees it; undefined for anything else (a name). */
export function ipFamily(text: string): 'A' | 'AAAA' | undefined {
  if (text.includes(':')) return canonicalIPv6(text) !== undefined ? 'AAAA' : undefined;
  return parseIPv4(text) !== undefined ? 'A' : undefined;
}

/** The address as CoreDNS writes it in an A/AAAA record. */
export function canonicalIP(text: string): string {
  // parseIPv4 accepts only canonical dotted quads, so IPv4 text is already canonical.
  return text.includes(':') ? (canonicalIPv6(text) ?? text) : text;
}

/** The DNS label CoreDNS gives an endpoint without a hostname: its address with dashes
 * (`10-244-0-5`; for IPv6 `fd00--1`, with a `0` appended when it would end in a dash). */
export function dashedIP(ip: string): string {
  if (ip.includes('.')) return ip.replaceAll('.', '-');
  const dashed = ip.replaceAll(':', '-');
  return dashed.endsWith('-') ? `${dashed}0` : dashed;
}

/** The address a `pod` label stands for, as CoreDNS' findPods reads it: three dashes and no `--`
 * is IPv4, anything else is tried as IPv6; undefined when it does not parse. */
export function ipFromPodLabel(label: string): string | undefined {
  const dashes = label.split('-').length - 1;
  if (dashes === 3 && !label.includes('--')) {
    const ip = label.replaceAll('-', '.');
    return parseIPv4(ip) !== undefined ? ip : undefined;
  }
  const ip = label.replaceAll('-', ':');
  return canonicalIPv6(ip) !== undefined ? ip : undefined;
}

/** The in-addr.arpa name of an IPv4 address (`10.96.0.11` -> `11.0.96.10.in-addr.arpa`). */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** The IPv4 address an in-addr.arpa name stands for; undefined unless it has exactly four
 * octets (dnsutil.ExtractAddressFromReverse). IPv6 reverse names are not modelled. */
export function addressFromReverse(name: string): string | undefined {
  if (!name.endsWith('.in-addr.arpa')) return undefined;
  const labels = name.slice(0, -'.in-addr.arpa'.length).split('.');
  if (labels.length !== 4) return undefined;
  const ip = labels.reverse().join('.');
  return parseIPv4(ip) !== undefined ? ip : undefined;
}

/** Number of dots in a name, as the resolver counts them against ndots. */
export function countDots(name: string): number {
  let n = 0;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) === 46) n++;
  return n;
}
