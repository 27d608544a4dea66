import { describe, expect, it } from 'vitest';
import { challenge, FULL_LESSON, manifests, PLAYGROUND, reader } from './fixtures.test-helpers.ts';
import { lintCourse, lintLesson } from './lint.ts';

const INDEX = 'lessons:\n  - 01-demo\ntracks:\n  - id: basics\n    title: Basics\n    lessons: [demo]\n';
const LESSON = 'lessons/01-demo/lesson.md';
const PG = 'lessons/01-demo/playground.scenario.yaml';

function course(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const files: Record<string, string | undefined> = { 'lessons/index.yaml': INDEX, [LESSON]: FULL_LESSON, [PG]: PLAYGROUND, ...overrides };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
}
const lint = (files: Record<string, string>) => lintCourse('lessons', Object.keys(files), reader(files));

describe('lintCourse', () => {
  it('passes a complete course', () => {
    expect(lint(course())).toEqual([]);
  });

  const cases = [
    {
      name: 'a reference solution that fails a check',
      files: course({ [LESSON]: FULL_LESSON.replace(challenge('two'), challenge('two', manifests('webb'), manifests('nope'))) }),
      want: { file: LESSON, message: /^challenge two: the reference solution fails this check: pod\/default\/client → http:\/\/web\/: outcome: expected connected, got refused/ },
    },
    {
      name: 'a starting YAML that already passes',
      files: course({ [LESSON]: FULL_LESSON.replace(challenge('two'), challenge('two', manifests('web'), manifests('web'))) }),
      want: { file: LESSON, message: /^challenge two: the starting YAML already passes every check/ },
    },
    {
      name: 'a reference solution that is not YAML',
      files: course({ [LESSON]: FULL_LESSON.replace(challenge('two'), challenge('two', manifests('webb'), 'kind: [\n')) }),
      want: { file: LESSON, message: /^challenge two: the reference solution cannot be applied/ },
    },
    {
      name: 'a missing playground scenario',
      files: course({ [PG]: undefined }),
      want: { file: LESSON, message: /^playground scenario not found: playground.scenario.yaml/ },
    },
    {
      name: 'a prediction about a pod that does not exist',
      files: course({ [LESSON]: FULL_LESSON.replace('probe: { from: pod/default/client, to: http://web/ }\n```', 'probe: { from: pod/default/ghost, to: http://web/ }\n```') }),
      want: { file: LESSON, message: /^quiz guess: the engine cannot answer this prediction: .*ghost/ },
    },
    {
      name: 'a lesson below the minimums',
      files: course({ [LESSON]: FULL_LESSON.replace(challenge('two'), '') }),
      want: { file: LESSON, line: 1, message: /a lesson needs at least 2 challenges \(has 1\)/ },
    },
    {
      name: 'an id that does not match the folder',
      files: course({ [LESSON]: FULL_LESSON.replace('id: demo', 'id: other') }),
      want: { file: LESSON, line: 2, message: /frontmatter id "other" does not match the folder name "01-demo"/ },
    },
    {
      name: 'a failing scenario file',
      files: course({ 'lessons/01-demo/extra.scenario.yaml': `${PLAYGROUND}checks:\n  - endpoints: svc/default/web\n    expect: { ready: [] }\n` }),
      want: { file: 'lessons/01-demo/extra.scenario.yaml', message: /^check fails: endpoints of default\/web/ },
    },
    {
      name: 'a scenario file that cannot run',
      files: course({ 'lessons/01-demo/extra.scenario.yaml': 'name: x\nchecks: 3\n' }),
      want: { file: 'lessons/01-demo/extra.scenario.yaml', line: 2, message: /^the scenario cannot run: checks must be a list/ },
    },
    {
      name: 'a lesson folder missing from the index',
      files: course({ 'lessons/02-more/lesson.md': FULL_LESSON.replace('id: demo', 'id: more'), 'lessons/02-more/playground.scenario.yaml': PLAYGROUND }),
      want: { file: 'lessons/index.yaml', message: /^lesson folder 02-more is not listed under lessons/ },
    },
    {
      name: 'an index entry without a folder',
      files: course({ 'lessons/index.yaml': INDEX.replace('  - 01-demo\n', '  - 01-demo\n  - 02-gone\n') }),
      want: { file: 'lessons/index.yaml', line: 3, message: /^lesson 02-gone is listed but lessons\/02-gone\/lesson.md does not exist/ },
    },
    {
      name: 'a track naming an unknown lesson',
      files: course({ 'lessons/index.yaml': INDEX.replace('lessons: [demo]', 'lessons: [demo, ghost]') }),
      want: { file: 'lessons/index.yaml', line: 6, message: /^track basics: no lesson has id "ghost"/ },
    },
    {
      name: 'an unknown prerequisite',
      files: course({ [LESSON]: FULL_LESSON.replace('prerequisites: []', 'prerequisites: [ghost]') }),
      want: { file: LESSON, line: 2, message: /^prerequisite "ghost" is not the id of any lesson/ },
    },
    {
      name: 'no index',
      files: course({ 'lessons/index.yaml': undefined }),
      want: { file: 'lessons/index.yaml', line: 0, message: /needs an index.yaml/ },
    },
    {
      name: 'a stray markdown file',
      files: course({ 'lessons/01-demo/notes.md': '# notes' }),
      want: { file: 'lessons/01-demo/notes.md', line: 0, message: /not part of any lesson/ },
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name}`, () => {
      const problems = lint(c.files);
      expect(problems.length).toBeGreaterThan(0);
      expect(problems).toContainEqual({ file: c.want.file, line: 'line' in c.want ? c.want.line : expect.any(Number), message: expect.stringMatching(c.want.message) as string });
    });
  }
});

describe('lintLesson', () => {
  it('reports parse errors with their lines and returns no lesson', () => {
    const files = course({ [LESSON]: FULL_LESSON.replace(':::cheatsheet', ':::cheatsheat') });
    const r = lintLesson(LESSON, reader(files));
    expect(r.lesson).toBeUndefined();
    expect(r.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('unknown directive :::cheatsheat'));
  });
  it('returns the lesson with predictions resolved', () => {
    const r = lintLesson(LESSON, reader(course()));
    expect(r.problems).toEqual([]);
    const predict = r.lesson?.blocks.find((b) => b.kind === 'quiz' && b.item.type === 'predict');
    expect(predict && predict.kind === 'quiz' && predict.item.type === 'predict' && predict.item.prediction?.correct).toEqual(['connected']);
  });
});
