// kubectl's human-readable table output: the printer of each resource type, and the decorations
// the table printer adds (NAMESPACE column with -A, `kind/` prefixes when several types are
// printed, LABELS with --show-labels, -L columns).

import { humanDuration } from '../format/time.ts';
import { GET_TABWRITER, formatTable } from '../format/tabwriter.ts';
import { createdAt, type ApiObject, type ClusterView } from '../objects/view.ts';
import { kindString, type ResourceType } from '../resources.ts';
import { endpointSlicePrinter, endpointsPrinter, namespacePrinter, nodePrinter, podPrinter, servicePrinter } from './print-core.ts';
import {
  configMapPrinter,
  daemonSetPrinter,
  defaultPrinter,
  deploymentPrinter,
  gatewayClassPrinter,
  gatewayPrinter,
  ingressClassPrinter,
  ingressPrinter,
  networkPolicyPrinter,
  replicaSetPrinter,
  routePrinter,
  secretPrinter,
  serviceAccountPrinter,
  statefulSetPrinter,
} from './print-other.ts';

/** How one resource type prints as a table. */
export interface TablePrinter {
  /** Headers of the default columns. */
  columns: string[];
  /** Headers of the extra `-o wide` columns (priority 1). */
  wideColumns?: string[];
  /** All cells, default columns first, then the wide ones. */
  row(obj: ApiObject, age: string, view: ClusterView): string[];
}

const PRINTERS: Record<string, TablePrinter> = {
  pods: podPrinter,
  services: servicePrinter,
  endpoints: endpointsPrinter,
  endpointslices: endpointSlicePrinter,
  nodes: nodePrinter,
  namespaces: namespacePrinter,
  deployments: deploymentPrinter,
  replicasets: replicaSetPrinter,
  statefulsets: statefulSetPrinter,
  daemonsets: daemonSetPrinter,
  ingresses: ingressPrinter,
  ingressclasses: ingressClassPrinter,
  networkpolicies: networkPolicyPrinter,
  gateways: gatewayPrinter,
  gatewayclasses: gatewayClassPrinter,
  httproutes: routePrinter,
  grpcroutes: routePrinter,
  configmaps: configMapPrinter,
  secrets: secretPrinter,
  serviceaccounts: serviceAccountPrinter,
};

/** The printer of a resource type. */
export function printerFor(type: ResourceType): TablePrinter {
  return PRINTERS[type.resource] ?? defaultPrinter;
}

/** Options of one table. */
export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  withKind: boolean;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
}

/** The AGE cell of an object. */
export function ageOf(view: ClusterView, obj: ApiObject): string {
  return humanDuration(view.clock - createdAt(view, obj));
}

/** The rows (header first) of one resource type's table, unaligned. */
export function tableRows(view: ClusterView, type: ResourceType, objects: ApiObject[], options: TableOptions): string[][] {
  const printer = printerFor(type);
  const count = printer.columns.length + (options.wide ? (printer.wideColumns?.length ?? 0) : 0);
  const headers = [...printer.columns, ...(options.wide ? (printer.wideColumns ?? []) : [])];
  const labelKeys = options.labelColumns.flatMap((l) => l.split(',')).filter(Boolean);
  // -L key prints the last path segment of the key, upper-cased.
  headers.push(...labelKeys.map((k) => (k.split('/').pop() ?? k).toUpperCase()));
  if (options.showLabels) headers.push('LABELS');
  if (options.withNamespace) headers.unshift('NAMESPACE');
  const rows: string[][] = options.noHeaders ? [] : [headers];
  for (const obj of objects) {
    const cells = printer.row(obj, ageOf(view, obj), view).slice(0, count);
    if (options.withKind) cells[0] = `${kindString(type)}/${cells[0]}`;
    cells.push(...labelKeys.map((k) => obj.labels[k] ?? ''));
    if (options.showLabels) cells.push(Object.keys(obj.labels).sort().map((k) => `${k}=${obj.labels[k]}`).join(',') || '<none>');
    if (options.withNamespace) cells.unshift(obj.namespace ?? '');
    rows.push(cells);
  }
  return rows;
}

/** Aligns rows with kubectl get's tabwriter. */
export function renderTable(rows: string[][]): string {
  return formatTable(rows, GET_TABWRITER);
}
