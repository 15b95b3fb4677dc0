// The notice ("Saved …", an error): in the tab bar's free room at its right end, so it never covers
// the view's rows; over the import wizard (whose backdrop hides the tab bar) it floats above it.
import { actions, useWorkspace } from '../state/workspace';

export function Notice({ floating = false }: { floating?: boolean }) {
  const notice = useWorkspace((s) => s.notice);
  if (!notice) return null;
  return (
    <div className={`notice ${notice.kind}${floating ? ' floating card' : ''}`} role={notice.kind === 'error' ? 'alert' : 'status'} data-testid="notice">
      <span className="notice-text">{notice.text}</span>
      <button type="button" onClick={actions.dismissNotice} aria-label={`Dismiss: ${notice.text}`} title="Dismiss">×</button>
    </div>
  );
}
