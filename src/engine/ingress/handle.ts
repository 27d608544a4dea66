// One request through the controller, in nginx's phase order: server by Host (and the TLS
// certificate by SNI), app-root, location, permanent/temporal redirect, rewrite-target, the
// HTTP -> HTTPS redirect (Lua, end of the rewrite phase), the balancer's 503 when the upstream has
// no endpoints, canary routing, limit_req (preaccess phase), then an endpoint, round-robin.
import type { HttpRequest, L7Decision, L7State } from '../l7/types.ts';
import type { Hop, Reason } from '../trace/types.ts';
import type { Pod } from '../types.ts';
import { findServer } from './config.ts';
import { describePath, explainNoMatch, ingressReason } from './explain.ts';
import { findLocation, type LocationMatch } from './locations.ts';
import type { IngressNginx } from './model.ts';
import { normalizePrefixPath, normalizeUri } from './paths.ts';
import { ownResponse } from './responses.ts';
import { applyRewrite, chooseCanary, checkRateLimit, pickEndpoint, redirectToHttps } from './rules.ts';
import { certificateForHost, FAKE_CERTIFICATE } from './tls.ts';
import { CATCH_ALL, DEFAULT_UPSTREAM, type Location, type Server, type Upstream } from './types.ts';

/** HTTP status ingress-nginx answers for a redirect to HTTPS (ConfigMap http-redirect-code). */
const HTTP_REDIRECT_CODE = 308;

/** Decides what ingress-nginx does with a request that reached one of its pods. */
export function handleIngressRequest(model: IngressNginx, pod: Pod, req: HttpRequest, state: L7State): L7Decision {
  const at = `pod/${pod.namespace}/${pod.name}`;
  const hops: Hop[] = [];
  const hop = (message: string, reasons: Reason[], to?: string) => hops.push({ kind: 'l7', at, ...(to ? { to } : {}), message, reasons });
  const answer = (status: number, headers?: Record<string, string>): L7Decision => ({ hops, response: ownResponse(status, headers) });

  const { server, how } = findServer(model, req.host);
  hop(serverMessage(server, how, req, model), serverReasons(server, req, model));
  const uri = normalizeUri(req.path);

  const appRoot = server.locations.find((l) => l.annotations.appRoot)?.annotations.appRoot;
  if (appRoot && uri === '/') {
    const owner = server.locations.find((l) => l.annotations.appRoot)!;
    const location = `${req.scheme}://${req.host}${appRoot}`;
    hop(`app-root: a request for / is redirected to ${appRoot} (302)`, owner.ingress ? [ingressReason(owner.ingress, 'metadata.annotations[nginx.ingress.kubernetes.io/app-root]', `app-root: ${appRoot}`)] : []);
    return answer(302, { location });
  }

  const match = findLocation(server, uri);
  const loc = match.location;
  const isDefault = loc.backend === DEFAULT_UPSTREAM;
  if (isDefault || loc.isDefBackend) hop(noMatchMessage(server, match, req, isDefault), explainNoMatch(model, server, req.host, uri));
  else hop(locationMessage(server, match, req, model), locationReasons(loc, model));

  // The root location a server gets carries its Ingress's annotations too, redirects included.
  const redirect = loc.annotations.redirect;
  if (redirect) {
    hop(`${redirect.annotation}: ${redirect.code} to ${redirect.url}`, loc.ingress ? [ingressReason(loc.ingress, `metadata.annotations[nginx.ingress.kubernetes.io/${redirect.annotation}]`, `${redirect.annotation}: ${redirect.url}`)] : []);
    return answer(redirect.code, { location: redirect.url });
  }

  let forwardedPath = match.uri;
  let forwardedQuery = req.query;
  if (loc.rewrite && loc.annotations.rewriteTarget) {
    const rewritten = applyRewrite(loc.rewrite, loc.annotations.rewriteTarget, match.uri, req.query);
    forwardedPath = rewritten.path;
    forwardedQuery = rewritten.query;
    hop(`rewrite "(?i)${loc.path}" ${loc.annotations.rewriteTarget} break: ${match.uri} → ${forwardedPath}${forwardedQuery ? `?${forwardedQuery}` : ''}`, loc.ingress ? [ingressReason(loc.ingress, 'metadata.annotations[nginx.ingress.kubernetes.io/rewrite-target]', `rewrite-target: ${loc.annotations.rewriteTarget}`)] : []);
  }

  if (req.scheme === 'http') {
    const ssl = redirectToHttps(loc, certificateForHost(model.servers, req.host));
    if (ssl.redirect) {
      // lua_ingress: https://<host><request_uri>, a trailing slash dropped (preserve-trailing-slash false).
      let requestUri = `${req.path}${req.query ? `?${req.query}` : ''}`;
      if (requestUri.endsWith('/')) requestUri = requestUri.slice(0, -1);
      hop(`${ssl.why}: ${HTTP_REDIRECT_CODE} to https://${req.host}${requestUri}`, ssl.reasons);
      return answer(HTTP_REDIRECT_CODE, { location: `https://${req.host}${requestUri}` });
    }
  }

  if (isDefault) {
    if (rateLimited(loc, req, state, hop)) return answer(503);
    hop('the default backend (the controller\'s own, upstream-default-backend) answers 404', []);
    return answer(404);
  }

  const primary = model.upstreams.get(loc.backend)!;
  if (primary.endpoints.length === 0) {
    hop(`503: upstream ${primary.name} has no endpoints: ${primary.problem?.message ?? 'none ready'}`, upstreamReasons(primary));
    return answer(503);
  }
  const canary = chooseCanary(primary, model.upstreams, req, state);
  if (canary.note) hop(canary.note, canary.reasons);
  const ups = canary.upstream;

  if (rateLimited(loc, req, state, hop)) return answer(503);

  const pick = pickEndpoint(ups, state);
  const ep = pick.endpoint;
  if (!ep.pod) {
    hop(`upstream ${ups.name} → ${ep.ip}:${ep.port}, which is not a pod NetLab can follow: 502`, upstreamReasons(ups));
    return answer(502);
  }
  const podRef = `pod/${ep.pod.namespace}/${ep.pod.name}`;
  hop(
    `upstream ${ups.name} → ${ep.ip}:${ep.port} (${ep.pod.namespace}/${ep.pod.name}), round-robin ${pick.position} of ${ups.endpoints.length} ready endpoint(s); ingress-nginx connects to the pod IP, not the ClusterIP`,
    upstreamReasons(ups, ep.slice),
    podRef,
  );
  const forwarded: HttpRequest = {
    ...req,
    path: forwardedPath,
    query: forwardedQuery,
    scheme: upstreamScheme(loc.annotations.backendProtocol, req.scheme),
    // The proxy_set_header lines of nginx.tmpl: Host is kept, the client is named in X-Forwarded-*.
    headers: {
      ...req.headers,
      'x-real-ip': req.clientIP,
      'x-forwarded-for': req.clientIP,
      'x-forwarded-host': req.host,
      'x-forwarded-port': String(req.port),
      'x-forwarded-proto': req.scheme,
      'x-forwarded-scheme': req.scheme,
      'x-scheme': req.scheme,
    },
    clientIP: pod.podIP,
  };
  return { hops, upstream: { pod: ep.pod, port: ep.port, request: forwarded, service: `${ups.namespace}/${ups.serviceName}` } };
}

// limit_req (nodelay) in the preaccess phase: true when the request is rejected (limit-req-status-code 503).
function rateLimited(loc: Location, req: HttpRequest, state: L7State, hop: (m: string, r: Reason[]) => void): boolean {
  const limit = checkRateLimit(loc, req.clientIP, state);
  if (!limit) return false;
  hop(limit.note, limit.reasons);
  return !limit.passed;
}

// backend-protocol: how nginx speaks to the pod (HTTPS and GRPCS over TLS, AUTO_HTTP as the client did).
function upstreamScheme(protocol: string, clientScheme: 'http' | 'https'): 'http' | 'https' {
  if (protocol === 'HTTPS' || protocol === 'GRPCS') return 'https';
  return protocol === 'AUTO_HTTP' ? clientScheme : 'http';
}

function serverMessage(server: Server, how: 'exact' | 'wildcard' | 'catch-all', req: HttpRequest, model: IngressNginx): string {
  const head = `ingress-nginx: Host ${req.host}`;
  let tls = '';
  if (req.scheme === 'https') {
    const cert = certificateForHost(model.servers, req.host);
    tls = cert?.kind === 'secret' ? `; TLS terminated with Secret ${cert.secret}` : `; TLS terminated with the controller's fake certificate`;
  }
  if (how === 'exact') return `${head} → server ${server.hostname}${tls}`;
  if (how === 'wildcard') return `${head} → server ${server.hostname} (the wildcard covers one DNS label)${tls}`;
  return `${head} matches no server_name → the catch-all server _ (rules without a host)${tls}`;
}

function serverReasons(server: Server, req: HttpRequest, model: IngressNginx): Reason[] {
  const reasons: Reason[] = [];
  if (server.ingress && server.field) reasons.push(ingressReason(server.ingress, server.field, `host ${server.hostname} (oldest Ingress defining it)`));
  if (req.scheme === 'https') {
    const cert = certificateForHost(model.servers, req.host);
    if (!cert) reasons.push({ ref: 'ingress-nginx', detail: `TLS: no certificate is configured for ${req.host}: the controller presents "${FAKE_CERTIFICATE}" (the client does not verify it)` });
    else reasons.push(ingressReason(cert.ingress, cert.field, `TLS: ${cert.message}`));
  }
  const claimed = server.hostname === CATCH_ALL ? server.locations.find((l) => l.path === '/' && l.field === 'spec.defaultBackend') : undefined;
  if (claimed?.ingress) reasons.push(ingressReason(claimed.ingress, 'spec.defaultBackend', 'its defaultBackend (an Ingress without rules) is the catch-all server\'s default'));
  return reasons;
}

function noMatchMessage(server: Server, match: LocationMatch, req: HttpRequest, isDefault: boolean): string {
  const where = server.hostname === CATCH_ALL ? 'the catch-all server' : `server ${server.hostname}`;
  const backend = isDefault ? 'the default backend' : `the Ingress's spec.defaultBackend (${match.location.backend})`;
  return `${req.method} ${match.uri}: no path of ${where} matches → location / → ${backend}`;
}

function locationMessage(server: Server, match: LocationMatch, req: HttpRequest, model: IngressNginx): string {
  const loc = match.location;
  const ups = model.upstreams.get(loc.backend);
  const target = ups ? `Service ${ups.namespace}/${ups.serviceName} port ${ups.port}` : loc.backend;
  if (loc.field === 'spec.defaultBackend') return `${req.method} ${req.path} → location / of the catch-all server: the spec.defaultBackend of ${loc.ingress!.namespace}/${loc.ingress!.name} (an Ingress without rules) → ${target}`;
  const rendered = server.regexMode ? `~* "^${loc.path}"` : loc.pathType === 'Exact' ? `= ${loc.path}` : loc.path;
  const via = match.how === 'trailing-slash' ? ` (${req.path} without the trailing slash: nginx redirects it to ${match.uri} and that matches)` : match.how === 'regex' ? ' (first matching regex, longest paths first)' : match.how === 'exact' && loc.exactTwin ? ` (ingress-nginx writes Prefix ${loc.ingressPath} as location ${normalizePrefixPath(loc.ingressPath)} plus this exact one)` : '';
  return `${req.method} ${req.path} → location ${rendered}${via}: ${describePath(loc)} in ${loc.ingress!.namespace}/${loc.ingress!.name} → ${target}`;
}

function locationReasons(loc: Location, model: IngressNginx): Reason[] {
  const what = loc.field === 'spec.defaultBackend' ? 'defaultBackend' : describePath(loc);
  const reasons: Reason[] = [ingressReason(loc.ingress!, loc.field, `${what} → ${loc.backend}`)];
  for (const s of loc.shadowed) reasons.push(ingressReason(s.ingress, s.field, `defines the same host and path too, but the older Ingress ${loc.ingress!.namespace}/${loc.ingress!.name} keeps it`));
  const ups = model.upstreams.get(loc.backend);
  if (ups?.service) reasons.push({ ref: `service/${ups.namespace}/${ups.serviceName}`, detail: `port ${ups.port} → ${ups.servicePort ? `${ups.servicePort.name || ups.servicePort.port} (targetPort ${ups.servicePort.targetPort})` : 'no such port'}` });
  return reasons;
}

function upstreamReasons(ups: Upstream, slice?: string): Reason[] {
  const reasons: Reason[] = [ingressReason(ups.ingress, ups.field, `backend ${ups.serviceName}:${ups.port}${ups.problem ? `: ${ups.problem.message}` : ''}`)];
  if (ups.service) reasons.push({ ref: `service/${ups.namespace}/${ups.serviceName}`, detail: ups.problem?.message ?? `${ups.endpoints.length} ready endpoint(s)` });
  if (slice) reasons.push({ ref: `endpointslice/${ups.namespace}/${slice}`, detail: 'ready endpoints as the controller reads them' });
  return reasons;
}
