// Time in the simulated cluster. Nothing in the model has a real creation time, so the terminal
// keeps a logical clock: the cluster came up at CLUSTER_EPOCH, objects written in the editor were
// created then, and objects the terminal creates are stamped with the clock when they appear.

/** When the simulated cluster came up (a fixed instant, so output is deterministic). */
export const CLUSTER_EPOCH_MS = Date.UTC(2025, 5, 2, 9, 0, 0);

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** k8s.io/apimachinery duration.HumanDuration: the AGE column. */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(seconds);
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) return s % 60 === 0 ? `${minutes}m` : `${minutes}m${s % 60}s`;
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) return minutes % 60 === 0 ? `${hours}h` : `${hours}h${minutes % 60}m`;
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) return hours % 24 === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${hours % 24}h`;
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  const days = Math.floor(hours / 24);
  if (hours < 24 * 365 * 8) return days % 365 === 0 ? `${Math.floor(days / 365)}y` : `${Math.floor(days / 365)}y${days % 365}d`;
  return `${Math.floor(days / 365)}y`;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function at(clockSeconds: number): Date {
  return new Date(CLUSTER_EPOCH_MS + Math.round(clockSeconds * 1000));
}

/** RFC 3339 as the API server writes timestamps (`2025-06-02T09:00:00Z`). */
export function rfc3339(clockSeconds: number): string {
  return at(clockSeconds).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Go's time.RFC1123Z, as `kubectl describe` prints Start Time. */
export function rfc1123z(clockSeconds: number): string {
  const d = at(clockSeconds);
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** An HTTP Date header (`Mon, 02 Jun 2025 09:05:00 GMT`). */
export function httpDate(clockSeconds: number): string {
  return rfc1123z(clockSeconds).replace('+0000', 'GMT');
}

/** nginx's $time_local (`02/Jun/2025:09:05:00 +0000`). */
export function nginxTime(clockSeconds: number): string {
  const d = at(clockSeconds);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** The date(1) format dig prints after WHEN (`Mon Jun 02 09:05:00 UTC 2025`). */
export function unixDate(clockSeconds: number): string {
  const d = at(clockSeconds);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Go's metav1.Time String() (`2025-06-02 09:00:00 +0000 UTC`), as `Created on:` prints it. */
export function goTime(clockSeconds: number): string {
  const d = at(clockSeconds);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000 UTC`;
}
