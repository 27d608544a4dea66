import type { Simulation } from '../cluster/build.ts';
import { resolveFromPod } from '../dns/index.ts';
import { computeReachability, formatTruthTable, parseTruthTable } from '../netpol/index.ts';
import { createProxyState } from '../kubeproxy/route.ts';
import type { TraceContext } from '../trace/context.ts';
import { dnsServerReachable, traceProbes } from '../trace/probe.ts';
import { canonicalKind, protocolOf, resolveSource } from '../trace/refs.ts';
import type { Trace } from '../trace/types.ts';
import { objectConditions } from './conditions.ts';
import type { CheckResult, ScenarioCheck } from './types.ts';

type Outcome = Omit<CheckResult, 'kind' | 'line'>;

/** Thrown-free failure for a check whose references do not exist: the scenario cannot run. */
export interface CheckReferenceError {
  referenceError: string;
}

const rec = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** Canonicalises `svc/default/web` to `service/default/web`. */
export function canonicalRef(ref: string): string {
  const [kind, ...rest] = ref.split('/');
  return [canonicalKind(kind ?? ''), ...rest].join('/');
}

const setEquals = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** Runs one check against a simulation. */
export function runCheck(sim: Simulation, ctx: TraceContext, check: ScenarioCheck): Outcome | CheckReferenceError {
  switch (check.kind) {
    case 'probe':
      return runProbe(ctx, check);
    case 'lookup':
      return runLookup(ctx, check);
    case 'reachability':
      return runReachability(ctx, check);
    case 'endpoints':
      return runEndpoints(sim, check);
    case 'admission':
      return runAdmission(sim, check);
    case 'condition':
      return runCondition(sim, ctx, check);
  }
}

function runProbe(ctx: TraceContext, check: ScenarioCheck): Outcome | CheckReferenceError {
  const spec = rec(check.spec);
  const expect = rec(check.expect);
  const repeat = typeof spec.repeat === 'number' && spec.repeat >= 1 ? Math.floor(spec.repeat) : 1;
  const traces = traceProbes(ctx, {
    from: String(spec.from ?? ''),
    to: String(spec.to ?? ''),
    ...(typeof spec.protocol === 'string' ? { protocol: spec.protocol } : {}),
    ...(spec.headers ? { headers: rec(spec.headers) as Record<string, string> } : {}),
    ...(typeof spec.method === 'string' ? { method: spec.method } : {}),
  }, repeat);
  if ('error' in traces) return { referenceError: traces.error };
  const actual = summariseTraces(traces);
  const problems: string[] = [];
  if (expect.outcome !== undefined && !traces.every((t) => t.outcome === expect.outcome)) problems.push(`outcome: expected ${String(expect.outcome)}, got ${describeCounts(actual.outcomes)}`);
  if (expect.status !== undefined && !traces.every((t) => t.status === Number(expect.status))) problems.push(`status: expected ${String(expect.status)}, got ${describeCounts(actual.statuses)}`);
  if (Array.isArray(expect.servedBy)) {
    const allowed = new Set(expect.servedBy.map(String));
    const bad = traces.filter((t) => !t.servedBy || !allowed.has(t.servedBy));
    if (bad.length > 0) problems.push(`servedBy: expected every response from ${[...allowed].join(', ')}, got ${describeCounts(actual.servedBy)}`);
  }
  if (expect.sameBackend === true && new Set(traces.map((t) => t.servedBy ?? '-')).size !== 1) problems.push(`sameBackend: responses came from ${describeCounts(actual.servedBy)}`);
  if (expect.sameBackend === false && new Set(traces.map((t) => t.servedBy ?? '-')).size === 1) problems.push('sameBackend: expected more than one backend, every response came from one pod');
  if (expect.spread !== undefined) {
    const tolerance = typeof expect.tolerance === 'number' ? expect.tolerance : 0.05;
    const want = rec(expect.spread);
    const pods = new Set([...Object.keys(want), ...Object.keys(actual.servedBy)]);
    for (const pod of pods) {
      const share = (actual.servedBy[pod] ?? 0) / traces.length;
      const target = Number(want[pod] ?? 0);
      if (Math.abs(share - target) > tolerance + 1e-9) problems.push(`spread: ${pod} served ${share.toFixed(3)} of responses, expected ${target} ± ${tolerance}`);
    }
  }
  const first = traces[0]!;
  const label = `${String(spec.from)} → ${String(spec.to)}${repeat > 1 ? ` ×${repeat}` : ''}`;
  return {
    passed: problems.length === 0,
    expected: expect,
    actual: { outcome: first.outcome, ...(first.status !== undefined ? { status: first.status } : {}), outcomes: actual.outcomes, servedBy: actual.servedBy, summary: first.summary },
    message: problems.length === 0 ? `${label}: ${describeCounts(actual.outcomes)}` : `${label}: ${problems.join('; ')} (${first.summary})`,
  };
}

function summariseTraces(traces: Trace[]): { outcomes: Record<string, number>; statuses: Record<string, number>; servedBy: Record<string, number> } {
  const outcomes: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  const servedBy: Record<string, number> = {};
  for (const t of traces) {
    outcomes[t.outcome] = (outcomes[t.outcome] ?? 0) + 1;
    const s = t.status === undefined ? 'none' : String(t.status);
    statuses[s] = (statuses[s] ?? 0) + 1;
    if (t.servedBy) servedBy[t.servedBy] = (servedBy[t.servedBy] ?? 0) + 1;
  }
  return { outcomes, statuses, servedBy };
}

function describeCounts(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  if (entries.length === 0) return 'none';
  if (entries.length === 1 && entries[0]![1] === 1) return entries[0]![0];
  return entries.map(([k, v]) => `${k} ×${v}`).join(', ');
}

function runLookup(ctx: TraceContext, check: ScenarioCheck): Outcome | CheckReferenceError {
  const spec = rec(check.spec);
  const expect = rec(check.expect);
  const src = resolveSource(ctx.dp, String(spec.from ?? ''));
  if ('error' in src) return { referenceError: src.error };
  if (src.kind !== 'pod') return { referenceError: `lookup runs from a pod, not ${String(spec.from)}` };
  const type = String(spec.type ?? 'A').toUpperCase();
  if (!['A', 'AAAA', 'SRV', 'PTR', 'CNAME'].includes(type)) return { referenceError: `unsupported lookup type "${type}": supported values: A, AAAA, SRV, PTR, CNAME` };
  const name = String(spec.name ?? '');
  const result = resolveFromPod(ctx.dp.cluster, src.pod, name, type as 'A', ctx.dns);
  const reachable = dnsServerReachable(ctx, src, result.nameserver, createProxyState(ctx.dp.cluster.settings.seed));
  const outcome = !reachable.ok ? 'timeout' : result.rcode === 'NXDOMAIN' ? 'nxdomain' : 'noerror';
  const answers = reachable.ok ? result.answers : [];
  const problems: string[] = [];
  if (expect.outcome !== undefined && String(expect.outcome).toLowerCase() !== outcome) problems.push(`outcome: expected ${String(expect.outcome)}, got ${outcome}`);
  if (Array.isArray(expect.answers)) {
    const want = expect.answers.map((a) => String(a).replace(/\.$/, ''));
    if (outcome !== 'noerror' || !setEquals(want, answers)) problems.push(`answers: expected [${want.join(', ')}], got ${outcome === 'noerror' ? `[${answers.join(', ')}]` : outcome.toUpperCase()}`);
  }
  const label = `${type}? ${name} from ${String(spec.from)}`;
  return {
    passed: problems.length === 0,
    expected: expect,
    actual: { outcome, answers, tried: result.attempts.map((a) => `${a.fqdn} ${a.rcode}`), ...(reachable.ok ? {} : { blocked: reachable.summary }) },
    message: problems.length === 0 ? `${label}: ${outcome === 'noerror' ? `[${answers.join(', ')}]` : outcome}` : `${label}: ${problems.join('; ')}`,
  };
}

function runReachability(ctx: TraceContext, check: ScenarioCheck): Outcome | CheckReferenceError {
  const spec = rec(check.spec);
  const { cluster } = ctx.dp;
  const expected = parseTruthTable(String(check.expect));
  if ('error' in expected) return { referenceError: `reachability table, line ${expected.line}: ${expected.error}` };
  const hidden = new Set(['kube-system', 'ingress-nginx', 'gateway-system']);
  const pods = Array.isArray(spec.pods) ? spec.pods.map(String) : cluster.pods.filter((p) => !hidden.has(p.namespace) && p.podIP).map((p) => `${p.namespace}/${p.name}`);
  for (const p of [...pods, ...expected.pods]) if (!ctx.dp.podsByRef.has(p)) return { referenceError: `reachability: pod ${p} not found` };
  if (!setEquals(pods, expected.pods)) return { passed: false, expected: check.expect, actual: pods, message: `reachability: the table lists ${expected.pods.join(' ')} but the check covers ${pods.join(' ')}` };
  const port = Number(spec.port ?? 80);
  const protocol = protocolOf(typeof spec.protocol === 'string' ? spec.protocol : undefined);
  if (!protocol) return { referenceError: `unsupported protocol "${String(spec.protocol)}"` };
  const reach = computeReachability(cluster, ctx.policies, expected.pods, port, protocol);
  // A connection also needs something listening: the truth table is about what the client sees.
  const combined = reach.combined.map((row, i) =>
    row.map((allowed, j) => {
      const dst = ctx.dp.podsByRef.get(reach.pods[j]!)!;
      const self = i === j;
      const listening = dst.phase === 'Running' && dst.listening.some((l) => l.port === port && l.protocol === protocol);
      return (allowed || self) && listening;
    }),
  );
  const mismatches: string[] = [];
  expected.table.forEach((row, i) => row.forEach((want, j) => {
    if (combined[i]![j] !== want) mismatches.push(`${expected.pods[i]} → ${expected.pods[j]}: expected ${want ? '.' : 'X'}, got ${combined[i]![j] ? '.' : 'X'}`);
  }));
  const actualTable = formatTruthTable(expected.pods, combined);
  return {
    passed: mismatches.length === 0,
    expected: check.expect,
    actual: actualTable,
    message: mismatches.length === 0 ? `reachability ${port}/${protocol} over ${pods.length} pods` : `reachability ${port}/${protocol}: ${mismatches.length} cell(s) differ: ${mismatches.slice(0, 5).join('; ')}${mismatches.length > 5 ? '; …' : ''}\n${actualTable}`,
  };
}

function runEndpoints(sim: Simulation, check: ScenarioCheck): Outcome | CheckReferenceError {
  const ref = canonicalRef(String(check.spec));
  const [kind, ns, name] = ref.split('/');
  if (kind !== 'service' || !ns || !name) return { referenceError: `endpoints takes a Service reference (svc/<ns>/<name>), got ${String(check.spec)}` };
  const svc = sim.cluster.services.find((s) => s.namespace === ns && s.name === name);
  if (!svc) return { referenceError: `services "${name}" not found in namespace "${ns}"` };
  const ready = new Set<string>();
  const notReady = new Set<string>();
  for (const slice of sim.cluster.endpointSlices) {
    if (slice.namespace !== ns || slice.serviceName !== name) continue;
    for (const ep of slice.endpoints) {
      for (const ip of ep.addresses) {
        const addrs = slice.ports.length ? slice.ports.map((p) => `${ip}:${p.port}`) : [ip];
        for (const a of addrs) (ep.conditions.ready ? ready : notReady).add(a);
      }
    }
  }
  const expect = rec(check.expect);
  const actual = { ready: [...ready].sort(), notReady: [...notReady].sort() };
  const problems: string[] = [];
  if (Array.isArray(expect.ready) && !setEquals(expect.ready.map(String), actual.ready)) problems.push(`ready: expected [${expect.ready.join(', ')}], got [${actual.ready.join(', ')}]`);
  if (Array.isArray(expect.notReady) && !setEquals(expect.notReady.map(String), actual.notReady)) problems.push(`notReady: expected [${expect.notReady.join(', ')}], got [${actual.notReady.join(', ')}]`);
  return { passed: problems.length === 0, expected: expect, actual, message: problems.length ? `endpoints of ${ns}/${name}: ${problems.join('; ')}` : `endpoints of ${ns}/${name}: ready [${actual.ready.join(', ')}]` };
}

function runAdmission(sim: Simulation, check: ScenarioCheck): Outcome | CheckReferenceError {
  const ref = canonicalRef(String(check.spec));
  const matches = sim.cluster.objects.filter((o) => o.ref === ref || (o.namespace === undefined && `${o.kind.toLowerCase()}/${o.name}` === ref));
  const obj = matches[matches.length - 1];
  if (!obj) return { referenceError: `no object ${String(check.spec)} in the manifests` };
  const expect = rec(check.expect);
  const actual = { accepted: obj.accepted, ...(obj.error ? { message: obj.error } : {}) };
  const problems: string[] = [];
  if (typeof expect.accepted === 'boolean' && expect.accepted !== obj.accepted) problems.push(`expected ${expect.accepted ? 'accepted' : 'rejected'}, got ${obj.accepted ? 'accepted' : `rejected: ${obj.error}`}`);
  if (typeof expect.message === 'string' && !(obj.error ?? '').includes(expect.message)) problems.push(`message: expected it to contain "${expect.message}", got ${obj.error ? `"${obj.error}"` : 'no error'}`);
  return { passed: problems.length === 0, expected: expect, actual, message: problems.length ? `${ref}: ${problems.join('; ')}` : `${ref}: ${obj.accepted ? 'accepted' : obj.error}` };
}

function runCondition(sim: Simulation, ctx: TraceContext, check: ScenarioCheck): Outcome | CheckReferenceError {
  const ref = canonicalRef(String(check.spec));
  const conditions = objectConditions(sim, ref, check.parent ? canonicalRef(check.parent) : undefined, ctx.l7);
  if (!conditions) return { referenceError: `no object ${String(check.spec)} in the cluster` };
  const expect = rec(check.expect);
  const found = conditions.find((c) => c.type === expect.type);
  const problems: string[] = [];
  if (!found) problems.push(`no ${String(expect.type)} condition (has ${conditions.map((c) => c.type).join(', ') || 'none'})`);
  else {
    if (expect.status !== undefined && String(expect.status) !== found.status) problems.push(`status: expected ${String(expect.status)}, got ${found.status}`);
    if (expect.reason !== undefined && expect.reason !== found.reason) problems.push(`reason: expected ${String(expect.reason)}, got ${found.reason ?? 'none'}`);
  }
  return { passed: problems.length === 0, expected: expect, actual: found ?? conditions, message: problems.length ? `${ref} ${String(expect.type)}: ${problems.join('; ')}` : `${ref} ${found!.type}=${found!.status}${found!.reason ? ` (${found!.reason})` : ''}` };
}
