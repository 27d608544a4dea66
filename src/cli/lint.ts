import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintCourse, lintLesson, lintScenarioFile } from '../engine/lesson/index.ts';
import { lintExamSet } from '../engine/lesson/exam.ts';
import type { LessonError } from '../engine/lesson/types.ts';
import { readText } from './io.ts';

const toPosix = (p: string) => p.split('\\').join('/');

/** Every file under `dir`, as paths relative to the working directory (sorted, dot-files skipped). */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(toPosix(relative(process.cwd(), full) || full));
    }
  };
  walk(dir);
  return out;
}

/** Lints one path: a course folder (with index.yaml), any folder (its lessons and scenarios), a
 * lesson file or a scenario file. Returns the problems and how many lessons and scenarios it saw. */
function lintPath(path: string): { problems: LessonError[]; lessons: number; scenarios: number; exams: number } {
  const p = toPosix(relative(process.cwd(), path) || path).replace(/\/+$/, '');
  if (!existsSync(path)) return { problems: [{ file: p, line: 0, message: 'no such file or directory' }], lessons: 0, scenarios: 0, exams: 0 };
  if (statSync(path).isDirectory()) {
    const files = listFiles(path);
    const lessonFiles = files.filter((f) => f.endsWith('/lesson.md'));
    const scenarioFiles = files.filter((f) => /\.scenario\.ya?ml$/.test(f));
    const examFiles = files.filter((f) => f.endsWith('.exam.yaml'));
    const counts = { lessons: lessonFiles.length, scenarios: scenarioFiles.length, exams: examFiles.length };
    if (existsSync(join(path, 'index.yaml'))) return { problems: lintCourse(p, files, readText), ...counts };
    const problems = [...lessonFiles.flatMap((f) => lintLesson(f, readText).problems), ...scenarioFiles.flatMap((f) => lintScenarioFile(f, readText)), ...examFiles.flatMap((f) => lintExamFile(f))];
    return { problems, ...counts };
  }
  if (/\.scenario\.ya?ml$/.test(p)) return { problems: lintScenarioFile(p, readText), lessons: 0, scenarios: 1, exams: 0 };
  if (p.endsWith('.exam.yaml')) return { problems: lintExamFile(p), lessons: 0, scenarios: 0, exams: 1 };
  if (p.endsWith('.md')) return { problems: lintLesson(p, readText).problems, lessons: 1, scenarios: 0, exams: 0 };
  return { problems: [{ file: p, line: 0, message: 'not a lesson (.md), a scenario (.scenario.yaml), an exam set (.exam.yaml) or a folder' }], lessons: 0, scenarios: 0, exams: 0 };
}

function lintExamFile(file: string): LessonError[] {
  const text = readText(file);
  return text === undefined ? [{ file, line: 0, message: 'cannot read file' }] : lintExamSet(file, text);
}

/** `netlab lint [PATH...]` (default `lessons`): prints `file:line: problem` for each problem;
 * exit 0 when there are none, 1 otherwise. */
export function runLintCommand(paths: string[], io: { out(s: string): void; err(s: string): void }): number {
  let problems: LessonError[] = [];
  let lessons = 0;
  let scenarios = 0;
  let exams = 0;
  for (const path of paths.length ? paths : ['lessons']) {
    const r = lintPath(path);
    problems = problems.concat(r.problems);
    lessons += r.lessons;
    scenarios += r.scenarios;
    exams += r.exams;
  }
  for (const p of problems) io.out(`${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}\n`);
  const seen = `${lessons} lesson${lessons === 1 ? '' : 's'}, ${scenarios} scenario file${scenarios === 1 ? '' : 's'}, ${exams} exam set${exams === 1 ? '' : 's'}`;
  if (problems.length) io.err(`netlab lint: ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${seen}\n`);
  else io.out(`netlab lint: ${seen}, no problems\n`);
  return problems.length ? 1 : 0;
}
