import { describe, expect, it } from 'vitest';
import { addressFromReverse, canonicalIPv6, dashedIP, inZone, ipFromPodLabel, normalizeName, reverseName } from './names.ts';
import { parseRequest } from './kubernetes-plugin.ts';

describe('names', () => {
  it.each([
    { name: 'compresses the longest zero run', input: '2001:DB8:0:0:0:0:0:1', want: '2001:db8::1' },
    { name: 'keeps a single zero group', input: '2001:db8:0:1:1:1:1:1', want: '2001:db8:0:1:1:1:1:1' },
    { name: 'first of equal runs', input: '1:0:0:1:0:0:1:1', want: '1::1:0:0:1:1' },
    { name: 'strips leading zeros', input: 'fd00:0000::000a', want: 'fd00::a' },
    { name: 'all zeros', input: '::', want: '::' },
    { name: 'too many groups', input: '1:2:3:4:5:6:7:8:9', want: undefined },
    { name: 'two ::', input: '1::2::3', want: undefined },
    { name: 'not hex', input: 'fd00::g', want: undefined },
  ])('canonicalIPv6: $name', ({ input, want }) => {
    expect(canonicalIPv6(input)).toBe(want);
  });

  // coredns findPods: three dashes and no `--` is IPv4, otherwise IPv6.
  it.each([
    { name: 'IPv4', label: '10-244-0-5', want: '10.244.0.5' },
    { name: 'IPv6', label: 'fd00--5', want: 'fd00::5' },
    { name: 'too few dashes', label: '10-244-0', want: undefined },
    { name: 'octet out of range', label: '10-244-0-256', want: undefined },
    { name: 'a word', label: 'web', want: undefined },
  ])('ipFromPodLabel: $name', ({ label, want }) => {
    expect(ipFromPodLabel(label)).toBe(want);
  });

  it.each([
    { name: 'IPv4', ip: '10.244.0.5', want: '10-244-0-5' },
    { name: 'IPv6 ending in ::', ip: 'fd00::', want: 'fd00--0' },
  ])('dashedIP: $name', ({ ip, want }) => {
    expect(dashedIP(ip)).toBe(want);
  });

  it('maps addresses to in-addr.arpa names and back', () => {
    expect(reverseName('10.96.0.11')).toBe('11.0.96.10.in-addr.arpa');
    expect(addressFromReverse('11.0.96.10.in-addr.arpa')).toBe('10.96.0.11');
    expect(addressFromReverse('96.10.in-addr.arpa')).toBeUndefined();
    expect(addressFromReverse('x.0.96.10.in-addr.arpa')).toBeUndefined();
  });

  it('normalizes and compares zones', () => {
    expect(normalizeName('Web.Default.')).toBe('web.default');
    expect(inZone('a.cluster.local', 'cluster.local')).toBe(true);
    expect(inZone('cluster.local', 'cluster.local')).toBe(true);
    expect(inZone('acluster.local', 'cluster.local')).toBe(false);
  });
});

// coredns plugin/kubernetes/parse_test.go shapes.
describe('parseRequest', () => {
  it.each([
    { name: 'service', base: 'web.default.svc', want: { service: 'web', namespace: 'default', podOrSvc: 'svc', endpoint: '', port: '', protocol: '' } },
    { name: 'endpoint', base: 'web-0.nginx.default.svc', want: { service: 'nginx', namespace: 'default', podOrSvc: 'svc', endpoint: 'web-0', port: '', protocol: '' } },
    { name: 'port and protocol', base: '_http._tcp.web.default.svc', want: { service: 'web', namespace: 'default', podOrSvc: 'svc', endpoint: '', port: 'http', protocol: 'tcp' } },
    { name: 'pod', base: '10-244-0-5.default.pod', want: { service: '10-244-0-5', namespace: 'default', podOrSvc: 'pod', endpoint: '', port: '', protocol: '' } },
    { name: 'namespace only', base: 'default.svc', want: { service: '', namespace: 'default', podOrSvc: 'svc', endpoint: '', port: '', protocol: '' } },
    { name: 'apex', base: '', want: { service: '', namespace: '', podOrSvc: '', endpoint: '', port: '', protocol: '' } },
    { name: 'neither svc nor pod', base: 'web', want: undefined },
    { name: 'too long', base: 'a.b.c.web.default.svc', want: undefined },
  ])('$name', ({ base, want }) => {
    expect(parseRequest(base)).toEqual(want);
  });
});
