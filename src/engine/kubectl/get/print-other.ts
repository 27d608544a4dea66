// Table printers for workloads, networking and Gateway API resources (printers.go for built-in
// types; the CRDs' additionalPrinterColumns for the Gateway API).

import type { Condition } from '../../scenario/conditions.ts';
import type { LabelSelector } from '../../types.ts';
import { formatLabelSelector, formatLabels, selectorString } from '../format/selectors.ts';
import { gatewayClassConditions, gatewayStatus, ingressAddresses, workloadStatus } from '../objects/status.ts';
import type { ApiObject } from '../objects/view.ts';
import type { TablePrinter } from './printer.ts';
import { list, record } from '../../json.ts';

function spec(obj: ApiObject): Record<string, unknown> {
  return record((obj.deployment ?? obj.raw)?.spec);
}

/** layoutContainerCells: container names and images, comma-joined. */
function containerCells(obj: ApiObject): [string, string] {
  const containers = list(record(record(spec(obj).template).spec).containers).map(record);
  return [containers.map((c) => String(c.name ?? '')).join(','), containers.map((c) => String(c.image ?? '')).join(',')];
}

function selectorOf(obj: ApiObject): LabelSelector | undefined {
  const s = spec(obj).selector;
  return s && typeof s === 'object' ? (s as LabelSelector) : undefined;
}

export const deploymentPrinter: TablePrinter = {
  columns: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (obj, age, view) => {
    const s = workloadStatus(view, obj);
    return [obj.name, `${s.ready}/${s.desired}`, String(s.updated), String(s.available), age, ...containerCells(obj), selectorString(selectorOf(obj))];
  },
};

export const replicaSetPrinter: TablePrinter = {
  columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (obj, age, view) => {
    const s = workloadStatus(view, obj);
    // A Deployment's ReplicaSet selects on its pod-template-hash as well.
    const selector = obj.deployment ? { ...selectorOf(obj), matchLabels: { ...selectorOf(obj)?.matchLabels, 'pod-template-hash': obj.labels['pod-template-hash'] ?? '' } } : selectorOf(obj);
    return [obj.name, String(s.desired), String(s.current), String(s.ready), age, ...containerCells(obj), formatLabelSelector(selector)];
  },
};

export const statefulSetPrinter: TablePrinter = {
  columns: ['NAME', 'READY', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES'],
  row: (obj, age, view) => {
    const s = workloadStatus(view, obj);
    return [obj.name, `${s.ready}/${s.desired}`, age, ...containerCells(obj)];
  },
};

export const daemonSetPrinter: TablePrinter = {
  columns: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideColumns: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (obj, age, view) => {
    const s = workloadStatus(view, obj);
    const nodeSelector = record(record(record(spec(obj).template).spec).nodeSelector) as Record<string, string>;
    return [obj.name, String(s.desired), String(s.current), String(s.ready), String(s.updated), String(s.available), formatLabels(nodeSelector), age, ...containerCells(obj), formatLabelSelector(selectorOf(obj))];
  },
};

/** formatHosts: up to three rule hosts, `*` when none has a host. */
function formatHosts(rules: Record<string, unknown>[]): string {
  const hosts: string[] = [];
  let more = false;
  for (const rule of rules) {
    if (hosts.length === 3) more = true;
    if (!more && typeof rule.host === 'string' && rule.host) hosts.push(rule.host);
  }
  if (hosts.length === 0) return '*';
  return more ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
}

export const ingressPrinter: TablePrinter = {
  columns: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
  row: (obj, age, view) => {
    const s = spec(obj);
    const cls = typeof s.ingressClassName === 'string' ? s.ingressClassName : '<none>';
    const ports = list(s.tls).length ? '80, 443' : '80';
    return [obj.name, cls, formatHosts(list(s.rules).map(record)), ingressAddresses(view, obj.raw!).join(','), ports, age];
  },
};

export const ingressClassPrinter: TablePrinter = {
  columns: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
  row: (obj, age) => {
    const s = spec(obj);
    const p = record(s.parameters);
    const params = typeof p.kind === 'string' ? `${p.kind}${typeof p.apiGroup === 'string' ? `.${p.apiGroup}` : ''}/${String(p.name ?? '')}` : '<none>';
    return [obj.name, String(s.controller ?? ''), params, age];
  },
};

export const networkPolicyPrinter: TablePrinter = {
  columns: ['NAME', 'POD-SELECTOR', 'AGE'],
  row: (obj, age) => [obj.name, formatLabelSelector(record(spec(obj).podSelector) as LabelSelector), age],
};

const conditionStatus = (conditions: Condition[], type: string) => conditions.find((c) => c.type === type)?.status ?? '';

export const gatewayPrinter: TablePrinter = {
  columns: ['NAME', 'CLASS', 'ADDRESS', 'PROGRAMMED', 'AGE'],
  row: (obj, age, view) => {
    const status = gatewayStatus(view, obj.namespace ?? 'default', obj.name);
    return [obj.name, String(spec(obj).gatewayClassName ?? ''), status.addresses.join(','), conditionStatus(status.conditions, 'Programmed'), age];
  },
};

export const gatewayClassPrinter: TablePrinter = {
  columns: ['NAME', 'CONTROLLER', 'ACCEPTED', 'AGE'],
  wideColumns: ['DESCRIPTION'],
  row: (obj, age, view) => [obj.name, String(spec(obj).controllerName ?? ''), conditionStatus(gatewayClassConditions(view, obj.name), 'Accepted'), age, String(spec(obj).description ?? '')],
};

export const routePrinter: TablePrinter = {
  columns: ['NAME', 'HOSTNAMES', 'AGE'],
  row: (obj, age) => {
    const hostnames = list(spec(obj).hostnames).map(String);
    return [obj.name, hostnames.length ? JSON.stringify(hostnames) : '', age];
  },
};

export const configMapPrinter: TablePrinter = {
  columns: ['NAME', 'DATA', 'AGE'],
  row: (obj, age) => [obj.name, String(Object.keys(record(obj.raw?.data)).length + Object.keys(record(obj.raw?.binaryData)).length), age],
};

export const secretPrinter: TablePrinter = {
  columns: ['NAME', 'TYPE', 'DATA', 'AGE'],
  row: (obj, age) => [obj.name, String(obj.raw?.type ?? 'Opaque'), String(Object.keys({ ...record(obj.raw?.data), ...record(obj.raw?.stringData) }).length), age],
};

export const serviceAccountPrinter: TablePrinter = {
  columns: ['NAME', 'SECRETS', 'AGE'],
  row: (obj, age) => [obj.name, String(list(obj.raw?.secrets).length), age],
};

/** Types without a printer of their own print as the API server's default table does. */
export const defaultPrinter: TablePrinter = {
  columns: ['NAME', 'AGE'],
  row: (obj, age) => [obj.name, age],
};
