import { describe, expect, it } from 'vitest';
import { makeCluster, makePod } from './fixtures.test-helpers.ts';
import { ndotsOf, resolvConf } from './resolv-conf.ts';
import type { Pod } from '../types.ts';

// kubelet pkg/kubelet/network/dns GetPodDNS builds the config, containerd's parseDNSOptions writes
// it (search, nameserver, options). "docs" is "DNS for Services and Pods".

const cluster = makeCluster({ namespaces: ['x'] });

const cases: Array<{ name: string; pod: Pod; want: string }> = [
  // docs "Namespaces of Services": search <namespace>.svc.cluster.local svc.cluster.local cluster.local, ndots:5.
  {
    name: 'ClusterFirst',
    pod: makePod('x', 'a', '10.244.0.9'),
    want: 'search x.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
  },
  // getPodDNSType: Default, and ClusterFirst with hostNetwork, take the node's resolv.conf.
  { name: 'Default', pod: makePod('x', 'a', '10.244.0.9', { dnsPolicy: 'Default' }), want: 'nameserver 172.18.0.1\noptions ndots:0\n' },
  { name: 'ClusterFirst on hostNetwork', pod: makePod('x', 'a', '172.18.0.2', { hostNetwork: true }), want: 'nameserver 172.18.0.1\noptions ndots:0\n' },
  {
    name: 'ClusterFirstWithHostNet',
    pod: makePod('x', 'a', '172.18.0.2', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }),
    want: 'search x.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
  },
  // docs "Pod's DNS Config" example (custom-dns.yaml), in containerd's line order.
  {
    name: 'None with the docs example dnsConfig',
    pod: makePod('ns1', 'dns-example', '10.244.0.9', {
      dnsPolicy: 'None',
      dnsConfig: { nameservers: ['192.0.2.1'], searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'], options: [{ name: 'ndots', value: '2' }, { name: 'edns0' }] },
    }),
    want: 'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n',
  },
  // appendDNSConfig: servers and searches appended without duplicates, options merged by name.
  {
    name: 'ClusterFirst merged with dnsConfig',
    pod: makePod('x', 'a', '10.244.0.9', {
      dnsConfig: { nameservers: ['10.96.0.10', '192.0.2.53'], searches: ['svc.cluster.local', 'corp.example.'], options: [{ name: 'ndots', value: '2' }, { name: 'single-request-reopen' }] },
    }),
    want: 'search x.svc.cluster.local svc.cluster.local cluster.local corp.example\nnameserver 10.96.0.10\nnameserver 192.0.2.53\noptions ndots:2 single-request-reopen\n',
  },
  // formDNSNameserversFitsLimits: at most three nameservers.
  {
    name: 'nameservers cut to three',
    pod: makePod('x', 'a', '10.244.0.9', { dnsConfig: { nameservers: ['192.0.2.1', '192.0.2.2', '192.0.2.3'] } }),
    want: 'search x.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\nnameserver 192.0.2.1\nnameserver 192.0.2.2\noptions ndots:5\n',
  },
  // containerd copies the node's file when the kubelet gives it nothing to write.
  { name: 'None with an empty dnsConfig', pod: makePod('x', 'a', '10.244.0.9', { dnsPolicy: 'None', dnsConfig: {} }), want: 'nameserver 172.18.0.1\noptions ndots:0\n' },
];

describe('resolvConf', () => {
  it.each(cases)('$name', ({ pod, want }) => {
    expect(resolvConf(cluster, pod)).toBe(want);
  });

  it('follows the kube-dns Service address and the cluster domain', () => {
    const custom = makeCluster();
    custom.settings.clusterDomain = 'corp.local';
    custom.services = custom.services.map((s) => (s.name === 'kube-dns' ? { ...s, clusterIP: '10.96.0.99' } : s));
    expect(resolvConf(custom, makePod('default', 'a', '10.244.0.9'))).toBe('search default.svc.corp.local svc.corp.local corp.local\nnameserver 10.96.0.99\noptions ndots:5\n');
  });
});

describe('ndotsOf', () => {
  it.each([
    { name: 'default is 1', options: [], want: 1 },
    { name: 'kubelet default', options: ['ndots:5'], want: 5 },
    { name: 'last one wins', options: ['ndots:5', 'edns0', 'ndots:2'], want: 2 },
    { name: 'glibc caps at 15', options: ['ndots:30'], want: 15 },
  ])('$name', ({ options, want }) => {
    expect(ndotsOf(options)).toBe(want);
  });
});
