import { describe, expect, it } from 'vitest';
import { gradeQuiz } from '../../engine/lesson/grade-quiz.ts';
import type { QuizItem } from '../../engine/lesson/types.ts';
import { draftAnswer, draftFromAnswer, emptyDraft, initialOrder, moveStep, toggle, type QuizDraft } from './quiz-answer.ts';

const base = { id: 'q', line: 1, prompt: 'Q?', explanation: 'Because.' };
const single: QuizItem = { ...base, type: 'single', options: [{ text: 'a', correct: false }, { text: 'b', correct: true }] };
const multiple: QuizItem = { ...base, type: 'multiple', options: [{ text: 'a', correct: true }, { text: 'b', correct: false }, { text: 'c', correct: true }] };
const ordering: QuizItem = { ...base, id: 'order-me', type: 'ordering', steps: ['one', 'two', 'three', 'four'] };
const short: QuizItem = { ...base, type: 'short', accepted: ['10.96.0.10'], caseSensitive: false };
const predictEndpoints: QuizItem = {
  ...base,
  type: 'predict',
  scenario: 's.scenario.yaml',
  path: 'lessons/x/s.scenario.yaml',
  question: { kind: 'endpoints', service: 'svc/default/web' },
  prediction: { choices: [{ id: 'default/a', label: 'a' }, { id: 'default/b', label: 'b' }], correct: [], multiple: true, summary: 'no endpoints' },
};
const predictProbe: QuizItem = {
  ...base,
  type: 'predict',
  scenario: 's.scenario.yaml',
  path: 'lessons/x/s.scenario.yaml',
  question: { kind: 'probe', probe: { from: 'external', to: '10.96.0.11:80' } },
  prediction: { choices: [{ id: 'connected', label: 'It connects' }, { id: 'timeout', label: 'It times out' }], correct: ['timeout'], multiple: false, summary: 'dropped' },
};

describe('draftAnswer feeds the engine grader', () => {
  const cases: Array<{ name: string; item: QuizItem; draft: QuizDraft; answer: unknown; correct?: boolean }> = [
    { name: 'single: nothing chosen yet', item: single, draft: { type: 'single' }, answer: undefined },
    { name: 'single: the right option', item: single, draft: { type: 'single', choice: 1 }, answer: 1, correct: true },
    { name: 'multiple: none chosen cannot be checked', item: multiple, draft: { type: 'multiple', chosen: [] }, answer: undefined },
    { name: 'multiple: order of ticking does not matter', item: multiple, draft: { type: 'multiple', chosen: [2, 0] }, answer: [0, 2], correct: true },
    { name: 'multiple: a subset is wrong', item: multiple, draft: { type: 'multiple', chosen: [0] }, answer: [0], correct: false },
    { name: 'ordering: the learner order', item: ordering, draft: { type: 'ordering', order: [0, 1, 2, 3] }, answer: [0, 1, 2, 3], correct: true },
    { name: 'ordering: a swap is wrong', item: ordering, draft: { type: 'ordering', order: [1, 0, 2, 3] }, answer: [1, 0, 2, 3], correct: false },
    { name: 'short: blank cannot be checked', item: short, draft: { type: 'short', text: '  ' }, answer: undefined },
    { name: 'short: quotes and a full stop are ignored', item: short, draft: { type: 'short', text: ' `10.96.0.10`. ' }, answer: ' `10.96.0.10`. ', correct: true },
    { name: 'predict endpoints: none of them is an answer', item: predictEndpoints, draft: { type: 'predict', chosen: [] }, answer: [], correct: true },
    { name: 'predict endpoints: a pod that is not an endpoint', item: predictEndpoints, draft: { type: 'predict', chosen: ['default/a'] }, answer: ['default/a'], correct: false },
    { name: 'predict probe: one outcome', item: predictProbe, draft: { type: 'predict', chosen: ['timeout'] }, answer: 'timeout', correct: true },
    { name: 'predict probe: nothing chosen', item: predictProbe, draft: { type: 'predict', chosen: [] }, answer: undefined },
    { name: 'a draft of another type', item: single, draft: { type: 'short', text: 'b' }, answer: undefined },
  ];
  it.each(cases)('$name', ({ item, draft, answer, correct }) => {
    const got = draftAnswer(item, draft);
    expect(got).toEqual(answer);
    if (got !== undefined) expect(gradeQuiz(item, got).correct).toBe(correct);
  });
});

describe('draftFromAnswer', () => {
  it.each([
    { name: 'single', item: single, answer: 1, want: { type: 'single', choice: 1 } },
    { name: 'multiple', item: multiple, answer: [0, 2], want: { type: 'multiple', chosen: [0, 2] } },
    { name: 'ordering', item: ordering, answer: [3, 2, 1, 0], want: { type: 'ordering', order: [3, 2, 1, 0] } },
    { name: 'ordering of the wrong length starts afresh', item: ordering, answer: [0, 1], want: emptyDraft(ordering) },
    { name: 'short', item: short, answer: 'x', want: { type: 'short', text: 'x' } },
    { name: 'predict, one outcome', item: predictProbe, answer: 'timeout', want: { type: 'predict', chosen: ['timeout'] } },
    { name: 'predict, a set', item: predictEndpoints, answer: ['default/a'], want: { type: 'predict', chosen: ['default/a'] } },
    { name: 'single given text starts afresh', item: single, answer: 'b', want: { type: 'single' } },
  ])('$name', ({ item, answer, want }) => expect(draftFromAnswer(item, answer)).toEqual(want));
});

describe('ordering helpers', () => {
  it.each([
    { name: 'up', order: [0, 1, 2], position: 1, delta: -1, want: [1, 0, 2] },
    { name: 'down', order: [0, 1, 2], position: 1, delta: 1, want: [0, 2, 1] },
    { name: 'past the top changes nothing', order: [0, 1, 2], position: 0, delta: -1, want: [0, 1, 2] },
    { name: 'past the bottom changes nothing', order: [0, 1, 2], position: 2, delta: 1, want: [0, 1, 2] },
  ])('moveStep $name', ({ order, position, delta, want }) => expect(moveStep(order, position, delta)).toEqual(want));

  it.each([
    { name: 'two steps', seed: 'a', n: 2 },
    { name: 'four steps', seed: 'order-me', n: 4 },
    { name: 'seven steps', seed: 'ndots-order', n: 7 },
  ])('initialOrder is a stable permutation that is not already right: $name', ({ seed, n }) => {
    const order = initialOrder(seed, n);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(order).not.toEqual(Array.from({ length: n }, (_, i) => i));
    expect(initialOrder(seed, n)).toEqual(order);
  });

  it('one step stays put', () => expect(initialOrder('x', 1)).toEqual([0]));
  it('toggle adds and removes', () => expect(toggle(toggle([1], 2), 1)).toEqual([2]));
});
