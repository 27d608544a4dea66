// The objects the controller's informers list: accepted Ingresses (typed, with their class
// resolved), IngressClasses and Secrets, in creation order.
import { asArray, asNumber, asObject, asString, asStringMap, child, index, type JsonObject } from '../validation/access.ts';
import type { AdmittedObject, Cluster } from '../types.ts';
import { parseNginxAnnotations } from './annotations.ts';
import { ingressClassEntries, resolveIngressClass, type IngressClassEntry } from './classes.ts';
import type { IngressRecord, IngressSpecView, PathView, RuleView, ServiceBackendRef, TlsView } from './types.ts';

/** Accepted objects of the kinds the controller watches, deduplicated: a later document for the
 * same object updates it (its content wins) but keeps the creation order of the first. */
export interface ListedObjects {
  ingresses: Array<{ object: AdmittedObject; order: number }>;
  classes: IngressClassEntry[];
  /** `<ns>/<name>` -> Secret. */
  secrets: Map<string, AdmittedObject>;
}

const WATCHED = new Set(['Ingress', 'IngressClass', 'Secret']);

/** Lists the accepted Ingresses, IngressClasses and Secrets of a cluster. */
export function listObjects(cluster: Cluster): ListedObjects {
  const byRef = new Map<string, { object: AdmittedObject; order: number }>();
  cluster.objects.forEach((o, i) => {
    if (!o.accepted || !WATCHED.has(o.kind)) return;
    const previous = byRef.get(o.ref);
    byRef.set(o.ref, { object: o, order: previous?.order ?? i });
  });
  const all = [...byRef.values()].sort((a, b) => a.order - b.order);
  const secrets = new Map<string, AdmittedObject>();
  for (const { object } of all) if (object.kind === 'Secret') secrets.set(`${object.namespace ?? 'default'}/${object.name}`, object);
  return {
    ingresses: all.filter((e) => e.object.kind === 'Ingress'),
    classes: ingressClassEntries(all.filter((e) => e.object.kind === 'IngressClass')),
    secrets,
  };
}

/** Reads every accepted Ingress as the controller does, resolving its class. */
export function readIngresses(listed: ListedObjects, controllerInstalled: boolean): IngressRecord[] {
  return listed.ingresses.map(({ object, order }) => {
    const namespace = object.namespace ?? 'default';
    const annotations = asStringMap(object.object.metadata.annotations) ?? {};
    return {
      ref: `ingress/${namespace}/${object.name}`,
      namespace,
      name: object.name,
      object: object.object,
      source: object.source,
      order,
      spec: readSpec(asObject(object.object.spec) ?? {}),
      annotations: parseNginxAnnotations(annotations, `${namespace}/${object.name}`),
      klass: resolveIngressClass(object.object, order, listed.classes, controllerInstalled),
    };
  });
}

function readSpec(spec: JsonObject): IngressSpecView {
  const view: IngressSpecView = { rules: [], tls: [] };
  const className = asString(spec.ingressClassName);
  if (className !== undefined) view.ingressClassName = className;
  const defaultBackend = asObject(spec.defaultBackend);
  if (defaultBackend) {
    const service = readServiceBackend(defaultBackend, 'spec.defaultBackend');
    view.defaultBackend = { ...(service ? { service } : {}), resource: asObject(defaultBackend.resource) !== undefined, field: 'spec.defaultBackend' };
  }
  asArray(spec.rules).forEach((r, i) => {
    const rule = asObject(r) ?? {};
    const field = index('spec.rules', i);
    const ruleView: RuleView = { host: (asString(rule.host) ?? '').toLowerCase(), field };
    const http = asObject(rule.http);
    if (http) ruleView.paths = asArray(http.paths).map((p, j) => readPath(asObject(p) ?? {}, index(child(field, 'http.paths'), j)));
    view.rules.push(ruleView);
  });
  asArray(spec.tls).forEach((t, i) => {
    const tls = asObject(t) ?? {};
    const entry: TlsView = { hosts: asArray(tls.hosts).map((h) => String(h).toLowerCase()), field: index('spec.tls', i) };
    const secretName = asString(tls.secretName);
    if (secretName) entry.secretName = secretName;
    view.tls.push(entry);
  });
  return view;
}

function readPath(path: JsonObject, field: string): PathView {
  const backend = asObject(path.backend) ?? {};
  const service = readServiceBackend(backend, child(field, 'backend'));
  return {
    path: asString(path.path) ?? '',
    pathType: asString(path.pathType) ?? 'ImplementationSpecific',
    ...(service ? { service } : {}),
    resource: asObject(backend.resource) !== undefined,
    field,
  };
}

function readServiceBackend(backend: JsonObject, field: string): ServiceBackendRef | undefined {
  const service = asObject(backend.service);
  if (!service) return undefined;
  const port = asObject(service.port) ?? {};
  const number = asNumber(port.number);
  const name = asString(port.name);
  return { name: asString(service.name) ?? '', port: { ...(number ? { number } : {}), ...(name ? { name } : {}) }, field };
}

/** ingress-nginx's upstreamName: `<ns>-<svc>-<port number or name>`. */
export function upstreamName(namespace: string, service: ServiceBackendRef): string {
  if (service.port.number) return `${namespace}-${service.name}-${service.port.number}`;
  if (service.port.name) return `${namespace}-${service.name}-${service.port.name}`;
  return `${namespace}-INVALID`;
}

/** The backend port as a string, as ingress-nginx compares it (port.String()). */
export function backendPortString(service: ServiceBackendRef): string {
  return service.port.number ? String(service.port.number) : (service.port.name ?? '');
}
