import { describe, expect, it } from 'vitest';
import { indexDns } from './dns-index.ts';
import { endpoint, makeCluster, makePod, makeService, makeSlice, port } from './fixtures.test-helpers.ts';
import { resolveFromPod } from './resolver.ts';
import type { Pod } from '../types.ts';

// Probes resolve names on every trace of a 2,000-pod / 500-Service cluster: with a prebuilt index a
// resolution must cost microseconds, not a scan of every Service.

function bigCluster() {
  const pods: Pod[] = [];
  for (let i = 0; i < 2000; i++) pods.push(makePod(`ns-${i % 20}`, `p-${i}`, `10.244.${Math.floor(i / 250)}.${(i % 250) + 2}`));
  const services = [];
  const slices = [];
  for (let s = 0; s < 500; s++) {
    const ns = `ns-${s % 20}`;
    services.push(makeService(ns, `svc-${s}`, s % 5 === 0 ? 'None' : `10.96.${Math.floor(s / 250) + 1}.${(s % 250) + 2}`, [port('http', 80)]));
    const eps = [];
    for (let k = 0; k < 4; k++) {
      const p = pods[(s * 4 + k) % 2000]!;
      eps.push(endpoint(p.podIP, { pod: p.name, namespace: ns }));
    }
    slices.push(makeSlice(ns, `svc-${s}`, [{ name: 'http', port: 80, protocol: 'TCP' }], eps));
  }
  return { cluster: makeCluster({ pods, services, slices }), pods };
}

describe('performance', () => {
  it('resolves names from a pod in microseconds with a prebuilt index', () => {
    const { cluster, pods } = bigCluster();
    const index = indexDns(cluster);
    const pod = pods[3]!; // namespace ns-3
    const names = ['svc-3', 'svc-5.ns-5', 'svc-0', 'nope', 'svc-7.ns-7.svc.cluster.local', 'node-1'];
    expect(resolveFromPod(cluster, pod, 'svc-3', 'A', index).answers).toEqual(['10.96.1.5']);
    const rounds = 2000;
    for (const name of names) for (let i = 0; i < 200; i++) resolveFromPod(cluster, pod, name, 'A', index);
    const start = performance.now();
    for (let i = 0; i < rounds; i++) for (const name of names) resolveFromPod(cluster, pod, name, 'A', index);
    const perCallMicros = ((performance.now() - start) * 1000) / (rounds * names.length);
    if (process.env.DNS_BENCH) console.log(`resolveFromPod: ${perCallMicros.toFixed(2)} us per call`);
    // Generous bound for loaded CI machines; typically one to three microseconds.
    expect(perCallMicros).toBeLessThan(100);
  });

  it('indexes a large cluster quickly', () => {
    const { cluster } = bigCluster();
    const start = performance.now();
    indexDns(cluster);
    expect(performance.now() - start).toBeLessThan(200);
  });
});
