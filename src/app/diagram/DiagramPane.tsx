// The topology pane: the diagram of the last good cluster, with a notice when the YAML is ahead of it.
import { lazy, Suspense, useMemo } from 'react';
import { isDiagramStale } from '../state/simulation.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';
import { flattenTraces } from '../request/hop-view.ts';
import { countObjects } from './cluster-summary.ts';
import { FallbackTopology } from './FallbackTopology.tsx';
import { StaleNotice } from './StaleNotice.tsx';
import { selectElement, selectHop } from './select-element.ts';

// React Flow is its own chunk; the text view of the cluster stands in while it loads.
const TopologyView = lazy(() => import('../topology/TopologyView.tsx').then((m) => ({ default: m.TopologyView })));

/** The diagram pane. */
export function DiagramPane() {
  const shown = useSimulation((s) => s.shown);
  const previous = useSimulation((s) => s.previous);
  const stale = useSimulation(isDiagramStale);
  const traces = useTraces((s) => s.traces);
  const cursor = useTraces((s) => s.cursor);
  const playing = useTraces((s) => s.playing);
  const speed = useTraces((s) => s.speed);
  const events = useMemo(() => flattenTraces(traces), [traces]);
  const current = events[cursor];
  const activeHop = current ? { trace: current.trace, hop: current.hop } : undefined;

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
      <div className="diagram-body" data-testid="diagram">
        {!shown ? (
          <p className="placeholder" aria-busy="true">Starting the simulation…</p>
        ) : (
          <Suspense fallback={<FallbackTopology cluster={shown.cluster} />}>
            <TopologyView
              cluster={shown.cluster}
              previous={previous?.cluster}
              traces={traces}
              activeHop={activeHop}
              playing={playing}
              speed={speed}
              onSelectElement={selectElement}
              onSelectHop={(trace, hop) => selectHop(events, trace, hop)}
            />
          </Suspense>
        )}
      </div>
    </section>
  );
}
