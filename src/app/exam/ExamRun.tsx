// A sitting in progress: the exam bar (clock, warnings, end), the task navigator and text beside
// the workspace, whose editor holds the current task's YAML.
import type { ExamSet } from '../../engine/lesson/exam.ts';
import { SplitPane } from '../layout/SplitPane.tsx';
import { Workspace } from '../workspace/Workspace.tsx';
import { ExamBar } from './ExamBar.tsx';
import { answerKey, type ExamSession } from './exam-session.ts';
import { TaskNavigator } from './TaskNavigator.tsx';
import { TaskPanel } from './TaskPanel.tsx';

/** The exam screen for a sitting that has not ended. */
export function ExamRun({ set, session }: { set: ExamSet; session: ExamSession }) {
  const task = set.tasks.find((t) => t.id === session.current) ?? set.tasks[0]!;
  const docKey = answerKey(set.id, task.id);
  return (
    <div className="exam-run" data-testid="exam-run">
      <ExamBar set={set} session={session} />
      <SplitPane direction="row" initial={0.3} minPx={300} label="Resize task text and workspace" className="page exam-split">
        <aside className="pane exam-side" aria-label="Exam tasks">
          <TaskNavigator set={set} session={session} />
          <TaskPanel set={set} session={session} task={task} />
        </aside>
        <Workspace key={docKey} docKey={docKey} file={`${task.id}.yaml`} initialText={task.start} {...(task.cluster ? { cluster: task.cluster } : {})} />
      </SplitPane>
    </div>
  );
}
