// ingress-nginx (controller v1.12, the contract's `ingress-nginx` addon) as an L7 proxy: which
// Ingresses it serves, how it routes each request, what it writes into their status.
import type { L7Proxy } from '../l7/types.ts';
import type { Cluster, Diagnostic } from '../types.ts';
import { handleIngressRequest } from './handle.ts';
import { buildNginxModel } from './model.ts';
import { ingressConditions, ingressDiagnostics, ingressPublicHosts } from './status.ts';
import { CONTROLLER_REF } from './types.ts';

export { buildNginxModel } from './model.ts';
export type { IngressNginx } from './model.ts';

/** The ingress-nginx model over a cluster: the configuration is rendered and indexed once here;
 * each request is then matched against the index. */
export function createIngressNginxProxy(cluster: Cluster): L7Proxy {
  const model = buildNginxModel(cluster);
  const publicHosts = ingressPublicHosts(model);
  return {
    servesPod: (pod) => pod.createdBy === CONTROLLER_REF,
    handle: (pod, request, state) => handleIngressRequest(model, pod, request, state),
    publicHosts: () => ({ ...publicHosts }),
    conditions: (ref) => (ref.startsWith('ingress/') ? ingressConditions(model, ref) : undefined),
  };
}

/** Findings about the cluster's Ingresses as ingress-nginx sees them (not served, missing
 * backends, unusable TLS Secrets, shadowed paths), for the editor's problem list. */
export function ingressNginxDiagnostics(cluster: Cluster): Diagnostic[] {
  return ingressDiagnostics(buildNginxModel(cluster));
}
