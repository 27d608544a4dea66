// The diagram's fault injection: actions for the selected pod or node, and the active faults with
// undo. Faults re-simulate the cluster; the request panel then shows how the last request changed.
import type { Cluster } from '../../engine/types.ts';
import { useNotices } from '../state/notices-store.ts';
import type { WorkspaceEditing } from '../workspace/editing.ts';
import { actionsFor, type ElementActions } from './actions.ts';
import { NO_FAULTS, useFaults } from './fault-store.ts';
import { describeFault, faultId } from './faults.ts';
import type { WorkloadRef } from './workload-ref.ts';

const NO_IDS: string[] = [];

/** The fault bar under the diagram's header; nothing when no pod or node is selected and no fault is active. */
export function FaultToolbar({ selected, cluster, editing }: { selected?: string; cluster: Cluster; editing: WorkspaceEditing }) {
  const faults = useFaults((s) => s.byDoc[editing.docKey] ?? NO_FAULTS);
  const inert = useFaults((s) => s.inert[editing.docKey] ?? NO_IDS);
  const actions = selected ? actionsFor(selected, cluster, editing.file, faults) : undefined;
  if (!actions && faults.length === 0) return null;
  return (
    <div className="fault-bar" role="region" aria-label="Fault injection" data-testid="fault-bar">
      {actions && <Actions actions={actions} editing={editing} />}
      {faults.length > 0 && (
        <ul className="fault-list" aria-label="Active faults" data-testid="fault-list">
          {faults.map((f) => {
            const d = describeFault(f);
            const id = faultId(f);
            const stale = inert.includes(id);
            return (
              <li key={id} className={`fault-chip${stale ? ' is-inert' : ''}`} title={`${d.command}\n${d.effect}`}>
                <span aria-hidden="true">⚡</span> {d.title}
                {stale && <span className="muted"> (not in the YAML any more)</span>}{' '}
                <button type="button" onClick={() => useFaults.getState().remove(editing.docKey, id)} aria-label={`Undo: ${d.title}`}>
                  ↺ Undo
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Actions({ actions, editing }: { actions: ElementActions; editing: WorkspaceEditing }) {
  const { add, remove } = useFaults.getState();
  const doc = editing.docKey;
  switch (actions.kind) {
    case 'bare-pod':
      return (
        <div className="fault-actions" data-testid="fault-actions">
          <span className="fault-target">
            Pod <strong>{actions.pod}</strong>
          </span>
          {actions.deleted ? (
            <button type="button" onClick={() => remove(doc, `pod/${actions.pod}`)}>
              ↺ Restore pod
            </button>
          ) : (
            <>
              {actions.notReady ? (
                <button type="button" onClick={() => remove(doc, `pod/${actions.pod}`)}>
                  ✓ Make ready
                </button>
              ) : (
                <button type="button" onClick={() => add(doc, { kind: 'pod-not-ready', pod: actions.pod })} title="Its readiness probe starts failing: Ready=False">
                  ○ Make not ready
                </button>
              )}
              <button type="button" onClick={() => add(doc, { kind: 'delete-pod', pod: actions.pod })} title="kubectl delete pod: no controller owns it, so nothing recreates it">
                ✕ Delete pod
              </button>
            </>
          )}
        </div>
      );
    case 'replica':
      return (
        <div className="fault-actions" data-testid="fault-actions">
          <span className="fault-target">
            Pod <strong>{actions.pod}</strong> <span className="muted">of {actions.owner.kind} {actions.owner.name}</span>
          </span>
          <span className="fault-scale" role="group" aria-label={`Scale ${actions.owner.kind} ${actions.owner.name}`}>
            <span className="muted">replicas</span>
            <button type="button" aria-label="Scale down" disabled={actions.replicas === 0} onClick={() => void scale(editing, actions.owner, actions.replicas - 1)}>
              −
            </button>
            <output aria-live="polite" data-testid="replicas">
              {actions.replicas}
            </output>
            <button type="button" aria-label="Scale up" onClick={() => void scale(editing, actions.owner, actions.replicas + 1)}>
              +
            </button>
          </span>
          <span className="muted fault-note">edits spec.replicas in your YAML, as kubectl scale would</span>
          {actions.notReady ? (
            <button type="button" onClick={() => remove(doc, `pod/${actions.pod}`)}>
              ✓ Make ready
            </button>
          ) : (
            <button type="button" onClick={() => add(doc, { kind: 'pod-not-ready', pod: actions.pod })} title="Its readiness probe starts failing: Ready=False">
              ○ Make not ready
            </button>
          )}
          <button type="button" onClick={() => add(doc, { kind: 'delete-pod', pod: actions.pod })} title={`kubectl delete pod: the ${actions.owner.kind} recreates it with a new name and IP`}>
            ✕ Delete pod
          </button>
        </div>
      );
    case 'other-pod':
      return (
        <div className="fault-actions" data-testid="fault-actions">
          <span className="fault-target">
            Pod <strong>{actions.pod}</strong>
          </span>
          <span className="muted fault-note">{actions.note}</span>
        </div>
      );
    case 'node':
      return (
        <div className="fault-actions" data-testid="fault-actions">
          <span className="fault-target">
            Node <strong>{actions.node}</strong>
          </span>
          {actions.drained ? (
            <button type="button" onClick={() => remove(doc, `node/${actions.node}`)}>
              ↺ Undo drain
            </button>
          ) : (
            <button
              type="button"
              onClick={() => add(doc, { kind: 'drain-node', node: actions.node, evicted: actions.evicted })}
              title="kubectl drain --ignore-daemonsets --force: cordon the node and evict its pods"
            >
              ⤓ Drain node
            </button>
          )}
        </div>
      );
  }
}

async function scale(editing: WorkspaceEditing, owner: WorkloadRef, replicas: number): Promise<void> {
  // The YAML editing code is loaded on first use: the first page load stays small.
  const { setReplicas } = await import('./scale.ts');
  const next = setReplicas(editing.getText(), owner, replicas);
  if (next === undefined) {
    useNotices.getState().push({ tone: 'warning', message: `Could not find spec.replicas of ${owner.kind} ${owner.name} in the YAML: change it there by hand.` });
    return;
  }
  editing.setText(next);
}
