// The learner's lesson progress, saved in the browser (no account): versioned, and a damaged or
// foreign saved value never breaks the page.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { EMPTY_PROGRESS, reduceProgress, sanitiseProgress, type ProgressAction, type ProgressData } from './progress.ts';

export interface ProgressState extends ProgressData {
  dispatch(action: ProgressAction): void;
  /** Replaces everything (an imported file). */
  replace(data: ProgressData): void;
}

/** Lesson progress; change it with `dispatch`. */
export const useProgress = create<ProgressState>()(
  persist(
    (set) => ({
      ...EMPTY_PROGRESS,
      dispatch: (action) =>
        set((s) => {
          const next = reduceProgress({ lessons: s.lessons }, action);
          return next.lessons === s.lessons ? s : { lessons: next.lessons };
        }),
      replace: (data) => set({ lessons: sanitiseProgress(data).lessons }),
    }),
    {
      name: 'netlab:progress',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ lessons: s.lessons }),
      // A later version migrates here; anything unreadable starts from nothing rather than throwing.
      migrate: (persisted) => sanitiseProgress(persisted),
      merge: (persisted, current) => ({ ...current, lessons: sanitiseProgress(persisted).lessons }),
    },
  ),
);
