import { describe, expect, it } from 'vitest';
import { createLessonSources, LESSON_SOURCES } from './lesson-sources.ts';
import { readCourseIndex } from './course-store.ts';

describe('createLessonSources', () => {
  const sources = createLessonSources(
    { '/lessons/index.yaml': 'lessons: [01-a]' },
    { '/lessons/02-b/lesson.md': async () => 'B', '/lessons/01-a/lesson.md': async () => 'A' },
    { '/lessons/01-a/p.scenario.yaml': async () => 'P', '/lessons/01-a/q.yaml': async () => 'Q', '/lessons/02-b/r.scenario.yaml': async () => 'R' },
  );

  it('lists lesson folders in name order', () => expect(sources.folders).toEqual(['01-a', '02-b']));
  it('reads the index', () => expect(sources.indexText).toBe('lessons: [01-a]'));
  it('loads a lesson file, or nothing for an unknown folder', async () => {
    expect(await sources.loadLesson('02-b')).toBe('B');
    expect(await sources.loadLesson('03-c')).toBeUndefined();
  });
  it("loads a folder's YAML files by path from the lesson root", async () => {
    expect(await sources.loadFiles('01-a')).toEqual({ 'lessons/01-a/p.scenario.yaml': 'P', 'lessons/01-a/q.yaml': 'Q' });
  });
});

describe('the bundled course', () => {
  it('has an index that parses, and a lesson file for every lesson it lists', () => {
    const course = readCourseIndex(LESSON_SOURCES);
    expect(course && 'index' in course).toBe(true);
    if (course && 'index' in course) for (const folder of course.index.lessons) expect(LESSON_SOURCES.folders).toContain(folder);
  });

  it('falls back to the folders without an index', () => {
    expect(readCourseIndex({ ...LESSON_SOURCES, indexText: undefined, folders: ['01-a'] })).toEqual({ index: { lessons: ['01-a'], tracks: [] } });
    expect(readCourseIndex({ ...LESSON_SOURCES, indexText: undefined, folders: [] })).toBeUndefined();
  });

  it('reports a broken index with its line', () => {
    const course = readCourseIndex({ ...LESSON_SOURCES, indexText: 'lessons:\n  - Not A Folder\n' });
    expect(course).toEqual({ errors: [expect.objectContaining({ file: 'lessons/index.yaml', line: 2 })] });
  });
});
