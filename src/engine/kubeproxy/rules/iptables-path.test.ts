import { describe, expect, it } from 'vitest';
import type { Service } from '../../types.ts';
import { testCluster, testService, testSlice } from './fixtures.ts';
import { iptablesPathFor, type IptablesPathArgs } from './iptables-path.ts';

const web = testService('default', 'web', '10.96.0.20', [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30080 }], { type: 'NodePort' });
const webEndpoints = [{ ip: '10.244.0.5', node: 'node-1' }, { ip: '10.244.1.5', node: 'node-2' }, { ip: '10.244.1.6', node: 'node-2' }];
const local = testService('default', 'local', '10.96.0.21', [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30081 }], { type: 'NodePort', externalTrafficPolicy: 'Local' });
const lb = testService('default', 'lb', '10.96.0.22', [{ name: 'http', port: 80, targetPort: 8080, nodePort: 30082 }], {
  type: 'LoadBalancer',
  loadBalancerIPs: ['203.0.113.10'],
  loadBalancerSourceRanges: ['198.51.100.0/24'],
});
const sticky = testService('default', 'sticky', '10.96.0.23', [{ name: 'http', port: 80, targetPort: 8080 }], { sessionAffinity: 'ClientIP' });
const empty = testService('default', 'empty', '10.96.0.24', [{ name: 'http', port: 80 }]);
const services: Service[] = [web, local, lb, sticky, empty];
const cluster = testCluster(2, services, [
  testSlice(web, [{ name: 'http', port: 8080 }], webEndpoints),
  testSlice(local, [{ name: 'http', port: 8080 }], [{ ip: '10.244.1.8', node: 'node-2' }]),
  testSlice(lb, [{ name: 'http', port: 8080 }], [{ ip: '10.244.1.9', node: 'node-2' }]),
  testSlice(sticky, [{ name: 'http', port: 8080 }], [{ ip: '10.244.0.10', node: 'node-1' }, { ip: '10.244.1.10', node: 'node-2' }]),
]);

interface Case {
  name: string;
  args: IptablesPathArgs;
  /** The chains of the steps, in order. */
  chains: string[];
  /** Substrings of particular steps' rules (by index). */
  rules?: Record<number, string>;
}

const cases: Case[] = [
  {
    name: 'pod to ClusterIP: the random pick replays the chosen endpoint, no masquerade',
    args: { service: 'default/web', port: 80, protocol: 'TCP', entry: 'cluster-ip', endpoint: '10.244.1.5:8080', sourceIP: '10.244.0.3' },
    chains: ['PREROUTING', 'KUBE-SERVICES', 'KUBE-SVC-CDGGSHYLG3RE2FKL', 'KUBE-SEP-AFGSLHOD2HFNCBX4', 'POSTROUTING', 'KUBE-POSTROUTING'],
    rules: {
      1: '-d 10.96.0.20/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-CDGGSHYLG3RE2FKL',
      2: '--probability 0.50000000000 -j KUBE-SEP-AFGSLHOD2HFNCBX4',
      3: '-j DNAT --to-destination 10.244.1.5:8080',
      5: '-m mark ! --mark 0x4000/0x4000 -j RETURN',
    },
  },
  {
    name: 'node process to ClusterIP: nat OUTPUT, masqueraded because it is outside the cluster CIDR',
    args: { service: 'default/web', port: 80, protocol: 'TCP', entry: 'cluster-ip', endpoint: '10.244.1.6:8080', sourceIP: '172.18.0.2' },
    chains: ['OUTPUT', 'KUBE-SERVICES', 'KUBE-SVC-CDGGSHYLG3RE2FKL', 'KUBE-MARK-MASQ', 'KUBE-SVC-CDGGSHYLG3RE2FKL', 'KUBE-SEP-F7BHZ7WL3PFYMSRY', 'POSTROUTING', 'KUBE-POSTROUTING', 'KUBE-POSTROUTING'],
    rules: { 2: '! -s 10.244.0.0/16', 8: '-j MASQUERADE --random-fully' },
  },
  {
    name: 'external client to NodePort (Cluster policy): KUBE-NODEPORTS, KUBE-EXT marks, FORWARD accepts, SNAT',
    args: { service: 'default/web', port: 80, protocol: 'TCP', entry: 'node-port', endpoint: '10.244.1.5:8080' },
    chains: [
      'PREROUTING', 'KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXT-CDGGSHYLG3RE2FKL', 'KUBE-MARK-MASQ', 'KUBE-EXT-CDGGSHYLG3RE2FKL',
      'KUBE-SVC-CDGGSHYLG3RE2FKL', 'KUBE-SEP-AFGSLHOD2HFNCBX4', 'FORWARD', 'KUBE-FORWARD', 'POSTROUTING', 'KUBE-POSTROUTING', 'KUBE-POSTROUTING',
    ],
    rules: { 2: '--dport 30080 -j KUBE-EXT-CDGGSHYLG3RE2FKL', 9: '-m mark --mark 0x4000/0x4000 -j ACCEPT' },
  },
  {
    name: 'external client to a Local NodePort on a node without endpoints: DROP in KUBE-EXTERNAL-SERVICES',
    args: { service: 'default/local', port: 80, protocol: 'TCP', entry: 'node-port' },
    chains: ['INPUT', 'KUBE-EXTERNAL-SERVICES'],
    rules: { 1: '"default/local:http has no local endpoints" -m addrtype --dst-type LOCAL -m tcp --dport 30081 -j DROP' },
  },
  {
    name: 'pod to the same Local NodePort: short-circuited to the cluster-wide endpoints',
    args: { service: 'default/local', port: 80, protocol: 'TCP', entry: 'node-port', sourceIP: '10.244.0.3' },
    chains: ['PREROUTING', 'KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-EXT-', 'KUBE-SVC-', 'KUBE-SEP-', 'POSTROUTING', 'KUBE-POSTROUTING'],
    rules: { 3: '"pod traffic for default/local:http external destinations"' },
  },
  {
    name: 'disallowed source to a LoadBalancer with source ranges: KUBE-FW falls through, KUBE-PROXY-FIREWALL drops',
    args: { service: 'default/lb', port: 80, protocol: 'TCP', entry: 'load-balancer', sourceIP: '192.0.2.50' },
    chains: ['PREROUTING', 'KUBE-SERVICES', 'KUBE-FW-', 'FORWARD', 'KUBE-PROXY-FIREWALL'],
    rules: { 2: 'will be dropped by KUBE-PROXY-FIREWALL', 4: '-d 203.0.113.10/32 -p tcp' },
  },
  {
    name: 'allowed source to the same LoadBalancer: KUBE-FW passes it to KUBE-EXT',
    args: { service: 'default/lb', port: 80, protocol: 'TCP', entry: 'load-balancer', sourceIP: '198.51.100.7' },
    chains: ['PREROUTING', 'KUBE-SERVICES', 'KUBE-FW-', 'KUBE-EXT-', 'KUBE-MARK-MASQ', 'KUBE-EXT-', 'KUBE-SVC-', 'KUBE-SEP-', 'FORWARD', 'KUBE-FORWARD', 'POSTROUTING', 'KUBE-POSTROUTING', 'KUBE-POSTROUTING'],
    rules: { 2: '-s 198.51.100.0/24' },
  },
  {
    name: 'ClientIP affinity hit: the recent --rcheck rule sends the client back to its endpoint',
    args: { service: 'default/sticky', port: 80, protocol: 'TCP', entry: 'cluster-ip', endpoint: '10.244.1.10:8080', sourceIP: '10.244.0.3', affinityHit: true },
    chains: ['PREROUTING', 'KUBE-SERVICES', 'KUBE-SVC-', 'KUBE-SEP-', 'POSTROUTING', 'KUBE-POSTROUTING'],
    rules: { 2: '-m recent --rcheck --seconds 10800 --reap', 3: '-m recent --set' },
  },
  {
    name: 'Service without endpoints: REJECT in the filter KUBE-SERVICES',
    args: { service: 'default/empty', port: 80, protocol: 'TCP', entry: 'cluster-ip', sourceIP: '10.244.0.3' },
    chains: ['FORWARD', 'KUBE-SERVICES'],
    rules: { 1: '"default/empty:http has no endpoints" -m tcp --dport 80 -j REJECT --reject-with icmp-port-unreachable' },
  },
  {
    name: 'unknown Service: no path',
    args: { service: 'default/nope', port: 80, protocol: 'TCP', entry: 'cluster-ip' },
    chains: [],
  },
];

describe('iptablesPathFor', () => {
  for (const c of cases) {
    it(c.name, () => {
      const steps = iptablesPathFor(cluster, 'node-1', c.args);
      expect(steps.map((s) => s.chain)).toEqual(c.chains.map((ch) => (ch.endsWith('-') ? expect.stringMatching(`^${ch}`) : ch)));
      for (const [i, text] of Object.entries(c.rules ?? {})) expect(steps[Number(i)]?.rule).toContain(text);
      for (const s of steps) expect(s.rule.startsWith(`-A ${s.chain} `) || s.rule === `-A ${s.chain}`).toBe(true);
    });
  }

  it('without a chosen endpoint the first pick wins', () => {
    const steps = iptablesPathFor(cluster, 'node-1', { service: 'default/web', port: 80, protocol: 'TCP', entry: 'cluster-ip', sourceIP: '10.244.0.3' });
    expect(steps.find((s) => s.rule.includes('DNAT'))?.rule).toContain('--to-destination 10.244.0.5:8080');
  });
});
