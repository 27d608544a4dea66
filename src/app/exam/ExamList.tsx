// The exam sets: what each holds, the best score so far, and a sitting in progress.
import { useMemo } from 'react';
import { Markdown } from '../lesson/Markdown.tsx';
import { formatClock, remainingMs } from './exam-timer.ts';
import type { ExamSetLoad } from './exam-sources.ts';
import { useExams } from './exam-store.ts';
import { domainLabel, formatPercent } from './format.ts';

const ACTION_WORDS = { new: 'Open', running: 'Resume', ended: 'See the results' } as const;

/** The list of sets. */
export function ExamList({ loads }: { loads: ExamSetLoad[] }) {
  const sessions = useExams((s) => s.sessions);
  const best = useExams((s) => s.best);
  const now = useMemo(() => Date.now(), []);
  return (
    <section className="exam-page exam-narrow" aria-labelledby="exam-list-title">
      <h1 id="exam-list-title">Exam mode</h1>
      <p className="exam-lead">
        Timed sets of performance tasks in the style of the CKA and CKAD exams. Each task gives you a cluster as YAML: change it until the cluster does what the task asks. The engine grades
        what the cluster does, check by check, with partial credit. The clock keeps running if you leave or reload the page.
      </p>
      {loads.length === 0 && <p>No exam sets are bundled with this build.</p>}
      <ul className="exam-sets">
        {loads.map((load) => {
          if (!('set' in load))
            return (
              <li key={load.file} className="exam-set-card exam-error" role="alert">
                <h2>
                  <span aria-hidden="true">✕ </span>
                  {load.file}
                </h2>
                <p>This set has problems and cannot be taken:</p>
                <ul>
                  {load.errors.slice(0, 5).map((e, i) => (
                    <li key={i}>
                      line {e.line}: {e.message}
                    </li>
                  ))}
                </ul>
              </li>
            );
          const { set } = load;
          const session = sessions[set.id];
          const score = best[set.id];
          const domains = [...new Set(set.tasks.map((t) => t.domain))];
          // A sitting whose time ran out while the page was closed ends when it is opened.
          const state = !session ? 'new' : session.ended || remainingMs(session.endsAt, now) === 0 ? 'ended' : 'running';
          return (
            <li key={set.id} className="exam-set-card" data-testid={`exam-set-${set.id}`}>
              <h2>{set.title}</h2>
              <p className="exam-facts">
                <span>{set.tasks.length} tasks</span>
                <span>{set.minutes} minutes</span>
                <span>pass at {set.passPercent}%</span>
              </p>
              <p className="exam-domains">{domains.map(domainLabel).join(' · ')}</p>
              {set.description && <Markdown text={set.description} />}
              <div className="exam-card-foot">
                <p className="exam-best" data-testid="best-score">
                  {score ? (
                    <>
                      Best score: <strong>{formatPercent(score.percent)}</strong>{' '}
                      <span className={score.passed ? 'status-ok' : 'status-bad'}>
                        <span aria-hidden="true">{score.passed ? '✓ ' : '✕ '}</span>
                        {score.passed ? 'passed' : 'not passed'}
                      </span>
                    </>
                  ) : (
                    <span className="muted">Not taken yet</span>
                  )}
                </p>
                <p className="exam-actions">
                  <a className={`button${state === 'ended' ? '' : ' primary'}`} href={`#/exam/${set.id}`} aria-label={`${ACTION_WORDS[state]}: ${set.title}`}>
                    {ACTION_WORDS[state]}
                    {state === 'running' && session ? ` (${formatClock(remainingMs(session.endsAt, now))} left)` : ''}
                  </a>
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
