// Host and path matching primitives: the Ingress API's own definitions (used to explain why a path
// did not match) and the nginx details ingress-nginx relies on (normalised URIs, wildcard
// server names, Prefix locations ending in `/`).

/** Whether `host` matches an Ingress rule host: exact, or `*.example.com` covering exactly one
 * DNS label (ingress-nginx renders it as `~^(?<subdomain>[\w-]+)\.example\.com$`). */
export function hostMatches(ruleHost: string, host: string): boolean {
  if (!ruleHost.startsWith('*.')) return ruleHost === host;
  const parent = ruleHost.slice(2);
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot + 1) === parent && WILDCARD_LABEL.test(host.slice(0, dot));
}

const WILDCARD_LABEL = /^[\w-]+$/;

/** The wildcard server key a host would fall under (`a.example.com` -> `example.com`), when its
 * first label can be the one label a wildcard covers. */
export function wildcardParent(host: string): string | undefined {
  const dot = host.indexOf('.');
  if (dot <= 0) return undefined;
  return WILDCARD_LABEL.test(host.slice(0, dot)) ? host.slice(dot + 1) : undefined;
}

/** The Ingress API's `Exact`: the whole path, case-sensitive. */
export function exactPathMatches(rulePath: string, requestPath: string): boolean {
  return rulePath === requestPath;
}

/** The Ingress API's `Prefix`: element-wise over `/`-separated elements, case-sensitive; trailing
 * slashes are ignored on either side (`/foo/` matches `/foo`, `/foo` matches `/foo/bar` but not
 * `/foobar`). */
export function prefixPathMatches(rulePath: string, requestPath: string): boolean {
  const rule = pathElements(rulePath);
  const request = pathElements(requestPath);
  if (rule.length > request.length) return false;
  for (let i = 0; i < rule.length; i++) if (rule[i] !== request[i]) return false;
  return true;
}

/** Path elements: the labels between `/` separators, empty ones dropped. */
export function pathElements(path: string): string[] {
  return path.split('/').filter((e) => e !== '');
}

/** A Prefix location's path as ingress-nginx renders it (normalizePrefixPath): ending in `/`. */
export function normalizePrefixPath(path: string): string {
  return path === '/' || path.endsWith('/') ? path : `${path}/`;
}

/** The URI nginx matches locations against ($uri): percent-decoded, `//` merged (merge_slashes),
 * `.` and `..` segments resolved. */
export function normalizeUri(raw: string): string {
  let path = raw || '/';
  if (path.includes('%')) {
    try {
      path = decodeURIComponent(path);
    } catch {
      // nginx leaves an invalid escape as it is.
    }
  }
  if (!path.startsWith('/')) path = `/${path}`;
  path = path.replace(/\/{2,}/g, '/');
  if (!path.includes('/.')) return path;
  const out: string[] = [];
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const s = segments[i]!;
    if (s === '.') {
      if (i === segments.length - 1) out.push('');
    } else if (s === '..') {
      out.pop();
      if (i === segments.length - 1) out.push('');
    } else out.push(s);
  }
  return `/${out.join('/')}`;
}
