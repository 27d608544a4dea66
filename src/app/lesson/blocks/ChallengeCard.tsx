// A challenge: the task, Start (its YAML into the workspace), Check (the engine grades the
// learner's YAML against the challenge's checks), hints one at a time, the solution on request,
// and the explanation once solved.
import { useMemo } from 'react';
import type { ChallengeBlock, Lesson } from '../../../engine/lesson/types.ts';
import { useProgress } from '../../progress/progress-store.ts';
import { useDocuments } from '../../state/documents-store.ts';
import { checkChallenge, runKey, useChallengeRuns } from '../challenge-runs.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { useLessonWorkspace } from '../lesson-workspace-store.ts';
import { CodeBlock, Markdown } from '../Markdown.tsx';
import { defaultSource, docKeyFor, sameSource, type WorkspaceSource } from '../workspace-source.ts';
import { CheckResults } from './CheckResults.tsx';

const NO_PROGRESS = { solved: false, attempts: 0, hintsShown: 0, solutionShown: false };

/** One challenge block. */
export function ChallengeCard({ lesson, block }: { lesson: Lesson; block: ChallengeBlock }) {
  const source: WorkspaceSource = useMemo(() => ({ kind: 'challenge', id: block.id }), [block.id]);
  const docKey = docKeyFor(lesson.id, source);
  const active = useLessonWorkspace((s) => sameSource(s.active[lesson.id] ?? defaultSource(lesson), source));
  const saved = useDocuments((s) => s.docs[docKey]);
  const progress = useProgress((s) => s.lessons[lesson.id]?.challenges[block.id]) ?? NO_PROGRESS;
  const run = useChallengeRuns((s) => s.runs[runKey(lesson.id, block.id)]);
  const dispatch = useProgress((s) => s.dispatch);
  const edited = saved !== undefined && saved !== block.start;
  const hintsShown = Math.min(progress.hintsShown, block.hints.length);
  const headingId = `challenge-${block.id}`;

  const start = () => useLessonWorkspace.getState().activate(lesson.id, source);
  const startOver = () => {
    useDocuments.getState().setDoc(docKey, block.start);
    start();
  };
  const loadSolution = () => {
    useDocuments.getState().setDoc(docKey, block.solution);
    start();
  };

  return (
    <section className={`lesson-card challenge-card${active ? ' is-active' : ''}`} aria-labelledby={headingId} data-testid={`challenge-${block.id}`}>
      <h2 className="card-title" id={headingId}>
        <span aria-hidden="true">⚑ </span>Challenge: {block.title || block.id}
      </h2>
      <p className={`challenge-status ${progress.solved ? 'status-ok' : 'status-neutral'}`}>
        <span aria-hidden="true">{progress.solved ? '✓ ' : '○ '}</span>
        {progress.solved ? 'Solved' : progress.attempts > 0 ? `Not solved yet (${progress.attempts} ${progress.attempts === 1 ? 'check' : 'checks'} so far)` : 'Not solved yet'}
      </p>
      <Markdown text={block.task} />
      <div className="button-row">
        {active ? (
          <span className="status-ok">
            <span aria-hidden="true">✎ </span>In the editor
          </span>
        ) : (
          <button type="button" className={saved === undefined ? 'primary' : ''} onClick={start}>
            {saved === undefined ? 'Start' : 'Resume'}
          </button>
        )}
        <button type="button" className={active ? 'primary' : ''} onClick={() => void checkChallenge(lesson.id, block)} disabled={run?.status === 'checking'}>
          {run?.status === 'checking' ? 'Checking…' : 'Check my YAML'}
        </button>
        {edited && (
          <ConfirmButton question="Replace your YAML with the starting YAML?" confirmLabel="Start over" onConfirm={startOver}>
            Start over
          </ConfirmButton>
        )}
      </div>
      <div aria-live="polite">
        {run?.status === 'done' && <CheckResults challenge={block} grade={run.grade} active={active} />}
        {run?.status === 'failed' && (
          <p className="lesson-error" role="alert">
            <span aria-hidden="true">✕ </span>The engine could not check this: {run.message}
          </p>
        )}
      </div>
      {block.hints.length > 0 && (
        <div className="hints">
          {hintsShown > 0 && (
            <ol className="hint-list">
              {block.hints.slice(0, hintsShown).map((hint, i) => (
                <li key={i} className="hint">
                  <span className="hint-label">Hint {i + 1}</span>
                  <Markdown text={hint} />
                </li>
              ))}
            </ol>
          )}
          {hintsShown < block.hints.length && (
            <button type="button" onClick={() => dispatch({ type: 'hintShown', lesson: lesson.id, challenge: block.id, count: hintsShown + 1 })}>
              {hintsShown === 0 ? 'Show a hint' : 'Show another hint'} ({hintsShown + 1} of {block.hints.length})
            </button>
          )}
        </div>
      )}
      {progress.solutionShown ? (
        <div className="solution">
          <h3>Reference solution</h3>
          <CodeBlock text={block.solution} lang="yaml" label="the reference solution" />
          <button type="button" onClick={loadSolution}>
            Load the solution into the editor
          </button>
        </div>
      ) : (
        !progress.solved && (
          <ConfirmButton
            className="link"
            question="Show the solution? Trying first teaches more."
            confirmLabel="Show it"
            onConfirm={() => dispatch({ type: 'solutionShown', lesson: lesson.id, challenge: block.id })}
          >
            Show the solution
          </ConfirmButton>
        )
      )}
      {(progress.solved || progress.solutionShown) && block.explanation && (
        <div className="explanation">
          <h3>Why it works</h3>
          <Markdown text={block.explanation} headingShift={2} />
        </div>
      )}
      {progress.solved && !progress.solutionShown && (
        <button type="button" className="link" onClick={() => dispatch({ type: 'solutionShown', lesson: lesson.id, challenge: block.id })}>
          Compare with the reference solution
        </button>
      )}
    </section>
  );
}
