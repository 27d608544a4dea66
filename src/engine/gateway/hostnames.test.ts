import { describe, expect, it } from 'vitest';
import { ANY_HOST, hostnameMatches, hostnameSpecificity, intersectHostnames, wildcardCandidates } from './hostnames.ts';

describe('hostnameMatches', () => {
  const cases = [
    { name: 'exact', pattern: 'foo.example.com', host: 'foo.example.com', want: true },
    { name: 'exact differs', pattern: 'foo.example.com', host: 'bar.example.com', want: false },
    { name: 'wildcard one label', pattern: '*.example.com', host: 'foo.example.com', want: true },
    { name: 'wildcard spans labels (suffix match)', pattern: '*.example.com', host: 'foo.bar.example.com', want: true },
    { name: 'wildcard does not match the apex', pattern: '*.example.com', host: 'example.com', want: false },
    { name: 'wildcard is label-aligned', pattern: '*.example.com', host: 'fooexample.com', want: false },
    { name: 'catch-all', pattern: ANY_HOST, host: 'anything.io', want: true },
  ];
  for (const c of cases) it(c.name, () => expect(hostnameMatches(c.pattern, c.host)).toBe(c.want));
});

describe('intersectHostnames', () => {
  // The examples from HTTPRouteSpec.Hostnames and the HTTPRouteHostnameIntersection conformance test.
  const cases = [
    { name: 'no hostnames anywhere', listener: undefined, route: [], want: [ANY_HOST] },
    { name: 'route without hostnames takes the listener hostname', listener: 'test.example.com', route: [], want: ['test.example.com'] },
    { name: 'listener without hostname takes the route hostnames', listener: undefined, route: ['a.com', 'b.com'], want: ['a.com', 'b.com'] },
    { name: 'exact listener, exact route', listener: 'very.specific.com', route: ['non.matching.com', '*.nonmatchingwildcard.io', 'very.specific.com'], want: ['very.specific.com'] },
    { name: 'wildcard listener keeps matching exact route names', listener: '*.wildcard.io', route: ['non.matching.com', 'wildcard.io', 'foo.wildcard.io', 'bar.wildcard.io', 'foo.bar.wildcard.io'], want: ['foo.wildcard.io', 'bar.wildcard.io', 'foo.bar.wildcard.io'] },
    { name: 'wildcard route narrows to the exact listener', listener: 'very.specific.com', route: ['non.matching.com', '*.specific.com'], want: ['very.specific.com'] },
    { name: 'equal wildcards', listener: '*.anotherwildcard.io', route: ['*.anotherwildcard.io'], want: ['*.anotherwildcard.io'] },
    { name: 'narrower route wildcard', listener: '*.example.com', route: ['*.foo.example.com'], want: ['*.foo.example.com'] },
    { name: 'narrower listener wildcard', listener: '*.foo.example.com', route: ['*.example.com'], want: ['*.foo.example.com'] },
    { name: 'no intersection', listener: 'foo.example.com', route: ['not-accepted.test.com'], want: [] },
    { name: 'wildcard route does not cover the apex listener', listener: 'example.com', route: ['*.example.com'], want: [] },
  ];
  for (const c of cases) it(c.name, () => expect(intersectHostnames(c.listener, c.route)).toEqual(c.want));
});

describe('hostnameSpecificity and wildcardCandidates', () => {
  it('orders exact > longer wildcard > shorter wildcard > catch-all', () => {
    const order = ['foo.bar.com', '*.bar.com', '*.com', undefined].map(hostnameSpecificity);
    expect([...order].sort((a, b) => b - a)).toEqual(order);
  });
  const cases = [
    { name: 'three labels', host: 'a.b.example.com', want: ['*.b.example.com', '*.example.com', '*.com'] },
    { name: 'one label', host: 'localhost', want: [] },
  ];
  for (const c of cases) it(c.name, () => expect(wildcardCandidates(c.host)).toEqual(c.want));
});
