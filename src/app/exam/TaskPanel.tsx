// The task on screen: its situation as the exam words it, and the buttons to move on, flag it, or
// put its YAML back to the start.
import { useState } from 'react';
import type { ExamSet, ExamTask } from '../../engine/lesson/exam.ts';
import { Markdown } from '../lesson/Markdown.tsx';
import { useDocuments } from '../state/documents-store.ts';
import { answerKey, FLAG_ICON, neighbourTask, type ExamSession } from './exam-session.ts';
import { useExams } from './exam-store.ts';
import { domainLabel } from './format.ts';

/** The current task's text and actions. */
export function TaskPanel({ set, session, task }: { set: ExamSet; session: ExamSession; task: ExamTask }) {
  const ids = set.tasks.map((t) => t.id);
  const position = ids.indexOf(task.id) + 1;
  const previous = neighbourTask(ids, task.id, -1);
  const next = neighbourTask(ids, task.id, 1);
  const flagged = session.flagged.includes(task.id);
  const dispatch = useExams.getState().dispatch;
  const [confirmReset, setConfirmReset] = useState(false);
  return (
    <article className="exam-task" aria-labelledby="exam-task-title" data-testid="exam-task">
      <p className="exam-task-meta">
        <span>
          Task {position} of {set.tasks.length}
        </span>
        <span>{task.weight} points</span>
        <span>{domainLabel(task.domain)}</span>
      </p>
      <h2 id="exam-task-title">
        {flagged && (
          <span className="exam-flag-mark" title="Flagged for review">
            {FLAG_ICON}
            <span className="sr-only">Flagged: </span>{' '}
          </span>
        )}
        {task.title}
      </h2>
      <div className="exam-task-context">
        <Markdown text={task.context} />
      </div>
      <div className="exam-task-actions">
        <button type="button" disabled={!previous} onClick={() => previous && dispatch(set.id, { type: 'goto', taskId: previous })}>
          <span aria-hidden="true">← </span>Previous
        </button>
        <button type="button" aria-pressed={flagged} onClick={() => dispatch(set.id, { type: 'toggleFlag', taskId: task.id })} data-testid="flag-task">
          <span aria-hidden="true">{FLAG_ICON} </span>
          {flagged ? 'Flagged for review' : 'Flag for review'}
        </button>
        <button type="button" disabled={!next} onClick={() => next && dispatch(set.id, { type: 'goto', taskId: next })}>
          Next<span aria-hidden="true"> →</span>
        </button>
      </div>
      <div className="exam-task-reset">
        {confirmReset ? (
          <span role="group" aria-label="Reset this task">
            Put this task&apos;s YAML back to the start?{' '}
            <button
              type="button"
              onClick={() => {
                useDocuments.getState().removeDoc(answerKey(set.id, task.id));
                setConfirmReset(false);
              }}
            >
              Reset
            </button>{' '}
            <button type="button" onClick={() => setConfirmReset(false)}>
              Cancel
            </button>
          </span>
        ) : (
          <button type="button" className="link" onClick={() => setConfirmReset(true)}>
            Reset this task to its starting YAML
          </button>
        )}
      </div>
    </article>
  );
}
