import { findPort } from '../endpointslice/controller.ts';
import { ingressNginxDiagnostics } from '../ingress/index.ts';
import { matchesLabelMap } from '../labels.ts';
import type { Cluster, Diagnostic, SourceRange } from '../types.ts';

/** Finds the source range of a field of an object, by its check reference. */
export type FieldLocator = (ref: string, field: string) => SourceRange | undefined;

/** What a reviewer would point out in manifests the API server accepted: Services that select no
 * pods or target ports no pod exposes, Ingresses no controller serves. Warnings, never errors. */
export function lintCluster(cluster: Cluster, locate: FieldLocator): Diagnostic[] {
  const out: Diagnostic[] = [];
  const warn = (code: string, ref: string, file: string, field: string, message: string, severity: Diagnostic['severity'] = 'warning') =>
    out.push({ code, severity, message, object: ref, field, file, ...rangeOf(locate(ref, field)) });
  for (const svc of cluster.services) {
    if (!svc.selector || svc.source.file === '<cluster>') continue;
    const ref = `service/${svc.namespace}/${svc.name}`;
    const selected = cluster.pods.filter((p) => p.namespace === svc.namespace && matchesLabelMap(p.labels, svc.selector!));
    const selector = Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',');
    if (selected.length === 0) {
      warn('service_selector_matches_no_pods', ref, svc.source.file, 'spec.selector', `Service "${svc.name}" selects no pods: no pod in namespace ${svc.namespace} has labels ${selector}, so it has no endpoints and kube-proxy rejects its traffic`);
      continue;
    }
    svc.ports.forEach((port, i) => {
      const exposing = selected.filter((pod) => {
        const target = findPort(pod, port.targetPort, port.protocol);
        return target !== undefined && (typeof port.targetPort === 'string' || pod.listening.some((l) => l.port === target && l.protocol === port.protocol));
      });
      if (exposing.length === 0) {
        const what = typeof port.targetPort === 'string' ? `no selected pod declares a container port named "${port.targetPort}" (${port.protocol})` : `no selected pod listens on ${port.targetPort}/${port.protocol}`;
        warn('service_target_port_not_exposed', ref, svc.source.file, `spec.ports[${i}].targetPort`, `Service "${svc.name}" port ${port.port}: ${what}, so connections are refused`);
      }
    });
    if (selected.every((p) => !p.ready)) warn('service_no_ready_pods', ref, svc.source.file, 'spec.selector', `Service "${svc.name}" selects ${selected.length} pod(s), none of them Ready: its EndpointSlices list them as not ready`, 'info');
  }
  // Building the ingress-nginx model costs time on every edit: only when there is an Ingress.
  const hasIngress = cluster.objects.some((o) => o.kind === 'Ingress' && o.accepted);
  for (const d of hasIngress ? ingressNginxDiagnostics(cluster) : []) {
    const field = d.field ?? '';
    out.push({ ...d, ...(d.object && !d.range ? rangeOf(locate(d.object, field)) : {}) });
  }
  return out;
}

function rangeOf(range: SourceRange | undefined): { range?: SourceRange } {
  return range ? { range } : {};
}
