// ReferenceGrant: the owner of a namespace allows references into it from a kind in another
// namespace. Without a grant, every cross-namespace reference (except a route attaching to a
// Gateway, which allowedRoutes governs) is refused.
import { arr, rec, str, type WatchedObject } from './objects.ts';

interface Grant {
  ref: string;
  from: Array<{ group: string; kind: string; namespace: string }>;
  to: Array<{ group: string; kind: string; name?: string }>;
}

/** The grants of every namespace, indexed by the namespace they grant access into. */
export type GrantIndex = Map<string, Grant[]>;

/** Indexes the ReferenceGrants by the namespace they live in. */
export function indexReferenceGrants(grants: WatchedObject[]): GrantIndex {
  const index: GrantIndex = new Map();
  for (const w of grants) {
    const spec = rec(w.object.spec);
    const grant: Grant = {
      ref: `referencegrant/${w.namespace}/${w.name}`,
      from: arr(spec.from).map((f) => ({ group: str(rec(f).group) ?? '', kind: str(rec(f).kind) ?? '', namespace: str(rec(f).namespace) ?? '' })),
      to: arr(spec.to).map((t) => ({ group: str(rec(t).group) ?? '', kind: str(rec(t).kind) ?? '', ...(str(rec(t).name) ? { name: str(rec(t).name) } : {}) })),
    };
    const list = index.get(w.namespace) ?? [];
    list.push(grant);
    index.set(w.namespace, list);
  }
  return index;
}

/** The grant that allows `from` (a kind in a namespace) to reference `to`, if any; a same-namespace
 * reference needs none and returns `same-namespace`. */
export function findReferenceGrant(
  index: GrantIndex,
  from: { group: string; kind: string; namespace: string },
  to: { group: string; kind: string; namespace: string; name: string },
): string | undefined {
  if (from.namespace === to.namespace) return 'same-namespace';
  for (const grant of index.get(to.namespace) ?? []) {
    const fromOk = grant.from.some((f) => f.group === from.group && f.kind === from.kind && f.namespace === from.namespace);
    const toOk = grant.to.some((t) => t.group === to.group && t.kind === to.kind && (t.name === undefined || t.name === to.name));
    if (fromOk && toOk) return grant.ref;
  }
  return undefined;
}
