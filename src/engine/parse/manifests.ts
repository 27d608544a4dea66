import { isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node as YamlNode, type ScalarTag, type Tags } from 'yaml';
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

// kubectl reads YAML 1.1 (sigs.k8s.io/yaml over go-yaml v2): `yes`/`on`/`off` are booleans and
// `0644` is octal, so `value: yes` fails to decode into a string field just as it does for real.
// go-yaml does not resolve sexagesimal numbers (`1:20`) or timestamps in untyped values: they stay
// strings. One deliberate difference: go-yaml v2 also reads a bare `y`/`n` as a boolean, which
// would break every `namespace: y` of the upstream NetworkPolicy model; here they stay strings.
const GO_YAML_UNRESOLVED = new Set(['int:TIME', 'float:TIME', 'timestamp']);

function kubectlTags(tags: Tags): Tags {
  const out: Tags = [];
  for (const t of tags) {
    if (typeof t === 'string') {
      out.push(t);
      continue;
    }
    const name = `${t.tag.replace('tag:yaml.org,2002:', '')}${t.format ? `:${t.format}` : ''}`;
    if (GO_YAML_UNRESOLVED.has(name)) continue;
    const test = 'test' in t ? t.test : undefined;
    if (name === 'bool' && test) {
      out.push({ ...t, test: new RegExp(test.source.replace(/(?:Y\|y\||N\|n\|)/, '')) } as ScalarTag);
      continue;
    }
    out.push(t);
  }
  return out;
}

const KUBECTL_YAML_OPTIONS = { version: '1.1' as const, prettyErrors: false, uniqueKeys: true, customTags: kubectlTags };

/** Parsed YAML documents by their exact text, kept between rebuilds by the caller (the worker
 * keeps one per editor) so an edit re-parses only the document it touched. */
export interface ParseCache {
  chunks: Map<string, ParsedChunk[]>;
}

/** A parsed document and its plain value, computed once per distinct text. */
interface ParsedChunk {
  document: Document;
  value: unknown;
  /** Why the document has no value though it parsed (an alias to a missing anchor, an alias bomb). */
  error?: string;
}

/** Creates an empty parse cache. */
export function createParseCache(): ParseCache {
  return { chunks: new Map() };
}

/** Parses multi-document Kubernetes YAML, keeping source ranges for every object and field. */
export function parseManifests(sources: ManifestSource[], cache?: ParseCache): ParsedManifests {
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const used = new Map<string, ParsedChunk[]>();
  for (const source of sources) parseSource(source, documents, diagnostics, cache, used);
  // Keep only what this text still contains, so the cache never outgrows the manifests.
  if (cache) cache.chunks = used;
  return { documents, diagnostics };
}

/** Splits YAML text at document markers. A `---` at the start of a line always starts a new
 * document (YAML forbids it inside content), so each chunk parses on its own. */
export function splitDocuments(text: string): Array<{ text: string; line: number }> {
  const chunks: Array<{ text: string; line: number }> = [];
  const re = /^---(?=[ \t]|\r?$)/gm;
  let start = 0;
  let startLine = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index === 0) continue;
    const chunk = text.slice(start, m.index);
    chunks.push({ text: chunk, line: startLine });
    startLine += countLines(chunk);
    start = m.index;
  }
  chunks.push({ text: text.slice(start), line: startLine });
  return chunks;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function parseChunk(text: string, cache: ParseCache | undefined, used: Map<string, ParsedChunk[]>): ParsedChunk[] {
  const hit = used.get(text) ?? cache?.chunks.get(text);
  if (hit) {
    used.set(text, hit);
    return hit;
  }
  const docs = parseAllDocuments(text, KUBECTL_YAML_OPTIONS);
  const list = (Array.isArray(docs) ? docs : []).map((document): ParsedChunk => {
    if (document.errors.length > 0) return { document, value: undefined };
    try {
      return { document, value: document.toJS({ maxAliasCount: 100 }) as unknown };
    } catch (error) {
      return { document, value: undefined, error: error instanceof Error ? error.message : String(error) };
    }
  });
  used.set(text, list);
  return list;
}

function parseSource(source: ManifestSource, out: ParsedDocument[], diagnostics: Diagnostic[], cache: ParseCache | undefined, used: Map<string, ParsedChunk[]>): void {
  let index = 0;
  for (const chunk of splitDocuments(source.text)) {
    const lineCounter = new LazyLineCounter(chunk.text);
    const offset = (source.lineOffset ?? 0) + chunk.line;
    const toRange = (start: number, end: number): SourceRange => {
      const a = lineCounter.linePos(start);
      const b = lineCounter.linePos(Math.max(start, end));
      return { startLine: a.line + offset, startCol: a.col, endLine: b.line + offset, endCol: b.col };
    };
    for (const parsed of parseChunk(chunk.text, cache, used)) {
      addDocument(source, parsed, index++, toRange, out, diagnostics);
    }
  }
}

/** Line/column lookup that only scans the text when a position is actually asked for. */
class LazyLineCounter {
  private starts: number[] | undefined;
  constructor(private readonly text: string) {}

  linePos(offset: number): { line: number; col: number } {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo]! + 1 };
  }
}

function addDocument(
  source: ManifestSource,
  { document, value, error }: ParsedChunk,
  index: number,
  toRange: (start: number, end: number) => SourceRange,
  out: ParsedDocument[],
  diagnostics: Diagnostic[],
): void {
  if (error !== undefined) {
    const range = document.contents?.range ? toRange(document.contents.range[0], document.contents.range[1]) : toRange(0, 0);
    diagnostics.push({ code: 'yaml_syntax_error', severity: 'error', message: `error converting YAML to JSON: yaml: line ${range.startLine}: ${error}`, file: source.file, range });
    return;
  }
  if (document.errors.length > 0) {
    for (const error of document.errors) {
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
  if (value === null || value === undefined) return; // an empty document, as kubectl skips it
  const docRange = document.contents?.range ? toRange(document.contents.range[0], document.contents.range[1]) : toRange(0, 0);
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
    const prefix = raw.kind === 'List' ? `items[${itemIndex}]` : '';
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

// Keeps the parsed object itself when it is well-formed, so cached documents keep their identity
// and later phases can memoise per object.
function normaliseMetadata(item: ManifestObject): ManifestObject {
  if (typeof item.metadata === 'object' && item.metadata !== null && !Array.isArray(item.metadata)) return item;
  return { ...item, metadata: {} };
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

/** Locates a field (`spec.ports[0]`) of the `doc`-th object in `text` (0-based, as SourceLocation.doc
 * counts), for UIs that hold the text and want the exact line of a reason's field. */
export function locateField(text: string, file: string, doc: number, field: string): SourceRange | undefined {
  const parsed = parseManifests([{ file, text }]);
  return parsed.documents.find((d) => d.doc === doc)?.locate(field);
}
