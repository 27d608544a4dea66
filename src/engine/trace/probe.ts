import { resolveFromPod, resolvePublic, type DnsResult } from '../dns/index.ts';
import { createProxyState, type ProxyState } from '../kubeproxy/route.ts';
import { parseIPv4 } from '../net/ip.ts';
import type { Protocol } from '../types.ts';
import type { TraceContext } from './context.ts';
import { forwardPacket } from './forward.ts';
import { parseTarget, protocolOf, resolveSource, type ProbeSource } from './refs.ts';
import type { Hop, Packet, Trace } from './types.ts';

/** One request, as the contract's `probe` check and the UI's request panel describe it. */
export interface ProbeRequest {
  from: string;
  to: string;
  protocol?: string;
  headers?: Record<string, string>;
  method?: string;
}

const DNS_SERVICE = 'service/kube-system/kube-dns';

/** Validates a probe's references without sending anything (for up-front scenario errors). */
export function checkProbeRequest(ctx: TraceContext, req: ProbeRequest): string | undefined {
  const src = resolveSource(ctx.dp, req.from);
  if ('error' in src) return src.error;
  const target = parseTarget(ctx.dp, req.to);
  if ('error' in target) return target.error;
  if (target.kind === 'address' && protocolOf(req.protocol) === undefined) return `unsupported protocol "${req.protocol}": supported values: "TCP", "UDP", "SCTP"`;
  return undefined;
}

/** Sends `repeat` requests and traces each, sharing dataplane memory (affinity, round-robin). */
export function traceProbes(ctx: TraceContext, req: ProbeRequest, repeat = 1, state: ProxyState = createProxyState(ctx.dp.cluster.settings.seed)): Trace[] | { error: string } {
  const traces: Trace[] = [];
  for (let i = 0; i < repeat; i++) {
    const t = traceProbe(ctx, req, state, i);
    if ('error' in t) return t;
    traces.push(t);
  }
  return traces;
}

/** Traces one request hop by hop: name resolution (itself a packet to CoreDNS), kube-proxy,
 * NetworkPolicy, and the socket that answers. */
export function traceProbe(ctx: TraceContext, req: ProbeRequest, state: ProxyState, attempt = 0): Trace | { error: string } {
  const src = resolveSource(ctx.dp, req.from);
  if ('error' in src) return src;
  const target = parseTarget(ctx.dp, req.to);
  if ('error' in target) return target;
  const protocol: Protocol | undefined = target.kind === 'url' ? 'TCP' : protocolOf(req.protocol);
  if (!protocol) return { error: `unsupported protocol "${req.protocol}": supported values: "TCP", "UDP", "SCTP"` };
  const hops: Hop[] = [];
  const base = { from: req.from, to: req.to, hops };

  let dstIP = target.host;
  if (parseIPv4(target.host) === undefined) {
    const resolved = resolveHost(ctx, src, target.host, hops, state, attempt);
    if ('failure' in resolved) return { ...base, outcome: 'unresolved', summary: resolved.failure };
    dstIP = resolved.ip;
  }
  const packet: Packet = { srcIP: src.ip, srcPort: 40000 + (attempt % 20000), dstIP, dstPort: target.port, protocol };
  const delivery = forwardPacket(ctx, src, packet, hops, state);
  const trace: Trace = { ...base, outcome: delivery.outcome, summary: delivery.summary };
  if (delivery.pod) trace.servedBy = `${delivery.pod.namespace}/${delivery.pod.name}`;
  if (delivery.outcome === 'connected' && target.kind === 'url') {
    const request = `${req.method ?? 'GET'} ${target.path}${target.query}`;
    if (delivery.pod) {
      trace.status = 200;
      trace.body = delivery.pod.name;
      hops.push({ kind: 'deliver', at: `pod/${delivery.pod.namespace}/${delivery.pod.name}`, to: src.element, message: `HTTP/1.1 200 OK from ${delivery.pod.name} (${request})`, reasons: [] });
    } else if (delivery.responder) {
      const answer = delivery.responder.http(target.path);
      trace.status = answer.status;
      trace.body = answer.body;
      hops.push({ kind: 'deliver', at: delivery.responder.element, to: src.element, message: `HTTP/1.1 ${answer.status} from ${delivery.responder.name} (${request})`, reasons: [] });
    }
  }
  return trace;
}

/** Resolves a host name as the source would: a pod through CoreDNS (the query is a UDP packet to
 * kube-dns that kube-proxy and NetworkPolicy handle like any other), nodes and outside clients
 * through public DNS. */
function resolveHost(ctx: TraceContext, src: ProbeSource, host: string, hops: Hop[], state: ProxyState, attempt: number): { ip: string } | { failure: string } {
  const { cluster } = ctx.dp;
  let result: DnsResult;
  const usesClusterDns = src.kind === 'pod' && (!src.pod.hostNetwork || src.pod.dnsPolicy === 'ClusterFirstWithHostNet') && src.pod.dnsPolicy !== 'Default';
  if (src.kind === 'pod' && usesClusterDns) {
    result = resolveFromPod(cluster, src.pod, host, 'A', ctx.dns);
    const nameserver = result.nameserver;
    hops.push({ kind: 'dns-query', at: src.element, to: DNS_SERVICE, message: `DNS A? ${host} to ${nameserver}:53/UDP (search ${describeAttempts(result)})`, reasons: [] });
    const reachable = dnsServerReachable(ctx, src, nameserver, state, hops, attempt);
    if (!reachable.ok) {
      return { failure: `DNS query for ${host} to ${nameserver}:53/UDP got no answer (${reachable.summary}): could not resolve host` };
    }
  } else {
    result = resolvePublic(cluster, host, undefined, 'A');
    hops.push({ kind: 'dns-query', at: src.element, message: `DNS A? ${host} via ${src.kind === 'external' ? 'public DNS' : "the node's resolver (public DNS)"}`, reasons: [] });
  }
  const ip = result.records.find((r) => r.type === 'A')?.data;
  const reasons = result.reasons.map((r) => ({ ref: r.ref, detail: r.detail }));
  if (result.rcode === 'NXDOMAIN' || !ip) {
    const why = result.rcode === 'NXDOMAIN' ? 'NXDOMAIN' : 'no A record';
    hops.push({ kind: 'dns-answer', at: usesClusterDns ? DNS_SERVICE : src.element, to: src.element, message: `${host}: ${why} (tried ${describeAttempts(result)})`, reasons });
    return { failure: `Could not resolve host: ${host} (${why})` };
  }
  hops.push({ kind: 'dns-answer', at: usesClusterDns ? DNS_SERVICE : src.element, to: src.element, message: `${result.resolvedName ?? host} → ${result.answers.join(', ')}`, reasons });
  return { ip };
}

function describeAttempts(result: DnsResult): string {
  return result.attempts.map((a) => `${a.fqdn} ${a.rcode}`).join(', ') || 'no query';
}

/** Sends the DNS query packet itself (UDP to the nameserver, through kube-proxy and NetworkPolicy):
 * whether it reaches a DNS server at all. */
export function dnsServerReachable(ctx: TraceContext, src: ProbeSource, nameserver: string, state: ProxyState, hops: Hop[] = [], attempt = 0): { ok: boolean; summary: string } {
  const queryPacket: Packet = { srcIP: src.ip, srcPort: 50000 + (attempt % 10000), dstIP: nameserver, dstPort: 53, protocol: 'UDP' };
  const delivery = forwardPacket(ctx, src, queryPacket, hops, state);
  return { ok: delivery.outcome === 'connected', summary: delivery.summary };
}
