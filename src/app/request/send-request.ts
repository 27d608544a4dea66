// Sends the request panel's request through the engine, in the simulation the diagram shows, and
// re-sends the last one after each edit so the panel can say what changed.
import { engineClient } from '../engine/engine-instance.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';
import { diffVerdicts } from './verdict-diff.ts';

// Any newer send or re-send makes an older answer stale.
let latestSend = 0;

/** Traces the current request. */
export async function sendRequest(): Promise<void> {
  const shown = useSimulation.getState().shown;
  const traces = useTraces.getState();
  if (!shown) return;
  const { from, to, repeat } = traces.request;
  if (from.trim() === '' || to.trim() === '') {
    traces.receive(shown.seq, { error: 'choose where the request comes from and where it goes' });
    return;
  }
  const mine = ++latestSend;
  const fields = { from: from.trim(), to: to.trim(), repeat };
  traces.startSending(fields);
  try {
    const result = await engineClient().trace(shown.seq, { from: fields.from, to: fields.to }, repeat);
    if (mine === latestSend) useTraces.getState().receive(shown.seq, result);
  } catch (error) {
    if (mine === latestSend) useTraces.getState().receive(shown.seq, { error: error instanceof Error ? error.message : String(error) });
  }
}

/** Re-sends the last request in the simulation now on the diagram and records how its answer
 * differs from the one before ("was connected → now refused"). Does nothing without a request. */
export async function replayLastRequest(): Promise<void> {
  const shown = useSimulation.getState().shown;
  const { sent, traces, error, simulationSeq, sending } = useTraces.getState();
  if (!shown || !sent || sending || simulationSeq === shown.seq) return;
  const before = error !== undefined ? { error } : traces;
  const mine = ++latestSend;
  let result: Awaited<ReturnType<ReturnType<typeof engineClient>['trace']>>;
  try {
    result = await engineClient().trace(shown.seq, { from: sent.from, to: sent.to }, sent.repeat);
  } catch (e) {
    result = { error: e instanceof Error ? e.message : String(e) };
  }
  if (mine !== latestSend) return;
  useTraces.getState().receiveReplay(shown.seq, result, diffVerdicts(before, result));
}
