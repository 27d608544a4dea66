// The playground's cluster settings and the scenario loaded into it; persisted beside its YAML.
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ScenarioResult } from '../../engine/scenario/types.ts';
import { DEFAULT_SETTINGS, sanitizeSettings, type PlaygroundSettings } from './cluster-settings.ts';
import type { LoadedScenario } from './scenario-import.ts';

/** Where a run of the scenario's checks stands. */
export type ChecksRun = { status: 'running' } | { status: 'done'; result: ScenarioResult; input: string } | { status: 'failed'; message: string };

export interface PlaygroundState {
  settings: PlaygroundSettings;
  scenario?: LoadedScenario;
  checks?: ChecksRun;
  /** Scenarios loaded since the page opened (not persisted): the checks panel opens on a load. */
  loads: number;
  setSettings(settings: PlaygroundSettings): void;
  setScenario(scenario: LoadedScenario | undefined): void;
  setChecks(checks: ChecksRun | undefined): void;
}

/** Playground settings and scenario. */
export const usePlayground = create<PlaygroundState>()(
  persist(
    (set) => ({
      settings: DEFAULT_SETTINGS,
      loads: 0,
      setSettings: (settings) => set({ settings }),
      setScenario: (scenario) => set((s) => ({ scenario, checks: undefined, loads: scenario ? s.loads + 1 : s.loads })),
      setChecks: (checks) => set({ checks }),
    }),
    {
      name: 'netlab:playground',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ settings: s.settings, scenario: s.scenario }),
      // Stored values are untrusted (another version, a hand edit): keep only what is well-formed.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as { settings?: unknown; scenario?: unknown };
        return { ...current, settings: sanitizeSettings(p.settings), ...(isScenario(p.scenario) ? { scenario: p.scenario } : {}) };
      },
    },
  ),
);

function isScenario(value: unknown): value is LoadedScenario {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.file === 'string' && typeof v.name === 'string' && typeof v.text === 'string' && Array.isArray(v.checks) && v.checks.every((c) => typeof c === 'string');
}
