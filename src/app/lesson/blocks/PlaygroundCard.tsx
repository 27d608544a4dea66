// A playground: a scenario the learner loads into the workspace to edit and probe freely. Their
// edits are kept (per lesson and scenario) until they reset them.
import { useMemo } from 'react';
import type { Lesson, PlaygroundBlock } from '../../../engine/lesson/types.ts';
import { useDocuments } from '../../state/documents-store.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { useLessonWorkspace } from '../lesson-workspace-store.ts';
import { Markdown } from '../Markdown.tsx';
import { defaultSource, docKeyFor, sameSource, scenarioWorkspace, type WorkspaceSource } from '../workspace-source.ts';

/** One playground block. */
export function PlaygroundCard({ lesson, files, block }: { lesson: Lesson; files: Record<string, string>; block: PlaygroundBlock }) {
  const source: WorkspaceSource = useMemo(() => ({ kind: 'scenario', path: block.path }), [block.path]);
  const scenario = useMemo(() => scenarioWorkspace(block.path, files), [block.path, files]);
  const docKey = docKeyFor(lesson.id, source);
  const active = useLessonWorkspace((s) => sameSource(s.active[lesson.id] ?? defaultSource(lesson), source));
  const edited = useDocuments((s) => 'error' in scenario || s.docs[docKey] === undefined ? false : s.docs[docKey] !== scenario.manifests);
  const load = () => useLessonWorkspace.getState().activate(lesson.id, source);
  const reset = () => {
    if ('error' in scenario) return;
    useDocuments.getState().setDoc(docKey, scenario.manifests);
    load();
  };

  return (
    <section className={`lesson-card playground-card${active ? ' is-active' : ''}`} aria-label={`Playground: ${'error' in scenario ? block.scenario : scenario.name}`}>
      <h2 className="card-title">
        <span aria-hidden="true">▶ </span>Playground{'error' in scenario ? '' : `: ${scenario.name}`}
      </h2>
      {'error' in scenario ? (
        <p className="lesson-error" role="alert">
          <span aria-hidden="true">✕ </span>
          {scenario.error}
        </p>
      ) : (
        // The scenario's own description, unless the lesson says it in its own words.
        !block.text &&
        scenario.description && (
          <div className="muted">
            <Markdown text={scenario.description} />
          </div>
        )
      )}
      {block.text && <Markdown text={block.text} />}
      <div className="button-row">
        {active ? (
          <span className="status-ok" role="status">
            <span aria-hidden="true">✓ </span>In the editor{edited ? ' (with your edits)' : ''}
          </span>
        ) : (
          <button type="button" className="primary" onClick={load} disabled={'error' in scenario}>
            Load into editor
          </button>
        )}
        {edited && (
          <ConfirmButton question="Replace your edits with the original scenario?" confirmLabel="Reset" onConfirm={reset}>
            Reset to the original
          </ConfirmButton>
        )}
      </div>
    </section>
  );
}
