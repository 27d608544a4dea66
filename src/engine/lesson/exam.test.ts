import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeExamSet, gradeExamTask, lintExamSet, parseExamSet, scoreExamTask, summariseExam, type ExamSet, type ExamTask } from './exam.ts';
import { manifests } from './fixtures.test-helpers.ts';
import { lintCourse } from './lint.ts';

const indent = (text: string, n: number) => text.split('\n').map((l) => (l ? `${' '.repeat(n)}${l}` : l)).join('\n');

/** A task whose start has the wrong selector; its checks weigh 3 (endpoints) and 1 (probe). */
function task(id: string, start = manifests('webb'), solution = manifests('web'), extra = ''): string {
  return `  - id: ${id}
    title: Fix the selector
    weight: 10
    domain: services-networking
    context: |
      In namespace \`default\`, fix the Service \`web\`.
    start: |
${indent(start, 6)}
    solution: |
${indent(solution, 6)}
    checks:
      - name: web has the pod as its endpoint
        weight: 3
        endpoints: svc/default/web
        expect: { ready: [10.244.0.2:80] }
      - name: client reaches web
        probe: { from: pod/default/client, to: 'http://web/' }
        expect: { outcome: connected, status: 200 }
${extra}    explanation: |
      The selector must match the pod's labels.
`;
}

const SET = (tasks: string, head = '') => `id: demo-exam
title: Demo exam
minutes: 30
passPercent: 66
${head}tasks:
${tasks}`;

const FILE = 'lessons/exams/demo-exam.exam.yaml';
const TWO_TASKS = SET(`${task('one')}${task('two')}`);

function load(text = TWO_TASKS): ExamSet {
  const r = parseExamSet(FILE, text);
  if ('errors' in r) throw new Error(JSON.stringify(r.errors));
  return r.set;
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('parseExamSet', () => {
  it('reads the set, its tasks and the checks with their weights and lines', () => {
    const set = load();
    expect(set).toMatchObject({ id: 'demo-exam', title: 'Demo exam', minutes: 30, passPercent: 66, description: '' });
    expect(set.tasks.map((t) => t.id)).toEqual(['one', 'two']);
    const one = set.tasks[0]!;
    expect(one).toMatchObject({ title: 'Fix the selector', weight: 10, domain: 'services-networking', line: lineOf(TWO_TASKS, '- id: one') });
    expect(one.context).toBe('In namespace `default`, fix the Service `web`.\n');
    expect(one.start).toBe(`${manifests('webb')}\n`.replace(/\n\n$/, '\n'));
    expect(one.checks.map((c) => [c.kind, c.name, c.weight])).toEqual([['endpoints', 'web has the pod as its endpoint', 3], ['probe', 'client reaches web', 1]]);
    expect(one.checks[0]!.line).toBe(lineOf(TWO_TASKS, '- name: web has the pod'));
    expect(one.startLine).toBe(lineOf(TWO_TASKS, '    start: |') + 1);
    expect(JSON.parse(JSON.stringify(set))).toEqual(set);
  });

  it('reads a task\'s cluster block', () => {
    const text = SET(task('one').replace('    checks:\n', '    cluster:\n      networkPolicy: false\n    checks:\n'));
    expect(load(text).tasks[0]!.cluster).toEqual({ networkPolicy: false });
  });

  const WITH_ADDON = SET(task('one').replace('    checks:\n', '    cluster:\n      addons: [traefik]\n    checks:\n'));
  const bad = [
    { name: 'YAML syntax error', text: 'id: [\n', line: 2, message: /^YAML syntax error/ },
    { name: 'not a mapping', text: '- a\n', line: 1, message: /an exam set is a mapping/ },
    { name: 'unknown top-level key', text: SET(task('one'), 'colour: red\n'), line: 5, message: /unknown key "colour"/ },
    { name: 'minutes not a whole number', text: TWO_TASKS.replace('minutes: 30', 'minutes: 1.5'), line: 3, message: /minutes is required \(a whole number/ },
    { name: 'passPercent out of range', text: TWO_TASKS.replace('passPercent: 66', 'passPercent: 120'), line: 4, message: /passPercent is required/ },
    { name: 'no tasks', text: SET('  []\n'), line: 6, message: /tasks is required/ },
    { name: 'task without a title', text: SET(task('one').replace('    title: Fix the selector\n', '')), line: 6, message: /task one: title is required/ },
    { name: 'task id not kebab-case', text: SET(task('One')), line: 6, message: /task id "One" must be lower-case/ },
    { name: 'duplicate task ids', text: SET(`${task('one')}${task('one')}`), line: lineOf(TWO_TASKS, '- id: two'), message: /task id "one" is used twice/ },
    { name: 'zero weight', text: SET(task('one').replace('weight: 10', 'weight: 0')), line: 8, message: /task one: weight is required/ },
    { name: 'unknown task key', text: SET(task('one').replace('    domain:', '    hints: []\n    domain:')), line: 9, message: /task one: unknown key "hints"/ },
    { name: 'check without a name', text: SET(task('one').replace('      - name: client reaches web\n        probe:', '      - probe:')), line: lineOf(TWO_TASKS, '- name: client reaches web'), message: /every check needs a name/ },
    { name: 'check with a bad weight', text: SET(task('one').replace('weight: 3', 'weight: -1')), line: lineOf(TWO_TASKS, '- name: web has the pod'), message: /weight must be a number above 0/ },
    { name: 'check with an unknown expectation', text: SET(task('one').replace('{ outcome: connected, status: 200 }', '{ outcome: connected, colour: red }')), line: lineOf(TWO_TASKS, '- name: client reaches web'), message: /unknown key "expect.colour"/ },
    { name: 'unknown addon', text: WITH_ADDON, line: lineOf(WITH_ADDON, 'addons: [traefik]'), message: /cluster: unknown addon "traefik"/ },
  ];
  for (const c of bad) {
    it(`reports ${c.name} with its line`, () => {
      const r = parseExamSet(FILE, c.text);
      expect('errors' in r).toBe(true);
      if (!('errors' in r)) return;
      const match = r.errors.find((e) => c.message.test(e.message));
      expect(match, JSON.stringify(r.errors)).toBeDefined();
      expect(match!.line).toBe(c.line);
      expect(match!.file).toBe(FILE);
    });
  }
});

describe('grading', () => {
  const set = load();
  const one = set.tasks[0]!;
  const cases = [
    { name: 'the reference solution earns every point', yaml: one.solution, points: 10, checks: [true, true], attempted: true },
    { name: 'the unchanged start earns nothing', yaml: one.start, points: 0, checks: [false, false], attempted: false },
    { name: 'trailing spaces do not count as a change', yaml: one.start.replace('kind: Service', 'kind: Service   '), points: 0, checks: [false, false], attempted: false },
    // The Service selects the pod, but the client is gone: the endpoints check (weight 3 of 4) passes.
    { name: 'partial credit: passing checks earn their weight\'s share', yaml: manifests('web').split('---').filter((d) => !d.includes('client')).join('---'), points: 7.5, checks: [true, false], attempted: true },
    { name: 'a YAML syntax error fails every check', yaml: 'kind: [\n', points: 0, checks: [false, false], attempted: true, error: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const g = gradeExamTask(one, c.yaml);
      expect(g.points).toBe(c.points);
      expect(g.possible).toBe(10);
      expect(g.attempted).toBe(c.attempted);
      expect(g.checks.map((r) => r.passed)).toEqual(c.checks);
      expect(g.checks.map((r) => [r.name, r.weight, r.line])).toEqual(one.checks.map((k) => [k.name, k.weight, k.line]));
      expect(g.error !== undefined).toBe(c.error === true);
      expect(JSON.parse(JSON.stringify(g))).toEqual(g);
    });
  }

  it('a check that shows what it expected and what happened', () => {
    const g = gradeExamTask(one, manifests('nope'));
    expect(g.checks[0]).toMatchObject({ passed: false, expected: { ready: ['10.244.0.2:80'] }, actual: { ready: [], notReady: [] } });
    expect(g.checks[1]!.message).toMatch(/outcome: expected connected, got refused/);
  });

  it('scoreExamTask rounds points to hundredths and fills results that are missing', () => {
    const t: ExamTask = { ...one, weight: 7, checks: [{ ...one.checks[0]!, weight: 1 }, { ...one.checks[1]!, weight: 2 }] };
    const g = scoreExamTask(t, t.solution, [{ kind: 'endpoints', line: 1, passed: true, expected: {}, actual: {}, message: 'ok' }]);
    expect(g.points).toBe(2.33);
    expect(g.checks[1]).toMatchObject({ passed: false, message: 'the check did not run' });
  });

  const sums = [
    { name: 'everything right passes', answers: { one: one.solution, two: one.solution }, points: 20, percent: 100, passed: true },
    { name: 'half the points fails at 66%', answers: { one: one.solution }, points: 10, percent: 50, passed: false },
    { name: 'partial credit adds up', answers: { one: one.solution, two: manifests('web').split('---').filter((d) => !d.includes('client')).join('---') }, points: 17.5, percent: 87.5, passed: true },
  ];
  for (const c of sums) {
    it(`gradeExamSet: ${c.name}`, () => {
      const g = gradeExamSet(set, c.answers);
      expect(g).toMatchObject({ setId: 'demo-exam', possible: 20, points: c.points, percent: c.percent, passed: c.passed, passPercent: 66 });
      expect(g.tasks.map((t) => t.taskId)).toEqual(['one', 'two']);
    });
  }

  it('summariseExam counts a task without a grade as zero, and passes exactly at the bar', () => {
    const g = summariseExam({ ...set, passPercent: 50 }, [gradeExamTask(one, one.solution)]);
    expect(g).toMatchObject({ points: 10, possible: 20, percent: 50, passed: true });
    expect(g.tasks[1]).toMatchObject({ taskId: 'two', points: 0, attempted: false, checks: [] });
  });
});

describe('lintExamSet', () => {
  const few = { tasks: 1 };
  const NOT_YAML = SET(task('one', manifests('webb'), `${manifests('web')}---\na: b: c\n`));
  it('passes a set whose solutions pass and whose starts fail', () => {
    expect(lintExamSet(FILE, TWO_TASKS, few)).toEqual([]);
  });

  const cases = [
    { name: 'the file name must be the id', file: 'lessons/exams/other.exam.yaml', text: TWO_TASKS, message: /lives in demo-exam.exam.yaml, not other.exam.yaml/, line: 1 },
    { name: 'the course bar: at least 15 tasks', file: FILE, text: TWO_TASKS, minimums: { tasks: 15 }, message: /needs at least 15 tasks \(has 2\)/, line: 1 },
    { name: 'a solution that fails a check, at the check\'s line', file: FILE, text: SET(task('one', manifests('webb'), manifests('nope'))), message: /task one: the reference solution fails check "web has the pod as its endpoint"/, line: lineOf(TWO_TASKS, '- name: web has the pod') },
    { name: 'a start that already passes', file: FILE, text: SET(task('one', manifests('web'))), message: /task one: the starting YAML already passes every check/, line: lineOf(TWO_TASKS, '    start: |') + 1 },
    { name: 'a solution that is not YAML, at its line', file: FILE, text: NOT_YAML, message: /task one: the reference solution cannot be applied/, line: lineOf(NOT_YAML, 'a: b: c') },
    { name: 'a format error stops there', file: FILE, text: TWO_TASKS.replace('title: Demo exam', 'title: ""'), message: /^title is required/, line: 2 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const problems = lintExamSet(c.file, c.text, c.minimums ?? few);
      const match = problems.find((p) => c.message.test(p.message));
      expect(match, JSON.stringify(problems)).toBeDefined();
      expect(match!.line).toBe(c.line);
    });
  }

  it('lintCourse lints exams/<id>.exam.yaml and reports exam files elsewhere', () => {
    const files = { 'lessons/index.yaml': 'lessons: []\n', 'lessons/exams/demo-exam.exam.yaml': SET(task('one', manifests('web'))), 'lessons/misc/x.exam.yaml': TWO_TASKS };
    const problems = lintCourse('lessons', Object.keys(files), (p) => files[p as keyof typeof files]);
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^lessons\/exams\/demo-exam.exam.yaml: task one: the starting YAML already passes/),
        expect.stringMatching(/^lessons\/misc\/x.exam.yaml: an exam set is lessons\/exams\/<id>.exam.yaml/),
      ]),
    );
  });
});

describe('the course\'s exam sets', () => {
  const dir = 'lessons/exams';
  const files = readdirSync(dir).filter((f) => f.endsWith('.exam.yaml')).sort();
  const sets = files.map((f) => load(readFileSync(`${dir}/${f}`, 'utf8')));

  it('has at least three sets of at least 15 tasks, each worth 100 points', () => {
    expect(sets.length).toBeGreaterThanOrEqual(3);
    for (const set of sets) {
      expect(set.tasks.length, set.id).toBeGreaterThanOrEqual(15);
      expect(set.tasks.reduce((s, t) => s + t.weight, 0), set.id).toBe(100);
    }
  });

  it('covers the exam topics across the sets', () => {
    const yaml = sets.flatMap((s) => s.tasks.map((t) => t.solution)).join('\n');
    const checks = sets.flatMap((s) => s.tasks.flatMap((t) => t.checks));
    for (const needle of ['kind: NetworkPolicy', 'kind: Ingress', 'kind: HTTPRoute', 'type: NodePort', 'type: LoadBalancer', 'externalTrafficPolicy: Local', 'type: ExternalName', 'clusterIP: None', 'sessionAffinity: ClientIP', 'internalTrafficPolicy: Local', 'publishNotReadyAddresses: true', 'kind: EndpointSlice', 'weight: 20']) {
      expect(yaml, needle).toContain(needle);
    }
    expect(checks.some((c) => c.kind === 'probe' && (c.expect as Record<string, unknown>).spread !== undefined)).toBe(true);
    expect(checks.some((c) => c.kind === 'lookup')).toBe(true);
  });
});
