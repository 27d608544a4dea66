// The top bar: name, pages, share (playground only) and theme.
import { ShareButton } from '../share/ShareButton.tsx';
import type { Route } from '../routing/route.ts';
import { ThemeToggle } from './ThemeToggle.tsx';

/** The header with page navigation. */
export function AppHeader({ route }: { route: Route }) {
  return (
    <header className="app-header">
      <a className="brand" href="#/lesson">
        <img src="./favicon.svg" alt="" /> NetLab
      </a>
      <nav aria-label="Pages">
        <a href="#/lesson" aria-current={route.page === 'lesson' ? 'page' : undefined}>
          Lesson
        </a>
        <a href="#/playground" aria-current={route.page === 'playground' ? 'page' : undefined}>
          Playground
        </a>
        <a href="#/exam" aria-current={route.page === 'exam' ? 'page' : undefined}>
          Exam
        </a>
      </nav>
      <div className="header-tools">
        {route.page === 'playground' && <ShareButton />}
        <ThemeToggle />
      </div>
    </header>
  );
}
