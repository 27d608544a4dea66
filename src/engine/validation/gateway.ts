// Gateway API (gateway.networking.k8s.io) objects are CRDs: the API server checks them against the
// CRD's OpenAPI schema and CEL rules, with apiextensions' wording (`<path> in body should be ...`,
// `Invalid value: "object": <rule message>`). The checks here are the required fields and the rules
// lessons run into; the schemas come from kubernetes-sigs/gateway-api's standard channel.
import type { FieldError, ManifestObject } from '../types.ts';
import { asArray, asNumber, asObject, asString, child, index, type JsonObject } from './access.ts';
import { invalid, notSupported, required } from './field-errors.ts';
import { validateObjectMeta } from './meta.ts';

const CONTROLLER_NAME_PATTERN = "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\\/[A-Za-z0-9\\/\\-._~%!$&'()*+,;=:]+$";
const controllerName = new RegExp(CONTROLLER_NAME_PATTERN);
const PATH_MATCH_TYPES = ['Exact', 'PathPrefix', 'RegularExpression'];
const MAX_WEIGHT = 1000000;

function maximum(path: string, value: number, max: number): FieldError[] {
  return value > max ? [invalid(path, value, `${path} in body should be less than or equal to ${max}`)] : [];
}

function minimum(path: string, value: number, min: number): FieldError[] {
  return value < min ? [invalid(path, value, `${path} in body should be greater than or equal to ${min}`)] : [];
}

function requiredString(obj: JsonObject, field: string, path: string): FieldError[] {
  return asString(obj[field]) ? [] : [required(child(path, field))];
}

function portRange(value: unknown, path: string): FieldError[] {
  const n = asNumber(value);
  return n === undefined ? [] : [...minimum(path, n, 1), ...maximum(path, n, 65535)];
}

/** GatewayClass: a domain-prefixed controllerName. */
export function validateGatewayClass(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec);
  const errs = validateObjectMeta(obj.metadata, false, 'subdomain');
  if (!spec) return [...errs, required('spec')];
  const name = asString(spec.controllerName);
  if (!name) errs.push(required('spec.controllerName'));
  else if (!controllerName.test(name)) errs.push(invalid('spec.controllerName', name, `spec.controllerName in body should match '${CONTROLLER_NAME_PATTERN}'`));
  return errs;
}

/** Gateway: a class, and listeners with unique names. */
export function validateGateway(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec);
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  if (!spec) return [...errs, required('spec')];
  errs.push(...requiredString(spec, 'gatewayClassName', 'spec'));
  if (!Array.isArray(spec.listeners)) {
    errs.push(required('spec.listeners'));
    return errs;
  }
  const names: string[] = [];
  spec.listeners.forEach((l, i) => {
    const listener = asObject(l) ?? {};
    const path = index('spec.listeners', i);
    errs.push(...requiredString(listener, 'name', path));
    if (listener.port === undefined) errs.push(required(child(path, 'port')));
    errs.push(...portRange(listener.port, child(path, 'port')));
    errs.push(...requiredString(listener, 'protocol', path));
    names.push(asString(listener.name) ?? '');
  });
  if (new Set(names).size !== names.length) errs.push(invalid('spec.listeners', 'array', 'Listener name must be unique within the Gateway'));
  return errs;
}

function validateParentRefs(spec: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  asArray(spec.parentRefs).forEach((p, i) => {
    const ref = asObject(p) ?? {};
    const path = index('spec.parentRefs', i);
    errs.push(...requiredString(ref, 'name', path), ...portRange(ref.port, child(path, 'port')));
  });
  return errs;
}

function validateBackendRefs(rule: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  asArray(rule.backendRefs).forEach((b, i) => {
    const ref = asObject(b) ?? {};
    const refPath = index(child(path, 'backendRefs'), i);
    errs.push(...requiredString(ref, 'name', refPath));
    errs.push(...portRange(ref.port, child(refPath, 'port')));
    const weight = asNumber(ref.weight);
    if (weight !== undefined) errs.push(...minimum(child(refPath, 'weight'), weight, 0), ...maximum(child(refPath, 'weight'), weight, MAX_WEIGHT));
    const group = asString(ref.group) ?? '';
    const kind = asString(ref.kind) ?? 'Service';
    if (group === '' && kind === 'Service' && ref.port === undefined) errs.push(invalid(refPath, 'object', 'Must have port for Service reference'));
  });
  return errs;
}

/** HTTPRoute: parents, backends with ports and weights, path matches. */
export function validateHTTPRoute(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  errs.push(...validateParentRefs(spec));
  asArray(spec.rules).forEach((r, i) => {
    const rule = asObject(r) ?? {};
    const rulePath = index('spec.rules', i);
    asArray(rule.matches).forEach((m, j) => {
      const path = asObject(asObject(m)?.path);
      if (!path) return;
      const pathPath = child(index(child(rulePath, 'matches'), j), 'path');
      // Defaults: type PathPrefix, value "/".
      const type = asString(path.type) ?? 'PathPrefix';
      const value = asString(path.value) ?? '/';
      if (!PATH_MATCH_TYPES.includes(type)) {
        errs.push(notSupported(child(pathPath, 'type'), type, PATH_MATCH_TYPES));
        return;
      }
      if (type === 'RegularExpression') return;
      const cel = (message: string): FieldError => invalid(pathPath, 'object', message);
      const when = "when type one of ['Exact', 'PathPrefix']";
      if (!value.startsWith('/')) errs.push(cel(`value must be an absolute path and start with '/' ${when}`));
      for (const seq of ['//', '/./', '/../', '%2f', '%2F', '#']) if (value.includes(seq)) errs.push(cel(`must not contain '${seq}' ${when}`));
      for (const suffix of ['/..', '/.']) if (value.endsWith(suffix)) errs.push(cel(`must not end with '${suffix}' ${when}`));
    });
    errs.push(...validateBackendRefs(rule, rulePath));
  });
  return errs;
}

/** GRPCRoute: parents and backends. */
export function validateGRPCRoute(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  errs.push(...validateParentRefs(spec));
  asArray(spec.rules).forEach((r, i) => errs.push(...validateBackendRefs(asObject(r) ?? {}, index('spec.rules', i))));
  return errs;
}

/** ReferenceGrant: at least one `from` (group, kind, namespace) and one `to` (group, kind). */
export function validateReferenceGrant(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec);
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  if (!spec) return [...errs, required('spec')];
  for (const [list, fields] of [['from', ['group', 'kind', 'namespace']], ['to', ['group', 'kind']]] as const) {
    if (!Array.isArray(spec[list])) {
      errs.push(required(`spec.${list}`));
      continue;
    }
    spec[list].forEach((e, i) => {
      const entry = asObject(e) ?? {};
      // group may be "" (the core group) but must be present.
      for (const f of fields) if (typeof entry[f] !== 'string' || (f !== 'group' && !entry[f])) errs.push(required(child(index(`spec.${list}`, i), f)));
    });
  }
  return errs;
}
