import { describe, expect, it } from 'vitest';
import { formatLabels, formatLabelSelector, matchesRequirements, parseSelector } from './selectors.ts';

describe('parseSelector and matchesRequirements', () => {
  const labels = { app: 'web', tier: 'fe' };
  const cases = [
    { name: 'equality', selector: 'app=web', match: true },
    { name: 'double equals', selector: 'app==web', match: true },
    { name: 'inequality', selector: 'app!=web', match: false },
    { name: 'inequality matches a missing key', selector: 'zone!=a', match: true },
    { name: 'set-based in', selector: 'tier in (fe,be)', match: true },
    { name: 'set-based notin', selector: 'tier notin (fe)', match: false },
    { name: 'exists', selector: 'tier', match: true },
    { name: 'does not exist', selector: '!canary', match: true },
    { name: 'conjunction', selector: 'app=web,!tier', match: false },
    { name: 'spaces are allowed', selector: ' app = web , tier in ( fe ) ', match: true },
    { name: 'prefixed key', selector: 'app.kubernetes.io/name', match: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const reqs = parseSelector(c.selector);
      if ('error' in reqs) throw new Error(reqs.error);
      expect(matchesRequirements(labels, reqs)).toBe(c.match);
    });
  }

  const errors = [
    { name: 'in without parentheses', selector: 'a in b', error: "found 'b' expected: '('" },
    { name: 'unknown operator', selector: 'a foo (b)', error: "found 'foo', expected: in, notin, =, ==, !=, gt, lt" },
    { name: 'empty set', selector: 'a in ()', error: "values set can't be empty" },
    { name: 'invalid value', selector: 'a=-b', error: 'a valid label must be an empty string' },
  ];
  for (const c of errors) {
    it(`rejects ${c.name}`, () => {
      const reqs = parseSelector(c.selector);
      expect('error' in reqs && reqs.error).toContain(c.error);
    });
  }
});

describe('formatting', () => {
  it('formats labels sorted, or <none>', () => {
    expect(formatLabels({ b: '2', a: '1' })).toBe('a=1,b=2');
    expect(formatLabels({})).toBe('<none>');
  });
  // metav1.FormatLabelSelector sorts requirements by key; an empty selector prints <none>.
  const cases = [
    { name: 'empty', selector: {}, want: '<none>' },
    { name: 'match labels', selector: { matchLabels: { id2: 'app2', id1: 'app1' } }, want: 'id1=app1,id2=app2' },
    {
      name: 'upstream NetworkPolicy describe test selector',
      selector: { matchLabels: { id1: 'app1', id2: 'app2' }, matchExpressions: [{ key: 'foo', operator: 'In' as const, values: ['bar2', 'bar1'] }, { key: 'foo2', operator: 'NotIn' as const, values: ['bar1', 'bar2'] }] },
      want: 'foo in (bar1,bar2),foo2 notin (bar1,bar2),id1=app1,id2=app2',
    },
    { name: 'exists and does not exist', selector: { matchExpressions: [{ key: 'b', operator: 'DoesNotExist' as const }, { key: 'a', operator: 'Exists' as const }] }, want: 'a,!b' },
  ];
  for (const c of cases) it(c.name, () => expect(formatLabelSelector(c.selector)).toBe(c.want));
});
