// HTTPRoute filters as the data plane applies them: header modifiers, redirects and URL rewrites.
import { prefixKey } from './matching.ts';
import type { HeaderModifier, PathMatch, PathModifier, RouteFilter } from './types.ts';

/** Applies a header modifier (set, then add, then remove; names case-insensitive) to lower-case
 * headers, returning a new record. `add` appends to an existing value with a comma. */
export function applyHeaderModifier(headers: Record<string, string>, m: HeaderModifier): Record<string, string> {
  const out = { ...headers };
  for (const h of m.set) out[h.name.toLowerCase()] = h.value;
  for (const h of m.add) {
    const key = h.name.toLowerCase();
    out[key] = out[key] !== undefined ? `${out[key]},${h.value}` : h.value;
  }
  for (const name of m.remove) delete out[name.toLowerCase()];
  return out;
}

/** Rewrites a path as ReplaceFullPath or ReplacePrefixMatch describe it; the prefix replaced is
 * the PathPrefix value that matched, element-wise (the table in HTTPPathModifier's docs). */
export function modifyPath(path: string, modifier: PathModifier, matched: PathMatch): string {
  if (modifier.type === 'ReplaceFullPath') return modifier.value;
  const prefix = prefixKey(matched.value);
  const rest = prefix === '/' ? path : path.slice(prefix.length);
  const replacement = modifier.value.replace(/\/+$/, '');
  const joined = `${replacement}${rest}`;
  return joined === '' ? '/' : joined.startsWith('/') ? joined : `/${joined}`;
}

/** The Location a RequestRedirect sends: scheme, host and path from the filter or the request;
 * the port from the filter, else the scheme's well-known port when the filter sets a scheme, else
 * the listener's port; 80 for http and 443 for https are left out. */
export function redirectLocation(
  filter: Extract<RouteFilter, { type: 'RequestRedirect' }>,
  request: { scheme: string; host: string; path: string; query: string },
  listenerPort: number,
  matched: PathMatch,
): string {
  const scheme = filter.scheme ?? request.scheme;
  const port = filter.port ?? (filter.scheme ? (scheme === 'https' ? 443 : 80) : listenerPort);
  const defaultPort = (scheme === 'http' && port === 80) || (scheme === 'https' && port === 443);
  const host = filter.hostname ?? request.host;
  const path = filter.path ? modifyPath(request.path, filter.path, matched) : request.path;
  return `${scheme}://${host}${defaultPort ? '' : `:${port}`}${path}${request.query ? `?${request.query}` : ''}`;
}

const REASON_PHRASES: Record<number, string> = { 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 307: 'Temporary Redirect', 308: 'Permanent Redirect' };

/** The reason phrase of a redirect status. */
export function redirectPhrase(status: number): string {
  return REASON_PHRASES[status] ?? 'Redirect';
}
