// Service discovery by environment: the docker-links variables the kubelet injects
// (pkg/kubelet/envvars FromServices, kubelet_pods.go getServiceEnvVarMap and makeEnvironmentVariables).

import type { Cluster, Pod, Service } from '../types.ts';

/** The kubelet's master service namespace and name: its variables reach every pod. */
const MASTER_NAMESPACE = 'default';
const MASTER_SERVICES = new Set(['kubernetes']);

/** makeEnvVariableName: dots and dashes become underscores, upper case, `_` before a leading digit. */
export function envVariableName(name: string): string {
  const upper = name.replace(/[.-]/g, '_').toUpperCase();
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

function isServiceIPSet(svc: Service): boolean {
  return svc.clusterIP !== '' && svc.clusterIP !== 'None';
}

/** The variables one Service contributes (FromServices). */
function serviceVariables(svc: Service, out: Map<string, string>): void {
  const prefix = envVariableName(svc.name);
  const first = svc.ports[0];
  out.set(`${prefix}_SERVICE_HOST`, svc.clusterIP);
  // Validation requires a port on every Service with a ClusterIP; without one there is nothing more to say.
  if (!first) return;
  out.set(`${prefix}_SERVICE_PORT`, String(first.port));
  for (const p of svc.ports) if (p.name) out.set(`${prefix}_SERVICE_PORT_${envVariableName(p.name)}`, String(p.port));
  const host = svc.clusterIP.includes(':') ? `[${svc.clusterIP}]` : svc.clusterIP;
  svc.ports.forEach((p, i) => {
    const proto = (p.protocol || 'TCP').toLowerCase();
    const url = `${proto}://${host}:${p.port}`;
    // Docker special-cases the first port.
    if (i === 0) out.set(`${prefix}_PORT`, url);
    const portPrefix = `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`;
    out.set(portPrefix, url);
    out.set(`${portPrefix}_PROTO`, proto);
    out.set(`${portPrefix}_PORT`, String(p.port));
    out.set(`${portPrefix}_ADDR`, svc.clusterIP);
  });
}

/** The Services whose variables a pod gets: default/kubernetes always; with enableServiceLinks
 * (the default) every Service of the pod's namespace that has a ClusterIP, which wins over the
 * master one of the same name. */
export function servicesForEnvironment(cluster: Cluster, pod: Pod): Service[] {
  const byName = new Map<string, Service>();
  for (const svc of cluster.services) {
    if (!isServiceIPSet(svc)) continue;
    if (svc.namespace === MASTER_NAMESPACE && MASTER_SERVICES.has(svc.name)) {
      if (!byName.has(svc.name)) byName.set(svc.name, svc);
    } else if (svc.namespace === pod.namespace && pod.enableServiceLinks) {
      byName.set(svc.name, svc);
    }
  }
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Expands `$(VAR)` references as the kubelet does; `$$` escapes a dollar, unknown references stay as written. */
export function expandEnvReferences(value: string, lookup: (name: string) => string | undefined): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '$' && i + 1 < value.length) {
      const next = value[i + 1];
      if (next === '$') {
        out += '$';
        i++;
        continue;
      }
      if (next === '(') {
        const close = value.indexOf(')', i + 2);
        if (close !== -1) {
          const name = value.slice(i + 2, close);
          out += lookup(name) ?? `$(${name})`;
          i = close;
          continue;
        }
      }
    }
    out += c;
  }
  return out;
}

/** The `<SVC>_SERVICE_HOST`, `<SVC>_SERVICE_PORT`, `<SVC>_PORT_<port>_<PROTO>...` variables the
 * kubelet injects, plus the container's own env (which wins, with `$(VAR)` expanded), sorted by
 * name. All Services in the cluster count as existing when the pod started. */
export function serviceEnvironment(cluster: Cluster, pod: Pod): Record<string, string> {
  const serviceEnv = new Map<string, string>();
  for (const svc of servicesForEnvironment(cluster, pod)) serviceVariables(svc, serviceEnv);
  const declared = new Map<string, string>();
  for (const [name, value] of Object.entries(pod.env)) {
    declared.set(name, expandEnvReferences(value, (ref) => declared.get(ref) ?? serviceEnv.get(ref)));
  }
  const merged = new Map(serviceEnv);
  for (const [name, value] of declared) merged.set(name, value);
  const result: Record<string, string> = {};
  for (const name of [...merged.keys()].sort()) result[name] = merged.get(name)!;
  return result;
}
