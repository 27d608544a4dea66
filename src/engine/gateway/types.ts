// The Gateway API controller's view of the cluster, built once per simulation: what it accepted,
// which routes attached where, and the indexes its data plane matches requests with.
import type { Condition } from '../scenario/conditions.ts';
import type { LabelSelector, Service, ServicePort, SourceLocation } from '../types.ts';

export const GATEWAY_GROUP = 'gateway.networking.k8s.io';

export interface GatewayClassModel {
  name: string;
  controllerName: string;
  source: SourceLocation;
  conditions: Condition[];
}

export interface AllowedRoutes {
  from: 'Same' | 'All' | 'Selector' | 'None';
  selector?: LabelSelector;
}

export interface ListenerModel {
  index: number;
  name: string;
  port: number;
  protocol: string;
  /** Lower-case listener hostname; undefined matches every host. */
  hostname?: string;
  allowedRoutes: AllowedRoutes;
  /** Route kinds that may attach (`HTTPRoute`, `GRPCRoute`, ...). */
  supportedKinds: string[];
  conditions: Condition[];
  /** Accepted, not conflicted, references resolved: the data plane serves it. */
  programmed: boolean;
  /** Routes whose Accepted condition is True for this listener. */
  attachedRoutes: number;
  field: string;
}

export interface GatewayModel {
  namespace: string;
  name: string;
  ref: string;
  source: SourceLocation;
  className: string;
  /** Manifest position: the creation order the precedence rules tie-break on. */
  order: number;
  /** A controller owns it: the addon is installed and its GatewayClass exists. */
  reconciled: boolean;
  /** `deployment/gateway-system/gateway-<ns>-<name>`: what its data-plane pods were created by. */
  dataPlane: string;
  /** The data-plane Service (`gateway-system/gateway-<ns>-<name>`). */
  service?: Service;
  address?: string;
  listeners: ListenerModel[];
  conditions: Condition[];
}

export interface PathMatch {
  type: 'Exact' | 'PathPrefix' | 'RegularExpression';
  value: string;
  regex?: RegExp;
}

export interface ValueMatch {
  type: 'Exact' | 'RegularExpression';
  /** Header names lower case; query parameter names as written (they are case-sensitive). */
  name: string;
  value: string;
  regex?: RegExp;
}

export interface RouteMatch {
  index: number;
  path: PathMatch;
  headers: ValueMatch[];
  queryParams: ValueMatch[];
  method?: string;
  field: string;
}

export interface HeaderModifier {
  set: Array<{ name: string; value: string }>;
  add: Array<{ name: string; value: string }>;
  remove: string[];
}

export interface PathModifier {
  type: 'ReplaceFullPath' | 'ReplacePrefixMatch';
  value: string;
}

export type RouteFilter =
  | { type: 'RequestHeaderModifier'; field: string; modifier: HeaderModifier }
  | { type: 'ResponseHeaderModifier'; field: string; modifier: HeaderModifier }
  | { type: 'RequestRedirect'; field: string; scheme?: string; hostname?: string; port?: number; statusCode: number; path?: PathModifier }
  | { type: 'URLRewrite'; field: string; hostname?: string; path?: PathModifier }
  | { type: 'RequestMirror'; field: string; backend: BackendRefModel; percent: number }
  | { type: 'CORS' | 'ExtensionRef' | 'ExternalAuth'; field: string };

/** Why a backendRef does not resolve, in the ResolvedRefs condition's reasons. */
export type BackendProblem = { reason: 'BackendNotFound' | 'RefNotPermitted' | 'InvalidKind'; message: string };

export interface BackendRefModel {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port?: number;
  weight: number;
  filters: RouteFilter[];
  field: string;
  service?: Service;
  servicePort?: ServicePort;
  problem?: BackendProblem;
}

export interface RuleModel {
  index: number;
  name?: string;
  matches: RouteMatch[];
  filters: RouteFilter[];
  backendRefs: BackendRefModel[];
  field: string;
  /** A rule the controller drops (UnsupportedValue, IncompatibleFilters), and why. */
  invalid?: { reason: string; message: string };
}

export interface ParentRefModel {
  index: number;
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName?: string;
  port?: number;
  field: string;
}

export interface RouteModel {
  kind: 'HTTPRoute' | 'GRPCRoute';
  namespace: string;
  name: string;
  ref: string;
  source: SourceLocation;
  order: number;
  hostnames: string[];
  parentRefs: ParentRefModel[];
  rules: RuleModel[];
}

/** How one listener took (or refused) one route parentRef. */
export interface ListenerVerdict {
  listener: string;
  attached: boolean;
  /** Effective hostnames: the intersection of the route's and the listener's. */
  hostnames: string[];
  reason?: 'NotAllowedByListeners' | 'NoMatchingListenerHostname' | 'NoMatchingParent';
  message: string;
}

/** One entry of a route's status.parents, as the controller writes it. */
export interface RouteParentStatus {
  parentRef: ParentRefModel;
  /** `gateway/<ns>/<name>` when the parentRef names a Gateway. */
  gateway?: string;
  /** Whether the Gateway's controller (this addon) writes this entry at all. */
  reconciled: boolean;
  conditions: Condition[];
  listeners: ListenerVerdict[];
}
