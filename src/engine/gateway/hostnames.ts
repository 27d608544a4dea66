// Hostname matching as the Gateway API defines it for Listeners and HTTPRoutes: a leading `*.`
// label is a suffix match over one or more labels (`*.example.com` matches `a.b.example.com` but not
// `example.com`), and a route attaches to a listener only where their hostnames intersect.

/** The catch-all hostname of a listener and route that both leave hostnames empty. */
export const ANY_HOST = '*';

/** Whether `host` (a request's Host, lower case, no port) matches a listener or route hostname. */
export function hostnameMatches(pattern: string, host: string): boolean {
  if (pattern === ANY_HOST) return true;
  if (!pattern.startsWith('*.')) return pattern === host;
  const suffix = pattern.slice(1); // ".example.com"
  return host.length > suffix.length && host.endsWith(suffix);
}

/** The hostnames a route serves on a listener: the intersection of the listener's hostname and the
 * route's hostnames (route hostnames that do not match are ignored). `[ANY_HOST]` when neither sets
 * one; an empty list when they do not intersect, and the route cannot attach. */
export function intersectHostnames(listenerHostname: string | undefined, routeHostnames: string[]): string[] {
  if (routeHostnames.length === 0) return [listenerHostname ?? ANY_HOST];
  if (listenerHostname === undefined) return dedupe(routeHostnames);
  const out: string[] = [];
  for (const h of routeHostnames) {
    const both = intersectOne(listenerHostname, h.toLowerCase());
    if (both !== undefined) out.push(both);
  }
  return dedupe(out);
}

// The narrower of two hostnames when one lies within the other.
function intersectOne(listener: string, route: string): string | undefined {
  if (listener === route) return route;
  const listenerWild = listener.startsWith('*.');
  const routeWild = route.startsWith('*.');
  if (!listenerWild && !routeWild) return undefined;
  if (listenerWild && !routeWild) return hostnameMatches(listener, route) ? route : undefined;
  if (!listenerWild && routeWild) return hostnameMatches(route, listener) ? listener : undefined;
  if (listener.endsWith(route.slice(1))) return listener;
  if (route.endsWith(listener.slice(1))) return route;
  return undefined;
}

function dedupe(list: string[]): string[] {
  return [...new Set(list.map((h) => h.toLowerCase()))];
}

/** How specific a hostname is, for choosing among listeners or virtual hosts that all match a
 * request: an exact name beats any wildcard, a longer wildcard beats a shorter one, and the
 * catch-all comes last. */
export function hostnameSpecificity(pattern: string | undefined): number {
  if (pattern === undefined || pattern === ANY_HOST) return 0;
  if (pattern.startsWith('*.')) return 1 + pattern.length;
  return 1000 + pattern.length;
}

/** The wildcard suffixes a host can be matched by, most specific first:
 * `a.b.example.com` -> `*.b.example.com`, `*.example.com`, `*.com`. */
export function wildcardCandidates(host: string): string[] {
  const out: string[] = [];
  let dot = host.indexOf('.');
  while (dot >= 0 && dot < host.length - 1) {
    out.push(`*${host.slice(dot)}`);
    dot = host.indexOf('.', dot + 1);
  }
  return out;
}
