import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../engine/types.ts';
import { node, pod, policy, sampleCluster, service, slice } from './fixtures.test-helpers.ts';
import type { TopologyGraph, TopologyNode, TopologyNodeData } from './graph-types.ts';
import { clusterToGraph } from './model.ts';

const byId = (g: TopologyGraph, id: string): TopologyNode | undefined => g.nodes.find((n) => n.id === id);
const data = <K extends TopologyNodeData['kind']>(g: TopologyGraph, id: string, kind: K): Extract<TopologyNodeData, { kind: K }> => {
  const n = byId(g, id);
  if (!n || n.data.kind !== kind) throw new Error(`${id} is not a ${kind}`);
  return n.data as Extract<TopologyNodeData, { kind: K }>;
};

function withLoadBalancer(ips: string[]): Cluster {
  const c = sampleCluster();
  const lb = service('default', 'web-lb', { type: 'LoadBalancer', clusterIP: '10.96.0.12', selector: { app: 'web' }, loadBalancerIPs: ips, ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }] });
  return { ...c, services: [...c.services, lb], endpointSlices: [...c.endpointSlices, slice(lb, c.pods.slice(0, 3))] };
}

describe('clusterToGraph', () => {
  it('uses the element ids traces use, with parents before children', () => {
    const g = clusterToGraph(sampleCluster());
    const ids = g.nodes.map((n) => n.id);
    expect(ids).toContain('external');
    expect(ids).toContain('service/default/web');
    expect(ids).toContain('service/kube-system/kube-dns');
    expect(ids).toContain('node/node-1');
    expect(ids).toContain('pod/default/web-1');
    expect(ids).toContain('pod/kube-system/coredns-a');
    for (const [i, n] of g.nodes.entries()) if (n.parentId) expect(ids.indexOf(n.parentId)).toBeLessThan(i);
  });

  it('groups pods by node, then namespace, user namespaces first', () => {
    const g = clusterToGraph(sampleCluster());
    expect(byId(g, 'pod/default/web-1')?.parentId).toBe('nsgroup/node-1/default');
    expect(byId(g, 'pod/default/web-3')?.parentId).toBe('nsgroup/node-2/default');
    expect(byId(g, 'nsgroup/node-1/default')?.parentId).toBe('node/node-1');
    const groups = g.nodes.filter((n) => n.parentId === 'node/node-1').map((n) => n.id);
    expect(groups).toEqual(['nsgroup/node-1/default', 'nsgroup/node-1/kube-system']);
  });

  it('draws an edge per endpoint: ready solid, not ready dashed and labelled', () => {
    const c = sampleCluster();
    const pods = c.pods.map((p) => (p.name === 'web-2' ? { ...p, ready: false, readyCondition: false } : p));
    const web = c.services.find((s) => s.name === 'web')!;
    const g = clusterToGraph({ ...c, pods, endpointSlices: [slice(web, pods.slice(0, 3)), c.endpointSlices[1]!] });
    const edges = g.edges.filter((e) => e.source === 'service/default/web');
    expect(edges.map((e) => [e.target, e.data?.ready, e.label ?? ''])).toEqual([
      ['pod/default/web-1', true, ''],
      ['pod/default/web-2', false, 'not ready'],
      ['pod/default/web-3', true, ''],
    ]);
    expect(edges[1]!.className).toContain('edge-not-ready');
    expect(data(g, 'service/default/web', 'service')).toMatchObject({ readyEndpoints: 2, notReadyEndpoints: 1, noEndpoints: false });
    expect(data(g, 'pod/default/web-2', 'pod').status).toBe('NotReady');
  });

  const statusCases = [
    { name: 'ready', extra: {}, status: 'Ready' },
    { name: 'Ready condition false', extra: { ready: false, readyCondition: false }, status: 'NotReady' },
    { name: 'terminating', extra: { ready: false, terminating: true }, status: 'Terminating' },
    { name: 'pending', extra: { ready: false, phase: 'Pending' }, status: 'NotReady' },
  ];
  it.each(statusCases)('pod status: $name', ({ extra, status }) => {
    const c = sampleCluster();
    const g = clusterToGraph({ ...c, pods: c.pods.map((p) => (p.name === 'web-1' ? { ...p, ...extra } : p)) });
    expect(data(g, 'pod/default/web-1', 'pod').status).toBe(status);
  });

  it('flags a Service with no ready endpoints', () => {
    const c = sampleCluster();
    const lonely = service('default', 'lonely', { clusterIP: '10.96.0.20', selector: { app: 'nothing' } });
    const g = clusterToGraph({ ...c, services: [...c.services, lonely] });
    expect(data(g, 'service/default/lonely', 'service')).toMatchObject({ noEndpoints: true, readyEndpoints: 0 });
    expect(g.edges.some((e) => e.source === 'service/default/lonely')).toBe(false);
  });

  const lbCases = [
    { name: 'with an address', ips: ['203.0.113.10'], pending: false, edges: ['external->lb/default/web-lb', 'lb/default/web-lb->node/node-1', 'lb/default/web-lb->node/node-2'] },
    { name: 'pending', ips: [], pending: true, edges: [] },
  ];
  it.each(lbCases)('cloud load balancer $name', ({ ips, pending, edges }) => {
    const g = clusterToGraph(withLoadBalancer(ips));
    expect(data(g, 'lb/default/web-lb', 'loadBalancer')).toMatchObject({ pending, ips, ports: ['80/TCP → NodePort 30080'] });
    expect(g.edges.filter((e) => e.data?.kind !== 'endpoint').map((e) => `${e.source}->${e.target}`)).toEqual(edges);
    expect(data(g, 'node/node-1', 'kubeNode').nodePorts).toEqual([30080]);
    expect(data(g, 'service/default/web-lb', 'service').ports).toEqual([{ port: '80/TCP → 80', nodePort: 30080 }]);
  });

  const isolationCases = [
    { name: 'no policy', policies: [], expected: undefined },
    { name: 'ingress policy selecting app=web', policies: [policy('default', 'deny', { podSelector: { matchLabels: { app: 'web' } } })], expected: { ingress: true, egress: false, policies: ['default/deny'], enforced: true } },
    { name: 'policy in another namespace', policies: [policy('other', 'deny')], expected: undefined },
    { name: 'egress rules imply Egress', policies: [policy('default', 'out', { policyTypes: undefined, egress: [{}] })], expected: { ingress: true, egress: true, policies: ['default/out'], enforced: true } },
    { name: 'selector not matching', policies: [policy('default', 'db', { podSelector: { matchLabels: { app: 'db' } } })], expected: undefined },
  ];
  it.each(isolationCases)('NetworkPolicy isolation: $name', ({ policies, expected }) => {
    const g = clusterToGraph(sampleCluster({ networkPolicies: policies }));
    expect(data(g, 'pod/default/web-1', 'pod').isolation).toEqual(expected);
  });

  it('says when NetworkPolicy is not enforced by the CNI', () => {
    const c = sampleCluster({ networkPolicies: [policy('default', 'deny')] });
    const g = clusterToGraph({ ...c, settings: { ...c.settings, networkPolicy: false } });
    expect(data(g, 'pod/default/web-1', 'pod').isolation?.enforced).toBe(false);
  });

  it('hides the kubernetes Service unless a trace goes through it', () => {
    expect(byId(clusterToGraph(sampleCluster()), 'service/default/kubernetes')).toBeUndefined();
    expect(byId(clusterToGraph(sampleCluster(), { show: ['service/default/kubernetes'] }), 'service/default/kubernetes')).toBeDefined();
  });

  it('names CoreDNS and puts system Services last', () => {
    const g = clusterToGraph(withLoadBalancer(['203.0.113.10']));
    expect(data(g, 'service/kube-system/kube-dns', 'service').role).toBe('CoreDNS');
    expect(data(g, 'pod/kube-system/coredns-a', 'pod').role).toBe('CoreDNS');
    expect(g.nodes.filter((n) => n.type === 'service').map((n) => n.id)).toEqual(['service/default/web', 'service/default/web-lb', 'service/kube-system/kube-dns']);
  });

  it('puts pods without a node in an unscheduled group', () => {
    const c = sampleCluster();
    const g = clusterToGraph({ ...c, pods: [...c.pods, pod('default', 'stuck', '', '', { phase: 'Pending', ready: false })] });
    expect(byId(g, 'pod/default/stuck')?.parentId).toBe('unscheduled');
    expect(byId(g, 'unscheduled')?.data.tier).toBe(3);
  });

  it('is deterministic whatever order the cluster lists things in', () => {
    const c = sampleCluster();
    const shuffled = { ...c, pods: [...c.pods].reverse(), services: [...c.services].reverse(), endpointSlices: [...c.endpointSlices].reverse() };
    expect(clusterToGraph(shuffled)).toEqual(clusterToGraph(c));
  });

  it('draws a node-IP endpoint as an edge to the node', () => {
    const c = sampleCluster();
    const host = service('default', 'host', { clusterIP: '10.96.0.30', selector: undefined });
    const manual = { ...slice(host, []), endpoints: [{ addresses: [node('node-2', 1).internalIP], conditions: { ready: true, serving: true, terminating: false } }] };
    const g = clusterToGraph({ ...c, services: [...c.services, host], endpointSlices: [...c.endpointSlices, manual] });
    expect(g.edges.find((e) => e.source === 'service/default/host')?.target).toBe('node/node-2');
    expect(data(g, 'service/default/host', 'service').selectorless).toBe(true);
  });
});
