// Server certificates as createServers assigns them: the first Ingress with a TLS section that
// configures a host gives it a certificate, its Secret's or, when that cannot be used, the
// controller's self-signed "Kubernetes Ingress Controller Fake Certificate". A host that has one
// gets the HTTP -> HTTPS redirect (docs/user-guide/tls.md: "if the tls: section is set - even
// without specifying a secretName option - NGINX will force HTTPS redirect").
import type { AdmittedObject } from '../types.ts';
import { asObject } from '../validation/access.ts';
import { hostMatches, wildcardParent } from './paths.ts';
import { CATCH_ALL, type Certificate, type IngressRecord, type Server, type TlsView } from './types.ts';

export const FAKE_CERTIFICATE = 'Kubernetes Ingress Controller Fake Certificate';

/** The certificate an Ingress with a TLS section gives `host` (which has no certificate yet). */
export function certificateFor(host: string, ing: IngressRecord, secrets: Map<string, AdmittedObject>, ruleField: string): Certificate {
  const entry = tlsEntryFor(host, ing.spec.tls);
  const base = { ingress: ing, field: entry?.field ?? 'spec.tls' };
  if (!entry?.secretName) {
    const why = entry ? `${entry.field} lists ${host} without a secretName` : `${host} (${ruleField}) is not listed in spec.tls`;
    return { ...base, kind: 'fake', message: `${why}: the controller uses its default certificate ("${FAKE_CERTIFICATE}")` };
  }
  const key = `${ing.namespace}/${entry.secretName}`;
  const secret = secrets.get(key);
  if (!secret) return { ...base, kind: 'fake', secret: key, message: `Secret ${key} (${entry.field}.secretName) not found: the controller falls back to "${FAKE_CERTIFICATE}"` };
  const data = { ...(asObject(secret.object.data) ?? {}), ...(asObject(secret.object.stringData) ?? {}) };
  if (data['tls.crt'] === undefined || data['tls.key'] === undefined) {
    const type = typeof secret.object.type === 'string' ? secret.object.type : 'Opaque';
    return { ...base, kind: 'fake', secret: key, message: `Secret ${key} (type ${type}) contains no keypair (tls.crt and tls.key): the controller falls back to "${FAKE_CERTIFICATE}"` };
  }
  return { ...base, kind: 'secret', secret: key, message: `certificate from Secret ${key} (${entry.field})` };
}

// extractTLSSecretName: a TLS entry listing the host; else an entry whose certificate covers it.
// NetLab does not read certificates: an entry without hosts, or listing a wildcard covering the
// host, is taken to carry a certificate valid for it.
function tlsEntryFor(host: string, tls: TlsView[]): TlsView | undefined {
  const listed = tls.find((t) => t.hosts.includes(host));
  if (listed) return listed;
  return tls.find((t) => t.secretName && (t.hosts.length === 0 || t.hosts.some((h) => h.startsWith('*.') && hostMatches(h, host))));
}

/** The certificate Lua's certificate.configured_for_current_request finds for a request host:
 * the host's own server, else the server of its `*.` wildcard. */
export function certificateForHost(servers: Map<string, Server>, host: string): Certificate | undefined {
  if (host === CATCH_ALL) return undefined;
  const own = servers.get(host)?.cert;
  if (own) return own;
  const parent = wildcardParent(host);
  return parent === undefined ? undefined : servers.get(`*.${parent}`)?.cert;
}
