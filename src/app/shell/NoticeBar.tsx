// Non-blocking banners (engine restarts, share links): dismissable, announced politely.
import { useNotices } from '../state/notices-store.ts';

const ICON = { info: 'ℹ', warning: '⚠', error: '✕' } as const;

/** The notices stack under the header. */
export function NoticeBar() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.tone}`} data-testid="notice">
          <span aria-hidden="true">{ICON[n.tone]}</span>
          <span className="notice-text">{n.message}</span>
          {n.action && (
            <button
              type="button"
              onClick={() => {
                n.action?.run();
                dismiss(n.id);
              }}
            >
              {n.action.label}
            </button>
          )}
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
