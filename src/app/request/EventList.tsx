// The hops of the traces as an event list; the current one is highlighted and selectable. With
// many requests, each is one line and only the request being played is unfolded: a hundred
// requests of a dozen hops stay a hundred rows, not twelve hundred.
import { memo, useEffect, useMemo, useRef } from 'react';
import type { Trace } from '../../engine/trace/types.ts';
import { useTraces } from '../state/trace-store.ts';
import { describeElement, describeOutcome, flattenTraces, type HopEvent } from './hop-view.ts';

/** The event list: one row per hop, grouped by request. */
export const EventList = memo(function EventList({ traces }: { traces: Trace[] }) {
  const cursor = useTraces((s) => s.cursor);
  const select = useTraces((s) => s.select);
  const events = useMemo(() => flattenTraces(traces), [traces]);
  const starts = useMemo(() => {
    const out: number[] = [];
    let n = 0;
    for (const t of traces) {
      out.push(n);
      n += t.hops.length;
    }
    return out;
  }, [traces]);
  const list = useRef<HTMLOListElement>(null);
  const open = events[cursor]?.trace ?? 0;

  useEffect(() => {
    list.current?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  return (
    <ol className="event-list" ref={list} aria-label="Hops" data-testid="event-list">
      {traces.map((trace, t) => {
        const outcome = describeOutcome(trace.outcome);
        const start = starts[t] ?? 0;
        const unfolded = traces.length === 1 || t === open;
        return (
          <li key={t} className="event-group">
            {traces.length > 1 && (
              <button
                type="button"
                className={`event-group-title status-${outcome.tone}`}
                aria-expanded={unfolded}
                onClick={() => select(start)}
                data-testid="request-group"
              >
                <span aria-hidden="true">{unfolded ? '▾' : '▸'} </span>
                Request {t + 1}: <span aria-hidden="true">{outcome.icon}</span> {outcome.label}
                {trace.servedBy ? ` by ${trace.servedBy}` : ''}
                {unfolded ? '' : <span className="muted"> · {trace.hops.length} hops</span>}
              </button>
            )}
            {unfolded && (
              <ol>
                {events.slice(start, start + trace.hops.length).map((e) => (
                  <HopRow key={e.index} event={e} current={e.index === cursor} done={e.index <= cursor} onSelect={select} />
                ))}
              </ol>
            )}
          </li>
        );
      })}
    </ol>
  );
});

const HopRow = memo(function HopRow({ event: e, current, done, onSelect }: { event: HopEvent; current: boolean; done: boolean; onSelect: (index: number) => void }) {
  return (
    <li aria-current={current ? 'step' : undefined}>
      <button type="button" className={`event event-${e.tone}${done ? ' event-done' : ''}`} onClick={() => onSelect(e.index)} data-testid="hop">
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
  );
});
