// The faults injected in each workspace. Kept for the session only: a reload starts from the
// learner's YAML alone, which stays the source of truth.
import { create } from 'zustand';
import type { DocumentKey } from '../state/documents-store.ts';
import { addFault, removeFault, type Fault } from './faults.ts';

export interface FaultsState {
  byDoc: Record<DocumentKey, Fault[]>;
  /** Ids of faults the last simulation found nothing to act on (renamed or removed in the YAML). */
  inert: Record<DocumentKey, string[]>;
  setInert(docKey: DocumentKey, ids: string[]): void;
  add(docKey: DocumentKey, fault: Fault): void;
  remove(docKey: DocumentKey, id: string): void;
  clear(docKey: DocumentKey): void;
}

/** Faults per workspace. */
export const useFaults = create<FaultsState>()((set) => ({
  byDoc: {},
  inert: {},
  setInert: (docKey, ids) => set((s) => (sameList(s.inert[docKey] ?? [], ids) ? s : { inert: { ...s.inert, [docKey]: ids } })),
  add: (docKey, fault) => set((s) => ({ byDoc: { ...s.byDoc, [docKey]: addFault(s.byDoc[docKey] ?? [], fault) } })),
  remove: (docKey, id) => set((s) => ({ byDoc: { ...s.byDoc, [docKey]: removeFault(s.byDoc[docKey] ?? [], id) } })),
  clear: (docKey) => set((s) => ({ byDoc: { ...s.byDoc, [docKey]: [] } })),
}));

/** The same empty list every time, so selectors do not re-render on nothing. */
export const NO_FAULTS: Fault[] = [];

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
