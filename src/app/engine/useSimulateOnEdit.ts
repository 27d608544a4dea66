// Runs the engine on the workspace's YAML after typing pauses; the editor never waits for it.
import type { ObservedState } from '../../engine/controllers/observed.ts';
import type { ManifestSource } from '../../engine/parse/manifests.ts';
import { useEffect, useMemo } from 'react';
import type { ClusterBlock } from '../../engine/cluster/settings.ts';
import type { Fault } from '../faults/faults.ts';
import { useSimulation as useSimulationStore } from '../state/simulation-store.ts';
import { engineClient } from './engine-instance.ts';

/** How long typing must pause before the YAML is simulated. */
export const SIMULATE_DEBOUNCE_MS = 150;

export interface SimulateOptions {
  /** The cluster settings (a scenario's `cluster:` block). */
  cluster?: ClusterBlock;
  /** Faults injected from the diagram, applied over the YAML. */
  faults?: readonly Fault[];
  /** Told which faults found nothing to act on in this simulation. */
  onInertFaults?(ids: string[]): void;
}

const NONE: readonly Fault[] = [];

/** Simulates `text` (as `file`) whenever it, the settings or the faults settle; results land in
 * the simulation store. */
export function useSimulateOnEdit(file: string, text: string, options: SimulateOptions = {}): void {
  const { faults = NONE, onInertFaults } = options;
  // Settings objects are rebuilt on every render: compare them by value.
  const clusterKey = JSON.stringify(options.cluster ?? null);
  const cluster = useMemo(() => JSON.parse(clusterKey) as ClusterBlock | null, [clusterKey]);
  useEffect(() => {
    const store = useSimulationStore.getState();
    store.setPending(true);
    let cancelled = false;
    const timer = setTimeout(() => {
      // The overlay is built after the pause too, so typing never pays for it; its code (and the
      // YAML parser) loads only once a fault is injected.
      const manifests: Promise<{ list: ManifestSource[]; observed?: ObservedState }> =
        faults.length === 0
          ? Promise.resolve({ list: [{ file, text }] })
          : import('../faults/overlay.ts').then(({ applyFaults }) => {
              const overlay = applyFaults(file, text, faults, cluster ?? undefined);
              if (!cancelled) onInertFaults?.(overlay.inert);
              return { list: overlay.manifests, ...(overlay.observed ? { observed: overlay.observed } : {}) };
            });
      if (faults.length === 0) onInertFaults?.([]);
      manifests
        .then(({ list, observed }) => (cancelled ? undefined : engineClient().simulate({ manifests: list, ...(cluster ? { cluster } : {}), ...(observed ? { observed } : {}) })))
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
  }, [file, text, cluster, faults, onInertFaults]);
}
