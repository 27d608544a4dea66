// Server-side strict field validation (kubectl's default since 1.27): fields the schema does not
// know are rejected while decoding, before validation. The field tree is generated from
// kubernetes-types by src/cli/gen-known-fields.ts.
import type { ManifestObject } from '../types.ts';
import tree from './known-fields.generated.json' with { type: 'json' };

/** 0 a scalar or free-form value, 1 a map with any keys, "Def" an object, ["Def"] or [0] a list. */
type FieldRef = 0 | 1 | string | [string | 0];
type Definitions = Record<string, Record<string, FieldRef>>;

const kinds = tree.kinds as Record<string, string>;
const defs = tree.defs as unknown as Definitions;

/** Group/version pairs whose kinds the tree describes (Gateway API CRDs are not in kubernetes-types). */
const BUILT_IN_GROUPS = new Set(['v1', 'apps/v1', 'batch/v1', 'discovery.k8s.io/v1', 'networking.k8s.io/v1']);

function walk(value: unknown, def: string, path: string, out: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  const fields = defs[def];
  if (!fields) return;
  // kubectl sends the object as JSON from a Go map, so keys arrive sorted.
  for (const key of Object.keys(value).sort()) {
    const fieldPath = path ? `${path}.${key}` : key;
    const ref = fields[key];
    if (ref === undefined) {
      out.push(fieldPath);
      continue;
    }
    const child = (value as Record<string, unknown>)[key];
    if (typeof ref === 'string') {
      walk(child, ref, fieldPath, out);
    } else if (Array.isArray(ref) && typeof ref[0] === 'string' && Array.isArray(child)) {
      const itemDef = ref[0];
      child.forEach((item, i) => walk(item, itemDef, `${fieldPath}[${i}]`, out));
    }
  }
}

/** Fields the object has that the schema doesn't know (`spec.foo`, `spec.ports[0].prot`), in the order the server reports them. */
export function findUnknownFields(obj: ManifestObject): string[] {
  if (!BUILT_IN_GROUPS.has(obj.apiVersion)) return [];
  const def = kinds[obj.kind];
  if (!def) return [];
  const out: string[] = [];
  walk(obj, def, '', out);
  return out;
}

/** `Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.foo"`. */
export function formatStrictDecodingError(obj: ManifestObject, unknownFields: string[]): string {
  const version = obj.apiVersion.slice(obj.apiVersion.indexOf('/') + 1);
  const fields = unknownFields.map((f) => `unknown field ${JSON.stringify(f)}`).join(', ');
  return `${obj.kind} in version ${JSON.stringify(version)} cannot be handled as a ${obj.kind}: strict decoding error: ${fields}`;
}
