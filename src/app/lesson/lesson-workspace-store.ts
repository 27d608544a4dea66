// Which source each lesson's workspace shows (a playground, a challenge, a prediction), saved so
// a reload comes back to the same place.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { WorkspaceSource } from './workspace-source.ts';

export interface LessonWorkspaceState {
  /** By lesson id. */
  active: Record<string, WorkspaceSource>;
  /** The lesson last opened: `#/lesson` without an id comes back to it. */
  last?: string;
  activate(lessonId: string, source: WorkspaceSource): void;
  setLast(lessonId: string): void;
}

function isSource(v: unknown): v is WorkspaceSource {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  if (s.kind === 'challenge') return typeof s.id === 'string';
  return (s.kind === 'scenario' || s.kind === 'predict') && typeof s.path === 'string';
}

/** The active workspace source per lesson. */
export const useLessonWorkspace = create<LessonWorkspaceState>()(
  persist(
    (set) => ({
      active: {},
      activate: (lessonId, source) => set((s) => ({ active: { ...s.active, [lessonId]: source } })),
      setLast: (last) => set((s) => (s.last === last ? s : { last })),
    }),
    {
      name: 'netlab:lesson-workspace',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ active: s.active, last: s.last }),
      merge: (persisted, current) => {
        const { active, last } = (persisted ?? {}) as { active?: unknown; last?: unknown };
        const clean: Record<string, WorkspaceSource> = {};
        if (typeof active === 'object' && active !== null) for (const [k, v] of Object.entries(active)) if (isSource(v)) clean[k] = v;
        return { ...current, active: clean, ...(typeof last === 'string' ? { last } : {}) };
      },
    },
  ),
);
