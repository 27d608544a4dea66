// The exam sets bundled with the build (`lessons/exams/*.exam.yaml`), loaded lazily on the exam
// page and parsed by the engine's exam format reader.
import { parseExamFiles, type ExamSetLoad } from './parse-exam-files.ts';

export type { ExamSetLoad } from './parse-exam-files.ts';

const files = import.meta.glob('/lessons/exams/*.exam.yaml', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

let loading: Promise<ExamSetLoad[]> | undefined;

/** Every bundled set (loaded once per page). */
export function loadExamSets(): Promise<ExamSetLoad[]> {
  loading ??= Promise.all(Object.entries(files).map(async ([key, load]) => [key, await load()] as const)).then((entries) => parseExamFiles(Object.fromEntries(entries)));
  return loading;
}
