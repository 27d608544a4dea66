import { describe, expect, it } from 'vitest';
import type { Outcome, Trace } from '../../engine/trace/types.ts';
import { describeVerdict, diffVerdicts, type RequestResult } from './verdict-diff.ts';

const t = (outcome: Outcome, servedBy?: string, status?: number): Trace => ({
  from: 'pod/default/client',
  to: 'http://web.default',
  outcome,
  hops: [],
  summary: '',
  ...(servedBy ? { servedBy } : {}),
  ...(status ? { status } : {}),
});

describe('describeVerdict', () => {
  it.each<{ name: string; result: RequestResult; want: string }>([
    { name: 'one request', result: [t('connected', 'default/a', 200)], want: 'connected (HTTP 200)' },
    { name: 'several alike', result: [t('refused'), t('refused')], want: 'all 2 refused' },
    { name: 'a mix, in a fixed order', result: [t('timeout'), t('connected', 'default/a'), t('connected', 'default/b')], want: '2 connected, 1 timeout' },
    { name: 'an error', result: { error: 'unknown pod default/client' }, want: 'not sent (unknown pod default/client)' },
  ])('$name', ({ result, want }) => expect(describeVerdict(result)).toBe(want));
});

describe('diffVerdicts', () => {
  const cases: Array<{ name: string; before: RequestResult; after: RequestResult; flipped: boolean; changed: boolean; text: string }> = [
    { name: 'connected to refused', before: [t('connected', 'default/a', 200)], after: [t('refused')], flipped: true, changed: true, text: 'was connected (HTTP 200) → now refused' },
    { name: 'nothing changed', before: [t('connected', 'default/a', 200)], after: [t('connected', 'default/a', 200)], flipped: false, changed: false, text: 'still connected (HTTP 200)' },
    {
      name: 'same outcome, another pod answered',
      before: [t('connected', 'default/a')],
      after: [t('connected', 'default/b')],
      flipped: false,
      changed: true,
      text: 'still connected; answered by default/a → default/b',
    },
    {
      name: 'the spread of many requests moved',
      before: [t('connected', 'default/a'), t('connected', 'default/b')],
      after: [t('connected', 'default/b'), t('connected', 'default/b')],
      flipped: false,
      changed: true,
      text: 'still all 2 connected; answered by default/a ×1, default/b ×1 → default/b ×2',
    },
    { name: 'some requests now fail', before: [t('connected'), t('connected')], after: [t('connected'), t('timeout')], flipped: true, changed: true, text: 'was all 2 connected → now 1 connected, 1 timeout' },
    { name: 'the source vanished', before: [t('connected')], after: { error: 'no pod default/client' }, flipped: true, changed: true, text: 'was connected → now not sent (no pod default/client)' },
    { name: 'the source came back', before: { error: 'no pod' }, after: [t('connected')], flipped: true, changed: true, text: 'was not sent (no pod) → now connected' },
  ];
  it.each(cases)('$name', ({ before, after, flipped, changed, text }) => expect(diffVerdicts(before, after)).toMatchObject({ flipped, changed, text }));
});
