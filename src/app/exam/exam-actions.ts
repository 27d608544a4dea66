// What the exam screens do to the stores: start, retry, end and grade a sitting.
import { isUnchanged, type ExamSet, type ExamTask } from '../../engine/lesson/exam.ts';
import { engineClient } from '../engine/engine-instance.ts';
import { useDocuments } from '../state/documents-store.ts';
import { answerKey } from './exam-session.ts';
import { useExams } from './exam-store.ts';
import { gradeExam } from './grade-exam.ts';

/** The candidate's YAML for a task, if they changed anything. */
export function answerOf(setId: string, taskId: string): string | undefined {
  return useDocuments.getState().docs[answerKey(setId, taskId)];
}

/** Whether a task counts as answered: its YAML differs from the starting YAML. */
export function isAnswered(task: ExamTask, doc: string | undefined): boolean {
  return doc !== undefined && !isUnchanged(task, doc);
}

/** Starts a fresh sitting: the clock starts and every answer is back to its starting YAML. */
export function startExam(set: ExamSet, now = Date.now()): void {
  const { removeDoc } = useDocuments.getState();
  for (const task of set.tasks) removeDoc(answerKey(set.id, task.id));
  useExams.getState().dispatch(set.id, { type: 'start', setId: set.id, taskIds: set.tasks.map((t) => t.id), minutes: set.minutes, now });
}

/** Ends the sitting (the candidate submitted, or the time ran out). */
export function endExam(set: ExamSet, reason: 'submitted' | 'timeout', now = Date.now()): void {
  useExams.getState().dispatch(set.id, { type: 'end', now, reason });
}

// One grading run per set at a time, even if React mounts the results twice.
const grading = new Map<string, Promise<void>>();

/** Grades the ended sitting of `set` with the engine worker, reporting progress; a second call
 * while one runs joins it. */
export function gradeEndedExam(set: ExamSet, onProgress?: (done: number, total: number) => void): Promise<void> {
  const running = grading.get(set.id);
  if (running) return running;
  const run = gradeExam(set, (taskId) => answerOf(set.id, taskId), (input) => engineClient().gradeChallenge(input), onProgress)
    .then((grade) => useExams.getState().dispatch(set.id, { type: 'graded', grade }))
    .finally(() => grading.delete(set.id));
  grading.set(set.id, run);
  return run;
}
