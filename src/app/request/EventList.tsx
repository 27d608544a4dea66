// The hops of the traces as an event list; the current one is highlighted and selectable.
import { useEffect, useMemo, useRef } from 'react';
import type { Trace } from '../../engine/trace/types.ts';
import { useTraces } from '../state/trace-store.ts';
import { describeElement, describeOutcome, flattenTraces } from './hop-view.ts';

/** The event list: one row per hop, grouped by request. */
export function EventList({ traces }: { traces: Trace[] }) {
  const cursor = useTraces((s) => s.cursor);
  const select = useTraces((s) => s.select);
  const events = useMemo(() => flattenTraces(traces), [traces]);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  return (
    <ol className="event-list" ref={list} aria-label="Hops" data-testid="event-list">
      {traces.map((trace, t) => {
        const outcome = describeOutcome(trace.outcome);
        return (
          <li key={t} className="event-group">
            {traces.length > 1 && (
              <div className={`event-group-title status-${outcome.tone}`}>
                Request {t + 1}: <span aria-hidden="true">{outcome.icon}</span> {outcome.label}
                {trace.servedBy ? ` by ${trace.servedBy}` : ''}
              </div>
            )}
            <ol>
              {events
                .filter((e) => e.trace === t)
                .map((e) => (
                  <li key={e.index} aria-current={e.index === cursor ? 'step' : undefined}>
                    <button type="button" className={`event event-${e.tone}${e.index <= cursor ? ' event-done' : ''}`} onClick={() => select(e.index)} data-testid="hop">
                      <span className="event-icon" aria-hidden="true">
                        {e.icon}
                      </span>
                      <span className="event-kind">{e.label}</span>
                      <span className="event-where">
                        {describeElement(e.at)}
                        {e.to ? ` → ${describeElement(e.to)}` : ''}
                      </span>
                      <span className="event-message">{e.message}</span>
                    </button>
                  </li>
                ))}
            </ol>
          </li>
        );
      })}
    </ol>
  );
}
