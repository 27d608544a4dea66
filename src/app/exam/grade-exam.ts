// Grading a finished sitting: each task's answer goes to the engine as a challenge (the worker's
// `gradeChallenge` command), and the check results are weighed into the set's score.
import { examTaskChallenge, scoreExamTask, summariseExam, type ExamGrade, type ExamSet, type ExamTaskGrade } from '../../engine/lesson/exam.ts';
import type { ChallengeBlock, ChallengeGrade } from '../../engine/lesson/types.ts';
import type { ClusterBlock } from '../../engine/cluster/settings.ts';

/** Runs a challenge's checks against some YAML: the engine client's `gradeChallenge`, or a fake. */
export type GradeChallenge = (input: { challenge: ChallengeBlock; yaml: string; cluster?: ClusterBlock }) => Promise<ChallengeGrade>;

/** Grades every task in order (one engine call each, so the page can show progress); a task the
 * candidate never opened is graded on its starting YAML and earns nothing. */
export async function gradeExam(set: ExamSet, answerOf: (taskId: string) => string | undefined, grade: GradeChallenge, onProgress?: (done: number, total: number) => void): Promise<ExamGrade> {
  const grades: ExamTaskGrade[] = [];
  for (const task of set.tasks) {
    onProgress?.(grades.length, set.tasks.length);
    const yaml = answerOf(task.id) ?? task.start;
    const result = await grade({ challenge: examTaskChallenge(task), yaml, ...(task.cluster ? { cluster: task.cluster } : {}) });
    grades.push(scoreExamTask(task, yaml, result.results, result.error));
  }
  onProgress?.(grades.length, set.tasks.length);
  return summariseExam(set, grades);
}
