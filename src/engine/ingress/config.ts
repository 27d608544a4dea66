// The nginx configuration ingress-nginx renders from the Ingresses it serves: servers per host
// (createServers), locations per path (getBackendServers), canary upstreams merged into their
// primaries (mergeAlternativeBackends). Ingresses are taken oldest first, so on a host and path
// defined twice the older Ingress wins ("Location already configured").
import type { AdmittedObject } from '../types.ts';
import { catchAllAnnotations } from './annotations.ts';
import { upstreamName } from './ingresses.ts';
import { finalizeServer } from './locations.ts';
import { certificateFor } from './tls.ts';
import { wildcardParent } from './paths.ts';
import type { ClusterIndex } from './upstreams.ts';
import { createUpstreams } from './upstreams.ts';
import { CATCH_ALL, DEFAULT_UPSTREAM, type IngressRecord, type Location, type NginxModel, type Server, type Upstream } from './types.ts';

/** Renders the configuration for the served Ingresses (oldest first) and indexes it. */
export function buildConfiguration(served: IngressRecord[], idx: ClusterIndex, secrets: Map<string, AdmittedObject>): Pick<NginxModel, 'servers' | 'wildcards' | 'catchAll' | 'upstreams'> {
  const upstreams = createUpstreams(served, idx);
  const servers = createServers(served, upstreams, secrets);
  addLocations(served, servers, upstreams);
  if (served.some((i) => !i.annotations.canary)) for (const ing of served) if (ing.annotations.canary) mergeCanary(ing, upstreams, servers);
  const wildcards = new Map<string, Server>();
  for (const server of servers.values()) {
    finalizeServer(server);
    if (server.hostname.startsWith('*.')) wildcards.set(server.hostname.slice(2), server);
  }
  return { servers, wildcards, catchAll: servers.get(CATCH_ALL)!, upstreams };
}

function rootLocation(backend: string, annotations: Location['annotations'], ingress?: IngressRecord, field?: string): Location {
  return {
    path: '/',
    pathType: 'Prefix',
    ingressPath: '/',
    writtenPathType: 'Prefix',
    backend,
    isDefBackend: true,
    ...(ingress ? { ingress } : {}),
    ...(field ? { field } : {}),
    annotations,
    exactTwin: false,
    shadowed: [],
  };
}

function emptyServer(hostname: string, locations: Location[]): Server {
  return { hostname, locations, regexMode: false, exact: new Map(), prefix: new Map(), regexList: [] };
}

/** createServers: the catch-all `_` plus a server per rule host, each with a root location on the
 * default backend (the creating Ingress's defaultBackend, else the controller's 404); then the
 * certificates, the first Ingress with a TLS section configuring each host. */
function createServers(served: IngressRecord[], upstreams: Map<string, Upstream>, secrets: Map<string, AdmittedObject>): Map<string, Server> {
  const servers = new Map<string, Server>();
  const catchAll = emptyServer(CATCH_ALL, [rootLocation(DEFAULT_UPSTREAM, catchAllAnnotations())]);
  servers.set(CATCH_ALL, catchAll);
  for (const ing of served) {
    if (ing.annotations.canary) continue;
    let backend = DEFAULT_UPSTREAM;
    let backendField: string | undefined;
    const defaultService = ing.spec.defaultBackend?.service;
    if (defaultService && upstreams.has(upstreamName(ing.namespace, defaultService))) {
      backend = upstreamName(ing.namespace, defaultService);
      backendField = 'spec.defaultBackend';
      const root = catchAll.locations[0]!;
      // An Ingress with a backend but no rules configures the catch-all server (the first one).
      if (root.isDefBackend && ing.spec.rules.length === 0) {
        root.isDefBackend = false;
        root.backend = backend;
        root.ingress = ing;
        root.field = 'spec.defaultBackend';
        // Redirect and rewrite annotations are not applied to the catch-all ("skip for now" upstream).
        root.annotations = { ...catchAllAnnotations(), backendProtocol: ing.annotations.backendProtocol, problems: ing.annotations.problems };
        if (ing.annotations.rateLimit) root.annotations.rateLimit = ing.annotations.rateLimit;
      }
    }
    for (const rule of ing.spec.rules) {
      const host = rule.host || CATCH_ALL;
      if (servers.has(host)) continue;
      const server = emptyServer(host, [rootLocation(backend, ing.annotations, ing, backendField ?? `${rule.field}.host`)]);
      server.ingress = ing;
      server.field = `${rule.field}.host`;
      servers.set(host, server);
    }
  }
  for (const ing of served) {
    if (ing.annotations.canary || ing.spec.tls.length === 0) continue;
    for (const rule of ing.spec.rules) {
      const host = rule.host || CATCH_ALL;
      const server = servers.get(host)!;
      // The catch-all always has the default certificate; it never matches a request's host.
      if (server.cert || host === CATCH_ALL) continue;
      server.cert = certificateFor(host, ing, secrets, `${rule.field}.host`);
    }
  }
  return servers;
}

/** getBackendServers' location loop: each path becomes a location on its host's server; a path
 * already there with the same pathType keeps its first Ingress unless it is still the generated
 * root (which the path replaces). */
function addLocations(served: IngressRecord[], servers: Map<string, Server>, upstreams: Map<string, Upstream>): void {
  for (const ing of served) {
    for (const rule of ing.spec.rules) {
      const host = rule.host || CATCH_ALL;
      const server = servers.get(host) ?? servers.get(CATCH_ALL)!;
      for (const path of rule.paths ?? []) {
        if (!path.service) continue;
        const ups = upstreams.get(upstreamName(ing.namespace, path.service));
        if (!ups || ups.noServer) continue;
        const nginxPath = path.path || '/';
        // SetDefaultNGINXPathType: ImplementationSpecific (and unset) become Prefix.
        const pathType = path.pathType === 'Exact' ? 'Exact' : 'Prefix';
        const same = server.locations.find((l) => l.path === nginxPath);
        if (same && same.pathType === pathType) {
          if (!same.isDefBackend) {
            same.shadowed.push({ ingress: ing, field: path.field });
            continue;
          }
          Object.assign(same, { backend: ups.name, isDefBackend: false, ingress: ing, field: path.field, annotations: ing.annotations, ingressPath: nginxPath, writtenPathType: path.pathType });
          continue;
        }
        server.locations.push({
          path: nginxPath,
          pathType,
          ingressPath: nginxPath,
          writtenPathType: path.pathType,
          backend: ups.name,
          isDefBackend: false,
          ingress: ing,
          field: path.field,
          annotations: ing.annotations,
          exactTwin: false,
          shadowed: [],
        });
      }
    }
  }
}

/** mergeAlternativeBackends: a canary's upstream joins the primary upstream of the location with
 * the same host, path and pathType (its defaultBackend: the catch-all's locations). */
function mergeCanary(ing: IngressRecord, upstreams: Map<string, Upstream>, servers: Map<string, Server>): void {
  const tryMerge = (altName: string, server: Server | undefined, match: (l: Location) => boolean) => {
    const alt = upstreams.get(altName);
    if (!alt || !server) return;
    for (const loc of server.locations) {
      const primary = upstreams.get(loc.backend);
      if (!primary) continue;
      if (primary.name === alt.name) return;
      if (primary.name !== DEFAULT_UPSTREAM && !primary.noServer && match(loc) && !primary.alternatives.includes(alt.name)) primary.alternatives.push(alt.name);
    }
  };
  const defaultService = ing.spec.defaultBackend?.service;
  if (defaultService) tryMerge(upstreamName(ing.namespace, defaultService), servers.get(CATCH_ALL), () => true);
  for (const rule of ing.spec.rules) {
    const server = servers.get(rule.host || CATCH_ALL);
    for (const path of rule.paths ?? []) {
      if (!path.service) continue;
      const pathType = path.pathType === 'Exact' ? 'Exact' : 'Prefix';
      tryMerge(upstreamName(ing.namespace, path.service), server, (l) => l.path === path.path && l.pathType === pathType);
    }
  }
}

/** The server nginx picks for a Host: exact server_name, then the one-label wildcard, then `_`. */
export function findServer(model: Pick<NginxModel, 'servers' | 'wildcards' | 'catchAll'>, host: string): { server: Server; how: 'exact' | 'wildcard' | 'catch-all' } {
  const exact = model.servers.get(host);
  if (exact && host !== CATCH_ALL) return { server: exact, how: 'exact' };
  const parent = wildcardParent(host);
  const wildcard = parent === undefined ? undefined : model.wildcards.get(parent);
  if (wildcard) return { server: wildcard, how: 'wildcard' };
  return { server: model.catchAll, how: 'catch-all' };
}
