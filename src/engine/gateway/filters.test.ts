import { describe, expect, it } from 'vitest';
import { applyHeaderModifier, modifyPath, redirectLocation } from './filters.ts';
import type { HeaderModifier, PathMatch, RouteFilter } from './types.ts';

describe('applyHeaderModifier', () => {
  // conformance/tests/httproute-request-header-modifier.go
  const cases: Array<{ name: string; headers: Record<string, string>; mod: HeaderModifier; want: Record<string, string> }> = [
    { name: 'set overwrites', headers: { 'x-header-set': 'some-other-value' }, mod: { set: [{ name: 'X-Header-Set', value: 'set-overwrites-values' }], add: [], remove: [] }, want: { 'x-header-set': 'set-overwrites-values' } },
    { name: 'add appends with a comma', headers: { 'x-header-add': 'some-other-value' }, mod: { set: [], add: [{ name: 'X-Header-Add', value: 'add-appends-values' }], remove: [] }, want: { 'x-header-add': 'some-other-value,add-appends-values' } },
    { name: 'add creates', headers: {}, mod: { set: [], add: [{ name: 'X-Header-Add', value: 'add-appends-values' }], remove: [] }, want: { 'x-header-add': 'add-appends-values' } },
    { name: 'remove is case-insensitive', headers: { 'x-header-remove': 'v', keep: 'k' }, mod: { set: [], add: [], remove: ['X-Header-Remove'] }, want: { keep: 'k' } },
    {
      name: 'multiple',
      headers: { 'x-header-set-2': 'set-val-2', 'x-header-add-2': 'add-val-2', 'x-header-remove-2': 'remove-val-2', 'another-header': 'another-header-val' },
      mod: {
        set: [{ name: 'X-Header-Set-1', value: 'header-set-1' }, { name: 'X-Header-Set-2', value: 'header-set-2' }],
        add: [{ name: 'X-Header-Add-1', value: 'header-add-1' }, { name: 'X-Header-Add-2', value: 'header-add-2' }, { name: 'X-Header-Add-3', value: 'header-add-3' }],
        remove: ['X-Header-Remove-1', 'X-Header-Remove-2'],
      },
      want: { 'x-header-set-1': 'header-set-1', 'x-header-set-2': 'header-set-2', 'x-header-add-1': 'header-add-1', 'x-header-add-2': 'add-val-2,header-add-2', 'x-header-add-3': 'header-add-3', 'another-header': 'another-header-val' },
    },
  ];
  for (const c of cases) it(c.name, () => expect(applyHeaderModifier(c.headers, c.mod)).toEqual(c.want));
});

describe('modifyPath', () => {
  // The ReplacePrefixMatch table in HTTPPathModifier's doc comment (apis/v1/httproute_types.go).
  const table: Array<[string, string, string, string]> = [
    ['/foo/bar', '/foo', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo', '/xyz/', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz', '/xyz/bar'],
    ['/foo/bar', '/foo/', '/xyz/', '/xyz/bar'],
    ['/foo', '/foo', '/xyz', '/xyz'],
    ['/foo/', '/foo', '/xyz', '/xyz/'],
    ['/foo/bar', '/foo', '', '/bar'],
    ['/foo/', '/foo', '', '/'],
    ['/foo', '/foo', '', '/'],
    ['/foo/', '/foo', '/', '/'],
    ['/foo', '/foo', '/', '/'],
    // conformance/tests/httproute-rewrite-path.go
    ['/prefix/one/two', '/prefix/one', '/one', '/one/two'],
    ['/strip-prefix/three', '/strip-prefix', '/', '/three'],
    ['/strip-prefix', '/strip-prefix', '/', '/'],
  ];
  for (const [path, prefix, replacement, want] of table) {
    it(`ReplacePrefixMatch ${path} with prefix ${prefix} and "${replacement}"`, () => {
      const matched: PathMatch = { type: 'PathPrefix', value: prefix };
      expect(modifyPath(path, { type: 'ReplacePrefixMatch', value: replacement }, matched)).toBe(want);
    });
  }
  it('ReplaceFullPath replaces everything', () => expect(modifyPath('/full/one/two', { type: 'ReplaceFullPath', value: '/one' }, { type: 'PathPrefix', value: '/full/one' })).toBe('/one'));
});

describe('redirectLocation', () => {
  type Redirect = Extract<RouteFilter, { type: 'RequestRedirect' }>;
  const r = (f: Partial<Redirect>): Redirect => ({ type: 'RequestRedirect', field: 'f', statusCode: 302, ...f });
  const prefix = (value: string): PathMatch => ({ type: 'PathPrefix', value });
  // conformance/tests/httproute-redirect-*.go
  const cases = [
    { name: 'hostname', filter: r({ hostname: 'example.org' }), req: { scheme: 'http', host: 'gw', path: '/hostname-redirect', query: '' }, port: 80, match: prefix('/hostname-redirect'), want: 'http://example.org/hostname-redirect' },
    { name: 'prefix path', filter: r({ path: { type: 'ReplacePrefixMatch', value: '/replacement-prefix' } }), req: { scheme: 'http', host: 'gw', path: '/original-prefix/lemon', query: '' }, port: 80, match: prefix('/original-prefix'), want: 'http://gw/replacement-prefix/lemon' },
    { name: 'full path keeps the query', filter: r({ path: { type: 'ReplaceFullPath', value: '/full-path-replacement' } }), req: { scheme: 'http', host: 'gw', path: '/full/path/original', query: 'a=1' }, port: 80, match: prefix('/full'), want: 'http://gw/full-path-replacement?a=1' },
    { name: 'port', filter: r({ port: 8083 }), req: { scheme: 'http', host: 'gw', path: '/port', query: '' }, port: 80, match: prefix('/port'), want: 'http://gw:8083/port' },
    { name: 'scheme https drops 443', filter: r({ scheme: 'https' }), req: { scheme: 'http', host: 'gw', path: '/scheme', query: '' }, port: 80, match: prefix('/scheme'), want: 'https://gw/scheme' },
    { name: 'scheme nil, port nil on 8080 keeps the listener port', filter: r({ hostname: 'example.org' }), req: { scheme: 'http', host: 'gw', path: '/p', query: '' }, port: 8080, match: prefix('/p'), want: 'http://example.org:8080/p' },
    { name: 'scheme nil, port 80 on 8080', filter: r({ hostname: 'example.org', port: 80 }), req: { scheme: 'http', host: 'gw', path: '/p', query: '' }, port: 8080, match: prefix('/p'), want: 'http://example.org/p' },
    { name: 'scheme https, port nil on 8080', filter: r({ hostname: 'example.org', scheme: 'https' }), req: { scheme: 'http', host: 'gw', path: '/p', query: '' }, port: 8080, match: prefix('/p'), want: 'https://example.org/p' },
    { name: 'scheme https, port 8443', filter: r({ hostname: 'example.org', scheme: 'https', port: 8443 }), req: { scheme: 'http', host: 'gw', path: '/p', query: '' }, port: 80, match: prefix('/p'), want: 'https://example.org:8443/p' },
    { name: 'from 443, scheme nil', filter: r({ hostname: 'example.org' }), req: { scheme: 'https', host: 'example.org', path: '/p', query: '' }, port: 443, match: prefix('/p'), want: 'https://example.org/p' },
    { name: 'from 443, scheme http', filter: r({ hostname: 'example.org', scheme: 'http' }), req: { scheme: 'https', host: 'example.org', path: '/p', query: '' }, port: 443, match: prefix('/p'), want: 'http://example.org/p' },
    { name: 'from 443, scheme http, port 8080', filter: r({ hostname: 'example.org', scheme: 'http', port: 8080 }), req: { scheme: 'https', host: 'example.org', path: '/p', query: '' }, port: 443, match: prefix('/p'), want: 'http://example.org:8080/p' },
  ];
  for (const c of cases) it(c.name, () => expect(redirectLocation(c.filter, c.req, c.port, c.match)).toBe(c.want));
});
