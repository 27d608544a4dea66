// The YAML editor pane: Monaco loads lazily; until then the YAML shows as plain text.
import { lazy, Suspense } from 'react';
import type { Diagnostic } from '../../engine/types.ts';
import { isDark, useTheme } from '../state/theme-store.ts';
import { EditorStatus } from './EditorStatus.tsx';
import { ProblemsList } from './ProblemsList.tsx';

const YamlEditor = lazy(() => import('../editor/YamlEditor.tsx'));

interface EditorPaneProps {
  file: string;
  text: string;
  onChange(text: string): void;
  diagnostics: readonly Diagnostic[];
}

/** The editor with its status line and problems list. */
export function EditorPane({ file, text, onChange, diagnostics }: EditorPaneProps) {
  const dark = useTheme((s) => isDark(s.choice, s.systemDark));
  return (
    <section className="pane editor-pane" aria-label="YAML editor">
      <header className="pane-header">
        <h2>
          YAML <span className="muted">{file}</span>
        </h2>
        <EditorStatus />
      </header>
      <div className="editor-body">
        <Suspense
          fallback={
            <pre className="editor-fallback" aria-busy="true" data-testid="editor-loading">
              {text}
            </pre>
          }
        >
          <YamlEditor file={file} value={text} onChange={onChange} diagnostics={diagnostics} dark={dark} label={`YAML manifests (${file})`} />
        </Suspense>
      </div>
      <ProblemsList diagnostics={diagnostics} file={file} />
    </section>
  );
}
