import { describe, expect, it } from 'vitest';
import type { Service } from '../../types.ts';
import { testCluster, testService, testSlice, type TestEndpoint } from './fixtures.ts';
import { renderNftables } from './nftables.ts';

/** The body of one chain or set block (`\tchain NAME {` ... `\t}`), or undefined. */
function block(out: string, header: string): string | undefined {
  const start = out.indexOf(`\t${header} {\n`);
  if (start < 0) return undefined;
  return out.slice(start, out.indexOf('\n\t}', start) + 3);
}

describe('renderNftables golden', () => {
  it('one ClusterIP Service with one endpoint: service and endpoint chains, map element', () => {
    const svc1 = testService('ns1', 'svc1', '172.30.0.41', [{ name: 'p80', port: 80 }]);
    const out = renderNftables(testCluster(1, [svc1], [testSlice(svc1, [{ name: 'p80', port: 80 }], [{ ip: '10.180.0.1', node: 'node-1' }])]), 'node-1');
    // Chain names as in upstream pkg/proxy/nftables/proxier_test.go.
    expect(block(out, 'chain service-ULMVA6XW-ns1/svc1/tcp/p80')).toBe(`\tchain service-ULMVA6XW-ns1/svc1/tcp/p80 {
\t\tip daddr 172.30.0.41 tcp dport 80 ip saddr != 10.244.0.0/16 jump mark-for-masquerade
\t\tnumgen random mod 1 vmap { 0 : goto endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 }
\t}`);
    expect(block(out, 'chain endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80')).toBe(`\tchain endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80 {
\t\tip saddr 10.180.0.1 jump mark-for-masquerade
\t\tmeta l4proto tcp dnat to 10.180.0.1:80
\t}`);
    expect(block(out, 'map service-ips')).toBe(`\tmap service-ips {
\t\ttype ipv4_addr . inet_proto . inet_service : verdict
\t\tcomment "ClusterIP, ExternalIP and LoadBalancer IP traffic"
\t\telements = { 172.30.0.41 . tcp . 80 : goto service-ULMVA6XW-ns1/svc1/tcp/p80 }
\t}`);
    expect(out.startsWith('table ip kube-proxy {\n\tcomment "rules for kube-proxy"\n')).toBe(true);
    expect(out.endsWith('\n}\n')).toBe(true);
    expect(block(out, 'chain nat-prerouting')).toContain('type nat hook prerouting priority dstnat; policy accept;\n\t\tjump services');
    expect(block(out, 'chain masquerading')).toContain('meta mark & 0x00004000 == 0x00000000 return');
  });
});

interface Case {
  name: string;
  service: Service;
  endpoints: TestEndpoint[];
  node?: string;
  contains: string[];
  absent?: string[];
}

const svc = (extra: Partial<Service>, nodePort?: number): Service => testService('ns2', 'svc2', '172.30.0.42', [{ name: 'p80', port: 80, nodePort }], extra);

const cases: Case[] = [
  {
    name: 'no endpoints: the ClusterIP goes to reject-chain through no-endpoint-services',
    service: svc({}),
    endpoints: [],
    contains: ['elements = { 172.30.0.42 . tcp . 80 comment "ns2/svc2:p80" : goto reject-chain }'],
    absent: ['chain service-42NFTM6N'],
  },
  {
    name: 'externalTrafficPolicy Local without a local endpoint: NodePort dropped, pod traffic short-circuited',
    service: svc({ type: 'NodePort', externalTrafficPolicy: 'Local' }, 3001),
    endpoints: [{ ip: '10.180.0.2', node: 'node-2' }],
    node: 'node-1',
    contains: [
      'tcp . 3001 comment "ns2/svc2:p80" : drop',
      'tcp . 3001 : goto external-42NFTM6N-ns2/svc2/tcp/p80',
      'ip saddr 10.244.0.0/16 goto service-42NFTM6N-ns2/svc2/tcp/p80 comment "short-circuit pod traffic"',
      'fib saddr type local jump mark-for-masquerade comment "masquerade local traffic"',
    ],
    absent: ['chain local-', 'goto local-'],
  },
  {
    name: 'externalTrafficPolicy Cluster: the external chain masquerades then goes to the service chain',
    service: svc({ type: 'NodePort' }, 3001),
    endpoints: [{ ip: '10.180.0.2', node: 'node-2' }],
    contains: ['\tchain external-42NFTM6N-ns2/svc2/tcp/p80 {\n\t\tjump mark-for-masquerade\n\t\tgoto service-42NFTM6N-ns2/svc2/tcp/p80\n\t}'],
  },
  {
    name: 'ClientIP affinity: a timeout set per endpoint, checked before numgen, updated before DNAT',
    service: svc({ sessionAffinity: 'ClientIP', sessionAffinityTimeoutSeconds: 10800 }),
    endpoints: [{ ip: '10.180.0.2', node: 'node-1' }],
    contains: [
      '\t\tflags dynamic,timeout\n\t\ttimeout 3h\n',
      'ip saddr @affinity-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 goto endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80',
      'update @affinity-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80 { ip saddr }',
    ],
  },
  {
    name: 'loadBalancerSourceRanges: firewall-ips sends the LB IP to a firewall chain that drops other sources',
    service: svc({ type: 'LoadBalancer', loadBalancerIPs: ['5.6.7.8'], loadBalancerSourceRanges: ['203.0.113.0/25', '172.18.0.0/16'] }, 3002),
    endpoints: [{ ip: '10.180.0.3' }],
    contains: [
      '5.6.7.8 . tcp . 80 : goto firewall-42NFTM6N-ns2/svc2/tcp/p80',
      // node-1's IP 172.18.0.2 is in a range, so the LB IP itself is allowed too (hairpin from the node).
      'ip saddr != { 203.0.113.0/25, 172.18.0.0/16, 5.6.7.8 } drop',
    ],
  },
  {
    name: 'two endpoints: numgen random mod 2',
    service: svc({}),
    endpoints: [{ ip: '10.180.0.2' }, { ip: '10.180.0.3' }],
    contains: ['numgen random mod 2 vmap { 0 : goto endpoint-SGOXE6O3-ns2/svc2/tcp/p80__10.180.0.2/80, 1 : goto endpoint-'],
  },
];

describe('renderNftables', () => {
  for (const c of cases) {
    it(c.name, () => {
      const out = renderNftables(testCluster(2, [c.service], [testSlice(c.service, [{ name: 'p80', port: 80 }], c.endpoints)]), c.node ?? 'node-1');
      for (const text of c.contains) expect(out).toContain(text);
      for (const text of c.absent ?? []) expect(out).not.toContain(text);
    });
  }
});
