// Typed reads from manifest JSON. Manifests are user input: a field may hold the wrong type, so
// each read returns undefined (as if absent) rather than trusting the shape.

export type JsonObject = Record<string, unknown>;

/** The value when it is a plain object. */
export function asObject(v: unknown): JsonObject | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as JsonObject) : undefined;
}

/** The value when it is a list (an empty list when absent or of another type). */
export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** The value when it is a string. */
export function asString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The value when it is a number. */
export function asNumber(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** A string-to-string map (labels, selector), dropping entries that are not strings. */
export function asStringMap(v: unknown): Record<string, string> | undefined {
  const o = asObject(v);
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(o)) {
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

/** A copy with keys sorted, as Go's encoding/json prints a map. */
export function goMap<T>(map: Record<string, T> | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  for (const key of Object.keys(map ?? {}).sort()) out[key] = map![key]!;
  return out;
}

/** A field path joined as field.Path prints it. */
export function child(path: string, name: string): string {
  return path ? `${path}.${name}` : name;
}

/** An indexed path element: `spec.ports[0]`. */
export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** A keyed path element: `data[key]`. */
export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}
