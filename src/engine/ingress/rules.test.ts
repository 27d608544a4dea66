import { describe, expect, it } from 'vitest';
import type { L7State } from '../l7/types.ts';
import { parseNginxAnnotations } from './annotations.ts';
import { applyRewrite, checkRateLimit, chooseCanary, pickEndpoint } from './rules.ts';
import { httpRequest } from './synthetic.ts';
import type { IngressRecord, Location, Upstream } from './types.ts';

const state = (): L7State => ({ draws: new Map(), seed: 1 });

// kubernetes/ingress-nginx docs/examples/rewrite/README.md ("Rewrite Target": path
// /something(/|$)(.*), rewrite-target /$2) and nginx's rewrite directive.
describe('applyRewrite', () => {
  const rows = [
    { name: 'rewrite.bar.com/something rewrites to /', regex: '/something(/|$)(.*)', target: '/$2', uri: '/something', want: '/' },
    { name: 'rewrite.bar.com/something/ rewrites to /', regex: '/something(/|$)(.*)', target: '/$2', uri: '/something/', want: '/' },
    { name: 'rewrite.bar.com/something/new rewrites to /new', regex: '/something(/|$)(.*)', target: '/$2', uri: '/something/new', want: '/new' },
    { name: 'a plain target replaces the whole URI (rewrite-target: /)', regex: '/testpath', target: '/', uri: '/testpath/a/b', want: '/' },
    { name: 'the match is case-insensitive ((?i))', regex: '/api(/|$)(.*)', target: '/$2', uri: '/API/v1', want: '/v1' },
    { name: 'named groups substitute by name', regex: '/u/(?<user>[^/]+)', target: '/users/$user', uri: '/u/ana', want: '/users/ana' },
    { name: 'an unmatched group is empty', regex: '/a(/x)?', target: '/b$1', uri: '/a', want: '/b' },
  ];
  for (const row of rows) it(row.name, () => expect(applyRewrite(new RegExp(row.regex, 'i'), row.target, row.uri, '').path).toBe(row.want));

  it('keeps the original arguments', () => expect(applyRewrite(/\/a(.*)/i, '/b$1', '/a/x', 'q=1')).toEqual({ path: '/b/x', query: 'q=1' }));
  it('puts the target\'s own arguments first', () => expect(applyRewrite(/\/a/i, '/b?x=2', '/a', 'q=1')).toEqual({ path: '/b', query: 'x=2&q=1' }));
  it('drops the original arguments when the target ends with ?', () => expect(applyRewrite(/\/a/i, '/b?x=2?', '/a', 'q=1')).toEqual({ path: '/b', query: 'x=2' }));
});

describe('parseNginxAnnotations', () => {
  const p = 'nginx.ingress.kubernetes.io/';
  const rows: Array<{ name: string; anns: Record<string, string>; want: object }> = [
    { name: 'defaults: ssl-redirect true, HTTP backends', anns: {}, want: { sslRedirect: true, forceSslRedirect: false, useRegex: false, backendProtocol: 'HTTP' } },
    { name: 'ssl-redirect "false"', anns: { [`${p}ssl-redirect`]: 'false' }, want: { sslRedirect: false } },
    { name: 'strconv.ParseBool spellings ("0", "F")', anns: { [`${p}ssl-redirect`]: '0', [`${p}use-regex`]: 'T' }, want: { sslRedirect: false, useRegex: true } },
    { name: 'an unparsable bool keeps the default', anns: { [`${p}ssl-redirect`]: 'no' }, want: { sslRedirect: true } },
    { name: 'limit-rps: burst multiplier 5 by default', anns: { [`${p}limit-rps`]: '2' }, want: { rateLimit: { rps: 2, rpm: 0, burstMultiplier: 5, allowlist: [], zone: 'default_web' } } },
    { name: 'canary-weight with weight total 100', anns: { [`${p}canary`]: 'true', [`${p}canary-weight`]: '20' }, want: { canary: { weight: 20, weightTotal: 100 } } },
    { name: 'temporal-redirect wins over permanent-redirect', anns: { [`${p}permanent-redirect`]: 'https://a', [`${p}temporal-redirect`]: 'https://b' }, want: { redirect: { url: 'https://b', code: 302, annotation: 'temporal-redirect' } } },
    { name: 'backend-protocol is case-insensitive', anns: { [`${p}backend-protocol`]: 'https' }, want: { backendProtocol: 'HTTPS' } },
  ];
  for (const row of rows) it(row.name, () => expect(parseNginxAnnotations(row.anns, 'default/web')).toMatchObject(row.want));
  it('canary rules need canary: "true"', () => expect(parseNginxAnnotations({ [`${p}canary-weight`]: '20' }, 'default/web').canary).toBeUndefined());
});

const ingress = { ref: 'ingress/default/web', namespace: 'default', name: 'web', source: { file: 't', doc: 0 } } as IngressRecord;

function upstream(name: string, endpoints: number, extra: Partial<Upstream> = {}): Upstream {
  return {
    name,
    namespace: 'default',
    serviceName: name,
    port: 80,
    endpoints: Array.from({ length: endpoints }, (_, i) => ({ ip: `10.244.0.${i + 2}`, port: 80, slice: `${name}-abc` })),
    noServer: false,
    alternatives: [],
    ingress,
    field: 'spec.rules[0].http.paths[0].backend',
    ...extra,
  };
}

// limit_req zone=... burst=<rps × 5> nodelay (ingress-nginx annotations/ratelimit, buildRateLimit):
// with no time between requests, nginx admits the first burst+1 and rejects the rest with 503.
describe('checkRateLimit', () => {
  const loc = (anns: Record<string, string>) => ({ annotations: parseNginxAnnotations(anns, 'default/web'), ingress }) as unknown as Location;
  const run = (anns: Record<string, string>, n: number, client = '198.51.100.7') => {
    const s = state();
    return Array.from({ length: n }, () => checkRateLimit(loc(anns), client, s)?.passed ?? true);
  };
  const p = 'nginx.ingress.kubernetes.io/';
  const rows: Array<{ name: string; anns: Record<string, string>; n: number; want: boolean[] }> = [
    { name: 'limit-rps 1: 6 pass, then 503', anns: { [`${p}limit-rps`]: '1' }, n: 8, want: [true, true, true, true, true, true, false, false] },
    { name: 'limit-rps 1 with limit-burst-multiplier 1: 2 pass', anns: { [`${p}limit-rps`]: '1', [`${p}limit-burst-multiplier`]: '1' }, n: 3, want: [true, true, false] },
    { name: 'limit-rpm 1: 6 pass', anns: { [`${p}limit-rpm`]: '1' }, n: 7, want: [true, true, true, true, true, true, false] },
    { name: 'an allowlisted client is not limited', anns: { [`${p}limit-rps`]: '1', [`${p}limit-burst-multiplier`]: '1', [`${p}limit-allowlist`]: '198.51.100.0/24' }, n: 4, want: [true, true, true, true] },
  ];
  for (const row of rows) it(row.name, () => expect(run(row.anns, row.n)).toEqual(row.want));
  it('counts per client address', () => {
    const s = state();
    const l = loc({ [`${p}limit-rps`]: '1', [`${p}limit-burst-multiplier`]: '1' });
    const seq = ['a', 'a', 'a', 'b'].map((c) => checkRateLimit(l, c === 'a' ? '198.51.100.7' : '198.51.100.8', s)!.passed);
    expect(seq).toEqual([true, true, false, true]);
  });
});

// rootfs/etc/nginx/lua/balancer.lua route_to_alternative_balancer.
describe('chooseCanary', () => {
  const canary = (policy: Partial<NonNullable<Upstream['canary']>>, endpoints = 1) => upstream('canary', endpoints, { noServer: true, canary: { weight: 0, weightTotal: 100, ...policy } });
  const rows: Array<{ name: string; policy: Partial<NonNullable<Upstream['canary']>>; headers: Record<string, string>; want: string }> = [
    { name: 'canary-by-header: always', policy: { header: 'X-Canary' }, headers: { 'x-canary': 'always' }, want: 'canary' },
    { name: 'canary-by-header: never beats the weight', policy: { header: 'X-Canary', weight: 100 }, headers: { 'x-canary': 'never' }, want: 'primary' },
    { name: 'canary-by-header-value must equal', policy: { header: 'X-Canary', headerValue: 'yes' }, headers: { 'x-canary': 'yes' }, want: 'canary' },
    { name: 'a different header value falls through to the weight', policy: { header: 'X-Canary', headerValue: 'yes', weight: 0 }, headers: { 'x-canary': 'always' }, want: 'primary' },
    { name: 'canary-by-header-pattern', policy: { header: 'X-Canary', headerPattern: '^(a|b)$' }, headers: { 'x-canary': 'b' }, want: 'canary' },
    { name: 'canary-by-cookie: always', policy: { cookie: 'beta' }, headers: { cookie: 'x=1; beta=always' }, want: 'canary' },
    { name: 'canary-weight 100 takes everything', policy: { weight: 100 }, headers: {}, want: 'canary' },
    { name: 'canary-weight 0 takes nothing', policy: { weight: 0 }, headers: {}, want: 'primary' },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const alt = canary(row.policy);
      const primary = upstream('primary', 2, { alternatives: ['canary'] });
      const got = chooseCanary(primary, new Map([['canary', alt]]), httpRequest('x', '/', { headers: row.headers }), state());
      expect(got.upstream.name).toBe(row.want);
    });
  }
  it('canary-weight 20 sends about 20 of 100 requests', () => {
    const alt = canary({ weight: 20 });
    const primary = upstream('primary', 2, { alternatives: ['canary'] });
    const s = state();
    const hits = Array.from({ length: 100 }, () => chooseCanary(primary, new Map([['canary', alt]]), httpRequest('x', '/'), s).upstream.name).filter((n) => n === 'canary').length;
    expect(Math.abs(hits - 20)).toBeLessThanOrEqual(2);
  });
  it('a canary without endpoints has no balancer: the primary serves', () => {
    const primary = upstream('primary', 2, { alternatives: ['canary'] });
    expect(chooseCanary(primary, new Map([['canary', canary({ weight: 100 }, 0)]]), httpRequest('x', '/'), state()).upstream.name).toBe('primary');
  });
});

describe('pickEndpoint', () => {
  it('takes the ready endpoints in turn', () => {
    const s = state();
    const ups = upstream('web', 3);
    expect(Array.from({ length: 4 }, () => pickEndpoint(ups, s).endpoint.ip)).toEqual(['10.244.0.2', '10.244.0.3', '10.244.0.4', '10.244.0.2']);
  });
});
