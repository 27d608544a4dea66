import { describe, expect, it } from 'vitest';
import { formatFieldError } from './field-errors.ts';
import { cidrContainsAddress, isValidCIDR, isValidIP, parseCIDR } from './ip-format.ts';

describe('isValidIP (strict, canonical)', () => {
  const cases = [
    { name: 'IPv4', value: '10.96.0.10', want: [] },
    { name: 'IPv6 canonical', value: 'fd00::10', want: [] },
    { name: 'IPv6 not canonical', value: 'FD00:0:0::10', want: ['f: Invalid value: "FD00:0:0::10": must be in canonical form ("fd00::10")'] },
    { name: 'octet too large', value: '10.96.0.256', want: ['f: Invalid value: "10.96.0.256": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'] },
    { name: 'leading zeros', value: '010.96.0.1', want: ['f: Invalid value: "010.96.0.1": must not have leading 0s'] },
    { name: 'IPv4-mapped IPv6', value: '::ffff:10.0.0.1', want: ['f: Invalid value: "::ffff:10.0.0.1": must not be an IPv4-mapped IPv6 address'] },
    { name: 'a hostname', value: 'kube-dns', want: ['f: Invalid value: "kube-dns": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'] },
  ];
  it.each(cases)('$name', ({ value, want }) => {
    expect(isValidIP('f', value).map(formatFieldError)).toEqual(want);
  });
});

describe('isValidCIDR (strict, canonical)', () => {
  const cases = [
    { name: 'network address', value: '203.0.113.0/24', want: [] },
    { name: 'host bits set', value: '203.0.113.7/24', want: ['f: Invalid value: "203.0.113.7/24": must not have bits set beyond the prefix length'] },
    { name: 'prefix too long', value: '10.0.0.0/33', want: ['f: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'] },
    { name: 'IPv6', value: '2001:db8::/64', want: [] },
  ];
  it.each(cases)('$name', ({ value, want }) => {
    expect(isValidCIDR('f', value).map(formatFieldError)).toEqual(want);
  });
});

describe('cidrContainsAddress', () => {
  const cases = [
    { name: 'inside', outer: '10.0.0.0/16', inner: '10.0.5.0/24', want: true },
    { name: 'outside', outer: '10.0.0.0/16', inner: '10.1.0.0/24', want: false },
    { name: 'host bits in outer are masked', outer: '10.0.9.9/16', inner: '10.0.5.0/24', want: true },
    { name: 'zero prefix holds everything', outer: '0.0.0.0/0', inner: '192.168.1.0/24', want: true },
    { name: 'families differ', outer: '10.0.0.0/8', inner: 'fd00::/64', want: false },
  ];
  it.each(cases)('$name', ({ outer, inner, want }) => {
    expect(cidrContainsAddress(parseCIDR(outer)!, parseCIDR(inner)!)).toBe(want);
  });
});
