// The question navigator: one button per task, its state shown by an icon and said in words
// (not visited, visited, answered; flagged), never by colour alone.
import type { ExamSet } from '../../engine/lesson/exam.ts';
import { useDocuments } from '../state/documents-store.ts';
import { isAnswered } from './exam-actions.ts';
import { answerKey, FLAG_ICON, STATE_ICONS, STATE_WORDS, taskStatus, type ExamSession, type TaskState } from './exam-session.ts';
import { useExams } from './exam-store.ts';

/** The grid of tasks with their status, and a legend. */
export function TaskNavigator({ set, session }: { set: ExamSet; session: ExamSession }) {
  const docs = useDocuments((s) => s.docs);
  const statuses = set.tasks.map((task) => taskStatus(session, task.id, isAnswered(task, docs[answerKey(set.id, task.id)])));
  const answered = statuses.filter((s) => s.state === 'answered').length;
  const flagged = statuses.filter((s) => s.flagged).length;
  return (
    <nav className="exam-nav" aria-label="Questions">
      <ol className="exam-nav-grid">
        {set.tasks.map((task, i) => {
          const status = statuses[i]!;
          return (
            <li key={task.id}>
              <button
                type="button"
                className={`exam-nav-task exam-nav-${status.state}${status.flagged ? ' exam-nav-flagged' : ''}`}
                aria-current={status.current ? 'step' : undefined}
                aria-label={`Task ${i + 1}: ${task.title} (${status.label})`}
                title={`${task.title} (${task.weight} points): ${status.label}`}
                data-testid={`nav-task-${task.id}`}
                onClick={() => useExams.getState().dispatch(set.id, { type: 'goto', taskId: task.id })}
              >
                <span className="exam-nav-number">{i + 1}</span>
                <span className="exam-nav-icons" aria-hidden="true">
                  {status.icon}
                  {status.flagged ? FLAG_ICON : ''}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <p className="exam-nav-summary" data-testid="nav-summary">
        {answered} of {set.tasks.length} answered · {flagged} flagged
      </p>
      <ul className="exam-nav-legend" aria-label="Legend">
        {(Object.keys(STATE_ICONS) as TaskState[]).map((state) => (
          <li key={state}>
            <span aria-hidden="true">{STATE_ICONS[state]}</span> {STATE_WORDS[state]}
          </li>
        ))}
        <li>
          <span aria-hidden="true">{FLAG_ICON}</span> flagged
        </li>
      </ul>
    </nav>
  );
}
