// Which panes the learner has folded away; persisted, so a reload keeps the layout.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export interface LayoutState {
  /** The lesson text is folded to a rail, leaving the width to the workspace. */
  lessonCollapsed: boolean;
  /** The request panel shows only its form and result line, leaving the height to the diagram. */
  requestCollapsed: boolean;
  setLessonCollapsed(collapsed: boolean): void;
  setRequestCollapsed(collapsed: boolean): void;
}

/** Pane folding. */
export const useLayout = create<LayoutState>()(
  persist(
    (set) => ({
      lessonCollapsed: false,
      requestCollapsed: false,
      setLessonCollapsed: (lessonCollapsed) => set({ lessonCollapsed }),
      setRequestCollapsed: (requestCollapsed) => set({ requestCollapsed }),
    }),
    {
      name: 'netlab:layout',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ lessonCollapsed: s.lessonCollapsed, requestCollapsed: s.requestCollapsed }),
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<Record<'lessonCollapsed' | 'requestCollapsed', unknown>>;
        return { ...current, lessonCollapsed: p.lessonCollapsed === true, requestCollapsed: p.requestCollapsed === true };
      },
    },
  ),
);
