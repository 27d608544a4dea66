// A Gateway's data plane (Envoy, as Envoy Gateway configures it) deciding one request: the listener
// by port and Host, the virtual host, the winning route match, its filters, a weighted backend and
// one of its ready endpoints. Every step leaves a hop that says which object decided and why.
import type { HttpRequest, L7Decision, L7State } from '../l7/types.ts';
import { createStream, nextRandom } from '../random.ts';
import type { Pod } from '../types.ts';
import type { Hop, Reason } from '../trace/types.ts';
import { applyHeaderModifier, modifyPath, redirectLocation, redirectPhrase } from './filters.ts';
import { hostnameMatches, hostnameSpecificity, wildcardCandidates } from './hostnames.ts';
import { closestMiss, matchRouteTable, parseQuery, type MatchEntry, type RouteTable } from './matching.ts';
import type { DataPlaneIndex, ListenerIndex } from './model.ts';
import type { EndpointPicker } from './endpoints.ts';
import type { BackendRefModel, RouteFilter } from './types.ts';

interface Context {
  plane: DataPlaneIndex;
  at: string;
  hops: Hop[];
  state: L7State;
  endpoints: EndpointPicker;
}

/** Decides what a Gateway's data-plane pod does with one HTTP request. */
export function handleGatewayRequest(plane: DataPlaneIndex, pod: Pod, request: HttpRequest, state: L7State, endpoints: EndpointPicker): L7Decision {
  const ctx: Context = { plane, at: `pod/${pod.namespace}/${pod.name}`, hops: [], state, endpoints };
  const gw = plane.gateway;
  const gwReason = (detail: string, field?: string): Reason => ({ ref: gw.ref, detail, source: gw.source, ...(field ? { field, rule: field } : {}) });

  const port = listenerPort(plane, request.port);
  const onPort = plane.byPort.get(port) ?? [];
  const protocol = request.scheme === 'https' ? 'HTTPS' : 'HTTP';
  const sameScheme = onPort.filter((i) => i.listener.protocol === protocol);
  if (sameScheme.length === 0) {
    const others = onPort.map((i) => `${i.listener.name} (${i.listener.protocol})`).join(', ');
    const status = onPort.length ? 400 : 404;
    return respond(ctx, status, others ? `Gateway ${gw.namespace}/${gw.name} has no ${protocol} listener on port ${port}, only ${others}` : `Gateway ${gw.namespace}/${gw.name} has no listener on port ${port}`, [gwReason(`listeners on port ${port}: ${others || 'none'}`)]);
  }
  const programmed = sameScheme.filter((i) => i.listener.programmed);
  const index = selectListener(programmed, request.host);
  if (!index) {
    const unprogrammed = sameScheme.filter((i) => !i.listener.programmed && (i.listener.hostname === undefined || hostnameMatches(i.listener.hostname, request.host)));
    const why = unprogrammed.length
      ? `listener ${unprogrammed.map((i) => i.listener.name).join(', ')} would take it but is not programmed (${unprogrammed.map((i) => i.listener.conditions.find((c) => c.status !== 'True' && c.type !== 'Conflicted')?.message ?? i.listener.conditions[0]?.message).join('; ')})`
      : `no ${protocol} listener on port ${port} matches Host ${request.host} (listeners: ${sameScheme.map((i) => `${i.listener.name} ${i.listener.hostname ?? '(any host)'}`).join(', ')})`;
    return respond(ctx, 404, `Gateway ${gw.namespace}/${gw.name}: ${why}`, [gwReason(why)]);
  }
  const l = index.listener;
  ctx.hops.push(hop(ctx, `Gateway ${gw.namespace}/${gw.name} listener ${l.name} (${l.protocol} :${l.port}, hostname ${l.hostname ?? '(any)'}) takes ${request.method} ${request.host}${request.path}`, [gwReason(`listener ${l.name}: ${l.attachedRoutes} route(s) attached`, l.field)]));

  const table = selectVirtualHost(index, request.host);
  if (!table) {
    const why = index.routes.length ? `no route attached to listener ${l.name} serves Host ${request.host} (hostnames served: ${[...index.exact.keys(), ...index.wildcard.keys(), ...(index.any ? ['*'] : [])].join(', ') || 'none'})` : `no route is attached to listener ${l.name}`;
    return respond(ctx, 404, why, [gwReason(why, l.field)]);
  }
  const matchRequest = { path: request.path || '/', method: request.method, headers: request.headers, query: parseQuery(request.query) };
  const winner = matchRouteTable(table, matchRequest);
  if (!winner) {
    const miss = closestMiss(table, matchRequest);
    const why = miss ? `closest: ${miss.entry.route.kind} ${miss.entry.route.namespace}/${miss.entry.route.name} ${miss.entry.match.field} missed: ${miss.why}` : 'no rules';
    return respond(ctx, 404, `No HTTPRoute rule on ${l.name} (host ${table.hostname}) matches ${request.method} ${request.path}${request.query ? `?${request.query}` : ''}; ${why}`, miss ? [routeReason(miss.entry, miss.why)] : []);
  }
  ctx.hops.push(hop(ctx, `${winner.route.kind} ${winner.route.namespace}/${winner.route.name} ${winner.match.field} matches (${describeMatch(winner)}) on host ${table.hostname}`, [routeReason(winner, `${describeMatch(winner)}; highest precedence of ${table.entries.length} match(es) on this host`)]));
  return forward(ctx, winner, request, l.port);
}

// A request that came in through a NodePort of the data-plane Service is on that Service port.
function listenerPort(plane: DataPlaneIndex, port: number): number {
  if (plane.byPort.has(port)) return port;
  return plane.gateway.service?.ports.find((p) => p.nodePort === port)?.port ?? port;
}

// Exact listener hostname first, then the longest wildcard, then a listener without a hostname.
function selectListener(candidates: ListenerIndex[], host: string): ListenerIndex | undefined {
  let best: ListenerIndex | undefined;
  for (const c of candidates) {
    const h = c.listener.hostname;
    if (h !== undefined && !hostnameMatches(h, host)) continue;
    if (!best || hostnameSpecificity(h) > hostnameSpecificity(best.listener.hostname)) best = c;
  }
  return best;
}

// Envoy's virtual host choice: exact domain, then the longest wildcard suffix, then the catch-all.
function selectVirtualHost(index: ListenerIndex, host: string): RouteTable | undefined {
  const exact = index.exact.get(host);
  if (exact) return exact;
  if (index.wildcard.size) {
    for (const w of wildcardCandidates(host)) {
      const t = index.wildcard.get(w);
      if (t) return t;
    }
  }
  return index.any;
}

function forward(ctx: Context, winner: MatchEntry, original: HttpRequest, listenerPort: number): L7Decision {
  const { rule, route } = winner;
  let request: HttpRequest = { ...original, headers: { ...original.headers } };
  let responseHeaders: Record<string, string> = {};
  const applied = applyFilters(ctx, winner, rule.filters, request, responseHeaders, listenerPort);
  if ('decision' in applied) return applied.decision;
  ({ request, responseHeaders } = applied);
  if (rule.backendRefs.length === 0) {
    return respond(ctx, 500, `${route.kind} ${route.namespace}/${route.name} ${rule.field} has no backendRefs: the data plane answers 500`, [routeReason(winner, 'no backendRefs')]);
  }
  const total = rule.backendRefs.reduce((sum, b) => sum + Math.max(0, b.weight), 0);
  if (total === 0) return respond(ctx, 500, `every backendRef of ${route.namespace}/${route.name} ${rule.field} has weight 0: the data plane answers 500`, [routeReason(winner, 'all weights are 0')]);
  const x = draw(ctx.state, `gateway:${ctx.plane.gateway.ref}:${route.ref}:${rule.field}`) * total;
  let acc = 0;
  let backend: BackendRefModel = rule.backendRefs[rule.backendRefs.length - 1]!;
  for (const b of rule.backendRefs) {
    acc += Math.max(0, b.weight);
    if (x < acc) {
      backend = b;
      break;
    }
  }
  const share = `weight ${backend.weight} of ${total}`;
  const backendReason: Reason = { ref: route.ref, rule: backend.field, field: backend.field, detail: `${backend.kind} ${backend.namespace}/${backend.name}:${backend.port ?? ''} (${share})`, source: route.source };
  if (backend.problem || !backend.service || !backend.servicePort) {
    const why = backend.problem?.message ?? 'backend does not resolve';
    return respond(ctx, 500, `picked ${backend.namespace}/${backend.name} (${share}), an invalid backendRef (${backend.problem?.reason ?? 'Invalid'}: ${why}): the data plane answers 500`, [backendReason]);
  }
  const backendApplied = applyFilters(ctx, winner, backend.filters, request, responseHeaders, listenerPort);
  if ('decision' in backendApplied) return backendApplied.decision;
  ({ request, responseHeaders } = backendApplied);
  const picked = ctx.endpoints(backend.service, backend.servicePort, ctx.state);
  const svcRef = `service/${backend.service.namespace}/${backend.service.name}`;
  if (!picked.pod) {
    return respond(ctx, 503, `backend ${backend.namespace}/${backend.name}:${backend.port} (${share}): ${picked.why}`, [backendReason, { ref: svcRef, detail: picked.why }], 'no healthy upstream');
  }
  const target = `pod/${picked.pod.namespace}/${picked.pod.name}`;
  ctx.hops.push({
    kind: 'l7',
    at: ctx.at,
    to: target,
    message: `backend ${backend.namespace}/${backend.name}:${backend.port} (${share}) → endpoint ${picked.ip}:${picked.port} (${picked.pod.namespace}/${picked.pod.name}); forwards ${request.method} ${request.host}${request.path}`,
    reasons: [backendReason, { ref: svcRef, detail: picked.why }],
  });
  return {
    hops: ctx.hops,
    upstream: { pod: picked.pod, port: picked.port, request, service: `${backend.service.namespace}/${backend.service.name}`, ...(Object.keys(responseHeaders).length ? { responseHeaders } : {}) },
  };
}

type Applied = { request: HttpRequest; responseHeaders: Record<string, string> } | { decision: L7Decision };

// Filters run in the order they are written; a redirect answers at once.
function applyFilters(ctx: Context, winner: MatchEntry, filters: RouteFilter[], request: HttpRequest, responseHeaders: Record<string, string>, listenerPort: number): Applied {
  const route = winner.route;
  for (const f of filters) {
    const reason: Reason = { ref: route.ref, rule: f.field, field: f.field, detail: f.type, source: route.source };
    switch (f.type) {
      case 'RequestHeaderModifier':
        request = { ...request, headers: applyHeaderModifier(request.headers, f.modifier) };
        ctx.hops.push(hop(ctx, `RequestHeaderModifier ${describeModifier(f.modifier)}`, [reason]));
        break;
      case 'ResponseHeaderModifier':
        responseHeaders = applyHeaderModifier(responseHeaders, f.modifier);
        ctx.hops.push(hop(ctx, `ResponseHeaderModifier ${describeModifier(f.modifier)} (on the way back)`, [reason]));
        break;
      case 'URLRewrite': {
        const path = f.path ? modifyPath(request.path, f.path, winner.match.path) : request.path;
        const host = f.hostname ?? request.host;
        ctx.hops.push(hop(ctx, `URLRewrite: ${request.host}${request.path} → ${host}${path}`, [reason]));
        request = { ...request, path, host, headers: f.hostname ? { ...request.headers, host } : request.headers };
        break;
      }
      case 'RequestRedirect': {
        const location = redirectLocation(f, request, listenerPort, winner.match.path);
        const decision = respond(ctx, f.statusCode, `RequestRedirect: ${f.statusCode} ${redirectPhrase(f.statusCode)}, Location: ${location}`, [reason], '', { ...responseHeaders, location });
        return { decision };
      }
      case 'RequestMirror': {
        const b = f.backend;
        const mirrored = f.percent >= 100 || draw(ctx.state, `gateway-mirror:${route.ref}:${f.field}`) * 100 < f.percent;
        let where: string;
        if (b.problem || !b.service || !b.servicePort) where = `not mirrored: ${b.problem?.message ?? 'invalid backendRef'}`;
        else if (!mirrored) where = `not mirrored this time (${f.percent}% of requests)`;
        else {
          const p = ctx.endpoints(b.service, b.servicePort, ctx.state);
          where = p.pod ? `a copy goes to ${b.namespace}/${b.name}:${b.port} (${p.pod.namespace}/${p.pod.name}); its response is ignored` : `mirror target has no ready endpoint (${p.why})`;
        }
        ctx.hops.push(hop(ctx, `RequestMirror: ${where}`, [reason]));
        break;
      }
      case 'CORS':
        ctx.hops.push(hop(ctx, 'CORS filter: preflight handling is not modelled; the request passes through', [reason]));
        break;
      case 'ExtensionRef':
      case 'ExternalAuth':
        return { decision: respond(ctx, 500, `${f.type} filter at ${f.field} cannot be resolved by this controller: requests it applies to get 500`, [reason]) };
    }
  }
  return { request, responseHeaders };
}

function respond(ctx: Context, status: number, message: string, reasons: Reason[], body?: string, headers?: Record<string, string>): L7Decision {
  ctx.hops.push(hop(ctx, `${status}: ${message}`, reasons));
  const text = body ?? (status === 404 ? 'Not Found' : status === 500 ? 'Internal Server Error' : status === 400 ? 'Bad Request' : '');
  return { hops: ctx.hops, response: { status, body: text, ...(headers ? { headers } : {}) } };
}

function hop(ctx: Context, message: string, reasons: Reason[]): Hop {
  return { kind: 'l7', at: ctx.at, message, reasons };
}

function routeReason(entry: MatchEntry, detail: string): Reason {
  return { ref: entry.route.ref, rule: entry.match.field, field: entry.match.field, detail, source: entry.route.source };
}

function describeMatch(e: MatchEntry): string {
  const m = e.match;
  const parts = [`${m.path.type} ${m.path.value}`];
  if (m.method) parts.push(`method ${m.method}`);
  for (const h of m.headers) parts.push(`header ${h.name}${h.type === 'Exact' ? `=${h.value}` : ` ~ /${h.value}/`}`);
  for (const q of m.queryParams) parts.push(`query ${q.name}${q.type === 'Exact' ? `=${q.value}` : ` ~ /${q.value}/`}`);
  return parts.join(', ');
}

function describeModifier(m: { set: Array<{ name: string; value: string }>; add: Array<{ name: string; value: string }>; remove: string[] }): string {
  const parts = [...m.set.map((h) => `set ${h.name}: ${h.value}`), ...m.add.map((h) => `add ${h.name}: ${h.value}`), ...m.remove.map((n) => `remove ${n}`)];
  return parts.join(', ') || '(no changes)';
}

/** The next low-discrepancy draw in [0,1) for one decision point, kept in the probe's L7 state so
 * `repeat` spreads follow the weights closely and stay reproducible under the scenario seed. */
function draw(state: L7State, key: string): number {
  const stream = createStream(state.seed, key);
  stream.draws = state.draws.get(key) ?? 0;
  const x = nextRandom(stream);
  state.draws.set(key, stream.draws);
  return x;
}
