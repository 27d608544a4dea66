// Namespace, Node, ConfigMap and Secret: name rules and the light checks their validation makes.
import type { FieldError, ManifestObject } from '../types.ts';
import { asArray, asObject, asString, child, index, key } from './access.ts';
import { isConfigMapKey, isQualifiedName } from './content.ts';
import { invalid, required } from './field-errors.ts';
import { isValidCIDRLegacy } from './ip-format.ts';
import { validateObjectMeta } from './meta.ts';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** ValidateNamespace: a DNS label name, qualified finalizer names. */
export function validateNamespace(obj: ManifestObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, 'label');
  asArray(asObject(obj.spec)?.finalizers).forEach((f) => {
    const name = String(f);
    const path = 'spec.finalizers';
    errs.push(...isQualifiedName(name).map((msg) => invalid(path, name, msg)));
    if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) errs.push(invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  });
  return errs;
}

/** ValidateNode, as far as a lab needs it: the name and pod CIDRs. */
export function validateNode(obj: ManifestObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, false, 'subdomain');
  const spec = asObject(obj.spec) ?? {};
  // Conversion from v1 makes podCIDR the first of podCIDRs.
  const podCIDR = asString(spec.podCIDR);
  const cidrs = asArray(spec.podCIDRs).length ? asArray(spec.podCIDRs).map(String) : podCIDR ? [podCIDR] : [];
  cidrs.forEach((c, i) => errs.push(...isValidCIDRLegacy(index('spec.podCIDRs', i), c)));
  return errs;
}

/** ValidateConfigMap: data keys, and no key in both data and binaryData. */
export function validateConfigMap(obj: ManifestObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  const data = asObject(obj.data) ?? {};
  const binary = asObject(obj.binaryData) ?? {};
  for (const k of Object.keys(data)) {
    errs.push(...isConfigMapKey(k).map((msg) => invalid(key('data', k), k, msg)));
    if (k in binary) errs.push(invalid(key('data', k), k, 'duplicate of key present in binaryData'));
  }
  for (const k of Object.keys(binary)) errs.push(...isConfigMapKey(k).map((msg) => invalid(key('binaryData', k), k, msg)));
  return errs;
}

/** The keys each Secret type requires in its data. */
const REQUIRED_SECRET_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

/** ValidateSecret: data keys (stringData merges into data first) and the keys its type needs. */
export function validateSecret(obj: ManifestObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  const keys = [...new Set([...Object.keys(asObject(obj.data) ?? {}), ...Object.keys(asObject(obj.stringData) ?? {})])];
  for (const k of keys) errs.push(...isConfigMapKey(k).map((msg) => invalid(key('data', k), k, msg)));
  const type = asString(obj.type) ?? 'Opaque';
  if (type === 'kubernetes.io/service-account-token') {
    const annotations = asObject(asObject(obj.metadata)?.annotations) ?? {};
    if (!asString(annotations['kubernetes.io/service-account.name'])) errs.push(required(key(child('metadata', 'annotations'), 'kubernetes.io/service-account.name')));
  } else if (type === 'kubernetes.io/basic-auth') {
    if (!keys.includes('username') && !keys.includes('password')) errs.push(required('data[username]'), required('data[password]'));
  } else {
    for (const k of REQUIRED_SECRET_KEYS[type] ?? []) {
      if (!keys.includes(k)) {
        errs.push(required(key('data', k)));
        if (type !== 'kubernetes.io/tls') break;
      }
    }
  }
  return errs;
}
