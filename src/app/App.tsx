// The app shell: header, notices and the page the hash route names.
import { useRoute } from './routing/useRoute.ts';
import { LessonPage } from './pages/LessonPage.tsx';
import { PlaygroundPage } from './pages/PlaygroundPage.tsx';
import { ExamPage } from './exam/ExamPage.tsx';
import { AppHeader } from './shell/AppHeader.tsx';
import { NoticeBar } from './shell/NoticeBar.tsx';
import { useThemeEffect } from './shell/useThemeEffect.ts';

/** The whole app. */
export function App() {
  const route = useRoute();
  useThemeEffect();
  return (
    <div className="app">
      <AppHeader route={route} />
      <NoticeBar />
      <main className="app-main">
        {route.page === 'playground' ? <PlaygroundPage share={route.share} /> : route.page === 'exam' ? <ExamPage setId={route.setId} /> : <LessonPage lessonId={route.lessonId} />}
      </main>
    </div>
  );
}
