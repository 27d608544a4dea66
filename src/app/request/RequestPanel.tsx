// The request panel: the form, the outcome, what changed since the last edit, the playback
// controls, the hops and the inspector. It folds to the form and result lines.
import { lazy, Suspense, useEffect, useId, useMemo } from 'react';
import { useLayout } from '../layout/layout-store.ts';
import { useTraces } from '../state/trace-store.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { EventList } from './EventList.tsx';
import { PlaybackControls } from './PlaybackControls.tsx';
import { RequestForm } from './RequestForm.tsx';
import { replayLastRequest } from './send-request.ts';
import { TraceSummary } from './TraceSummary.tsx';
import { VerdictChangeLine } from './VerdictChangeLine.tsx';
import { flattenTraces } from './hop-view.ts';

// The inspector reads the YAML to point at fields: its code loads with the first hop selected.
const HopInspector = lazy(() => import('./HopInspector.tsx'));
const SELECT_A_HOP = <p className="inspector placeholder">Select a hop to inspect it.</p>;

/** The request panel of a workspace editing `file`. */
export function RequestPanel({ file, text }: { file: string; text: string }) {
  const traces = useTraces((s) => s.traces);
  const cursor = useTraces((s) => s.cursor);
  const error = useTraces((s) => s.error);
  const change = useTraces((s) => s.change);
  const tracedIn = useTraces((s) => s.simulationSeq);
  const shownSeq = useSimulation((s) => s.shown?.seq);
  const collapsed = useLayout((s) => s.requestCollapsed);
  const setCollapsed = useLayout((s) => s.setRequestCollapsed);
  const bodyId = useId();
  const events = useMemo(() => flattenTraces(traces), [traces]);
  const current = events[cursor];
  const hop = current ? traces[current.trace]?.hops[current.hop] : undefined;

  // After every edit (or fault) the diagram moves on: send the last request again to show what changed.
  useEffect(() => {
    if (shownSeq !== undefined) void replayLastRequest();
  }, [shownSeq]);

  return (
    <section className={`pane request-pane${collapsed ? ' is-collapsed' : ''}`} aria-label="Request">
      <header className="pane-header">
        <h2 className="sr-only">Request</h2>
        <RequestForm />
        <button
          type="button"
          className="fold"
          aria-expanded={!collapsed}
          aria-controls={bodyId}
          onClick={() => setCollapsed(!collapsed)}
          title={collapsed ? 'Show the hops and the inspector' : 'Hide the hops and the inspector: more room for the diagram'}
        >
          {collapsed ? '▴ Hops' : '▾ Hops'}
        </button>
      </header>
      {error && (
        <p className="request-error" role="alert">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
      {change && <VerdictChangeLine change={change} />}
      {traces.length > 0 && <TraceSummary traces={traces} outdated={tracedIn !== shownSeq} />}
      <div id={bodyId} className="request-details" hidden={collapsed}>
        <PlaybackControls />
        <div className="request-body">
          <EventList traces={traces} />
          {hop ? (
            <Suspense fallback={SELECT_A_HOP}>
              <HopInspector hop={hop} file={file} text={text} />
            </Suspense>
          ) : (
            SELECT_A_HOP
          )}
        </div>
      </div>
    </section>
  );
}
