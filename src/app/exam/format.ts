// Words and numbers on the exam screens, as pure functions.

const DOMAINS: Record<string, string> = {
  'services-networking': 'Services & Networking',
  troubleshooting: 'Troubleshooting',
  'application-deployment': 'Application Deployment',
  'application-environment-configuration-security': 'Application Environment, Configuration & Security',
  'application-observability-maintenance': 'Application Observability & Maintenance',
  'cluster-architecture': 'Cluster Architecture',
  storage: 'Storage',
};

/** A curriculum domain id in words (`services-networking` → "Services & Networking"). */
export function domainLabel(domain: string): string {
  return DOMAINS[domain] ?? domain.split('-').map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

/** A percentage with at most one decimal: 72.5%, 66%. */
export function formatPercent(percent: number): string {
  return `${Math.round(percent * 10) / 10}%`;
}

/** Points with at most two decimals: 4.67, 5. */
export function formatPoints(points: number): string {
  return String(Math.round(points * 100) / 100);
}

/** An expected or actual value of a check, compact: strings as they are, objects as flow YAML. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value.trimEnd();
  if (typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, v]) => `${k}: ${formatValue(v)}`).join(', ')} }`;
}

/** Time spent in a sitting as "1 h 04 min" or "37 min". */
export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}
