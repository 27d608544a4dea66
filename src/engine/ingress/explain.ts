// Why a request fell through to the default backend: the closest paths on its server and why
// each did not match, other hosts that would have matched, and Ingresses for this host that no
// controller here serves. Runs only for 404s, so it may scan.
import type { Reason } from '../trace/types.ts';
import { hostMatches, pathElements } from './paths.ts';
import { CATCH_ALL, type IngressRecord, type Location, type NginxModel, type Server } from './types.ts';

/** A reason pointing at a field of an Ingress. */
export function ingressReason(ing: IngressRecord, field: string | undefined, detail: string): Reason {
  return { ref: ing.ref, ...(field ? { rule: field, field } : {}), detail, source: ing.source };
}

/** How a location is written in its Ingress (`Prefix /foo`, `Exact /foo`). */
export function describePath(loc: Location): string {
  const type = loc.writtenPathType === 'ImplementationSpecific' ? 'ImplementationSpecific (Prefix in ingress-nginx)' : loc.writtenPathType;
  return `${type} ${loc.ingressPath}`;
}

/** Why `uri` did not match a location of its server. */
export function whyNotMatched(loc: Location, uri: string, regexMode: boolean): string {
  if (loc.regexError) return loc.regexError;
  if (regexMode) return `~* "^${loc.path}" (case-insensitive regex, as use-regex/rewrite-target on this host make every path) does not match ${uri}`;
  const path = loc.ingressPath;
  if (loc.pathType === 'Exact') {
    if (uri.toLowerCase() === path.toLowerCase()) return `Exact ${path} is case-sensitive: ${uri} differs in case`;
    if (uri === `${path}/` || path === `${uri}/`) return `Exact ${path} does not match ${uri}: the trailing slash counts`;
    return `Exact ${path} needs the path to be exactly ${path}`;
  }
  const rule = pathElements(path);
  const request = pathElements(uri);
  for (let i = 0; i < rule.length; i++) {
    const want = rule[i]!;
    const got = request[i];
    if (got === undefined) return `${describePath(loc)} needs ${rule.length} path element(s); ${uri} has ${request.length}`;
    if (got === want) continue;
    if (got.toLowerCase() === want.toLowerCase()) return `${describePath(loc)} is case-sensitive: element "${got}" is not "${want}"`;
    if (got.startsWith(want)) return `${describePath(loc)} matches whole path elements: "${got}" is not "${want}" (a string prefix is not enough)`;
    return `${describePath(loc)}: element ${i + 1} of ${uri} is "${got}", not "${want}"`;
  }
  return `${describePath(loc)} was taken by a longer or exact match`;
}

/** Reasons for a 404 from the default backend. */
export function explainNoMatch(model: NginxModel, server: Server, host: string, uri: string): Reason[] {
  const reasons: Reason[] = [];
  // Ingresses for this very host that no controller here serves say the most, so they come first.
  for (const ing of model.unserved) {
    const rule = ing.spec.rules.find((r) => (r.host ? hostMatches(r.host, host) : server.hostname === CATCH_ALL));
    if (rule) reasons.push(ingressReason(ing, ing.klass.field ?? `${rule.field}.host`, `has a rule for ${rule.host || 'any host'} but ingress-nginx does not serve it: ${ing.klass.message}`));
    else if (ing.spec.rules.length === 0 && ing.spec.defaultBackend) reasons.push(ingressReason(ing, 'spec.defaultBackend', `would be the catch-all default backend but ingress-nginx does not serve it: ${ing.klass.message}`));
  }
  for (const l of closestLocations(server, uri, 3)) reasons.push(ingressReason(l.ingress!, l.field, `closest path on this host: ${whyNotMatched(l, uri, server.regexMode)}`));
  if (server.hostname === CATCH_ALL) reasons.push(...otherHosts(model, host, uri));
  for (const { ingress, host: ruleHost, path } of model.skippedPaths) {
    if (ruleHost ? !hostMatches(ruleHost, host) : server.hostname !== CATCH_ALL) continue;
    reasons.push(ingressReason(ingress, path.field, `path ${path.path || '/'} has a resource backend; ingress-nginx only serves Service backends and skips it`));
  }
  if (reasons.length === 0) reasons.push({ ref: 'ingress-nginx', detail: server.hostname === CATCH_ALL ? 'no Ingress served here has a rule for this host or a catch-all rule' : 'no path of this host matches' });
  return reasons.slice(0, 8);
}

// The Ingress paths of a server sharing the longest (case-insensitive) prefix with the URI.
function closestLocations(server: Server, uri: string, n: number): Location[] {
  const best: Array<{ l: Location; score: number }> = [];
  for (const l of server.locations) {
    if (l.isDefBackend || l.exactTwin || !l.ingress) continue;
    const score = commonPrefixLengthFolded(l.ingressPath, uri);
    if (best.length === n && score <= best[n - 1]!.score) continue;
    let i = best.length;
    while (i > 0 && best[i - 1]!.score < score) i--;
    best.splice(i, 0, { l, score });
    if (best.length > n) best.pop();
  }
  return best.map((b) => b.l);
}

// commonPrefixLength with ASCII letters compared case-insensitively (a near miss in case counts).
function commonPrefixLengthFolded(a: string, b: string): number {
  const len = Math.min(a.length, b.length);
  let i = 0;
  while (i < len && (a.charCodeAt(i) | 32) === (b.charCodeAt(i) | 32)) i++;
  return i;
}

// On the catch-all: hosts nginx has servers for that come close (a wildcard one label off, or a
// server whose paths would have matched).
function otherHosts(model: NginxModel, host: string, uri: string): Reason[] {
  const out: Reason[] = [];
  for (const server of model.servers.values()) {
    if (server.hostname === CATCH_ALL || !server.ingress) continue;
    const name = server.hostname;
    let detail: string | undefined;
    if (name.startsWith('*.')) {
      const parent = name.slice(2);
      if (host === parent) detail = `${name} needs exactly one more DNS label than ${parent}`;
      else if (host.endsWith(`.${parent}`)) detail = `${name} covers exactly one DNS label; ${host} has more`;
    } else if (name.toLowerCase() === host.toLowerCase()) detail = `${name} differs only in case`;
    else if (server.locations.some((l) => !l.isDefBackend && l.ingress && uri.startsWith(l.path))) detail = `host ${name} has a path for ${uri}, but the request's Host is ${host}`;
    if (detail) out.push(ingressReason(server.ingress, server.field, detail));
    if (out.length >= 3) break;
  }
  return out;
}
