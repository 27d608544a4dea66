// Endpoints (core/v1) and EndpointSlice (discovery.k8s.io/v1) written by hand in manifests,
// following ValidateEndpoints and pkg/apis/discovery/validation.
import type { FieldError, ManifestObject } from '../types.ts';
import { asArray, asNumber, asObject, asString, child, index, type JsonObject } from './access.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum } from './content.ts';
import { duplicate, invalid, notSupported, required, tooMany } from './field-errors.ts';
import { isValidIP, parseIP } from './ip-format.ts';
import { validateObjectMeta } from './meta.ts';
import { PORT_PROTOCOLS } from './pod.ts';
import { validateNonSpecialIP } from './special-ip.ts';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;

/** ValidateEndpoints. */
export function validateEndpoints(obj: ManifestObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  asArray(obj.subsets).forEach((s, i) => {
    const subset = asObject(s) ?? {};
    const path = index('subsets', i);
    const addresses = asArray(subset.addresses);
    const notReady = asArray(subset.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0) errs.push(required(path, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateEndpointAddress(asObject(a) ?? {}, index(child(path, 'addresses'), j))));
    notReady.forEach((a, j) => errs.push(...validateEndpointAddress(asObject(a) ?? {}, index(child(path, 'notReadyAddresses'), j))));
    const ports = asArray(subset.ports);
    ports.forEach((p, j) => errs.push(...validateEndpointPort(asObject(p) ?? {}, ports.length > 1, index(child(path, 'ports'), j))));
  });
  return errs;
}

function validateEndpointAddress(address: JsonObject, path: string): FieldError[] {
  const ip = asString(address.ip) ?? '';
  const errs = isValidIP(child(path, 'ip'), ip);
  const hostname = asString(address.hostname);
  if (hostname) errs.push(...isDNS1123Label(hostname).map((msg) => invalid(child(path, 'hostname'), hostname, msg)));
  const nodeName = asString(address.nodeName);
  if (nodeName !== undefined) errs.push(...isDNS1123Subdomain(nodeName).map((msg) => invalid(child(path, 'nodeName'), nodeName, msg)));
  errs.push(...validateNonSpecialIP(ip, child(path, 'ip')));
  return errs;
}

function validateEndpointPort(port: JsonObject, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = asString(port.name) ?? '';
  if (requireName && !name) errs.push(required(child(path, 'name')));
  else if (name) errs.push(...isDNS1123Label(name).map((msg) => invalid(child(path, 'name'), name, msg)));
  const number = asNumber(port.port) ?? 0;
  errs.push(...isValidPortNum(number).map((msg) => invalid(child(path, 'port'), number, msg)));
  const protocol = asString(port.protocol) ?? 'TCP';
  if (!(PORT_PROTOCOLS as readonly string[]).includes(protocol)) errs.push(notSupported(child(path, 'protocol'), protocol, PORT_PROTOCOLS));
  const appProtocol = asString(port.appProtocol);
  if (appProtocol !== undefined) errs.push(...isQualifiedName(appProtocol).map((msg) => invalid(child(path, 'appProtocol'), appProtocol, msg)));
  return errs;
}

/** ValidateEndpointSlice. */
export function validateEndpointSlice(obj: ManifestObject): FieldError[] {
  const errs = validateObjectMeta(obj.metadata, true, 'subdomain');
  const addressType = asString(obj.addressType) ?? '';
  if (!addressType) errs.push(required('addressType'));
  else if (!ADDRESS_TYPES.includes(addressType)) errs.push(notSupported('addressType', addressType, ADDRESS_TYPES));
  errs.push(...validateSliceEndpoints(asArray(obj.endpoints), addressType));
  errs.push(...validateSlicePorts(asArray(obj.ports)));
  return errs;
}

function validateSliceEndpoints(endpoints: unknown[], addressType: string): FieldError[] {
  if (endpoints.length > MAX_ENDPOINTS) return [tooMany('endpoints', endpoints.length, MAX_ENDPOINTS)];
  const errs: FieldError[] = [];
  endpoints.forEach((e, i) => {
    const endpoint = asObject(e) ?? {};
    const path = index('endpoints', i);
    const addressesPath = child(path, 'addresses');
    const addresses = asArray(endpoint.addresses).map(String);
    if (addresses.length === 0) errs.push(required(addressesPath, 'must contain at least 1 address'));
    else if (addresses.length > MAX_ADDRESSES) errs.push(tooMany(addressesPath, addresses.length, MAX_ADDRESSES));
    addresses.forEach((address, j) => errs.push(...validateSliceAddress(address, addressType, index(addressesPath, j))));
    const nodeName = asString(endpoint.nodeName);
    if (nodeName !== undefined) errs.push(...isDNS1123Subdomain(nodeName).map((msg) => invalid(child(path, 'nodeName'), nodeName, msg)));
    const hostname = asString(endpoint.hostname);
    if (hostname !== undefined) errs.push(...isDNS1123Label(hostname).map((msg) => invalid(child(path, 'hostname'), hostname, msg)));
  });
  return errs;
}

/** An address of the slice's type: IP checks first, the family and special ranges only for valid IPs. */
function validateSliceAddress(address: string, addressType: string, path: string): FieldError[] {
  if (addressType === 'IPv4' || addressType === 'IPv6') {
    const ipErrs = isValidIP(path, address);
    if (ipErrs.length) return ipErrs;
    const family = parseIP(address)?.family;
    if (addressType === 'IPv4' && family !== 4) return [invalid(path, address, 'must be an IPv4 address')];
    if (addressType === 'IPv6' && family !== 6) return [invalid(path, address, 'must be an IPv6 address')];
    return validateNonSpecialIP(address, path);
  }
  if (addressType === 'FQDN') {
    // IsFullyQualifiedDomainName
    const name = address.endsWith('.') ? address.slice(0, -1) : address;
    if (!name) return [required(path)];
    const msgs = isDNS1123Subdomain(name);
    if (msgs.length) return [invalid(path, name, msgs.join(','))];
    if (name.split('.').length < 2) return [invalid(path, name, 'should be a domain with at least two segments separated by dots')];
    for (const label of name.split('.')) {
      const labelMsgs = isDNS1123Label(label);
      if (labelMsgs.length) return [invalid(path, label, labelMsgs.join(','))];
    }
  }
  return [];
}

function validateSlicePorts(ports: unknown[]): FieldError[] {
  if (ports.length > MAX_PORTS) return [tooMany('ports', ports.length, MAX_PORTS)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const port = asObject(p) ?? {};
    const path = index('ports', i);
    const name = asString(port.name) ?? '';
    if (name) errs.push(...isDNS1123Label(name).map((msg) => invalid(child(path, 'name'), name, msg)));
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    else names.add(name);
    const protocol = asString(port.protocol) ?? 'TCP';
    if (!(PORT_PROTOCOLS as readonly string[]).includes(protocol)) errs.push(notSupported(child(path, 'protocol'), protocol, PORT_PROTOCOLS));
    const appProtocol = asString(port.appProtocol);
    if (appProtocol !== undefined) errs.push(...isQualifiedName(appProtocol).map((msg) => invalid(child(path, 'appProtocol'), appProtocol, msg)));
  });
  return errs;
}
