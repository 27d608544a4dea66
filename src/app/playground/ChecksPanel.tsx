// The loaded scenario's checks: run them against the playground as it is now, pass or fail each.
import { useDocuments } from '../state/documents-store.ts';
import { DEFAULT_PLAYGROUND_YAML } from '../state/default-scenario.ts';
import { checksInput, runChecks } from './playground-actions.ts';
import { usePlayground } from './playground-store.ts';
import type { LoadedScenario } from './scenario-import.ts';

/** Check results, one line each (icon and words, never colour alone). */
export function ChecksPanel({ scenario }: { scenario: LoadedScenario }) {
  const checks = usePlayground((s) => s.checks);
  const settings = usePlayground((s) => s.settings);
  const yaml = useDocuments((s) => s.docs.playground ?? DEFAULT_PLAYGROUND_YAML);
  const done = checks?.status === 'done' ? checks.result : undefined;
  const outdated = checks?.status === 'done' && checks.input !== checksInput(yaml, settings);
  const passed = done?.checks.filter((c) => c.passed).length ?? 0;
  return (
    <div className="checks-panel" data-testid="checks-panel">
      {scenario.description && <p className="muted">{scenario.description}</p>}
      <p>
        <button type="button" className="primary" onClick={() => void runChecks()} disabled={checks?.status === 'running'}>
          {checks?.status === 'running' ? 'Running…' : 'Run checks'}
        </button>{' '}
        <span role="status" aria-live="polite" data-testid="checks-summary">
          {done && !done.error ? `${passed} of ${scenario.checks.length} passed` : ''}
          {done?.error ? `✕ The scenario could not run: line ${done.error.line}: ${done.error.message}` : ''}
          {checks?.status === 'failed' ? `✕ ${checks.message}` : ''}
          {outdated ? ' (before your last change: run again)' : ''}
        </span>
      </p>
      <ol className="checks-list">
        {scenario.checks.map((label, i) => {
          const result = done?.checks[i];
          const state = !result ? 'pending' : result.passed ? 'pass' : 'fail';
          return (
            <li key={i} className={`check-${state}`} data-testid="check" data-state={state}>
              <span aria-hidden="true">{state === 'pass' ? '✓' : state === 'fail' ? '✕' : '○'}</span>{' '}
              <span className="sr-only">{state === 'pass' ? 'passed:' : state === 'fail' ? 'failed:' : 'not run:'}</span> {label}
              {result && !result.passed && <div className="check-message">{result.message}</div>}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
