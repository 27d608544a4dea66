// "After your last change: was connected → now refused": the last request, re-sent after an edit.
import type { VerdictChange } from './verdict-diff.ts';

/** The verdict line; a flipped outcome stands out (icon and words, never colour alone). */
export function VerdictChangeLine({ change }: { change: VerdictChange }) {
  const tone = change.flipped ? 'flipped' : change.changed ? 'changed' : 'same';
  const icon = change.flipped ? '⇄' : change.changed ? '~' : '=';
  return (
    <p className={`verdict-change verdict-${tone}`} role="status" aria-live="polite" data-testid="verdict-change">
      <span aria-hidden="true">{icon} </span>
      <strong>{change.flipped ? 'Verdict flipped' : change.changed ? 'Answer changed' : 'Same answer'}</strong> after your last change: {change.text}
    </p>
  );
}
