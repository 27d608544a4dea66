import type { Cluster } from '../engine/types.ts';
import type { Io } from './check.ts';
import { loadSimulation } from './load-cluster.ts';

/** `netlab explain FILE`: the defaults and everything allocated (nodes, pod IPs, ClusterIPs, NodePorts, LB IPs). */
export function runExplainCommand(file: string | undefined, json: boolean, io: Io): number {
  if (!file) {
    io.err('usage: netlab explain FILE [--json]\n');
    return 2;
  }
  const loaded = loadSimulation(file);
  if ('error' in loaded) {
    io.err(`${loaded.error}\n`);
    return 2;
  }
  const { cluster, diagnostics } = loaded.sim;
  if (json) {
    io.out(`${JSON.stringify({ cluster, diagnostics }, null, 2)}\n`);
    return 0;
  }
  io.out(explainCluster(cluster));
  if (diagnostics.length) {
    io.out('\nDiagnostics:\n');
    for (const d of diagnostics) io.out(`  ${d.severity.toUpperCase()} ${d.file ?? ''}${d.range ? `:${d.range.startLine}` : ''} [${d.code}] ${d.message}\n`);
  }
  return 0;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i]! + 3)).join('').trimEnd()).join('\n');
}

/** Formats the cluster's settings and allocations as kubectl-like tables. */
export function explainCluster(cluster: Cluster): string {
  const s = cluster.settings;
  const out: string[] = [];
  out.push(`Cluster: kube-proxy ${s.kubeProxyMode}, NetworkPolicy ${s.networkPolicy ? 'enforced' : 'NOT enforced (CNI without policy support)'}, load balancer ${s.loadBalancer}, addons [${s.addons.join(', ')}], seed ${s.seed}`);
  out.push(`Service CIDR ${s.serviceCIDR}, cluster domain ${s.clusterDomain}, kube-dns 10.96.0.10, external client 198.51.100.7\n`);
  out.push(table([['NODE', 'INTERNAL-IP', 'POD-CIDR', 'STATUS'], ...cluster.nodes.map((n) => [n.name, n.internalIP, n.podCIDR, `${n.ready ? 'Ready' : 'NotReady'}${n.unschedulable ? ',SchedulingDisabled' : ''}`])]));
  out.push('');
  out.push(table([['NAMESPACE', 'POD', 'IP', 'NODE', 'READY', 'STATUS'], ...cluster.pods.map((p) => [p.namespace, p.name, p.podIP || '<none>', p.nodeName || '<none>', p.ready ? 'true' : 'false', p.terminating ? 'Terminating' : p.phase])]));
  out.push('');
  out.push(table([['NAMESPACE', 'SERVICE', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)'], ...cluster.services.map((svc) => [
    svc.namespace,
    svc.name,
    svc.type,
    svc.clusterIP || '<none>',
    svc.type === 'ExternalName' ? svc.externalName ?? '' : svc.type === 'LoadBalancer' ? svc.loadBalancerIPs.join(',') || '<pending>' : svc.externalIPs.join(',') || '<none>',
    svc.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`).join(',') || '<none>',
  ])]));
  out.push('');
  const rejected = cluster.objects.filter((o) => !o.accepted);
  if (rejected.length) {
    out.push('Rejected by the API server:');
    for (const o of rejected) out.push(`  ${o.ref}: ${o.error}`);
  }
  return `${out.join('\n')}\n`;
}
