// Exam set files to parsed sets, keeping the problems of a file that does not parse. Pure.
import { parseExamSet, type ExamSet } from '../../engine/lesson/exam.ts';
import type { LessonError } from '../../engine/lesson/types.ts';

/** One set file: parsed, or the problems that kept it from parsing. */
export type ExamSetLoad = { file: string; set: ExamSet } | { file: string; errors: LessonError[] };

/** Parses set files (keys are `/lessons/...` paths), in file order. */
export function parseExamFiles(texts: Record<string, string>): ExamSetLoad[] {
  return Object.keys(texts)
    .sort()
    .map((key) => {
      const file = key.replace(/^\//, '');
      const parsed = parseExamSet(file, texts[key]!);
      return 'set' in parsed ? { file, set: parsed.set } : { file, errors: parsed.errors };
    });
}
