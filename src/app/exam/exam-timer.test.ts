import { describe, expect, it } from 'vitest';
import { clockUrgency, describeRemaining, dueWarning, formatClock, remainingMs } from './exam-timer.ts';

const MIN = 60_000;

describe('formatClock', () => {
  const cases = [
    { name: 'two hours', ms: 120 * MIN, want: '2:00:00' },
    { name: 'just under two hours', ms: 120 * MIN - 1000, want: '1:59:59' },
    { name: 'a partial second counts as a whole one', ms: 59 * MIN + 500, want: '59:01' },
    { name: 'under an hour drops the hours', ms: 5 * MIN, want: '05:00' },
    { name: 'time is up', ms: 0, want: '00:00' },
    { name: 'never negative', ms: -5000, want: '00:00' },
  ];
  for (const c of cases) it(c.name, () => expect(formatClock(c.ms)).toBe(c.want));
});

describe('describeRemaining', () => {
  const cases = [
    { name: 'hours and minutes', ms: 119 * MIN + 1, want: '2 hours left' },
    { name: 'one hour one minute', ms: 61 * MIN, want: '1 hour 1 minute left' },
    { name: 'seconds round up to a minute', ms: 1000, want: '1 minute left' },
    { name: 'zero', ms: 0, want: 'time is up' },
  ];
  for (const c of cases) it(c.name, () => expect(describeRemaining(c.ms)).toBe(c.want));
});

describe('dueWarning', () => {
  const cases = [
    { name: 'nothing with plenty of time', ms: 45 * MIN, minutes: 120, dismissed: [], want: undefined },
    { name: '30 minutes left', ms: 30 * MIN, minutes: 120, dismissed: [], want: 30 },
    { name: 'between 30 and 15 the 30-minute warning stays', ms: 20 * MIN, minutes: 120, dismissed: [], want: 30 },
    { name: 'a dismissed warning stays closed', ms: 20 * MIN, minutes: 120, dismissed: [30], want: undefined },
    { name: '15 minutes replaces 30 even if 30 was dismissed', ms: 14 * MIN, minutes: 120, dismissed: [30], want: 15 },
    { name: '5 minutes', ms: 4 * MIN, minutes: 120, dismissed: [30, 15], want: 5 },
    { name: 'the last warning dismissed', ms: 4 * MIN, minutes: 120, dismissed: [5], want: undefined },
    { name: 'a 20-minute set never warns at 30', ms: 20 * MIN, minutes: 20, dismissed: [], want: undefined },
    { name: 'a 20-minute set warns at 15', ms: 15 * MIN, minutes: 20, dismissed: [], want: 15 },
    { name: 'no warning once time is up', ms: 0, minutes: 120, dismissed: [], want: undefined },
  ];
  for (const c of cases) it(c.name, () => expect(dueWarning(c.ms, c.minutes, c.dismissed)).toBe(c.want));
});

describe('remainingMs and clockUrgency', () => {
  it('counts down to zero and turns urgent', () => {
    expect(remainingMs(10_000, 4_000)).toBe(6_000);
    expect(remainingMs(10_000, 20_000)).toBe(0);
    expect([clockUrgency(40 * MIN), clockUrgency(15 * MIN), clockUrgency(5 * MIN)]).toEqual(['calm', 'warning', 'critical']);
  });
});
