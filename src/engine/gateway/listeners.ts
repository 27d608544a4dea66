// Listener validation as the controller reports it in status.listeners: supported protocols and
// route kinds, conflicts between listeners sharing a port, and TLS certificate references.
import type { Condition } from '../scenario/conditions.ts';
import type { LabelSelector, LabelSelectorRequirement, ManifestObject } from '../types.ts';
import { arr, num, rec, str } from './objects.ts';
import { findReferenceGrant, type GrantIndex } from './reference-grants.ts';
import { GATEWAY_GROUP, type AllowedRoutes, type ListenerModel } from './types.ts';

const ROUTE_KINDS_BY_PROTOCOL: Record<string, string[]> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
  UDP: ['UDPRoute'],
};

// Listeners on one port must speak compatible protocols: HTTPS and TLS share TLS with SNI; UDP
// uses another transport and can share a port with any of the TCP-based protocols.
const PROTOCOL_FAMILY: Record<string, string> = { HTTP: 'HTTP', HTTPS: 'TLS', TLS: 'TLS', TCP: 'TCP', UDP: 'UDP' };

const cond = (type: string, status: Condition['status'], reason: string, message: string): Condition => ({ type, status, reason, message });

interface ListenerDraft extends ListenerModel {
  accepted?: Condition;
  resolvedRefs: Condition;
  conflicted?: Condition;
}

/** Validates every listener of a reconciled Gateway and writes its conditions. */
export function validateListeners(gateway: ManifestObject, namespace: string, gwName: string, grants: GrantIndex, secrets: Map<string, ManifestObject>): ListenerModel[] {
  const drafts = arr(rec(gateway.spec).listeners).map((l, index) => draftListener(rec(l), index, namespace, grants, secrets));
  markConflicts(drafts, `${namespace}/${gwName}`);
  return drafts.map(finishListener);
}

/** Reads a listener's spec without validating it (for Gateways no controller reconciles). */
export function readListener(l: Record<string, unknown>, index: number): ListenerModel {
  const protocol = str(l.protocol) ?? '';
  const hostname = str(l.hostname)?.toLowerCase();
  const allowed = rec(l.allowedRoutes);
  const namespaces = rec(allowed.namespaces);
  const from = str(namespaces.from);
  const allowedRoutes: AllowedRoutes = {
    from: from === 'All' || from === 'Selector' || from === 'None' ? from : 'Same',
    ...(namespaces.selector !== undefined ? { selector: readSelector(namespaces.selector) } : {}),
  };
  return {
    index,
    name: str(l.name) ?? '',
    port: num(l.port) ?? 0,
    protocol,
    ...(hostname && hostname !== '*' ? { hostname } : {}),
    allowedRoutes,
    supportedKinds: [],
    conditions: [],
    programmed: false,
    attachedRoutes: 0,
    field: `spec.listeners[${index}]`,
  };
}

// A metav1.LabelSelector read defensively: a CRD's schema, not the engine, vouches for its shape.
function readSelector(value: unknown): LabelSelector {
  const sel = rec(value);
  const matchLabels = Object.fromEntries(Object.entries(rec(sel.matchLabels)).map(([k, v]) => [k, String(v)]));
  const matchExpressions = arr(sel.matchExpressions).map((e) => {
    const expr = rec(e);
    return { key: String(expr.key ?? ''), operator: String(expr.operator ?? '') as LabelSelectorRequirement['operator'], values: arr(expr.values).map(String) };
  });
  return { matchLabels, matchExpressions };
}

function draftListener(l: Record<string, unknown>, index: number, namespace: string, grants: GrantIndex, secrets: Map<string, ManifestObject>): ListenerDraft {
  const base = readListener(l, index);
  const draft: ListenerDraft = { ...base, resolvedRefs: cond('ResolvedRefs', 'True', 'ResolvedRefs', 'Listener references have been resolved') };
  const defaults = ROUTE_KINDS_BY_PROTOCOL[base.protocol];
  if (!defaults) {
    draft.accepted = cond('Accepted', 'False', 'UnsupportedProtocol', `Protocol ${base.protocol} is unsupported, must be HTTP, HTTPS, TLS, TCP or UDP.`);
    return draft;
  }
  const kinds = arr(rec(l.allowedRoutes).kinds).map((k) => ({ group: str(rec(k).group) ?? GATEWAY_GROUP, kind: str(rec(k).kind) ?? '' }));
  if (kinds.length === 0) draft.supportedKinds = [...defaults];
  else {
    const bad = kinds.filter((k) => k.group !== GATEWAY_GROUP || !defaults.includes(k.kind));
    draft.supportedKinds = [...new Set(kinds.filter((k) => !bad.includes(k)).map((k) => k.kind))];
    if (bad[0]) {
      const what = bad[0].group !== GATEWAY_GROUP ? `Group ${bad[0].group} is not supported, group must be ${GATEWAY_GROUP}` : `${bad[0].kind} is not supported, kind must be one of [${defaults.join(', ')}]`;
      draft.resolvedRefs = cond('ResolvedRefs', 'False', 'InvalidRouteKinds', what);
    }
  }
  if ((base.protocol === 'TCP' || base.protocol === 'UDP') && str(l.hostname)) {
    draft.accepted = cond('Accepted', 'False', 'UnsupportedValue', `Listener must not have hostname set when protocol is ${base.protocol}.`);
  }
  if (base.protocol === 'HTTPS' || (base.protocol === 'TLS' && str(rec(l.tls).mode) !== 'Passthrough')) {
    const problem = checkCertificateRefs(rec(l.tls), namespace, grants, secrets);
    if (problem) draft.resolvedRefs = cond('ResolvedRefs', 'False', problem.reason, problem.message);
  }
  return draft;
}

/** Why a listener's TLS certificates cannot be used, if they cannot: missing, another kind,
 * another namespace without a ReferenceGrant, or not a TLS Secret with a PEM key pair. */
function checkCertificateRefs(tls: Record<string, unknown>, namespace: string, grants: GrantIndex, secrets: Map<string, ManifestObject>): { reason: string; message: string } | undefined {
  const refs = arr(tls.certificateRefs).map(rec);
  if (refs.length === 0) return { reason: 'InvalidCertificateRef', message: 'No certificateRefs: a listener that terminates TLS needs a TLS Secret.' };
  for (const [i, ref] of refs.entries()) {
    const group = str(ref.group) ?? '';
    const kind = str(ref.kind) ?? 'Secret';
    const ns = str(ref.namespace) || namespace;
    const name = str(ref.name) ?? '';
    if (group !== '' || kind !== 'Secret') return { reason: 'InvalidCertificateRef', message: `certificate refs ${i}: unsupported reference ${group ? `${group}/` : ''}${kind}, only core Secrets are supported.` };
    if (!findReferenceGrant(grants, { group: GATEWAY_GROUP, kind: 'Gateway', namespace }, { group: '', kind: 'Secret', namespace: ns, name })) {
      return { reason: 'RefNotPermitted', message: `certificate refs ${i}: Certificate ref to secret ${ns}/${name} not permitted by any ReferenceGrant.` };
    }
    const secret = secrets.get(`${ns}/${name}`);
    if (!secret) return { reason: 'InvalidCertificateRef', message: `certificate refs ${i}: Secret ${ns}/${name} does not exist.` };
    if (!isTlsKeyPair(secret)) return { reason: 'InvalidCertificateRef', message: `certificate refs ${i}: Secret ${ns}/${name} must contain a PEM certificate in tls.crt and a PEM key in tls.key.` };
  }
  return undefined;
}

function isTlsKeyPair(secret: ManifestObject): boolean {
  const data = rec(secret.data);
  const stringData = rec(secret.stringData);
  const read = (key: string) => str(stringData[key]) ?? decodeBase64(str(data[key]) ?? '');
  return /-----BEGIN [A-Z ]*CERTIFICATE-----/.test(read('tls.crt')) && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(read('tls.key'));
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// Enough of base64 to read a PEM header (the engine has no atob: it runs without DOM or Node types).
function decodeBase64(text: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const ch of text.replace(/[\s=]/g, '')) {
    const v = BASE64.indexOf(ch);
    if (v < 0) return '';
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((value >> bits) & 0xff);
    }
  }
  return out;
}

function markConflicts(drafts: ListenerDraft[], gatewayKey: string): void {
  const byPort = new Map<number, ListenerDraft[]>();
  for (const d of drafts) {
    if (!PROTOCOL_FAMILY[d.protocol]) continue;
    const list = byPort.get(d.port) ?? [];
    list.push(d);
    byPort.set(d.port, list);
  }
  for (const list of byPort.values()) {
    const tcpBased = list.filter((d) => d.protocol !== 'UDP');
    const families = new Set(tcpBased.map((d) => PROTOCOL_FAMILY[d.protocol]));
    if (families.size > 1) {
      const message = `All listeners for a given port must use a compatible protocol, conflicting listeners: ${tcpBased.map((d) => `${gatewayKey}/${d.name}`).join(', ')}`;
      for (const d of tcpBased) d.conflicted = cond('Conflicted', 'True', 'ProtocolConflict', message);
      continue;
    }
    // Same family: HTTP, HTTPS and TLS listeners are told apart by hostname; TCP and UDP cannot be.
    const byHost = new Map<string, ListenerDraft[]>();
    for (const d of list) {
      const key = `${PROTOCOL_FAMILY[d.protocol]}|${d.protocol === 'TCP' || d.protocol === 'UDP' ? '' : (d.hostname ?? '')}`;
      byHost.set(key, [...(byHost.get(key) ?? []), d]);
    }
    for (const same of byHost.values()) {
      if (same.length < 2) continue;
      const message = `All listeners for a given port must use a unique hostname, conflicting listeners: ${same.map((d) => `${gatewayKey}/${d.name}`).join(', ')}`;
      for (const d of same) d.conflicted = cond('Conflicted', 'True', 'HostnameConflict', message);
    }
  }
}

function finishListener(d: ListenerDraft): ListenerModel {
  const { accepted, resolvedRefs, conflicted, ...listener } = d;
  const invalid = cond('Programmed', 'False', 'Invalid', 'Listener is invalid, see other Conditions for details.');
  if (accepted) return { ...listener, supportedKinds: accepted.reason === 'UnsupportedProtocol' ? [] : listener.supportedKinds, conditions: [accepted, invalid, resolvedRefs], programmed: false };
  if (conflicted) return { ...listener, conditions: [conflicted, invalid, resolvedRefs], programmed: false };
  const refsOk = resolvedRefs.status === 'True' || (resolvedRefs.reason === 'InvalidRouteKinds' && listener.supportedKinds.length > 0);
  const conditions = [
    cond('Accepted', 'True', 'Accepted', 'Listener has been successfully translated'),
    refsOk ? cond('Programmed', 'True', 'Programmed', 'Sending translated listener configuration to the data plane') : invalid,
    resolvedRefs,
    cond('Conflicted', 'False', 'NoConflicts', 'No conflicts with other listeners on this port'),
  ];
  return { ...listener, conditions, programmed: refsOk };
}
