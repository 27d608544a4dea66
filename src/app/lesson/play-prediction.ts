// "Play it": after a prediction, load its scenario as written into the workspace and send the
// request it asked about, so the learner watches the engine do what it predicted.
import type { PredictItem } from '../../engine/lesson/types.ts';
import type { ProbeRequest } from '../../engine/trace/probe.ts';
import { engineClient } from '../engine/engine-instance.ts';
import { useDocuments } from '../state/documents-store.ts';
import { useNotices } from '../state/notices-store.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';
import { useLessonWorkspace } from './lesson-workspace-store.ts';
import { docKeyFor, sameSource, scenarioWorkspace, type WorkspaceSource } from './workspace-source.ts';

/** The request a prediction plays: the probe itself, or for a lookup a request to the name (its
 * first hop is the DNS query); endpoints questions play nothing (the diagram shows them). */
export function predictionRequest(item: PredictItem): ProbeRequest | undefined {
  const q = item.question;
  if (q.kind === 'probe') return q.probe;
  if (q.kind === 'lookup') return { from: q.lookup.from, to: `http://${q.lookup.name}/` };
  return undefined;
}

const SIMULATION_WAIT_MS = 10_000;

/** Resolves with the simulation on the diagram once it is one newer than `before` (or any, when
 * `before` is undefined) and nothing is pending. */
function simulationAfter(before: number | undefined): Promise<number | undefined> {
  const ready = () => {
    const s = useSimulation.getState();
    return s.shown && !s.pending && s.shown.seq !== before ? s.shown.seq : undefined;
  };
  const now = ready();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      stop();
      resolve(undefined);
    }, SIMULATION_WAIT_MS);
    const stop = useSimulation.subscribe(() => {
      const seq = ready();
      if (seq === undefined) return;
      clearTimeout(timer);
      stop();
      resolve(seq);
    });
  });
}

/** Loads the prediction's scenario into the lesson's workspace and sends its request. */
export async function playPrediction(lessonId: string, item: PredictItem, files: Readonly<Record<string, string>>): Promise<void> {
  const scenario = scenarioWorkspace(item.path, files);
  if ('error' in scenario) {
    useNotices.getState().push({ tone: 'error', message: `Cannot play this prediction: ${scenario.error}` });
    return;
  }
  const source: WorkspaceSource = { kind: 'predict', path: item.path };
  const docKey = docKeyFor(lessonId, source);
  const wasActive = sameSource(useLessonWorkspace.getState().active[lessonId], source);
  const unchanged = wasActive && useDocuments.getState().docs[docKey] === scenario.manifests;
  const before = unchanged ? undefined : useSimulation.getState().shown?.seq;
  // The scenario as the author wrote it: the engine's answer was computed from exactly this.
  useDocuments.getState().setDoc(docKey, scenario.manifests);
  useLessonWorkspace.getState().activate(lessonId, source);

  const request = predictionRequest(item);
  if (!request) return;
  const seq = await simulationAfter(before);
  if (seq === undefined) return;
  const traces = useTraces.getState();
  const fields = { from: request.from, to: request.to, repeat: 1 };
  traces.setRequest(fields);
  traces.startSending(fields);
  try {
    const result = await engineClient().trace(seq, request, 1);
    useTraces.getState().receive(seq, result);
  } catch (error) {
    useTraces.getState().receive(seq, { error: error instanceof Error ? error.message : String(error) });
  }
}
