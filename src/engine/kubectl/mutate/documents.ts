// Edits of the editor's YAML at the granularity a person edits it: one document replaced,
// appended or removed, or one field set inside a document (through the yaml library's Document
// API, so comments and the rest of the text survive).

import { isMap, parseDocument, type Document } from 'yaml';
import { splitDocuments } from '../../parse/manifests.ts';
import type { ManifestObject } from '../../types.ts';

/** One YAML document of the editor's text and the object it holds. */
export interface TextDocument {
  /** The document's text, including a leading `---` line when it has one. */
  text: string;
  object?: ManifestObject;
}

/** The documents of a text, in order (comment-only or empty documents have no object). */
export function readDocuments(text: string): TextDocument[] {
  return splitDocuments(text).map((chunk) => {
    let object: ManifestObject | undefined;
    try {
      const value = parseDocument(stripMarker(chunk.text).body).toJS() as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as ManifestObject).kind === 'string') {
        const v = value as ManifestObject;
        object = { ...v, metadata: typeof v.metadata === 'object' && v.metadata !== null ? v.metadata : {} };
      }
    } catch {
      object = undefined;
    }
    return { text: chunk.text, ...(object ? { object } : {}) };
  });
}

function stripMarker(text: string): { marker: string; body: string } {
  const m = /^---[^\n]*\n?/.exec(text);
  return m ? { marker: m[0], body: text.slice(m[0].length) } : { marker: '', body: text };
}

/** Joins documents back into one text. */
export function joinDocuments(docs: TextDocument[]): string {
  return docs.map((d) => d.text).join('');
}

/** Whether a document holds the object `kind/namespace/name` (namespace '' for cluster-scoped kinds). */
export function holds(doc: TextDocument, kind: string, namespace: string | undefined, name: string): boolean {
  const o = doc.object;
  if (!o || o.kind !== kind || o.metadata.name !== name) return false;
  if (namespace === undefined) return true;
  const ns = typeof o.metadata.namespace === 'string' && o.metadata.namespace ? o.metadata.namespace : 'default';
  return ns === namespace;
}

/** Index of the last document holding the object (the one the simulation keeps), or -1. */
export function findDocument(docs: TextDocument[], kind: string, namespace: string | undefined, name: string): number {
  for (let i = docs.length - 1; i >= 0; i--) if (holds(docs[i]!, kind, namespace, name)) return i;
  return -1;
}

/** Appends a document, separated by `---`. */
export function appendDocument(text: string, body: string): string {
  const trimmedBody = body.endsWith('\n') ? body : `${body}\n`;
  if (text.trim() === '') return trimmedBody;
  const base = text.endsWith('\n') ? text : `${text}\n`;
  return `${base}---\n${trimmedBody}`;
}

/** Replaces document i's body, keeping its `---` marker. */
export function replaceDocument(docs: TextDocument[], i: number, body: string): string {
  const { marker } = stripMarker(docs[i]!.text);
  const next = docs.map((d) => d.text);
  const ending = docs[i]!.text.endsWith('\n') || i < docs.length - 1 ? '\n' : '';
  next[i] = `${marker}${body.replace(/\n*$/, '')}${ending}`;
  return next.join('');
}

/** Removes document i (its `---` goes with it; a first document's successor loses its marker). */
export function removeDocument(docs: TextDocument[], i: number): string {
  const rest = docs.filter((_, j) => j !== i).map((d) => d.text);
  if (i === 0 && rest.length > 0) rest[0] = stripMarker(rest[0]!).body;
  return rest.join('');
}

/** How a text writes block sequences and flow collections, so an edited document keeps its
 * author's style (`- a` under its key or indented; `{ a: 1 }` or `{a: 1}`). */
export function styleOf(text: string): { indentSeq: boolean; flowCollectionPadding: boolean } {
  let indentSeq: boolean | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1 && indentSeq === undefined; i++) {
    const key = /^(\s*)[^\s#-][^:]*:\s*$/.exec(lines[i]!);
    const item = key ? /^(\s*)- /.exec(lines[i + 1]!) : null;
    if (key && item) indentSeq = item[1]!.length > key[1]!.length;
  }
  const padded = /[[{] \S/.test(text);
  const tight = /[[{][^\s\]}]/.test(text);
  return { indentSeq: indentSeq ?? false, flowCollectionPadding: padded || !tight };
}

/** Edits document i through the yaml Document API; returns the new full text. */
export function editDocument(docs: TextDocument[], i: number, edit: (doc: Document) => void): string {
  const { body } = stripMarker(docs[i]!.text);
  const doc = parseDocument(body);
  edit(doc);
  return replaceDocument(docs, i, doc.toString({ lineWidth: 0, ...styleOf(docs.map((d) => d.text).join('')) }));
}

/** Sets a map entry (creating parent maps), e.g. `['metadata', 'labels', 'app']`. */
export function setIn(doc: Document, path: Array<string | number>, value: unknown): void {
  for (let depth = 1; depth < path.length; depth++) {
    const parent = doc.getIn(path.slice(0, depth), true);
    if (!isMap(parent)) doc.setIn(path.slice(0, depth), doc.createNode({}));
  }
  doc.setIn(path, value);
}

/** Removes a map entry; removes the parent map too when it becomes empty. */
export function deleteIn(doc: Document, path: Array<string | number>): void {
  doc.deleteIn(path);
  const parent = doc.getIn(path.slice(0, -1), true);
  if (isMap(parent) && parent.items.length === 0 && path.length > 1) doc.deleteIn(path.slice(0, -1));
}
