// What the controller reports about Ingresses: the address it writes into status (and that
// ExternalDNS publishes), a condition-style view, and diagnostics for the editor.
//
// Ingress has no status conditions upstream: ingress-nginx only writes status.loadBalancer.ingress.
// NetLab shows a synthetic view in Gateway API words so checks and the UI can ask "is it served,
// are its references resolved, does it have an address":
//   Accepted      the class resolved to this controller (reasons: Accepted, NoIngressClass,
//                 IngressClassNotFound, UnsupportedIngressClass, IngressClassAnnotationMismatch,
//                 ControllerNotInstalled)
//   ResolvedRefs  every Service backend and TLS Secret resolves (BackendNotFound, PortNotFound,
//                 InvalidCertificateRef, NotAccepted)
//   Programmed    the controller wrote status.loadBalancer.ingress (AddressNotAssigned, NotAccepted)
import { compareStrings } from '../order.ts';
import type { Condition } from '../scenario/conditions.ts';
import type { Diagnostic } from '../types.ts';
import { upstreamName } from './ingresses.ts';
import type { IngressNginx } from './model.ts';
import { CATCH_ALL, type IngressRecord } from './types.ts';

/** The condition view of `ingress/<ns>/<name>`, or undefined when no such accepted Ingress exists. */
export function ingressConditions(model: IngressNginx, ref: string): Condition[] | undefined {
  const ing = model.ingresses.find((i) => i.ref === ref);
  if (!ing) return undefined;
  const accepted: Condition = { type: 'Accepted', status: ing.klass.served ? 'True' : 'False', reason: ing.klass.reason, message: ing.klass.message };
  if (!ing.klass.served) {
    return [
      accepted,
      { type: 'ResolvedRefs', status: 'Unknown', reason: 'NotAccepted', message: 'no controller here reads this Ingress' },
      { type: 'Programmed', status: 'False', reason: 'NotAccepted', message: 'status.loadBalancer.ingress stays empty: no controller serves this Ingress' },
    ];
  }
  const problems = referenceProblems(model, ing);
  const resolved: Condition = problems.length === 0
    ? { type: 'ResolvedRefs', status: 'True', reason: 'ResolvedRefs', message: 'every Service backend and TLS Secret resolves' }
    : { type: 'ResolvedRefs', status: 'False', reason: problems[0]!.reason, message: problems.map((p) => p.message).join('; ') };
  const programmed: Condition = model.address
    ? { type: 'Programmed', status: 'True', reason: 'Programmed', message: `status.loadBalancer.ingress: [{ip: ${model.address}}] (the ingress-nginx-controller Service's address)` }
    : { type: 'Programmed', status: 'False', reason: 'AddressNotAssigned', message: 'the ingress-nginx-controller LoadBalancer Service has no external address yet: status.loadBalancer.ingress stays empty' };
  return [accepted, resolved, programmed];
}

function referenceProblems(model: IngressNginx, ing: IngressRecord): Array<{ reason: string; message: string; field: string }> {
  const out: Array<{ reason: string; message: string; field: string }> = [];
  const seen = new Set<string>();
  const refs = [ing.spec.defaultBackend?.service, ...ing.spec.rules.flatMap((r) => (r.paths ?? []).map((p) => p.service))];
  for (const ref of refs) {
    if (!ref) continue;
    const ups = model.upstreams.get(upstreamName(ing.namespace, ref));
    if (!ups?.problem || seen.has(ups.name)) continue;
    seen.add(ups.name);
    if (ups.problem.kind === 'service-not-found') out.push({ reason: 'BackendNotFound', message: `${ref.field}: ${ups.problem.message} (requests routed there get 503)`, field: ref.field });
    else if (ups.problem.kind === 'port-not-found') out.push({ reason: 'PortNotFound', message: `${ref.field}: ${ups.problem.message} (requests routed there get 503)`, field: ref.field });
  }
  for (const server of model.servers.values()) {
    const cert = server.cert;
    if (cert?.ingress === ing && cert.kind === 'fake' && cert.secret) out.push({ reason: 'InvalidCertificateRef', message: `${server.hostname}: ${cert.message}`, field: cert.field });
  }
  return out;
}

/** Hostnames ExternalDNS would publish: every rule host of a served Ingress, at the address the
 * controller writes into its status. Wildcard hosts are left out: public DNS here answers exact
 * names only. */
export function ingressPublicHosts(model: IngressNginx): Record<string, string> {
  const hosts: Record<string, string> = {};
  if (!model.address) return hosts;
  for (const ing of model.served) for (const rule of ing.spec.rules) if (rule.host && !rule.host.startsWith('*.')) hosts[rule.host] = model.address;
  return Object.fromEntries(Object.entries(hosts).sort(([a], [b]) => compareStrings(a, b)));
}

/** Findings about Ingresses as the controller sees them (stable codes, the Ingress's source). */
export function ingressDiagnostics(model: IngressNginx): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (ing: IngressRecord, code: string, severity: Diagnostic['severity'], message: string, field?: string) =>
    out.push({ code, severity, message, file: ing.source.file, ...(ing.source.range ? { range: ing.source.range } : {}), object: ing.ref, ...(field ? { field } : {}) });
  for (const ing of model.ingresses) {
    if (!ing.klass.served) {
      add(ing, 'ingress_not_served', 'warning', `Ingress ${ing.namespace}/${ing.name} routes nothing: ${ing.klass.message}`, ing.klass.field);
      continue;
    }
    for (const p of ing.annotations.problems) add(ing, 'ingress_annotation_invalid', 'warning', p);
    for (const problem of referenceProblems(model, ing)) {
      const code = problem.reason === 'BackendNotFound' ? 'ingress_backend_service_not_found' : problem.reason === 'PortNotFound' ? 'ingress_backend_port_not_found' : 'ingress_tls_secret_unusable';
      add(ing, code, 'warning', problem.message, problem.field);
    }
    for (const rule of ing.spec.rules) for (const p of rule.paths ?? []) if (!p.service && p.resource) add(ing, 'ingress_resource_backend_ignored', 'info', `${p.field}: ingress-nginx serves only Service backends; this path is skipped`, p.field);
  }
  for (const server of model.servers.values()) {
    for (const loc of server.locations) {
      if (loc.exactTwin) continue;
      for (const s of loc.shadowed) add(s.ingress, 'ingress_path_shadowed', 'warning', `host ${server.hostname === CATCH_ALL ? '(any)' : server.hostname} path ${loc.ingressPath} is already defined in Ingress ${loc.ingress!.namespace}/${loc.ingress!.name}, which is older and keeps it`, s.field);
      if (loc.regexError && loc.ingress) add(loc.ingress, 'ingress_path_invalid_regex', 'warning', loc.regexError, loc.field);
    }
  }
  return out.sort((a, b) => compareStrings(a.object ?? '', b.object ?? '') || compareStrings(a.code, b.code) || compareStrings(a.message, b.message));
}
