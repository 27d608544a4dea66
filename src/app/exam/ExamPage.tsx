// Exam mode: timed sets of performance tasks graded by the engine (being built).

/** The exam page: the list of sets, or one set in progress. */
export function ExamPage({ setId }: { setId?: string }) {
  return (
    <section className="exam-page">
      <h1>Exam mode</h1>
      <p>{setId ? `Exam set ${setId} is not available yet.` : 'Timed exam sets are coming.'}</p>
    </section>
  );
}
