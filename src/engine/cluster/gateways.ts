import { safeString } from '../hash.ts';
import type { ManifestObject } from '../types.ts';
import { record } from '../json.ts';

// The contract's `gateway-api` addon: a controller that accepts every GatewayClass and, like
// Envoy Gateway, runs one data-plane Deployment behind one LoadBalancer Service per programmed
// Gateway, in its own namespace.

export const GATEWAY_SYSTEM_NAMESPACE = 'gateway-system';
export const GATEWAY_CONTROLLER_NAME = 'netlab.dev/gateway-controller';
export const GATEWAY_NAME_LABEL = 'gateway.networking.k8s.io/gateway-name';
export const GATEWAY_NAMESPACE_LABEL = 'gateway.networking.k8s.io/gateway-namespace';
const DATA_PLANE_IMAGE = 'envoyproxy/envoy:distroless-v1.33.0';

/** The addon's own objects: its namespace and controller. */
export function gatewayApiAddonObjects(): ManifestObject[] {
  const labels = { 'app.kubernetes.io/name': 'gateway-controller' };
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: GATEWAY_SYSTEM_NAMESPACE } },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'gateway-controller', namespace: GATEWAY_SYSTEM_NAMESPACE, labels },
      spec: { replicas: 1, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name: 'controller', image: 'netlab/gateway-controller:v1', ports: [{ name: 'metrics', containerPort: 8080 }] }] } } },
    },
  ];
}

/** Name of the data-plane Deployment and Service of a Gateway. */
export function dataPlaneName(namespace: string, name: string): string {
  const full = `gateway-${namespace}-${name}`;
  if (full.length <= 63) return full;
  // Too long for a name: keep a readable prefix and a hash, so two long names never collide.
  return `${full.slice(0, 54).replace(/-+$/, '')}-${safeString(`${namespace}/${name}`, 8)}`;
}

/** Whether the addon programs a Gateway: the addon is installed and its GatewayClass exists. */
export function isGatewayProgrammable(gateway: ManifestObject, gatewayClasses: Set<string>, addonInstalled: boolean): boolean {
  const className = record(gateway.spec).gatewayClassName;
  return addonInstalled && typeof className === 'string' && gatewayClasses.has(className);
}

/** The data plane the controller creates for a programmed Gateway: a Deployment listening on
 * every listener port and a LoadBalancer Service in front of it (it takes the next LB address). */
export function gatewayDataPlaneObjects(gateway: ManifestObject, namespace: string): ManifestObject[] {
  const gwName = String(gateway.metadata.name);
  const name = dataPlaneName(namespace, gwName);
  const labels = { [GATEWAY_NAME_LABEL]: gwName, [GATEWAY_NAMESPACE_LABEL]: namespace, 'app.kubernetes.io/name': 'gateway-data-plane' };
  const listeners = (Array.isArray(record(gateway.spec).listeners) ? (record(gateway.spec).listeners as unknown[]) : []).map(record);
  const ports = [...new Set(listeners.map((l) => Number(l.port)).filter((p) => Number.isInteger(p) && p > 0 && p < 65536))].sort((a, b) => a - b);
  const requested = (Array.isArray(record(gateway.spec).addresses) ? (record(gateway.spec).addresses as unknown[]) : []).map(record).find((a) => (a.type ?? 'IPAddress') === 'IPAddress' && typeof a.value === 'string');
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: GATEWAY_SYSTEM_NAMESPACE, labels },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: { metadata: { labels }, spec: { containers: [{ name: 'envoy', image: DATA_PLANE_IMAGE, ports: ports.map((p) => ({ containerPort: p })) }] } },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace: GATEWAY_SYSTEM_NAMESPACE, labels },
      spec: {
        type: 'LoadBalancer',
        selector: labels,
        ...(requested ? { loadBalancerIP: requested.value } : {}),
        ports: ports.map((p) => ({ name: `port-${p}`, port: p, targetPort: p, protocol: 'TCP' })),
      },
    },
  ];
}
