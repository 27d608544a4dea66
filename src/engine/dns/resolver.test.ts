import { describe, expect, it } from 'vitest';
import { indexDns } from './dns-index.ts';
import { LAB_PUBLIC_HOSTS, labCluster, makePod } from './fixtures.test-helpers.ts';
import { resolvedAddresses, resolveFromPod, resolvePublic } from './resolver.ts';
import type { Pod } from '../types.ts';
import type { DnsType } from './types.ts';

// Search-list behaviour is glibc's res_search (resolv/res_query.c __res_context_search) with the
// resolv.conf the kubelet writes (pkg/kubelet/network/dns GetPodDNS); "docs" is the Kubernetes
// page "DNS for Services and Pods".

const cluster = labCluster();
const index = indexDns(cluster, LAB_PUBLIC_HOSTS);
const client = cluster.pods.find((p) => p.name === 'client')!; // namespace x
const inDefault = cluster.pods.find((p) => p.name === 'web-a')!;

interface Case {
  name: string;
  pod: Pod;
  query: string;
  type?: DnsType;
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: string[];
  attempts: string[];
  nameserver?: string;
}

const cases: Case[] = [
  // docs "Namespaces of Services": a bare name resolves in the pod's own namespace.
  { name: 'Service of the own namespace', pod: client, query: 'api', rcode: 'NOERROR', answers: ['10.96.0.20'], attempts: ['api.x.svc.cluster.local'], nameserver: '10.96.0.10' },
  // docs: "A query for data returns no results, because it uses the pod's test namespace."
  {
    name: 'Service of another namespace by its bare name',
    pod: client,
    query: 'web',
    rcode: 'NXDOMAIN',
    answers: [],
    attempts: ['web.x.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'],
  },
  // docs: "A query for data.prod returns the intended result".
  { name: '<service>.<namespace>', pod: client, query: 'web.default', rcode: 'NOERROR', answers: ['10.96.0.11'], attempts: ['web.default.x.svc.cluster.local', 'web.default.svc.cluster.local'] },
  { name: 'kubernetes.default from any namespace', pod: client, query: 'kubernetes.default', rcode: 'NOERROR', answers: ['10.96.0.1'], attempts: ['kubernetes.default.x.svc.cluster.local', 'kubernetes.default.svc.cluster.local'] },
  { name: '<service>.<namespace>.svc', pod: client, query: 'web.default.svc', rcode: 'NOERROR', answers: ['10.96.0.11'], attempts: ['web.default.svc.x.svc.cluster.local', 'web.default.svc.svc.cluster.local', 'web.default.svc.cluster.local'] },
  // ndots:5: four dots are fewer than five, so the search list comes first.
  {
    name: 'full name without trailing dot walks the search list first',
    pod: client,
    query: 'web.default.svc.cluster.local',
    rcode: 'NOERROR',
    answers: ['10.96.0.11'],
    attempts: ['web.default.svc.cluster.local.x.svc.cluster.local', 'web.default.svc.cluster.local.svc.cluster.local', 'web.default.svc.cluster.local.cluster.local', 'web.default.svc.cluster.local'],
  },
  // resolv.conf(5): a trailing dot makes a name absolute.
  { name: 'trailing dot: one query', pod: client, query: 'web.default.svc.cluster.local.', rcode: 'NOERROR', answers: ['10.96.0.11'], attempts: ['web.default.svc.cluster.local'] },
  { name: 'trailing dot on a short name', pod: client, query: 'api.', rcode: 'NXDOMAIN', answers: [], attempts: ['api'] },
  // At least ndots dots: tried as-is first.
  { name: 'five dots: as-is first', pod: client, query: 'web-0.nginx.default.svc.cluster.local', rcode: 'NOERROR', answers: ['10.244.0.6'], attempts: ['web-0.nginx.default.svc.cluster.local'] },
  {
    name: 'five dots, unknown: as-is, then the search list, as-is code wins',
    pod: client,
    query: 'a.b.c.d.e.f',
    rcode: 'NXDOMAIN',
    answers: [],
    attempts: ['a.b.c.d.e.f', 'a.b.c.d.e.f.x.svc.cluster.local', 'a.b.c.d.e.f.svc.cluster.local', 'a.b.c.d.e.f.cluster.local'],
  },
  // glibc keeps searching after NODATA and reports NO_DATA at the end (NOERROR, no answers).
  {
    name: 'a namespace name is NODATA, not NXDOMAIN',
    pod: client,
    query: 'default',
    rcode: 'NOERROR',
    answers: [],
    attempts: ['default.x.svc.cluster.local', 'default.svc.cluster.local', 'default.cluster.local', 'default'],
  },
  // docs: "For a headless service, this resolves to multiple answers".
  { name: 'headless Service', pod: inDefault, query: 'nginx', rcode: 'NOERROR', answers: ['10.244.0.6', '10.244.1.6'], attempts: ['nginx.default.svc.cluster.local'] },
  { name: 'StatefulSet pod by <pod>.<service>', pod: inDefault, query: 'web-1.nginx', rcode: 'NOERROR', answers: ['10.244.1.6'], attempts: ['web-1.nginx.default.svc.cluster.local'] },
  { name: 'ExternalName from a pod', pod: inDefault, query: 'db-ext', rcode: 'NOERROR', answers: ['db.example.com'], attempts: ['db-ext.default.svc.cluster.local'] },
  { name: 'ExternalName to a published host', pod: client, query: 'shop.default', rcode: 'NOERROR', answers: ['shop.example.com', '203.0.113.10'], attempts: ['shop.default.x.svc.cluster.local', 'shop.default.svc.cluster.local'] },
  { name: 'AAAA of a Service: NODATA everywhere', pod: client, query: 'api', type: 'AAAA', rcode: 'NOERROR', answers: [], attempts: ['api.x.svc.cluster.local', 'api.svc.cluster.local', 'api.cluster.local', 'api'] },
  { name: 'SRV through the search list', pod: client, query: '_http._tcp.web.default', type: 'SRV', rcode: 'NOERROR', answers: ['0 100 80 web.default.svc.cluster.local'], attempts: ['_http._tcp.web.default.x.svc.cluster.local', '_http._tcp.web.default.svc.cluster.local'] },
  { name: 'pod A record name', pod: client, query: '10-244-0-5.default.pod', rcode: 'NOERROR', answers: ['10.244.0.5'], attempts: ['10-244-0-5.default.pod.x.svc.cluster.local', '10-244-0-5.default.pod.svc.cluster.local', '10-244-0-5.default.pod.cluster.local'] },
  // Names outside the cluster go through CoreDNS to the node's resolver.
  { name: 'node name through CoreDNS', pod: client, query: 'node-2', rcode: 'NOERROR', answers: ['172.18.0.3'], attempts: ['node-2.x.svc.cluster.local', 'node-2.svc.cluster.local', 'node-2.cluster.local', 'node-2'] },
  // dig -x / nslookup of an address ask for its in-addr.arpa name.
  { name: 'PTR of an address', pod: client, query: '10.96.0.11', type: 'PTR', rcode: 'NOERROR', answers: ['web.default.svc.cluster.local'], attempts: ['11.0.96.10.in-addr.arpa'] },
  { name: 'an IPv4 literal needs no query', pod: client, query: '10.96.0.11', rcode: 'NOERROR', answers: ['10.96.0.11'], attempts: [] },

  // docs "Pod's DNS Policy": Default inherits the node's resolver, which knows nothing of the cluster.
  { name: 'dnsPolicy Default: cluster names do not resolve', pod: makePod('x', 'd', '10.244.0.30', { dnsPolicy: 'Default' }), query: 'api', rcode: 'NXDOMAIN', answers: [], attempts: ['api'], nameserver: '172.18.0.1' },
  { name: 'dnsPolicy Default: node names resolve', pod: makePod('x', 'd', '10.244.0.30', { dnsPolicy: 'Default' }), query: 'node-1', rcode: 'NOERROR', answers: ['172.18.0.2'], attempts: ['node-1'], nameserver: '172.18.0.1' },
  // kubelet getPodDNSType: ClusterFirst on hostNetwork falls back to Default.
  {
    name: 'hostNetwork with ClusterFirst uses the node resolver',
    pod: makePod('x', 'h', '172.18.0.2', { hostNetwork: true }),
    query: 'kubernetes.default',
    rcode: 'NXDOMAIN',
    answers: [],
    attempts: ['kubernetes.default'],
    nameserver: '172.18.0.1',
  },
  {
    name: 'hostNetwork with ClusterFirstWithHostNet uses CoreDNS',
    pod: makePod('x', 'h', '172.18.0.2', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }),
    query: 'kubernetes.default',
    rcode: 'NOERROR',
    answers: ['10.96.0.1'],
    attempts: ['kubernetes.default.x.svc.cluster.local', 'kubernetes.default.svc.cluster.local'],
    nameserver: '10.96.0.10',
  },
  // docs "Pod's DNS Config": None takes everything from dnsConfig.
  {
    name: 'dnsPolicy None pointing at kube-dns',
    pod: makePod('x', 'n', '10.244.0.31', { dnsPolicy: 'None', dnsConfig: { nameservers: ['10.96.0.10'], searches: ['default.svc.cluster.local'], options: [{ name: 'ndots', value: '2' }] } }),
    query: 'web',
    rcode: 'NOERROR',
    answers: ['10.96.0.11'],
    attempts: ['web.default.svc.cluster.local'],
    nameserver: '10.96.0.10',
  },
  {
    name: 'dnsPolicy None pointing at a public resolver',
    pod: makePod('x', 'n', '10.244.0.31', { dnsPolicy: 'None', dnsConfig: { nameservers: ['8.8.8.8'] } }),
    query: 'kubernetes.default.svc.cluster.local',
    rcode: 'NXDOMAIN',
    answers: [],
    attempts: ['kubernetes.default.svc.cluster.local'],
    nameserver: '8.8.8.8',
  },
  {
    name: 'a CoreDNS pod IP as nameserver is the cluster DNS',
    pod: makePod('x', 'n', '10.244.0.31', { dnsPolicy: 'None', dnsConfig: { nameservers: ['10.244.1.2'], searches: ['x.svc.cluster.local'] } }),
    query: 'api',
    rcode: 'NOERROR',
    answers: ['10.96.0.20'],
    attempts: ['api.x.svc.cluster.local'],
    nameserver: '10.244.1.2',
  },
  // dnsConfig options merge over ndots:5: with ndots:1 a dotted name goes as-is first.
  {
    name: 'ndots lowered through dnsConfig',
    pod: makePod('x', 'o', '10.244.0.32', { dnsConfig: { options: [{ name: 'ndots', value: '1' }] } }),
    query: 'web.default.svc.cluster.local',
    rcode: 'NOERROR',
    answers: ['10.96.0.11'],
    attempts: ['web.default.svc.cluster.local'],
  },
];

describe('resolveFromPod', () => {
  it.each(cases)('$name', ({ pod, query, type, rcode, answers, attempts, nameserver }) => {
    const got = resolveFromPod(cluster, pod, query, type ?? 'A', index);
    expect({ rcode: got.rcode, answers: got.answers, attempts: got.attempts.map((a) => a.fqdn) }).toEqual({ rcode, answers, attempts });
    if (nameserver) expect(got.nameserver).toBe(nameserver);
  });

  it('reports which name answered and which objects produced it', () => {
    const got = resolveFromPod(cluster, client, 'web.default', 'A', index);
    expect(got.resolvedName).toBe('web.default.svc.cluster.local');
    expect(got.attempts.map((a) => a.rcode)).toEqual(['NXDOMAIN', 'NOERROR']);
    expect(got.records).toEqual([{ name: 'web.default.svc.cluster.local', type: 'A', ttl: 30, data: '10.96.0.11' }]);
    expect(got.reasons.map((r) => r.ref)).toEqual(['pod/x/client', 'resolver', 'service/default/web']);
  });

  it('explains every failed name of an NXDOMAIN', () => {
    const got = resolveFromPod(cluster, client, 'web', 'A', index);
    expect(got.resolvedName).toBeUndefined();
    expect(got.reasons.map((r) => r.ref)).toEqual(['pod/x/client', 'resolver', 'service/x/web', 'namespace/web', 'configmap/kube-system/coredns', 'configmap/kube-system/coredns', 'public-dns']);
  });

  it('builds its own index when none is passed', () => {
    expect(resolveFromPod(cluster, client, 'api').answers).toEqual(['10.96.0.20']);
  });

  it('has no nameserver when dnsConfig gives searches but no nameservers under None', () => {
    const pod = makePod('x', 'n', '10.244.0.33', { dnsPolicy: 'None', dnsConfig: { searches: ['x.svc.cluster.local'] } });
    const got = resolveFromPod(cluster, pod, 'api', 'A', index);
    expect({ rcode: got.rcode, nameserver: got.nameserver, attempts: got.attempts }).toEqual({ rcode: 'NXDOMAIN', nameserver: '127.0.0.1', attempts: [] });
  });

  it('returns the same answers on repeated queries (memoized in the index)', () => {
    const first = resolveFromPod(cluster, client, 'web.default', 'A', index);
    const second = resolveFromPod(cluster, client, 'web.default', 'A', index);
    expect(second).toEqual(first);
  });
});

describe('resolvedAddresses', () => {
  it.each([
    { name: 'a ClusterIP', query: 'web.default', want: ['10.96.0.11'] },
    { name: 'CNAME then A', query: 'alias.default', want: ['10.96.0.11'] },
    { name: 'a CNAME alone is no address', query: 'db-ext.default', want: [] },
    { name: 'an IP literal', query: '10.96.0.11', want: ['10.96.0.11'] },
    { name: 'NXDOMAIN', query: 'nope', want: [] },
  ])('$name', ({ query, want }) => {
    expect(resolvedAddresses(resolveFromPod(cluster, client, query, 'A', index))).toEqual(want);
  });
});

describe('resolvePublic', () => {
  const publicCases = [
    { name: 'node name', query: 'node-1', rcode: 'NOERROR', answers: ['172.18.0.2'] },
    { name: 'node name, absolute and upper case', query: 'NODE-2.', rcode: 'NOERROR', answers: ['172.18.0.3'] },
    { name: 'published Ingress hostname', query: 'shop.example.com', rcode: 'NOERROR', answers: ['203.0.113.10'] },
    { name: 'cluster names are not public', query: 'web.default.svc.cluster.local', rcode: 'NXDOMAIN', answers: [] },
    { name: 'unknown public name', query: 'example.org', rcode: 'NXDOMAIN', answers: [] },
    { name: 'AAAA of a node name is NODATA', query: 'node-1', type: 'AAAA' as const, rcode: 'NOERROR', answers: [] },
    { name: 'PTR of a node IP', query: '172.18.0.3', type: 'PTR' as const, rcode: 'NOERROR', answers: ['node-2'] },
  ];
  it.each(publicCases)('$name', ({ query, type, rcode, answers }) => {
    const got = resolvePublic(cluster, query, LAB_PUBLIC_HOSTS, type ?? 'A');
    expect({ rcode: got.rcode, answers: got.answers }).toEqual({ rcode, answers });
    expect(got.nameserver).toBe('172.18.0.1');
  });

  it('uses no search list (ndots:0)', () => {
    expect(resolvePublic(cluster, 'web').attempts.map((a) => a.fqdn)).toEqual(['web']);
  });

  it('adds extra hosts to a prebuilt index', () => {
    const plain = indexDns(cluster);
    expect(resolvePublic(cluster, 'shop.example.com', undefined, 'A', plain).rcode).toBe('NXDOMAIN');
    expect(resolvePublic(cluster, 'shop.example.com', LAB_PUBLIC_HOSTS, 'A', plain).answers).toEqual(['203.0.113.10']);
  });
});
