// The request panel: what to send, the traces that came back, and their playback.
import { create } from 'zustand';
import type { Trace } from '../../engine/trace/types.ts';
import { INITIAL_PLAYBACK, play, stepBy, tick, type Playback } from '../request/playback.ts';
import type { VerdictChange } from '../request/verdict-diff.ts';

export interface RequestFields {
  from: string;
  to: string;
  repeat: number;
}

export interface TraceState extends Playback {
  request: RequestFields;
  traces: Trace[];
  /** Total hops over all traces (the event list's length). */
  total: number;
  /** The simulation the traces were sent in. */
  simulationSeq?: number;
  error?: string;
  sending: boolean;
  /** The request as last sent, re-sent after every edit to show what changed. */
  sent?: RequestFields;
  /** How the last re-send after an edit compares with the answer before it. */
  change?: VerdictChange;
  setRequest(fields: Partial<RequestFields>): void;
  startSending(fields: RequestFields): void;
  receive(simulationSeq: number, result: Trace[] | { error: string }): void;
  /** The last request, re-sent in a newer simulation: shown without playing, with the change. */
  receiveReplay(simulationSeq: number, result: Trace[] | { error: string }, change: VerdictChange): void;
  play(): void;
  pause(): void;
  tick(): void;
  step(delta: number): void;
  select(cursor: number): void;
  resetPlayback(): void;
  setSpeed(speed: number): void;
  clear(): void;
}

/** Request panel state. */
export const useTraces = create<TraceState>()((set) => ({
  ...INITIAL_PLAYBACK,
  request: { from: '', to: '', repeat: 1 },
  traces: [],
  total: 0,
  sending: false,
  setRequest: (fields) => set((s) => ({ request: { ...s.request, ...fields } })),
  startSending: (fields) => set({ sending: true, error: undefined, sent: fields, change: undefined }),
  receive: (simulationSeq, result) =>
    set((s) =>
      'error' in result
        ? { sending: false, error: result.error, traces: [], total: 0, cursor: -1, playing: false }
        : { sending: false, error: undefined, simulationSeq, traces: result, total: result.reduce((n, t) => n + t.hops.length, 0), cursor: -1, playing: result.length > 0, speed: s.speed },
    ),
  receiveReplay: (simulationSeq, result, change) =>
    set(
      'error' in result
        ? { simulationSeq, error: result.error, traces: [], total: 0, cursor: -1, playing: false, change }
        : { simulationSeq, error: undefined, traces: result, total: result.reduce((n, t) => n + t.hops.length, 0), cursor: -1, playing: false, change },
    ),
  play: () => set((s) => play(s, s.total)),
  pause: () => set({ playing: false }),
  tick: () => set((s) => tick(s, s.total)),
  step: (delta) => set((s) => stepBy(s, s.total, delta)),
  select: (cursor) => set((s) => ({ cursor: Math.max(-1, Math.min(s.total - 1, cursor)), playing: false })),
  resetPlayback: () => set({ cursor: -1, playing: false }),
  setSpeed: (speed) => set({ speed }),
  clear: () => set({ traces: [], total: 0, cursor: -1, playing: false, error: undefined, simulationSeq: undefined, sent: undefined, change: undefined }),
}));
