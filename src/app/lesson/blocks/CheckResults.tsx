// The verdict of a challenge check: every check passed or failed, with the engine's message
// (what was expected and what happened). Icons and words, not colour alone.
import type { ChallengeBlock, ChallengeGrade } from '../../../engine/lesson/types.ts';
import { checkLabel } from '../../playground/scenario-import.ts';
import { useEditorBridge } from '../../state/editor-bridge.ts';

/** The results of one check run. */
export function CheckResults({ challenge, grade, active }: { challenge: ChallengeBlock; grade: ChallengeGrade; active: boolean }) {
  const passed = grade.results.filter((r) => r.passed).length;
  return (
    <div className={`check-results ${grade.passed ? 'is-passed' : 'is-failed'}`} data-testid="check-results">
      <p className="check-summary">
        <span aria-hidden="true">{grade.passed ? '✓ ' : '✕ '}</span>
        {grade.passed ? 'Solved: every check passes.' : `${passed} of ${grade.results.length} checks pass.`}
      </p>
      {grade.error && (
        <p className="check-error">
          Your YAML cannot be applied (line {grade.error.line}): {grade.error.message}{' '}
          {active && (
            <button type="button" className="link" onClick={() => useEditorBridge.getState().revealRange({ startLine: grade.error!.line, startCol: 1, endLine: grade.error!.line, endCol: 1 })}>
              Show the line
            </button>
          )}
        </p>
      )}
      <ul className="check-list">
        {grade.results.map((result, i) => {
          const check = challenge.checks[i];
          return (
            <li key={i} className={result.passed ? 'check-pass' : 'check-fail'}>
              <span className="check-icon" aria-hidden="true">
                {result.passed ? '✓' : '✕'}
              </span>
              <span>
                <span className="sr-only">{result.passed ? 'Passed: ' : 'Failed: '}</span>
                <span className="check-name">{check ? checkLabel(check) : `check ${i + 1}`}</span>
                {!result.passed && !grade.error && <span className="check-message">{result.message}</span>}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
