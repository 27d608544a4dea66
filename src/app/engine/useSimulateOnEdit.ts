// Runs the engine on the workspace's YAML after typing pauses; the editor never waits for it.
import { useEffect } from 'react';
import { useSimulation as useSimulationStore } from '../state/simulation-store.ts';
import { engineClient } from './engine-instance.ts';

/** How long typing must pause before the YAML is simulated. */
export const SIMULATE_DEBOUNCE_MS = 150;

/** Simulates `text` (as `file`) whenever it settles; results land in the simulation store. */
export function useSimulateOnEdit(file: string, text: string): void {
  useEffect(() => {
    const store = useSimulationStore.getState();
    store.setPending(true);
    let cancelled = false;
    const timer = setTimeout(() => {
      engineClient()
        .simulate({ manifests: [{ file, text }] })
        .then(
          (reply) => {
            // undefined: a newer edit was sent meanwhile, and its result is what counts.
            if (!cancelled && reply) store.receive({ seq: reply.seq, cluster: reply.cluster, diagnostics: reply.diagnostics, elapsedMs: reply.elapsedMs });
          },
          (error: unknown) => {
            if (!cancelled) store.fail(error instanceof Error ? error.message : String(error));
          },
        );
    }, SIMULATE_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [file, text]);
}
