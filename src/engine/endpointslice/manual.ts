import { generateNameSuffix } from '../hash.ts';
import type { Endpoint, EndpointPort, EndpointSlice, ManifestObject, Protocol } from '../types.ts';
import { list, record, stringMap } from '../json.ts';

export const MANAGED_BY_MIRRORING = 'endpointslicemirroring-controller.k8s.io';

function protocolOf(value: unknown): Protocol {
  return value === 'UDP' || value === 'SCTP' ? value : 'TCP';
}

/** A hand-written discovery.k8s.io/v1 EndpointSlice, with nil conditions read as kube-proxy's
 * EndpointSliceCache reads them (ready and serving: nil means true; terminating: nil means false). */
export function endpointSliceFromManifest(obj: ManifestObject, namespace: string): EndpointSlice {
  const labels = stringMap(obj.metadata.labels);
  const addressType = obj.addressType === 'IPv6' || obj.addressType === 'FQDN' ? obj.addressType : 'IPv4';
  const ports: EndpointPort[] = list(obj.ports).map((p) => {
    const port = record(p);
    return { name: typeof port.name === 'string' ? port.name : '', port: Number(port.port), protocol: protocolOf(port.protocol) };
  });
  const endpoints: Endpoint[] = list(obj.endpoints).map((e) => {
    const ep = record(e);
    const cond = record(ep.conditions);
    const ready = cond.ready !== false;
    const targetRef = record(ep.targetRef);
    return {
      addresses: list(ep.addresses).map(String),
      conditions: { ready, serving: cond.serving !== false, terminating: cond.terminating === true },
      ...(typeof ep.nodeName === 'string' ? { nodeName: ep.nodeName } : {}),
      ...(typeof ep.hostname === 'string' ? { hostname: ep.hostname } : {}),
      ...(typeof targetRef.name === 'string'
        ? { targetRef: { kind: String(targetRef.kind ?? 'Pod'), namespace: String(targetRef.namespace ?? namespace), name: targetRef.name } }
        : {}),
    };
  });
  return {
    namespace,
    name: String(obj.metadata.name),
    serviceName: labels['kubernetes.io/service-name'] ?? '',
    managedBy: labels['endpointslice.kubernetes.io/managed-by'] ?? 'user',
    addressType,
    ports,
    endpoints,
    labels,
  };
}

/** What the EndpointSliceMirroring controller makes of a hand-written v1 Endpoints object for a
 * Service without a selector: one slice per subset (addresses ready, notReadyAddresses not). */
export function mirrorEndpoints(obj: ManifestObject, namespace: string): EndpointSlice[] {
  const name = String(obj.metadata.name);
  const labels = stringMap(obj.metadata.labels);
  if (labels['endpointslice.kubernetes.io/skip-mirror'] === 'true') return [];
  return list(obj.subsets).map((s, i) => {
    const subset = record(s);
    const ports: EndpointPort[] = list(subset.ports).map((p) => {
      const port = record(p);
      return { name: typeof port.name === 'string' ? port.name : '', port: Number(port.port), protocol: protocolOf(port.protocol) };
    });
    const toEndpoint = (a: unknown, ready: boolean): Endpoint => {
      const addr = record(a);
      const targetRef = record(addr.targetRef);
      return {
        addresses: [String(addr.ip)],
        conditions: { ready, serving: ready, terminating: false },
        ...(typeof addr.nodeName === 'string' ? { nodeName: addr.nodeName } : {}),
        ...(typeof addr.hostname === 'string' ? { hostname: addr.hostname } : {}),
        ...(typeof targetRef.name === 'string'
          ? { targetRef: { kind: String(targetRef.kind ?? 'Pod'), namespace: String(targetRef.namespace ?? namespace), name: targetRef.name } }
          : {}),
      };
    };
    return {
      namespace,
      name: `${name}-${generateNameSuffix(`${namespace}/${name}/mirror/${i}`)}`,
      serviceName: name,
      managedBy: MANAGED_BY_MIRRORING,
      addressType: 'IPv4' as const,
      ports,
      endpoints: [...list(subset.addresses).map((a) => toEndpoint(a, true)), ...list(subset.notReadyAddresses).map((a) => toEndpoint(a, false))],
      labels: { ...labels, 'endpointslice.kubernetes.io/managed-by': MANAGED_BY_MIRRORING, 'kubernetes.io/service-name': name },
    };
  });
}
