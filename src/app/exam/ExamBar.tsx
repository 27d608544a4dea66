// The bar over a sitting: the set, the countdown, the warnings at 30, 15 and 5 minutes, and
// "End exam" with a confirmation. It alone ticks every second, so the workspace does not.
import { useEffect, useRef, useState } from 'react';
import type { ExamSet } from '../../engine/lesson/exam.ts';
import { useDocuments } from '../state/documents-store.ts';
import { endExam, isAnswered } from './exam-actions.ts';
import { answerKey, sessionCounts, type ExamSession } from './exam-session.ts';
import { useExams } from './exam-store.ts';
import { clockUrgency, describeRemaining, dueWarning, formatClock, remainingMs } from './exam-timer.ts';
import { useNow } from './useNow.ts';

/** The exam bar of a sitting in progress. */
export function ExamBar({ set, session }: { set: ExamSet; session: ExamSession }) {
  const now = useNow(1000);
  const left = remainingMs(session.endsAt, now);
  const warning = dueWarning(left, set.minutes, session.dismissedWarnings);
  const [confirming, setConfirming] = useState(false);
  const endButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (left <= 0) endExam(set, 'timeout', now);
  }, [left, now, set]);

  const position = set.tasks.findIndex((t) => t.id === session.current) + 1;
  return (
    <div className="exam-top">
      <div className="exam-bar">
        <h1 className="exam-bar-title">{set.title}</h1>
        <span className="exam-bar-position">
          Task {position} of {set.tasks.length}
        </span>
        <span className="exam-clock-label" aria-hidden="true">
          Time left
        </span>
        <span className={`exam-clock exam-clock-${clockUrgency(left)}`} role="timer" aria-label={`Time left: ${describeRemaining(left)}`} data-testid="exam-clock">
          {formatClock(left)}
        </span>
        <button ref={endButton} type="button" className="exam-end" onClick={() => setConfirming(true)} aria-haspopup="dialog" aria-expanded={confirming}>
          End exam…
        </button>
      </div>
      <div className="exam-warning-region" aria-live="assertive" aria-atomic="true">
        {warning !== undefined && (
          <div className={`exam-warning exam-warning-${warning <= 5 ? 'critical' : 'warning'}`} data-testid="exam-warning">
            <span aria-hidden="true">⚠ </span>
            <strong>{warning} minutes left.</strong> {warning <= 5 ? 'Finish the task you are on; the exam ends by itself when the time is up.' : 'Check your flagged tasks before the time runs out.'}
            <button type="button" className="link" onClick={() => useExams.getState().dispatch(set.id, { type: 'dismissWarning', minutes: warning })}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {confirming && (
        <EndConfirm
          set={set}
          session={session}
          onCancel={() => {
            setConfirming(false);
            endButton.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function EndConfirm({ set, session, onCancel }: { set: ExamSet; session: ExamSession; onCancel(): void }) {
  const docs = useDocuments((s) => s.docs);
  const counts = sessionCounts(
    session,
    set.tasks.map((t) => t.id),
    (id) => isAnswered(set.tasks.find((t) => t.id === id)!, docs[answerKey(set.id, id)]),
  );
  const confirm = useRef<HTMLButtonElement>(null);
  useEffect(() => confirm.current?.focus(), []);
  return (
    <div
      className="exam-confirm"
      role="alertdialog"
      aria-labelledby="exam-confirm-title"
      aria-describedby="exam-confirm-text"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h2 id="exam-confirm-title">End the exam now?</h2>
      <p id="exam-confirm-text">
        You answered {counts.answered} of {counts.total} tasks
        {counts.flagged > 0 ? `, and ${counts.flagged} ${counts.flagged === 1 ? 'is' : 'are'} flagged for review` : ''}. Once the exam has ended, the engine grades your answers and you cannot
        change them.
      </p>
      <div className="exam-confirm-actions">
        <button ref={confirm} type="button" className="primary" onClick={() => endExam(set, 'submitted')}>
          End exam and see results
        </button>
        <button type="button" onClick={onCancel}>
          Keep working
        </button>
      </div>
    </div>
  );
}
