import type { ReactElement } from 'react';
import { describeChanges, type ClusterChanges } from './diff.ts';
import { Icon } from './icons.tsx';

/** The "what changed" box shown for a few seconds after an edit: one line per change, in words. */
export function ChangeLegend({ changes, verdict, onDismiss }: { changes: ClusterChanges; verdict?: string; onDismiss: () => void }): ReactElement {
  const lines = describeChanges(changes);
  const shown = lines.length > 6 ? lines.slice(0, 5) : lines;
  return (
    <section className="topo-changes" aria-label="What changed after the last edit">
      <header>
        <Icon name="change" />
        <strong>What changed</strong>
        <button type="button" className="topo-link" onClick={onDismiss} aria-label="Hide what changed">
          hide
        </button>
      </header>
      <ul>
        {shown.map((line) => (
          <li key={line} className={line.startsWith('+') ? 'is-added' : line.startsWith('−') ? 'is-removed' : 'is-changed'}>
            {line}
          </li>
        ))}
        {lines.length > shown.length ? <li>… and {lines.length - shown.length} more</li> : null}
        {verdict ? (
          <li className="is-verdict" data-testid="legend-verdict">
            ⇄ {verdict}
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/** What the line styles and badges mean. */
export function TopologyKey(): ReactElement {
  return (
    <details className="topo-key">
      <summary>Legend</summary>
      <ul className="topo-popover">
        <li>
          <svg width="34" height="8" aria-hidden="true">
            <line className="topo-key-ready" x1="1" y1="4" x2="33" y2="4" />
          </svg>
          ready endpoint
        </li>
        <li>
          <svg width="34" height="8" aria-hidden="true">
            <line className="topo-key-notready" x1="1" y1="4" x2="33" y2="4" />
          </svg>
          not-ready endpoint
        </li>
        <li>
          <Icon name="shield" /> isolated by a NetworkPolicy
        </li>
        <li>
          <Icon name="warning" /> Service without ready endpoints
        </li>
        <li>
          <Icon name="drop" /> dropped · <Icon name="refused" /> refused
        </li>
      </ul>
    </details>
  );
}
