import { describe, expect, it } from 'vitest';
import { neighbourTask, reduceExamSession, sessionCounts, taskStatus, type ExamAction, type ExamSession } from './exam-session.ts';
import { sanitiseSession } from './exam-store.ts';

const IDS = ['a', 'b', 'c'];
const start = (): ExamSession => reduceExamSession(undefined, { type: 'start', setId: 'set', taskIds: IDS, minutes: 120, now: 1_000 })!;
const run = (actions: ExamAction[], from: ExamSession | undefined = start()) => actions.reduce<ExamSession | undefined>((s, a) => reduceExamSession(s, a), from);

describe('reduceExamSession', () => {
  it('starts on the first task with the deadline set', () => {
    expect(start()).toEqual({ setId: 'set', startedAt: 1_000, endsAt: 1_000 + 120 * 60_000, current: 'a', visited: ['a'], flagged: [], dismissedWarnings: [] });
  });

  const cases: Array<{ name: string; actions: ExamAction[]; want: Partial<ExamSession> }> = [
    { name: 'goto marks the task visited, once', actions: [{ type: 'goto', taskId: 'c' }, { type: 'goto', taskId: 'a' }, { type: 'goto', taskId: 'c' }], want: { current: 'c', visited: ['a', 'c'] } },
    { name: 'flag and unflag', actions: [{ type: 'toggleFlag', taskId: 'b' }, { type: 'toggleFlag', taskId: 'c' }, { type: 'toggleFlag', taskId: 'b' }], want: { flagged: ['c'] } },
    { name: 'dismissed warnings are remembered once', actions: [{ type: 'dismissWarning', minutes: 30 }, { type: 'dismissWarning', minutes: 30 }], want: { dismissedWarnings: [30] } },
    { name: 'ending records why and when', actions: [{ type: 'end', now: 5_000, reason: 'submitted' }], want: { ended: { at: 5_000, reason: 'submitted' } } },
    { name: 'a late timeout is recorded at the deadline', actions: [{ type: 'end', now: 10 * 60 * 60_000, reason: 'timeout' }], want: { ended: { at: 1_000 + 120 * 60_000, reason: 'timeout' } } },
    { name: 'an ended exam ignores navigation and a second end', actions: [{ type: 'end', now: 5_000, reason: 'submitted' }, { type: 'goto', taskId: 'b' }, { type: 'toggleFlag', taskId: 'b' }, { type: 'end', now: 9_000, reason: 'timeout' }], want: { current: 'a', flagged: [], ended: { at: 5_000, reason: 'submitted' } } },
  ];
  for (const c of cases) it(c.name, () => expect(run(c.actions)).toMatchObject(c.want));

  it('returns the same object when nothing changes', () => {
    const s = start();
    expect(reduceExamSession(s, { type: 'goto', taskId: 'a' })).toBe(s);
    expect(reduceExamSession(undefined, { type: 'goto', taskId: 'a' })).toBeUndefined();
  });

  it('takes the grade only once ended', () => {
    const grade = { setId: 'set', points: 1, possible: 2, percent: 50, passPercent: 66, passed: false, tasks: [] };
    expect(run([{ type: 'graded', grade }])?.grade).toBeUndefined();
    expect(run([{ type: 'end', now: 2_000, reason: 'submitted' }, { type: 'graded', grade }])?.grade).toEqual(grade);
  });

  it('a new start replaces an ended sitting (retry)', () => {
    const retried = run([{ type: 'end', now: 2_000, reason: 'submitted' }, { type: 'start', setId: 'set', taskIds: IDS, minutes: 60, now: 9_000 }]);
    expect(retried).toEqual({ setId: 'set', startedAt: 9_000, endsAt: 9_000 + 60 * 60_000, current: 'a', visited: ['a'], flagged: [], dismissedWarnings: [] });
  });
});

describe('taskStatus', () => {
  const s = run([{ type: 'goto', taskId: 'b' }, { type: 'toggleFlag', taskId: 'b' }])!;
  const cases = [
    { name: 'a visited, unanswered task', id: 'a', answered: false, want: { state: 'visited', flagged: false, current: false, icon: '◐', label: 'visited, not answered' } },
    { name: 'the current, flagged task', id: 'b', answered: false, want: { state: 'visited', flagged: true, current: true, label: 'visited, not answered, flagged for review' } },
    { name: 'answered beats visited', id: 'b', answered: true, want: { state: 'answered', icon: '●', label: 'answered, flagged for review' } },
    { name: 'a task never opened', id: 'c', answered: false, want: { state: 'not-visited', icon: '○', label: 'not visited' } },
  ];
  for (const c of cases) it(c.name, () => expect(taskStatus(s, c.id, c.answered)).toMatchObject(c.want));

  it('counts answered and flagged tasks, and finds neighbours', () => {
    expect(sessionCounts(s, IDS, (id) => id !== 'c')).toEqual({ answered: 2, flagged: 1, total: 3 });
    expect([neighbourTask(IDS, 'a', -1), neighbourTask(IDS, 'a', 1), neighbourTask(IDS, 'c', 1), neighbourTask(IDS, 'x', 1)]).toEqual([undefined, 'b', undefined, undefined]);
  });
});

describe('sanitiseSession', () => {
  const cases = [
    { name: 'a saved sitting round-trips', raw: JSON.parse(JSON.stringify(run([{ type: 'toggleFlag', taskId: 'b' }, { type: 'end', now: 2_000, reason: 'timeout' }]))), ok: true },
    { name: 'not an object', raw: 'x', ok: false },
    { name: 'missing deadline', raw: { setId: 's', startedAt: 1, current: 'a' }, ok: false },
  ];
  for (const c of cases) it(c.name, () => expect(sanitiseSession(c.raw) !== undefined).toBe(c.ok));

  it('drops damaged parts and keeps the rest', () => {
    const s = sanitiseSession({ setId: 's', startedAt: 1, endsAt: 2, current: 'a', visited: ['a', 3], flagged: 'b', ended: { at: 2, reason: 'bored' }, grade: { tasks: [], percent: 5 } });
    expect(s).toEqual({ setId: 's', startedAt: 1, endsAt: 2, current: 'a', visited: ['a'], flagged: [], dismissedWarnings: [] });
  });
});
