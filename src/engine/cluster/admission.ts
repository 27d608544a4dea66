import type { ParsedDocument } from '../parse/manifests.ts';
import type { Allocators } from '../controllers/allocators.ts';
import { admitService, releaseService } from '../controllers/services.ts';
import type { AdmittedObject, ClusterSettings, Diagnostic, FieldError, ManifestObject, Service, SourceLocation } from '../types.ts';
import {
  findUnknownFields,
  formatFieldError,
  formatInvalidError,
  formatStrictDecodingError,
  lookupKind,
  unknownKindMessage,
  validateObject,
  validateServiceAllocation,
  findTypeError,
  formatDecodeError,
  type DecodeTypeError,
} from '../validation/index.ts';
import { SYSTEM_FILE } from './system.ts';

/** Static validation depends on the object alone, so it is memoised per parsed object. */
export type StaticCheckMemo = WeakMap<ManifestObject, { decode?: DecodeTypeError; unknown: string[]; errors: FieldError[] }>;

export interface AdmissionContext {
  settings: ClusterSettings;
  allocators: Allocators;
  diagnostics: Diagnostic[];
  staticChecks: StaticCheckMemo;
}

/** Check reference for an object: `<kind>/<ns>/<name>` or `<kind>/<name>` (kind in lower case). */
export function objectRef(kind: string, namespace: string | undefined, name: string): string {
  return namespace ? `${kind.toLowerCase()}/${namespace}/${name}` : `${kind.toLowerCase()}/${name}`;
}

/** Runs one object through the simulated API server: kind lookup, strict decoding, validation,
 * then the kind's own admission (allocation for Services). Returns undefined for objects that
 * cannot even be named (the diagnostic says why). */
export function admitObject(
  object: ManifestObject,
  doc: ParsedDocument | undefined,
  ctx: AdmissionContext,
): { record: AdmittedObject; service?: Service } | undefined {
  const file = doc?.file ?? SYSTEM_FILE;
  const at = (field: string) => (doc ? doc.locate(field) : undefined);
  const source: SourceLocation = { file, doc: doc?.doc ?? 0, ...(doc ? { range: doc.locate('') } : {}) };
  const kindInfo = lookupKind(object.apiVersion, object.kind);
  if (!kindInfo) {
    ctx.diagnostics.push({ code: 'unknown_kind', severity: 'error', file, range: at('kind'), message: unknownKindMessage(object, file) });
    return undefined;
  }
  const name = typeof object.metadata.name === 'string' ? object.metadata.name : '';
  const namespace = kindInfo.namespaced ? (typeof object.metadata.namespace === 'string' && object.metadata.namespace ? object.metadata.namespace : 'default') : undefined;
  const ref = objectRef(kindInfo.kind, namespace, name || '<unnamed>');
  const base = { ref, kind: kindInfo.kind, apiVersion: object.apiVersion, ...(namespace ? { namespace } : {}), name, source, object };

  const reject = (error: string, fieldErrors: FieldError[], code: string): { record: AdmittedObject } => {
    if (fieldErrors.length === 0) ctx.diagnostics.push({ code, severity: 'error', file, range: source.range, object: ref, message: error });
    for (const fe of fieldErrors) {
      ctx.diagnostics.push({
        code,
        severity: 'error',
        file,
        range: at(fe.field),
        object: ref,
        field: fe.field,
        message: `The ${kindInfo.kind} "${name}" is invalid: ${formatFieldError(fe)}`,
      });
    }
    return { record: { ...base, accepted: false, error } };
  };

  let checked = ctx.staticChecks.get(object);
  if (!checked) {
    // Decoding comes first: a value of the wrong type stops the request before strict field checks and validation.
    const decode = findTypeError(object);
    const unknownFields = decode ? [] : findUnknownFields(object);
    checked = { ...(decode ? { decode } : {}), unknown: unknownFields, errors: decode || unknownFields.length > 0 ? [] : validateObject(object) };
    ctx.staticChecks.set(object, checked);
  }
  const { decode, unknown, errors } = checked;
  if (decode) {
    const error = formatDecodeError(object, decode);
    ctx.diagnostics.push({ code: 'decode_error', severity: 'error', file, range: at(decode.field), object: ref, field: decode.field, message: error });
    return { record: { ...base, accepted: false, error } };
  }
  if (unknown.length > 0) {
    const error = formatStrictDecodingError(object, unknown);
    for (const field of unknown) {
      ctx.diagnostics.push({ code: 'unknown_field', severity: 'error', file, range: at(field), object: ref, field, message: `${error.split(': strict decoding error')[0]}: strict decoding error: unknown field "${field}"` });
    }
    return { record: { ...base, accepted: false, error } };
  }
  const invalid = () => reject(formatInvalidError(kindInfo.kind, name, errors), errors, 'invalid_object');
  if (kindInfo.kind === 'Service') {
    // The Service registry allocates IPs and ports before it validates the rest, so an allocation
    // conflict is reported alone, ahead of other mistakes (static range errors come first of all).
    if (errors.length > 0 && validateServiceAllocation(object).length > 0) return invalid();
    const admitted = admitService(object, namespace ?? 'default', source, ctx.allocators, ctx.settings);
    if (!admitted.service) return reject(formatInvalidError('Service', name, admitted.errors), admitted.errors, 'allocation_failed');
    if (errors.length > 0) {
      releaseService(ctx.allocators, admitted.service);
      return invalid();
    }
    return { record: { ...base, accepted: true }, service: admitted.service };
  }
  if (errors.length > 0) return invalid();
  return { record: { ...base, accepted: true } };
}
