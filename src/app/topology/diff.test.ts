import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../engine/types.ts';
import { describeChanges, diffClusters, isEmptyChanges, markChanges } from './diff.ts';
import { pod, sampleCluster, slice } from './fixtures.test-helpers.ts';
import { clusterToGraph } from './model.ts';

/** The sample cluster with the web Service's slice rebuilt from the given pods. */
function withWebPods(edit: (pods: Cluster['pods']) => Cluster['pods']): Cluster {
  const c = sampleCluster();
  const pods = edit(c.pods);
  const web = c.services.find((s) => s.name === 'web')!;
  const webPods = pods.filter((p) => p.labels.app === 'web');
  return { ...c, pods, endpointSlices: [slice(web, webPods), c.endpointSlices[1]!] };
}

describe('diffClusters', () => {
  const cases = [
    { name: 'no previous cluster', previous: undefined, next: sampleCluster(), expected: [] },
    { name: 'same cluster', previous: sampleCluster(), next: sampleCluster(), expected: [] },
    {
      name: 'scale up: a pod and its endpoint appear',
      previous: sampleCluster(),
      next: withWebPods((pods) => [...pods, pod('default', 'web-4', 'node-2', '10.244.1.3')]),
      expected: ['+ pod default/web-4 added on node-2', '+ endpoint 10.244.1.3 of Service default/web appeared'],
    },
    {
      name: 'pod deleted: pod and endpoint vanish',
      previous: sampleCluster(),
      next: withWebPods((pods) => pods.filter((p) => p.name !== 'web-1')),
      expected: ['− pod default/web-1 removed', '− endpoint 10.244.0.2 of Service default/web vanished'],
    },
    {
      name: 'readiness flips, endpoint stays (as not ready)',
      previous: sampleCluster(),
      next: withWebPods((pods) => pods.map((p) => (p.name === 'web-2' ? { ...p, ready: false, readyCondition: false } : p))),
      expected: ['~ pod default/web-2: Ready → NotReady'],
    },
    {
      name: 'selector broken: every endpoint vanishes, summed per Service',
      previous: sampleCluster(),
      next: withWebPods((pods) => pods.map((p) => (p.labels.app === 'web' ? { ...p, labels: { app: 'wbe' } } : p))),
      expected: ['− 3 endpoints of Service default/web vanished'],
    },
  ];
  it.each(cases)('$name', ({ previous, next, expected }) => {
    const changes = diffClusters(previous, next);
    expect(describeChanges(changes)).toEqual(expected);
    expect(isEmptyChanges(changes)).toBe(expected.length === 0);
  });
});

describe('markChanges', () => {
  it('marks added pods, readiness flips and touched Services, and draws vanished endpoints', () => {
    const previous = sampleCluster();
    const next = withWebPods((pods) => [
      ...pods.filter((p) => p.name !== 'web-1').map((p) => (p.name === 'web-2' ? { ...p, ready: false } : p)),
      pod('default', 'web-4', 'node-2', '10.244.1.3'),
    ]);
    // web-1 is gone from the pods, so its vanished endpoint has no pod to point at; re-add it
    // unselected (labels changed) to see the "removed" edge drawn.
    const relabelled: Cluster = { ...next, pods: [...next.pods, pod('default', 'web-1', 'node-1', '10.244.0.2', { labels: { app: 'old' } })] };
    const graph = markChanges(clusterToGraph(relabelled), diffClusters(previous, relabelled));
    const pods = Object.fromEntries(graph.nodes.flatMap((n) => (n.type === 'pod' ? [[n.id, n.data.change]] : [])));
    expect(pods['pod/default/web-4']).toBe('added');
    expect(pods['pod/default/web-2']).toBe('readiness');
    expect(pods['pod/default/web-3']).toBeUndefined();
    const svc = graph.nodes.find((n) => n.id === 'service/default/web');
    expect(svc?.type === 'service' && svc.data.change).toBe('endpoints');
    const removed = graph.edges.filter((e) => e.data?.change === 'removed');
    expect(removed.map((e) => [e.source, e.target, e.label])).toEqual([['service/default/web', 'pod/default/web-1', '− endpoint vanished']]);
    const added = graph.edges.filter((e) => e.data?.change === 'added');
    expect(added.map((e) => e.target)).toEqual(['pod/default/web-4']);
  });
});
