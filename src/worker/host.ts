// Hosts the engine behind the command protocol: used by the worker and, when Workers are
// unavailable, by the app on the main thread. Keeps the simulations that traces need.
import { createSimulationCache, simulate, type Simulation, type SimulationCache } from '../engine/cluster/build.ts';
import { complete, completionContext } from '../engine/kubectl/complete.ts';
import { runCommandLine } from '../engine/kubectl/run.ts';
import { sessionManifests } from '../engine/kubectl/session.ts';
import { gradeChallenge } from '../engine/lesson/grade-challenge.ts';
import { resolvePredictions } from '../engine/lesson/predict.ts';
import { runScenarioFile } from '../engine/scenario/run.ts';
import { createTraceContext, type TraceContext } from '../engine/trace/context.ts';
import { traceProbes } from '../engine/trace/probe.ts';
import { isCleanSimulation, type EngineCommand, type EngineReply, type TraceReply } from './protocol.ts';

interface Kept {
  seq: number;
  simulation: Simulation;
  /** Built on the first trace: indexing costs more than most edits need. */
  context?: TraceContext;
}

/** The engine host's state and its one entry point. */
export interface EngineHost {
  handle(command: EngineCommand): EngineReply;
}

const KEPT_RECENT = 4;

/** Upper bound on `repeat`: a request panel typo must not hang the worker. */
export const MAX_REPEAT = 1000;

/** Creates a host that remembers recent simulations and the last clean one for tracing. */
export function createEngineHost(now: () => number = () => Date.now()): EngineHost {
  // A few recent simulations, so a trace of the one on the diagram still finds it after newer edits.
  let recent: Kept[] = [];
  let lastClean: Kept | undefined;
  let lastContext: TraceContext | undefined;
  // One cache per edited file: an edit then re-parses and re-validates only the document it touched.
  const caches = new Map<string, SimulationCache>();
  const cacheFor = (key: string): SimulationCache => {
    let cache = caches.get(key);
    if (!cache) caches.set(key, (cache = createSimulationCache()));
    return cache;
  };

  const trace = (command: Extract<EngineCommand, { command: 'trace' }>): TraceReply => {
    const kept = [...recent, lastClean].find((k) => k?.seq === command.simulationSeq);
    if (!kept) return { command: 'trace', seq: command.seq, result: { error: 'the cluster changed while the request was being sent: send it again' } };
    // The previous context lets unchanged NetworkPolicies skip recompiling.
    kept.context ??= createTraceContext(kept.simulation.cluster, lastContext);
    lastContext = kept.context;
    const repeat = Math.max(1, Math.min(MAX_REPEAT, Math.floor(command.repeat) || 1));
    return { command: 'trace', seq: command.seq, result: traceProbes(kept.context, command.request, repeat) };
  };

  return {
    handle(command) {
      try {
        switch (command.command) {
          case 'simulate': {
            const started = now();
            const cache = cacheFor(command.manifests.map((m) => m.file).join('\n'));
            const simulation = simulate({ manifests: command.manifests, cache, ...(command.cluster ? { cluster: command.cluster } : {}), ...(command.observed ? { observed: command.observed } : {}) });
            const kept: Kept = { seq: command.seq, simulation };
            recent = [kept, ...recent].slice(0, KEPT_RECENT);
            if (isCleanSimulation(simulation.diagnostics)) lastClean = kept;
            return { command: 'simulate', seq: command.seq, cluster: simulation.cluster, diagnostics: simulation.diagnostics, elapsedMs: now() - started };
          }
          case 'trace':
            return trace(command);
          case 'runScenario': {
            const files = command.files ?? {};
            return { command: 'runScenario', seq: command.seq, result: runScenarioFile(command.file, command.text, (path) => files[path]) };
          }
          case 'gradeChallenge':
            return { command: 'gradeChallenge', seq: command.seq, result: gradeChallenge(command.challenge, command.yaml, command.cluster) };
          case 'resolvePredictions': {
            const files = command.files;
            const { lesson, errors } = resolvePredictions(command.lesson, (path) => files[path]);
            return { command: 'resolvePredictions', seq: command.seq, lesson, errors };
          }
          case 'kubectl': {
            // The terminal simulates the editor's text too: share the editor's cache.
            const cache = cacheFor(sessionManifests(command.session).map((m) => m.file).join('\n'));
            const elapsed = command.elapsedSeconds;
            return { command: 'kubectl', seq: command.seq, result: runCommandLine(command.session, command.line, { cache, ...(elapsed !== undefined ? { elapsedSeconds: elapsed } : {}) }) };
          }
          case 'kubectlComplete': {
            const cache = cacheFor(sessionManifests(command.session).map((m) => m.file).join('\n'));
            const { start, current } = completionContext(command.line, command.cursor);
            return { command: 'kubectlComplete', seq: command.seq, start, current, candidates: complete(command.session, command.line, command.cursor, { cache }) };
          }
          default: {
            const unknown: { command?: unknown; seq?: unknown } = command;
            return { command: 'error', seq: typeof unknown.seq === 'number' ? unknown.seq : -1, message: `unknown command ${String(unknown.command)}` };
          }
        }
      } catch (error) {
        // The engine promises never to throw; if it does, the app keeps the last good state.
        return { command: 'error', seq: command.seq, message: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
