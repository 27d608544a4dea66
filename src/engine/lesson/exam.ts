// Exam sets (`lessons/exams/<id>.exam.yaml`): timed performance tasks in the style of the CKA and
// CKAD, each graded by scenario checks with weights, so a half-right answer earns part of the task.
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';
import type { ClusterBlock } from '../cluster/settings.ts';
import { resolveSettings } from '../cluster/settings.ts';
import { loadScenario } from '../scenario/load.ts';
import type { CheckResult, ScenarioCheck } from '../scenario/types.ts';
import { gradeChallenge } from './grade-challenge.ts';
import type { ChallengeBlock, LessonError } from './types.ts';

/** A check of an exam task: a scenario check with a name (shown on the results page) and a weight. */
export interface ExamCheck extends ScenarioCheck {
  name: string;
  /** Share of the task's points, relative to the other checks' weights (default 1). */
  weight: number;
}

/** One performance task: the situation, the YAML the candidate starts from, and how it is graded. */
export interface ExamTask {
  id: string;
  line: number;
  title: string;
  /** Points the task is worth in its set. */
  weight: number;
  /** Exam curriculum domain, lower-case words joined by hyphens (`services-networking`). */
  domain: string;
  /** Markdown: the situation and what to do, worded as the real exam words it. */
  context: string;
  /** The scenario's `cluster:` block the checks run with; absent means the contract's defaults. */
  cluster?: ClusterBlock;
  start: string;
  checks: ExamCheck[];
  solution: string;
  /** Markdown shown on the results page. */
  explanation: string;
  /** File lines of the first line of `start` and `solution`, for reporting. */
  startLine: number;
  solutionLine: number;
}

/** A timed set of tasks. */
export interface ExamSet {
  file: string;
  id: string;
  title: string;
  /** Markdown shown before the candidate starts (optional, may be empty). */
  description: string;
  minutes: number;
  /** The score, in percent of all points, needed to pass (the CKA asks for 66). */
  passPercent: number;
  tasks: ExamTask[];
}

/** One check's verdict with its name and weight. */
export interface ExamCheckResult extends CheckResult {
  name: string;
  weight: number;
}

/** The verdict on one task. */
export interface ExamTaskGrade {
  taskId: string;
  /** Points the task is worth, and points earned (partial credit: passing checks' share of it). */
  possible: number;
  points: number;
  /** False when the answer is the starting YAML unchanged: such a task earns nothing. */
  attempted: boolean;
  checks: ExamCheckResult[];
  /** Set when the answer could not be applied at all (a YAML syntax error). */
  error?: { line: number; message: string };
}

/** The verdict on a whole set. */
export interface ExamGrade {
  setId: string;
  points: number;
  possible: number;
  /** Score in percent, rounded to one decimal; `passed` compares this number with `passPercent`. */
  percent: number;
  passPercent: number;
  passed: boolean;
  tasks: ExamTaskGrade[];
}

/** The bar every set of the course must meet. */
export const EXAM_MINIMUMS = { tasks: 15 };

export const EXAM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SET_KEYS = ['id', 'title', 'description', 'minutes', 'passPercent', 'tasks'];
const TASK_KEYS = ['id', 'title', 'weight', 'domain', 'context', 'cluster', 'start', 'checks', 'solution', 'explanation'];
const noFiles = () => undefined;

type Problem = { line: number; message: string };

/** Parses an exam set file; every problem comes back with its line, and no set when there is any. */
export function parseExamSet(file: string, text: string): { set: ExamSet } | { errors: LessonError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), { lineCounter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const problems: Problem[] = [];
  const fail = (): { errors: LessonError[] } => ({ errors: [...problems].sort((a, b) => a.line - b.line).map((p) => ({ file, ...p })) });
  for (const e of doc.errors) problems.push({ line: lineCounter.linePos(e.pos[0]).line, message: `YAML syntax error: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}` });
  if (problems.length) return fail();
  const root = doc.contents;
  if (!isMap(root)) return { errors: [{ file, line: 1, message: `an exam set is a mapping with ${SET_KEYS.join(', ')}` }] };
  const fields = fieldReader(root, lineOf, problems, '');
  fields.unknown(SET_KEYS);
  const id = fields.str('id').trim();
  if (id && !EXAM_ID.test(id)) problems.push({ line: lineOf(fields.node('id')), message: `id "${id}" must be lower-case words joined by hyphens` });
  const title = fields.str('title').trim();
  const description = fields.str('description', false);
  const minutes = fields.num('minutes', (n) => Number.isInteger(n) && n >= 1 && n <= 600, 'a whole number of minutes, 1 to 600');
  const passPercent = fields.num('passPercent', (n) => n > 0 && n <= 100, 'a percentage above 0, at most 100');
  const tasksNode = fields.node('tasks');
  const tasks: ExamTask[] = [];
  if (!isSeq(tasksNode) || tasksNode.items.length === 0) problems.push({ line: lineOf(tasksNode ?? root), message: 'tasks is required (a list of at least one task)' });
  else {
    const seen = new Map<string, number>();
    for (const item of tasksNode.items) {
      const task = readTask(file, item as YamlNode, lineOf, problems);
      if (!task) continue;
      if (seen.has(task.id)) problems.push({ line: task.line, message: `task id "${task.id}" is used twice in this set (first at line ${seen.get(task.id)})` });
      else seen.set(task.id, task.line);
      tasks.push(task);
    }
  }
  if (problems.length) return fail();
  return { set: { file, id, title, description, minutes, passPercent, tasks } };
}

function fieldReader(map: YAMLMap, lineOf: (n: YamlNode | null | undefined) => number, problems: Problem[], prefix: string) {
  const node = (key: string) => map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value as YamlNode | undefined;
  const missing = (key: string, what: string, n: YamlNode | undefined) => problems.push({ line: lineOf(n ?? map), message: `${prefix}${key} is required (${what})` });
  return {
    node,
    unknown(allowed: string[]) {
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (!allowed.includes(key)) problems.push({ line: lineOf(pair.key as YamlNode), message: `${prefix}unknown key "${key}" (expected one of: ${allowed.join(', ')})` });
      }
    },
    str(key: string, required = true): string {
      const n = node(key);
      if (isScalar(n) && typeof n.value === 'string' && n.value.trim() !== '') return n.value;
      if (required || (n !== undefined && !(isScalar(n) && n.value === null))) missing(key, 'a non-empty string', n);
      return '';
    },
    num(key: string, ok: (n: number) => boolean, what: string): number {
      const n = node(key);
      if (isScalar(n) && typeof n.value === 'number' && ok(n.value)) return n.value;
      missing(key, what, n);
      return 0;
    },
    /** The file line of a string's first line: a block scalar's content starts below its `|`. */
    textLine(key: string): number {
      const n = node(key);
      const block = isScalar(n) && (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED');
      return lineOf(n ?? map) + (block ? 1 : 0);
    },
  };
}

function readTask(file: string, item: YamlNode, lineOf: (n: YamlNode | null | undefined) => number, problems: Problem[]): ExamTask | undefined {
  const line = lineOf(item);
  if (!isMap(item)) {
    problems.push({ line, message: `a task is a mapping with ${TASK_KEYS.join(', ')}` });
    return undefined;
  }
  const before = problems.length;
  const idNode = item.items.find((p) => isScalar(p.key) && p.key.value === 'id')?.value;
  const label = isScalar(idNode) && typeof idNode.value === 'string' ? idNode.value : '?';
  const fields = fieldReader(item, lineOf, problems, `task ${label}: `);
  fields.unknown(TASK_KEYS);
  const id = fields.str('id').trim();
  if (id && !EXAM_ID.test(id)) problems.push({ line, message: `task id "${id}" must be lower-case words joined by hyphens` });
  const title = fields.str('title').trim();
  const weight = fields.num('weight', (n) => n > 0 && n <= 100, 'the points the task is worth, above 0, at most 100');
  const domain = fields.str('domain').trim();
  if (domain && !EXAM_ID.test(domain)) problems.push({ line: lineOf(fields.node('domain')), message: `task ${label}: domain "${domain}" must be lower-case words joined by hyphens (services-networking)` });
  const context = fields.str('context');
  const start = fields.str('start');
  const solution = fields.str('solution');
  const explanation = fields.str('explanation');

  let cluster: ClusterBlock | undefined;
  const clusterNode = fields.node('cluster');
  if (clusterNode !== undefined && !(isScalar(clusterNode) && clusterNode.value === null)) {
    const loaded = loadScenario(file, new Document({ name: 'exam', cluster: clusterNode.toJSON() as unknown }).toString(), noFiles);
    const bad = 'message' in loaded ? loaded.message : resolveSettings(loaded.cluster).diagnostics[0]?.message;
    if (bad !== undefined) problems.push({ line: lineOf(clusterNode), message: `task ${label}: cluster: ${bad}` });
    else if (!('message' in loaded)) cluster = loaded.cluster ?? {};
  }

  const checks: ExamCheck[] = [];
  const checksNode = fields.node('checks');
  if (!isSeq(checksNode) || checksNode.items.length === 0) problems.push({ line: lineOf(checksNode ?? item), message: `task ${label}: checks is required (a list of at least one check)` });
  else for (const c of checksNode.items) {
    const check = readCheck(file, c as YamlNode, lineOf, problems, label);
    if (check) checks.push(check);
  }
  if (problems.length > before) return undefined;
  return { id, line, title, weight, domain, context, ...(cluster ? { cluster } : {}), start: withNewline(start), checks, solution: withNewline(solution), explanation, startLine: fields.textLine('start'), solutionLine: fields.textLine('solution') };
}

// A check is read by the scenario loader itself (without its weight), so exam checks accept exactly
// what a scenario's `checks:` accepts.
function readCheck(file: string, node: YamlNode, lineOf: (n: YamlNode | null | undefined) => number, problems: Problem[], task: string): ExamCheck | undefined {
  const line = lineOf(node);
  if (!isMap(node)) {
    problems.push({ line, message: `task ${task}: a check is a mapping (probe, lookup, reachability, endpoints, admission or condition, with name, weight and expect)` });
    return undefined;
  }
  const json = node.toJSON() as Record<string, unknown>;
  const { weight = 1, ...check } = json;
  if (typeof weight !== 'number' || !(weight > 0)) {
    problems.push({ line, message: `task ${task}: a check's weight must be a number above 0 (got ${JSON.stringify(weight)})` });
    return undefined;
  }
  if (typeof check.name !== 'string' || check.name.trim() === '') {
    problems.push({ line, message: `task ${task}: every check needs a name: the results page shows it` });
    return undefined;
  }
  const loaded = loadScenario(file, new Document({ name: 'exam', checks: [check] }).toString(), noFiles);
  if ('message' in loaded) {
    problems.push({ line, message: `task ${task}: checks: ${loaded.message}` });
    return undefined;
  }
  return { ...loaded.checks[0]!, line, name: check.name, weight };
}

function withNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}

/** Whether an answer is the task's starting YAML, give or take trailing whitespace. */
export function isUnchanged(task: ExamTask, answer: string): boolean {
  const norm = (s: string) => s.replace(/[ \t]+$/gm, '').trimEnd();
  return norm(answer) === norm(task.start);
}

/** Scores a task from its checks' results (in check order): each passing check earns its weight's
 * share of the task's points; an unchanged answer earns nothing. */
export function scoreExamTask(task: ExamTask, answer: string, results: CheckResult[], error?: { line: number; message: string }): ExamTaskGrade {
  const attempted = !isUnchanged(task, answer);
  const checks = task.checks.map((c, i): ExamCheckResult => {
    const r = results[i] ?? { kind: c.kind, line: c.line, passed: false, expected: c.expect, actual: null, message: 'the check did not run' };
    return { ...r, line: c.line, name: c.name, weight: c.weight };
  });
  const total = task.checks.reduce((sum, c) => sum + c.weight, 0);
  const earned = checks.reduce((sum, c) => sum + (c.passed ? c.weight : 0), 0);
  const points = attempted && total > 0 ? roundPoints((earned / total) * task.weight) : 0;
  return { taskId: task.id, possible: task.weight, points, attempted, checks, ...(error ? { error } : {}) };
}

/** The task as a lesson challenge, so anything that grades challenges (the engine worker's
 * `gradeChallenge` command included) grades exam tasks the same way. */
export function examTaskChallenge(task: ExamTask): ChallengeBlock {
  return { kind: 'challenge', line: task.line, id: task.id, title: task.title, task: task.context, start: task.start, checks: task.checks, checksYaml: '', ...(task.cluster ? { cluster: task.cluster } : {}), hints: [], solution: task.solution, explanation: task.explanation, startLine: task.startLine, solutionLine: task.solutionLine };
}

/** Grades one task by running its checks against the candidate's YAML with the engine. */
export function gradeExamTask(task: ExamTask, answer: string): ExamTaskGrade {
  const graded = gradeChallenge(examTaskChallenge(task), answer);
  return scoreExamTask(task, answer, graded.results, graded.error);
}

/** Adds task grades up to the set's score and verdict (tasks without a grade earn nothing). */
export function summariseExam(set: ExamSet, grades: ExamTaskGrade[]): ExamGrade {
  const byId = new Map(grades.map((g) => [g.taskId, g]));
  const tasks = set.tasks.map((t) => byId.get(t.id) ?? { taskId: t.id, possible: t.weight, points: 0, attempted: false, checks: [] });
  const possible = set.tasks.reduce((sum, t) => sum + t.weight, 0);
  const points = roundPoints(tasks.reduce((sum, g) => sum + g.points, 0));
  const percent = possible > 0 ? Math.round((points / possible) * 1000) / 10 : 0;
  return { setId: set.id, points, possible, percent, passPercent: set.passPercent, passed: percent >= set.passPercent, tasks };
}

/** Grades a whole set; a task without an answer is graded on its starting YAML (and earns nothing). */
export function gradeExamSet(set: ExamSet, answers: Record<string, string | undefined>): ExamGrade {
  return summariseExam(set, set.tasks.map((t) => gradeExamTask(t, answers[t.id] ?? t.start)));
}

function roundPoints(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Lints an exam set file: its format, a name `<id>.exam.yaml`, the course's minimum size, and
 * every task replayed (the reference solution passes every check, the start fails at least one). */
export function lintExamSet(file: string, text: string, minimums: { tasks: number } = EXAM_MINIMUMS): LessonError[] {
  const parsed = parseExamSet(file, text);
  if ('errors' in parsed) return parsed.errors;
  const { set } = parsed;
  const problems: LessonError[] = [];
  const at = (line: number, message: string) => problems.push({ file, line, message });
  const base = file.split('/').pop() ?? file;
  if (base !== `${set.id}.exam.yaml`) at(1, `an exam set with id "${set.id}" lives in ${set.id}.exam.yaml, not ${base}`);
  if (set.tasks.length < minimums.tasks) at(1, `an exam set needs at least ${minimums.tasks} tasks (has ${set.tasks.length})`);
  for (const task of set.tasks) {
    const solved = gradeExamTask(task, task.solution);
    if (solved.error) at(task.solutionLine + Math.max(0, solved.error.line - 1), `task ${task.id}: the reference solution cannot be applied: ${solved.error.message}`);
    else for (const r of solved.checks) if (!r.passed) at(r.line, `task ${task.id}: the reference solution fails check "${r.name}": ${r.message}`);
    const started = gradeExamTask(task, task.start);
    if (started.error) at(task.startLine + Math.max(0, started.error.line - 1), `task ${task.id}: the starting YAML cannot be applied: ${started.error.message}`);
    else if (started.checks.every((r) => r.passed)) at(task.startLine, `task ${task.id}: the starting YAML already passes every check (it must fail at least one)`);
  }
  return problems.sort((a, b) => a.line - b.line || (a.message < b.message ? -1 : 1));
}
