// What the client saw, in one line: outcome, status, who answered.
import type { Trace } from '../../engine/trace/types.ts';
import { describeOutcome, summarizeTraces } from './hop-view.ts';

/** The result line above the event list. */
export function TraceSummary({ traces, outdated }: { traces: Trace[]; outdated: boolean }) {
  const first = traces[0];
  if (!first) return null;
  const outcome = describeOutcome(first.outcome);
  return (
    <div className="trace-summary" role="status" aria-live="polite" data-testid="trace-summary">
      {traces.length === 1 ? (
        <>
          <span className={`badge status-${outcome.tone}`}>
            <span aria-hidden="true">{outcome.icon}</span> {outcome.label}
            {first.status ? ` · HTTP ${first.status}` : ''}
          </span>{' '}
          {first.summary}
        </>
      ) : (
        <>{summarizeTraces(traces)}</>
      )}
      {outdated && <span className="muted"> (sent before your last edit: send again to see the change)</span>}
    </div>
  );
}
