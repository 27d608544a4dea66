// Values of the wrong JSON type, as the API server's decoder reports them: the request body is
// decoded into the kind's Go structs (sigs.k8s.io/json, a fork of encoding/json) before strict
// field checks and validation, so `port: "80"` is rejected as
// `json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`.
import type { ManifestObject } from '../types.ts';
import { decodeErrorPrefix, fieldsOf, goStructName, goTypeOf, rootDefinition, scalarOf, type FieldRef } from './decoding-tree.ts';
import { base64ErrorOffset, goNumberText, quantityError } from './go-scalars.ts';

/** The decoding error the API server reports for an object. */
export interface DecodeTypeError {
  /** Where, with list indices and map keys, as `locate` takes it: `spec.ports[0].port`. */
  field: string;
  /** The decoder's words: `json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`. */
  message: string;
}

/** Where the decoder is: the Go struct holding the current field and the JSON names from the root
 * without list indices (Go's error context), and our own indexed path for the source range. */
interface Position {
  struct: string;
  goPath: string;
  field: string;
}

/** Go's decoder keeps the first type error and decodes on, but an error from a type's own
 * UnmarshalJSON (IntOrString, Quantity, Time) stops decoding and is the one reported. */
interface Decoder {
  saved?: DecodeTypeError;
  stopped?: DecodeTypeError;
}

type JsonKind = 'null' | 'bool' | 'number' | 'string' | 'array' | 'object';

function jsonKind(value: unknown): JsonKind {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  return Array.isArray(value) ? 'array' : 'object';
}

const INTEGER_RANGES = { int32: [-(2 ** 31), 2 ** 31 - 1], int64: [-(2 ** 63), 2 ** 63 - 1], uint8: [0, 255] } as const;
type IntegerType = keyof typeof INTEGER_RANGES;

function fitsInteger(value: number, type: IntegerType): boolean {
  const [min, max] = INTEGER_RANGES[type];
  return Number.isInteger(value) && value >= min && value <= max;
}

/** The JSON value as Go names it: `string`, `bool`, `object`, `array`, `number`, and for a number
 * that does not fit an integer field the number itself (`number 1.5`). */
function describe(value: unknown, kind: JsonKind, integerTarget: boolean): string {
  return kind === 'number' && integerTarget ? `number ${goNumberText(value as number)}` : kind;
}

function typeError(at: Position, value: string, goType: string): DecodeTypeError {
  return { field: at.field, message: `json: cannot unmarshal ${value} into Go struct field ${at.struct}.${at.goPath} of type ${goType}` };
}

function save(d: Decoder, error: DecodeTypeError): void {
  d.saved ??= error;
}

function decodeStruct(value: Record<string, unknown>, def: string, at: Position, d: Decoder): void {
  const fields = fieldsOf(def);
  if (!fields) return;
  const struct = goStructName(def);
  // kubectl sends JSON encoded from a Go map, so the decoder meets the keys in sorted order.
  for (const key of Object.keys(value).sort()) {
    const ref = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (ref === undefined) continue; // unknown fields are strict decoding's business, reported later
    const child = { struct, goPath: at.goPath ? `${at.goPath}.${key}` : key, field: at.field ? `${at.field}.${key}` : key };
    decodeValue(value[key], ref, child, d);
    if (d.stopped) return;
  }
}

function decodeValue(value: unknown, ref: FieldRef, at: Position, d: Decoder): void {
  const kind = jsonKind(value);
  if (kind === 'null') return; // null leaves any Go value at its zero value
  if (typeof ref === 'number') return decodeScalar(value, kind, ref, at, d);
  const expected = typeof ref === 'string' || !Array.isArray(ref) ? 'object' : 'array';
  if (kind !== expected) return save(d, typeError(at, describe(value, kind, false), goTypeOf(ref)));
  if (typeof ref === 'string') return decodeStruct(value as Record<string, unknown>, ref, at, d);
  if (Array.isArray(ref)) {
    const items = value as unknown[];
    for (let i = 0; i < items.length && !d.stopped; i++) decodeValue(items[i], ref[0], { ...at, field: `${at.field}[${i}]` }, d);
    return;
  }
  const entries = value as Record<string, unknown>;
  for (const key of Object.keys(entries).sort()) {
    decodeValue(entries[key], ref.map, { ...at, field: `${at.field}[${key}]` }, d);
    if (d.stopped) return;
  }
}

function decodeScalar(value: unknown, kind: JsonKind, ref: number, at: Position, d: Decoder): void {
  const { decoding, goType } = scalarOf(ref);
  switch (decoding) {
    case 'any':
      return;
    case 'intOrString':
      // IntOrString.UnmarshalJSON decodes anything but a string into its int32.
      if (kind === 'string' || (kind === 'number' && fitsInteger(value as number, 'int32'))) return;
      d.stopped = typeError(at, describe(value, kind, true), 'int32');
      return;
    case 'quantity': {
      // Quantity.UnmarshalJSON parses the JSON text itself, quoted or not.
      const text = kind === 'string' ? (value as string) : kind === 'number' ? goNumberText(value as number) : JSON.stringify(value);
      const error = quantityError(text);
      if (error) d.stopped = { field: at.field, message: error };
      return;
    }
    case 'time':
      // Time.UnmarshalJSON decodes into a string first. (The RFC 3339 parse that follows is not modelled.)
      if (kind !== 'string') d.stopped = typeError(at, kind, 'string');
      return;
    case 'bytes':
      return decodeBytes(value, kind, at, d);
    case 'bool':
    case 'string':
    case 'float64':
      if (kind !== (decoding === 'float64' ? 'number' : decoding)) save(d, typeError(at, kind, goType));
      return;
    default:
      if (kind !== 'number' || !fitsInteger(value as number, decoding)) save(d, typeError(at, describe(value, kind, true), goType));
  }
}

/** A []byte field takes a base64 string, or (as Go decodes any slice) a list of bytes. */
function decodeBytes(value: unknown, kind: JsonKind, at: Position, d: Decoder): void {
  if (kind === 'string') {
    const offset = base64ErrorOffset(value as string);
    if (offset !== undefined) save(d, { field: at.field, message: `illegal base64 data at input byte ${offset}` });
  } else if (kind === 'array') {
    (value as unknown[]).forEach((item, i) => {
      const itemKind = jsonKind(item);
      if (itemKind === 'null' || (itemKind === 'number' && fitsInteger(item as number, 'uint8'))) return;
      save(d, typeError({ ...at, field: `${at.field}[${i}]` }, describe(item, itemKind, true), 'uint8'));
    });
  } else {
    save(d, typeError(at, kind, '[]uint8'));
  }
}

/** The first error the API server's JSON decoder meets in the object (it reports only one), or
 * undefined when every value has a type its field accepts. Kinds outside the tree decode freely. */
export function findTypeError(obj: ManifestObject): DecodeTypeError | undefined {
  const def = rootDefinition(obj);
  if (!def) return undefined;
  const d: Decoder = {};
  decodeStruct(obj, def, { struct: goStructName(def), goPath: '', field: '' }, d);
  return d.stopped ?? d.saved;
}

/** `Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ...`. */
export function formatDecodeError(obj: ManifestObject, error: DecodeTypeError): string {
  return `${decodeErrorPrefix(obj)}: ${error.message}`;
}
