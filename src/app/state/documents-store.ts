// The learner's YAML, per workspace (playground, each lesson), autosaved to localStorage.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** Where a document is kept: `playground`, `lesson:<id>`, or a backup (`playground:previous`). */
export type DocumentKey = string;

export interface DocumentsState {
  docs: Record<DocumentKey, string>;
  setDoc(key: DocumentKey, text: string): void;
  removeDoc(key: DocumentKey): void;
}

/** The learner's documents; persisted, versioned so a later format can migrate them. */
export const useDocuments = create<DocumentsState>()(
  persist(
    (set) => ({
      docs: {},
      setDoc: (key, text) => set((s) => (s.docs[key] === text ? s : { docs: { ...s.docs, [key]: text } })),
      removeDoc: (key) =>
        set((s) => {
          const { [key]: _removed, ...rest } = s.docs;
          return { docs: rest };
        }),
    }),
    {
      name: 'netlab:documents',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ docs: s.docs }),
      // A corrupt or foreign value must not break the page: start empty instead.
      merge: (persisted, current) => {
        const docs = (persisted as { docs?: unknown } | undefined)?.docs;
        if (typeof docs !== 'object' || docs === null || Array.isArray(docs)) return current;
        const clean: Record<string, string> = {};
        for (const [k, v] of Object.entries(docs)) if (typeof v === 'string') clean[k] = v;
        return { ...current, docs: clean };
      },
    },
  ),
);
