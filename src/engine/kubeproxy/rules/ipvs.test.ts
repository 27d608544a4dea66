import { describe, expect, it } from 'vitest';
import type { Service } from '../../types.ts';
import { testCluster, testService, testSlice, type TestEndpoint } from './fixtures.ts';
import { buildIpvsVirtualServers, renderIpvsadm } from './ipvs.ts';

describe('renderIpvsadm golden', () => {
  it('ClusterIP, NodePort, LoadBalancer with affinity, UDP and an empty Service on node-1', () => {
    const web = testService('default', 'web', '10.96.0.20', [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }], {
      type: 'LoadBalancer',
      loadBalancerIPs: ['203.0.113.10'],
      sessionAffinity: 'ClientIP',
      sessionAffinityTimeoutSeconds: 600,
    });
    const dns = testService('kube-system', 'kube-dns', '10.96.0.10', [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }]);
    const empty = testService('default', 'empty', '10.96.0.30', [{ port: 8080 }]);
    const cluster = testCluster(2, [web, dns, empty], [
      testSlice(web, [{ name: 'http', port: 8080 }], [{ ip: '10.244.1.5', node: 'node-2' }, { ip: '10.244.0.5', node: 'node-1' }]),
      testSlice(dns, [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53 }], [{ ip: '10.244.0.2', node: 'node-1' }, { ip: '10.244.0.3', node: 'node-1' }]),
    ]);
    expect(renderIpvsadm(cluster, 'node-1')).toBe(`IP Virtual Server version 1.2.1 (size=4096)
Prot LocalAddress:Port Scheduler Flags
  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
TCP  10.96.0.10:53 rr
  -> 10.244.0.2:53                Masq    1      0          0
  -> 10.244.0.3:53                Masq    1      0          0
TCP  10.96.0.20:80 rr persistent 600
  -> 10.244.0.5:8080              Masq    1      0          0
  -> 10.244.1.5:8080              Masq    1      0          0
TCP  10.96.0.30:8080 rr
TCP  172.18.0.2:30080 rr persistent 600
  -> 10.244.0.5:8080              Masq    1      0          0
  -> 10.244.1.5:8080              Masq    1      0          0
TCP  203.0.113.10:80 rr persistent 600
  -> 10.244.0.5:8080              Masq    1      0          0
  -> 10.244.1.5:8080              Masq    1      0          0
UDP  10.96.0.10:53 rr
  -> 10.244.0.2:53                Masq    1      0          0
  -> 10.244.0.3:53                Masq    1      0          0
`);
  });
});

interface Case {
  name: string;
  service: Service;
  endpoints: TestEndpoint[];
  node: string;
  /** `address:port` of a virtual server -> its real servers. */
  want: Record<string, string[]>;
}

const np = (extra: Partial<Service>): Service =>
  testService('ns1', 'svc', '10.96.0.40', [{ name: 'p', port: 80, nodePort: 30040 }], { type: 'NodePort', ...extra });
const twoNodes: TestEndpoint[] = [{ ip: '10.244.0.4', node: 'node-1' }, { ip: '10.244.1.4', node: 'node-2' }];

const cases: Case[] = [
  {
    name: 'externalTrafficPolicy Local: the NodePort only has the local endpoint, the ClusterIP has all',
    service: np({ externalTrafficPolicy: 'Local' }),
    endpoints: twoNodes,
    node: 'node-2',
    want: { '10.96.0.40:80': ['10.244.0.4:80', '10.244.1.4:80'], '172.18.0.3:30040': ['10.244.1.4:80'] },
  },
  {
    name: 'externalTrafficPolicy Local without a local endpoint falls back to all endpoints (#97081)',
    service: np({ externalTrafficPolicy: 'Local' }),
    endpoints: [{ ip: '10.244.1.4', node: 'node-2' }],
    node: 'node-1',
    want: { '10.96.0.40:80': ['10.244.1.4:80'], '172.18.0.2:30040': ['10.244.1.4:80'] },
  },
  {
    name: 'internalTrafficPolicy Local on a ClusterIP Service without a local endpoint: an empty virtual server',
    service: np({ type: 'ClusterIP', internalTrafficPolicy: 'Local' }),
    endpoints: [{ ip: '10.244.1.4', node: 'node-2' }],
    node: 'node-1',
    want: { '10.96.0.40:80': [] },
  },
  {
    name: 'internalTrafficPolicy Local on a NodePort Service: the same fallback uses the cluster-wide endpoints',
    service: np({ internalTrafficPolicy: 'Local' }),
    endpoints: [{ ip: '10.244.1.4', node: 'node-2' }],
    node: 'node-1',
    want: { '10.96.0.40:80': ['10.244.1.4:80'], '172.18.0.2:30040': ['10.244.1.4:80'] },
  },
  {
    name: 'externalIPs get a virtual server each',
    service: np({ externalIPs: ['192.168.99.22'] }),
    endpoints: twoNodes,
    node: 'node-1',
    want: { '10.96.0.40:80': ['10.244.0.4:80', '10.244.1.4:80'], '172.18.0.2:30040': ['10.244.0.4:80', '10.244.1.4:80'], '192.168.99.22:80': ['10.244.0.4:80', '10.244.1.4:80'] },
  },
  {
    name: 'not-ready endpoints are not real servers',
    service: np({}),
    endpoints: [{ ip: '10.244.0.4', node: 'node-1', ready: false }, { ip: '10.244.1.4', node: 'node-2' }],
    node: 'node-1',
    want: { '10.96.0.40:80': ['10.244.1.4:80'], '172.18.0.2:30040': ['10.244.1.4:80'] },
  },
];

describe('buildIpvsVirtualServers', () => {
  for (const c of cases) {
    it(c.name, () => {
      const cluster = testCluster(2, [c.service], [testSlice(c.service, [{ name: 'p', port: 80 }], c.endpoints)]);
      const got = Object.fromEntries(buildIpvsVirtualServers(cluster, c.node).map((vs) => [`${vs.address}:${vs.port}`, vs.realServers.map((r) => `${r.address}:${r.port}`)]));
      expect(got).toEqual(c.want);
    });
  }
});
