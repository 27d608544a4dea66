// Reading Gateway API objects out of the admitted manifests, as the controller's informers see them.
import type { AdmittedObject, Cluster, ManifestObject } from '../types.ts';

export function rec(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** One object the controller watches, with its manifest position (creation order). */
export interface WatchedObject {
  namespace: string;
  name: string;
  object: ManifestObject;
  admitted: AdmittedObject;
  order: number;
}

/** Everything the Gateway API controller watches, keyed the way it looks objects up. */
export interface GatewayInformers {
  gatewayClasses: WatchedObject[];
  gateways: WatchedObject[];
  httpRoutes: WatchedObject[];
  grpcRoutes: WatchedObject[];
  referenceGrants: WatchedObject[];
  /** `<ns>/<name>` -> Secret manifest. */
  secrets: Map<string, ManifestObject>;
}

const WATCHED = new Set(['GatewayClass', 'Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant', 'Secret']);

/** Lists the accepted objects by kind. A later document for the same object configures it again
 * (its content wins) but keeps the first one's place: its creation timestamp. */
export function listGatewayObjects(cluster: Cluster): GatewayInformers {
  const byRef = new Map<string, WatchedObject>();
  cluster.objects.forEach((o, order) => {
    if (!o.accepted || !WATCHED.has(o.kind) || !o.apiVersion) return;
    const isGatewayApi = o.apiVersion.startsWith('gateway.networking.k8s.io/');
    if (o.kind !== 'Secret' && !isGatewayApi) return;
    const previous = byRef.get(o.ref);
    const namespace = o.kind === 'GatewayClass' ? '' : (o.namespace ?? 'default');
    byRef.set(o.ref, { namespace, name: o.name, object: o.object, admitted: o, order: previous?.order ?? order });
  });
  const all = [...byRef.values()].sort((a, b) => a.order - b.order);
  const of = (kind: string) => all.filter((w) => w.admitted.kind === kind);
  const secrets = new Map<string, ManifestObject>();
  for (const s of of('Secret')) secrets.set(`${s.namespace}/${s.name}`, s.object);
  return {
    gatewayClasses: of('GatewayClass'),
    gateways: of('Gateway'),
    httpRoutes: of('HTTPRoute'),
    grpcRoutes: of('GRPCRoute'),
    referenceGrants: of('ReferenceGrant'),
    secrets,
  };
}
