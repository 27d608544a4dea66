// The workspace both pages share: the YAML editor, the diagram and the request panel.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { ClusterBlock } from '../../engine/cluster/settings.ts';
import { useSimulateOnEdit } from '../engine/useSimulateOnEdit.ts';
import { DiagramPane } from '../diagram/DiagramPane.tsx';
import { NO_FAULTS, useFaults } from '../faults/fault-store.ts';
import { useLayout } from '../layout/layout-store.ts';
import { SplitPane } from '../layout/SplitPane.tsx';
import { RequestPanel } from '../request/RequestPanel.tsx';
import { useDocuments, type DocumentKey } from '../state/documents-store.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';
import { TerminalDrawer } from '../terminal/TerminalDrawer.tsx';
import { useTerminalDrawer } from '../terminal/terminal-store.ts';
import type { WorkspaceEditing } from './editing.ts';
import { EditorPane } from './EditorPane.tsx';

interface WorkspaceProps {
  /** Where the learner's YAML is kept. */
  docKey: DocumentKey;
  /** The file name diagnostics and the editor use. */
  file: string;
  /** The YAML to start from when nothing is saved. */
  initialText: string;
  /** Cluster settings (a scenario's `cluster:` block); the contract's defaults when absent. */
  cluster?: ClusterBlock;
}

const NO_DIAGNOSTICS: never[] = [];

/** Editor | diagram over request panel, over the terminal drawer. */
export function Workspace({ docKey, file, initialText, cluster }: WorkspaceProps) {
  const text = useDocuments((s) => s.docs[docKey] ?? initialText);
  const setDoc = useDocuments((s) => s.setDoc);
  const onChange = useCallback((next: string) => setDoc(docKey, next), [docKey, setDoc]);
  const diagnostics = useSimulation((s) => s.latest?.diagnostics ?? NO_DIAGNOSTICS);
  const faults = useFaults((s) => s.byDoc[docKey] ?? NO_FAULTS);
  const onInertFaults = useCallback((ids: string[]) => useFaults.getState().setInert(docKey, ids), [docKey]);
  const requestCollapsed = useLayout((s) => s.requestCollapsed);
  const terminalOpen = useTerminalDrawer((s) => s.open);

  // Panels read the text when they act on it, so they need not re-render on every keystroke.
  const textRef = useRef(text);
  textRef.current = text;
  const editing = useMemo<WorkspaceEditing>(() => ({ docKey, file, getText: () => textRef.current, setText: (next) => setDoc(docKey, next) }), [docKey, file, setDoc]);

  useEffect(() => {
    useSimulation.getState().reset();
    useTraces.getState().clear();
  }, [docKey]);
  useSimulateOnEdit(file, text, { ...(cluster ? { cluster } : {}), faults, onInertFaults });

  return (
    <SplitPane direction="column" initial={0.7} minPx={120} label="Resize workspace and terminal" className="workspace" collapsed={terminalOpen ? undefined : 'second'}>
      <SplitPane direction="row" initial={0.36} minPx={260} label="Resize editor and diagram">
        <EditorPane file={file} text={text} onChange={onChange} diagnostics={diagnostics} />
        <SplitPane direction="column" initial={0.64} minPx={150} label="Resize diagram and request panel" collapsed={requestCollapsed ? 'second' : undefined}>
          <DiagramPane editing={editing} />
          <RequestPanel file={file} text={text} />
        </SplitPane>
      </SplitPane>
      <TerminalDrawer editing={editing} {...(cluster ? { cluster } : {})} />
    </SplitPane>
  );
}
