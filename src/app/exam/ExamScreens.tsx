// The exam page's screens: the list of sets, and for one set its introduction, the sitting in
// progress, or the results, depending on the saved sitting.
import { useEffect, useState } from 'react';
import type { ExamSet } from '../../engine/lesson/exam.ts';
import { endExam } from './exam-actions.ts';
import { ExamList } from './ExamList.tsx';
import { ExamIntro } from './ExamIntro.tsx';
import { ExamResults } from './ExamResults.tsx';
import { ExamRun } from './ExamRun.tsx';
import { loadExamSets, type ExamSetLoad } from './exam-sources.ts';
import { useExams } from './exam-store.ts';
import './exam.css';

function useExamSets(): ExamSetLoad[] | { error: string } | undefined {
  const [loads, setLoads] = useState<ExamSetLoad[] | { error: string }>();
  useEffect(() => {
    let live = true;
    loadExamSets().then(
      (l) => live && setLoads(l),
      (e: unknown) => live && setLoads({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return loads;
}

/** Every exam screen, chosen by `setId` and the set's saved sitting. */
export default function ExamScreens({ setId }: { setId?: string }) {
  const loads = useExamSets();
  if (!loads)
    return (
      <section className="exam-page exam-loading" aria-busy="true">
        <p>Loading the exam sets…</p>
      </section>
    );
  if ('error' in loads)
    return (
      <section className="exam-page">
        <p className="exam-error" role="alert">
          The exam sets could not be loaded: {loads.error}
        </p>
      </section>
    );
  if (!setId) return <ExamList loads={loads} />;
  const load = loads.find((l) => ('set' in l ? l.set.id === setId : l.file.endsWith(`/${setId}.exam.yaml`)));
  if (!load || !('set' in load))
    return (
      <section className="exam-page exam-narrow">
        <h1>Exam set not found</h1>
        {load && 'errors' in load ? (
          <div className="exam-error" role="alert">
            <p>
              <span aria-hidden="true">✕ </span>
              {load.file} has problems:
            </p>
            <ul>
              {load.errors.map((e, i) => (
                <li key={i}>
                  line {e.line}: {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p>There is no exam set called “{setId}”.</p>
        )}
        <p>
          <a href="#/exam">All exam sets</a>
        </p>
      </section>
    );
  return <ExamSetScreen key={load.set.id} set={load.set} />;
}

function ExamSetScreen({ set }: { set: ExamSet }) {
  const session = useExams((s) => s.sessions[set.id]);
  // A sitting whose time ran out while the page was closed ends before anything else shows.
  const expired = session !== undefined && !session.ended && Date.now() >= session.endsAt;
  useEffect(() => {
    if (expired) endExam(set, 'timeout');
  }, [expired, set]);
  if (!session) return <ExamIntro set={set} />;
  if (expired)
    return (
      <section className="exam-page exam-narrow">
        <p role="status">The time is up.</p>
      </section>
    );
  if (!session.ended) return <ExamRun set={set} session={session} />;
  return <ExamResults set={set} session={session} />;
}
