// `kubectl describe service|endpoints|endpointslice`, as describeService, describeEndpoints and
// describeEndpointSliceV1 lay them out.

import type { EndpointSlice, Service } from '../../types.ts';
import { formatLabels } from '../format/selectors.ts';
import { createdAt, type ApiObject, type ClusterView } from '../objects/view.ts';
import { finish, newWriter, write, writeAnnotations, writeEvents, writeLabels, type DescribeEvent } from './writer.ts';

/** formatEndpointSlices: ready `addr:port` of the port named `portName`, three at most. */
export function formatEndpointSlices(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    if (slice.ports.length === 0) {
      for (const ep of slice.endpoints) {
        if (list.length === max) more = true;
        if (!ep.conditions.ready) continue;
        if (!more) list.push(ep.addresses[0] ?? '');
        count++;
      }
      continue;
    }
    for (const port of slice.ports) {
      if (port.name !== portName) continue;
      for (const ep of slice.endpoints) {
        if (list.length === max) more = true;
        if (!ep.conditions.ready) continue;
        const addr = ep.addresses[0] ?? '';
        if (!more) list.push(`${addr.includes(':') ? `[${addr}]` : addr}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function serviceEvents(view: ClusterView, obj: ApiObject, svc: Service): DescribeEvent[] {
  if (svc.type !== 'LoadBalancer' || view.cluster.settings.loadBalancer === 'none') return [];
  const t = createdAt(view, obj);
  return [
    { type: 'Normal', reason: 'EnsuringLoadBalancer', at: t, from: 'service-controller', message: 'Ensuring load balancer' },
    { type: 'Normal', reason: 'EnsuredLoadBalancer', at: t, from: 'service-controller', message: 'Ensured load balancer' },
  ];
}

/** describeService. */
export function describeService(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  const svc = obj.service!;
  const raw = (obj.raw?.spec ?? {}) as Record<string, unknown>;
  const slices = view.cluster.endpointSlices.filter((s) => s.namespace === svc.namespace && s.serviceName === svc.name);
  const w = newWriter();
  write(w, 0, `Name:\t${svc.name}\n`);
  write(w, 0, `Namespace:\t${svc.namespace}\n`);
  writeLabels(w, 'Labels', svc.labels);
  writeAnnotations(w, 'Annotations', svc.annotations);
  write(w, 0, `Selector:\t${formatLabels(svc.selector)}\n`);
  write(w, 0, `Type:\t${svc.type}\n`);
  const externalName = svc.type === 'ExternalName';
  if (!externalName) write(w, 0, 'IP Family Policy:\tSingleStack\n');
  write(w, 0, `IP Families:\t${externalName ? '<none>' : 'IPv4'}\n`);
  write(w, 0, `IP:\t${externalName ? '' : svc.clusterIP}\n`);
  write(w, 0, `IPs:\t${externalName ? '<none>' : svc.clusterIP}\n`);
  if (svc.externalIPs.length) write(w, 0, `External IPs:\t${svc.externalIPs.join(',')}\n`);
  if (typeof raw.loadBalancerIP === 'string' && raw.loadBalancerIP) write(w, 0, `Desired LoadBalancer IP:\t${raw.loadBalancerIP}\n`);
  if (svc.externalName) write(w, 0, `External Name:\t${svc.externalName}\n`);
  if (svc.loadBalancerIPs.length) write(w, 0, `LoadBalancer Ingress:\t${svc.loadBalancerIPs.map((ip) => `${ip} (VIP)`).join(', ')}\n`);
  for (const p of svc.ports) {
    const name = p.name || '<unset>';
    write(w, 0, `Port:\t${name}\t${p.port}/${p.protocol}\n`);
    write(w, 0, `TargetPort:\t${p.targetPort}/${p.protocol}\n`);
    if (p.appProtocol) write(w, 0, `AppProtocol:\t${p.appProtocol}\n`);
    if (p.nodePort) write(w, 0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    write(w, 0, `Endpoints:\t${formatEndpointSlices(slices, p.name)}\n`);
  }
  write(w, 0, `Session Affinity:\t${svc.sessionAffinity}\n`);
  if (svc.type === 'NodePort' || svc.type === 'LoadBalancer') write(w, 0, `External Traffic Policy:\t${svc.externalTrafficPolicy}\n`);
  if (!externalName) write(w, 0, `Internal Traffic Policy:\t${svc.internalTrafficPolicy}\n`);
  if (svc.healthCheckNodePort) write(w, 0, `HealthCheck NodePort:\t${svc.healthCheckNodePort}\n`);
  if (svc.loadBalancerSourceRanges.length) write(w, 0, `LoadBalancer Source Ranges:\t${svc.loadBalancerSourceRanges.join(',')}\n`);
  if (typeof raw.trafficDistribution === 'string') write(w, 0, `Traffic Distribution:\t${raw.trafficDistribution}\n`);
  writeEvents(w, withEvents ? serviceEvents(view, obj, svc) : undefined, view.clock);
  return finish(w);
}

/** describeEndpoints. */
export function describeEndpoints(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  const ep = obj.endpoints!;
  const w = newWriter();
  write(w, 0, `Name:\t${ep.name}\n`);
  write(w, 0, `Namespace:\t${ep.namespace}\n`);
  writeLabels(w, 'Labels', ep.labels);
  writeAnnotations(w, 'Annotations', {});
  write(w, 0, 'Subsets:\n');
  for (const s of ep.subsets) {
    write(w, 1, `Addresses:\t${s.addresses.map((a) => a.ip).join(',') || '<none>'}\n`);
    write(w, 1, `NotReadyAddresses:\t${s.notReadyAddresses.map((a) => a.ip).join(',') || '<none>'}\n`);
    if (s.ports.length) {
      write(w, 1, 'Ports:\n');
      write(w, 2, 'Name\tPort\tProtocol\n');
      write(w, 2, '----\t----\t--------\n');
      for (const p of s.ports) write(w, 2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`);
    }
    write(w, 0, '\n');
  }
  writeEvents(w, withEvents ? [] : undefined, view.clock);
  return finish(w);
}

/** describeEndpointSliceV1. */
export function describeEndpointSlice(view: ClusterView, obj: ApiObject, withEvents: boolean): string {
  const slice = obj.slice!;
  const w = newWriter();
  write(w, 0, `Name:\t${slice.name}\n`);
  write(w, 0, `Namespace:\t${slice.namespace}\n`);
  writeLabels(w, 'Labels', slice.labels);
  writeAnnotations(w, 'Annotations', {});
  write(w, 0, `AddressType:\t${slice.addressType}\n`);
  if (slice.ports.length === 0) write(w, 0, 'Ports: <unset>\n');
  else {
    write(w, 0, 'Ports:\n');
    write(w, 1, 'Name\tPort\tProtocol\n');
    write(w, 1, '----\t----\t--------\n');
    for (const p of slice.ports) write(w, 1, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`);
  }
  if (slice.endpoints.length === 0) write(w, 0, 'Endpoints: <none>\n');
  else {
    write(w, 0, 'Endpoints:\n');
    for (const ep of slice.endpoints) {
      write(w, 1, `- Addresses:\t${ep.addresses.join(', ') || '<none>'}\n`);
      write(w, 2, 'Conditions:\n');
      write(w, 3, `Ready:\t${ep.conditions.ready}\n`);
      write(w, 2, `Hostname:\t${ep.hostname ?? '<unset>'}\n`);
      if (ep.targetRef) write(w, 2, `TargetRef:\t${ep.targetRef.kind}/${ep.targetRef.name}\n`);
      write(w, 2, `NodeName:\t${ep.nodeName ?? '<unset>'}\n`);
      write(w, 2, 'Zone:\t<unset>\n');
    }
  }
  writeEvents(w, withEvents ? [] : undefined, view.clock);
  return finish(w);
}
