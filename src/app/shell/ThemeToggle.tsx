// Cycles the theme: system, light, dark.
import { useTheme } from '../state/theme-store.ts';

const LABEL = { system: '◐ System theme', light: '☀ Light theme', dark: '☾ Dark theme' } as const;

/** The theme button; its text says the current choice. */
export function ThemeToggle() {
  const choice = useTheme((s) => s.choice);
  const cycle = useTheme((s) => s.cycle);
  return (
    <button type="button" onClick={cycle} title="Switch theme (system, light, dark)" data-testid="theme-toggle">
      {LABEL[choice]}
    </button>
  );
}
