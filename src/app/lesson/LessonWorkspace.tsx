// The lesson's workspace: whatever the learner loaded last (a playground, a challenge, a
// prediction's scenario), with a bar saying which, and a Check button while it is a challenge.
import { useMemo } from 'react';
import type { ChallengeBlock, Lesson } from '../../engine/lesson/types.ts';
import { Workspace } from '../workspace/Workspace.tsx';
import { checkChallenge, runKey, useChallengeRuns } from './challenge-runs.ts';
import { useLessonWorkspace } from './lesson-workspace-store.ts';
import { defaultSource, workspaceSetup } from './workspace-source.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';

/** The workspace of `lesson`. */
export function LessonWorkspace({ lesson, files }: { lesson: Lesson; files: Record<string, string> }) {
  const chosen = useLessonWorkspace((s) => s.active[lesson.id]);
  const setup = useMemo(() => {
    const fromChoice = chosen ? workspaceSetup(lesson, files, chosen) : undefined;
    const fallback = defaultSource(lesson);
    return fromChoice ?? (fallback ? workspaceSetup(lesson, files, fallback) : undefined);
  }, [chosen, lesson, files]);
  const challenge = setup?.source.kind === 'challenge' ? lesson.blocks.find((b): b is ChallengeBlock => b.kind === 'challenge' && setup.source.kind === 'challenge' && b.id === setup.source.id) : undefined;

  if (!setup) return <Workspace key={`lesson:${lesson.id}`} docKey={`lesson:${lesson.id}`} file={`${lesson.id}.yaml`} initialText={DEFAULT_PLAYGROUND_YAML} />;
  return (
    <div className="lesson-workspace">
      <div className="workspace-source" data-testid="workspace-source">
        <span className="workspace-source-title">
          <span className="muted">In the editor: </span>
          {setup.title}
        </span>
        {challenge && <ChallengeBarCheck lessonId={lesson.id} challenge={challenge} />}
      </div>
      {setup.error && (
        <p className="lesson-error" role="alert">
          <span aria-hidden="true">✕ </span>
          {setup.error}
        </p>
      )}
      <Workspace key={setup.docKey} docKey={setup.docKey} file={setup.file} initialText={setup.initialText} {...(setup.cluster ? { cluster: setup.cluster } : {})} />
    </div>
  );
}

function ChallengeBarCheck({ lessonId, challenge }: { lessonId: string; challenge: ChallengeBlock }) {
  const run = useChallengeRuns((s) => s.runs[runKey(lessonId, challenge.id)]);
  const passed = run?.status === 'done' ? run.grade.results.filter((r) => r.passed).length : undefined;
  return (
    <span className="workspace-source-check">
      {run?.status === 'done' && (
        <span className={run.grade.passed ? 'status-ok' : 'status-bad'} role="status">
          <span aria-hidden="true">{run.grade.passed ? '✓ ' : '✕ '}</span>
          {passed} of {run.grade.results.length} checks pass
        </span>
      )}
      <button type="button" className="primary" onClick={() => void checkChallenge(lessonId, challenge)} disabled={run?.status === 'checking'}>
        {run?.status === 'checking' ? 'Checking…' : 'Check'}
      </button>
    </span>
  );
}
