import { performance } from 'node:perf_hooks';
import { createSimulationCache, simulate } from '../engine/cluster/build.ts';
import { createTraceContext } from '../engine/trace/context.ts';
import { createProxyState } from '../engine/kubeproxy/route.ts';
import { traceProbe } from '../engine/trace/probe.ts';
import type { Io } from './check.ts';
import { largeYaml, lessonYaml } from './bench-fixtures.ts';
import { netpolFigures } from './bench-netpol.ts';
import { gatewayFigures, serviceFigures } from './bench-l7.ts';

export interface Figure {
  median_ms: number;
  p95_ms: number;
}

/** Times `fn` (after warm-up) and returns median and p95 in ms; `batch` runs per sample for sub-µs work. */
export function measure(fn: () => void, samples = 30, batch = 1, warmup = 3): Figure {
  for (let i = 0; i < warmup; i++) for (let j = 0; j < batch; j++) fn();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    for (let j = 0; j < batch; j++) fn();
    times.push((performance.now() - start) / batch);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median_ms: round(at(0.5)), p95_ms: round(at(0.95)) };
}

function round(ms: number): number {
  return Math.round(ms * 10000) / 10000;
}

function rebuild(text: string): () => void {
  return () => {
    simulate({ manifests: [{ file: 'bench.yaml', text }] });
  };
}

/** What every keystroke costs: one document edited (replicas toggled), the others from the parse cache. */
function rebuildAfterEdit(text: string): () => void {
  const cache = createSimulationCache();
  const variants = [text, text.replace('replicas: 2', 'replicas: 3')];
  let i = 0;
  return () => {
    simulate({ manifests: [{ file: 'bench.yaml', text: variants[i++ % 2]! }], cache });
  };
}

/** `netlab bench [--json] [--quick]`: the engine's speed figures. */
export function runBench(flags: Record<string, string | true>, io: Io): number {
  const quick = flags.quick === true;
  const figures: Record<string, Figure> = {};
  const log = (name: string, f: Figure, note = '') => {
    figures[name] = f;
    if (!flags.json) io.out(`${name.padEnd(44)} median ${fmt(f.median_ms)}  p95 ${fmt(f.p95_ms)}${note ? `  ${note}` : ''}\n`);
  };

  const lesson = lessonYaml();
  log('rebuild_lesson_40_objects_cold', measure(rebuild(lesson), quick ? 10 : 100));
  log('rebuild_lesson_40_objects_edit', measure(rebuildAfterEdit(lesson), quick ? 20 : 200));

  const large = largeYaml(2000, 500);
  log('rebuild_2000_pods_500_services_cold', measure(rebuild(large), quick ? 3 : 15, 1, 2));
  log('rebuild_2000_pods_500_services_edit', measure(rebuildAfterEdit(large.replace('replicas: 4', 'replicas: 2')), quick ? 5 : 30, 1, 2));
  for (const pods of [500, 1000, 2000, 4000]) {
    log(`rebuild_${pods}_pods_${pods / 4}_services_edit`, measure(rebuildAfterEdit(largeYaml(pods, pods / 4).replace('replicas: 4', 'replicas: 2')), quick ? 3 : 10, 1, 1));
  }

  const sim = simulate({ manifests: [{ file: 'bench.yaml', text: large }] });
  const ctx = createTraceContext(sim.cluster);
  const state = createProxyState(1);
  const client = sim.cluster.pods.find((p) => p.namespace === 'ns-0')!;
  let i = 0;
  log('probe_trace_clusterip_2000_pods', measure(() => {
    traceProbe(ctx, { from: `pod/${client.namespace}/${client.name}`, to: `svc/ns-${i % 20}/svc-${i % 500}:80` }, state, i++);
  }, quick ? 10 : 50, 1000));
  log('probe_trace_dns_url_2000_pods', measure(() => {
    traceProbe(ctx, { from: `pod/${client.namespace}/${client.name}`, to: `http://svc-${(i % 25) * 20}.ns-0` }, state, i++);
  }, quick ? 10 : 50, 1000));
  log('trace_context_2000_pods', measure(() => createTraceContext(sim.cluster), quick ? 3 : 15));

  for (const [name, f] of Object.entries(serviceFigures(sim.cluster, quick))) log(name, f);
  for (const [name, f] of Object.entries(netpolFigures(quick))) log(name, f);
  for (const [name, f] of Object.entries(gatewayFigures(quick))) log(name, f);

  if (flags.json) io.out(`${JSON.stringify(figures)}\n`);
  return 0;
}

function fmt(ms: number): string {
  return ms < 0.1 ? `${(ms * 1000).toFixed(2)} us`.padStart(11) : `${ms.toFixed(2)} ms`.padStart(11);
}
