// Applies the theme to the document and follows the system's preference.
import { useEffect } from 'react';
import { isDark, useTheme } from '../state/theme-store.ts';

/** Keeps `<html data-theme>` in step with the theme choice and the system preference. */
export function useThemeEffect(): void {
  const choice = useTheme((s) => s.choice);
  const systemDark = useTheme((s) => s.systemDark);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => useTheme.getState().setSystemDark(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  useEffect(() => {
    const dark = isDark(choice, systemDark);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  }, [choice, systemDark]);
}
