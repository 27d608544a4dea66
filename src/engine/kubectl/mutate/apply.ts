// `kubectl apply -f FILE` and `kubectl create -f FILE`: each object of the file is created
// (appended to the editor's text) or configured (its document replaced); objects the API server
// would reject are reported with its error and left out, as they would never be stored.

import { parseDocument } from 'yaml';
import { admitsCandidate } from './admission-check.ts';
import { replaceManifests, stderr, stdout, type CommandContext } from '../context.ts';
import { flagError } from '../errors.ts';
import { bool, list, str, type ParsedFlags } from '../flags.ts';
import { sortKeys } from '../get/output.ts';
import { kindString, qualifiedResource, resourceTypeOfKind } from '../resources.ts';
import type { ManifestObject } from '../../types.ts';
import { appendDocument, findDocument, readDocuments, replaceDocument, type TextDocument } from './documents.ts';

/** A file `-f` can name: the editor's own text, or one of the session's files. */
export function readFile(ctx: CommandContext, name: string): string | undefined {
  if (name === '-' || name === ctx.session.manifests.file) return ctx.session.manifests.text;
  return ctx.session.files?.[name] ?? ctx.session.files?.[name.replace(/^\.\//, '')];
}

/** The objects of a file's documents, each with its own text. */
export function fileObjects(text: string): { docs: TextDocument[]; error?: string } {
  const docs = readDocuments(text);
  for (const d of docs) {
    const parsed = parseDocument(d.text.replace(/^---[^\n]*\n?/, ''));
    if (parsed.errors.length) return { docs: [], error: parsed.errors[0]!.message.split('\n')[0]! };
  }
  return { docs: docs.filter((d) => d.object) };
}

function same(a: ManifestObject, b: ManifestObject): boolean {
  const strip = (o: ManifestObject) => ({ ...o, metadata: Object.fromEntries(Object.entries(o.metadata).filter(([k]) => !SERVER_FIELDS.includes(k))) });
  return JSON.stringify(sortKeys(strip(a))) === JSON.stringify(sortKeys(strip(b)));
}

/** Fields the API server owns: a file saved from `kubectl get -o yaml` carries them, and they
 * are dropped on apply as the server ignores them. */
const SERVER_FIELDS = ['uid', 'resourceVersion', 'creationTimestamp', 'generation', 'managedFields', 'selfLink'];

function bodyOf(doc: TextDocument): string {
  const body = doc.text.replace(/^---[^\n]*\n?/, '');
  const meta = doc.object?.metadata ?? {};
  if (!SERVER_FIELDS.some((f) => f in meta)) return body;
  const parsed = parseDocument(body);
  for (const f of SERVER_FIELDS) parsed.deleteIn(['metadata', f]);
  return parsed.toString({ lineWidth: 0 });
}

/** Runs `kubectl apply` (create = false) or `kubectl create -f` (create = true). */
export function runApplyFiles(ctx: CommandContext, flags: ParsedFlags, create: boolean): number {
  const command = create ? 'kubectl create' : 'kubectl apply';
  const files = list(flags, 'filename');
  if (files.length === 0) {
    stderr(ctx, create ? `${flagError('must specify one of -f and -k', command)}\n` : 'error: must specify one of -f and -k\n');
    return 1;
  }
  if (flags.args.length > 0 && !create) {
    stderr(ctx, `error: Unexpected args: [${flags.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples\n`);
    return 1;
  }
  const dry = str(flags, 'dry-run');
  const dryText = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  const namespaceFlag = str(flags, 'namespace');
  let failed = false;
  for (const file of files) {
    if (/^https?:\/\//.test(file)) {
      stderr(ctx, `error: unable to read URL "${file}", server reported 000 , status code=0\n`);
      failed = true;
      continue;
    }
    const text = readFile(ctx, file);
    if (text === undefined) {
      stderr(ctx, `error: the path "${file}" does not exist\n`);
      failed = true;
      continue;
    }
    const { docs, error } = fileObjects(text);
    if (error) {
      stderr(ctx, `error: error parsing ${file}: error converting YAML to JSON: yaml: ${error}\n`);
      failed = true;
      continue;
    }
    if (docs.length === 0) {
      stderr(ctx, 'error: no objects passed to apply\n');
      failed = true;
      continue;
    }
    const fromEditor = text === ctx.session.manifests.text && (file === '-' || file === ctx.session.manifests.file);
    for (const doc of docs) {
      const obj = doc.object!;
      const type = resourceTypeOfKind(obj.kind);
      const name = typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
      if (!type) {
        stderr(ctx, `error: resource mapping not found for name: "${name}" namespace: "${obj.metadata.namespace ?? ''}" from "${file}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"\nensure CRDs are installed first\n`);
        failed = true;
        continue;
      }
      const namespace = type.namespaced ? String(obj.metadata.namespace || namespaceFlag || ctx.session.namespace) : undefined;
      if (namespaceFlag && type.namespaced && obj.metadata.namespace && obj.metadata.namespace !== namespaceFlag) {
        stderr(ctx, `error: the namespace from the provided object "${String(obj.metadata.namespace)}" does not match the namespace "${namespaceFlag}". You must pass '--namespace=${String(obj.metadata.namespace)}' to perform this operation.\n`);
        failed = true;
        continue;
      }
      const label = `${kindString(type)}/${name}`;
      const current = readDocuments(ctx.session.manifests.text);
      const i = findDocument(current, obj.kind, namespace, name);
      if (fromEditor) {
        // The editor is applied as it changes: the cluster already holds every object of it.
        stdout(ctx, create ? '' : `${label} unchanged${dryText}\n`);
        if (create) {
          stderr(ctx, `Error from server (AlreadyExists): error when creating "${file}": ${qualifiedResource(type)} "${name}" already exists\n`);
          failed = true;
        }
        continue;
      }
      if (i !== -1 && create) {
        stderr(ctx, `Error from server (AlreadyExists): error when creating "${file}": ${qualifiedResource(type)} "${name}" already exists\n`);
        failed = true;
        continue;
      }
      if (i !== -1 && same(current[i]!.object!, obj)) {
        stdout(ctx, `${label} unchanged${dryText}\n`);
        continue;
      }
      const body = namespace && !obj.metadata.namespace && namespace !== 'default' ? withNamespace(bodyOf(doc), namespace) : bodyOf(doc);
      const candidate = i !== -1 ? replaceDocument(current, i, body) : appendDocument(ctx.session.manifests.text, body);
      const verdict = admitsCandidate(ctx, candidate, type.kind, namespace, name);
      if (verdict !== true) {
        stderr(ctx, `${verdict}\n`);
        failed = true;
        continue;
      }
      if (!dryText) replaceManifests(ctx, candidate);
      stdout(ctx, `${label} ${i !== -1 ? 'configured' : 'created'}${dryText}\n`);
    }
  }
  if (bool(flags, 'prune')) stderr(ctx, 'warning: --prune is not simulated: delete objects with kubectl delete\n');
  return failed ? 1 : 0;
}

/** Adds `metadata.namespace` to a document body (objects applied with -n NAMESPACE). */
function withNamespace(body: string, namespace: string): string {
  const doc = parseDocument(body);
  doc.setIn(['metadata', 'namespace'], namespace);
  return doc.toString({ lineWidth: 0 });
}
