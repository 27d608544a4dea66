// The terminal drawer under the workspace: a header that opens it, and the terminal itself, whose
// code (xterm) loads only when the drawer first opens.
import { lazy, memo, Suspense, useId, useState } from 'react';
import type { ClusterBlock } from '../../engine/cluster/settings.ts';
import type { WorkspaceEditing } from '../workspace/editing.ts';
import { useTerminalDrawer } from './terminal-store.ts';

const TerminalView = lazy(() => import('./TerminalView.tsx'));

interface TerminalDrawerProps {
  editing: WorkspaceEditing;
  cluster?: ClusterBlock;
}

function DrawerImpl({ editing, cluster }: TerminalDrawerProps) {
  const open = useTerminalDrawer((s) => s.open);
  const setOpen = useTerminalDrawer((s) => s.setOpen);
  // Focus the terminal when the learner opens it, not when a reload restores it open.
  const [focusOnOpen, setFocusOnOpen] = useState(false);
  const bodyId = useId();
  const toggle = () => {
    setFocusOnOpen(!open);
    setOpen(!open);
  };
  return (
    <section className={`pane terminal-pane${open ? '' : ' is-collapsed'}`} aria-label="Terminal">
      <header className="pane-header">
        <h2>Terminal</h2>
        <span className="muted terminal-hint">kubectl on the simulated cluster: the editor&rsquo;s YAML is the cluster</span>
        <button type="button" className="fold" aria-expanded={open} aria-controls={bodyId} onClick={toggle} title={open ? 'Hide the terminal' : 'Open a terminal: kubectl, curl, nslookup against the simulated cluster'}>
          {open ? '▾ Hide terminal' : '▴ Terminal'}
        </button>
      </header>
      <div id={bodyId} className="terminal-body nokey" hidden={!open}>
        {open && (
          <Suspense fallback={<p className="placeholder">Starting the terminal…</p>}>
            <TerminalView editing={editing} cluster={cluster} autoFocus={focusOnOpen} />
          </Suspense>
        )}
      </div>
    </section>
  );
}

/** The terminal drawer of a workspace. Memoised (settings compared by value): typing in the
 * editor re-renders the workspace, never the terminal. */
export const TerminalDrawer = memo(DrawerImpl, (a, b) => a.editing === b.editing && JSON.stringify(a.cluster ?? null) === JSON.stringify(b.cluster ?? null));
