// kubectl's machine-readable output: -o yaml (sigs.k8s.io/yaml: keys sorted, sequences not
// indented), -o json (4-space indent, keys sorted as unstructured maps marshal), -o name,
// -o jsonpath=..., -o custom-columns=...

import { stringify } from 'yaml';
import { customColumnCell, evaluateJsonPath } from '../format/jsonpath.ts';
import { GET_TABWRITER, formatTable } from '../format/tabwriter.ts';

/** A deep copy with every object's keys in sorted order (as Go marshals maps). */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[k];
      if (v !== undefined) out[k] = sortKeys(v);
    }
    return out;
  }
  return value;
}

/** YAML as kubectl prints it. */
export function toYaml(value: unknown): string {
  // YAML 1.1 rules quote what go-yaml quotes: timestamps, yes/no/on/off, numbers in strings.
  return stringify(sortKeys(value), { version: '1.1', indentSeq: false, lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

/** JSON as kubectl prints it. */
export function toJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 4)}\n`;
}

/** The List kubectl wraps several objects in. */
export function listOf(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; columns: Array<{ header: string; path: string }> };

const ALLOWED = 'custom-columns, custom-columns-file, go-template, go-template-file, json, jsonpath, jsonpath-as-json, jsonpath-file, kyaml, name, template, templatefile, wide, yaml';

/** Reads -o; errors as kubectl words them. */
export function parseOutputFormat(value: string | undefined): OutputFormat | { error: string } {
  if (value === undefined || value === '') return { kind: 'table', wide: false };
  if (value === 'wide') return { kind: 'table', wide: true };
  if (value === 'yaml') return { kind: 'yaml' };
  if (value === 'json') return { kind: 'json' };
  if (value === 'name') return { kind: 'name' };
  const eq = value.indexOf('=');
  const name = eq === -1 ? value : value.slice(0, eq);
  const arg = eq === -1 ? '' : value.slice(eq + 1);
  if (name === 'jsonpath' || name === 'jsonpath-as-json') {
    if (!arg) return { error: 'template format specified but no template given' };
    return { kind: 'jsonpath', template: arg };
  }
  if (name === 'custom-columns') {
    if (!arg) return { error: 'custom-columns format specified but no custom columns given' };
    const columns = arg.split(',').map((spec) => {
      const i = spec.indexOf(':');
      return i === -1 ? undefined : { header: spec.slice(0, i), path: spec.slice(i + 1) };
    });
    if (columns.some((c) => !c)) return { error: `unexpected custom-columns spec: ${arg.split(',').find((s) => !s.includes(':'))}, expected <header>:<json-path-expr>` };
    return { kind: 'custom-columns', columns: columns as Array<{ header: string; path: string }> };
  }
  return { error: `unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}` };
}

/** Prints objects in a machine-readable format (not `table`). */
export function printObjects(format: Exclude<OutputFormat, { kind: 'table' }>, objects: Array<{ object: Record<string, unknown>; name: string }>, single: boolean, noHeaders = false): string {
  const data = single && objects.length === 1 ? objects[0]!.object : listOf(objects.map((o) => o.object));
  switch (format.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toJson(data);
    case 'name':
      return objects.map((o) => `${o.name}\n`).join('');
    case 'jsonpath':
      return evaluateJsonPath(format.template, sortKeys(data));
    case 'custom-columns': {
      const rows = noHeaders ? [] : [format.columns.map((c) => c.header)];
      for (const o of objects) rows.push(format.columns.map((c) => customColumnCell(c.path, o.object)));
      return formatTable(rows, GET_TABWRITER);
    }
  }
}
