// The selected hop in detail: packets before and after translation, and the rules that decided.
import type { Hop } from '../../engine/trace/types.ts';
import { useEditorBridge } from '../state/editor-bridge.ts';
import { comparePackets, describeElement, describeHopKind } from './hop-view.ts';
import { reasonRange } from './reason-range.ts';

/** The inspector for one hop; `file` and `text` are the editor's, for "go to YAML line" links.
 * The default export: the request panel loads it with the first hop it shows. */
export default function HopInspector({ hop, file, text }: { hop: Hop; file: string; text: string }) {
  const reveal = useEditorBridge((s) => s.revealRange);
  const kind = describeHopKind(hop.kind);
  const fields = comparePackets(hop.before, hop.after);
  return (
    <div className="inspector" data-testid="inspector">
      <h3 className={`status-${kind.tone}`}>
        <span aria-hidden="true">{kind.icon}</span> {kind.label}{' '}
        <span className="muted">
          at {describeElement(hop.at)}
          {hop.to ? ` → ${describeElement(hop.to)}` : ''}
        </span>
      </h3>
      <p>{hop.message}</p>
      {fields.length > 0 && (
        <table className="packet-table">
          <caption className="sr-only">Packet before and after this hop</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f.field} className={f.changed ? 'changed' : undefined}>
                <th scope="row">{f.field}</th>
                <td>{f.before ?? '—'}</td>
                <td>
                  {f.after ?? '—'}
                  {f.changed && <span className="changed-tag"> (changed)</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hop.reasons.length > 0 && (
        <>
          <h4>Why</h4>
          <ul className="reasons">
            {hop.reasons.map((r, i) => {
              const range = reasonRange(r, file, text);
              return (
                <li key={i}>
                  <code>{r.ref}</code>
                  {r.rule && (
                    <>
                      {' '}
                      <code className="muted">{r.rule}</code>
                    </>
                  )}
                  : {r.detail}
                  {range && (
                    <>
                      {' '}
                      <button type="button" className="link" onClick={() => reveal(range)}>
                        Go to YAML line {range.startLine}
                      </button>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
