// Light, dark or the system's choice; persisted.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type ThemeChoice = 'system' | 'light' | 'dark';

export interface ThemeState {
  choice: ThemeChoice;
  /** What the system prefers (kept current by a media query listener). */
  systemDark: boolean;
  cycle(): void;
  setSystemDark(dark: boolean): void;
}

const ORDER: ThemeChoice[] = ['system', 'light', 'dark'];

/** The theme choice. */
export const useTheme = create<ThemeState>()(
  persist(
    (set) => ({
      choice: 'system',
      systemDark: false,
      cycle: () => set((s) => ({ choice: ORDER[(ORDER.indexOf(s.choice) + 1) % ORDER.length] ?? 'system' })),
      setSystemDark: (systemDark) => set({ systemDark }),
    }),
    { name: 'netlab:theme', version: 1, storage: createJSONStorage(() => localStorage), partialize: (s) => ({ choice: s.choice }) },
  ),
);

/** Whether the page is dark, given the choice and the system preference. */
export function isDark(choice: ThemeChoice, systemDark: boolean): boolean {
  return choice === 'dark' || (choice === 'system' && systemDark);
}
