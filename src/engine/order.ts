// Deterministic ordering for engine outputs. Plain code-unit comparison, not localeCompare: it is
// many times faster and gives the same order on every machine and locale.

/** Compares two strings by UTF-16 code units. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders namespaced objects by namespace, then name. */
export function compareByNamespaceName(a: { namespace: string; name: string }, b: { namespace: string; name: string }): number {
  return compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name);
}
