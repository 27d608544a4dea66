import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FULL_LESSON, PLAYGROUND } from '../engine/lesson/fixtures.test-helpers.ts';
import { runLintCommand } from './lint.ts';

function course(lesson: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'netlab-lint-'));
  mkdirSync(join(dir, '01-demo'));
  writeFileSync(join(dir, 'index.yaml'), 'lessons:\n  - 01-demo\n');
  writeFileSync(join(dir, '01-demo', 'lesson.md'), lesson);
  writeFileSync(join(dir, '01-demo', 'playground.scenario.yaml'), PLAYGROUND);
  return dir;
}

function run(paths: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runLintCommand(paths, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('netlab lint', () => {
  const cases = [
    { name: 'a clean course: exit 0', paths: () => [course(FULL_LESSON)], code: 0, out: /netlab lint: 1 lesson, 1 scenario file, 0 exam sets, no problems/ },
    { name: 'one lesson file on its own', paths: () => [join(course(FULL_LESSON), '01-demo', 'lesson.md')], code: 0, out: /1 lesson, 0 scenario files, 0 exam sets, no problems/ },
    { name: 'a malformed lesson: file:line: problem, exit 1', paths: () => [course(FULL_LESSON.replace('minutes: 10', 'minutes: ten'))], code: 1, out: /01-demo\/lesson\.md:6: frontmatter: minutes is required/ },
    { name: 'a path that does not exist', paths: () => ['/nonexistent/lessons'], code: 1, out: /\/nonexistent\/lessons: no such file or directory/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = run(c.paths());
      expect(r.code).toBe(c.code);
      expect(r.out).toMatch(c.out);
      if (c.code === 1) expect(r.err).toMatch(/netlab lint: \d+ problems? in/);
    });
  }

  it('the course in lessons/ lints clean (every solution passes, every start fails)', () => {
    const r = run(['lessons']);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toMatch(/no problems/);
  });
});
