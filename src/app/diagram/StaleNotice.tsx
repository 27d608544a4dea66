// Says the diagram is the last valid state and lists the errors that keep it from updating.
import { blockingErrors } from '../state/simulation.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useEditorBridge } from '../state/editor-bridge.ts';

const SHOWN = 5;

/** The "YAML has errors" notice over the diagram. */
export function StaleNotice() {
  const latest = useSimulation((s) => s.latest);
  const errors = latest ? blockingErrors({ latest }) : [];
  const reveal = useEditorBridge((s) => s.revealRange);
  if (errors.length === 0) return null;
  return (
    <div className="stale-notice" role="alert" data-testid="stale-notice">
      <p>
        <span aria-hidden="true">⚠ </span>
        <strong>
          The YAML has {errors.length} error{errors.length === 1 ? '' : 's'}.
        </strong>{' '}
        The diagram shows the last valid version until {errors.length === 1 ? 'it is' : 'they are'} fixed.
      </p>
      <ul>
        {errors.slice(0, SHOWN).map((d, i) => (
          <li key={i}>
            {d.range ? (
              <button type="button" className="link" onClick={() => d.range && reveal(d.range)}>
                Line {d.range.startLine}
              </button>
            ) : (
              <span>No line</span>
            )}
            : {d.message}
          </li>
        ))}
        {errors.length > SHOWN && <li>…and {errors.length - SHOWN} more (see Problems)</li>}
      </ul>
    </div>
  );
}
