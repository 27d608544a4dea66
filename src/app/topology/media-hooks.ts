import { useSyncExternalStore } from 'react';

/** React Flow's colour mode from `<html data-theme>` (`light`/`dark`), else the system setting. */
export function useColorMode(): 'light' | 'dark' | 'system' {
  return useSyncExternalStore(subscribeTheme, readTheme, () => 'system');
}

function readTheme(): 'light' | 'dark' | 'system' {
  const theme = document.documentElement.dataset.theme;
  return theme === 'light' || theme === 'dark' ? theme : 'system';
}

function subscribeTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** Whether the learner asked the system for less motion (packets then jump hop to hop). */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(REDUCED_MOTION);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(REDUCED_MOTION).matches,
    () => false,
  );
}
