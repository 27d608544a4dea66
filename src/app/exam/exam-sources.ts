// The exam sets bundled with the build (`lessons/exams/*.exam.yaml`), loaded lazily on the exam
// page and parsed by the engine's exam format reader.
import { parseExamSet, type ExamSet } from '../../engine/lesson/exam.ts';
import type { LessonError } from '../../engine/lesson/types.ts';

/** One set file: parsed, or the problems that kept it from parsing. */
export type ExamSetLoad = { file: string; set: ExamSet } | { file: string; errors: LessonError[] };

const files = import.meta.glob('/lessons/exams/*.exam.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

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

let loading: Promise<ExamSetLoad[]> | undefined;

/** Every bundled set (loaded once per page). */
export function loadExamSets(): Promise<ExamSetLoad[]> {
  loading ??= Promise.all(Object.entries(files).map(async ([key, load]) => [key, await load()] as const)).then((entries) => parseExamFiles(Object.fromEntries(entries)));
  return loading;
}
