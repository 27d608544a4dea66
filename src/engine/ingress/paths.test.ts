import { describe, expect, it } from 'vitest';
import { exactPathMatches, hostMatches, normalizePrefixPath, normalizeUri, prefixPathMatches } from './paths.ts';

// kubernetes/website content/en/docs/concepts/services-networking/ingress.md, "Examples" table of
// "Path types" (single-path rows; the multi-path rows are in locations.test.ts).
describe('Ingress API path matching (docs table)', () => {
  const rows: Array<{ name: string; type: 'Exact' | 'Prefix'; path: string; request: string; want: boolean }> = [
    { name: 'Prefix / matches all paths', type: 'Prefix', path: '/', request: '/anything/at/all', want: true },
    { name: 'Exact /foo matches /foo', type: 'Exact', path: '/foo', request: '/foo', want: true },
    { name: 'Exact /foo does not match /bar', type: 'Exact', path: '/foo', request: '/bar', want: false },
    { name: 'Exact /foo does not match /foo/', type: 'Exact', path: '/foo', request: '/foo/', want: false },
    { name: 'Exact /foo/ does not match /foo', type: 'Exact', path: '/foo/', request: '/foo', want: false },
    { name: 'Prefix /foo matches /foo', type: 'Prefix', path: '/foo', request: '/foo', want: true },
    { name: 'Prefix /foo matches /foo/', type: 'Prefix', path: '/foo', request: '/foo/', want: true },
    { name: 'Prefix /foo/ matches /foo', type: 'Prefix', path: '/foo/', request: '/foo', want: true },
    { name: 'Prefix /foo/ matches /foo/', type: 'Prefix', path: '/foo/', request: '/foo/', want: true },
    { name: 'Prefix /aaa/bb does not match /aaa/bbb', type: 'Prefix', path: '/aaa/bb', request: '/aaa/bbb', want: false },
    { name: 'Prefix /aaa/bbb matches /aaa/bbb', type: 'Prefix', path: '/aaa/bbb', request: '/aaa/bbb', want: true },
    { name: 'Prefix /aaa/bbb/ matches /aaa/bbb (ignores trailing slash)', type: 'Prefix', path: '/aaa/bbb/', request: '/aaa/bbb', want: true },
    { name: 'Prefix /aaa/bbb matches /aaa/bbb/ (matches trailing slash)', type: 'Prefix', path: '/aaa/bbb', request: '/aaa/bbb/', want: true },
    { name: 'Prefix /aaa/bbb matches /aaa/bbb/ccc (matches subpath)', type: 'Prefix', path: '/aaa/bbb', request: '/aaa/bbb/ccc', want: true },
    { name: 'Prefix /aaa/bbb does not match /aaa/bbbxyz (not a string prefix)', type: 'Prefix', path: '/aaa/bbb', request: '/aaa/bbbxyz', want: false },
    { name: 'Prefix /aaa does not match /ccc (default backend)', type: 'Prefix', path: '/aaa', request: '/ccc', want: false },
    { name: 'Prefix matching is case-sensitive', type: 'Prefix', path: '/foo', request: '/FOO', want: false },
  ];
  for (const row of rows) {
    it(row.name, () => {
      const match = row.type === 'Exact' ? exactPathMatches(row.path, row.request) : prefixPathMatches(row.path, row.request);
      expect(match).toBe(row.want);
    });
  }
});

// ingress.md "Hostname wildcards" table, and ingress-path-matching.md: the wildcard "matches only
// a single label".
describe('hostMatches', () => {
  const rows = [
    { name: '*.foo.com matches bar.foo.com (shared suffix)', rule: '*.foo.com', host: 'bar.foo.com', want: true },
    { name: '*.foo.com does not match baz.bar.foo.com (one label only)', rule: '*.foo.com', host: 'baz.bar.foo.com', want: false },
    { name: '*.foo.com does not match foo.com (no label)', rule: '*.foo.com', host: 'foo.com', want: false },
    { name: 'a precise host matches itself', rule: 'foo.bar.com', host: 'foo.bar.com', want: true },
    { name: 'a precise host does not match a subdomain', rule: 'foo.bar.com', host: 'sub.foo.bar.com', want: false },
    { name: 'the wildcard label may hold digits, - and _ ([\\w-]+)', rule: '*.foo.com', host: 'a-1_b.foo.com', want: true },
  ];
  for (const row of rows) it(row.name, () => expect(hostMatches(row.rule, row.host)).toBe(row.want));
});

describe('normalizeUri', () => {
  const rows = [
    { name: 'empty becomes /', raw: '', want: '/' },
    { name: 'merges repeated slashes (merge_slashes on)', raw: '//foo///bar', want: '/foo/bar' },
    { name: 'resolves dot segments', raw: '/foo/./bar/../baz', want: '/foo/baz' },
    { name: 'keeps a trailing slash', raw: '/foo/', want: '/foo/' },
    { name: 'percent-decodes', raw: '/caf%C3%A9', want: '/café' },
    { name: 'leaves an invalid escape', raw: '/a%zz', want: '/a%zz' },
  ];
  for (const row of rows) it(row.name, () => expect(normalizeUri(row.raw)).toBe(row.want));
});

describe('normalizePrefixPath', () => {
  const rows = [
    { name: 'appends a slash', path: '/foo', want: '/foo/' },
    { name: 'keeps an existing slash', path: '/foo/', want: '/foo/' },
    { name: 'keeps the root', path: '/', want: '/' },
  ];
  for (const row of rows) it(row.name, () => expect(normalizePrefixPath(row.path)).toBe(row.want));
});
