// Pane sizes as fractions, clamped so no pane collapses below a usable size.

/** Clamps a first-pane fraction so each pane keeps at least `minPx` of `totalPx`. */
export function clampFraction(fraction: number, totalPx: number, minPx: number): number {
  if (!Number.isFinite(fraction)) return 0.5;
  if (totalPx <= 0) return Math.min(1, Math.max(0, fraction));
  const min = Math.min(0.5, minPx / totalPx);
  return Math.min(1 - min, Math.max(min, fraction));
}

/** The fraction after a keyboard step on the separator (arrow keys move by 2%, Page keys by 10%). */
export function keyStep(fraction: number, key: string): number | undefined {
  const steps: Record<string, number> = { ArrowLeft: -0.02, ArrowUp: -0.02, ArrowRight: 0.02, ArrowDown: 0.02, PageUp: -0.1, PageDown: 0.1 };
  if (key === 'Home') return 0;
  if (key === 'End') return 1;
  const step = steps[key];
  return step === undefined ? undefined : fraction + step;
}
