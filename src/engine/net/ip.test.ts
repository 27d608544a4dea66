import { describe, expect, it } from 'vitest';
import { cidrContainsCidr, formatIPv4, ipInCidr, parseCidr, parseIPv4 } from './ip.ts';

describe('ip', () => {
  const cases = [
    { name: 'in service CIDR', ip: '10.96.0.10', cidr: '10.96.0.0/12', want: true },
    { name: 'edge of /12', ip: '10.111.255.255', cidr: '10.96.0.0/12', want: true },
    { name: 'outside /12', ip: '10.112.0.1', cidr: '10.96.0.0/12', want: false },
    { name: '/0 holds everything', ip: '8.8.8.8', cidr: '0.0.0.0/0', want: true },
    { name: '/32 exact', ip: '1.2.3.4', cidr: '1.2.3.4/32', want: true },
    { name: 'malformed ip', ip: '1.2.3', cidr: '0.0.0.0/0', want: false },
  ];
  for (const c of cases) it(c.name, () => expect(ipInCidr(c.ip, c.cidr)).toBe(c.want));

  it('round-trips', () => {
    expect(formatIPv4(parseIPv4('203.0.113.10')!)).toBe('203.0.113.10');
    expect(parseIPv4('256.0.0.1')).toBeUndefined();
    expect(parseIPv4('01.2.3.4')).toBeUndefined();
  });
  it('nests CIDRs', () => {
    expect(cidrContainsCidr(parseCidr('10.0.0.0/8')!, parseCidr('10.1.0.0/16')!)).toBe(true);
    expect(cidrContainsCidr(parseCidr('10.1.0.0/16')!, parseCidr('10.0.0.0/8')!)).toBe(false);
  });
});
