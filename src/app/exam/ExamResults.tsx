// After a sitting: the score and verdict, then every task with what each check expected and what
// the engine saw, the explanation, the reference solution and the candidate's answer; and retry.
import { useEffect, useState } from 'react';
import type { ExamCheckResult, ExamSet, ExamTask, ExamTaskGrade } from '../../engine/lesson/exam.ts';
import { CodeBlock, Markdown } from '../lesson/Markdown.tsx';
import { answerOf, gradeEndedExam, startExam } from './exam-actions.ts';
import type { ExamSession } from './exam-session.ts';
import { domainLabel, formatDuration, formatPercent, formatPoints, formatValue } from './format.ts';

/** The results of an ended sitting (graded on first view). */
export function ExamResults({ set, session }: { set: ExamSet; session: ExamSession }) {
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [failure, setFailure] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (session.grade) return;
    let live = true;
    setFailure(undefined);
    gradeEndedExam(set, (done, total) => live && setProgress({ done, total })).catch((e: unknown) => live && setFailure(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [set, session.grade, attempt]);

  const grade = session.grade;
  if (!grade)
    return (
      <section className="exam-page exam-narrow" aria-labelledby="exam-grading-title">
        <h1 id="exam-grading-title">{set.title}</h1>
        {failure ? (
          <div className="exam-error" role="alert">
            <p>
              <span aria-hidden="true">✕ </span>Grading failed: {failure}
            </p>
            <button type="button" className="primary" onClick={() => setAttempt((n) => n + 1)}>
              Try grading again
            </button>
          </div>
        ) : (
          <p role="status" aria-busy="true" data-testid="exam-grading">
            Grading your answers with the engine{progress ? `: task ${Math.min(progress.done + 1, progress.total)} of ${progress.total}` : ''}…
          </p>
        )}
      </section>
    );

  const byTask = new Map(grade.tasks.map((g) => [g.taskId, g]));
  const used = (session.ended?.at ?? session.endsAt) - session.startedAt;
  return (
    <section className="exam-page exam-results" aria-labelledby="exam-results-title" data-testid="exam-results">
      <p>
        <a href="#/exam">← All exam sets</a>
      </p>
      <h1 id="exam-results-title">Results: {set.title}</h1>
      <div className={`exam-score ${grade.passed ? 'exam-score-pass' : 'exam-score-fail'}`} role="status" data-testid="exam-score">
        <span className="exam-score-percent">{formatPercent(grade.percent)}</span>
        <span className="exam-score-verdict">
          <span aria-hidden="true">{grade.passed ? '✓ ' : '✕ '}</span>
          {grade.passed ? 'Pass' : 'Not passed'}
        </span>
        <span className="exam-score-detail">
          {formatPoints(grade.points)} of {formatPoints(grade.possible)} points · {grade.passPercent}% needed to pass ·{' '}
          {session.ended?.reason === 'timeout' ? 'the time ran out' : `ended after ${formatDuration(used)}`}
        </span>
      </div>
      <RetryButton set={set} />

      <h2>Tasks</h2>
      <table className="exam-summary">
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Domain</th>
            <th scope="col">Points</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {set.tasks.map((task, i) => {
            const g = byTask.get(task.id);
            return (
              <tr key={task.id}>
                <td>
                  <a href={`#/exam/${set.id}`} onClick={(e) => jumpTo(e, task.id)}>
                    {i + 1}. {task.title}
                  </a>
                </td>
                <td>{domainLabel(task.domain)}</td>
                <td>
                  {formatPoints(g?.points ?? 0)} / {task.weight}
                </td>
                <td>
                  <TaskVerdict grade={g} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {set.tasks.map((task, i) => (
        <TaskResult key={task.id} set={set} task={task} index={i} grade={byTask.get(task.id)} />
      ))}
      <RetryButton set={set} />
    </section>
  );
}

// The results live on one hash route, so in-page links scroll instead of navigating.
function jumpTo(event: { preventDefault(): void }, taskId: string) {
  event.preventDefault();
  const target = document.getElementById(`result-${taskId}`);
  target?.scrollIntoView({ block: 'start' });
  target?.focus();
}

function TaskVerdict({ grade }: { grade: ExamTaskGrade | undefined }) {
  if (!grade || !grade.attempted)
    return (
      <span className="status-neutral">
        <span aria-hidden="true">○ </span>not attempted
      </span>
    );
  if (grade.points >= grade.possible)
    return (
      <span className="status-ok">
        <span aria-hidden="true">✓ </span>full marks
      </span>
    );
  if (grade.points > 0)
    return (
      <span className="status-warn">
        <span aria-hidden="true">◐ </span>partial credit
      </span>
    );
  return (
    <span className="status-bad">
      <span aria-hidden="true">✕ </span>no points
    </span>
  );
}

function TaskResult({ set, task, index, grade }: { set: ExamSet; task: ExamTask; index: number; grade: ExamTaskGrade | undefined }) {
  const answer = answerOf(set.id, task.id);
  return (
    <section className="exam-result-task" id={`result-${task.id}`} tabIndex={-1} aria-labelledby={`result-${task.id}-title`} data-testid={`result-${task.id}`}>
      <h3 id={`result-${task.id}-title`}>
        {index + 1}. {task.title}{' '}
        <span className="exam-result-points">
          {formatPoints(grade?.points ?? 0)} / {task.weight} points
        </span>
      </h3>
      <p className="exam-result-verdict">
        <TaskVerdict grade={grade} />
        {grade && !grade.attempted && <span className="muted"> · the YAML was left as it started, so the task earns nothing</span>}
      </p>
      {grade?.error && (
        <p className="exam-error">
          <span aria-hidden="true">✕ </span>Your YAML could not be applied (line {grade.error.line}): {grade.error.message}
        </p>
      )}
      <details className="exam-result-context">
        <summary>The task</summary>
        <Markdown text={task.context} />
      </details>
      <ul className="exam-checks" aria-label="Checks">
        {(grade?.checks ?? []).map((check, i) => (
          <CheckRow key={i} check={check} />
        ))}
      </ul>
      <details className="exam-result-explanation">
        <summary>Explanation</summary>
        <Markdown text={task.explanation} />
      </details>
      <details className="exam-result-solution">
        <summary>Reference solution</summary>
        <CodeBlock text={task.solution} lang="yaml" label={`Reference solution for ${task.title}`} />
      </details>
      {answer !== undefined && (
        <details className="exam-result-answer">
          <summary>Your answer</summary>
          <CodeBlock text={answer} lang="yaml" label={`Your answer for ${task.title}`} />
        </details>
      )}
    </section>
  );
}

function CheckRow({ check }: { check: ExamCheckResult }) {
  const actual = check.actual && typeof check.actual === 'object' && !Array.isArray(check.actual) ? withoutSummary(check.actual as Record<string, unknown>) : check.actual;
  return (
    <li className={`exam-check ${check.passed ? 'exam-check-pass' : 'exam-check-fail'}`}>
      <p className="exam-check-head">
        <span className={check.passed ? 'status-ok' : 'status-bad'}>
          <span aria-hidden="true">{check.passed ? '✓ ' : '✕ '}</span>
          {check.passed ? 'Passed' : 'Failed'}
        </span>{' '}
        <span className="exam-check-name">{check.name}</span> <span className="muted">(weight {check.weight})</span>
      </p>
      <dl className="exam-check-values">
        <dt>Expected</dt>
        <dd>
          <CheckValue text={formatValue(check.expected)} />
        </dd>
        <dt>Actual</dt>
        <dd>
          <CheckValue text={formatValue(actual)} />
        </dd>
        <dt>Engine</dt>
        <dd className="exam-check-message">{check.message.split('\n')[0]}</dd>
      </dl>
    </li>
  );
}

// Truth tables and other multi-line values keep their columns.
function CheckValue({ text }: { text: string }) {
  return text.includes('\n') ? <pre className="exam-check-pre">{text}</pre> : <code>{text}</code>;
}

function withoutSummary(value: Record<string, unknown>): Record<string, unknown> {
  const { summary: _summary, ...rest } = value;
  return rest;
}

function RetryButton({ set }: { set: ExamSet }) {
  const [confirming, setConfirming] = useState(false);
  return (
    <p className="exam-actions">
      {confirming ? (
        <span role="group" aria-label="Retry the exam">
          Start again with a fresh clock and the starting YAML for every task? (Your best score is kept.){' '}
          <button type="button" className="primary" onClick={() => startExam(set)}>
            Start again
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="primary" onClick={() => setConfirming(true)}>
          Retry (fresh start)
        </button>
      )}
    </p>
  );
}
