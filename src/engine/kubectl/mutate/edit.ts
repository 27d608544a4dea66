// Where a change to a live object lands in the editor's text: the document that declares it; a
// copy of a built-in object (kube-dns, CoreDNS, the ingress-nginx addon) added to the text so the
// later document overrides it; or nowhere, for objects a controller derives from another one.

import { parseDocument, type Document } from 'yaml';
import { replaceManifests, type CommandContext } from '../context.ts';
import { toYaml } from '../get/output.ts';
import type { ApiObject } from '../objects/view.ts';
import { appendDocument, editDocument, findDocument, readDocuments } from './documents.ts';
import type { ManifestObject } from '../../types.ts';

/** Why an object cannot be changed by editing the text. */
export interface NotEditable {
  error: string;
}

/** The object a controller derives this one from, if any, in words (`Deployment web`). */
export function controllerOf(obj: ApiObject): string | undefined {
  const kindName = (ref: string) => {
    const [kind, , name] = ref.split('/');
    const type = kind ? { deployment: 'Deployment', statefulset: 'StatefulSet', daemonset: 'DaemonSet', replicaset: 'ReplicaSet' }[kind] : undefined;
    return `${type ?? kind} ${name}`;
  };
  if (obj.pod && obj.pod.createdBy !== `pod/${obj.pod.namespace}/${obj.pod.name}`) return kindName(obj.pod.createdBy);
  if (obj.deployment && obj.ownerRef) return kindName(obj.ownerRef);
  if (obj.slice && obj.slice.managedBy === 'endpointslice-controller.k8s.io') return `Service ${obj.slice.serviceName}`;
  if (obj.endpoints) return `Service ${obj.name}`;
  return undefined;
}

/** The object as written (or as the cluster holds it), for copying into the editor. */
function manifestOf(ctx: CommandContext, obj: ApiObject): ManifestObject | undefined {
  if (obj.raw) return obj.raw;
  if (obj.type.kind === 'Node') return { apiVersion: 'v1', kind: 'Node', metadata: { name: obj.name } };
  if (obj.type.kind === 'Namespace') return { apiVersion: 'v1', kind: 'Namespace', metadata: { name: obj.name } };
  const written = ctx.view.cluster.objects.filter((o) => o.accepted && o.ref === obj.ref).pop();
  return written?.object;
}

/** Applies `edit` to the object's document (adding a copy of it to the text first when it is
 * not declared there); fails for objects a controller derives from another. */
export function editObject(ctx: CommandContext, obj: ApiObject, edit: (doc: Document) => void): NotEditable | undefined {
  const owner = controllerOf(obj);
  if (owner) {
    return { error: `error: ${obj.type.singular} "${obj.name}" is created by ${owner}: a change to it alone would be undone by its controller, so change ${owner} in the editor instead` };
  }
  const text = ctx.session.manifests.text;
  const docs = readDocuments(text);
  const i = findDocument(docs, obj.type.kind, obj.type.namespaced ? obj.namespace : undefined, obj.name);
  if (i !== -1) {
    replaceManifests(ctx, editDocument(docs, i, edit));
    return undefined;
  }
  const manifest = manifestOf(ctx, obj);
  if (!manifest) return { error: `error: ${obj.type.singular} "${obj.name}" is not declared in ${ctx.session.manifests.file}` };
  const copy = parseDocument(toYaml(withNamespace(manifest, obj.namespace)));
  edit(copy);
  replaceManifests(ctx, appendDocument(text, copy.toString({ lineWidth: 0 })));
  return undefined;
}

function withNamespace(manifest: ManifestObject, namespace: string | undefined): ManifestObject {
  if (!namespace || manifest.metadata.namespace) return manifest;
  return { ...manifest, metadata: { ...manifest.metadata, namespace } };
}
