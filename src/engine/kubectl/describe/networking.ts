// `kubectl describe ingress|ingressclass|networkpolicy`, as describeIngressV1,
// describeIngressClassV1 and describeNetworkPolicy lay them out.

import type { LabelSelector } from '../../types.ts';
import { formatLabelSelector } from '../format/selectors.ts';
import { goTime } from '../format/time.ts';
import { ingressAddresses, servedByIngressNginx } from '../objects/status.ts';
import { createdAt, type ApiObject, type ClusterView } from '../objects/view.ts';
import { formatEndpointSlices } from './service.ts';
import { finish, newWriter, write, writeAnnotations, writeEvents, writeLabels, type DescribeWriter } from './writer.ts';
import { list, record } from '../../json.ts';

/** describeBackendV1: `svc:port (endpoints)`, or the error the Service lookup gave. */
function describeBackend(view: ClusterView, namespace: string, backend: Record<string, unknown>): string {
  const service = record(backend.service);
  if (Object.keys(service).length) {
    const port = record(service.port);
    const name = String(service.name ?? '');
    const sb = `${name}:${typeof port.number === 'number' && port.number !== 0 ? port.number : String(port.name ?? '')}`;
    const svc = view.cluster.services.find((s) => s.namespace === namespace && s.name === name);
    if (!svc) return `${sb} (<error: services "${name}" not found>)`;
    const sp = svc.ports.find((p) => (typeof port.number === 'number' && port.number === p.port) || (typeof port.name === 'string' && port.name === p.name));
    const slices = view.cluster.endpointSlices.filter((s) => s.namespace === namespace && s.serviceName === name);
    return `${sb} (${formatEndpointSlices(slices, sp?.name ?? '')})`;
  }
  const resource = record(backend.resource);
  if (Object.keys(resource).length) return `APIGroup: ${typeof resource.apiGroup === 'string' ? resource.apiGroup : '<none>'}, Kind: ${String(resource.kind ?? '')}, Name: ${String(resource.name ?? '')}`;
  return '';
}

/** describeIngressV1. */
export function describeIngress(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  const spec = record(obj.raw?.spec);
  const ns = obj.namespace ?? 'default';
  const w = newWriter();
  write(w, 0, `Name:\t${obj.name}\n`);
  writeLabels(w, 'Labels', obj.labels);
  write(w, 0, `Namespace:\t${ns}\n`);
  write(w, 0, `Address:\t${ingressAddresses(view, obj.raw!).join(',')}\n`);
  write(w, 0, `Ingress Class:\t${typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '<none>'}\n`);
  const def = record(spec.defaultBackend);
  const defaultBackend = Object.keys(def).length ? describeBackend(view, ns, def) : '<default>';
  write(w, 0, `Default backend:\t${defaultBackend}\n`);
  const tls = list(spec.tls).map(record);
  if (tls.length) {
    write(w, 0, 'TLS:\n');
    for (const t of tls) {
      const hosts = list(t.hosts).map(String).join(',');
      write(w, 1, typeof t.secretName === 'string' && t.secretName ? `${t.secretName} terminates ${hosts}\n` : `SNI routes ${hosts}\n`);
    }
  }
  write(w, 0, 'Rules:\n  Host\tPath\tBackends\n');
  write(w, 1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of list(spec.rules).map(record)) {
    const http = record(rule.http);
    if (!Object.keys(http).length) continue;
    count++;
    write(w, 1, `${typeof rule.host === 'string' && rule.host ? rule.host : '*'}\t\n`);
    for (const p of list(http.paths).map(record)) write(w, 2, `\t${String(p.path ?? '')} \t${describeBackend(view, ns, record(p.backend))}\n`);
  }
  if (count === 0) write(w, 1, `*\t*\t${defaultBackend}\n`);
  writeAnnotations(w, 'Annotations', obj.annotations);
  const served = servedByIngressNginx(view.cluster, obj.raw!);
  const t = createdAt(view, obj);
  writeEvents(w, withEvents ? (served ? [{ type: 'Normal', reason: 'Sync', at: t, from: 'nginx-ingress-controller', message: 'Scheduled for sync' }] : []) : undefined, view.clock);
  return finish(w);
}

/** describeIngressClassV1. */
export function describeIngressClass(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  const spec = record(obj.raw?.spec);
  const w = newWriter();
  write(w, 0, `Name:\t${obj.name}\n`);
  writeLabels(w, 'Labels', obj.labels);
  writeAnnotations(w, 'Annotations', obj.annotations);
  write(w, 0, `Controller:\t${String(spec.controller ?? '')}\n`);
  const params = record(spec.parameters);
  if (Object.keys(params).length) {
    write(w, 0, 'Parameters:\n');
    if (typeof params.apiGroup === 'string') write(w, 1, `APIGroup:\t${params.apiGroup}\n`);
    write(w, 1, `Kind:\t${String(params.kind ?? '')}\n`);
    write(w, 1, `Name:\t${String(params.name ?? '')}\n`);
  }
  writeEvents(w, withEvents ? [] : undefined, view.clock);
  return finish(w);
}

function selectorText(value: unknown): string {
  return formatLabelSelector(record(value) as LabelSelector);
}

function writePorts(w: DescribeWriter, ports: Record<string, unknown>[], indent: string): void {
  if (ports.length === 0) {
    write(w, 0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    return;
  }
  for (const p of ports) {
    const proto = typeof p.protocol === 'string' ? p.protocol : 'TCP';
    const port = p.port === undefined ? '<nil>' : String(p.port);
    if (typeof p.endPort === 'number') write(w, 0, `${indent}To Port Range: ${port}-${p.endPort}/${proto}\n`);
    else write(w, 0, `${indent}To Port: ${port}/${proto}\n`);
  }
}

function writePeers(w: DescribeWriter, peers: Record<string, unknown>[], indent: string, label: 'From' | 'To'): void {
  if (peers.length === 0) {
    write(w, 0, `${indent}${label}: <any> (traffic not restricted by ${label === 'From' ? 'source' : 'destination'})\n`);
    return;
  }
  for (const peer of peers) {
    write(w, 0, `${indent}${label}:\n`);
    if (peer.podSelector !== undefined && peer.namespaceSelector !== undefined) {
      write(w, 1, `${indent}NamespaceSelector: ${selectorText(peer.namespaceSelector)}\n`);
      write(w, 1, `${indent}PodSelector: ${selectorText(peer.podSelector)}\n`);
    } else if (peer.podSelector !== undefined) write(w, 1, `${indent}PodSelector: ${selectorText(peer.podSelector)}\n`);
    else if (peer.namespaceSelector !== undefined) write(w, 1, `${indent}NamespaceSelector: ${selectorText(peer.namespaceSelector)}\n`);
    else if (peer.ipBlock !== undefined) {
      const block = record(peer.ipBlock);
      write(w, 1, `${indent}IPBlock:\n`);
      write(w, 2, `${indent}CIDR: ${String(block.cidr ?? '')}\n`);
      write(w, 2, `${indent}Except: ${list(block.except).map(String).join(', ')}\n`);
    }
  }
}

/** describeNetworkPolicy. */
export function describeNetworkPolicy(view: ClusterView, obj: ApiObject): string {
  const spec = record(obj.raw?.spec);
  const ingress = list(spec.ingress).map(record);
  const egress = list(spec.egress).map(record);
  const types = Array.isArray(spec.policyTypes) ? spec.policyTypes.map(String) : egress.length ? ['Ingress', 'Egress'] : ['Ingress'];
  const w = newWriter();
  write(w, 0, `Name:\t${obj.name}\n`);
  write(w, 0, `Namespace:\t${obj.namespace ?? 'default'}\n`);
  write(w, 0, `Created on:\t${goTime(createdAt(view, obj))}\n`);
  writeLabels(w, 'Labels', obj.labels);
  writeAnnotations(w, 'Annotations', obj.annotations);
  write(w, 0, 'Spec:\n');
  write(w, 1, 'PodSelector: ');
  const podSelector = record(spec.podSelector);
  if (!Object.keys(record(podSelector.matchLabels)).length && !list(podSelector.matchExpressions).length) write(w, 2, '<none> (Allowing the specific traffic to all pods in this namespace)\n');
  else write(w, 2, `${selectorText(podSelector)}\n`);
  const rules = (which: Record<string, unknown>[], label: 'From' | 'To', direction: string) => {
    if (which.length === 0) {
      write(w, 0, `    <none> (Selected pods are isolated for ${direction} connectivity)\n`);
      return;
    }
    which.forEach((rule, i) => {
      writePorts(w, list(rule.ports).map(record), '    ');
      writePeers(w, list(rule[label === 'From' ? 'from' : 'to']).map(record), '    ', label);
      if (i !== which.length - 1) write(w, 0, '    ----------\n');
    });
  };
  if (types.includes('Ingress')) {
    write(w, 1, 'Allowing ingress traffic:\n');
    rules(ingress, 'From', 'ingress');
  } else write(w, 1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    write(w, 1, 'Allowing egress traffic:\n');
    rules(egress, 'To', 'egress');
  } else write(w, 1, 'Not affecting egress traffic\n');
  write(w, 1, `Policy Types: ${types.join(', ')}\n`);
  return finish(w);
}
