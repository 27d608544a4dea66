// A button that opens a panel below it; Escape or a click elsewhere closes it.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  /** The button's content. */
  label: ReactNode;
  /** Names the panel for assistive technology. */
  title: string;
  children: ReactNode;
  className?: string;
  /** Opens the panel whenever this value changes (e.g. a scenario was loaded). */
  openSignal?: unknown;
  /** Open when it first appears. */
  initiallyOpen?: boolean;
  testId?: string;
}

/** A disclosure with a floating panel. */
export function Popover({ label, title, children, className, openSignal, initiallyOpen = false, testId }: PopoverProps) {
  const [open, setOpen] = useState(initiallyOpen);
  const box = useRef<HTMLDivElement>(null);
  const id = useId();
  // Opens when the signal changes after mounting, not for the value it mounted with (a reload).
  const mountedWith = useRef(openSignal);
  useEffect(() => {
    if (openSignal !== undefined && openSignal !== mountedWith.current) setOpen(true);
  }, [openSignal]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div ref={box} className={`popover${className ? ` ${className}` : ''}`}>
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid={testId}>
        {label} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
      </button>
      <div id={id} className="popover-panel" role="region" aria-label={title} hidden={!open}>
        {children}
      </div>
    </div>
  );
}
