import { describe, expect, it } from 'vitest';
import { parseLessonIndex } from './index-file.ts';

describe('parseLessonIndex', () => {
  it('reads lessons and tracks', () => {
    const r = parseLessonIndex('lessons/index.yaml', 'lessons:\n  - 01-pod-network\n  - 02-cluster-ip\ntracks:\n  - id: cka\n    title: CKA\n    description: Services and networking\n    lessons: [pod-network]\n');
    expect(r).toEqual({
      index: { lessons: ['01-pod-network', '02-cluster-ip'], tracks: [{ id: 'cka', title: 'CKA', description: 'Services and networking', lessons: ['pod-network'] }] },
      lines: { 'lesson:01-pod-network': 2, 'lesson:02-cluster-ip': 3, 'track:cka:pod-network': 8 },
    });
  });
  const cases = [
    { name: 'a YAML syntax error', text: 'lessons: [\n', line: 2, message: 'YAML syntax error' },
    { name: 'an unknown key', text: 'lessons: [01-a]\norder: []\n', line: 2, message: 'unknown key "order"' },
    { name: 'no lessons', text: 'tracks: []\n', line: 1, message: 'lessons must list the lesson folders' },
    { name: 'a lesson that is not a folder name', text: 'lessons:\n  - pod-network\n', line: 2, message: 'each lesson is a folder name' },
    { name: 'a lesson listed twice', text: 'lessons:\n  - 01-a\n  - 01-a\n', line: 3, message: 'lesson 01-a is listed twice' },
    { name: 'a track without a title', text: 'lessons: [01-a]\ntracks:\n  - id: t\n    lessons: [a]\n', line: 3, message: 'a track needs a title' },
    { name: 'a track with an unknown key', text: 'lessons: [01-a]\ntracks:\n  - id: t\n    title: T\n    lessons: [a]\n    order: 1\n', line: 6, message: 'unknown track key "order"' },
  ];
  for (const c of cases) {
    it(`reports ${c.name}`, () => {
      const r = parseLessonIndex('lessons/index.yaml', c.text);
      expect('errors' in r && r.errors).toContainEqual({ file: 'lessons/index.yaml', line: c.line, message: expect.stringContaining(c.message) as string });
    });
  }
});
