// The topology pane: the diagram of the last good cluster, with a notice when the YAML is ahead of it.
import { lazy, memo, Suspense, useCallback, useMemo, useState } from 'react';
import { FaultToolbar } from '../faults/FaultToolbar.tsx';
import type { WorkspaceEditing } from '../workspace/editing.ts';
import { isDiagramStale } from '../state/simulation.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';
import { describeElement, flattenTraces } from '../request/hop-view.ts';
import { countObjects } from './cluster-summary.ts';
import { FallbackTopology } from './FallbackTopology.tsx';
import { StaleNotice } from './StaleNotice.tsx';
import { selectElement, selectHop } from './select-element.ts';

// React Flow is its own chunk; the text view of the cluster stands in while it loads.
const TopologyView = lazy(() => import('../topology/TopologyView.tsx').then((m) => ({ default: m.TopologyView })));

/** The diagram pane; `editing` lets fault injection scale workloads in the YAML. Memoised: typing
 * in the editor re-renders the workspace, never the diagram. */
export const DiagramPane = memo(function DiagramPane({ editing }: { editing: WorkspaceEditing }) {
  const shown = useSimulation((s) => s.shown);
  const previous = useSimulation((s) => s.previous);
  const stale = useSimulation(isDiagramStale);
  const traces = useTraces((s) => s.traces);
  const cursor = useTraces((s) => s.cursor);
  const playing = useTraces((s) => s.playing);
  const speed = useTraces((s) => s.speed);
  const change = useTraces((s) => s.change);
  const sent = useTraces((s) => s.sent);
  const tracedIn = useTraces((s) => s.simulationSeq);
  // Only the verdict of the simulation on screen belongs in its "what changed".
  const verdictChange = change?.changed && sent && tracedIn === shown?.seq ? `${describeElement(sent.from)} → ${sent.to}: ${change.text}` : undefined;
  const events = useMemo(() => flattenTraces(traces), [traces]);
  const current = events[cursor];
  const activeTrace = current?.trace;
  const activeHopIndex = current?.hop;
  const activeHop = useMemo(() => (activeTrace === undefined || activeHopIndex === undefined ? undefined : { trace: activeTrace, hop: activeHopIndex }), [activeTrace, activeHopIndex]);
  // The element last clicked: the fault bar offers what can be done to it.
  const [selected, setSelected] = useState<string>();
  const onSelectElement = useCallback((id: string) => {
    selectElement(id);
    setSelected(id);
  }, []);
  const onSelectHop = useCallback((trace: number, hop: number) => selectHop(events, trace, hop), [events]);

  return (
    <section className="pane diagram-pane" aria-label="Topology">
      <header className="pane-header">
        <h2>Topology</h2>
        {shown && (
          <span className="muted" data-testid="cluster-counts">
            {countObjects(shown.cluster)}
          </span>
        )}
      </header>
      {stale && <StaleNotice />}
      {shown && <FaultToolbar selected={selected} cluster={shown.cluster} editing={editing} />}
      <div className="diagram-body" data-testid="diagram">
        {!shown ? (
          <p className="placeholder" aria-busy="true">Starting the simulation…</p>
        ) : (
          <Suspense fallback={<FallbackTopology cluster={shown.cluster} />}>
            <TopologyView
              cluster={shown.cluster}
              previous={previous?.cluster}
              verdictChange={verdictChange}
              traces={traces}
              activeHop={activeHop}
              playing={playing}
              speed={speed}
              onSelectElement={onSelectElement}
              onSelectHop={onSelectHop}
            />
          </Suspense>
        )}
      </div>
    </section>
  );
});
