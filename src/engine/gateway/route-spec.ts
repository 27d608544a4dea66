// HTTPRoute and GRPCRoute specs with the API's defaults applied, and the rule-level checks a
// conformant controller makes before programming a rule (UnsupportedValue, IncompatibleFilters).
import { arr, num, rec, str, type WatchedObject } from './objects.ts';
import { GATEWAY_GROUP, type BackendRefModel, type HeaderModifier, type ParentRefModel, type PathModifier, type RouteFilter, type RouteMatch, type RouteModel, type RuleModel, type ValueMatch } from './types.ts';

const REDIRECT_CODES = [301, 302, 303, 307, 308];

type Invalid = { reason: string; message: string };

/** Compiles a Gateway API RegularExpression as a full match (Envoy's safe_regex matches the whole
 * value); JavaScript's dialect stands in for RE2. */
export function compileFullMatch(pattern: string): RegExp | { error: string } {
  try {
    return new RegExp(`^(?:${pattern})$`);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Reads one route object into the controller's model (backends not yet resolved). */
export function parseRoute(w: WatchedObject, kind: 'HTTPRoute' | 'GRPCRoute'): RouteModel {
  const spec = rec(w.object.spec);
  const parentRefs: ParentRefModel[] = arr(spec.parentRefs).map((p, index) => {
    const ref = rec(p);
    return {
      index,
      group: str(ref.group) ?? GATEWAY_GROUP,
      kind: str(ref.kind) ?? 'Gateway',
      namespace: str(ref.namespace) || w.namespace,
      name: str(ref.name) ?? '',
      ...(str(ref.sectionName) ? { sectionName: str(ref.sectionName) } : {}),
      ...(num(ref.port) !== undefined ? { port: num(ref.port) } : {}),
      field: `spec.parentRefs[${index}]`,
    };
  });
  // The CRD defaults a missing rules list to one rule matching every path (with no backends).
  const rawRules = spec.rules === undefined && kind === 'HTTPRoute' ? [{}] : arr(spec.rules);
  const rules = rawRules.map((r, index) => (kind === 'HTTPRoute' ? parseHttpRule(rec(r), index, w.namespace) : parseGrpcRule(rec(r), index, w.namespace)));
  return {
    kind,
    namespace: w.namespace,
    name: w.name,
    ref: `${kind.toLowerCase()}/${w.namespace}/${w.name}`,
    source: w.admitted.source,
    order: w.order,
    hostnames: arr(spec.hostnames).map((h) => String(h).toLowerCase()),
    parentRefs,
    rules,
  };
}

function parseHttpRule(rule: Record<string, unknown>, index: number, namespace: string): RuleModel {
  const field = `spec.rules[${index}]`;
  const problems: Invalid[] = [];
  const rawMatches = arr(rule.matches);
  const matches = (rawMatches.length ? rawMatches : [{}]).map((m, i) => parseMatch(rec(m), i, rawMatches.length ? `${field}.matches[${i}]` : field, problems));
  const filters = arr(rule.filters).map((f, i) => parseFilter(rec(f), `${field}.filters[${i}]`, namespace, problems));
  const backendRefs = arr(rule.backendRefs).map((b, i) => parseBackendRef(rec(b), `${field}.backendRefs[${i}]`, namespace, problems));
  checkFilterCombination(filters, matches, problems);
  for (const b of backendRefs) checkFilterCombination(b.filters, matches, problems);
  return {
    index,
    ...(str(rule.name) ? { name: str(rule.name) } : {}),
    matches,
    filters,
    backendRefs,
    field,
    ...(problems[0] ? { invalid: problems[0] } : {}),
  };
}

// GRPCRoute rules are tracked for attachment and references; their matching is not modelled.
function parseGrpcRule(rule: Record<string, unknown>, index: number, namespace: string): RuleModel {
  const field = `spec.rules[${index}]`;
  const problems: Invalid[] = [];
  const filters = arr(rule.filters).map((f, i) => parseFilter(rec(f), `${field}.filters[${i}]`, namespace, problems));
  const backendRefs = arr(rule.backendRefs).map((b, i) => parseBackendRef(rec(b), `${field}.backendRefs[${i}]`, namespace, problems));
  return { index, matches: [], filters, backendRefs, field, ...(problems[0] ? { invalid: problems[0] } : {}) };
}

function parseMatch(m: Record<string, unknown>, index: number, field: string, problems: Invalid[]): RouteMatch {
  const path = rec(m.path);
  const type = str(path.type) ?? 'PathPrefix';
  const value = str(path.value) ?? '/';
  const match: RouteMatch = { index, path: { type: 'PathPrefix', value }, headers: [], queryParams: [], field };
  if (type === 'RegularExpression') {
    const regex = compileFullMatch(value);
    if ('error' in regex) problems.push({ reason: 'UnsupportedValue', message: `${field}.path: invalid regular expression "${value}": ${regex.error}` });
    else match.path = { type, value, regex };
  } else if (type === 'Exact' || type === 'PathPrefix') match.path = { type, value };
  else problems.push({ reason: 'UnsupportedValue', message: `${field}.path.type: Unsupported value: "${type}": supported values: "Exact", "PathPrefix", "RegularExpression"` });
  match.headers = parseValueMatches(arr(m.headers), `${field}.headers`, true, problems);
  match.queryParams = parseValueMatches(arr(m.queryParams), `${field}.queryParams`, false, problems);
  if (str(m.method)) match.method = str(m.method);
  return match;
}

// Only the first entry for a name counts; later ones with an equivalent name are ignored.
function parseValueMatches(list: unknown[], field: string, caseInsensitive: boolean, problems: Invalid[]): ValueMatch[] {
  const out: ValueMatch[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const h = rec(item);
    const name = caseInsensitive ? String(h.name ?? '').toLowerCase() : String(h.name ?? '');
    if (seen.has(name)) return;
    seen.add(name);
    const type = str(h.type) ?? 'Exact';
    const value = String(h.value ?? '');
    if (type === 'Exact') out.push({ type, name, value });
    else if (type === 'RegularExpression') {
      const regex = compileFullMatch(value);
      if ('error' in regex) problems.push({ reason: 'UnsupportedValue', message: `${field}[${i}]: invalid regular expression "${value}": ${regex.error}` });
      else out.push({ type, name, value, regex });
    } else problems.push({ reason: 'UnsupportedValue', message: `${field}[${i}].type: Unsupported value: "${type}": supported values: "Exact", "RegularExpression"` });
  });
  return out;
}

function parseHeaderModifier(value: unknown): HeaderModifier {
  const m = rec(value);
  const pairs = (list: unknown) => arr(list).map((h) => ({ name: String(rec(h).name ?? ''), value: String(rec(h).value ?? '') }));
  return { set: pairs(m.set), add: pairs(m.add), remove: arr(m.remove).map(String) };
}

function parsePathModifier(value: unknown, field: string, problems: Invalid[]): PathModifier | undefined {
  if (value === undefined) return undefined;
  const p = rec(value);
  const type = str(p.type);
  if (type === 'ReplaceFullPath' && str(p.replaceFullPath) !== undefined) return { type, value: str(p.replaceFullPath)! };
  if (type === 'ReplacePrefixMatch' && str(p.replacePrefixMatch) !== undefined) return { type, value: str(p.replacePrefixMatch)! };
  problems.push({ reason: 'UnsupportedValue', message: `${field}.path: ${type ? `${type} must be set when the path modifier type is "${type}"` : 'type must be ReplaceFullPath or ReplacePrefixMatch'}` });
  return undefined;
}

function parseFilter(f: Record<string, unknown>, field: string, namespace: string, problems: Invalid[]): RouteFilter {
  const type = str(f.type) ?? '';
  switch (type) {
    case 'RequestHeaderModifier':
      return { type, field, modifier: parseHeaderModifier(f.requestHeaderModifier) };
    case 'ResponseHeaderModifier':
      return { type, field, modifier: parseHeaderModifier(f.responseHeaderModifier) };
    case 'RequestRedirect': {
      const r = rec(f.requestRedirect);
      const statusCode = num(r.statusCode) ?? 302;
      if (!REDIRECT_CODES.includes(statusCode)) problems.push({ reason: 'UnsupportedValue', message: `${field}.requestRedirect.statusCode: Unsupported value: ${statusCode}: supported values: 301, 302, 303, 307, 308` });
      const scheme = str(r.scheme);
      if (scheme !== undefined && scheme !== 'http' && scheme !== 'https') problems.push({ reason: 'UnsupportedValue', message: `${field}.requestRedirect.scheme: Unsupported value: "${scheme}": supported values: "http", "https"` });
      const path = parsePathModifier(r.path, `${field}.requestRedirect`, problems);
      return { type, field, statusCode, ...(scheme ? { scheme } : {}), ...(str(r.hostname) ? { hostname: str(r.hostname) } : {}), ...(num(r.port) !== undefined ? { port: num(r.port) } : {}), ...(path ? { path } : {}) };
    }
    case 'URLRewrite': {
      const r = rec(f.urlRewrite);
      const path = parsePathModifier(r.path, `${field}.urlRewrite`, problems);
      return { type, field, ...(str(r.hostname) ? { hostname: str(r.hostname) } : {}), ...(path ? { path } : {}) };
    }
    case 'RequestMirror': {
      const m = rec(f.requestMirror);
      const fraction = rec(m.fraction);
      const percent = num(m.percent) ?? (num(fraction.numerator) !== undefined ? (100 * num(fraction.numerator)!) / (num(fraction.denominator) ?? 100) : 100);
      return { type, field, percent, backend: parseBackendRef(rec(m.backendRef), `${field}.requestMirror.backendRef`, namespace, problems) };
    }
    case 'CORS':
    case 'ExtensionRef':
    case 'ExternalAuth':
      return { type, field };
    default:
      problems.push({ reason: 'UnsupportedValue', message: `${field}.type: Unsupported value: "${type}": supported values: "RequestHeaderModifier", "ResponseHeaderModifier", "RequestMirror", "RequestRedirect", "URLRewrite", "ExtensionRef", "CORS"` });
      return { type: 'ExtensionRef', field };
  }
}

function parseBackendRef(b: Record<string, unknown>, field: string, namespace: string, problems: Invalid[]): BackendRefModel {
  const port = num(b.port);
  return {
    group: str(b.group) ?? '',
    kind: str(b.kind) ?? 'Service',
    namespace: str(b.namespace) || namespace,
    name: String(b.name ?? ''),
    ...(port !== undefined ? { port } : {}),
    weight: num(b.weight) ?? 1,
    filters: arr(b.filters).map((f, i) => parseFilter(rec(f), `${field}.filters[${i}]`, namespace, problems)),
    field,
  };
}

// URLRewrite and RequestRedirect exclude each other, and each may appear once; ReplacePrefixMatch
// needs the rule's matches to be PathPrefix matches.
function checkFilterCombination(filters: RouteFilter[], matches: RouteMatch[], problems: Invalid[]): void {
  const redirects = filters.filter((f) => f.type === 'RequestRedirect');
  const rewrites = filters.filter((f) => f.type === 'URLRewrite');
  if (redirects.length && rewrites.length) problems.push({ reason: 'IncompatibleFilters', message: `${redirects[0]!.field}: RequestRedirect and URLRewrite filters cannot be used on the same rule` });
  if (redirects.length > 1 || rewrites.length > 1) problems.push({ reason: 'UnsupportedValue', message: `${(redirects[1] ?? rewrites[1])!.field}: only one ${redirects.length > 1 ? 'RequestRedirect' : 'URLRewrite'} filter may be used on a rule` });
  for (const f of filters) {
    const path = f.type === 'RequestRedirect' || f.type === 'URLRewrite' ? f.path : undefined;
    if (path?.type === 'ReplacePrefixMatch' && matches.some((m) => m.path.type !== 'PathPrefix')) {
      problems.push({ reason: 'UnsupportedValue', message: `${f.field}: ReplacePrefixMatch is only compatible with a PathPrefix match` });
    }
  }
}
