// The exam clock as pure functions of the deadline and the time now: what the countdown reads and
// which warning is due (30, 15 and 5 minutes before the end).

/** Minutes left at which the candidate is warned, largest first. */
export const WARNING_MINUTES = [30, 15, 5] as const;

/** Milliseconds left until `endsAt` (never negative). */
export function remainingMs(endsAt: number, now: number): number {
  return Math.max(0, endsAt - now);
}

/** The countdown as `h:mm:ss`, or `mm:ss` under an hour; partial seconds count as a whole one,
 * so the clock reads 0:00 only when time is up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** The clock in words for screen readers: "1 hour 59 minutes left". */
export function describeRemaining(ms: number): string {
  const minutes = Math.ceil(Math.max(0, ms) / 60_000);
  if (minutes === 0) return 'time is up';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const parts = [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m ? `${m} minute${m === 1 ? '' : 's'}` : ''].filter(Boolean);
  return `${parts.join(' ')} left`;
}

/** The warning due now: the smallest threshold already reached and not dismissed. Thresholds at
 * or above the exam's whole length never fire (a 20-minute set starts without a 30-minute warning). */
export function dueWarning(ms: number, examMinutes: number, dismissed: readonly number[]): number | undefined {
  if (ms <= 0) return undefined;
  const reached = WARNING_MINUTES.filter((t) => t < examMinutes && ms <= t * 60_000);
  const latest = reached[reached.length - 1];
  return latest !== undefined && !dismissed.includes(latest) ? latest : undefined;
}

/** How urgent the clock looks: calm, then warning under 15 minutes, then critical under 5. */
export function clockUrgency(ms: number): 'calm' | 'warning' | 'critical' {
  return ms <= 5 * 60_000 ? 'critical' : ms <= 15 * 60_000 ? 'warning' : 'calm';
}
