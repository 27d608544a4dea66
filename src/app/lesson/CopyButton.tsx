// A button that copies text to the clipboard and says, in words, whether it worked.
import { useEffect, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `text`; `label` names what is copied for screen readers ("Copy the command"). */
export function CopyButton({ text, label = 'Copy', className = '' }: { text: string; label?: string; className?: string }) {
  const [state, setState] = useState<CopyState>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = () => {
    // The Clipboard API is missing on plain-HTTP pages and may be refused: say so instead of failing silently.
    const write = navigator.clipboard?.writeText(text) ?? Promise.reject(new Error('no clipboard'));
    write.then(
      () => setState('copied'),
      () => setState('failed'),
    );
  };
  return (
    <button type="button" className={`copy-button ${className}`} onClick={copy} aria-label={label} title={label}>
      <span aria-hidden="true">{state === 'copied' ? '✓ ' : state === 'failed' ? '✕ ' : ''}</span>
      <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy by hand' : 'Copy'}</span>
    </button>
  );
}
