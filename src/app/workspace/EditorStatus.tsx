// One line saying whether the diagram is current: simulating, up to date, or behind the YAML.
import { isDiagramStale } from '../state/simulation.ts';
import { useSimulation } from '../state/simulation-store.ts';

/** The simulation status, in words and an icon (never colour alone); announced politely. */
export function EditorStatus() {
  const pending = useSimulation((s) => s.pending);
  const failure = useSimulation((s) => s.failure);
  const stale = useSimulation(isDiagramStale);
  const elapsed = useSimulation((s) => s.latest?.elapsedMs);
  let text: string;
  let tone: string;
  if (failure) [text, tone] = [`✕ Engine error: ${failure}`, 'bad'];
  else if (pending) [text, tone] = ['… Simulating', 'neutral'];
  else if (stale) [text, tone] = ['⚠ Diagram shows the last valid YAML', 'warn'];
  else if (elapsed !== undefined) [text, tone] = [`✓ Simulated in ${elapsed < 1 ? '<1' : Math.round(elapsed)} ms`, 'ok'];
  else [text, tone] = ['… Starting the engine', 'neutral'];
  return (
    <span className={`status status-${tone}`} role="status" aria-live="polite" data-testid="sim-status">
      {text}
    </span>
  );
}
