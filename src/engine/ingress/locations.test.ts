import { describe, expect, it } from 'vitest';
import { findServer } from './config.ts';
import { findLocation } from './locations.ts';
import { ingressDoc, nginxModelFrom, routeOf } from './synthetic.ts';

// Each row of the Kubernetes docs' path table (ingress.md "Examples"), served by ingress-nginx:
// one host per row, one Service per path.
describe('route matching: the Kubernetes docs path table, as ingress-nginx serves it', () => {
  const rows: Array<{ name: string; paths: Array<[string, string, string]>; request: string; want: string }> = [
    { name: 'Prefix / | (all paths) | Yes', paths: [['/', 'Prefix', 'root']], request: '/any/thing', want: 'root' },
    { name: 'Exact /foo | /foo | Yes', paths: [['/foo', 'Exact', 'foo']], request: '/foo', want: 'foo' },
    { name: 'Exact /foo | /bar | No', paths: [['/foo', 'Exact', 'foo']], request: '/bar', want: '404' },
    { name: 'Exact /foo | /foo/ | No', paths: [['/foo', 'Exact', 'foo']], request: '/foo/', want: '404' },
    { name: 'Exact /foo/ | /foo | No', paths: [['/foo/', 'Exact', 'foo']], request: '/foo', want: '404' },
    { name: 'Prefix /foo | /foo | Yes', paths: [['/foo', 'Prefix', 'foo']], request: '/foo', want: 'foo' },
    { name: 'Prefix /foo | /foo/ | Yes', paths: [['/foo', 'Prefix', 'foo']], request: '/foo/', want: 'foo' },
    { name: 'Prefix /foo/ | /foo | Yes', paths: [['/foo/', 'Prefix', 'foo']], request: '/foo', want: 'foo' },
    { name: 'Prefix /foo/ | /foo/ | Yes', paths: [['/foo/', 'Prefix', 'foo']], request: '/foo/', want: 'foo' },
    { name: 'Prefix /aaa/bb | /aaa/bbb | No', paths: [['/aaa/bb', 'Prefix', 'bb']], request: '/aaa/bbb', want: '404' },
    { name: 'Prefix /aaa/bbb | /aaa/bbb | Yes', paths: [['/aaa/bbb', 'Prefix', 'bbb']], request: '/aaa/bbb', want: 'bbb' },
    { name: 'Prefix /aaa/bbb/ | /aaa/bbb | Yes, ignores trailing slash', paths: [['/aaa/bbb/', 'Prefix', 'bbb']], request: '/aaa/bbb', want: 'bbb' },
    { name: 'Prefix /aaa/bbb | /aaa/bbb/ | Yes, matches trailing slash', paths: [['/aaa/bbb', 'Prefix', 'bbb']], request: '/aaa/bbb/', want: 'bbb' },
    { name: 'Prefix /aaa/bbb | /aaa/bbb/ccc | Yes, matches subpath', paths: [['/aaa/bbb', 'Prefix', 'bbb']], request: '/aaa/bbb/ccc', want: 'bbb' },
    { name: 'Prefix /aaa/bbb | /aaa/bbbxyz | No, does not match string prefix', paths: [['/aaa/bbb', 'Prefix', 'bbb']], request: '/aaa/bbbxyz', want: '404' },
    { name: 'Prefix /, /aaa | /aaa/ccc | Yes, matches /aaa prefix', paths: [['/', 'Prefix', 'root'], ['/aaa', 'Prefix', 'aaa']], request: '/aaa/ccc', want: 'aaa' },
    { name: 'Prefix /, /aaa, /aaa/bbb | /aaa/bbb | Yes, matches /aaa/bbb prefix', paths: [['/', 'Prefix', 'root'], ['/aaa', 'Prefix', 'aaa'], ['/aaa/bbb', 'Prefix', 'bbb']], request: '/aaa/bbb', want: 'bbb' },
    { name: 'Prefix /, /aaa, /aaa/bbb | /ccc | Yes, matches / prefix', paths: [['/', 'Prefix', 'root'], ['/aaa', 'Prefix', 'aaa'], ['/aaa/bbb', 'Prefix', 'bbb']], request: '/ccc', want: 'root' },
    { name: 'Prefix /aaa | /ccc | No, uses default backend', paths: [['/aaa', 'Prefix', 'aaa']], request: '/ccc', want: '404' },
    { name: 'Mixed /foo (Prefix), /foo (Exact) | /foo | Yes, prefers Exact', paths: [['/foo', 'Prefix', 'prefix'], ['/foo', 'Exact', 'exact']], request: '/foo', want: 'exact' },
    { name: 'Mixed, listed Exact first | /foo | Yes, prefers Exact', paths: [['/foo', 'Exact', 'exact'], ['/foo', 'Prefix', 'prefix']], request: '/foo', want: 'exact' },
    { name: 'Mixed | /foo/x goes to the Prefix', paths: [['/foo', 'Exact', 'exact'], ['/foo', 'Prefix', 'prefix']], request: '/foo/x', want: 'prefix' },
    { name: 'ImplementationSpecific is Prefix in ingress-nginx', paths: [['/foo', 'ImplementationSpecific', 'impl']], request: '/foo/bar', want: 'impl' },
    { name: 'ImplementationSpecific does not match a string prefix', paths: [['/foo', 'ImplementationSpecific', 'impl']], request: '/foobar', want: '404' },
    { name: 'an empty ImplementationSpecific path is /', paths: [['', 'ImplementationSpecific', 'impl']], request: '/x', want: 'impl' },
    { name: 'paths are case-sensitive', paths: [['/foo', 'Prefix', 'foo']], request: '/FOO', want: '404' },
    { name: 'the request URI is normalised first (//, dot segments)', paths: [['/foo/bar', 'Prefix', 'bar']], request: '//foo/./x/../bar', want: 'bar' },
  ];
  const docs = rows.map((row, i) => ingressDoc(`row-${i}`, `row-${i}.example`, row.paths));
  const model = nginxModelFrom(docs.join('---\n'));
  rows.forEach((row, i) => {
    it(row.name, () => expect(routeOf(model, `row-${i}.example`, row.request)).toBe(row.want));
  });
});

// kubernetes-sigs/ingress-controller-conformance features/path_rules.feature.
describe('route matching: ingress-controller-conformance path_rules.feature', () => {
  const model = nginxModelFrom([
    ingressDoc('exact', 'exact-path-rules', [['/foo', 'Exact', 'foo-exact']]),
    ingressDoc('prefix', 'prefix-path-rules', [['/foo', 'Prefix', 'foo-prefix'], ['/aaa/bbb', 'Prefix', 'aaa-slash-bbb-prefix'], ['/aaa', 'Prefix', 'aaa-prefix']]),
    ingressDoc('mixed', 'mixed-path-rules', [['/foo', 'Prefix', 'foo-prefix'], ['/foo', 'Exact', 'foo-exact']]),
    ingressDoc('trailing', 'trailing-slash-path-rules', [['/aaa/bbb/', 'Prefix', 'aaa-slash-bbb-slash-prefix'], ['/foo/', 'Exact', 'foo-slash-exact']]),
  ].join('---\n'));
  const rows = [
    { name: 'exact /foo matches request /foo', host: 'exact-path-rules', path: '/foo', want: 'foo-exact' },
    { name: 'exact /foo does not match request /foo/', host: 'exact-path-rules', path: '/foo/', want: '404' },
    { name: 'exact /foo does not match request /FOO', host: 'exact-path-rules', path: '/FOO', want: '404' },
    { name: 'exact /foo does not match request /bar', host: 'exact-path-rules', path: '/bar', want: '404' },
    { name: 'prefix /foo matches request /foo', host: 'prefix-path-rules', path: '/foo', want: 'foo-prefix' },
    { name: 'prefix /foo matches request /foo/', host: 'prefix-path-rules', path: '/foo/', want: 'foo-prefix' },
    { name: 'prefix /foo does not match request /FOO', host: 'prefix-path-rules', path: '/FOO', want: '404' },
    { name: 'prefix /aaa/bbb matches request /aaa/bbb', host: 'prefix-path-rules', path: '/aaa/bbb', want: 'aaa-slash-bbb-prefix' },
    { name: 'prefix /aaa/bbb matches request /aaa/bbb/ccc', host: 'prefix-path-rules', path: '/aaa/bbb/ccc', want: 'aaa-slash-bbb-prefix' },
    { name: 'prefix /aaa matches request /aaa/ccc', host: 'prefix-path-rules', path: '/aaa/ccc', want: 'aaa-prefix' },
    { name: 'prefix /aaa does not match request /aaaccc', host: 'prefix-path-rules', path: '/aaaccc', want: '404' },
    { name: 'exact /foo is preferred over prefix /foo', host: 'mixed-path-rules', path: '/foo', want: 'foo-exact' },
    { name: 'prefix /aaa/bbb/ matches request /aaa/bbb', host: 'trailing-slash-path-rules', path: '/aaa/bbb', want: 'aaa-slash-bbb-slash-prefix' },
    { name: 'prefix /aaa/bbb/ matches request /aaa/bbb/', host: 'trailing-slash-path-rules', path: '/aaa/bbb/', want: 'aaa-slash-bbb-slash-prefix' },
    { name: 'exact /foo/ does not match request /foo', host: 'trailing-slash-path-rules', path: '/foo', want: '404' },
  ];
  for (const row of rows) it(row.name, () => expect(routeOf(model, row.host, row.path)).toBe(row.want));
});

// kubernetes/ingress-nginx docs/user-guide/ingress-path-matching.md: with use-regex or
// rewrite-target on any Ingress of a host, every path of the host is a case-insensitive regex
// anchored at the start, tried longest first; the first match wins.
describe('route matching: regex locations (ingress-path-matching.md)', () => {
  const priority = nginxModelFrom([
    ingressDoc('test-ingress-1', 'test.com', [['/foo/bar', 'Prefix', 'service1'], ['/foo/bar/', 'Prefix', 'service2']]),
    ingressDoc('test-ingress-2', 'test.com', [['/foo/bar/(.+)', 'ImplementationSpecific', 'service3']], '  annotations:\n    nginx.ingress.kubernetes.io/rewrite-target: /$1\n'),
  ].join('---\n'));
  const warning = nginxModelFrom(ingressDoc('test-ingress-3', 'test.com', [['/foo/bar/bar', 'Prefix', 'test-bar'], ['/foo/bar/[A-Z0-9]{3}', 'ImplementationSpecific', 'test-regex']], '  annotations:\n    nginx.ingress.kubernetes.io/use-regex: "true"\n'));
  const rows = [
    { name: 'Path Priority: /foo/bar/1 matches ~* ^/foo/bar/.+ (service3)', model: priority, path: '/foo/bar/1', want: 'service3' },
    { name: 'Path Priority: /foo/bar/ matches ~* ^/foo/bar/ (service2)', model: priority, path: '/foo/bar/', want: 'service2' },
    { name: 'Path Priority: /foo/bar matches ~* ^/foo/bar (service1)', model: priority, path: '/foo/bar', want: 'service1' },
    { name: 'regex mode is case-insensitive', model: priority, path: '/FOO/BAR', want: 'service1' },
    { name: 'regex mode drops element-wise matching: ^/foo/bar matches /foo/barbaz', model: priority, path: '/foo/barbaz', want: 'service1' },
    { name: 'Warning: /foo/bar/bar matches the longer regex ^/foo/bar/[A-Z0-9]{3} first', model: warning, path: '/foo/bar/bar', want: 'test-regex' },
    { name: 'Warning: /foo/bar/ab matches neither: 404', model: warning, path: '/foo/bar/ab', want: '404' },
  ];
  for (const row of rows) it(row.name, () => expect(routeOf(row.model, 'test.com', row.path)).toBe(row.want));

  it('renders the locations longest first (the docs list three; updateServerLocations also adds the exact twins)', () => {
    const { server } = findServer(priority, 'test.com');
    expect(server.regexMode).toBe(true);
    const rendered = server.regexList.map((l) => `${l.path} -> ${routeOf(priority, 'test.com', l.path.replace('(.+)', 'x'))}`);
    expect(rendered).toEqual(['/foo/bar/(.+) -> service3', '/foo/bar/ -> service2', '/foo/bar/ -> service2', '/foo/bar/ -> service2', '/foo/bar -> service1', '/ -> 404']);
    expect(server.regexList.map((l) => l.ingress?.name ?? '-')).toEqual(['test-ingress-2', 'test-ingress-1', 'test-ingress-1', 'test-ingress-1', 'test-ingress-1', 'test-ingress-1']);
  });
});

describe('updateServerLocations', () => {
  const rows = [
    { name: 'Prefix /foo becomes /foo/ plus an exact twin = /foo', paths: [['/foo', 'Prefix', 'a']] as Array<[string, string, string]>, want: ['Prefix /foo/', 'Exact /foo', 'Prefix /'] },
    { name: 'an Exact /foo keeps the twin from being added', paths: [['/foo', 'Prefix', 'a'], ['/foo', 'Exact', 'b']] as Array<[string, string, string]>, want: ['Prefix /foo/', 'Exact /foo', 'Prefix /'] },
    { name: 'Prefix /foo/ keeps its path and gets an exact twin = /foo/', paths: [['/foo/', 'Prefix', 'a']] as Array<[string, string, string]>, want: ['Prefix /foo/', 'Exact /foo/', 'Prefix /'] },
    { name: 'a Prefix / replaces the generated root location', paths: [['/', 'Prefix', 'a']] as Array<[string, string, string]>, want: ['Prefix /'] },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const model = nginxModelFrom(ingressDoc('x', 'x.example', row.paths));
      const { server } = findServer(model, 'x.example');
      expect(server.locations.map((l) => `${l.pathType} ${l.path}`)).toEqual(row.want);
      expect(findLocation(server, '/').location.isDefBackend).toBe(row.paths.every(([p]) => p !== '/'));
    });
  }
});
