// Object metadata the API server adds (uid, resourceVersion, creationTimestamp, owner
// references), derived deterministically from the object so output does not change between runs.

import { fnv1a, safeString } from '../../hash.ts';
import type { Condition } from '../../scenario/conditions.ts';
import { rfc3339 } from '../format/time.ts';
import { createdAt, type ApiObject, type ClusterView } from './view.ts';

/** A stable UUID-shaped uid for a ref. */
export function uidOf(ref: string): string {
  const hex = [0, 1, 2, 3].map((i) => fnv1a(`${i}:${ref}`).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A stable resourceVersion for a ref. */
export function resourceVersionOf(ref: string): string {
  return String(1000 + (fnv1a(`rv:${ref}`) % 90000));
}

/** The name suffix of the projected service-account volume (`kube-api-access-xxxxx`). */
export function apiAccessVolumeName(ref: string): string {
  return `kube-api-access-${safeString(`volume:${ref}`, 5)}`;
}

/** metadata as the API server returns it. */
export function metadataOf(view: ClusterView, obj: ApiObject, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const raw = (obj.raw?.metadata ?? {}) as Record<string, unknown>;
  const meta: Record<string, unknown> = { ...raw, name: obj.name, creationTimestamp: rfc3339(createdAt(view, obj)), resourceVersion: resourceVersionOf(obj.ref), uid: uidOf(obj.ref), ...extra };
  if (obj.namespace) meta.namespace = obj.namespace;
  else delete meta.namespace;
  if (Object.keys(obj.labels).length) meta.labels = { ...obj.labels };
  else delete meta.labels;
  if (Object.keys(obj.annotations).length) meta.annotations = { ...obj.annotations };
  else delete meta.annotations;
  return meta;
}

/** An ownerReference to a controller. */
export function ownerReference(apiVersion: string, kind: string, name: string, ownerRef: string): Record<string, unknown> {
  return { apiVersion, blockOwnerDeletion: true, controller: true, kind, name, uid: uidOf(ownerRef) };
}

/** Conditions as status writes them (with a transition time and the observed generation). */
export function conditionsOf(view: ClusterView, obj: ApiObject, conditions: Condition[], generation = true): Array<Record<string, unknown>> {
  const time = rfc3339(createdAt(view, obj));
  return conditions.map((c) => ({
    lastTransitionTime: time,
    ...(c.message !== undefined ? { message: c.message } : {}),
    ...(generation ? { observedGeneration: 1 } : {}),
    ...(c.reason !== undefined ? { reason: c.reason } : {}),
    status: c.status,
    type: c.type,
  }));
}
