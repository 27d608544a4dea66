// Location blocks of one server as ingress-nginx writes them, and nginx's choice among them.
//
// Rendering (getBackendServers' sort, updateServerLocations, buildLocation): locations are sorted by
// descending path length; a Prefix path `/foo` becomes `location /foo/` plus an exact twin
// `location = /foo` (so `/foobar` matches neither); Exact paths become `location = /foo`. When
// use-regex or rewrite-target is set on any location of a host, every location of that host is
// written `location ~* "^<path>"` (docs/user-guide/ingress-path-matching.md) and nginx takes the
// first regex that matches, in that order.
//
// Matching without regexes is nginx's: an exact location first, else the longest prefix. Because
// every Prefix location ends in `/`, that is the Ingress API's element-wise longest match, with
// Exact preferred on a tie. One deliberate collapse: for `Prefix /aaa/bbb/` nginx answers a request
// for `/aaa/bbb` with a 301 to `/aaa/bbb/` (proxy_pass locations ending in `/` auto-redirect) which
// clients following redirects (the conformance suite's) then route; NetLab routes it directly, as
// the Kubernetes docs' path table ("Yes, ignores trailing slash") and the conformance suite expect.
import { normalizePrefixPath } from './paths.ts';
import type { Location, Server } from './types.ts';

/** needsRewrite: a rewrite-target other than the location's own path. */
export function needsRewrite(loc: Location): boolean {
  const target = loc.annotations.rewriteTarget;
  return target !== undefined && target !== '' && target !== loc.path;
}

/** Sorts, renders and indexes a server's locations (once, when the configuration is built). */
export function finalizeServer(server: Server): void {
  // Two stable sorts upstream (path descending, then length descending) amount to this order.
  server.locations.sort((a, b) => b.path.length - a.path.length || (a.path < b.path ? 1 : a.path > b.path ? -1 : 0));
  server.locations = updateServerLocations(server.locations);
  server.regexMode = server.locations.some((l) => needsRewrite(l) || l.annotations.useRegex);
  for (const loc of server.locations) {
    if (server.regexMode) {
      try {
        loc.regex = new RegExp(`^${loc.path}`, 'i');
        server.regexList.push(loc);
      } catch (e) {
        loc.regexError = `nginx cannot compile ~* "^${loc.path}": ${(e as Error).message}`;
      }
      if (needsRewrite(loc)) {
        try {
          loc.rewrite = new RegExp(loc.path, 'i');
        } catch {
          // Already reported through regexError.
        }
      }
      continue;
    }
    const map = loc.pathType === 'Exact' ? server.exact : server.prefix;
    // A duplicate location would not load in nginx; the first keeps the path here.
    if (!map.has(loc.path)) map.set(loc.path, loc);
  }
}

/** updateServerLocations: Prefix `/foo` -> `/foo/` plus an exact twin `= /foo` (unless an Exact
 * `/foo` exists, or the location rewrites or uses regexes, which stay as written). */
export function updateServerLocations(locations: Location[]): Location[] {
  const exactPaths = new Set(locations.filter((l) => l.pathType === 'Exact').map((l) => l.path));
  const out: Location[] = [];
  for (const loc of locations) {
    if (loc.path === '/' || loc.pathType !== 'Prefix' || needsRewrite(loc) || loc.annotations.useRegex) {
      out.push(loc);
      continue;
    }
    if (exactPaths.has(loc.path)) {
      loc.path = normalizePrefixPath(loc.path);
      out.push(loc);
      continue;
    }
    const twin: Location = { ...loc, pathType: 'Exact', exactTwin: true, shadowed: [] };
    loc.path = normalizePrefixPath(loc.path);
    out.push(loc, twin);
  }
  return out;
}

/** How nginx chose a location. */
export interface LocationMatch {
  location: Location;
  how: 'exact' | 'prefix' | 'regex' | 'trailing-slash';
  /** The URI the location handles (with `/` appended for `trailing-slash`). */
  uri: string;
}

/** Finds the location nginx uses for a normalised URI (the root location always matches). */
export function findLocation(server: Server, uri: string): LocationMatch {
  if (server.regexMode) {
    for (const loc of server.regexList) if (loc.regex!.test(uri)) return { location: loc, how: 'regex', uri };
    // Only a location list without a compilable root gets here: nginx would not have loaded it.
    return { location: server.locations[server.locations.length - 1]!, how: 'regex', uri };
  }
  const exact = server.exact.get(uri);
  if (exact) return { location: exact, how: 'exact', uri };
  if (!uri.endsWith('/')) {
    const slashed = server.prefix.get(`${uri}/`);
    if (slashed) return { location: slashed, how: 'trailing-slash', uri: `${uri}/` };
  }
  for (let end = uri.length; end > 0; end = uri.lastIndexOf('/', end - 2) + 1) {
    const loc = server.prefix.get(uri.slice(0, end));
    if (loc) return { location: loc, how: 'prefix', uri };
    if (end === 1) break;
  }
  return { location: server.prefix.get('/')!, how: 'prefix', uri };
}
