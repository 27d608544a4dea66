import { describe, expect, it } from 'vitest';
import { goTime, httpDate, humanDuration, nginxTime, rfc1123z, rfc3339, unixDate } from './time.ts';

// k8s.io/apimachinery/pkg/util/duration HumanDuration, case by case.
describe('humanDuration', () => {
  const cases: Array<[number, string]> = [
    [-5, '<invalid>'],
    [-1, '0s'],
    [0, '0s'],
    [119, '119s'],
    [120, '2m'],
    [302, '5m2s'],
    [600, '10m'],
    [179 * 60, '179m'],
    [3 * 3600, '3h'],
    [3 * 3600 + 25 * 60, '3h25m'],
    [8 * 3600, '8h'],
    [47 * 3600, '47h'],
    [2 * 86400, '2d'],
    [2 * 86400 + 5 * 3600, '2d5h'],
    [30 * 86400, '30d'],
    [365 * 2 * 86400, '2y'],
    [(365 * 2 + 3) * 86400, '2y3d'],
    [365 * 9 * 86400, '9y'],
  ];
  for (const [seconds, want] of cases) {
    it(`${seconds}s is ${want}`, () => expect(humanDuration(seconds)).toBe(want));
  }
});

describe('timestamps', () => {
  const cases = [
    { name: 'RFC 3339', fn: rfc3339, want: '2025-06-02T09:05:00Z' },
    { name: 'RFC 1123Z', fn: rfc1123z, want: 'Mon, 02 Jun 2025 09:05:00 +0000' },
    { name: 'HTTP date', fn: httpDate, want: 'Mon, 02 Jun 2025 09:05:00 GMT' },
    { name: 'nginx time_local', fn: nginxTime, want: '02/Jun/2025:09:05:00 +0000' },
    { name: 'date(1)', fn: unixDate, want: 'Mon Jun 02 09:05:00 UTC 2025' },
    { name: 'Go time.String', fn: goTime, want: '2025-06-02 09:05:00 +0000 UTC' },
  ];
  for (const c of cases) it(c.name, () => expect(c.fn(300)).toBe(c.want));
});
