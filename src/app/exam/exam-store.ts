// Exam sittings and best scores, per set, saved in localStorage so a reload loses nothing (the
// candidate's YAML lives in the documents store under `exam:<set>:<task>`).
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { reduceExamSession, type ExamAction, type ExamSession } from './exam-session.ts';

/** The best result of a set, kept across retries. */
export interface BestScore {
  percent: number;
  passed: boolean;
  /** Epoch milliseconds of the sitting. */
  at: number;
}

export interface ExamStoreState {
  sessions: Record<string, ExamSession>;
  best: Record<string, BestScore>;
  dispatch(setId: string, action: ExamAction): void;
  /** Forgets the sitting of `setId` (its best score stays). */
  clear(setId: string): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const numbers = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)) : []);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Reads a saved sitting of any shape; undefined when it cannot be trusted. */
export function sanitiseSession(raw: unknown): ExamSession | undefined {
  if (!isRecord(raw) || typeof raw.setId !== 'string' || !finite(raw.startedAt) || !finite(raw.endsAt) || typeof raw.current !== 'string') return undefined;
  const reason = isRecord(raw.ended) ? raw.ended.reason : undefined;
  const ended: ExamSession['ended'] = isRecord(raw.ended) && finite(raw.ended.at) && (reason === 'submitted' || reason === 'timeout') ? { at: raw.ended.at, reason } : undefined;
  // A grade is the engine's output; keep it only if it has the parts the results page reads.
  const grade = isRecord(raw.grade) && Array.isArray(raw.grade.tasks) && finite(raw.grade.percent) ? (raw.grade as unknown as ExamSession['grade']) : undefined;
  return {
    setId: raw.setId,
    startedAt: raw.startedAt,
    endsAt: raw.endsAt,
    current: raw.current,
    visited: strings(raw.visited),
    flagged: strings(raw.flagged),
    dismissedWarnings: numbers(raw.dismissedWarnings),
    ...(ended ? { ended } : {}),
    ...(ended && grade ? { grade } : {}),
  };
}

/** Exam state; persisted, versioned. */
export const useExams = create<ExamStoreState>()(
  persist(
    (set) => ({
      sessions: {},
      best: {},
      dispatch: (setId, action) =>
        set((s) => {
          const before = s.sessions[setId];
          const after = reduceExamSession(before, action);
          if (after === before) return s;
          const sessions = { ...s.sessions };
          if (after) sessions[setId] = after;
          else delete sessions[setId];
          let best = s.best;
          if (action.type === 'graded' && after?.grade) {
            const prior = s.best[setId];
            if (!prior || after.grade.percent > prior.percent) best = { ...s.best, [setId]: { percent: after.grade.percent, passed: after.grade.passed, at: after.startedAt } };
          }
          return { sessions, best };
        }),
      clear: (setId) =>
        set((s) => {
          if (!(setId in s.sessions)) return s;
          const { [setId]: _gone, ...rest } = s.sessions;
          return { sessions: rest };
        }),
    }),
    {
      name: 'netlab:exams',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ sessions: s.sessions, best: s.best }),
      merge: (persisted, current) => {
        const raw = isRecord(persisted) ? persisted : {};
        const sessions: Record<string, ExamSession> = {};
        if (isRecord(raw.sessions))
          for (const [id, value] of Object.entries(raw.sessions)) {
            const session = sanitiseSession(value);
            if (session && session.setId === id) sessions[id] = session;
          }
        const best: Record<string, BestScore> = {};
        if (isRecord(raw.best))
          for (const [id, b] of Object.entries(raw.best)) if (isRecord(b) && finite(b.percent) && finite(b.at)) best[id] = { percent: b.percent, passed: b.passed === true, at: b.at };
        return { ...current, sessions, best };
      },
    },
  ),
);
