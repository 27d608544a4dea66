// The Monaco YAML editor (the lazily loaded chunk): edits flow out at once, engine diagnostics
// come back as markers, and reveal requests from other panels scroll to a range.
import { useEffect, useRef, useState } from 'react';
import type { Diagnostic } from '../../engine/types.ts';
import { useEditorBridge } from '../state/editor-bridge.ts';
import { diagnosticsToMarkers, MARKER_OWNER } from './markers.ts';
import { setupMonaco, type monaco as Monaco } from './monaco-setup.ts';

export interface YamlEditorProps {
  file: string;
  value: string;
  onChange(text: string): void;
  diagnostics: readonly Diagnostic[];
  dark: boolean;
  label: string;
}

type Editor = ReturnType<typeof Monaco.editor.create>;

/** Monaco editing one YAML file. */
export default function YamlEditor({ file, value, onChange, diagnostics, dark, label }: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<Editor>();
  const [api, setApi] = useState<typeof Monaco>();
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const initialValue = useRef(value);

  useEffect(() => {
    let disposed = false;
    let created: Editor | undefined;
    void setupMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      const uri = monaco.Uri.parse(`file:///${file}`);
      monaco.editor.getModel(uri)?.dispose();
      const model = monaco.editor.createModel(initialValue.current, 'yaml', uri);
      created = monaco.editor.create(host.current, {
        model,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        tabSize: 2,
        scrollBeyondLastLine: false,
        renderWhitespace: 'none',
        ariaLabel: label,
        fixedOverflowWidgets: true,
      });
      created.onDidChangeModelContent(() => onChangeRef.current(model.getValue()));
      setApi(monaco);
      setEditor(created);
    });
    return () => {
      disposed = true;
      const model = created?.getModel();
      created?.dispose();
      model?.dispose();
    };
  }, [file, label]);

  // Text replaced from outside (a share link, a reset) arrives as an undoable edit.
  useEffect(() => {
    const model = editor?.getModel();
    if (!model || model.getValue() === value) return;
    editor?.executeEdits('netlab', [{ range: model.getFullModelRange(), text: value }]);
  }, [editor, value]);

  useEffect(() => {
    const model = editor?.getModel();
    if (!api || !model) return;
    api.editor.setModelMarkers(model, MARKER_OWNER, diagnosticsToMarkers(diagnostics, file));
  }, [api, editor, diagnostics, file]);

  useEffect(() => {
    api?.editor.setTheme(dark ? 'vs-dark' : 'vs');
  }, [api, dark]);

  const reveal = useEditorBridge((s) => s.reveal);
  useEffect(() => {
    if (!editor || !reveal) return;
    const { startLine, startCol, endLine, endCol } = reveal.range;
    const selection = { startLineNumber: startLine, startColumn: startCol, endLineNumber: endLine, endColumn: endCol };
    editor.revealRangeInCenter(selection);
    editor.setSelection(selection);
    editor.focus();
  }, [editor, reveal]);

  return <div ref={host} className="monaco-host nokey" data-testid="monaco-host" />;
}
