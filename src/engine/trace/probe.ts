import { resolveFromPod, resolvePublic, type DnsResult } from '../dns/index.ts';
import { createProxyState, type ProxyState } from '../kubeproxy/route.ts';
import { parseIPv4 } from '../net/ip.ts';
import type { Protocol } from '../types.ts';
import type { TraceContext } from './context.ts';
import { forwardPacket } from './forward.ts';
import { parseTarget, protocolOf, resolveSource, type ProbeSource } from './refs.ts';
import type { Hop, Packet, Trace } from './types.ts';
import type { HttpRequest, L7Proxy, L7State } from '../l7/types.ts';
import type { Pod } from '../types.ts';

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

  // /etc/hosts answers localhost before any DNS query.
  let dstIP = target.host === 'localhost' ? '127.0.0.1' : target.host;
  if (parseIPv4(dstIP) === undefined) {
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
    const proxy = delivery.pod ? ctx.l7.find((p) => p.servesPod(delivery.pod!)) : undefined;
    if (delivery.pod && proxy) {
      const http: HttpRequest = {
        scheme: target.scheme,
        host: (headerValue(req.headers, 'host') ?? target.host).toLowerCase().replace(/:\d+$/, ''),
        port: target.port,
        path: target.path,
        query: target.query.replace(/^\?/, ''),
        method: (req.method ?? 'GET').toUpperCase(),
        headers: lowerCaseHeaders(req.headers),
        clientIP: lastSourceIP(hops) ?? src.ip,
      };
      return finishThroughProxy(ctx, trace, delivery.pod, proxy, http, state, attempt);
    }
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
    result = resolvePublic(cluster, host, undefined, 'A', ctx.dns);
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

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : String(headers[key]);
}

function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = String(v);
  return out;
}

// The source address the last packet arrived with (after SNAT), as the proxy sees the client.
function lastSourceIP(hops: Hop[]): string | undefined {
  for (let i = hops.length - 1; i >= 0; i--) {
    const h = hops[i]!;
    const p = h.after ?? h.before;
    if (p) return p.srcIP;
  }
  return undefined;
}

const MAX_PROXY_HOPS = 3;

/** The request reached an Ingress controller or Gateway data plane: it decides (a response of its
 * own, or a backend pod), and a new connection from the proxy pod carries the request on. */
function finishThroughProxy(ctx: TraceContext, trace: Trace, proxyPod: Pod, proxy: L7Proxy, request: HttpRequest, state: ProxyState, attempt: number, depth = 0): Trace {
  const l7State = l7StateOf(state);
  const decision = proxy.handle(proxyPod, request, l7State);
  trace.hops.push(...decision.hops);
  const proxyElement = `pod/${proxyPod.namespace}/${proxyPod.name}`;
  if (decision.response || !decision.upstream) {
    const response = decision.response ?? { status: 502, body: 'Bad Gateway' };
    trace.status = response.status;
    trace.body = response.body;
    trace.servedBy = `${proxyPod.namespace}/${proxyPod.name}`;
    trace.summary = `${proxyPod.name} answers ${response.status} itself`;
    trace.hops.push({ kind: 'deliver', at: proxyElement, to: trace.hops[0]?.at, message: `HTTP/1.1 ${response.status} from ${proxyPod.name}`, reasons: [] });
    return trace;
  }
  const up = decision.upstream;
  const source: ProbeSource = { kind: 'pod', pod: proxyPod, node: ctx.dp.nodesByName.get(proxyPod.nodeName)!, ip: proxyPod.podIP, element: proxyElement };
  const packet: Packet = { srcIP: proxyPod.podIP, srcPort: 45000 + (attempt % 20000), dstIP: up.pod.podIP, dstPort: up.port, protocol: 'TCP' };
  const delivery = forwardPacket(ctx, source, packet, trace.hops, state);
  if (delivery.outcome !== 'connected' || !delivery.pod) {
    // The proxy could not reach the backend: ingress-nginx and Envoy answer 502/504 to the client.
    const status = delivery.outcome === 'timeout' ? 504 : 502;
    trace.status = status;
    trace.servedBy = `${proxyPod.namespace}/${proxyPod.name}`;
    trace.summary = `${proxyPod.name} could not reach ${up.service} (${delivery.summary}): HTTP ${status}`;
    trace.hops.push({ kind: 'deliver', at: proxyElement, message: `HTTP/1.1 ${status} from ${proxyPod.name}: upstream ${delivery.outcome}`, reasons: [] });
    return trace;
  }
  const next = depth < MAX_PROXY_HOPS ? ctx.l7.find((p) => p.servesPod(delivery.pod!)) : undefined;
  if (next) return finishThroughProxy(ctx, trace, delivery.pod, next, { ...up.request, clientIP: proxyPod.podIP }, state, attempt, depth + 1);
  trace.status = 200;
  trace.body = delivery.pod.name;
  trace.servedBy = `${delivery.pod.namespace}/${delivery.pod.name}`;
  trace.summary = `${proxyPod.name} routed ${request.method} ${request.host}${request.path} to ${up.service}: served by ${delivery.pod.name}`;
  trace.hops.push({ kind: 'deliver', at: `pod/${delivery.pod.namespace}/${delivery.pod.name}`, to: proxyElement, message: `HTTP/1.1 200 OK from ${delivery.pod.name} (${up.request.method} ${up.request.path}) back through ${proxyPod.name}`, reasons: [] });
  return trace;
}

function l7StateOf(state: ProxyState): L7State {
  return { draws: state.l7Draws, seed: state.seed };
}
