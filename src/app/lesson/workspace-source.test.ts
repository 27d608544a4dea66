import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLessonIndex } from '../../engine/lesson/index-file.ts';
import { parseLesson } from '../../engine/lesson/parse.ts';
import type { Lesson } from '../../engine/lesson/types.ts';
import { defaultSource, docKeyFor, sameSource, scenarioWorkspace, workspaceSetup } from './workspace-source.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** A lesson of the course, parsed, with its folder's YAML files by lesson-root path. */
function courseLesson(folder: string): { lesson: Lesson; files: Record<string, string> } {
  const parsed = parseLesson(`lessons/${folder}/lesson.md`, readFileSync(join(ROOT, 'lessons', folder, 'lesson.md'), 'utf8'));
  if ('errors' in parsed) throw new Error(parsed.errors.map((e) => e.message).join('\n'));
  const files: Record<string, string> = {};
  for (const name of readdirSync(join(ROOT, 'lessons', folder))) if (name.endsWith('.yaml')) files[`lessons/${folder}/${name}`] = readFileSync(join(ROOT, 'lessons', folder, name), 'utf8');
  return { lesson: parsed.lesson, files };
}

describe('docKeyFor and sameSource', () => {
  it.each([
    { name: 'scenario', source: { kind: 'scenario', path: 'lessons/a/p.scenario.yaml' } as const, want: 'lesson:x:scenario:lessons/a/p.scenario.yaml' },
    { name: 'challenge', source: { kind: 'challenge', id: 'fix' } as const, want: 'lesson:x:challenge:fix' },
    { name: 'predict', source: { kind: 'predict', path: 'lessons/a/p.scenario.yaml' } as const, want: 'lesson:x:predict:lessons/a/p.scenario.yaml' },
  ])('$name', ({ source, want }) => expect(docKeyFor('x', source)).toBe(want));
  it('a playground and a prediction in the same file are different sources', () => expect(sameSource({ kind: 'scenario', path: 'p' }, { kind: 'predict', path: 'p' })).toBe(false));
});

describe('scenarioWorkspace', () => {
  it.each<{ name: string; files: Record<string, string>; want: object }>([
    { name: 'missing file', files: {}, want: { error: 'scenario file not found: lessons/a/s.scenario.yaml' } },
    {
      name: 'inline manifests and a cluster block',
      files: { 'lessons/a/s.scenario.yaml': 'name: S\ncluster:\n  nodes: 3\nmanifests: |\n  kind: Pod\nchecks: []\n' },
      want: { name: 'S', manifests: 'kind: Pod\n', cluster: { nodes: 3 } },
    },
    {
      name: 'manifests in other files arrive as one text',
      files: { 'lessons/a/s.scenario.yaml': 'name: S\nmanifests: [a.yaml, b.yaml]\nchecks: []\n', 'lessons/a/a.yaml': 'kind: A', 'lessons/a/b.yaml': 'kind: B\n' },
      want: { name: 'S', manifests: '# from a.yaml\nkind: A\n---\n# from b.yaml\nkind: B\n' },
    },
  ])('$name', ({ files, want }) => {
    const got = scenarioWorkspace('lessons/a/s.scenario.yaml', files);
    if ('error' in want) expect(got).toEqual(want);
    else expect(got).toMatchObject(want);
  });
});

describe('workspaceSetup on lesson 2', () => {
  const { lesson, files } = courseLesson('02-cluster-ip');

  it('opens on the first playground', () => {
    const source = defaultSource(lesson);
    expect(source).toEqual({ kind: 'scenario', path: 'lessons/02-cluster-ip/playground.scenario.yaml' });
    const setup = workspaceSetup(lesson, files, source!);
    expect(setup).toMatchObject({ docKey: 'lesson:cluster-ip:scenario:lessons/02-cluster-ip/playground.scenario.yaml', file: 'playground.yaml', title: 'Playground: A ClusterIP Service in front of two replicas' });
    expect(setup?.initialText).toContain('kind: Deployment');
  });

  it('a challenge starts from its starting YAML', () => {
    const setup = workspaceSetup(lesson, files, { kind: 'challenge', id: 'fix-target-port' });
    expect(setup).toMatchObject({ file: 'fix-target-port.yaml', title: 'Challenge: The Service points at the wrong port' });
    expect(setup?.initialText).toContain('- port: 80\n---');
  });

  it.each([
    { name: 'a challenge the lesson no longer has', source: { kind: 'challenge', id: 'gone' } as const },
    { name: 'a scenario the lesson does not use', source: { kind: 'scenario', path: 'lessons/02-cluster-ip/other.scenario.yaml' } as const },
  ])('$name gives nothing', ({ source }) => expect(workspaceSetup(lesson, files, source)).toBeUndefined());
});

describe('every lesson of the course loads into the workspace', () => {
  const index = parseLessonIndex('lessons/index.yaml', readFileSync(join(ROOT, 'lessons/index.yaml'), 'utf8'));
  const folders = 'index' in index ? index.index.lessons : [];
  it('the course index parses', () => expect(folders.length).toBeGreaterThan(0));
  it.each(folders)('%s', (folder) => {
    const { lesson, files } = courseLesson(folder);
    for (const block of lesson.blocks) {
      const source = block.kind === 'playground' ? ({ kind: 'scenario', path: block.path } as const) : block.kind === 'challenge' ? ({ kind: 'challenge', id: block.id } as const) : block.kind === 'quiz' && block.item.type === 'predict' ? ({ kind: 'predict', path: block.item.path } as const) : undefined;
      if (!source) continue;
      const setup = workspaceSetup(lesson, files, source);
      expect(setup?.error, `${folder}: ${JSON.stringify(source)}`).toBeUndefined();
      expect(setup?.initialText.trim(), `${folder}: ${JSON.stringify(source)}`).not.toBe('');
    }
  });
});
