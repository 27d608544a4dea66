import { describe, expect, it } from 'vitest';
import { gradeQuiz, normaliseShortAnswer } from './grade-quiz.ts';
import type { QuizAnswer, QuizItem } from './types.ts';

const base = { id: 'q', line: 1, prompt: 'Q?', explanation: 'Because.' };
const single: QuizItem = { ...base, type: 'single', options: [{ text: 'a', correct: false }, { text: 'b', correct: true }] };
const multiple: QuizItem = { ...base, type: 'multiple', options: [{ text: 'a', correct: true }, { text: 'b', correct: false }, { text: 'c', correct: true }] };
const ordering: QuizItem = { ...base, type: 'ordering', steps: ['first', 'second', 'third'] };
const short: QuizItem = { ...base, type: 'short', accepted: ['ClusterIP', 'spec.clusterIP'], caseSensitive: false };
const shortCase: QuizItem = { ...base, type: 'short', accepted: ['ClusterIP'], caseSensitive: true };
const predictOutcome: QuizItem = {
  ...base, type: 'predict', scenario: 'p.scenario.yaml', path: 'l/p.scenario.yaml', question: { kind: 'probe', probe: { from: 'pod/default/a', to: 'http://b/' } },
  prediction: { choices: [{ id: 'connected', label: 'It connects' }, { id: 'refused', label: 'Refused' }], correct: ['refused'], multiple: false, summary: 'no endpoints' },
};
const predictEndpoints: QuizItem = {
  ...base, type: 'predict', scenario: 'p.scenario.yaml', path: 'l/p.scenario.yaml', question: { kind: 'endpoints', service: 'svc/default/b' },
  prediction: { choices: [{ id: 'default/a', label: 'a' }, { id: 'default/b', label: 'b' }, { id: 'default/c', label: 'c' }], correct: ['default/a', 'default/c'], multiple: true, summary: 'ready endpoints: …' },
};
const unresolved: QuizItem = { ...base, type: 'predict', scenario: 'p.scenario.yaml', path: 'l/p.scenario.yaml', question: { kind: 'endpoints', service: 'svc/default/b' } };

describe('gradeQuiz', () => {
  const cases: Array<{ name: string; item: QuizItem; answer: QuizAnswer; correct: boolean; answerText?: string }> = [
    { name: 'single: the correct index', item: single, answer: 1, correct: true, answerText: 'b' },
    { name: 'single: another index', item: single, answer: 0, correct: false, answerText: 'b' },
    { name: 'single: wrong shape', item: single, answer: '1', correct: false },
    { name: 'multiple: the exact set, any order', item: multiple, answer: [2, 0], correct: true, answerText: 'a; c' },
    { name: 'multiple: a subset', item: multiple, answer: [0], correct: false },
    { name: 'multiple: a superset', item: multiple, answer: [0, 1, 2], correct: false },
    { name: 'multiple: duplicates do not count twice', item: multiple, answer: [0, 0], correct: false },
    { name: 'ordering: the written order', item: ordering, answer: [0, 1, 2], correct: true, answerText: '1. first\n2. second\n3. third' },
    { name: 'ordering: swapped', item: ordering, answer: [1, 0, 2], correct: false },
    { name: 'ordering: too short', item: ordering, answer: [0, 1], correct: false },
    { name: 'short: exact', item: short, answer: 'ClusterIP', correct: true, answerText: 'ClusterIP' },
    { name: 'short: case, spaces, backticks and full stop', item: short, answer: '  `clusterip`. ', correct: true },
    { name: 'short: second accepted form', item: short, answer: 'spec.clusterIP', correct: true },
    { name: 'short: wrong', item: short, answer: 'NodePort', correct: false },
    { name: 'short: empty', item: short, answer: '', correct: false },
    { name: 'short: case-sensitive rejects other case', item: shortCase, answer: 'clusterip', correct: false },
    { name: 'short: case-sensitive accepts exact case', item: shortCase, answer: 'ClusterIP', correct: true },
    { name: 'predict outcome: right', item: predictOutcome, answer: 'refused', correct: true, answerText: 'Refused' },
    { name: 'predict outcome: wrong', item: predictOutcome, answer: 'connected', correct: false, answerText: 'Refused' },
    { name: 'predict endpoints: the set', item: predictEndpoints, answer: ['default/c', 'default/a'], correct: true, answerText: 'a; c' },
    { name: 'predict endpoints: missing one', item: predictEndpoints, answer: ['default/a'], correct: false },
    { name: 'predict without a computed prediction', item: unresolved, answer: ['default/a'], correct: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const g = gradeQuiz(c.item, c.answer);
      expect(g.correct).toBe(c.correct);
      expect(g.explanation).toContain('Because.');
      if (c.answerText !== undefined) expect(g.answer).toBe(c.answerText);
    });
  }

  it('adds what the engine did to a prediction\'s explanation', () => {
    expect(gradeQuiz(predictOutcome, 'refused').explanation).toBe('Because.\n\nThe engine: no endpoints');
  });
});

describe('normaliseShortAnswer', () => {
  const cases = [
    { name: 'trims and lower-cases', input: '  Foo Bar ', caseSensitive: false, want: 'foo bar' },
    { name: 'collapses whitespace', input: 'kubectl  get\tsvc', caseSensitive: false, want: 'kubectl get svc' },
    { name: 'drops quotes and backticks, nested', input: '"`web.default.svc`"', caseSensitive: false, want: 'web.default.svc' },
    { name: 'drops a final full stop only', input: 'web.default.svc.', caseSensitive: false, want: 'web.default.svc' },
    { name: 'keeps case when asked', input: 'ClusterIP', caseSensitive: true, want: 'ClusterIP' },
  ];
  for (const c of cases) it(c.name, () => expect(normaliseShortAnswer(c.input, c.caseSensitive)).toBe(c.want));
});
