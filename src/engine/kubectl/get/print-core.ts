// Table printers for core resources, cell for cell as kubernetes/pkg/printers/internalversion/
// printers.go fills them (printPod, printService, printEndpoints, printEndpointSlice, printNode,
// printNamespace).

import type { Pod, Service } from '../../types.ts';
import type { EndpointsData } from '../objects/endpoints.ts';
import { formatLabels } from '../format/selectors.ts';
import type { TablePrinter } from './printer.ts';

/** Client and kubelet versions the simulated nodes report. */
export const KUBELET_VERSION = 'v1.34.0';
export const OS_IMAGE = 'Debian GNU/Linux 12 (bookworm)';
export const KERNEL_VERSION = '6.8.0-1021-azure';
export const CONTAINER_RUNTIME = 'containerd://2.1.3';

/** READY and STATUS of a pod as printPod computes them from container statuses. */
export function podReadyAndStatus(pod: Pod): { ready: string; status: string } {
  const total = Math.max(pod.containers.length, 1);
  let status = pod.phase;
  let readyCount = pod.phase === 'Running' && pod.readyCondition ? total : 0;
  if (pod.phase === 'Succeeded') {
    status = 'Completed';
    readyCount = 0;
  } else if (pod.phase === 'Failed') status = 'Error';
  if (pod.terminating && pod.phase !== 'Succeeded' && pod.phase !== 'Failed') status = 'Terminating';
  return { ready: `${readyCount}/${total}`, status };
}

export const podPrinter: TablePrinter = {
  columns: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideColumns: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (obj, age) => {
    const pod = obj.pod!;
    const { ready, status } = podReadyAndStatus(pod);
    return [obj.name, ready, status, '0', age, pod.podIP || '<none>', pod.nodeName || '<none>', '<none>', '<none>'];
  },
};

/** getServiceExternalIP(svc, wide=true). */
export function serviceExternalIP(svc: Service): string {
  switch (svc.type) {
    case 'ClusterIP':
    case 'NodePort':
      return svc.externalIPs.length ? svc.externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const all = [...new Set(svc.loadBalancerIPs), ...svc.externalIPs];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return svc.externalName ?? '';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP`, joined by commas. */
export function servicePorts(svc: Service): string {
  const s = svc.ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
  return s || '<none>';
}

export const servicePrinter: TablePrinter = {
  columns: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideColumns: ['SELECTOR'],
  row: (obj, age) => {
    const svc = obj.service!;
    const clusterIP = svc.type === 'ExternalName' || !svc.clusterIP ? '<none>' : svc.clusterIP;
    return [obj.name, svc.type, clusterIP, serviceExternalIP(svc), servicePorts(svc), age, formatLabels(svc.selector)];
  },
};

/** formatEndpoints: up to three `ip:port`, then ` + N more...`; '' when only not-ready addresses. */
export function formatEndpoints(ep: EndpointsData): string {
  if (ep.subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of ep.subsets) {
    if (ss.ports.length === 0) {
      count += ss.addresses.length;
      for (const a of ss.addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ss.ports) {
      count += ss.addresses.length;
      for (const a of ss.addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(`${a.ip.includes(':') ? `[${a.ip}]` : a.ip}:${port.port}`);
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsPrinter: TablePrinter = {
  columns: ['NAME', 'ENDPOINTS', 'AGE'],
  row: (obj, age) => [obj.name, formatEndpoints(obj.endpoints!), age],
};

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

export const endpointSlicePrinter: TablePrinter = {
  columns: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  row: (obj, age) => {
    const slice = obj.slice!;
    const max = 3;
    const ports: string[] = [];
    for (const p of slice.ports) if (ports.length < max) ports.push(Number.isFinite(p.port) && p.port > 0 ? String(p.port) : p.name || '*');
    const addresses: string[] = [];
    let count = 0;
    for (const ep of slice.endpoints) {
      for (const a of ep.addresses) {
        if (addresses.length < max) addresses.push(a);
        count++;
      }
    }
    return [obj.name, slice.addressType, listWithMore(ports, slice.ports.length > max, slice.ports.length, max), listWithMore(addresses, count > max, count, max), age];
  },
};

/** Roles from node-role.kubernetes.io/<role> and kubernetes.io/role labels. */
export function nodeRoles(labels: Record<string, string>): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/') && k.length > 'node-role.kubernetes.io/'.length) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort().join(',') || '<none>';
}

export const nodePrinter: TablePrinter = {
  columns: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideColumns: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (obj, age) => {
    const node = obj.node!;
    const status = [node.ready ? 'Ready' : 'NotReady', ...(node.unschedulable ? ['SchedulingDisabled'] : [])].join(',');
    return [obj.name, status, nodeRoles(node.labels), age, KUBELET_VERSION, node.internalIP, '<none>', OS_IMAGE, KERNEL_VERSION, CONTAINER_RUNTIME];
  },
};

export const namespacePrinter: TablePrinter = {
  columns: ['NAME', 'STATUS', 'AGE'],
  row: (obj, age) => [obj.name, 'Active', age],
};
