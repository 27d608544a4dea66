import { generateNameSuffix } from '../hash.ts';
import { matchesLabelMap } from '../labels.ts';
import type { Endpoint, EndpointPort, EndpointSlice, Pod, Service } from '../types.ts';

export const MANAGED_BY_CONTROLLER = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100; // kube-controller-manager's --max-endpoints-per-slice default

/** Pods by namespace and `key=value` label, so a selector looks at only the pods sharing its
 * rarest label instead of the whole namespace. */
export interface PodLabelIndex {
  candidates(namespace: string, selector: Record<string, string>): Pod[];
}

/** Indexes pods for selector lookups. */
export function indexPodLabels(pods: Pod[]): PodLabelIndex {
  const byLabel = new Map<string, Pod[]>();
  const byNamespace = new Map<string, Pod[]>();
  const push = (map: Map<string, Pod[]>, key: string, pod: Pod) => {
    const list = map.get(key);
    if (list) list.push(pod);
    else map.set(key, [pod]);
  };
  for (const pod of pods) {
    push(byNamespace, pod.namespace, pod);
    for (const key in pod.labels) push(byLabel, `${pod.namespace}\u0000${key}=${pod.labels[key]}`, pod);
  }
  return {
    candidates(namespace, selector) {
      let best: Pod[] | undefined;
      for (const key in selector) {
        const list = byLabel.get(`${namespace}\u0000${key}=${selector[key]}`) ?? [];
        if (!best || list.length < best.length) best = list;
      }
      return best ?? byNamespace.get(namespace) ?? [];
    },
  };
}

/** Whether the EndpointSlice controller lists a pod at all (ShouldPodBeInEndpoints with
 * includeTerminating): not Succeeded/Failed, and it has an IP. */
export function shouldPodBeInEndpoints(pod: Pod): boolean {
  if (pod.phase === 'Succeeded' || pod.phase === 'Failed') return false;
  return pod.podIP !== '';
}

/** Resolves a Service port's targetPort on one pod: numbers as they are, names against the
 * pod's container ports of the same protocol (podutil.FindPort); undefined when not found. */
export function findPort(pod: Pod, targetPort: number | string, protocol: string): number | undefined {
  if (typeof targetPort === 'number') return targetPort;
  if (/^\d+$/.test(targetPort)) return Number(targetPort);
  for (const c of pod.containers) {
    for (const p of c.ports) if (p.name === targetPort && p.protocol === protocol) return p.containerPort;
  }
  return undefined;
}

/** The endpoint the controller writes for a pod (podToEndpoint). */
export function podToEndpoint(pod: Pod, svc: Service): Endpoint {
  const serving = pod.readyCondition;
  const terminating = pod.terminating;
  // "ready" is never true for a terminating pod unless publishNotReadyAddresses says to publish it.
  const ready = svc.publishNotReadyAddresses || (serving && !terminating);
  return {
    addresses: [pod.podIP],
    conditions: { ready, serving, terminating },
    nodeName: pod.nodeName,
    ...(pod.hostname && pod.subdomain === svc.name ? { hostname: pod.hostname } : {}),
    targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
  };
}

function endpointPortsFor(pod: Pod, svc: Service): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const sp of svc.ports) {
    const port = findPort(pod, sp.targetPort, sp.protocol);
    // The controller skips a port it cannot resolve on this pod; the pod's other ports still count.
    if (port !== undefined) ports.push({ name: sp.name, port, protocol: sp.protocol });
  }
  return ports;
}

/** Computes the EndpointSlices the controller keeps for one Service with a selector: endpoints
 * grouped by their resolved port set, at most 100 per slice, and one empty placeholder slice
 * when no pod matches. */
export function reconcileServiceSlices(svc: Service, podsInNamespace: Pod[] | PodLabelIndex): EndpointSlice[] {
  if (!svc.selector || svc.type === 'ExternalName') return [];
  const groups = new Map<string, { ports: EndpointPort[]; endpoints: Endpoint[] }>();
  const candidates = Array.isArray(podsInNamespace) ? podsInNamespace : podsInNamespace.candidates(svc.namespace, svc.selector);
  for (const pod of candidates) {
    if (!matchesLabelMap(pod.labels, svc.selector) || !shouldPodBeInEndpoints(pod)) continue;
    const ports = endpointPortsFor(pod, svc);
    const key = ports.map((p) => `${p.name}/${p.protocol}/${p.port}`).join(',');
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ports, endpoints: [] }));
    group.endpoints.push(podToEndpoint(pod, svc));
  }
  const labels = {
    ...svc.labels,
    'endpointslice.kubernetes.io/managed-by': MANAGED_BY_CONTROLLER,
    'kubernetes.io/service-name': svc.name,
  };
  const slices: EndpointSlice[] = [];
  const keys = [...groups.keys()].sort();
  for (const key of keys) {
    const group = groups.get(key)!;
    const endpoints = group.endpoints.sort((a, b) => compareIP(a.addresses[0]!, b.addresses[0]!));
    for (let i = 0; i < endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
      slices.push(makeSlice(svc, labels, group.ports, endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE), `${key}#${i}`));
    }
  }
  if (slices.length === 0) slices.push(makeSlice(svc, labels, [], [], 'placeholder'));
  return slices;
}

function makeSlice(svc: Service, labels: Record<string, string>, ports: EndpointPort[], endpoints: Endpoint[], seed: string): EndpointSlice {
  return {
    namespace: svc.namespace,
    // generateName: "<service>-", with the API server's random 5-character suffix.
    name: `${slicePrefix(svc.name)}${generateNameSuffix(`${svc.namespace}/${svc.name}/${seed}`)}`,
    serviceName: svc.name,
    managedBy: MANAGED_BY_CONTROLLER,
    addressType: 'IPv4',
    ports,
    endpoints,
    labels,
  };
}

// getEndpointSlicePrefix: the service name plus "-", truncated so the generated name fits 63 characters.
function slicePrefix(serviceName: string): string {
  const prefix = `${serviceName}-`;
  return prefix.length > 58 ? prefix.slice(0, 58) : prefix;
}

function compareIP(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 4; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}
