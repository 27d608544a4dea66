// The lesson format's public API: parse, grade, compute predictions, lint.
export { parseLesson } from './parse.ts';
export { parseLessonIndex } from './index-file.ts';
export { gradeChallenge } from './grade-challenge.ts';
export { gradeQuiz, normaliseShortAnswer } from './grade-quiz.ts';
export { computePrediction, resolvePredictions, OUTCOME_CHOICES, LOOKUP_CHOICES } from './predict.ts';
export { lintCourse, lintLesson, lintScenarioFile, LESSON_MINIMUMS } from './lint.ts';
export type * from './types.ts';
