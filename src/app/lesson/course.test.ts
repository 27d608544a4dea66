import { describe, expect, it } from 'vitest';
import type { LessonIndex } from '../../engine/lesson/types.ts';
import { EMPTY_PROGRESS, type ProgressData } from '../progress/progress.ts';
import { buildLessonList, courseTotals, findLessonFolder, lessonIdOfFolder, lessonsOfTrack, neighbours, tagLabel, titleOfFolder, type LessonSummary } from './course.ts';

const INDEX: LessonIndex = {
  lessons: ['01-pod-network', '02-cluster-ip', '03-node-port'],
  tracks: [{ id: 'outside', title: 'From outside', description: '', lessons: ['node-port', 'pod-network', 'missing'] }],
};

const summary = (folder: string, extra: Partial<LessonSummary> = {}): LessonSummary => ({
  folder,
  id: lessonIdOfFolder(folder),
  title: `Title of ${folder}`,
  minutes: 30,
  tags: ['CKA:services-networking'],
  challengeIds: ['c1'],
  quizIds: ['q1'],
  ...extra,
});

describe('lesson ids and titles', () => {
  it.each([
    { name: 'two digits', folder: '02-cluster-ip', id: 'cluster-ip', title: 'Cluster ip' },
    { name: 'three digits', folder: '100-x', id: 'x', title: 'X' },
  ])('$name', ({ folder, id, title }) => {
    expect(lessonIdOfFolder(folder)).toBe(id);
    expect(titleOfFolder(folder)).toBe(title);
  });
});

describe('findLessonFolder', () => {
  it.each([
    { name: 'no id: the first lesson', id: undefined, want: '01-pod-network' },
    { name: 'by id', id: 'cluster-ip', want: '02-cluster-ip' },
    { name: 'by folder', id: '03-node-port', want: '03-node-port' },
    { name: 'unknown', id: 'nope', want: undefined },
  ])('$name', ({ id, want }) => expect(findLessonFolder(INDEX, id)).toBe(want));
});

describe('tracks and neighbours', () => {
  it('a track keeps its own order and skips unknown ids', () => expect(lessonsOfTrack(INDEX, 'outside')).toEqual(['03-node-port', '01-pod-network']));
  it('an unknown track is the whole course', () => expect(lessonsOfTrack(INDEX, 'nope')).toEqual(INDEX.lessons));
  it.each([
    { name: 'first', folder: '01-pod-network', track: undefined, want: { next: '02-cluster-ip' } },
    { name: 'middle', folder: '02-cluster-ip', track: undefined, want: { previous: '01-pod-network', next: '03-node-port' } },
    { name: 'last', folder: '03-node-port', track: undefined, want: { previous: '02-cluster-ip' } },
    { name: 'in a track', folder: '03-node-port', track: 'outside', want: { next: '01-pod-network' } },
    { name: 'not in the course', folder: '09-x', track: undefined, want: {} },
  ])('$name', ({ folder, track, want }) => expect(neighbours(INDEX, folder, track)).toEqual(want));
});

describe('buildLessonList', () => {
  const progress: ProgressData = {
    lessons: {
      'pod-network': { challenges: { c1: { solved: true, attempts: 1, hintsShown: 0, solutionShown: false } }, quizzes: { q1: { answer: 0, correct: false, attempts: 1 } } },
      'cluster-ip': { challenges: {}, quizzes: { q1: { answer: 0, correct: true, attempts: 1 } } },
    },
  };
  const summaries = {
    '01-pod-network': summary('01-pod-network'),
    '02-cluster-ip': summary('02-cluster-ip'),
    '03-node-port': summary('03-node-port', { errors: [{ file: 'f', line: 1, message: 'bad' }] }),
  };

  it('numbers lessons by course position and marks what is done', () => {
    const list = buildLessonList(INDEX, summaries, progress);
    expect(list.map((e) => [e.number, e.id, e.completion?.complete, e.completion?.started, e.broken])).toEqual([
      [1, 'pod-network', true, true, false],
      [2, 'cluster-ip', false, true, false],
      [3, 'node-port', undefined, undefined, true],
    ]);
    expect(courseTotals(list)).toEqual({ complete: 1, total: 3 });
  });

  it('shows lessons not loaded yet by their folder name', () => {
    const list = buildLessonList(INDEX, {}, EMPTY_PROGRESS, 'outside');
    expect(list.map((e) => [e.number, e.title, e.minutes, e.completion])).toEqual([
      [3, 'Node port', undefined, undefined],
      [1, 'Pod network', undefined, undefined],
    ]);
  });
});

describe('tagLabel', () => {
  it.each([
    { name: 'exam domain', tag: 'CKA:services-networking', want: 'CKA · services networking' },
    { name: 'plain', tag: 'dns', want: 'dns' },
  ])('$name', ({ tag, want }) => expect(tagLabel(tag)).toBe(want));
});
