// field.Error as k8s.io/apimachinery builds and prints it (pkg/util/validation/field/errors.go),
// and the API server's Invalid status message (pkg/api/errors.NewInvalid).
import type { FieldError } from '../types.ts';

/** field.Invalid: a malformed value, printed with its value. */
export function invalid(field: string, value: unknown, detail: string): FieldError {
  return { type: 'Invalid', field, value, detail };
}

/** field.Required: a value that must be given; printed without the value. */
export function required(field: string, detail = ''): FieldError {
  return detail ? { type: 'Required', field, detail } : { type: 'Required', field };
}

/** field.Duplicate: a value that must be unique. */
export function duplicate(field: string, value: unknown): FieldError {
  return { type: 'Duplicate', field, value };
}

/** field.NotSupported: a value outside an enumeration, listing what is supported. */
export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  return { type: 'NotSupported', field, value, supported: [...supported] };
}

/** field.Forbidden: a value not allowed here; printed without the value. */
export function forbidden(field: string, detail: string): FieldError {
  return { type: 'Forbidden', field, detail };
}

/** field.TooMany: a list longer than allowed. */
export function tooMany(field: string, actual: number, max: number): FieldError {
  return { type: 'TooMany', field, value: actual, detail: `must have at most ${max} ${max === 1 ? 'item' : 'items'}` };
}

/** field.TooLong: a value longer than allowed; the value itself is omitted. */
export function tooLong(field: string, maxBytes: number): FieldError {
  return { type: 'TooLong', field, detail: `may not be more than ${maxBytes} ${maxBytes === 1 ? 'byte' : 'bytes'}` };
}

/** field.NotFound: a reference to something that does not exist. */
export function notFound(field: string, value: unknown): FieldError {
  return { type: 'NotFound', field, value };
}

const TYPE_WORDS: Record<FieldError['type'], string> = {
  Invalid: 'Invalid value',
  Required: 'Required value',
  Duplicate: 'Duplicate value',
  NotSupported: 'Unsupported value',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  TooMany: 'Too many',
  NotFound: 'Not found',
};

/**
 * Renders a bad value as the API server does since Kubernetes 1.34: numbers and booleans bare,
 * strings Go-quoted, anything else as JSON. Callers pass Go maps with sorted keys (as
 * encoding/json sorts them) and Go structs with keys in field order.
 */
export function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** strconv.Quote for the strings manifests carry: JSON escaping, with Go's \x escapes for control bytes. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-7][0-9a-f])/g, (m, hex: string) => {
    const code = parseInt(hex, 16);
    return code === 0x7f || code < 0x20 ? `\\x${hex}` : m;
  });
}

/** The body of a field error without its field path (field.Error.ErrorBody). */
export function formatFieldErrorBody(e: FieldError): string {
  let s = TYPE_WORDS[e.type];
  switch (e.type) {
    case 'Required':
    case 'Forbidden':
    case 'TooLong':
      break;
    default:
      s += `: ${formatBadValue(e.value)}`;
  }
  const detail = e.type === 'NotSupported' && e.supported?.length ? `supported values: ${e.supported.map(goQuote).join(', ')}` : e.detail;
  if (detail) s += `: ${detail}`;
  return s;
}

/** `spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. ...` (field.Error.Error). */
export function formatFieldError(e: FieldError): string {
  return `${e.field}: ${formatFieldErrorBody(e)}`;
}

/** The distinct messages of an error list, in order (ErrorList.ToAggregate drops repeats). */
function distinctMessages(errors: readonly FieldError[]): string[] {
  return [...new Set(errors.map(formatFieldError))];
}

/**
 * `The Service "web" is invalid: <error>` or `... is invalid: [e1, e2]`: the status message of
 * apierrors.NewInvalid, with the `The` kubectl puts in front.
 */
export function formatInvalidError(kind: string, name: string, errors: FieldError[]): string {
  const messages = distinctMessages(errors);
  const head = `The ${kind} ${goQuote(name)} is invalid`;
  if (messages.length === 0) return head;
  return messages.length === 1 ? `${head}: ${messages[0]}` : `${head}: [${messages.join(', ')}]`;
}

/** kubectl's multi-line rendering of the same error (`is invalid: ` then `* e1` per line). */
export function formatKubectlInvalidError(kind: string, name: string, errors: FieldError[]): string {
  const messages = errors.map(formatFieldError);
  const head = `The ${kind} ${goQuote(name)} is invalid: `;
  if (messages.length <= 1) return head + (messages[0] ?? '');
  return `${head}\n${messages.map((m) => `* ${m}`).join('\n')}`;
}
