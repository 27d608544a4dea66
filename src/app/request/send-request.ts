// Sends the request panel's request through the engine, in the simulation the diagram shows.
import { engineClient } from '../engine/engine-instance.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';

let latestSend = 0;

/** Traces the current request; a newer send makes an older answer stale. */
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
  traces.startSending();
  try {
    const result = await engineClient().trace(shown.seq, { from: from.trim(), to: to.trim() }, repeat);
    if (mine === latestSend) useTraces.getState().receive(shown.seq, result);
  } catch (error) {
    if (mine === latestSend) useTraces.getState().receive(shown.seq, { error: error instanceof Error ? error.message : String(error) });
  }
}
