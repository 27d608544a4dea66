import { createTraceContext } from '../engine/trace/context.ts';
import { traceProbes } from '../engine/trace/probe.ts';
import type { Hop, Packet, Trace } from '../engine/trace/types.ts';
import type { Io } from './check.ts';
import { loadSimulation } from './load-cluster.ts';

const USAGE = 'usage: netlab trace FILE --from REF --to TARGET [--protocol TCP|UDP|SCTP] [--repeat N] [--host NAME] [--header "Name: value"] [--method M] [--json]\n';

/** `netlab trace`: prints a request's hops. */
export function runTraceCommand(file: string | undefined, flags: Record<string, string | true>, io: Io): number {
  if (!file || typeof flags.from !== 'string' || typeof flags.to !== 'string') {
    io.err(USAGE);
    return 2;
  }
  const loaded = loadSimulation(file);
  if ('error' in loaded) {
    io.err(`${loaded.error}\n`);
    return 2;
  }
  const ctx = createTraceContext(loaded.sim.cluster);
  const repeat = typeof flags.repeat === 'string' ? Math.max(1, Number(flags.repeat) || 1) : 1;
  const headers: Record<string, string> = {};
  if (typeof flags.header === 'string') {
    const colon = flags.header.indexOf(':');
    if (colon > 0) headers[flags.header.slice(0, colon).trim()] = flags.header.slice(colon + 1).trim();
  }
  if (typeof flags.host === 'string') headers.Host = flags.host;
  const traces = traceProbes(ctx, {
    from: flags.from,
    to: flags.to,
    ...(typeof flags.protocol === 'string' ? { protocol: flags.protocol } : {}),
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(typeof flags.method === 'string' ? { method: flags.method } : {}),
  }, repeat);
  if ('error' in traces) {
    io.err(`error: ${traces.error}\n`);
    return 2;
  }
  if (flags.json) io.out(`${JSON.stringify(traces.length === 1 ? traces[0] : traces, null, 2)}\n`);
  else traces.forEach((t, i) => io.out(formatTrace(t, traces.length > 1 ? i + 1 : undefined)));
  return 0;
}

const pkt = (p?: Packet) => (p ? `${p.srcIP}${p.srcPort ? `:${p.srcPort}` : ''} → ${p.dstIP}:${p.dstPort}/${p.protocol}` : '');

function formatHop(h: Hop, i: number): string {
  const lines = [`${String(i + 1).padStart(2)}. [${h.kind}] ${h.at}${h.to ? ` → ${h.to}` : ''}`, `    ${h.message}`];
  if (h.before && h.after) lines.push(`    ${pkt(h.before)}  ⇒  ${pkt(h.after)}`);
  for (const r of h.reasons) lines.push(`    because ${r.ref}${r.rule ? ` ${r.rule}` : ''}: ${r.detail}`);
  return lines.join('\n');
}

/** A trace as readable text: the request, each hop, and the verdict. */
export function formatTrace(t: Trace, n?: number): string {
  const head = `${n ? `#${n} ` : ''}${t.from} → ${t.to}`;
  const verdict = `=> ${t.outcome.toUpperCase()}${t.status ? ` (HTTP ${t.status})` : ''}${t.servedBy ? ` served by ${t.servedBy}` : ''}: ${t.summary}`;
  return `${head}\n${t.hops.map(formatHop).join('\n')}\n${verdict}\n\n`;
}
