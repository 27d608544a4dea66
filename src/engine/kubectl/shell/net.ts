// Network access for shell tools: requests walked by the engine's tracer, name resolution as the
// source's resolver does it, and the access log lines the serving nginx would write.

import { resolveFromPod, resolvePublic, type DnsResult, type DnsType } from '../../dns/index.ts';
import { traceProbes, type ProbeRequest } from '../../trace/probe.ts';
import type { Packet, Trace } from '../../trace/types.ts';
import type { CommandContext } from '../context.ts';
import { nginxTime } from '../format/time.ts';
import { traceContextOf } from '../objects/view.ts';
import { LOG_LIMIT } from '../session.ts';
import type { ShellSource } from './source.ts';

export const CURL_VERSION = '8.11.1';
const INGRESS_CONTROLLER = 'deployment/ingress-nginx/ingress-nginx-controller';

/** Sends one request from the source; the trace goes to the command's traces. */
export function send(ctx: CommandContext, src: ShellSource, req: Omit<ProbeRequest, 'from'>): Trace | { error: string } {
  const traces = traceProbes(traceContextOf(ctx.view), { ...req, from: src.ref }, 1);
  if ('error' in traces) return traces;
  const trace = traces[0]!;
  ctx.traces.push(trace);
  return trace;
}

/** The first packet the client sent (after name resolution): where it connected to. */
export function firstPacket(trace: Trace): Packet | undefined {
  return trace.hops.find((h) => h.kind !== 'dns-query' && h.kind !== 'dns-answer' && h.before && h.before.protocol !== 'UDP')?.before ?? trace.hops.find((h) => h.kind !== 'dns-query' && h.kind !== 'dns-answer' && h.before)?.before;
}

/** What a name resolved to, and whether the DNS server could be reached at all. */
export interface Resolution {
  result: DnsResult;
  reachable: boolean;
  /** Why the server could not be reached. */
  why?: string;
}

/** Resolves a name as the source's resolver would (a pod: its resolv.conf; outside: public DNS). */
export function resolveName(ctx: CommandContext, src: ShellSource, name: string, type: DnsType): Resolution {
  const t = traceContextOf(ctx.view);
  if (!src.pod) return { result: resolvePublic(ctx.view.cluster, name, undefined, type, t.dns), reachable: true };
  const result = resolveFromPod(ctx.view.cluster, src.pod, name, type, t.dns);
  const probe = traceProbes(t, { from: src.ref, to: `${result.nameserver}:53`, protocol: 'UDP' }, 1);
  if ('error' in probe) return { result, reachable: true };
  const trace = probe[0]!;
  ctx.traces.push(trace);
  return trace.outcome === 'connected' ? { result, reachable: true } : { result, reachable: false, why: trace.summary };
}

function appendLog(ctx: CommandContext, pod: string, line: string): void {
  const logs = { ...ctx.session.logs };
  logs[pod] = [...(logs[pod] ?? []), line].slice(-LOG_LIMIT);
  ctx.session = { ...ctx.session, logs };
}

/** Records the access log lines of the nginx processes a request went through. */
export function logRequest(ctx: CommandContext, trace: Trace, request: { method: string; path: string; userAgent: string }, bytes: number): void {
  if (trace.status === undefined) return;
  const line = `"${request.method} ${request.path} HTTP/1.1"`;
  const time = nginxTime(ctx.session.clock);
  const controller = ctx.view.cluster.pods.find((p) => p.createdBy === INGRESS_CONTROLLER && trace.hops.some((h) => h.at === `pod/${p.namespace}/${p.name}` || h.to === `pod/${p.namespace}/${p.name}`));
  if (controller) {
    const arrival = trace.hops.find((h) => h.kind === 'deliver' && h.at === `pod/${controller.namespace}/${controller.name}` && h.before)?.before;
    const upstream = trace.hops.find((h) => h.before?.srcIP === controller.podIP && h.kind === 'send')?.before;
    const served = trace.servedBy && trace.servedBy !== `${controller.namespace}/${controller.name}` ? trace.servedBy : undefined;
    const svc = served ? ctx.view.cluster.services.find((s) => s.selector && s.namespace === served.split('/')[0] && ctx.view.cluster.pods.some((p) => `${p.namespace}/${p.name}` === served && Object.entries(s.selector!).every(([k, v]) => p.labels[k] === v))) : undefined;
    const upstreamName = svc ? `${svc.namespace}-${svc.name}-${svc.ports[0]?.port ?? 80}` : '-';
    const upstreamAddr = upstream ? `${upstream.dstIP}:${upstream.dstPort}` : '-';
    const reqId = [0, 1, 2, 3].map((i) => ((ctx.session.clock * 2654435761 + i * 40503 + bytes) >>> 0).toString(16).padStart(8, '0')).join('');
    appendLog(ctx, `${controller.namespace}/${controller.name}`, `${arrival?.srcIP ?? '-'} - - [${time}] ${line} ${trace.status} ${bytes} "-" "${request.userAgent}" ${80 + request.path.length} 0.001 [${upstreamName}] [] ${upstreamAddr} ${served ? bytes : 0} ${served ? '0.001' : '0.000'} ${served ? trace.status : '-'} ${reqId}`);
  }
  const servedPod = trace.servedBy ? ctx.view.cluster.pods.find((p) => `${p.namespace}/${p.name}` === trace.servedBy) : undefined;
  if (servedPod && servedPod.createdBy !== INGRESS_CONTROLLER && servedPod.containers.some((c) => /(^|\/)nginx(:|@|$)/.test(c.image))) {
    const arrival = [...trace.hops].reverse().find((h) => h.kind === 'deliver' && h.at === `pod/${servedPod.namespace}/${servedPod.name}` && h.before)?.before;
    appendLog(ctx, trace.servedBy!, `${arrival?.srcIP ?? '-'} - - [${time}] ${line} ${trace.status} ${bytes} "-" "${request.userAgent}" "-"`);
  }
}

/** Reason phrases of the status codes the model returns. */
export function reasonPhrase(status: number): string {
  const phrases: Record<number, string> = {
    200: 'OK',
    301: 'Moved Permanently',
    302: 'Found',
    308: 'Permanent Redirect',
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Temporarily Unavailable',
    504: 'Gateway Time-out',
  };
  return phrases[status] ?? '';
}
