// The ingress-nginx controller's view of a cluster, built once per simulation: which Ingresses it
// serves and the nginx configuration it renders from them.
import type { Cluster } from '../types.ts';
import { buildConfiguration } from './config.ts';
import { listObjects, readIngresses } from './ingresses.ts';
import { indexCluster, type ClusterIndex } from './upstreams.ts';
import { CONTROLLER_REF, PUBLISH_SERVICE, type NginxModel } from './types.ts';

/** The model plus the cluster lookups request handling needs. */
export interface IngressNginx extends NginxModel {
  index: ClusterIndex;
}

/** Builds the controller's configuration for a reconciled cluster. */
export function buildNginxModel(cluster: Cluster): IngressNginx {
  const controllerInstalled = cluster.pods.some((p) => p.createdBy === CONTROLLER_REF);
  const listed = listObjects(cluster);
  const ingresses = readIngresses(listed, controllerInstalled);
  const served = ingresses.filter((i) => i.klass.served);
  const unserved = ingresses.filter((i) => !i.klass.served);
  const skippedPaths = served.flatMap((ingress) => ingress.spec.rules.flatMap((rule) => (rule.paths ?? []).filter((path) => !path.service).map((path) => ({ ingress, host: rule.host, path }))));
  const index = indexCluster(cluster);
  const config = buildConfiguration(served, index, listed.secrets);
  const publish = index.services.get(`${PUBLISH_SERVICE.namespace}/${PUBLISH_SERVICE.name}`);
  const address = controllerInstalled ? publish?.loadBalancerIPs[0] : undefined;
  return { ingresses, served, unserved, skippedPaths, ...config, controllerInstalled, ...(address ? { address } : {}), index };
}
