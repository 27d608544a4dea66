import { describe, expect, it } from 'vitest';
import { INITIAL_PLAYBACK, play, stepBy, stepIntervalMs, tick, type Playback } from './playback.ts';

const at = (cursor: number, playing = false): Playback => ({ ...INITIAL_PLAYBACK, cursor, playing });

describe('playback', () => {
  const cases: Array<{ name: string; got: Playback; want: Partial<Playback> }> = [
    { name: 'step forward from the start lands on the first hop', got: stepBy(at(-1), 5, 1), want: { cursor: 0, playing: false } },
    { name: 'step forward stops at the last hop', got: stepBy(at(4), 5, 1), want: { cursor: 4 } },
    { name: 'step back stops at the first hop', got: stepBy(at(0), 5, -1), want: { cursor: 0 } },
    { name: 'stepping pauses', got: stepBy(at(2, true), 5, 1), want: { cursor: 3, playing: false } },
    { name: 'stepping with no hops resets', got: stepBy(at(3), 0, 1), want: { cursor: -1 } },
    { name: 'a tick advances while playing', got: tick(at(1, true), 5), want: { cursor: 2, playing: true } },
    { name: 'the last tick stops playing', got: tick(at(3, true), 5), want: { cursor: 4, playing: false } },
    { name: 'a tick while paused does nothing', got: tick(at(1), 5), want: { cursor: 1, playing: false } },
    { name: 'play at the end starts over', got: play(at(4), 5), want: { cursor: -1, playing: true } },
    { name: 'play mid-way continues', got: play(at(2), 5), want: { cursor: 2, playing: true } },
    { name: 'play with no hops does nothing', got: play(at(-1), 0), want: { cursor: -1, playing: false } },
  ];
  it.each(cases)('$name', ({ got, want }) => expect(got).toMatchObject(want));

  it.each([
    { name: 'normal speed', speed: 1, want: 900 },
    { name: 'double speed', speed: 2, want: 450 },
    { name: 'nonsense speed falls back to normal', speed: 0, want: 900 },
  ])('interval at $name', ({ speed, want }) => expect(stepIntervalMs(speed)).toBe(want));
});
