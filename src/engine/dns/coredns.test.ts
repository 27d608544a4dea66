import { describe, expect, it } from 'vitest';
import { queryClusterDns } from './coredns.ts';
import { indexDns } from './dns-index.ts';
import { LAB_PUBLIC_HOSTS, labCluster } from './fixtures.test-helpers.ts';
import type { DnsType } from './types.ts';

// "spec" is the Kubernetes DNS-Based Service Discovery specification (kubernetes/dns
// docs/specification.md); "docs" is the "DNS for Services and Pods" page; "coredns" cites
// coredns/coredns plugin/kubernetes (kubernetes.go, reverse.go, handler_test.go) and
// plugin/backend_lookup.go.

const cluster = labCluster();
const index = indexDns(cluster, LAB_PUBLIC_HOSTS);

interface Case {
  name: string;
  fqdn: string;
  type: DnsType;
  rcode: 'NOERROR' | 'NXDOMAIN';
  /** Answer data in answer order. */
  answers: string[];
}

const cases: Case[] = [
  // spec 2.3.1: A record for a ClusterIP Service.
  { name: 'ClusterIP Service A', fqdn: 'web.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.96.0.11'] },
  { name: 'the API server Service', fqdn: 'kubernetes.default.svc.cluster.local.', type: 'A', rcode: 'NOERROR', answers: ['10.96.0.1'] },
  // spec 2.1: all comparisons are case-insensitive.
  { name: 'case-insensitive', fqdn: 'WEB.Default.SVC.Cluster.Local.', type: 'A', rcode: 'NOERROR', answers: ['10.96.0.11'] },
  // coredns findServices: without `ignore empty_service` a Service with no endpoints still resolves.
  { name: 'ClusterIP Service without endpoints', fqdn: 'empty.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.96.0.12'] },
  // coredns handler_test "AAAA Service (with an existing A record, but no AAAA record)": NODATA.
  { name: 'AAAA of an IPv4 Service is NODATA', fqdn: 'web.default.svc.cluster.local', type: 'AAAA', rcode: 'NOERROR', answers: [] },
  { name: 'AAAA of a missing Service is NXDOMAIN', fqdn: 'nope.default.svc.cluster.local', type: 'AAAA', rcode: 'NXDOMAIN', answers: [] },
  // coredns handler_test "A Service (non-existing service)" and "(non-existing namespace)".
  { name: 'unknown Service', fqdn: 'nope.default.svc.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  { name: 'unknown namespace', fqdn: 'web.nowhere.svc.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  // coredns handler_test: svc.<zone>, pod.<zone> and an existing namespace are NODATA.
  { name: 'svc.<zone> exists, empty', fqdn: 'svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: [] },
  { name: 'pod.<zone> exists, empty', fqdn: 'pod.cluster.local', type: 'A', rcode: 'NOERROR', answers: [] },
  { name: 'an existing namespace is NODATA', fqdn: 'default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: [] },
  { name: 'a missing namespace is NXDOMAIN', fqdn: 'nowhere.svc.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  { name: 'the zone apex is NODATA', fqdn: 'cluster.local', type: 'A', rcode: 'NOERROR', answers: [] },
  // coredns parse.go: the label above the zone must be svc or pod (errInvalidRequest).
  { name: 'neither svc nor pod', fqdn: 'web.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  { name: 'too many labels', fqdn: 'a.b.c.web.default.svc.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },

  // spec 2.3.2: SRV for named ports of a ClusterIP Service; backend_lookup.go: weight 100/n.
  { name: 'ClusterIP SRV', fqdn: '_http._tcp.web.default.svc.cluster.local', type: 'SRV', rcode: 'NOERROR', answers: ['0 100 80 web.default.svc.cluster.local'] },
  { name: 'ClusterIP SRV, second port', fqdn: '_metrics._tcp.web.default.svc.cluster.local', type: 'SRV', rcode: 'NOERROR', answers: ['0 100 9090 web.default.svc.cluster.local'] },
  // coredns parse.go strips the underscores, so they are optional.
  { name: 'SRV labels without underscores', fqdn: 'http.tcp.web.default.svc.cluster.local', type: 'SRV', rcode: 'NOERROR', answers: ['0 100 80 web.default.svc.cluster.local'] },
  // coredns: an SRV query for the Service name itself answers every port, weights shared.
  { name: 'SRV on the Service name lists every port', fqdn: 'web.default.svc.cluster.local', type: 'SRV', rcode: 'NOERROR', answers: ['0 50 80 web.default.svc.cluster.local', '0 50 9090 web.default.svc.cluster.local'] },
  // spec 2.3.2: unnamed ports do not have an SRV record.
  { name: 'unnamed port has no _port SRV', fqdn: '_http._tcp.unnamed.default.svc.cluster.local', type: 'SRV', rcode: 'NXDOMAIN', answers: [] },
  { name: 'wrong protocol', fqdn: '_http._udp.web.default.svc.cluster.local', type: 'SRV', rcode: 'NXDOMAIN', answers: [] },
  { name: 'SRV of a Service without endpoints', fqdn: '_http._tcp.empty.default.svc.cluster.local', type: 'SRV', rcode: 'NOERROR', answers: ['0 100 80 empty.default.svc.cluster.local'] },

  // spec 2.4.1: a headless Service answers with its ready endpoints; not-ready ones are left out
  // (coredns EndpointSliceToEndpoints skips endpoints whose ready condition is false).
  { name: 'headless Service A', fqdn: 'nginx.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.244.0.6', '10.244.1.6'] },
  // spec 2.4.1: <hostname>.<service> for endpoints with a hostname (StatefulSet pods).
  { name: 'StatefulSet pod name', fqdn: 'web-0.nginx.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.244.0.6'] },
  { name: 'not-ready StatefulSet pod', fqdn: 'web-2.nginx.default.svc.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  { name: 'unknown endpoint of a headless Service', fqdn: 'bogus.nginx.default.svc.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  // spec 2.1 _hostname_: without a hostname CoreDNS uses the address with dashes.
  { name: 'headless endpoint without hostname', fqdn: '10-244-0-8.nohost.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.244.0.8'] },
  // spec 2.4.1: "If there are no ready endpoints for the headless Service, the answer should be NXDOMAIN".
  { name: 'headless Service with only not-ready endpoints', fqdn: 'drained.default.svc.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  // publishNotReadyAddresses: the EndpointSlice controller publishes the pod as ready.
  { name: 'publishNotReadyAddresses', fqdn: 'pnr.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.244.0.12'] },
  // docs "Pod's hostname and subdomain fields": hostname.subdomain with a headless Service of that name.
  { name: 'pod hostname and subdomain', fqdn: 'busybox-1.default-subdomain.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.244.0.10'] },
  // coredns findServices: endpoint names work below ClusterIP Services too ("Endpoint query or headless service").
  { name: 'endpoint name below a ClusterIP Service', fqdn: '10-244-0-5.web.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.244.0.5'] },

  // spec 2.4.2: one SRV per ready endpoint, target <hostname>.<service>; weight 100/n.
  { name: 'headless SRV', fqdn: '_web._tcp.nginx.default.svc.cluster.local', type: 'SRV', rcode: 'NOERROR', answers: ['0 50 80 web-0.nginx.default.svc.cluster.local', '0 50 80 web-1.nginx.default.svc.cluster.local'] },
  // backend_lookup.go: floor(100/3) = 33; the port is the endpoint's (targetPort), not the Service's.
  {
    name: 'headless SRV without hostnames',
    fqdn: '_http._tcp.nohost.default.svc.cluster.local',
    type: 'SRV',
    rcode: 'NOERROR',
    answers: ['0 33 8080 10-244-0-8.nohost.default.svc.cluster.local', '0 33 8080 10-244-0-9.nohost.default.svc.cluster.local', '0 33 8080 10-244-1-8.nohost.default.svc.cluster.local'],
  },

  // docs "Pods A/AAAA records": <dashed-ip>.<ns>.pod.<zone>.
  { name: 'pod A record', fqdn: '10-244-0-5.default.pod.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.244.0.5'] },
  // coredns findPods, podModeInsecure: no check that a pod has the address.
  { name: 'pods insecure answers any address', fqdn: '10-9-9-9.default.pod.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['10.9.9.9'] },
  { name: 'pod name in a missing namespace', fqdn: '10-244-0-5.nowhere.pod.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  { name: 'malformed pod name', fqdn: '10-244-0.default.pod.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  // Go's net.ParseIP rejects leading zeros.
  { name: 'pod name with a leading zero', fqdn: '10-244-0-05.default.pod.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  { name: 'AAAA of a pod name is NODATA', fqdn: '10-244-0-5.default.pod.cluster.local', type: 'AAAA', rcode: 'NOERROR', answers: [] },

  // spec 2.3.3: PTR for a ClusterIP.
  { name: 'PTR of a ClusterIP', fqdn: '11.0.96.10.in-addr.arpa', type: 'PTR', rcode: 'NOERROR', answers: ['web.default.svc.cluster.local'] },
  { name: 'PTR of the kube-dns ClusterIP', fqdn: '10.0.96.10.in-addr.arpa.', type: 'PTR', rcode: 'NOERROR', answers: ['kube-dns.kube-system.svc.cluster.local'] },
  // spec 2.4.3: PTR for a ready headless endpoint with a hostname.
  { name: 'PTR of a StatefulSet pod', fqdn: '6.0.244.10.in-addr.arpa', type: 'PTR', rcode: 'NOERROR', answers: ['web-0.nginx.default.svc.cluster.local'] },
  // coredns reverse.go: any ready endpoint answers, with the dashed address when it has no hostname.
  { name: 'PTR of a ClusterIP Service endpoint', fqdn: '5.0.244.10.in-addr.arpa', type: 'PTR', rcode: 'NOERROR', answers: ['10-244-0-5.web.default.svc.cluster.local'] },
  // coredns reverse.go: pods insecure gives no PTR for a pod IP as such; fallthrough goes upstream.
  { name: 'PTR of a pod behind no Service', fqdn: '20.0.244.10.in-addr.arpa', type: 'PTR', rcode: 'NXDOMAIN', answers: [] },
  { name: 'PTR of a not-ready endpoint', fqdn: '7.1.244.10.in-addr.arpa', type: 'PTR', rcode: 'NXDOMAIN', answers: [] },
  { name: 'PTR of a node IP goes upstream', fqdn: '2.0.18.172.in-addr.arpa', type: 'PTR', rcode: 'NOERROR', answers: ['node-1'] },
  { name: 'PTR of a Service name is NODATA', fqdn: 'web.default.svc.cluster.local', type: 'PTR', rcode: 'NOERROR', answers: [] },

  // spec 2.5: an ExternalName Service is a CNAME.
  { name: 'ExternalName CNAME', fqdn: 'db-ext.default.svc.cluster.local', type: 'CNAME', rcode: 'NOERROR', answers: ['db.example.com'] },
  // backend_lookup.go: the upstream lookup fails, the CNAME stays.
  { name: 'ExternalName A to an unknown public name', fqdn: 'db-ext.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['db.example.com'] },
  // coredns handler_test "CNAME External To Internal Service".
  { name: 'ExternalName to an in-cluster Service', fqdn: 'alias.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['web.default.svc.cluster.local', '10.96.0.11'] },
  // backend_lookup.go: inside the zone the CNAME is only added when its target resolves.
  { name: 'ExternalName to a missing in-cluster name', fqdn: 'broken-alias.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: [] },
  { name: 'ExternalName to a published public name', fqdn: 'shop.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['shop.example.com', '203.0.113.10'] },
  { name: 'ExternalName to a node name', fqdn: 'node-ext.default.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['node-1', '172.18.0.2'] },
  // backend_lookup.go follows CNAME chains inside the zone.
  { name: 'ExternalName to an ExternalName', fqdn: 'alias2.x.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: ['alias.default.svc.cluster.local', 'web.default.svc.cluster.local', '10.96.0.11'] },
  // backend_lookup.go: "x CNAME x is a direct loop, don't add those".
  { name: 'ExternalName pointing at itself', fqdn: 'loop.x.svc.cluster.local', type: 'A', rcode: 'NOERROR', answers: [] },
  // coredns findServices: an IP in externalName is not a CNAME, so nothing answers (the Service
  // docs: "ExternalNames that resemble IPv4 addresses are not resolved by DNS servers").
  { name: 'ExternalName holding an IP address', fqdn: 'ip-ext.default.svc.cluster.local', type: 'A', rcode: 'NXDOMAIN', answers: [] },
  // coredns kubernetes.go: "SRV for external services is not yet implemented".
  { name: 'SRV of an ExternalName Service', fqdn: 'db-ext.default.svc.cluster.local', type: 'SRV', rcode: 'NOERROR', answers: [] },
  { name: 'port SRV of an ExternalName Service', fqdn: '_http._tcp.db-ext.default.svc.cluster.local', type: 'SRV', rcode: 'NXDOMAIN', answers: [] },
  // coredns handler_test "A query for a subdomain of an external service should not resolve".
  { name: 'name below an ExternalName Service', fqdn: 'www.db-ext.default.svc.cluster.local', type: 'CNAME', rcode: 'NXDOMAIN', answers: [] },
  { name: 'CNAME query of a ClusterIP Service is NODATA', fqdn: 'web.default.svc.cluster.local', type: 'CNAME', rcode: 'NOERROR', answers: [] },

  // Corefile `forward . /etc/resolv.conf`: other names go to the node's resolver.
  { name: 'forwarded node name', fqdn: 'node-2', type: 'A', rcode: 'NOERROR', answers: ['172.18.0.3'] },
  { name: 'forwarded published hostname', fqdn: 'shop.example.com', type: 'A', rcode: 'NOERROR', answers: ['203.0.113.10'] },
  { name: 'forwarded unknown name', fqdn: 'example.org', type: 'A', rcode: 'NXDOMAIN', answers: [] },
];

describe('queryClusterDns', () => {
  it.each(cases)('$name', ({ fqdn, type, rcode, answers }) => {
    const got = queryClusterDns(cluster, fqdn, type, index);
    expect({ rcode: got.rcode, answers: got.answers.map((r) => r.data) }).toEqual({ rcode, answers });
  });

  it('gives cluster records the Corefile TTL of 30 and caps forwarded ones at 30 (cache 30)', () => {
    const cluster30 = queryClusterDns(cluster, 'web.default.svc.cluster.local', 'A', index);
    const forwarded = queryClusterDns(cluster, 'node-1', 'A', index);
    expect(cluster30.answers.map((r) => r.ttl)).toEqual([30]);
    expect(forwarded.answers.map((r) => r.ttl)).toEqual([30]);
  });

  it('writes record owners and types as dig shows them', () => {
    const got = queryClusterDns(cluster, 'Alias.default.svc.cluster.local.', 'A', index);
    expect(got.fqdn).toBe('alias.default.svc.cluster.local');
    expect(got.answers).toEqual([
      { name: 'alias.default.svc.cluster.local', type: 'CNAME', ttl: 30, data: 'web.default.svc.cluster.local' },
      { name: 'web.default.svc.cluster.local', type: 'A', ttl: 30, data: '10.96.0.11' },
    ]);
  });

  const reasonCases = [
    { name: 'ClusterIP answer names its Service', fqdn: 'web.default.svc.cluster.local', ref: 'service/default/web' },
    { name: 'headless answer names its EndpointSlice', fqdn: 'nginx.default.svc.cluster.local', ref: 'endpointslice/default/nginx-abc12' },
    { name: 'pod answer names the pod with that IP', fqdn: '10-244-0-5.default.pod.cluster.local', ref: 'pod/default/web-a' },
    { name: 'missing namespace is explained', fqdn: 'web.nowhere.svc.cluster.local', ref: 'namespace/nowhere' },
    { name: 'missing Service is explained', fqdn: 'nope.default.svc.cluster.local', ref: 'service/default/nope' },
    { name: 'not-ready endpoints are explained', fqdn: 'drained.default.svc.cluster.local', ref: 'endpointslice/default/drained-abc12' },
  ];
  it.each(reasonCases)('$name', ({ fqdn, ref }) => {
    const got = queryClusterDns(cluster, fqdn, 'A', index);
    expect(got.reasons.map((r) => r.ref)).toContain(ref);
  });

  it('builds its own index when none is passed', () => {
    expect(queryClusterDns(cluster, 'web.default.svc.cluster.local', 'A').answers.map((r) => r.data)).toEqual(['10.96.0.11']);
  });
});
