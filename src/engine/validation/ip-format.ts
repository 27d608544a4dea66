// IP and CIDR checks as apimachinery's pkg/util/validation/ip.go makes them. The engine's dataplane
// is IPv4-only, but the API server accepts IPv6 syntax, so parsing here knows both families.
import type { FieldError } from '../types.ts';
import { invalid } from './field-errors.ts';

export interface ParsedIP {
  family: 4 | 6;
  /** 4 or 16 bytes, as Go's net.IP holds them. */
  bytes: number[];
  /** Accepted by Go's sloppy parser only (leading zeros in an IPv4 octet). */
  leadingZeros: boolean;
  /** An IPv6 form of an IPv4 address (`::ffff:1.2.3.4`). */
  mapped: boolean;
}

const ipv4Pattern = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const hexGroup = /^[0-9a-fA-F]{1,4}$/;

function parseIPv4Bytes(s: string): { bytes: number[]; leadingZeros: boolean } | undefined {
  const m = ipv4Pattern.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1);
  const bytes = parts.map(Number);
  if (bytes.some((b) => b > 255)) return undefined;
  return { bytes, leadingZeros: parts.some((p) => p.length > 1 && p.startsWith('0')) };
}

function parseIPv6Bytes(s: string): number[] | undefined {
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (i === items.length - 1 && item.includes('.')) {
        const v4 = parseIPv4Bytes(item);
        if (!v4 || v4.leadingZeros) return undefined;
        out.push((v4.bytes[0]! << 8) | v4.bytes[1]!, (v4.bytes[2]! << 8) | v4.bytes[3]!);
      } else if (hexGroup.test(item)) {
        out.push(parseInt(item, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return groups.flatMap((g) => [g >> 8, g & 255]);
}

/** netutils.ParseIPSloppy, remembering what the strict parser would reject. */
export function parseIP(value: string): ParsedIP | undefined {
  if (value.includes(':')) {
    const bytes = parseIPv6Bytes(value);
    if (!bytes) return undefined;
    const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255;
    return { family: mapped ? 4 : 6, bytes, leadingZeros: false, mapped };
  }
  const v4 = parseIPv4Bytes(value);
  return v4 ? { family: 4, bytes: v4.bytes, leadingZeros: v4.leadingZeros, mapped: false } : undefined;
}

/** net.IP.String(): dotted quad, or RFC 5952 text for IPv6. */
export function formatIP(ip: ParsedIP): string {
  const b = ip.bytes;
  if (b.length === 4) return b.join('.');
  if (ip.mapped) return b.slice(12).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((b[i]! << 8) | b[i + 1]!);
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

const INVALID_IP = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
const INVALID_CIDR = 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)';

/** validation.IsValidIP: strict parsing and canonical form (clusterIPs, endpoint addresses). */
export function isValidIP(field: string, value: string): FieldError[] {
  const ip = parseIP(value);
  if (!ip) return [invalid(field, value, INVALID_IP)];
  const errs: FieldError[] = [];
  if (ip.leadingZeros) errs.push(invalid(field, value, 'must not have leading 0s'));
  if (ip.mapped) errs.push(invalid(field, value, 'must not be an IPv4-mapped IPv6 address'));
  if (errs.length) return errs;
  const canonical = formatIP(ip);
  if (canonical !== value) errs.push(invalid(field, value, `must be in canonical form ("${canonical}")`));
  return errs;
}

export interface ParsedCIDR {
  ip: ParsedIP;
  bits: number;
}

/** netutils.ParseCIDRSloppy. */
export function parseCIDR(value: string): ParsedCIDR | undefined {
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(value.slice(0, slash));
  const prefix = value.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(prefix)) return undefined;
  const bits = Number(prefix);
  if (bits > ip.bytes.length * 8) return undefined;
  return { ip, bits };
}

function maskedBytes(c: ParsedCIDR): number[] {
  return c.ip.bytes.map((byte, i) => {
    const keep = Math.max(0, Math.min(8, c.bits - i * 8));
    return keep === 8 ? byte : byte & ((0xff << (8 - keep)) & 0xff);
  });
}

/** Whether the network address of `inner` lies in `outer` (net.IPNet.Contains). */
export function cidrContainsAddress(outer: ParsedCIDR, inner: ParsedCIDR): boolean {
  if (outer.ip.bytes.length !== inner.ip.bytes.length) return false;
  const outerNetwork = maskedBytes(outer);
  const innerUnderOuterMask = maskedBytes({ ip: { ...inner.ip, bytes: maskedBytes(inner) }, bits: outer.bits });
  return outerNetwork.every((byte, i) => byte === innerUnderOuterMask[i]);
}

/** validation.IsValidCIDRForLegacyField (sloppy parsing): NetworkPolicy ipBlocks. */
export function isValidCIDRLegacy(field: string, value: string): FieldError[] {
  return parseCIDR(value) ? [] : [invalid(field, value, INVALID_CIDR)];
}

/** validation.IsValidCIDR: strict and canonical (loadBalancerSourceRanges). */
export function isValidCIDR(field: string, value: string): FieldError[] {
  const c = parseCIDR(value);
  if (!c) return [invalid(field, value, INVALID_CIDR)];
  const prefix = value.slice(value.indexOf('/') + 1);
  if (c.ip.leadingZeros || (prefix.length > 1 && prefix.startsWith('0'))) return [invalid(field, value, 'must not have leading 0s in IP or prefix length')];
  if (c.ip.mapped) return [invalid(field, value, 'must not have an IPv4-mapped IPv6 address')];
  const network = maskedBytes(c);
  if (network.some((b, i) => b !== c.ip.bytes[i])) return [invalid(field, value, 'must not have bits set beyond the prefix length')];
  const canonical = `${formatIP({ ...c.ip, bytes: network })}/${c.bits}`;
  return canonical === value ? [] : [invalid(field, value, `must be in canonical form ("${canonical}")`)];
}
