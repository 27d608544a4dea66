// A note, tip, warning or danger aside; its kind is said in words and an icon, not colour alone.
import type { CalloutBlock } from '../../../engine/lesson/types.ts';
import { Markdown } from '../Markdown.tsx';

const LOOK: Record<CalloutBlock['variant'], { icon: string; label: string }> = {
  note: { icon: 'ℹ', label: 'Note' },
  tip: { icon: '★', label: 'Tip' },
  warning: { icon: '⚠', label: 'Warning' },
  danger: { icon: '⛔', label: 'Danger' },
};

/** One callout. */
export function Callout({ block }: { block: CalloutBlock }) {
  const look = LOOK[block.variant];
  return (
    <aside className={`callout callout-${block.variant}`} aria-label={block.title || look.label}>
      <p className="callout-title">
        <span aria-hidden="true">{look.icon} </span>
        {block.title || look.label}
      </p>
      <Markdown text={block.text} headingShift={2} />
    </aside>
  );
}
