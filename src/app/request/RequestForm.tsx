// From / to / repeat, like the scenario contract's probe.
import { useEffect, useId, useMemo, type FormEvent } from 'react';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';
import { defaultRequest, sourceOptions, targetSuggestions } from './request-options.ts';
import { sendRequest } from './send-request.ts';

/** The request form; choices follow the cluster the diagram shows. */
export function RequestForm() {
  const cluster = useSimulation((s) => s.shown?.cluster);
  const request = useTraces((s) => s.request);
  const sending = useTraces((s) => s.sending);
  const setRequest = useTraces((s) => s.setRequest);
  const id = useId();
  const sources = useMemo(() => (cluster ? sourceOptions(cluster) : []), [cluster]);
  const targets = useMemo(() => (cluster ? targetSuggestions(cluster) : []), [cluster]);
  const groups = useMemo(() => [...new Set(sources.map((s) => s.group))], [sources]);

  useEffect(() => {
    if (!cluster) return;
    const { request: current, setRequest: set } = useTraces.getState();
    const next = defaultRequest(cluster, current);
    if (next.from !== current.from || next.to !== current.to) set(next);
  }, [cluster]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void sendRequest();
  };

  return (
    <form className="request-form" onSubmit={onSubmit} aria-label="Send a request">
      <label htmlFor={`${id}-from`}>From</label>
      <select id={`${id}-from`} value={request.from} onChange={(e) => setRequest({ from: e.target.value })} disabled={!cluster}>
        {groups.map((group) => (
          <optgroup key={group} label={group}>
            {sources
              .filter((s) => s.group === group)
              .map((s) => (
                <option key={s.value} value={s.value}>
                  {s.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <label htmlFor={`${id}-to`}>To</label>
      <input
        id={`${id}-to`}
        list={`${id}-targets`}
        value={request.to}
        onChange={(e) => setRequest({ to: e.target.value })}
        placeholder="http://web.default or svc/default/web:80"
        spellCheck={false}
        autoComplete="off"
      />
      <datalist id={`${id}-targets`}>
        {targets.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {/* "×" keeps the row short; the input's accessible name is still "Repeat". */}
      <span className="repeat-sign" aria-hidden="true">
        ×
      </span>
      <input
        id={`${id}-repeat`}
        aria-label="Repeat"
        title="Repeat: send the request this many times (1 to 100), to see the load-balancing spread"
        type="number"
        min={1}
        max={100}
        value={request.repeat}
        onChange={(e) => setRequest({ repeat: Math.max(1, Math.min(100, Math.floor(Number(e.target.value)) || 1)) })}
        className="repeat"
      />
      <button type="submit" className="primary" disabled={!cluster || sending}>
        {sending ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
