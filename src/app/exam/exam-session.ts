// One sitting of an exam set as plain data: when it ends, where the candidate is, what they
// flagged, and the grade once it is over. Changed only through `reduceExamSession`. Pure.
import type { ExamGrade } from '../../engine/lesson/exam.ts';

export interface ExamSession {
  setId: string;
  /** Epoch milliseconds. The deadline survives a reload: the clock keeps running, as in the real exam. */
  startedAt: number;
  endsAt: number;
  /** The task on screen. */
  current: string;
  /** Tasks opened at least once, in the order first opened. */
  visited: string[];
  flagged: string[];
  /** Warnings (in minutes left) the candidate has closed. */
  dismissedWarnings: number[];
  ended?: { at: number; reason: 'submitted' | 'timeout' };
  grade?: ExamGrade;
}

export type ExamAction =
  | { type: 'start'; setId: string; taskIds: string[]; minutes: number; now: number }
  | { type: 'goto'; taskId: string }
  | { type: 'toggleFlag'; taskId: string }
  | { type: 'dismissWarning'; minutes: number }
  | { type: 'end'; now: number; reason: 'submitted' | 'timeout' }
  | { type: 'graded'; grade: ExamGrade };

/** Applies one action; returns the same object when nothing changes. An ended exam only takes its grade. */
export function reduceExamSession(session: ExamSession | undefined, action: ExamAction): ExamSession | undefined {
  if (action.type === 'start') {
    const first = action.taskIds[0] ?? '';
    return { setId: action.setId, startedAt: action.now, endsAt: action.now + action.minutes * 60_000, current: first, visited: first ? [first] : [], flagged: [], dismissedWarnings: [] };
  }
  if (!session) return session;
  if (session.ended) return action.type === 'graded' ? { ...session, grade: action.grade } : session;
  switch (action.type) {
    case 'goto':
      if (session.current === action.taskId) return session;
      return { ...session, current: action.taskId, visited: session.visited.includes(action.taskId) ? session.visited : [...session.visited, action.taskId] };
    case 'toggleFlag':
      return { ...session, flagged: session.flagged.includes(action.taskId) ? session.flagged.filter((t) => t !== action.taskId) : [...session.flagged, action.taskId] };
    case 'dismissWarning':
      return session.dismissedWarnings.includes(action.minutes) ? session : { ...session, dismissedWarnings: [...session.dismissedWarnings, action.minutes] };
    case 'end':
      return { ...session, ended: { at: Math.min(action.now, session.endsAt), reason: action.reason } };
    case 'graded':
      return session;
  }
}

export type TaskState = 'not-visited' | 'visited' | 'answered';

/** What the navigator shows for one task: state by icon and words, never by colour alone. */
export interface TaskStatus {
  state: TaskState;
  flagged: boolean;
  current: boolean;
  /** A short icon (decorative: the label says the same). */
  icon: string;
  /** Words for screen readers and the tooltip: "answered, flagged". */
  label: string;
}

export const STATE_ICONS: Record<TaskState, string> = { 'not-visited': '○', visited: '◐', answered: '●' };
export const STATE_WORDS: Record<TaskState, string> = { 'not-visited': 'not visited', visited: 'visited, not answered', answered: 'answered' };
export const FLAG_ICON = '⚑';

/** The status of `taskId`: answered when its YAML differs from the starting YAML. */
export function taskStatus(session: ExamSession, taskId: string, answered: boolean): TaskStatus {
  const state: TaskState = answered ? 'answered' : session.visited.includes(taskId) ? 'visited' : 'not-visited';
  const flagged = session.flagged.includes(taskId);
  return { state, flagged, current: session.current === taskId, icon: STATE_ICONS[state], label: `${STATE_WORDS[state]}${flagged ? ', flagged for review' : ''}` };
}

/** The task before or after the current one (undefined at either end). */
export function neighbourTask(taskIds: readonly string[], current: string, delta: -1 | 1): string | undefined {
  const i = taskIds.indexOf(current);
  return i < 0 ? undefined : taskIds[i + delta];
}

/** Counts for the end-of-exam confirmation: how many tasks are answered and flagged. */
export function sessionCounts(session: ExamSession, taskIds: readonly string[], isAnswered: (taskId: string) => boolean): { answered: number; flagged: number; total: number } {
  return { answered: taskIds.filter(isAnswered).length, flagged: taskIds.filter((t) => session.flagged.includes(t)).length, total: taskIds.length };
}

/** The document key of a task's answer in the documents store. */
export const answerKey = (setId: string, taskId: string) => `exam:${setId}:${taskId}`;
