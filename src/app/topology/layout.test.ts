import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { pod, sampleCluster, service, slice } from './fixtures.test-helpers.ts';
import type { Cluster } from '../../engine/types.ts';
import { applyLayout, layoutGraph, layoutKey, toElkGraph, type Box, type Layout } from './layout.ts';
import { clusterToGraph } from './model.ts';

const elk = new ELK();

function withLoadBalancer(c: Cluster): Cluster {
  const lb = service('default', 'web-lb', { type: 'LoadBalancer', clusterIP: '10.96.0.12', selector: { app: 'web' }, loadBalancerIPs: ['203.0.113.10'], ports: [{ name: '', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30080 }] });
  return { ...c, services: [...c.services, lb], endpointSlices: [...c.endpointSlices, slice(lb, c.pods.filter((p) => p.labels.app === 'web'))] };
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('toElkGraph', () => {
  it('nests compounds, lifts edges to top-level boxes and dedupes them', () => {
    const g = toElkGraph(clusterToGraph(withLoadBalancer(sampleCluster())));
    const top = (g.children ?? []).map((c) => c.id);
    expect(top).toEqual(['external', 'lb/default/web-lb', 'service/default/web', 'service/default/web-lb', 'service/kube-system/kube-dns', 'node/node-1', 'node/node-2']);
    const node1 = g.children!.find((c) => c.id === 'node/node-1')!;
    expect(node1.children!.map((c) => c.id)).toEqual(['nsgroup/node-1/default', 'nsgroup/node-1/kube-system']);
    expect(node1.children![0]!.children!.map((c) => c.id)).toEqual(['pod/default/web-1', 'pod/default/web-2']);
    expect(g.edges!.map((e) => e.id)).toEqual([
      'external->lb/default/web-lb',
      'lb/default/web-lb->node/node-1',
      'lb/default/web-lb->node/node-2',
      'service/default/web->node/node-1',
      'service/default/web->node/node-2',
      'service/default/web-lb->node/node-1',
      'service/default/web-lb->node/node-2',
      'service/kube-system/kube-dns->node/node-1',
      'service/kube-system/kube-dns->node/node-2',
    ]);
  });

  it('keys the layout on structure only', () => {
    const c = sampleCluster();
    const flipped = { ...c, pods: c.pods.map((p) => (p.name === 'web-1' ? { ...p, ready: false } : p)) };
    expect(layoutKey(clusterToGraph(flipped))).toBe(layoutKey(clusterToGraph(c)));
    const scaled = { ...c, pods: [...c.pods, pod('default', 'web-4', 'node-2', '10.244.1.3')] };
    expect(layoutKey(clusterToGraph(scaled))).not.toBe(layoutKey(clusterToGraph(c)));
  });
});

describe('layoutGraph (ELK)', () => {
  let first: Layout;
  it('stacks the tiers top to bottom, keeps children inside parents and nothing overlaps', async () => {
    const graph = clusterToGraph(withLoadBalancer(sampleCluster()));
    first = await layoutGraph(elk, graph);
    const a = first.absolute;
    const bottom = (id: string) => a[id]!.y + a[id]!.height;
    expect(bottom('external')).toBeLessThanOrEqual(a['lb/default/web-lb']!.y);
    expect(bottom('lb/default/web-lb')).toBeLessThanOrEqual(a['service/default/web']!.y);
    expect(bottom('service/default/web')).toBeLessThanOrEqual(a['node/node-1']!.y);
    for (const n of graph.nodes) {
      expect(a[n.id], n.id).toBeDefined();
      if (n.parentId) expect(inside(a[n.id]!, a[n.parentId]!), `${n.id} inside ${n.parentId}`).toBe(true);
    }
    const siblings = new Map<string | undefined, string[]>();
    for (const n of graph.nodes) siblings.set(n.parentId, [...(siblings.get(n.parentId) ?? []), n.id]);
    for (const ids of siblings.values())
      for (const [i, x] of ids.entries()) for (const y of ids.slice(i + 1)) expect(overlaps(a[x]!, a[y]!), `${x} overlaps ${y}`).toBe(false);
    expect(a['node/node-1']!.x).toBeLessThan(a['node/node-2']!.x);
  });

  it('keeps positions stable when a pod is added to another node', async () => {
    const c = withLoadBalancer(sampleCluster());
    const scaled = { ...c, pods: [...c.pods, pod('default', 'web-4', 'node-2', '10.244.1.3')] };
    const next = await layoutGraph(elk, clusterToGraph(scaled));
    for (const id of ['pod/default/web-1', 'pod/default/web-2', 'pod/kube-system/coredns-a']) expect(next.relative[id], id).toEqual(first.relative[id]);
    expect(next.absolute['node/node-1']!.x).toBe(first.absolute['node/node-1']!.x);
  });

  it('hides nodes the layout does not know yet and their edges', async () => {
    const c = sampleCluster();
    const layout = await layoutGraph(elk, clusterToGraph(c));
    const web = c.services.find((s) => s.name === 'web')!;
    const extra = pod('default', 'web-4', 'node-2', '10.244.1.3');
    const grown = { ...c, pods: [...c.pods, extra], endpointSlices: [slice(web, [...c.pods.slice(0, 3), extra]), c.endpointSlices[1]!] };
    const applied = applyLayout(clusterToGraph(grown), layout);
    expect(applied.nodes.find((n) => n.id === 'pod/default/web-4')?.hidden).toBe(true);
    expect(applied.nodes.find((n) => n.id === 'pod/default/web-1')?.hidden).toBeUndefined();
    expect(applied.edges.some((e) => e.target === 'pod/default/web-4')).toBe(false);
  });
});
