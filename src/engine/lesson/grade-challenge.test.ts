import { describe, expect, it } from 'vitest';
import { challenge, FRONTMATTER, manifests } from './fixtures.test-helpers.ts';
import { gradeChallenge } from './grade-challenge.ts';
import { parseLesson } from './parse.ts';
import type { ChallengeBlock } from './types.ts';

function load(): ChallengeBlock {
  const r = parseLesson('lessons/01-demo/lesson.md', `${FRONTMATTER}${challenge('fix')}`);
  if ('errors' in r) throw new Error(JSON.stringify(r.errors));
  return r.lesson.blocks[0] as ChallengeBlock;
}

describe('gradeChallenge', () => {
  const c = load();
  const cases = [
    { name: 'the reference solution passes every check', yaml: c.solution, passed: true, results: [true, true] },
    { name: 'the starting YAML fails', yaml: c.start, passed: false, results: [false, false] },
    { name: 'a YAML syntax error fails every check and says where', yaml: 'kind: [\n', passed: false, results: [false, false], error: true },
    { name: 'a missing probe source fails that check only', yaml: manifests('web').split('---').filter((d) => !d.includes('client')).join('---'), passed: false, results: [false, true] },
  ];
  for (const k of cases) {
    it(k.name, () => {
      const g = gradeChallenge(c, k.yaml);
      expect(g.passed).toBe(k.passed);
      expect(g.results.map((r) => r.passed)).toEqual(k.results);
      expect(g.error !== undefined).toBe(k.error === true);
      // Each result keeps the line of its check in the lesson file.
      expect(g.results.map((r) => r.line)).toEqual(c.checks.map((k2) => k2.line));
    });
  }

  it('runs with the challenge\'s cluster settings, or the ones given', () => {
    const withPolicy = { ...c, checks: c.checks.slice(0, 1), start: '', solution: '' };
    const denyAll = `${manifests('web')}---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: { name: deny }\nspec: { podSelector: {}, policyTypes: [Ingress] }\n`;
    expect(gradeChallenge(withPolicy, denyAll).passed).toBe(false);
    expect(gradeChallenge({ ...withPolicy, cluster: { networkPolicy: false } }, denyAll).passed).toBe(true);
    expect(gradeChallenge({ ...withPolicy, cluster: { networkPolicy: false } }, denyAll, { networkPolicy: true }).passed).toBe(false);
  });

  it('returns plain data', () => {
    const g = gradeChallenge(c, c.start);
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });
});
