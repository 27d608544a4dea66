// The simulation results of the workspace on screen.
import { create } from 'zustand';
import { applySimulation, type SimulationSnapshot, type SimulationView } from './simulation.ts';

export interface SimulationState extends SimulationSnapshot {
  /** An edit is waiting for (or being run by) the engine. */
  pending: boolean;
  /** The engine failed on the latest input (after a restart). */
  failure?: string;
  receive(view: SimulationView): void;
  setPending(pending: boolean): void;
  fail(message: string): void;
  reset(): void;
}

/** Results for the workspace on screen; reset when the learner switches workspace. */
export const useSimulation = create<SimulationState>()((set) => ({
  pending: false,
  receive: (view) => set((s) => ({ ...applySimulation(s, view), pending: false, failure: undefined })),
  setPending: (pending) => set({ pending }),
  fail: (failure) => set({ failure, pending: false }),
  reset: () => set({ latest: undefined, shown: undefined, previous: undefined, pending: false, failure: undefined }),
}));
