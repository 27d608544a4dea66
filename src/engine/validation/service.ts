// Service admission in the API server's order: the allocator's pre-checks (ClusterIP fields, then
// requested nodePorts) each fail alone before full validation runs (pkg/registry/core/service/
// storage/alloc.go), then ValidateService (pkg/apis/core/validation/validation.go).
import type { FieldError, ManifestObject } from '../types.ts';
import { asArray, asNumber, asObject, asString, child, index, type JsonObject } from './access.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from './content.ts';
import { duplicate, forbidden, invalid, notSupported, required } from './field-errors.ts';
import { isValidCIDR, isValidIP, parseIP } from './ip-format.ts';
import { validateLabels, validateObjectMeta } from './meta.ts';
import { PORT_PROTOCOLS, validatePortNumOrName } from './pod.ts';
import { validateNonSpecialIP } from './special-ip.ts';

export const NODE_PORT_RANGE = '30000-32767';
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SESSION_AFFINITIES = ['ClientIP', 'None'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;

/** The allocator's error for a requested nodePort outside the range (`spec.ports[i].nodePort`). */
export function nodePortNotInRangeError(portIndex: number, nodePort: number, range = NODE_PORT_RANGE): FieldError {
  return invalid(`spec.ports[${portIndex}].nodePort`, nodePort, `provided port is not in the valid range. The range of valid ports is ${range}`);
}

/** The allocator's error for a requested nodePort another Service holds. */
export function nodePortAlreadyAllocatedError(portIndex: number, nodePort: number): FieldError {
  return invalid(`spec.ports[${portIndex}].nodePort`, nodePort, 'provided port is already allocated');
}

/** The allocator's error for a requested ClusterIP it cannot give (`detail`: `provided IP is already allocated`, ...). */
export function clusterIPAllocationError(clusterIPs: string[], ip: string, detail: string): FieldError {
  return invalid('spec.clusterIPs', clusterIPs, `failed to allocate IP ${ip}: ${detail}`);
}

interface ServiceView {
  spec: JsonObject;
  type: string;
  clusterIP: string;
  clusterIPs: string[];
  ports: JsonObject[];
}

/** The spec after v1 defaulting and the registry's ClusterIP/ClusterIPs normalisation. */
function viewOf(obj: ManifestObject): ServiceView {
  const spec = asObject(obj.spec) ?? {};
  const type = asString(spec.type) ?? 'ClusterIP';
  let clusterIP = asString(spec.clusterIP) ?? '';
  let clusterIPs = asArray(spec.clusterIPs).map(String);
  if (type !== 'ExternalName') {
    if (clusterIP && clusterIPs.length === 0) clusterIPs = [clusterIP];
    if (!clusterIP && clusterIPs.length > 0) clusterIP = clusterIPs[0]!;
  }
  return { spec, type, clusterIP, clusterIPs, ports: asArray(spec.ports).map((p) => asObject(p) ?? {}) };
}

function isHeadless(v: ServiceView): boolean {
  return v.clusterIPs.length === 1 && v.clusterIPs[0] === 'None';
}

/** The checks the allocator makes before validation; the first failing stage is reported alone. */
export function validateServiceAllocation(obj: ManifestObject): FieldError[] {
  const v = viewOf(obj);
  if (v.type === 'ExternalName') return [];
  const ipErrs = validateClusterIPsRelatedFields(v);
  if (ipErrs.length) return ipErrs;
  const familyErrs = validateIPFamiliesForSingleStackIPv4(v);
  if (familyErrs.length) return familyErrs;
  if (v.type === 'NodePort' || v.type === 'LoadBalancer') {
    const [low, high] = NODE_PORT_RANGE.split('-').map(Number) as [number, number];
    for (let i = 0; i < v.ports.length; i++) {
      const np = requestedNodePort(v.ports, i);
      if (np !== 0 && (np < low || np > high)) return [nodePortNotInRangeError(i, np)];
    }
  }
  return [];
}

/** findRequestedNodePort: a port shares the nodePort requested for the same service port number. */
function requestedNodePort(ports: JsonObject[], i: number): number {
  const own = asNumber(ports[i]!.nodePort) ?? 0;
  if (own !== 0) return own;
  const port = asNumber(ports[i]!.port);
  for (let j = i + 1; j < ports.length; j++) if (asNumber(ports[j]!.port) === port && asNumber(ports[j]!.nodePort)) return asNumber(ports[j]!.nodePort)!;
  return 0;
}

/** ValidateServiceClusterIPsRelatedFields. */
function validateClusterIPsRelatedFields(v: ServiceView): FieldError[] {
  const errs: FieldError[] = [];
  const ipsPath = 'spec.clusterIPs';
  if (v.clusterIP && v.clusterIPs[0] !== v.clusterIP) errs.push(invalid(ipsPath, v.clusterIPs, 'first value must match `clusterIP`'));
  const families = asArray(v.spec.ipFamilies).map(String);
  const seen = new Set<string>();
  families.forEach((f, i) => {
    if (!IP_FAMILIES.includes(f)) errs.push(notSupported(index('spec.ipFamilies', i), f, IP_FAMILIES));
    if (seen.has(f)) errs.push(duplicate(index('spec.ipFamilies', i), f));
    seen.add(f);
  });
  const policy = asString(v.spec.ipFamilyPolicy);
  if (policy !== undefined && !IP_FAMILY_POLICIES.includes(policy)) errs.push(notSupported('spec.ipFamilyPolicy', policy, IP_FAMILY_POLICIES));
  let hasInvalidIPs = false;
  v.clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (v.clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errs.push(invalid(ipsPath, v.clusterIPs, "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrs = isValidIP(index(ipsPath, i), ip);
    if (ipErrs.length) hasInvalidIPs = true;
    errs.push(...ipErrs);
  });
  if (v.clusterIPs.length > 2) errs.push(invalid(ipsPath, v.clusterIPs, 'may only hold up to 2 values'));
  if (hasInvalidIPs) return errs;
  if (v.clusterIPs.length > 1) {
    const fams = v.clusterIPs.map((ip) => parseIP(ip)?.family);
    if (fams[0] === fams[1]) errs.push(invalid(ipsPath, v.clusterIPs, 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(v)) {
    v.clusterIPs.forEach((ip, i) => {
      const want = families[i];
      const family = parseIP(ip)?.family;
      if (want === 'IPv4' && family === 6) errs.push(invalid(index(ipsPath, i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (want === 'IPv6' && family !== 6) errs.push(invalid(index(ipsPath, i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

/** initIPFamilyFields on the engine's cluster: single-stack IPv4. */
function validateIPFamiliesForSingleStackIPv4(v: ServiceView): FieldError[] {
  const selector = asObject(v.spec.selector);
  const headlessSelectorless = v.clusterIP === 'None' && (!selector || Object.keys(selector).length === 0);
  const policy = asString(v.spec.ipFamilyPolicy) ?? (headlessSelectorless ? 'RequireDualStack' : 'SingleStack');
  const families = asArray(v.spec.ipFamilies).map(String);
  const errs: FieldError[] = [];
  if (policy === 'SingleStack') {
    if (v.clusterIPs.length === 2) errs.push(invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if (families.length === 2) errs.push(invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  v.clusterIPs.forEach((ip, i) => {
    if (ip === 'None' || i < families.length) return;
    if (parseIP(ip)?.family === 6) errs.push(invalid(index('spec.clusterIPs', i), v.clusterIPs, 'IPv6 is not configured on this cluster'));
  });
  if (errs.length || headlessSelectorless) return errs;
  if (policy === 'RequireDualStack') errs.push(invalid('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services'));
  families.forEach((f, i) => {
    if (f === 'IPv6') errs.push(invalid(index('spec.ipFamilies', i), f, 'not configured on this cluster'));
  });
  return errs;
}

/** Full Service admission: allocator pre-checks, then ValidateService. */
export function validateService(obj: ManifestObject): FieldError[] {
  const allocation = validateServiceAllocation(obj);
  if (allocation.length) return allocation;
  const v = viewOf(obj);
  const { spec } = v;
  const errs = validateObjectMeta(obj.metadata, true, 'dns1035');
  const headless = isHeadless(v);
  if (v.ports.length === 0 && !headless && v.type !== 'ExternalName') errs.push(required('spec.ports'));
  if (v.type === 'LoadBalancer' && headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for LoadBalancer services"));
  if (v.type === 'NodePort' && headless) errs.push(invalid('spec.clusterIPs[0]', 'None', "may not be set to 'None' for NodePort services"));
  if (v.type === 'ExternalName') {
    if (v.clusterIPs.length > 0 || v.clusterIP) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (asArray(spec.ipFamilies).length > 0) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = (asString(spec.externalName) ?? '').replace(/\.$/, '');
    if (cname) errs.push(...isDNS1123Subdomain(cname).map((msg) => invalid('spec.externalName', cname, msg)));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  v.ports.forEach((p, i) => errs.push(...validateServicePort(p, v.ports.length > 1, names, index('spec.ports', i))));
  if (spec.selector !== undefined && spec.selector !== null) errs.push(...validateLabels(spec.selector, 'spec.selector'));
  errs.push(...validateSessionAffinity(spec));
  if (v.type !== 'ExternalName') errs.push(...validateClusterIPsRelatedFields(v));
  asArray(spec.externalIPs).forEach((ip, i) => {
    const ipErrs = isValidIP(index('spec.externalIPs', i), String(ip));
    errs.push(...(ipErrs.length ? ipErrs : validateNonSpecialIP(String(ip), index('spec.externalIPs', i))));
  });
  if (!SERVICE_TYPES.includes(v.type)) errs.push(notSupported('spec.type', v.type, SERVICE_TYPES));
  if (v.type === 'ClusterIP') {
    v.ports.forEach((p, i) => {
      if (asNumber(p.nodePort)) errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  errs.push(...duplicatePorts(v.ports));
  errs.push(...validateLoadBalancerFields(spec, v.type));
  errs.push(...validateTrafficPolicies(spec, v));
  return errs;
}

function validateServicePort(port: JsonObject, requireName: boolean, names: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(port.name) ?? '';
  if (requireName && !name) {
    errs.push(required(child(path, 'name')));
  } else if (name) {
    errs.push(...isDNS1123Label(name).map((msg) => invalid(child(path, 'name'), name, msg)));
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    else names.add(name);
  }
  const portNumber = asNumber(port.port) ?? 0;
  errs.push(...isValidPortNum(portNumber).map((msg) => invalid(child(path, 'port'), portNumber, msg)));
  const protocol = asString(port.protocol) ?? 'TCP';
  if (!(PORT_PROTOCOLS as readonly string[]).includes(protocol)) errs.push(notSupported(child(path, 'protocol'), protocol, PORT_PROTOCOLS));
  // SetDefaults_Service: a missing, 0 or "" targetPort becomes the port before validation.
  const targetPort = port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '' ? portNumber : port.targetPort;
  errs.push(...validatePortNumOrName(targetPort, child(path, 'targetPort')));
  const appProtocol = asString(port.appProtocol);
  if (appProtocol !== undefined) errs.push(...isQualifiedName(appProtocol).map((msg) => invalid(child(path, 'appProtocol'), appProtocol, msg)));
  return errs;
}

function validateSessionAffinity(spec: JsonObject): FieldError[] {
  const affinity = asString(spec.sessionAffinity) ?? 'None';
  if (!SESSION_AFFINITIES.includes(affinity)) return [notSupported('spec.sessionAffinity', affinity, SESSION_AFFINITIES)];
  const config = asObject(spec.sessionAffinityConfig);
  if (affinity === 'None') return config ? [forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None')] : [];
  // ClientIP: the timeout defaults to 10800 seconds.
  const timeout = asNumber(asObject(config?.clientIP)?.timeoutSeconds);
  if (timeout !== undefined && (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS)) {
    return [invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)];
  }
  return [];
}

/** Duplicate nodePorts and duplicate port/protocol pairs. */
function duplicatePorts(ports: JsonObject[]): FieldError[] {
  const errs: FieldError[] = [];
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    const np = asNumber(p.nodePort) ?? 0;
    if (np === 0) return;
    const k = `${asString(p.protocol) ?? 'TCP'}/${np}`;
    if (nodePorts.has(k)) errs.push(duplicate(`spec.ports[${i}].nodePort`, np));
    nodePorts.add(k);
  });
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const protocol = asString(p.protocol) ?? 'TCP';
    const port = asNumber(p.port) ?? 0;
    const k = `${protocol}/${port}`;
    // The key is an internal core.ServicePort, printed as JSON with its Go field names.
    if (seen.has(k)) errs.push(duplicate(index('spec.ports', i), { Name: '', Protocol: protocol, AppProtocol: null, Port: port, TargetPort: 0, NodePort: 0 }));
    seen.add(k);
  });
  return errs;
}

function validateLoadBalancerFields(spec: JsonObject, type: string): FieldError[] {
  const errs: FieldError[] = [];
  const ranges = asArray(spec.loadBalancerSourceRanges);
  if (ranges.length) {
    // Upstream names this path with a capital L.
    if (type !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((r, i) => errs.push(...isValidCIDR(index('spec.LoadBalancerSourceRanges', i), String(r).trim())));
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && type !== 'LoadBalancer') {
    errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  const lbClass = asString(spec.loadBalancerClass);
  if (lbClass !== undefined) {
    if (type === 'LoadBalancer') errs.push(...isQualifiedName(lbClass).map((msg) => invalid('spec.loadBalancerClass', lbClass, msg)));
    else errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

function validateTrafficPolicies(spec: JsonObject, v: ServiceView): FieldError[] {
  const errs: FieldError[] = [];
  const externallyAccessible = v.type === 'LoadBalancer' || v.type === 'NodePort' || (v.type === 'ClusterIP' && asArray(spec.externalIPs).length > 0);
  const etp = asString(spec.externalTrafficPolicy);
  if (!externallyAccessible) {
    if (etp) errs.push(invalid('spec.externalTrafficPolicy', etp, 'may only be set for externally-accessible services'));
  } else if (etp && !TRAFFIC_POLICIES.includes(etp)) {
    errs.push(notSupported('spec.externalTrafficPolicy', etp, TRAFFIC_POLICIES));
  }
  const needsHealthCheck = v.type === 'LoadBalancer' && etp === 'Local';
  const hcnp = asNumber(spec.healthCheckNodePort) ?? 0;
  if (!needsHealthCheck && hcnp !== 0) {
    errs.push(invalid('spec.healthCheckNodePort', hcnp, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (needsHealthCheck && hcnp !== 0) {
    errs.push(...isValidPortNum(hcnp).map((msg) => invalid('spec.healthCheckNodePort', hcnp, msg)));
  }
  const itp = asString(spec.internalTrafficPolicy);
  if (itp !== undefined && !TRAFFIC_POLICIES.includes(itp)) errs.push(notSupported('spec.internalTrafficPolicy', itp, TRAFFIC_POLICIES));
  const td = asString(spec.trafficDistribution);
  if (td !== undefined && !TRAFFIC_DISTRIBUTIONS.includes(td)) errs.push(notSupported('spec.trafficDistribution', td, TRAFFIC_DISTRIBUTIONS));
  return errs;
}
