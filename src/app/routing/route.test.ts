import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute, type Route } from './route.ts';

describe('parseRoute', () => {
  const cases: Array<{ name: string; hash: string; want: Route }> = [
    { name: 'empty is the lesson page', hash: '', want: { page: 'lesson' } },
    { name: 'a lesson by id', hash: '#/lesson/services', want: { page: 'lesson', lessonId: 'services' } },
    { name: 'the playground', hash: '#/playground', want: { page: 'playground' } },
    { name: 'the exam list', hash: '#/exam', want: { page: 'exam' } },
    { name: 'an exam set', hash: '#/exam/cka-1', want: { page: 'exam', setId: 'cka-1' } },
    { name: 'a share link', hash: '#/playground?share=v1.abc', want: { page: 'playground', share: 'v1.abc' } },
    { name: 'an unknown page falls back to the lesson', hash: '#/nope', want: { page: 'lesson' } },
    { name: 'a broken escape does not throw', hash: '#/lesson/%E0%A4%A', want: { page: 'lesson', lessonId: '%E0%A4%A' } },
  ];
  it.each(cases)('$name', ({ hash, want }) => expect(parseRoute(hash)).toEqual(want));

  it.each(cases.filter((c) => c.name !== 'an unknown page falls back to the lesson' && c.name !== 'a broken escape does not throw'))('round-trips $name', ({ want }) => {
    expect(parseRoute(formatRoute(want))).toEqual(want);
  });
});
