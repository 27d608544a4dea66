// The decoding tree of the built-in kinds: for each field, what the API server's JSON decoder
// expects there (a Go struct, slice, map or scalar type). Generated from kubernetes-types and the
// Go field types of k8s.io/api by src/cli/gen-known-fields.ts; read by strict decoding
// (unknown-fields.ts) and by type checking (type-errors.ts).
import type { ManifestObject } from '../types.ts';
import tree from './known-fields.generated.json' with { type: 'json' };

/** How a scalar decodes: builtin Go kinds, a type's own UnmarshalJSON (intOrString, quantity,
 * time), base64 (bytes), or anything at all (any). */
export type Decoding = 'any' | 'int32' | 'int64' | 'float64' | 'bool' | 'string' | 'intOrString' | 'quantity' | 'time' | 'bytes';

/** n the scalar `scalars[n]` (0 decodes anything), "Def" a struct of that definition, [ref] a
 * slice, {map, go?} a map with string keys (`go` names its Go type when it is not map[string]T). */
export type FieldRef = number | string | [FieldRef] | { map: FieldRef; go?: string };

type Definitions = Record<string, Record<string, FieldRef>>;

const kinds = tree.kinds as Record<string, string>;
const defs = tree.defs as unknown as Definitions;
const scalars = tree.scalars as Array<[Decoding, string]>;

/** Group/versions whose kinds the tree describes (Gateway API CRDs are not in kubernetes-types). */
const BUILT_IN_GROUPS = new Set(['v1', 'apps/v1', 'batch/v1', 'discovery.k8s.io/v1', 'networking.k8s.io/v1']);

/** The definition an object decodes into, or undefined when the tree does not describe its kind. */
export function rootDefinition(obj: ManifestObject): string | undefined {
  return BUILT_IN_GROUPS.has(obj.apiVersion) && Object.hasOwn(kinds, obj.kind) ? kinds[obj.kind] : undefined;
}

/** The fields of a definition by their JSON names. */
export function fieldsOf(def: string): Record<string, FieldRef> | undefined {
  return defs[def];
}

/** How the scalar `ref` decodes, and its Go type. */
export function scalarOf(ref: number): { decoding: Decoding; goType: string } {
  const [decoding, goType] = scalars[ref] ?? ['any', '*'];
  return { decoding, goType };
}

/** The Go struct's own name (`ServicePort` for core.v1.ServicePort), as decoding errors name the
 * struct that holds a field. */
export function goStructName(def: string): string {
  return def.slice(def.lastIndexOf('.') + 1);
}

/** The Go type as reflect prints it in decoding errors: `v1.ServiceSpec`, `[]v1.ServicePort`,
 * `map[string]string`, `int32`. Every definition in the tree is in a package named v1. */
export function goTypeOf(ref: FieldRef): string {
  if (typeof ref === 'number') return scalarOf(ref).goType;
  if (typeof ref === 'string') return `v1.${goStructName(ref)}`;
  if (Array.isArray(ref)) return `[]${goTypeOf(ref[0])}`;
  return ref.go ?? `map[string]${goTypeOf(ref.map)}`;
}

/** `Service in version "v1" cannot be handled as a Service`: how the API server introduces any
 * error from decoding a request body (transformDecodeError, with the version, not the group). */
export function decodeErrorPrefix(obj: ManifestObject): string {
  const version = obj.apiVersion.slice(obj.apiVersion.indexOf('/') + 1);
  return `${obj.kind} in version ${JSON.stringify(version)} cannot be handled as a ${obj.kind}`;
}
