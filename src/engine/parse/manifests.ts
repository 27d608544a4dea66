import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node as YamlNode } from 'yaml';
import type { Diagnostic, ManifestObject, SourceRange } from '../types.ts';

/** One YAML text to load, named as the user knows it. */
export interface ManifestSource {
  file: string;
  text: string;
  /** Line number of the text's first line in `file` (for manifests embedded in a scenario). */
  lineOffset?: number;
}

/** One YAML document that held a Kubernetes object, with what is needed to point into it. */
export interface ParsedDocument {
  file: string;
  doc: number;
  object: ManifestObject;
  /** Locates a field path (`spec.ports[0].nodePort`) in the source; falls back to the nearest parent. */
  locate: (path: string) => SourceRange;
}

export interface ParsedManifests {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}

/** Parses multi-document Kubernetes YAML, keeping source ranges for every object and field. */
export function parseManifests(sources: ManifestSource[]): ParsedManifests {
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const source of sources) parseSource(source, documents, diagnostics);
  return { documents, diagnostics };
}

function parseSource(source: ManifestSource, out: ParsedDocument[], diagnostics: Diagnostic[]): void {
  const lineCounter = new LineCounter();
  const offset = source.lineOffset ?? 0;
  const toRange = (start: number, end: number): SourceRange => {
    const a = lineCounter.linePos(start);
    const b = lineCounter.linePos(Math.max(start, end));
    return { startLine: a.line + offset, startCol: a.col, endLine: b.line + offset, endCol: b.col };
  };
  const docs = parseAllDocuments(source.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((document, index) => {
    const errors = document.errors;
    if (errors.length > 0) {
      for (const error of errors) {
        const range = toRange(error.pos[0], error.pos[1]);
        diagnostics.push({
          code: 'yaml_syntax_error',
          severity: 'error',
          message: `error converting YAML to JSON: yaml: line ${range.startLine}: ${firstLine(error.message)}`,
          file: source.file,
          range,
        });
      }
      return;
    }
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return; // an empty document, as kubectl skips it
    const docRange = document.contents ? toRange(document.contents.range[0], document.contents.range[1]) : toRange(0, 0);
    if (typeof value !== 'object' || Array.isArray(value)) {
      diagnostics.push({
        code: 'not_an_object',
        severity: 'error',
        message: `error: error parsing ${source.file}: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`,
        file: source.file,
        range: docRange,
      });
      return;
    }
    const raw = value as Record<string, unknown>;
    const items = raw.kind === 'List' && Array.isArray(raw.items) ? (raw.items as unknown[]) : [raw];
    items.forEach((item, itemIndex) => {
      const prefix = items.length > 1 || raw.kind === 'List' ? `items[${itemIndex}]` : '';
      const locate = (path: string): SourceRange => locateIn(document, joinPath(prefix, path), toRange, docRange);
      if (!isObjectWithKind(item)) {
        diagnostics.push({
          code: 'missing_kind',
          severity: 'error',
          message: `error: error validating "${source.file}": error validating data: ${describeMissing(item)}; if you choose to ignore these errors, turn validation off with --validate=false`,
          file: source.file,
          range: locate(''),
        });
        return;
      }
      out.push({ file: source.file, doc: index, object: normaliseMetadata(item), locate });
    });
  });
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

function describeMissing(item: unknown): string {
  const o = (item ?? {}) as Record<string, unknown>;
  const missing: string[] = [];
  if (typeof o.apiVersion !== 'string' || o.apiVersion === '') missing.push('apiVersion not set');
  if (typeof o.kind !== 'string' || o.kind === '') missing.push('kind not set');
  return missing.length ? `[${missing.join(', ')}]` : 'invalid object';
}

function isObjectWithKind(item: unknown): item is ManifestObject {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  const o = item as Record<string, unknown>;
  return typeof o.kind === 'string' && o.kind !== '' && typeof o.apiVersion === 'string' && o.apiVersion !== '';
}

function normaliseMetadata(item: ManifestObject): ManifestObject {
  const metadata = typeof item.metadata === 'object' && item.metadata !== null && !Array.isArray(item.metadata) ? item.metadata : {};
  return { ...item, metadata };
}

function joinPath(prefix: string, path: string): string {
  if (!prefix) return path;
  if (!path) return prefix;
  return path.startsWith('[') ? prefix + path : `${prefix}.${path}`;
}

/** Splits `spec.ports[0].nodePort` (or `metadata.labels[app.kubernetes.io/name]`) into segments. */
export function splitFieldPath(path: string): Array<string | number> {
  const segments: Array<string | number> = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return segments;
}

function locateIn(
  document: Document,
  path: string,
  toRange: (start: number, end: number) => SourceRange,
  fallback: SourceRange,
): SourceRange {
  let node: YamlNode | null | undefined = document.contents as YamlNode | null;
  let best: SourceRange = fallback;
  for (const segment of splitFieldPath(path)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as YamlNode;
      if (key.range) best = toRange(key.range[0], (pair.value as YamlNode | null)?.range?.[1] ?? key.range[1]);
      node = pair.value as YamlNode | null;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as YamlNode | undefined;
      if (!item) break;
      if (item.range) best = toRange(item.range[0], item.range[1]);
      node = item;
    } else break;
  }
  return trimToFirstLine(best);
}

// A field's range spans its whole value; markers read better on the key's own line.
function trimToFirstLine(range: SourceRange): SourceRange {
  if (range.endLine === range.startLine) return range;
  return { ...range, endLine: range.startLine, endCol: 1000 };
}
