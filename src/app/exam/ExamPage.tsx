// Exam mode: timed sets of performance tasks graded by the engine. The page's code and the sets
// load on first visit, so the rest of the app does not carry them.
import { lazy, Suspense } from 'react';

const ExamScreens = lazy(() => import('./ExamScreens.tsx'));

/** The exam page: the list of sets, or one set in progress. */
export function ExamPage({ setId }: { setId?: string }) {
  return (
    <Suspense
      fallback={
        <section className="exam-page exam-loading" aria-busy="true">
          <p>Loading the exam sets…</p>
        </section>
      }
    >
      <ExamScreens setId={setId} />
    </Suspense>
  );
}
