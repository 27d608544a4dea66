import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeExamSet } from '../../engine/lesson/exam.ts';
import { gradeChallenge } from '../../engine/lesson/grade-challenge.ts';
import { parseExamFiles } from './parse-exam-files.ts';
import { gradeExam } from './grade-exam.ts';
import { domainLabel, formatDuration, formatPercent, formatPoints, formatValue } from './format.ts';

const FILE = '/lessons/exams/ckad-networking-c.exam.yaml';
const loads = parseExamFiles({ [FILE]: readFileSync(FILE.slice(1), 'utf8'), '/lessons/exams/broken.exam.yaml': 'id: [\n' });

describe('parseExamFiles', () => {
  it('parses each file, keeping the problems of one that does not parse', () => {
    expect(loads.map((l) => ('set' in l ? l.set.id : l.errors[0]?.message))).toEqual([expect.stringMatching(/^YAML syntax error/), 'ckad-networking-c']);
    expect(loads[1]!.file).toBe('lessons/exams/ckad-networking-c.exam.yaml');
  });
});

describe('gradeExam (the app grading through a gradeChallenge command)', () => {
  const load = loads[1]!;
  if (!('set' in load)) throw new Error('set did not parse');
  const { set } = load;
  const solved = Object.fromEntries(set.tasks.slice(0, 5).map((t) => [t.id, t.solution]));
  const answers: Record<string, string> = { ...solved, [set.tasks[5]!.id]: 'kind: [\n' };

  it('gives the same grade as the engine grading the whole set, with progress', async () => {
    const progress: number[] = [];
    const grade = await gradeExam(set, (id) => answers[id], async (input) => gradeChallenge(input.challenge, input.yaml, input.cluster), (done) => progress.push(done));
    expect(grade).toEqual(gradeExamSet(set, answers));
    expect(grade.points).toBe(5 + 6 + 6 + 6 + 6);
    expect(grade.passed).toBe(false);
    expect(progress).toEqual(Array.from({ length: set.tasks.length + 1 }, (_, i) => i));
  });

  it('passes a failure of the engine on to the caller', async () => {
    await expect(gradeExam(set, () => undefined, async () => Promise.reject(new Error('worker died')))).rejects.toThrow('worker died');
  });
});

describe('format', () => {
  const cases = [
    { name: 'known domain', got: domainLabel('services-networking'), want: 'Services & Networking' },
    { name: 'unknown domain', got: domainLabel('cluster-upgrades'), want: 'Cluster upgrades' },
    { name: 'percent', got: formatPercent(72.46), want: '72.5%' },
    { name: 'points', got: formatPoints(4.666), want: '4.67' },
    { name: 'a check value', got: formatValue({ outcome: 'connected', servedBy: ['shop/api'], spread: { 'a/b': 0.8 } }), want: '{ outcome: connected, servedBy: [shop/api], spread: { a/b: 0.8 } }' },
    { name: 'nothing', got: formatValue(null), want: '—' },
    { name: 'duration', got: formatDuration(64 * 60_000), want: '1 h 04 min' },
  ];
  for (const c of cases) it(c.name, () => expect(c.got).toBe(c.want));
});
