// Between the quiz widgets and the engine's grader: the widget's state as a `QuizAnswer`, whether
// it is complete enough to check, the order an ordering item starts in, and moving its steps. Pure.
import type { QuizAnswer, QuizItem } from '../../engine/lesson/types.ts';

/** What a quiz widget holds while the learner answers. */
export type QuizDraft =
  | { type: 'single'; choice?: number }
  | { type: 'multiple'; chosen: number[] }
  | { type: 'ordering'; order: number[] }
  | { type: 'short'; text: string }
  | { type: 'predict'; chosen: string[] };

/** A fresh draft for `item` (ordering items start shuffled, the same way every time). */
export function emptyDraft(item: QuizItem): QuizDraft {
  switch (item.type) {
    case 'single':
      return { type: 'single' };
    case 'multiple':
      return { type: 'multiple', chosen: [] };
    case 'ordering':
      return { type: 'ordering', order: initialOrder(item.id, item.steps.length) };
    case 'short':
      return { type: 'short', text: '' };
    case 'predict':
      return { type: 'predict', chosen: [] };
  }
}

/** A draft showing a saved answer again (after a reload); a saved answer of the wrong shape gives
 * a fresh draft. */
export function draftFromAnswer(item: QuizItem, answer: QuizAnswer): QuizDraft {
  const numbers = Array.isArray(answer) && answer.every((a) => typeof a === 'number') ? (answer as number[]) : undefined;
  const strings = Array.isArray(answer) && answer.every((a) => typeof a === 'string') ? (answer as string[]) : undefined;
  switch (item.type) {
    case 'single':
      return typeof answer === 'number' ? { type: 'single', choice: answer } : emptyDraft(item);
    case 'multiple':
      return numbers ? { type: 'multiple', chosen: numbers } : emptyDraft(item);
    case 'ordering':
      return numbers && isPermutation(numbers, item.steps.length) ? { type: 'ordering', order: numbers } : emptyDraft(item);
    case 'short':
      return typeof answer === 'string' ? { type: 'short', text: answer } : emptyDraft(item);
    case 'predict':
      return typeof answer === 'string' ? { type: 'predict', chosen: [answer] } : strings ? { type: 'predict', chosen: strings } : emptyDraft(item);
  }
}

/** The draft as the grader's answer; undefined while it is not complete enough to check. */
export function draftAnswer(item: QuizItem, draft: QuizDraft): QuizAnswer | undefined {
  if (draft.type !== item.type) return undefined;
  switch (draft.type) {
    case 'single':
      return draft.choice;
    case 'multiple':
      return draft.chosen.length > 0 ? [...draft.chosen].sort((a, b) => a - b) : undefined;
    case 'ordering':
      return [...draft.order];
    case 'short':
      return draft.text.trim() !== '' ? draft.text : undefined;
    case 'predict': {
      const multiple = item.type === 'predict' && item.prediction?.multiple === true;
      // "None of them" is a real prediction for endpoints: an empty set may be checked.
      if (multiple) return [...draft.chosen].sort();
      return draft.chosen[0];
    }
  }
}

/** Toggles `value` in a list of choices. */
export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Moves the step at `position` by `delta` places; out-of-range moves change nothing. */
export function moveStep(order: readonly number[], position: number, delta: number): number[] {
  const target = position + delta;
  if (position < 0 || position >= order.length || target < 0 || target >= order.length) return [...order];
  const next = [...order];
  [next[position], next[target]] = [next[target]!, next[position]!];
  return next;
}

function isPermutation(order: readonly number[], n: number): boolean {
  return order.length === n && new Set(order).size === n && order.every((i) => Number.isInteger(i) && i >= 0 && i < n);
}

/** A shuffled order of `n` steps, seeded by the item id so it is stable across renders and
 * reloads, and never already correct. */
export function initialOrder(seed: string, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const random = () => {
    // xorshift32: small and deterministic.
    h ^= h << 13;
    h >>>= 0;
    h ^= h >>> 17;
    h ^= h << 5;
    h >>>= 0;
    return h / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  if (n > 1 && order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
}
