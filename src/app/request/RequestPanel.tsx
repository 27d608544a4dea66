// The request panel: the form, the outcome, the playback controls, the hops and the inspector.
import { useTraces } from '../state/trace-store.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { EventList } from './EventList.tsx';
import { HopInspector } from './HopInspector.tsx';
import { PlaybackControls } from './PlaybackControls.tsx';
import { RequestForm } from './RequestForm.tsx';
import { TraceSummary } from './TraceSummary.tsx';
import { flattenTraces } from './hop-view.ts';

/** The request panel of a workspace editing `file`. */
export function RequestPanel({ file, text }: { file: string; text: string }) {
  const traces = useTraces((s) => s.traces);
  const cursor = useTraces((s) => s.cursor);
  const error = useTraces((s) => s.error);
  const tracedIn = useTraces((s) => s.simulationSeq);
  const shownSeq = useSimulation((s) => s.shown?.seq);
  const current = flattenTraces(traces)[cursor];
  const hop = current ? traces[current.trace]?.hops[current.hop] : undefined;
  return (
    <section className="pane request-pane" aria-label="Request">
      <header className="pane-header">
        <h2 className="sr-only">Request</h2>
        <RequestForm />
      </header>
      {error && (
        <p className="request-error" role="alert">
          <span aria-hidden="true">✕ </span>
          {error}
        </p>
      )}
      {traces.length > 0 && <TraceSummary traces={traces} outdated={tracedIn !== shownSeq} />}
      <PlaybackControls />
      <div className="request-body">
        <EventList traces={traces} />
        <HopInspector hop={hop} file={file} text={text} />
      </div>
    </section>
  );
}
