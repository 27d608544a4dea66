// Content tests for lessons, as `netlab lint` runs them: every lesson parses, every challenge's
// reference solution passes its checks and its starting YAML fails one, every prediction can be
// computed, every scenario in the course runs clean, and the index agrees with the folders.
import { runScenarioFile } from '../scenario/run.ts';
import type { ReadFile } from '../scenario/types.ts';
import { lintExamSet } from './exam.ts';
import { gradeChallenge } from './grade-challenge.ts';
import { LESSON_FOLDER, parseLessonIndex } from './index-file.ts';
import { parseLesson } from './parse.ts';
import { resolvePredictions } from './predict.ts';
import type { Lesson, LessonError } from './types.ts';

/** What each lesson must hold: the course's own bar, checked so it cannot quietly slip. */
export const LESSON_MINIMUMS = { playgrounds: 1, challenges: 2, quizItems: 5, predictItems: 1, cheatsheets: 1 };

/** Lints one lesson file: its format, its challenges (solution passes, start fails), its
 * predictions and the scenario files it refers to. Returns the parsed lesson when it parses. */
export function lintLesson(file: string, readFile: ReadFile): { lesson?: Lesson; problems: LessonError[] } {
  const text = readFile(file);
  if (text === undefined) return { problems: [{ file, line: 0, message: 'cannot read the lesson file' }] };
  const parsed = parseLesson(file, text);
  if ('errors' in parsed) return { problems: parsed.errors };
  const problems: LessonError[] = [];
  const at = (line: number, message: string) => problems.push({ file, line, message });
  const { lesson } = parsed;

  const folder = file.split('/').slice(-2, -1)[0] ?? '';
  const slug = LESSON_FOLDER.exec(folder)?.[2];
  if (!slug) at(1, `a lesson lives in a folder named <nn>-<id> (e.g. 01-${lesson.id}), not "${folder}"`);
  else if (slug !== lesson.id) at(2, `frontmatter id "${lesson.id}" does not match the folder name "${folder}" (expected id: ${slug})`);

  const count = (kind: string) => lesson.blocks.filter((b) => b.kind === kind).length;
  const quizzes = lesson.blocks.flatMap((b) => (b.kind === 'quiz' ? [b.item] : []));
  const short: string[] = [];
  if (count('playground') < LESSON_MINIMUMS.playgrounds) short.push('a playground');
  if (count('challenge') < LESSON_MINIMUMS.challenges) short.push(`${LESSON_MINIMUMS.challenges} challenges (has ${count('challenge')})`);
  if (quizzes.length < LESSON_MINIMUMS.quizItems) short.push(`${LESSON_MINIMUMS.quizItems} quiz items (has ${quizzes.length})`);
  if (quizzes.filter((q) => q.type === 'predict').length < LESSON_MINIMUMS.predictItems) short.push('a predict quiz item');
  if (count('cheatsheet') < LESSON_MINIMUMS.cheatsheets) short.push('a :::cheatsheet');
  if (short.length) at(1, `a lesson needs at least ${short.join(', ')}`);

  for (const block of lesson.blocks) {
    if (block.kind === 'playground') {
      if (readFile(block.path) === undefined) at(block.line, `playground scenario not found: ${block.scenario} (looked for ${block.path})`);
      continue;
    }
    if (block.kind !== 'challenge') continue;
    const solved = gradeChallenge(block, block.solution);
    if (solved.error) at(block.solutionLine + Math.max(0, solved.error.line - 1), `challenge ${block.id}: the reference solution cannot be applied: ${solved.error.message}`);
    else
      solved.results.forEach((r) => {
        if (!r.passed) at(r.line, `challenge ${block.id}: the reference solution fails this check: ${r.message}`);
      });
    const started = gradeChallenge(block, block.start);
    if (started.passed) at(block.startLine, `challenge ${block.id}: the starting YAML already passes every check (it must fail at least one)`);
  }

  const resolved = resolvePredictions(lesson, readFile);
  problems.push(...resolved.errors);
  for (const block of resolved.lesson.blocks) {
    if (block.kind !== 'quiz' || block.item.type !== 'predict' || !block.item.prediction) continue;
    const p = block.item.prediction;
    if (p.multiple && p.choices.length < 2) at(block.line, `quiz ${block.item.id}: an endpoints prediction needs at least two pods in the Service's namespace to choose from`);
  }
  return { lesson: resolved.lesson, problems: sortProblems(problems) };
}

/** Runs one scenario file: it must load and every check must hold. */
export function lintScenarioFile(file: string, readFile: ReadFile): LessonError[] {
  const text = readFile(file);
  if (text === undefined) return [{ file, line: 0, message: 'cannot read the scenario file' }];
  const result = runScenarioFile(file, text, readFile);
  const problems: LessonError[] = [];
  if (result.error) problems.push({ file: result.error.file, line: result.error.line, message: `the scenario cannot run: ${result.error.message}` });
  for (const c of result.checks) if (!c.passed) problems.push({ file, line: c.line, message: `check fails: ${c.message}` });
  return problems;
}

/** Lints a course folder: `index.yaml`, every `<nn>-<id>/lesson.md`, every scenario file, every
 * exam set in `exams/`.
 * `files` lists every file under `root` (paths starting with `root/`). */
export function lintCourse(root: string, files: string[], readFile: ReadFile): LessonError[] {
  const base = root.replace(/\/+$/, '');
  const indexFile = `${base}/index.yaml`;
  const problems: LessonError[] = [];
  const rel = (f: string) => f.slice(base.length + 1);
  const lessonFiles = files.filter((f) => /^[^/]+\/lesson\.md$/.test(rel(f))).sort();
  const lessons = new Map<string, Lesson>();
  for (const file of lessonFiles) {
    const linted = lintLesson(file, readFile);
    problems.push(...linted.problems);
    if (linted.lesson) lessons.set(rel(file).split('/')[0]!, linted.lesson);
  }
  for (const file of files.filter((f) => /\.scenario\.ya?ml$/.test(f)).sort()) problems.push(...lintScenarioFile(file, readFile));
  // Exam sets live in `exams/<id>.exam.yaml`; every task is replayed like a challenge.
  for (const file of files.filter((f) => /\.exam\.ya?ml$/.test(f)).sort()) {
    if (!/^exams\/[^/]+\.exam\.yaml$/.test(rel(file))) problems.push({ file, line: 0, message: `an exam set is ${base}/exams/<id>.exam.yaml; this file is not read as one` });
    else problems.push(...lintExamSet(file, readFile(file) ?? ''));
  }
  for (const file of files.filter((f) => f.endsWith('.md') && !/^[^/]+\/lesson\.md$/.test(rel(f)) && rel(f) !== 'README.md')) {
    problems.push({ file, line: 0, message: 'a lesson file is <nn>-<id>/lesson.md; this markdown file is not part of any lesson' });
  }

  const indexText = readFile(indexFile);
  if (indexText === undefined) {
    problems.push({ file: indexFile, line: 0, message: 'the course needs an index.yaml listing the lessons in order' });
    return sortProblems(problems);
  }
  const parsed = parseLessonIndex(indexFile, indexText);
  if ('errors' in parsed) return sortProblems([...problems, ...parsed.errors]);
  const { index, lines } = parsed;
  const folders = lessonFiles.map((f) => rel(f).split('/')[0]!);
  for (const folder of folders) if (!index.lessons.includes(folder)) problems.push({ file: indexFile, line: 1, message: `lesson folder ${folder} is not listed under lessons` });
  for (const folder of index.lessons) if (!folders.includes(folder)) problems.push({ file: indexFile, line: lines[`lesson:${folder}`] ?? 1, message: `lesson ${folder} is listed but ${base}/${folder}/lesson.md does not exist` });
  const position = new Map<string, number>();
  index.lessons.forEach((folder, i) => {
    const lesson = lessons.get(folder);
    position.set(lesson?.id ?? LESSON_FOLDER.exec(folder)?.[2] ?? folder, i);
  });
  for (const track of index.tracks) {
    for (const id of track.lessons) if (!position.has(id)) problems.push({ file: indexFile, line: lines[`track:${track.id}:${id}`] ?? 1, message: `track ${track.id}: no lesson has id "${id}"` });
  }
  for (const [folder, lesson] of lessons) {
    const mine = index.lessons.indexOf(folder);
    for (const pre of lesson.prerequisites) {
      const theirs = position.get(pre);
      if (theirs === undefined) problems.push({ file: lesson.file, line: 2, message: `prerequisite "${pre}" is not the id of any lesson in the course` });
      else if (mine !== -1 && theirs >= mine) problems.push({ file: lesson.file, line: 2, message: `prerequisite "${pre}" comes after this lesson in index.yaml` });
    }
  }
  return sortProblems(problems);
}

function sortProblems(problems: LessonError[]): LessonError[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.message < b.message ? -1 : 1)));
}
