// Reading untyped manifest JSON safely: every engine module reads objects the user wrote, where
// any field may be missing or of the wrong shape.

/** The value as an object, or an empty one when it is not a plain object. */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** The value as a list, or an empty one when it is not an array. */
export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The value as a map of strings (labels, selectors, annotations), values stringified. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record(value))) out[k] = String(v);
  return out;
}
