// Two panes with a draggable, keyboard-operable separator between them.
import { useRef, useState, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { clampFraction, keyStep } from './split-size.ts';

interface SplitPaneProps {
  direction: 'row' | 'column';
  /** Initial share of the first pane (0..1). */
  initial: number;
  /** Smallest size of either pane, in pixels. */
  minPx?: number;
  label: string;
  children: [ReactNode, ReactNode];
  className?: string;
  /** A pane folded to its content's size: the other takes the rest and the separator goes. */
  collapsed?: 'first' | 'second';
}

/** A resizable split; the separator is a focusable `role="separator"` that arrow keys move. */
export function SplitPane({ direction, initial, minPx = 160, label, children, className, collapsed }: SplitPaneProps) {
  const [fraction, setFraction] = useState(initial);
  const box = useRef<HTMLDivElement>(null);
  const total = () => {
    const rect = box.current?.getBoundingClientRect();
    return rect ? (direction === 'row' ? rect.width : rect.height) : 0;
  };
  const set = (f: number) => setFraction(clampFraction(f, total(), minPx));

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!event.currentTarget.hasPointerCapture(event.pointerId) || !box.current) return;
    const rect = box.current.getBoundingClientRect();
    set(direction === 'row' ? (event.clientX - rect.left) / rect.width : (event.clientY - rect.top) / rect.height);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = keyStep(fraction, event.key);
    if (next === undefined) return;
    event.preventDefault();
    set(next);
  };

  const percent = `${(fraction * 100).toFixed(2)}%`;
  // The fraction is kept while a pane is folded, so unfolding restores the learner's size.
  const firstClass = collapsed === 'first' ? 'split-pane split-pane-collapsed' : collapsed === 'second' ? 'split-pane split-pane-rest' : 'split-pane';
  const secondClass = collapsed === 'second' ? 'split-pane split-pane-collapsed' : 'split-pane split-pane-rest';
  return (
    <div ref={box} className={`split split-${direction}${className ? ` ${className}` : ''}`}>
      <div className={firstClass} style={collapsed ? undefined : { flexBasis: percent }}>
        {children[0]}
      </div>
      {collapsed ? null : (
        <div
          className="split-handle"
          role="separator"
          tabIndex={0}
          aria-label={label}
          aria-orientation={direction === 'row' ? 'vertical' : 'horizontal'}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onKeyDown={onKeyDown}
        />
      )}
      <div className={secondClass}>{children[1]}</div>
    </div>
  );
}
