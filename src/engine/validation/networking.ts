// NetworkPolicy, Ingress and IngressClass (networking.k8s.io/v1), following
// kubernetes/pkg/apis/networking/validation/validation.go.
import type { FieldError, ManifestObject } from '../types.ts';
import { asArray, asNumber, asObject, asString, child, index, type JsonObject } from './access.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isDomainPrefixedPath, isValidPortName, isValidPortNum, isWildcardDNS1123Subdomain } from './content.ts';
import { forbidden, invalid, notSupported, required, tooLong } from './field-errors.ts';
import { cidrContainsAddress, isValidCIDRLegacy, parseCIDR, parseIP } from './ip-format.ts';
import { validateLabelSelector, validateObjectMeta } from './meta.ts';

const NETPOL_PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const POLICY_TYPES = ['Ingress', 'Egress'];
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_PATH_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_PATH_SUFFIXES = ['/..', '/.'];
const MAX_LEN_INGRESS_CLASS_CONTROLLER = 250;

/** ValidateNetworkPolicy. */
export function validateNetworkPolicy(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  errs.push(...validateLabelSelector(spec.podSelector ?? {}, 'spec.podSelector'));
  for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const) {
    asArray(spec[direction]).forEach((r, i) => {
      const rule = asObject(r) ?? {};
      const rulePath = index(child('spec', direction), i);
      asArray(rule.ports).forEach((p, j) => errs.push(...validateNetworkPolicyPort(asObject(p) ?? {}, index(child(rulePath, 'ports'), j))));
      asArray(rule[peers]).forEach((p, j) => errs.push(...validateNetworkPolicyPeer(asObject(p) ?? {}, index(child(rulePath, peers), j))));
    });
  }
  const policyTypes = asArray(spec.policyTypes);
  if (policyTypes.length > POLICY_TYPES.length) {
    errs.push(invalid('spec.policyTypes', policyTypes, 'may not specify more than two policyTypes'));
    return errs;
  }
  policyTypes.forEach((t, i) => {
    if (!POLICY_TYPES.includes(String(t))) errs.push(notSupported(index('spec.policyTypes', i), t, POLICY_TYPES));
  });
  return errs;
}

function validateNetworkPolicyPort(port: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const protocol = asString(port.protocol);
  if (protocol !== undefined && !NETPOL_PROTOCOLS.includes(protocol)) errs.push(notSupported(child(path, 'protocol'), protocol, NETPOL_PROTOCOLS));
  const endPort = asNumber(port.endPort);
  if (typeof port.port === 'number') {
    errs.push(...isValidPortNum(port.port).map((msg) => invalid(child(path, 'port'), port.port, msg)));
    if (endPort !== undefined) {
      // Upstream reports the `port` value on the endPort path.
      if (endPort < port.port) errs.push(invalid(child(path, 'endPort'), port.port, 'must be greater than or equal to `port`'));
      errs.push(...isValidPortNum(endPort).map((msg) => invalid(child(path, 'endPort'), endPort, msg)));
    }
  } else if (typeof port.port === 'string') {
    if (endPort !== undefined) errs.push(invalid(child(path, 'endPort'), endPort, 'may not be specified when `port` is non-numeric'));
    const name = port.port;
    errs.push(...isValidPortName(name).map((msg) => invalid(child(path, 'port'), name, msg)));
  } else if (endPort !== undefined) {
    errs.push(invalid(child(path, 'endPort'), endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

function validateNetworkPolicyPeer(peer: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let peers = 0;
  if (peer.podSelector !== undefined && peer.podSelector !== null) {
    peers++;
    errs.push(...validateLabelSelector(peer.podSelector, child(path, 'podSelector')));
  }
  if (peer.namespaceSelector !== undefined && peer.namespaceSelector !== null) {
    peers++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, child(path, 'namespaceSelector')));
  }
  const ipBlock = asObject(peer.ipBlock);
  if (ipBlock) {
    peers++;
    errs.push(...validateIPBlock(ipBlock, child(path, 'ipBlock')));
  }
  if (peers === 0) errs.push(required(path, 'must specify a peer'));
  else if (peers > 1 && ipBlock) errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

/** ValidateIPBlock: a CIDR, and `except` entries strictly inside it. */
function validateIPBlock(ipBlock: JsonObject, path: string): FieldError[] {
  const cidrText = asString(ipBlock.cidr) ?? '';
  if (!cidrText) return [required(child(path, 'cidr'))];
  const errs = isValidCIDRLegacy(child(path, 'cidr'), cidrText);
  const cidr = parseCIDR(cidrText);
  if (!cidr) return errs;
  asArray(ipBlock.except).forEach((e, i) => {
    const exceptText = String(e);
    const exceptPath = index(child(path, 'except'), i);
    errs.push(...isValidCIDRLegacy(exceptPath, exceptText));
    const except = parseCIDR(exceptText);
    if (!except) return;
    if (!cidrContainsAddress(cidr, except) || cidr.bits >= except.bits) errs.push(invalid(exceptPath, exceptText, 'must be a strict subset of `cidr`'));
  });
  return errs;
}

/** ValidateIngressCreate. */
export function validateIngress(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  const rules = asArray(spec.rules);
  const defaultBackend = asObject(spec.defaultBackend);
  if (rules.length === 0 && !defaultBackend) errs.push(invalid('spec', Array.isArray(spec.rules) ? spec.rules : null, 'either `defaultBackend` or `rules` must be specified'));
  if (defaultBackend) errs.push(...validateIngressBackend(defaultBackend, 'spec.defaultBackend'));
  rules.forEach((r, i) => errs.push(...validateIngressRule(asObject(r) ?? {}, index('spec.rules', i))));
  asArray(spec.tls).forEach((t, i) => {
    const tls = asObject(t) ?? {};
    const tlsPath = index('spec.tls', i);
    asArray(tls.hosts).forEach((h, j) => {
      const host = String(h);
      const check = host.includes('*') ? isWildcardDNS1123Subdomain : isDNS1123Subdomain;
      errs.push(...check(host).map((msg) => invalid(index(child(tlsPath, 'hosts'), j), host, msg)));
    });
    const secretName = asString(tls.secretName);
    if (secretName) errs.push(...isDNS1123Subdomain(secretName).map((msg) => invalid(child(tlsPath, 'secretName'), secretName, msg)));
  });
  const className = asString(spec.ingressClassName);
  if (className !== undefined) errs.push(...isDNS1123Subdomain(className).map((msg) => invalid('spec.ingressClassName', className, msg)));
  const annotation = asString(asObject(asObject(obj.metadata)?.annotations)?.['kubernetes.io/ingress.class']);
  if (annotation !== undefined && className !== undefined && annotation !== className) {
    errs.push(invalid('annotations.kubernetes.io/ingress.class', annotation, 'must match `ingressClassName` when both are specified'));
  }
  return errs;
}

function validateIngressRule(rule: JsonObject, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const host = asString(rule.host) ?? '';
  if (host) {
    if (parseIP(host)) errs.push(invalid(child(path, 'host'), host, 'must be a DNS name, not an IP address'));
    const check = host.includes('*') ? isWildcardDNS1123Subdomain : isDNS1123Subdomain;
    errs.push(...check(host).map((msg) => invalid(child(path, 'host'), host, msg)));
  }
  const http = asObject(rule.http);
  if (!http) return errs;
  const paths = asArray(http.paths);
  if (paths.length === 0) errs.push(required(child(path, 'http.paths')));
  paths.forEach((p, i) => errs.push(...validateHTTPIngressPath(asObject(p) ?? {}, index(child(path, 'http.paths'), i))));
  return errs;
}

function validateHTTPIngressPath(httpPath: JsonObject, path: string): FieldError[] {
  const pathType = asString(httpPath.pathType);
  if (pathType === undefined) return [required(child(path, 'pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const value = asString(httpPath.path) ?? '';
  const pathField = child(path, 'path');
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(pathField, value, 'must be an absolute path'));
    if (value) {
      for (const seq of INVALID_PATH_SEQUENCES) if (value.includes(seq)) errs.push(invalid(pathField, value, `must not contain '${seq}'`));
      for (const suffix of INVALID_PATH_SUFFIXES) if (value.endsWith(suffix)) errs.push(invalid(pathField, value, `cannot end with '${suffix}'`));
    }
  } else if (pathType === 'ImplementationSpecific') {
    if (value && !value.startsWith('/')) errs.push(invalid(pathField, value, 'must be an absolute path'));
  } else {
    errs.push(notSupported(child(path, 'pathType'), pathType, PATH_TYPES));
  }
  errs.push(...validateIngressBackend(asObject(httpPath.backend) ?? {}, child(path, 'backend')));
  return errs;
}

/** validateIngressBackend: a service (name plus port name or number) or a resource, not both. */
function validateIngressBackend(backend: JsonObject, path: string): FieldError[] {
  const resource = asObject(backend.resource);
  const service = asObject(backend.service);
  if (resource && service) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (resource) {
    const errs: FieldError[] = [];
    if (!asString(resource.kind)) errs.push(required(child(path, 'resource.kind'), 'kind is required'));
    if (!asString(resource.name)) errs.push(required(child(path, 'resource.name'), 'name is required'));
    return errs;
  }
  if (!service) return [invalid(path, '', 'resource or service backend is required')];
  const errs: FieldError[] = [];
  const name = asString(service.name) ?? '';
  if (!name) errs.push(required(child(path, 'service.name')));
  else errs.push(...isDNS1035Label(name).map((msg) => invalid(child(path, 'service.name'), name, msg)));
  const port = asObject(service.port) ?? {};
  const portName = asString(port.name) ?? '';
  const portNumber = asNumber(port.number) ?? 0;
  if (portName && portNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) errs.push(...isValidPortName(portName).map((msg) => invalid(child(path, 'service.port.name'), portName, msg)));
  else if (portNumber) errs.push(...isValidPortNum(portNumber).map((msg) => invalid(child(path, 'service.port.number'), portNumber, msg)));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

/** ValidateIngressClass: a domain-prefixed controller and a well-formed parameters reference. */
export function validateIngressClass(obj: ManifestObject): FieldError[] {
  const spec = asObject(obj.spec) ?? {};
  const errs = validateObjectMeta(obj.metadata, false, 'subdomain');
  const controller = asString(spec.controller) ?? '';
  if (controller.length > MAX_LEN_INGRESS_CLASS_CONTROLLER) errs.push(tooLong('spec.controller', MAX_LEN_INGRESS_CLASS_CONTROLLER));
  if (!controller) errs.push(required('spec.controller'));
  else for (const e of isDomainPrefixedPath(controller)) errs.push(invalid('spec.controller', e.value, e.message));
  const params = asObject(spec.parameters);
  if (params) {
    const path = 'spec.parameters';
    const apiGroup = asString(params.apiGroup);
    if (apiGroup !== undefined) errs.push(...isDNS1123Subdomain(apiGroup).map((msg) => invalid(child(path, 'apiGroup'), apiGroup, msg)));
    if (!asString(params.kind)) errs.push(required(child(path, 'kind'), 'kind is required'));
    if (!asString(params.name)) errs.push(required(child(path, 'name'), 'name is required'));
    const scope = asString(params.scope) ?? 'Cluster';
    const namespace = asString(params.namespace);
    if (scope !== 'Cluster' && scope !== 'Namespace') errs.push(notSupported(child(path, 'scope'), scope, ['Cluster', 'Namespace']));
    else if (scope === 'Namespace' && namespace === undefined) errs.push(required(child(path, 'namespace'), "`parameters.scope` is set to 'Namespace'"));
    else if (scope === 'Namespace') errs.push(...isDNS1123Label(namespace!).map((msg) => invalid(child(path, 'namespace'), namespace, msg)));
    else if (namespace !== undefined) errs.push(forbidden(child(path, 'namespace'), "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}
