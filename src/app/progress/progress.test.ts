import { describe, expect, it } from 'vitest';
import { EMPTY_PROGRESS, exportProgress, importProgress, lessonCompletion, mergeProgress, reduceProgress, sanitiseProgress, type ProgressAction, type ProgressData } from './progress.ts';

const run = (actions: ProgressAction[], start: ProgressData = EMPTY_PROGRESS) => actions.reduce(reduceProgress, start);

describe('reduceProgress', () => {
  const cases: Array<{ name: string; actions: ProgressAction[]; want: ProgressData }> = [
    {
      name: 'a failed check counts an attempt',
      actions: [{ type: 'challengeChecked', lesson: 'l', challenge: 'c', passed: false }],
      want: { lessons: { l: { challenges: { c: { solved: false, attempts: 1, hintsShown: 0, solutionShown: false } }, quizzes: {} } } },
    },
    {
      name: 'solved stays solved after a later failing check',
      actions: [
        { type: 'challengeChecked', lesson: 'l', challenge: 'c', passed: true },
        { type: 'challengeChecked', lesson: 'l', challenge: 'c', passed: false },
      ],
      want: { lessons: { l: { challenges: { c: { solved: true, attempts: 2, hintsShown: 0, solutionShown: false } }, quizzes: {} } } },
    },
    {
      name: 'hints only go forward',
      actions: [
        { type: 'hintShown', lesson: 'l', challenge: 'c', count: 2 },
        { type: 'hintShown', lesson: 'l', challenge: 'c', count: 1 },
      ],
      want: { lessons: { l: { challenges: { c: { solved: false, attempts: 0, hintsShown: 2, solutionShown: false } }, quizzes: {} } } },
    },
    {
      name: 'the solution shown is remembered',
      actions: [{ type: 'solutionShown', lesson: 'l', challenge: 'c' }],
      want: { lessons: { l: { challenges: { c: { solved: false, attempts: 0, hintsShown: 0, solutionShown: true } }, quizzes: {} } } },
    },
    {
      name: 'the latest quiz answer wins, attempts add up',
      actions: [
        { type: 'quizAnswered', lesson: 'l', quiz: 'q', answer: 0, correct: false },
        { type: 'quizAnswered', lesson: 'l', quiz: 'q', answer: 1, correct: true },
      ],
      want: { lessons: { l: { challenges: {}, quizzes: { q: { answer: 1, correct: true, attempts: 2 } } } } },
    },
    {
      name: 'resetting a lesson leaves the others',
      actions: [
        { type: 'quizAnswered', lesson: 'a', quiz: 'q', answer: 'x', correct: true },
        { type: 'quizAnswered', lesson: 'b', quiz: 'q', answer: 'y', correct: false },
        { type: 'resetLesson', lesson: 'a' },
      ],
      want: { lessons: { b: { challenges: {}, quizzes: { q: { answer: 'y', correct: false, attempts: 1 } } } } },
    },
    {
      name: 'reset all',
      actions: [{ type: 'quizAnswered', lesson: 'a', quiz: 'q', answer: 'x', correct: true }, { type: 'resetAll' }],
      want: EMPTY_PROGRESS,
    },
  ];
  it.each(cases)('$name', ({ actions, want }) => expect(run(actions)).toEqual(want));

  it('returns the same object when nothing changes', () => {
    const data = run([{ type: 'solutionShown', lesson: 'l', challenge: 'c' }]);
    expect(reduceProgress(data, { type: 'solutionShown', lesson: 'l', challenge: 'c' })).toBe(data);
    expect(reduceProgress(data, { type: 'resetLesson', lesson: 'other' })).toBe(data);
    expect(reduceProgress(EMPTY_PROGRESS, { type: 'resetAll' })).toBe(EMPTY_PROGRESS);
  });
});

describe('sanitiseProgress', () => {
  const cases: Array<{ name: string; raw: unknown; want: ProgressData }> = [
    { name: 'nothing saved', raw: undefined, want: EMPTY_PROGRESS },
    { name: 'not an object', raw: 'garbage', want: EMPTY_PROGRESS },
    { name: 'lessons is an array', raw: { lessons: [1, 2] }, want: EMPTY_PROGRESS },
    {
      name: 'damaged entries are dropped, good ones kept',
      raw: {
        lessons: {
          l: {
            challenges: { c: { solved: 'yes', attempts: -3, hintsShown: 2.7 }, d: null },
            quizzes: { q: { answer: [0, 2], correct: true, attempts: 0 }, bad: { answer: { x: 1 } }, mixed: { answer: [1, 'a'] } },
          },
          broken: 7,
        },
      },
      want: { lessons: { l: { challenges: { c: { solved: false, attempts: 0, hintsShown: 2, solutionShown: false } }, quizzes: { q: { answer: [0, 2], correct: true, attempts: 1 } } } } },
    },
  ];
  it.each(cases)('$name', ({ raw, want }) => expect(sanitiseProgress(raw)).toEqual(want));
});

describe('lessonCompletion', () => {
  const data = run([
    { type: 'challengeChecked', lesson: 'l', challenge: 'a', passed: true },
    { type: 'quizAnswered', lesson: 'l', quiz: 'q1', answer: 0, correct: true },
    { type: 'quizAnswered', lesson: 'l', quiz: 'q2', answer: 1, correct: false },
    { type: 'quizAnswered', lesson: 'l', quiz: 'gone', answer: 1, correct: true },
  ]);
  const cases = [
    { name: 'nothing done', progress: undefined, challenges: ['a'], quizzes: ['q1'], want: { challengesSolved: 0, challenges: 1, quizzesAnswered: 0, quizzesCorrect: 0, quizzes: 1, started: false, complete: false } },
    { name: 'part done', progress: data.lessons.l, challenges: ['a', 'b'], quizzes: ['q1', 'q2'], want: { challengesSolved: 1, challenges: 2, quizzesAnswered: 2, quizzesCorrect: 1, quizzes: 2, started: true, complete: false } },
    { name: 'complete: every challenge solved, every question answered', progress: data.lessons.l, challenges: ['a'], quizzes: ['q1', 'q2'], want: { challengesSolved: 1, challenges: 1, quizzesAnswered: 2, quizzesCorrect: 1, quizzes: 2, started: true, complete: true } },
    { name: 'a lesson with nothing to do is never complete', progress: undefined, challenges: [], quizzes: [], want: { challengesSolved: 0, challenges: 0, quizzesAnswered: 0, quizzesCorrect: 0, quizzes: 0, started: false, complete: false } },
  ];
  it.each(cases)('$name', ({ progress, challenges, quizzes, want }) => expect(lessonCompletion(progress, challenges, quizzes)).toEqual(want));
});

describe('export and import', () => {
  const data = run([{ type: 'challengeChecked', lesson: 'l', challenge: 'a', passed: true }]);

  it('round-trips', () => expect(importProgress(exportProgress(data))).toEqual(data));

  it.each([
    { name: 'not JSON', text: '{', want: /not JSON/ },
    { name: 'JSON of another kind', text: '{"lessons":{}}', want: /netlab-progress/ },
  ])('rejects $name', ({ text, want }) => {
    const result = importProgress(text);
    expect('error' in result && result.error).toMatch(want);
  });

  it('merges: solved stays solved, imported quiz answers win', () => {
    const mine = run([
      { type: 'challengeChecked', lesson: 'l', challenge: 'a', passed: false },
      { type: 'quizAnswered', lesson: 'l', quiz: 'q', answer: 0, correct: false },
    ]);
    const theirs = run([
      { type: 'challengeChecked', lesson: 'l', challenge: 'a', passed: true },
      { type: 'quizAnswered', lesson: 'l', quiz: 'q', answer: 1, correct: true },
    ]);
    expect(mergeProgress(mine, theirs).lessons.l).toEqual({
      challenges: { a: { solved: true, attempts: 1, hintsShown: 0, solutionShown: false } },
      quizzes: { q: { answer: 1, correct: true, attempts: 1 } },
    });
  });
});
