/**
 * "updating…" while the worker recomputes the audit for the latest edit (state.reportRevision
 * behind state.revision). Present at once as a test hook; it fades in only after a moment, so quick
 * recomputations do not flicker.
 */
import { useWorkspace } from '../state/workspace';
import './figure-Updating.css';

export function useReportStale(): boolean {
  return useWorkspace((s) => s.project !== null && s.reportRevision !== s.revision);
}

export function UpdatingIndicator() {
  const stale = useReportStale();
  return (
    <span className="figure-updating-region" role="status" aria-live="polite">
      {stale && (
        <span className="figure-updating" data-testid="report-updating">
          <span className="figure-updating-dot" aria-hidden="true" />
          updating…
        </span>
      )}
    </span>
  );
}
