// Server-side strict field validation (kubectl's default since 1.27): fields the schema does not
// know are rejected while decoding, before validation (after type errors, see type-errors.ts).
import type { ManifestObject } from '../types.ts';
import { decodeErrorPrefix, fieldsOf, rootDefinition, type FieldRef } from './decoding-tree.ts';

function walk(value: unknown, def: string, path: string, out: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const fields = fieldsOf(def);
  if (!fields) return;
  // kubectl sends the object as JSON from a Go map, so keys arrive sorted.
  for (const key of Object.keys(value).sort()) {
    const fieldPath = path ? `${path}.${key}` : key;
    const ref = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (ref === undefined) out.push(fieldPath);
    else walkValue((value as Record<string, unknown>)[key], ref, fieldPath, out);
  }
}

// Maps are not walked: none of the tree's maps holds structs, so their keys are all free.
function walkValue(value: unknown, ref: FieldRef, path: string, out: string[]): void {
  if (typeof ref === 'string') walk(value, ref, path, out);
  else if (Array.isArray(ref) && Array.isArray(value)) value.forEach((item, i) => walkValue(item, ref[0], `${path}[${i}]`, out));
}

/** Fields the object has that the schema doesn't know (`spec.foo`, `spec.ports[0].prot`), in the order the server reports them. */
export function findUnknownFields(obj: ManifestObject): string[] {
  const def = rootDefinition(obj);
  if (!def) return [];
  const out: string[] = [];
  walk(obj, def, '', out);
  return out;
}

/** `Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.foo"`. */
export function formatStrictDecodingError(obj: ManifestObject, unknownFields: string[]): string {
  const fields = unknownFields.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ');
  return `${decodeErrorPrefix(obj)}: strict decoding error: ${fields}`;
}
