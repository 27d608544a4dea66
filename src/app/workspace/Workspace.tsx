// The workspace both pages share: the YAML editor, the diagram and the request panel.
import { useCallback, useEffect } from 'react';
import { useSimulateOnEdit } from '../engine/useSimulateOnEdit.ts';
import { DiagramPane } from '../diagram/DiagramPane.tsx';
import { SplitPane } from '../layout/SplitPane.tsx';
import { RequestPanel } from '../request/RequestPanel.tsx';
import { useDocuments, type DocumentKey } from '../state/documents-store.ts';
import { useSimulation } from '../state/simulation-store.ts';
import { useTraces } from '../state/trace-store.ts';
import { EditorPane } from './EditorPane.tsx';

interface WorkspaceProps {
  /** Where the learner's YAML is kept. */
  docKey: DocumentKey;
  /** The file name diagnostics and the editor use. */
  file: string;
  /** The YAML to start from when nothing is saved. */
  initialText: string;
}

const NO_DIAGNOSTICS: never[] = [];

/** Editor | diagram over request panel. */
export function Workspace({ docKey, file, initialText }: WorkspaceProps) {
  const text = useDocuments((s) => s.docs[docKey] ?? initialText);
  const setDoc = useDocuments((s) => s.setDoc);
  const onChange = useCallback((next: string) => setDoc(docKey, next), [docKey, setDoc]);
  const diagnostics = useSimulation((s) => s.latest?.diagnostics ?? NO_DIAGNOSTICS);

  useEffect(() => {
    useSimulation.getState().reset();
    useTraces.getState().clear();
  }, [docKey]);
  useSimulateOnEdit(file, text);

  return (
    <SplitPane direction="row" initial={0.38} minPx={260} label="Resize editor and diagram" className="workspace">
      <EditorPane file={file} text={text} onChange={onChange} diagnostics={diagnostics} />
      <SplitPane direction="column" initial={0.56} minPx={150} label="Resize diagram and request panel">
        <DiagramPane />
        <RequestPanel file={file} text={text} />
      </SplitPane>
    </SplitPane>
  );
}
