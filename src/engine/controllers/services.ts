import type { ClusterSettings, FieldError, ManifestObject, Protocol, Service, ServicePort, ServiceType, SourceLocation } from '../types.ts';
import {
  allocateClusterIP,
  allocateLoadBalancerIP,
  allocateNodePort,
  claimClusterIP,
  claimNodePort,
  type Allocators,
} from './allocators.ts';
import { parseIPv4 } from '../net/ip.ts';
import { list, record, stringMap } from '../json.ts';

function serviceTypeOf(value: unknown): ServiceType {
  return value === 'NodePort' || value === 'LoadBalancer' || value === 'ExternalName' ? value : 'ClusterIP';
}

/** Records pinned ClusterIPs and NodePorts ahead of admission, so dynamic allocation skips them. */
export function reservePinnedServiceValues(obj: ManifestObject, a: Allocators): void {
  const spec = record(obj.spec);
  const ip = typeof spec.clusterIP === 'string' ? parseIPv4(spec.clusterIP) : undefined;
  if (ip !== undefined) a.reservedClusterIPs.add(ip);
  for (const p of list(spec.ports)) {
    const nodePort = record(p).nodePort;
    if (typeof nodePort === 'number') a.reservedNodePorts.add(nodePort);
  }
  if (typeof spec.healthCheckNodePort === 'number') a.reservedNodePorts.add(spec.healthCheckNodePort);
}

/** What the API server stores for a Service: defaults applied and IPs/ports allocated, or the
 * allocator's errors (in which case nothing stays allocated). */
export function admitService(
  obj: ManifestObject,
  namespace: string,
  source: SourceLocation,
  a: Allocators,
  settings: ClusterSettings,
): { service?: Service; errors: FieldError[] } {
  const spec = record(obj.spec);
  const type = serviceTypeOf(spec.type);
  const errors: FieldError[] = [];
  const undo: Array<() => void> = [];

  let clusterIP = '';
  if (type !== 'ExternalName') {
    const requested = typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? spec.clusterIP : undefined;
    if (requested === 'None') clusterIP = 'None';
    else {
      const result = requested ? claimClusterIP(a, requested) : allocateClusterIP(a);
      if (result.ok) {
        clusterIP = result.value;
        const n = parseIPv4(result.value)!;
        undo.push(() => a.clusterIPs.delete(n));
      } else errors.push({ type: 'Invalid', field: 'spec.clusterIPs', value: [requested ?? ''], detail: result.detail });
    }
  }

  const wantsNodePorts = type === 'NodePort' || (type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
  const ports: ServicePort[] = [];
  const claimedHere = new Map<number, true>();
  list(spec.ports).forEach((p, i) => {
    const port = record(p);
    const protocol: Protocol = port.protocol === 'UDP' || port.protocol === 'SCTP' ? port.protocol : 'TCP';
    const number = Number(port.port);
    const sp: ServicePort = {
      name: typeof port.name === 'string' ? port.name : '',
      protocol,
      port: number,
      // SetDefaults_Service: a missing, 0 or "" targetPort means the port itself.
      targetPort: (typeof port.targetPort === 'number' && port.targetPort !== 0) || (typeof port.targetPort === 'string' && port.targetPort !== '') ? port.targetPort : number,
      ...(typeof port.appProtocol === 'string' ? { appProtocol: port.appProtocol } : {}),
    };
    if (wantsNodePorts && clusterIP !== 'None') {
      const requested = typeof port.nodePort === 'number' && port.nodePort !== 0 ? port.nodePort : undefined;
      if (requested !== undefined && claimedHere.has(requested)) sp.nodePort = requested; // TCP and UDP of one Service may share it
      else {
        const result = requested !== undefined ? claimNodePort(a, requested) : allocateNodePort(a);
        if (result.ok) {
          sp.nodePort = result.value;
          claimedHere.set(result.value, true);
          undo.push(() => a.nodePorts.delete(result.value));
        } else errors.push({ type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: requested ?? 0, detail: result.detail });
      }
    }
    ports.push(sp);
  });

  const externalTrafficPolicy = spec.externalTrafficPolicy === 'Local' ? 'Local' : 'Cluster';
  let healthCheckNodePort: number | undefined;
  if (type === 'LoadBalancer' && externalTrafficPolicy === 'Local') {
    const requested = typeof spec.healthCheckNodePort === 'number' ? spec.healthCheckNodePort : undefined;
    const result = requested !== undefined ? claimNodePort(a, requested) : allocateNodePort(a);
    if (result.ok) {
      healthCheckNodePort = result.value;
      undo.push(() => a.nodePorts.delete(result.value));
    } else errors.push({ type: 'Invalid', field: 'spec.healthCheckNodePort', value: requested ?? 0, detail: result.detail });
  }

  if (errors.length > 0) {
    for (const u of undo) u();
    return { errors };
  }

  const affinity = spec.sessionAffinity === 'ClientIP' ? 'ClientIP' : 'None';
  const timeout = Number(record(record(spec.sessionAffinityConfig).clientIP).timeoutSeconds);
  const service: Service = {
    namespace,
    name: String(obj.metadata.name),
    labels: stringMap(obj.metadata.labels),
    annotations: stringMap(obj.metadata.annotations),
    type,
    clusterIP,
    ...(type !== 'ExternalName' && Object.keys(record(spec.selector)).length > 0 ? { selector: stringMap(spec.selector) } : {}),
    ports,
    externalTrafficPolicy,
    internalTrafficPolicy: spec.internalTrafficPolicy === 'Local' ? 'Local' : 'Cluster',
    sessionAffinity: affinity,
    sessionAffinityTimeoutSeconds: affinity === 'ClientIP' ? (Number.isFinite(timeout) && timeout > 0 ? timeout : 10800) : 0,
    loadBalancerIPs: [],
    loadBalancerSourceRanges: list(spec.loadBalancerSourceRanges).map(String),
    externalIPs: list(spec.externalIPs).map(String),
    ...(type === 'ExternalName' && typeof spec.externalName === 'string' ? { externalName: spec.externalName } : {}),
    publishNotReadyAddresses: spec.publishNotReadyAddresses === true,
    ...(healthCheckNodePort !== undefined ? { healthCheckNodePort } : {}),
    source,
  };
  if (type === 'LoadBalancer') service.loadBalancerIPs = loadBalancerAddresses(obj, spec, a, settings);
  return { service, errors: [] };
}

// Observed status wins (the manifest describes what the cloud did); otherwise the simulated cloud
// allocates from its pool, honouring the deprecated spec.loadBalancerIP as cloud providers do.
function loadBalancerAddresses(obj: ManifestObject, spec: Record<string, unknown>, a: Allocators, settings: ClusterSettings): string[] {
  const observed = list(record(record(obj.status).loadBalancer).ingress)
    .map((i) => record(i).ip)
    .filter((ip): ip is string => typeof ip === 'string');
  if (observed.length > 0) {
    for (const ip of observed) allocateLoadBalancerIP(a, ip);
    return observed;
  }
  if (settings.loadBalancer !== 'cloud') return [];
  if (typeof spec.loadBalancerClass === 'string') return []; // another controller's Service: nobody here implements it
  const ip = allocateLoadBalancerIP(a, typeof spec.loadBalancerIP === 'string' && spec.loadBalancerIP ? spec.loadBalancerIP : undefined);
  return ip ? [ip] : [];
}

/** Gives back what a Service holds (it failed validation after allocation). */
export function releaseService(a: Allocators, svc: Service): void {
  const ip = parseIPv4(svc.clusterIP);
  if (ip !== undefined) a.clusterIPs.delete(ip);
  for (const p of svc.ports) if (p.nodePort !== undefined) a.nodePorts.delete(p.nodePort);
  if (svc.healthCheckNodePort !== undefined) a.nodePorts.delete(svc.healthCheckNodePort);
  for (const lb of svc.loadBalancerIPs) {
    const n = parseIPv4(lb);
    if (n !== undefined) a.lbIPs.delete(n);
  }
}

/** `namespace/name` of a Service manifest (namespace defaulted). */
export function serviceKey(obj: ManifestObject): string {
  const ns = typeof obj.metadata.namespace === 'string' && obj.metadata.namespace ? obj.metadata.namespace : 'default';
  return `${ns}/${String(obj.metadata.name)}`;
}

/** An update keeps what the Service already holds (the registry's patchAllocatedValues): its
 * ClusterIP, the NodePort of each port it keeps (same port and protocol), its health-check port
 * and its load balancer; the old allocations are released so the update can claim them again. */
export function carryOverAllocations(obj: ManifestObject, previous: Service, a: Allocators): ManifestObject {
  releaseService(a, previous);
  const spec = { ...record(obj.spec) };
  const type = serviceTypeOf(spec.type);
  if (type !== 'ExternalName' && (spec.clusterIP === undefined || spec.clusterIP === '') && previous.clusterIP && previous.clusterIP !== 'None') spec.clusterIP = previous.clusterIP;
  if (type === 'NodePort' || type === 'LoadBalancer') {
    spec.ports = list(spec.ports).map((p) => {
      const port = record(p);
      if (typeof port.nodePort === 'number' && port.nodePort !== 0) return port;
      const protocol = port.protocol ?? 'TCP';
      const kept = previous.ports.find((old) => old.port === Number(port.port) && old.protocol === protocol && old.nodePort);
      return kept ? { ...port, nodePort: kept.nodePort } : port;
    });
  }
  if (type === 'LoadBalancer' && previous.healthCheckNodePort !== undefined && spec.healthCheckNodePort === undefined && spec.externalTrafficPolicy === 'Local') spec.healthCheckNodePort = previous.healthCheckNodePort;
  const status = record(obj.status);
  const keepLb = type === 'LoadBalancer' && previous.loadBalancerIPs.length > 0 && !record(status.loadBalancer).ingress;
  return { ...obj, spec, ...(keepLb ? { status: { ...status, loadBalancer: { ingress: previous.loadBalancerIPs.map((ip) => ({ ip })) } } } : {}) };
}
