// The per-request rules of a location: rewrite-target, the HTTPS redirect, canary routing,
// limit_req and the round-robin balancer. Memory across a probe's repeats (round-robin cursors,
// canary draws, rate-limit counters) lives in the probe's L7State, never here.
import type { HttpRequest, L7State } from '../l7/types.ts';
import { ipInCidr } from '../net/ip.ts';
import { createStream, nextRandom } from '../random.ts';
import type { Reason } from '../trace/types.ts';
import { ingressReason } from './explain.ts';
import type { Certificate, Location, Upstream, UpstreamEndpoint } from './types.ts';

const ANN = 'metadata.annotations[nginx.ingress.kubernetes.io/';

/** nginx `rewrite "(?i)<path>" <target> break;`: the whole URI becomes the target with `$1`..`$9`
 * (and named groups) substituted; the original arguments are appended unless the target has its
 * own (`?`) and ends with `?`. */
export function applyRewrite(regex: RegExp, target: string, uri: string, query: string): { path: string; query: string } {
  const m = regex.exec(uri);
  if (!m) return { path: uri, query };
  const replaced = target.replace(/\$(\d)|\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)/g, (whole, digit: string | undefined, braced: string | undefined, bare: string | undefined) => {
    if (digit !== undefined) return m[Number(digit)] ?? '';
    const name = braced ?? bare!;
    return m.groups && name in m.groups ? (m.groups[name] ?? '') : whole;
  });
  const q = replaced.indexOf('?');
  if (q < 0) return { path: replaced || '/', query };
  const own = replaced.slice(q + 1);
  if (own.endsWith('?')) return { path: replaced.slice(0, q) || '/', query: own.slice(0, -1) };
  return { path: replaced.slice(0, q) || '/', query: [own, query].filter(Boolean).join('&') };
}

/** lua_ingress.redirect_to_https for a plain-HTTP request: force-ssl-redirect always, ssl-redirect
 * (default true) only when a certificate is configured for the host. */
export function redirectToHttps(loc: Location, cert: Certificate | undefined): { redirect: boolean; why: string; reasons: Reason[] } {
  const a = loc.annotations;
  const owner = loc.ingress;
  if (a.forceSslRedirect) {
    return { redirect: true, why: 'force-ssl-redirect', reasons: owner ? [ingressReason(owner, `${ANN}force-ssl-redirect]`, 'force-ssl-redirect: "true" redirects even without a certificate')] : [] };
  }
  if (!a.sslRedirect || !cert) return { redirect: false, why: '', reasons: [] };
  const reasons = [ingressReason(cert.ingress, cert.field, `TLS is configured for this host (${cert.kind === 'fake' ? 'with the controller\'s fake certificate' : cert.secret}); ssl-redirect defaults to true`)];
  return { redirect: true, why: 'HTTP → HTTPS (ssl-redirect, TLS is set for this host)', reasons };
}

function draw(state: L7State, key: string): number {
  const stream = createStream(state.seed, key);
  stream.draws = state.draws.get(key) ?? 0;
  const value = nextRandom(stream);
  state.draws.set(key, stream.draws);
  return value;
}

function headerValue(req: HttpRequest, name: string): string | undefined {
  return req.headers[name.toLowerCase()];
}

function cookieValue(req: HttpRequest, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** balancer.lua route_to_alternative_balancer: the first canary merged into the upstream takes
 * the request by header (value, pattern, or always/never), then cookie (always/never), then
 * weight (math.random(weightTotal) <= weight). A canary without endpoints has no balancer. */
export function chooseCanary(primary: Upstream, upstreams: Map<string, Upstream>, req: HttpRequest, state: L7State): { upstream: Upstream; note?: string; reasons: Reason[] } {
  const altName = primary.alternatives[0];
  const alt = altName === undefined ? undefined : upstreams.get(altName);
  if (!alt?.canary) return { upstream: primary, reasons: [] };
  const reasons = [ingressReason(alt.ingress, `${ANN}canary]`, `canary for ${primary.name}`)];
  if (alt.endpoints.length === 0) return { upstream: primary, note: `canary ${alt.name} has no ready endpoints: the request stays on ${primary.name}`, reasons };
  const p = alt.canary;
  const to = (canary: boolean, why: string) => ({ upstream: canary ? alt : primary, note: `canary ${alt.ingress.namespace}/${alt.ingress.name}: ${why} → ${canary ? alt.name : primary.name}`, reasons });
  const header = p.header ? headerValue(req, p.header) : undefined;
  if (header !== undefined) {
    if (p.headerValue) {
      if (header === p.headerValue) return to(true, `header ${p.header}: ${header} equals canary-by-header-value`);
    } else if (p.headerPattern) {
      const matched = matchPattern(p.headerPattern, header);
      if (matched === undefined) return to(false, 'canary-by-header-pattern does not compile');
      if (matched) return to(true, `header ${p.header}: ${header} matches canary-by-header-pattern`);
    } else if (header === 'always') return to(true, `header ${p.header}: always`);
    else if (header === 'never') return to(false, `header ${p.header}: never`);
  }
  const cookie = p.cookie ? cookieValue(req, p.cookie) : undefined;
  if (cookie === 'always') return to(true, `cookie ${p.cookie}=always`);
  if (cookie === 'never') return to(false, `cookie ${p.cookie}=never`);
  const total = p.weightTotal > 100 ? p.weightTotal : 100;
  const roll = Math.floor(draw(state, `ingress-nginx:canary:${alt.name}`) * total) + 1;
  return to(roll <= p.weight, `canary-weight ${p.weight}/${total}, drew ${roll}`);
}

function matchPattern(pattern: string, value: string): boolean | undefined {
  try {
    return new RegExp(pattern).test(value);
  } catch {
    return undefined;
  }
}

/** limit_req with burst = limit × limit-burst-multiplier and nodelay, keyed by client address:
 * requests arriving together (one probe's repeats) pass while the count stays within the burst,
 * so the first burst+1 pass and the rest get 503. */
export function checkRateLimit(loc: Location, clientIP: string, state: L7State): { passed: boolean; note: string; reasons: Reason[] } | undefined {
  const rl = loc.annotations.rateLimit;
  if (!rl || !loc.ingress) return undefined;
  if (rl.allowlist.some((cidr) => (cidr.includes('/') ? ipInCidr(clientIP, cidr) : cidr === clientIP))) return undefined;
  const reasons = [ingressReason(loc.ingress, `${ANN}${rl.rps ? 'limit-rps' : 'limit-rpm'}]`, `limit_req zone ${rl.zone} by client address`)];
  for (const [unit, limit] of [['rps', rl.rps], ['rpm', rl.rpm]] as const) {
    if (limit <= 0) continue;
    const burst = limit * rl.burstMultiplier;
    const key = `ingress-nginx:limit:${rl.zone}_${unit}:${clientIP}`;
    const count = state.draws.get(key) ?? 0;
    if (count > burst) {
      return { passed: false, note: `limit-${unit} ${limit} (burst ${burst} = ${limit} × ${rl.burstMultiplier}): ${clientIP} already sent ${count} at once: 503 (limit-req-status-code)`, reasons };
    }
    state.draws.set(key, count + 1);
  }
  return { passed: true, note: `limit_req: request ${(state.draws.get(`ingress-nginx:limit:${rl.zone}_${rl.rps ? 'rps' : 'rpm'}:${clientIP}`) ?? 0)} from ${clientIP} is within the burst`, reasons };
}

/** The round-robin balancer: the upstream's ready endpoints in turn. */
export function pickEndpoint(ups: Upstream, state: L7State): { endpoint: UpstreamEndpoint; position: number } {
  const key = `ingress-nginx:rr:${ups.name}`;
  const n = state.draws.get(key) ?? 0;
  state.draws.set(key, n + 1);
  const i = n % ups.endpoints.length;
  return { endpoint: ups.endpoints[i]!, position: i + 1 };
}
