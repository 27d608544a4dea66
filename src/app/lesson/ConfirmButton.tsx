// A button that asks before it acts, in place (no modal), so a stray click loses nothing.
import { useEffect, useRef, useState, type ReactNode } from 'react';

interface ConfirmButtonProps {
  children: ReactNode;
  /** The question asked before acting ("Show the solution?"). */
  question: string;
  confirmLabel: string;
  onConfirm(): void;
  className?: string;
  disabled?: boolean;
}

/** Asks `question` with a confirm and a cancel button, then runs `onConfirm`. */
export function ConfirmButton({ children, question, confirmLabel, onConfirm, className = '', disabled }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);
  if (!asking)
    return (
      <button type="button" className={className} onClick={() => setAsking(true)} disabled={disabled}>
        {children}
      </button>
    );
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
