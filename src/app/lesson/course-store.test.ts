import { afterEach, describe, expect, it } from 'vitest';
import { createLessonSources, LESSON_SOURCES } from './lesson-sources.ts';
import { loadSummaries, openLesson, replaceCourseSources, useCourse } from './course-store.ts';

const GOOD = `---
id: good
title: A good lesson
objectives: [Learn]
minutes: 10
---
# A good lesson

Text.

:::quiz{#pick type=single}
Which?
- [x] This
- [ ] That
:::explanation
Because.
:::
:::
`;

const BROKEN = `---
id: broken
title: Broken
objectives: [Learn]
minutes: ten
---
Text.
`;

function useFakeCourse(index: string, lessons: Record<string, string>) {
  const sources = createLessonSources(
    { '/lessons/index.yaml': index },
    Object.fromEntries(Object.entries(lessons).map(([folder, text]) => [`/lessons/${folder}/lesson.md`, async () => text])),
    {},
  );
  replaceCourseSources(sources);
}

afterEach(() => replaceCourseSources(LESSON_SOURCES));

describe('the course store', () => {
  it('opens a lesson: parsed, with its summary for the list', async () => {
    useFakeCourse('lessons: [01-good, 02-broken]', { '01-good': GOOD, '02-broken': BROKEN });
    await openLesson('01-good');
    const { loads, summaries } = useCourse.getState();
    expect(loads['01-good']).toMatchObject({ status: 'ready', predictions: 'ready', lesson: { id: 'good', title: 'A good lesson' } });
    expect(summaries['01-good']).toMatchObject({ title: 'A good lesson', quizIds: ['pick'], challengeIds: [] });
  });

  it('a broken lesson is an error with file and line, for that lesson only', async () => {
    useFakeCourse('lessons: [01-good, 02-broken]', { '01-good': GOOD, '02-broken': BROKEN });
    await openLesson('02-broken');
    await loadSummaries();
    const { loads, summaries } = useCourse.getState();
    expect(loads['02-broken']).toEqual({ status: 'error', errors: [expect.objectContaining({ file: 'lessons/02-broken/lesson.md', line: 5 })] });
    expect(summaries['02-broken']?.errors).toHaveLength(1);
    expect(summaries['01-good']?.title).toBe('A good lesson');
  });

  it('a lesson the index lists but the build lacks says so', async () => {
    useFakeCourse('lessons: [01-good, 03-gone]', { '01-good': GOOD });
    await openLesson('03-gone');
    expect(useCourse.getState().loads['03-gone']).toEqual({ status: 'error', errors: [expect.objectContaining({ message: expect.stringContaining('does not exist') })] });
  });

  it('a course update keeps the lesson on screen until it is read again', async () => {
    useFakeCourse('lessons: [01-good]', { '01-good': GOOD });
    await openLesson('01-good');
    useFakeCourse('lessons: [01-good]', { '01-good': GOOD.replace('A good lesson', 'A better lesson') });
    expect(useCourse.getState().loads['01-good']).toMatchObject({ status: 'ready', lesson: { title: 'A good lesson' } });
    await openLesson('01-good');
    expect(useCourse.getState().loads['01-good']).toMatchObject({ status: 'ready', lesson: { title: 'A better lesson' } });
  });
});
