import { describe, expect, it } from 'vitest';
import { buildRouteTable, closestMiss, comparePrecedence, matchesPath, matchesValue, matchRouteTable, parseQuery, pathPrefixes, type MatchEntry, type MatchRequest } from './matching.ts';
import { compileFullMatch } from './route-spec.ts';
import type { PathMatch, RouteMatch, RouteModel, ValueMatch } from './types.ts';

const regex = (value: string) => compileFullMatch(value) as RegExp;

describe('matchesPath', () => {
  const cases: Array<{ name: string; match: PathMatch; path: string; want: boolean }> = [
    { name: 'Exact equal', match: { type: 'Exact', value: '/one' }, path: '/one', want: true },
    { name: 'Exact is not a prefix', match: { type: 'Exact', value: '/one' }, path: '/one/example', want: false },
    { name: 'Exact with trailing slash differs', match: { type: 'Exact', value: '/two' }, path: '/two/', want: false },
    { name: 'Exact is case-sensitive', match: { type: 'Exact', value: '/two' }, path: '/Two', want: false },
    { name: 'PathPrefix element', match: { type: 'PathPrefix', value: '/v2' }, path: '/v2/example', want: true },
    { name: 'PathPrefix itself', match: { type: 'PathPrefix', value: '/v2' }, path: '/v2', want: true },
    { name: 'PathPrefix trailing slash on the request', match: { type: 'PathPrefix', value: '/v2' }, path: '/v2/', want: true },
    { name: 'PathPrefix is element-wise', match: { type: 'PathPrefix', value: '/v2' }, path: '/v2example', want: false },
    { name: 'PathPrefix ignores its trailing slash', match: { type: 'PathPrefix', value: '/abc/' }, path: '/abc', want: true },
    { name: 'PathPrefix root', match: { type: 'PathPrefix', value: '/' }, path: '/anything', want: true },
    { name: 'PathPrefix not in the middle', match: { type: 'PathPrefix', value: '/v2' }, path: '/foo/v2/example', want: false },
    { name: 'RegularExpression full match', match: { type: 'RegularExpression', value: '/items/[0-9]+', regex: regex('/items/[0-9]+') }, path: '/items/42', want: true },
    { name: 'RegularExpression is anchored', match: { type: 'RegularExpression', value: '/items/[0-9]+', regex: regex('/items/[0-9]+') }, path: '/items/42/x', want: false },
  ];
  for (const c of cases) it(c.name, () => expect(matchesPath(c.match, c.path)).toBe(c.want));
});

describe('matchesValue', () => {
  const cases: Array<{ name: string; match: ValueMatch; actual: string | undefined; want: boolean }> = [
    { name: 'exact', match: { type: 'Exact', name: 'version', value: 'two' }, actual: 'two', want: true },
    { name: 'exact value is case-sensitive', match: { type: 'Exact', name: 'version', value: 'two' }, actual: 'Two', want: false },
    { name: 'missing', match: { type: 'Exact', name: 'version', value: 'two' }, actual: undefined, want: false },
    { name: 'regex', match: { type: 'RegularExpression', name: 'color', value: 'bl.*', regex: regex('bl.*') }, actual: 'blue', want: true },
    { name: 'regex anchored', match: { type: 'RegularExpression', name: 'color', value: 'bl', regex: regex('bl') }, actual: 'blue', want: false },
  ];
  for (const c of cases) it(c.name, () => expect(matchesValue(c.match, c.actual)).toBe(c.want));
});

describe('pathPrefixes and parseQuery', () => {
  const prefixes = [
    { name: 'nested', path: '/a/b/c', want: ['/a/b/c', '/a/b', '/a', '/'] },
    { name: 'trailing slash', path: '/v2/', want: ['/v2', '/'] },
    { name: 'root', path: '/', want: ['/'] },
  ];
  for (const c of prefixes) it(c.name, () => expect(pathPrefixes(c.path)).toEqual(c.want));
  const queries = [
    { name: 'first value wins', query: 'animal=whale&animal=dolphin', want: [['animal', 'whale']] },
    { name: 'names are case-sensitive', query: 'ANIMAL=Whale', want: [['ANIMAL', 'Whale']] },
    { name: 'percent-decoding', query: 'q=a%20b', want: [['q', 'a b']] },
    { name: 'empty', query: '', want: [] },
  ];
  for (const c of queries) it(c.name, () => expect([...parseQuery(c.query)]).toEqual(c.want));
});

// A small route builder: each match string is `PATH_TYPE value [method M] [h name=value] [q name=value]`.
function route(name: string, order: number, rules: string[][]): MatchEntry[] {
  const r: RouteModel = { kind: 'HTTPRoute', namespace: 'ns', name, ref: `httproute/ns/${name}`, source: { file: 't', doc: 0 }, order, hostnames: [], parentRefs: [], rules: [] };
  const entries: MatchEntry[] = [];
  rules.forEach((matches, ri) => {
    const rule = { index: ri, matches: [] as RouteMatch[], filters: [], backendRefs: [], field: `spec.rules[${ri}]` };
    matches.forEach((text, mi) => {
      const words = text.split(' ');
      const match: RouteMatch = { index: mi, path: { type: words[0] as PathMatch['type'], value: words[1]! }, headers: [], queryParams: [], field: `spec.rules[${ri}].matches[${mi}]` };
      if (match.path.type === 'RegularExpression') match.path.regex = regex(match.path.value);
      for (let i = 2; i < words.length; i += 2) {
        const [k, v] = words[i + 1]!.split('=');
        if (words[i] === 'method') match.method = words[i + 1];
        if (words[i] === 'h') match.headers.push({ type: 'Exact', name: k!, value: v! });
        if (words[i] === 'q') match.queryParams.push({ type: 'Exact', name: k!, value: v! });
      }
      rule.matches.push(match);
      entries.push({ route: r, rule, match });
    });
    r.rules.push(rule);
  });
  return entries;
}

const req = (path: string, extra: Partial<MatchRequest> = {}): MatchRequest => {
  const [p, q] = path.split('?');
  return { path: p!, method: 'GET', headers: {}, query: parseQuery(q ?? ''), ...extra };
};
const winner = (entries: MatchEntry[], r: MatchRequest) => {
  const e = matchRouteTable(buildRouteTable('*', entries), r);
  return e ? `${e.route.name}:${e.match.field}` : '404';
};

describe('precedence (HTTPRouteRule.matches)', () => {
  // conformance/tests/httproute-path-match-order.yaml
  const order = route('order', 0, [['Exact /match'], ['Exact /match/exact'], ['Exact /match/exact/one'], ['PathPrefix /match/'], ['PathPrefix /match/prefix/'], ['PathPrefix /match/prefix/one']]);
  const orderCases = [
    { path: '/match/exact/one', want: 'order:spec.rules[2].matches[0]' },
    { path: '/match/exact', want: 'order:spec.rules[1].matches[0]' },
    { path: '/match', want: 'order:spec.rules[0].matches[0]' },
    { path: '/match/prefix/one/any', want: 'order:spec.rules[5].matches[0]' },
    { path: '/match/prefix/any', want: 'order:spec.rules[4].matches[0]' },
    { path: '/match/any', want: 'order:spec.rules[3].matches[0]' },
  ];
  for (const c of orderCases) it(`path order: ${c.path}`, () => expect(winner(order, req(c.path))).toBe(c.want));

  // conformance/tests/httproute-method-matching.yaml and httproute-query-param-matching.yaml
  const mixed = route('mixed', 0, [['PathPrefix /path5'], ['PathPrefix / method PATCH'], ['PathPrefix / h version=four'], ['PathPrefix / q animal=hydra']]);
  const mixedCases = [
    { name: 'longer prefix beats a method match', r: req('/path5', { method: 'PATCH' }), want: 'mixed:spec.rules[0].matches[0]' },
    { name: 'method beats headers', r: req('/', { method: 'PATCH', headers: { version: 'four' } }), want: 'mixed:spec.rules[1].matches[0]' },
    { name: 'headers beat query params', r: req('/?animal=hydra', { headers: { version: 'four' } }), want: 'mixed:spec.rules[2].matches[0]' },
    { name: 'query params alone', r: req('/?animal=hydra'), want: 'mixed:spec.rules[3].matches[0]' },
    { name: 'nothing', r: req('/'), want: '404' },
  ];
  for (const c of mixedCases) it(c.name, () => expect(winner(mixed, c.r)).toBe(c.want));

  it('more header matches win', () => {
    const entries = route('h', 0, [['PathPrefix / h version=two'], ['PathPrefix / h version=two h color=orange']]);
    expect(winner(entries, req('/', { headers: { version: 'two', color: 'orange' } }))).toBe('h:spec.rules[1].matches[0]');
  });
  it('Exact beats RegularExpression beats PathPrefix', () => {
    const entries = route('t', 0, [['PathPrefix /items/42'], ['RegularExpression /items/[0-9]+'], ['Exact /items/42']]);
    expect(winner(entries, req('/items/42'))).toBe('t:spec.rules[2].matches[0]');
    expect(winner(entries.slice(0, 2), req('/items/42'))).toBe('t:spec.rules[1].matches[0]');
  });
  it('ties go to the older route, then to <ns>/<name>, then to rule order', () => {
    const older = route('zeta', 0, [['PathPrefix /']]);
    const newer = route('alpha', 1, [['PathPrefix /']]);
    expect(winner([...newer, ...older], req('/'))).toBe('zeta:spec.rules[0].matches[0]');
    const sameAge = [...route('b', 0, [['PathPrefix /']]), ...route('a', 0, [['PathPrefix /'], ['PathPrefix /']])];
    expect(winner(sameAge, req('/'))).toBe('a:spec.rules[0].matches[0]');
  });
  it('comparePrecedence is a total order over the entries', () => {
    const sorted = [...mixed].sort(comparePrecedence).map((e) => e.match.field);
    expect(sorted).toEqual(['spec.rules[0].matches[0]', 'spec.rules[1].matches[0]', 'spec.rules[2].matches[0]', 'spec.rules[3].matches[0]']);
  });
});

describe('closestMiss', () => {
  it('names the first rule whose path matched and the condition that failed', () => {
    const table = buildRouteTable('*', route('h', 0, [['PathPrefix / h version=two']]));
    expect(closestMiss(table, req('/'))?.why).toBe('header version: missing, wanted "two"');
  });
  it('falls back to the rule sharing the longest path prefix', () => {
    const table = buildRouteTable('*', route('p', 0, [['Exact /one'], ['Exact /two']]));
    const miss = closestMiss(table, req('/two/'));
    expect(miss?.entry.match.field).toBe('spec.rules[1].matches[0]');
    expect(miss?.why).toBe('path /two/ does not match Exact /two');
  });
});
