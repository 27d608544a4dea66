// Checking a challenge: the learner's YAML for it goes to the engine with the challenge's checks
// (never compared as text), and the verdict is kept for the card and the workspace bar.
import { create } from 'zustand';
import type { ChallengeBlock, ChallengeGrade } from '../../engine/lesson/types.ts';
import { engineClient } from '../engine/engine-instance.ts';
import { useProgress } from '../progress/progress-store.ts';
import { useDocuments } from '../state/documents-store.ts';
import { docKeyFor } from './workspace-source.ts';

export type ChallengeRun = { status: 'checking' } | { status: 'done'; grade: ChallengeGrade } | { status: 'failed'; message: string };

export interface ChallengeRunsState {
  /** By `<lesson id>/<challenge id>`; kept for this page visit only. */
  runs: Record<string, ChallengeRun>;
}

/** The latest check of each challenge. */
export const useChallengeRuns = create<ChallengeRunsState>()(() => ({ runs: {} }));

/** The key of a challenge's run. */
export const runKey = (lessonId: string, challengeId: string) => `${lessonId}/${challengeId}`;

/** The YAML a challenge is checked against: the learner's, or the starting YAML if untouched. */
export function challengeYaml(lessonId: string, challenge: ChallengeBlock): string {
  return useDocuments.getState().docs[docKeyFor(lessonId, { kind: 'challenge', id: challenge.id })] ?? challenge.start;
}

/** Grades the learner's YAML for `challenge` and records the attempt. */
export async function checkChallenge(lessonId: string, challenge: ChallengeBlock): Promise<void> {
  const key = runKey(lessonId, challenge.id);
  const set = (run: ChallengeRun) => useChallengeRuns.setState((s) => ({ runs: { ...s.runs, [key]: run } }));
  set({ status: 'checking' });
  try {
    const grade = await engineClient().gradeChallenge({ challenge, yaml: challengeYaml(lessonId, challenge), ...(challenge.cluster ? { cluster: challenge.cluster } : {}) });
    set({ status: 'done', grade });
    useProgress.getState().dispatch({ type: 'challengeChecked', lesson: lessonId, challenge: challenge.id, passed: grade.passed });
  } catch (error) {
    set({ status: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
