// HTTPRoute matching and its precedence rules (HTTPRouteRule.matches in the spec): across every rule
// of every route on a virtual host, an Exact path beats a RegularExpression (implementation-specific;
// Envoy Gateway's order), which beats the longest PathPrefix; then a method match, more header
// matches, more query parameter matches; then the oldest route, then `<ns>/<name>`, then rule order.
// Tables are built once, and a request only visits the entries its path can match.
import type { PathMatch, RouteMatch, RouteModel, RuleModel, ValueMatch } from './types.ts';

/** The parts of a request that HTTPRoute matches look at. */
export interface MatchRequest {
  path: string;
  method: string;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** First value of each query parameter, names as sent. */
  query: Map<string, string>;
}

/** One match of one rule of one route, ready to be ordered by precedence. */
export interface MatchEntry {
  route: RouteModel;
  rule: RuleModel;
  match: RouteMatch;
}

/** The entries of one virtual host, indexed by how a request path can select them. */
export interface RouteTable {
  hostname: string;
  exact: Map<string, MatchEntry[]>;
  regex: MatchEntry[];
  /** Keyed by the prefix without its trailing `/` (`/` itself for the root). */
  prefix: Map<string, MatchEntry[]>;
  /** Every entry in precedence order (for explanations). */
  entries: MatchEntry[];
  /** One entry per distinct path value, sorted by value, to find the nearest miss quickly. */
  byValue: MatchEntry[];
}

const PATH_RANK = { Exact: 3, RegularExpression: 2, PathPrefix: 1 } as const;

const exactCount = (list: ValueMatch[]) => list.filter((m) => m.type === 'Exact').length;

/** Orders two matches by the spec's precedence: negative when `a` wins. */
export function comparePrecedence(a: MatchEntry, b: MatchEntry): number {
  const pa = a.match.path;
  const pb = b.match.path;
  return (
    PATH_RANK[pb.type] - PATH_RANK[pa.type] ||
    pb.value.length - pa.value.length ||
    Number(b.match.method !== undefined) - Number(a.match.method !== undefined) ||
    b.match.headers.length - a.match.headers.length ||
    exactCount(b.match.headers) - exactCount(a.match.headers) ||
    b.match.queryParams.length - a.match.queryParams.length ||
    exactCount(b.match.queryParams) - exactCount(a.match.queryParams) ||
    a.route.order - b.route.order ||
    compareText(`${a.route.namespace}/${a.route.name}`, `${b.route.namespace}/${b.route.name}`) ||
    a.rule.index - b.rule.index ||
    a.match.index - b.match.index
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A PathPrefix value as its element-wise key: a trailing `/` is ignored. */
export function prefixKey(value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/** The element-wise prefixes of a request path, longest first: `/a/b/` -> `/a/b`, `/a`, `/`. */
export function pathPrefixes(path: string): string[] {
  let key = prefixKey(path || '/');
  const out = [key];
  while (key !== '/') {
    key = key.slice(0, key.lastIndexOf('/')) || '/';
    out.push(key);
  }
  return out;
}

/** Whether a request path satisfies a path match (element-wise for PathPrefix, case-sensitive). */
export function matchesPath(m: PathMatch, path: string): boolean {
  switch (m.type) {
    case 'Exact':
      return path === m.value;
    case 'RegularExpression':
      return m.regex ? m.regex.test(path) : false;
    case 'PathPrefix': {
      const key = prefixKey(m.value);
      if (key === '/') return true;
      return path === key || path.startsWith(`${key}/`);
    }
  }
}

/** Whether a value match (header or query parameter) holds against the request's value. */
export function matchesValue(m: ValueMatch, actual: string | undefined): boolean {
  if (actual === undefined) return false;
  return m.type === 'Exact' ? actual === m.value : (m.regex?.test(actual) ?? false);
}

/** Why a match does not take the request, or undefined when it does. */
export function explainMismatch(match: RouteMatch, req: MatchRequest): string | undefined {
  if (!matchesPath(match.path, req.path)) return `path ${req.path} does not match ${match.path.type} ${match.path.value}`;
  if (match.method !== undefined && match.method !== req.method) return `method ${req.method} is not ${match.method}`;
  for (const h of match.headers) {
    const actual = req.headers[h.name];
    if (!matchesValue(h, actual)) return `header ${h.name}: ${actual === undefined ? 'missing' : `"${actual}"`}, wanted ${h.type === 'Exact' ? `"${h.value}"` : `/${h.value}/`}`;
  }
  for (const q of match.queryParams) {
    const actual = req.query.get(q.name);
    if (!matchesValue(q, actual)) return `query parameter ${q.name}: ${actual === undefined ? 'missing' : `"${actual}"`}, wanted ${q.type === 'Exact' ? `"${q.value}"` : `/${q.value}/`}`;
  }
  return undefined;
}

// The non-path conditions, checked once the index has picked entries whose path matches.
function matchesRest(match: RouteMatch, req: MatchRequest): boolean {
  if (match.method !== undefined && match.method !== req.method) return false;
  for (const h of match.headers) if (!matchesValue(h, req.headers[h.name])) return false;
  for (const q of match.queryParams) if (!matchesValue(q, req.query.get(q.name))) return false;
  return true;
}

/** Indexes the matches of one virtual host. */
export function buildRouteTable(hostname: string, entries: MatchEntry[]): RouteTable {
  const sorted = [...entries].sort(comparePrecedence);
  const firstByValue = new Map<string, MatchEntry>();
  for (const e of sorted) if (!firstByValue.has(e.match.path.value)) firstByValue.set(e.match.path.value, e);
  const byValue = [...firstByValue.values()].sort((a, b) => compareText(a.match.path.value, b.match.path.value));
  const table: RouteTable = { hostname, exact: new Map(), regex: [], prefix: new Map(), entries: sorted, byValue };
  for (const e of sorted) {
    const p = e.match.path;
    if (p.type === 'RegularExpression') table.regex.push(e);
    else {
      const map = p.type === 'Exact' ? table.exact : table.prefix;
      const key = p.type === 'Exact' ? p.value : prefixKey(p.value);
      const list = map.get(key);
      if (list) list.push(e);
      else map.set(key, [e]);
    }
  }
  return table;
}

/** The winning match for a request, in precedence order, or undefined (a 404). */
export function matchRouteTable(table: RouteTable, req: MatchRequest): MatchEntry | undefined {
  for (const e of table.exact.get(req.path) ?? []) if (matchesRest(e.match, req)) return e;
  for (const e of table.regex) if (matchesPath(e.match.path, req.path) && matchesRest(e.match, req)) return e;
  for (const key of pathPrefixes(req.path)) {
    for (const e of table.prefix.get(key) ?? []) if (matchesRest(e.match, req)) return e;
  }
  return undefined;
}

/** The entry that came closest to taking a request that nothing took, and why it did not: the
 * first (by precedence) whose path matched, else the one sharing the longest path prefix. */
export function closestMiss(table: RouteTable, req: MatchRequest): { entry: MatchEntry; why: string } | undefined {
  const best = firstPathHit(table, req.path) ?? nearestByValue(table.byValue, req.path);
  if (!best) return undefined;
  return { entry: best, why: explainMismatch(best.match, req) ?? 'it matches' };
}

// The index visits entries in precedence order, so the first whose path matches is the best one.
function firstPathHit(table: RouteTable, path: string): MatchEntry | undefined {
  const exact = table.exact.get(path)?.[0];
  if (exact) return exact;
  const regex = table.regex.find((e) => matchesPath(e.match.path, path));
  if (regex) return regex;
  for (const key of pathPrefixes(path)) {
    const hit = table.prefix.get(key)?.[0];
    if (hit) return hit;
  }
  return undefined;
}

// In a list sorted by value, the longest common prefix with `path` is next to where it would go.
function nearestByValue(byValue: MatchEntry[], path: string): MatchEntry | undefined {
  let lo = 0;
  let hi = byValue.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (byValue[mid]!.match.path.value < path) lo = mid + 1;
    else hi = mid;
  }
  const before = byValue[lo - 1];
  const after = byValue[lo];
  if (!before) return after;
  if (!after) return before;
  return sharedPrefix(after.match.path.value, path) > sharedPrefix(before.match.path.value, path) ? after : before;
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Parses a query string into first values per name (percent-decoded), as the data plane sees it. */
export function parseQuery(query: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!query) return out;
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq));
    if (!out.has(name)) out.set(name, decode(eq < 0 ? '' : part.slice(eq + 1)));
  }
  return out;
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
