// Grades quiz answers. Predict items are graded against the engine's computed prediction.
import type { QuizAnswer, QuizGrade, QuizItem } from './types.ts';

/** Normalises a short answer: trims, drops surrounding quotes or backticks and a final full stop,
 * collapses whitespace, and lower-cases unless the item is case-sensitive. */
export function normaliseShortAnswer(answer: string, caseSensitive = false): string {
  let s = answer.trim().replace(/\s+/g, ' ');
  for (let changed = true; changed;) {
    const before = s;
    s = s.replace(/^(["'`])(.*)\1$/, '$2').replace(/\.$/, '').trim();
    changed = s !== before;
  }
  return caseSensitive ? s : s.toLowerCase();
}

const sameSet = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && new Set(a).size === a.length && a.every((x) => b.includes(x));

/** Grades one answer; a malformed answer (wrong shape for the item's type) is simply wrong. */
export function gradeQuiz(item: QuizItem, answer: QuizAnswer): QuizGrade {
  const grade = (correct: boolean, shown: string): QuizGrade => ({ correct, explanation: item.explanation, answer: shown });
  switch (item.type) {
    case 'single': {
      const right = item.options.findIndex((o) => o.correct);
      return grade(answer === right, item.options[right]?.text ?? '');
    }
    case 'multiple': {
      const right = item.options.flatMap((o, i) => (o.correct ? [i] : []));
      return grade(Array.isArray(answer) && answer.every((a) => typeof a === 'number') && sameSet(answer, right), right.map((i) => item.options[i]!.text).join('; '));
    }
    case 'ordering': {
      const shown = item.steps.map((s, i) => `${i + 1}. ${s}`).join('\n');
      return grade(Array.isArray(answer) && answer.length === item.steps.length && answer.every((a, i) => a === i), shown);
    }
    case 'short': {
      const given = typeof answer === 'string' ? normaliseShortAnswer(answer, item.caseSensitive) : undefined;
      return grade(given !== undefined && given !== '' && item.accepted.some((a) => normaliseShortAnswer(a, item.caseSensitive) === given), item.accepted[0] ?? '');
    }
    case 'predict': {
      const p = item.prediction;
      if (!p) return { correct: false, explanation: item.explanation, answer: 'the prediction has not been computed (resolvePredictions runs the scenario first)' };
      const shown = p.correct.length === 0 ? 'none of them' : p.correct.map((id) => p.choices.find((c) => c.id === id)?.label ?? id).join('; ');
      const given = Array.isArray(answer) ? answer.map(String) : typeof answer === 'string' ? [answer] : [];
      const correct = p.multiple ? sameSet(given, p.correct) : given.length === 1 && given[0] === p.correct[0];
      return { correct, explanation: `${item.explanation}\n\nThe engine: ${p.summary}`, answer: shown };
    }
  }
}
