// Every diagnostic of the latest simulation, with its line; clicking one reveals it in the editor.
import type { Diagnostic } from '../../engine/types.ts';
import { bySourcePosition } from '../state/simulation.ts';
import { useEditorBridge } from '../state/editor-bridge.ts';
import { countLabel } from './problems.ts';

const ICON = { error: '✕', warning: '⚠', info: 'ℹ' } as const;

/** The problems of the file, in source order. */
export function ProblemsList({ diagnostics, file }: { diagnostics: readonly Diagnostic[]; file: string }) {
  const reveal = useEditorBridge((s) => s.revealRange);
  const mine = diagnostics.filter((d) => d.file === undefined || d.file === file).sort(bySourcePosition);
  return (
    <details className="problems" open={mine.some((d) => d.severity === 'error')}>
      <summary data-testid="problems-summary">Problems: {countLabel(mine)}</summary>
      {mine.length > 0 && (
        <ul>
          {mine.map((d, i) => (
            <li key={i} className={`problem problem-${d.severity}`}>
              <span aria-hidden="true">{ICON[d.severity]}</span>{' '}
              {d.range ? (
                <button type="button" className="link" onClick={() => d.range && reveal(d.range)}>
                  Line {d.range.startLine}
                </button>
              ) : (
                <span>—</span>
              )}{' '}
              <span className="sr-only">{d.severity}:</span> {d.message} <code className="muted">{d.code}</code>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
