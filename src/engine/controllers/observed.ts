import { generateNameSuffix } from '../hash.ts';
import type { PodDraft } from './workloads.ts';

/** Observed state the manifests do not carry: the app's fault injection, by `<ns>/<pod name>`. */
export interface ObservedState {
  pods?: Record<string, { ready?: false; deleted?: true }>;
}

const NOT_READY = [
  { type: 'Ready', status: 'False', reason: 'ContainersNotReady' },
  { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady' },
];

/** Applies observed faults to the pods the controllers want: a not-ready pod reports Ready=False;
 * a deleted pod is gone, and if a controller owns it a replacement (new name, next free IP) is
 * created after every other pod, while the deleted one's IP stays taken so no other pod moves. */
export function applyObservedState(drafts: PodDraft[], observed: ObservedState | undefined): PodDraft[] {
  const faults = observed?.pods;
  if (!faults) return drafts;
  const kept: PodDraft[] = [];
  const replacements: PodDraft[] = [];
  for (const draft of drafts) {
    const key = `${draft.namespace}/${draft.name}`;
    const fault = Object.hasOwn(faults, key) ? faults[key] : undefined;
    if (!fault) {
      kept.push(draft);
      continue;
    }
    if (fault.deleted) {
      if (!draft.owner) continue; // a bare pod: nothing recreates it
      kept.push({ ...draft, tombstone: true });
      replacements.push({ ...draft, name: replacementName(draft), status: {} });
      continue;
    }
    kept.push(fault.ready === false ? { ...draft, status: { ...draft.status, phase: 'Running', conditions: NOT_READY } } : draft);
  }
  return [...kept, ...replacements];
}

function replacementName(draft: PodDraft): string {
  // A StatefulSet recreates the same identity; other controllers generate a new name.
  if (draft.owner?.kind === 'StatefulSet') return draft.name;
  const base = draft.owner?.kind === 'ReplicaSet' ? draft.owner.name : draft.name.replace(/-[a-z0-9]{5}$/, '');
  return `${base}-${generateNameSuffix(`${draft.namespace}/${draft.name}#replacement`)}`;
}
