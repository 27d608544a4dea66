// The ingress-nginx model's internal data: Ingresses as the controller reads them, and the nginx
// configuration it renders from them (servers, locations, upstreams), named as ingress-nginx's
// internal/ingress/controller and pkg/apis/ingress name them.
import type { ManifestObject, Pod, Service, ServicePort, SourceLocation } from '../types.ts';

/** `--controller-class` of the addon's controller: IngressClasses naming it are served. */
export const CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
/** `--ingress-class`: the legacy `kubernetes.io/ingress.class` annotation value it accepts. */
export const ANNOTATION_CLASS_VALUE = 'nginx';
/** The addon's controller Deployment, as its pods' `createdBy`. */
export const CONTROLLER_REF = 'deployment/ingress-nginx/ingress-nginx-controller';
/** `--publish-service`: the Service whose address the controller writes into Ingress status. */
export const PUBLISH_SERVICE = { namespace: 'ingress-nginx', name: 'ingress-nginx-controller' };
/** The upstream that answers 404 for everything nothing else claims (nginx on 127.0.0.1:8181). */
export const DEFAULT_UPSTREAM = 'upstream-default-backend';
/** nginx's catch-all server name. */
export const CATCH_ALL = '_';

/** A backend that names a Service (`service.name` plus `port.number` or `port.name`). */
export interface ServiceBackendRef {
  name: string;
  port: { number?: number; name?: string };
  /** Field path of the backend (`spec.rules[0].http.paths[1].backend`). */
  field: string;
}

/** One `spec.rules[].http.paths[]` entry. */
export interface PathView {
  path: string;
  /** As written (`Exact`, `Prefix`, `ImplementationSpecific`). */
  pathType: string;
  service?: ServiceBackendRef;
  /** The backend is a `resource` (ingress-nginx serves only Service backends). */
  resource: boolean;
  field: string;
}

export interface RuleView {
  /** Lower-cased; empty when the rule has no host. */
  host: string;
  field: string;
  /** Undefined when the rule has no `http` block. */
  paths?: PathView[];
}

export interface TlsView {
  hosts: string[];
  secretName?: string;
  field: string;
}

/** The parts of an Ingress spec the controller reads, typed. */
export interface IngressSpecView {
  ingressClassName?: string;
  defaultBackend?: { service?: ServiceBackendRef; resource: boolean; field: string };
  rules: RuleView[];
  tls: TlsView[];
}

/** How the Ingress's class was resolved, and whether this controller serves it. */
export interface ClassResolution {
  served: boolean;
  /** Condition-style reason: `Accepted`, `NoIngressClass`, `IngressClassNotFound`, ... */
  reason: string;
  message: string;
  via: 'ingressClassName' | 'annotation' | 'default-class' | 'none';
  className?: string;
  /** Reference of the deciding object (`ingressclass/nginx`) or field. */
  classRef?: string;
  field?: string;
}

export interface RateLimit {
  rps: number;
  rpm: number;
  burstMultiplier: number;
  allowlist: string[];
  /** limit_req zone name: one per Ingress, shared by its locations. */
  zone: string;
}

/** The canary's traffic shaping policy (canary-weight, canary-by-header, canary-by-cookie). */
export interface CanaryPolicy {
  weight: number;
  weightTotal: number;
  header?: string;
  headerValue?: string;
  headerPattern?: string;
  cookie?: string;
}

/** The `nginx.ingress.kubernetes.io/*` annotations this model acts on, parsed with the
 * controller's defaults (ConfigMap defaults of v1.12). */
export interface NginxAnnotations {
  sslRedirect: boolean;
  forceSslRedirect: boolean;
  useRegex: boolean;
  rewriteTarget?: string;
  appRoot?: string;
  redirect?: { url: string; code: number; annotation: string };
  backendProtocol: string;
  rateLimit?: RateLimit;
  canary?: CanaryPolicy;
  /** Annotation values the controller could not parse (it falls back to the default). */
  problems: string[];
}

/** One accepted Ingress as the controller lists it. */
export interface IngressRecord {
  ref: string;
  namespace: string;
  name: string;
  object: ManifestObject;
  source: SourceLocation;
  /** Creation order (manifest order of its first admission). */
  order: number;
  spec: IngressSpecView;
  annotations: NginxAnnotations;
  klass: ClassResolution;
}

/** One ready endpoint of an upstream, as the Lua balancer holds it. */
export interface UpstreamEndpoint {
  ip: string;
  port: number;
  pod?: Pod;
  slice: string;
}

export type UpstreamProblem = 'service-not-found' | 'port-not-found' | 'no-ready-endpoints' | 'external-name';

/** An nginx upstream: one Service port referenced by some Ingress (`<ns>-<svc>-<port>`). */
export interface Upstream {
  name: string;
  namespace: string;
  serviceName: string;
  /** The port as the Ingress names it (number or name). */
  port: number | string;
  service?: Service;
  servicePort?: ServicePort;
  endpoints: UpstreamEndpoint[];
  problem?: { kind: UpstreamProblem; message: string };
  /** Canary upstreams have no server of their own. */
  noServer: boolean;
  canary?: CanaryPolicy;
  /** Canary upstreams merged into this one (the balancer only ever uses the first). */
  alternatives: string[];
  /** The Ingress and backend field that first referenced it. */
  ingress: IngressRecord;
  field: string;
}

/** A later definition of the same host and path that lost to an older Ingress. */
export interface ShadowedPath {
  ingress: IngressRecord;
  field: string;
}

/** An nginx `location` block. */
export interface Location {
  /** The location's path as rendered (Prefix paths normalised to end in `/`). */
  path: string;
  pathType: 'Exact' | 'Prefix';
  /** The path and pathType as written in the Ingress. */
  ingressPath: string;
  writtenPathType: string;
  backend: string;
  /** Still the server's generated root location (the default backend). */
  isDefBackend: boolean;
  ingress?: IngressRecord;
  field?: string;
  annotations: NginxAnnotations;
  /** The `= /foo` twin ingress-nginx adds next to a `Prefix /foo` location. */
  exactTwin: boolean;
  shadowed: ShadowedPath[];
  /** Compiled `~* "^<path>"` when the server is in regex mode. */
  regex?: RegExp;
  regexError?: string;
  /** Compiled `rewrite "(?i)<path>" <target> break;` when rewrite-target applies. */
  rewrite?: RegExp;
}

export interface Certificate {
  kind: 'secret' | 'fake';
  /** `<ns>/<name>` of the Secret, when one was used or looked for. */
  secret?: string;
  message: string;
  ingress: IngressRecord;
  field: string;
}

/** An nginx `server` block: one hostname (or `_`, the catch-all). */
export interface Server {
  hostname: string;
  locations: Location[];
  /** The Ingress and rule that created it (none for the catch-all). */
  ingress?: IngressRecord;
  field?: string;
  cert?: Certificate;
  /** `use-regex` or `rewrite-target` on any of its locations: every location is a `~*` regex. */
  regexMode: boolean;
  exact: Map<string, Location>;
  prefix: Map<string, Location>;
  regexList: Location[];
}

/** The controller's whole rendered configuration, indexed for request matching. */
export interface NginxModel {
  ingresses: IngressRecord[];
  served: IngressRecord[];
  unserved: IngressRecord[];
  /** Paths of served Ingresses the controller skips (resource backends). */
  skippedPaths: Array<{ ingress: IngressRecord; host: string; path: PathView }>;
  servers: Map<string, Server>;
  /** `*.example.com` servers keyed by `example.com`. */
  wildcards: Map<string, Server>;
  catchAll: Server;
  upstreams: Map<string, Upstream>;
  controllerInstalled: boolean;
  /** status.loadBalancer.ingress the controller writes (its Service's external address). */
  address?: string;
}
