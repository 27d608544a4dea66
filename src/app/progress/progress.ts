// Lesson progress as plain data: what each lesson's challenges and quiz items came to, changed
// only through `reduceProgress`, and read back from storage defensively. Pure.
import type { QuizAnswer } from '../../engine/lesson/types.ts';

/** One challenge: solved is kept once reached (a later failing check does not undo it). */
export interface ChallengeProgress {
  solved: boolean;
  attempts: number;
  hintsShown: number;
  solutionShown: boolean;
}

/** One quiz item: the learner's latest answer and whether it was right. */
export interface QuizProgress {
  answer: QuizAnswer;
  correct: boolean;
  attempts: number;
}

export interface LessonProgress {
  challenges: Record<string, ChallengeProgress>;
  quizzes: Record<string, QuizProgress>;
}

/** Everything saved, by lesson id. */
export interface ProgressData {
  lessons: Record<string, LessonProgress>;
}

export type ProgressAction =
  | { type: 'challengeChecked'; lesson: string; challenge: string; passed: boolean }
  | { type: 'hintShown'; lesson: string; challenge: string; count: number }
  | { type: 'solutionShown'; lesson: string; challenge: string }
  | { type: 'quizAnswered'; lesson: string; quiz: string; answer: QuizAnswer; correct: boolean }
  | { type: 'resetLesson'; lesson: string }
  | { type: 'resetAll' };

export const EMPTY_PROGRESS: ProgressData = { lessons: {} };
const EMPTY_LESSON: LessonProgress = { challenges: {}, quizzes: {} };
const NEW_CHALLENGE: ChallengeProgress = { solved: false, attempts: 0, hintsShown: 0, solutionShown: false };

/** Applies one learner action; returns the same object when nothing changes. */
export function reduceProgress(data: ProgressData, action: ProgressAction): ProgressData {
  switch (action.type) {
    case 'resetAll':
      return Object.keys(data.lessons).length === 0 ? data : EMPTY_PROGRESS;
    case 'resetLesson': {
      if (!(action.lesson in data.lessons)) return data;
      const { [action.lesson]: _dropped, ...rest } = data.lessons;
      return { lessons: rest };
    }
    case 'challengeChecked':
      return updateChallenge(data, action.lesson, action.challenge, (c) => ({ ...c, attempts: c.attempts + 1, solved: c.solved || action.passed }));
    case 'hintShown':
      return updateChallenge(data, action.lesson, action.challenge, (c) => (action.count <= c.hintsShown ? c : { ...c, hintsShown: action.count }));
    case 'solutionShown':
      return updateChallenge(data, action.lesson, action.challenge, (c) => (c.solutionShown ? c : { ...c, solutionShown: true }));
    case 'quizAnswered': {
      const lesson = data.lessons[action.lesson] ?? EMPTY_LESSON;
      const before = lesson.quizzes[action.quiz];
      const quiz: QuizProgress = { answer: action.answer, correct: action.correct, attempts: (before?.attempts ?? 0) + 1 };
      return { lessons: { ...data.lessons, [action.lesson]: { ...lesson, quizzes: { ...lesson.quizzes, [action.quiz]: quiz } } } };
    }
  }
}

function updateChallenge(data: ProgressData, lessonId: string, challengeId: string, change: (c: ChallengeProgress) => ChallengeProgress): ProgressData {
  const lesson = data.lessons[lessonId] ?? EMPTY_LESSON;
  const before = lesson.challenges[challengeId] ?? NEW_CHALLENGE;
  const after = change(before);
  if (after === before && challengeId in lesson.challenges) return data;
  return { lessons: { ...data.lessons, [lessonId]: { ...lesson, challenges: { ...lesson.challenges, [challengeId]: after } } } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.floor(v) : 0);

function isQuizAnswer(v: unknown): v is QuizAnswer {
  if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return true;
  return Array.isArray(v) && (v.every((x) => typeof x === 'number' && Number.isFinite(x)) || v.every((x) => typeof x === 'string'));
}

/** Reads saved progress of any shape: unknown or damaged entries are dropped, the rest kept. */
export function sanitiseProgress(raw: unknown): ProgressData {
  const lessons = isRecord(raw) && isRecord(raw.lessons) ? raw.lessons : undefined;
  if (!lessons) return EMPTY_PROGRESS;
  const out: Record<string, LessonProgress> = {};
  for (const [lessonId, value] of Object.entries(lessons)) {
    if (!isRecord(value)) continue;
    const challenges: Record<string, ChallengeProgress> = {};
    if (isRecord(value.challenges))
      for (const [id, c] of Object.entries(value.challenges)) {
        if (!isRecord(c)) continue;
        challenges[id] = { solved: c.solved === true, attempts: count(c.attempts), hintsShown: count(c.hintsShown), solutionShown: c.solutionShown === true };
      }
    const quizzes: Record<string, QuizProgress> = {};
    if (isRecord(value.quizzes))
      for (const [id, q] of Object.entries(value.quizzes)) {
        if (!isRecord(q) || !isQuizAnswer(q.answer)) continue;
        quizzes[id] = { answer: q.answer, correct: q.correct === true, attempts: Math.max(1, count(q.attempts)) };
      }
    out[lessonId] = { challenges, quizzes };
  }
  return { lessons: out };
}

/** How far a learner is through one lesson. */
export interface LessonCompletion {
  challengesSolved: number;
  challenges: number;
  quizzesAnswered: number;
  quizzesCorrect: number;
  quizzes: number;
  /** Something was done: a check run, a hint read, a quiz answered. */
  started: boolean;
  /** Every challenge solved and every quiz item answered. */
  complete: boolean;
}

/** Completion of a lesson with these challenge and quiz ids (ids no longer in the lesson are ignored). */
export function lessonCompletion(progress: LessonProgress | undefined, challengeIds: readonly string[], quizIds: readonly string[]): LessonCompletion {
  const p = progress ?? EMPTY_LESSON;
  const challengesSolved = challengeIds.filter((id) => p.challenges[id]?.solved).length;
  const answered = quizIds.filter((id) => p.quizzes[id]);
  const quizzesCorrect = answered.filter((id) => p.quizzes[id]?.correct).length;
  const started = Object.keys(p.challenges).length > 0 || Object.keys(p.quizzes).length > 0;
  const total = challengeIds.length + quizIds.length;
  return {
    challengesSolved,
    challenges: challengeIds.length,
    quizzesAnswered: answered.length,
    quizzesCorrect,
    quizzes: quizIds.length,
    started,
    complete: total > 0 && challengesSolved === challengeIds.length && answered.length === quizIds.length,
  };
}

const EXPORT_FORMAT = 'netlab-progress';

/** The progress as a file's text, for a learner to keep or move to another browser. */
export function exportProgress(data: ProgressData): string {
  return `${JSON.stringify({ format: EXPORT_FORMAT, version: 1, ...data }, null, 2)}\n`;
}

/** Reads an exported progress file; says why when it is not one. */
export function importProgress(text: string): ProgressData | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'this file is not a NetLab progress file (it is not JSON)' };
  }
  if (!isRecord(raw) || raw.format !== EXPORT_FORMAT) return { error: 'this file is not a NetLab progress file (no "format": "netlab-progress")' };
  return sanitiseProgress(raw);
}

/** Merges imported progress into the current: solved stays solved, the later quiz answer wins. */
export function mergeProgress(current: ProgressData, imported: ProgressData): ProgressData {
  const lessons: Record<string, LessonProgress> = { ...current.lessons };
  for (const [id, incoming] of Object.entries(imported.lessons)) {
    const mine = lessons[id] ?? EMPTY_LESSON;
    const challenges = { ...mine.challenges };
    for (const [cid, c] of Object.entries(incoming.challenges)) {
      const before = challenges[cid];
      challenges[cid] = before
        ? { solved: before.solved || c.solved, attempts: Math.max(before.attempts, c.attempts), hintsShown: Math.max(before.hintsShown, c.hintsShown), solutionShown: before.solutionShown || c.solutionShown }
        : c;
    }
    lessons[id] = { challenges, quizzes: { ...mine.quizzes, ...incoming.quizzes } };
  }
  return { lessons };
}
