import { describe, expect, it } from 'vitest';
import { clampFraction, keyStep } from './split-size.ts';

describe('clampFraction', () => {
  it.each([
    { name: 'inside the limits', f: 0.4, total: 1000, min: 100, want: 0.4 },
    { name: 'too small', f: 0.05, total: 1000, min: 100, want: 0.1 },
    { name: 'too large', f: 0.97, total: 1000, min: 100, want: 0.9 },
    { name: 'a container smaller than two minimums splits evenly', f: 0.1, total: 150, min: 100, want: 0.5 },
    { name: 'not a number', f: Number.NaN, total: 1000, min: 100, want: 0.5 },
  ])('$name', ({ f, total, min, want }) => expect(clampFraction(f, total, min)).toBeCloseTo(want));
});

describe('keyStep', () => {
  it.each([
    { name: 'arrow right grows the first pane', key: 'ArrowRight', want: 0.52 },
    { name: 'arrow up shrinks it', key: 'ArrowUp', want: 0.48 },
    { name: 'page down', key: 'PageDown', want: 0.6 },
    { name: 'home', key: 'Home', want: 0 },
    { name: 'end', key: 'End', want: 1 },
  ])('$name', ({ key, want }) => expect(keyStep(0.5, key)).toBeCloseTo(want));
  it('ignores other keys', () => expect(keyStep(0.5, 'a')).toBeUndefined());
});
