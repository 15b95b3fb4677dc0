// What sits over the workspace: the import wizard, the progress bar, and the notice while the wizard hides the tab bar.
import { Suspense } from 'react';
import type { ComponentType } from 'react';
import { useWorkspace } from '../state/workspace';
import { ViewErrorBoundary } from '../ui/ViewErrorBoundary';
import { Notice } from './Notice';

export function Overlays({ ImportWizard }: { ImportWizard: ComponentType }) {
  const busy = useWorkspace((s) => s.busy);
  const pending = useWorkspace((s) => s.pending);
  return (
    <>
      {pending && (
        <ViewErrorBoundary>
          <Suspense fallback={null}>
            <ImportWizard />
          </Suspense>
        </ViewErrorBoundary>
      )}
      {busy && (
        <div className="busy" role="progressbar" aria-label={busy.label} aria-valuenow={busy.progress === null ? undefined : Math.round(busy.progress * 100)}>
          <div className="card busy-card">
            <span>{busy.label}</span>
            {/* A moving bar while the length of the work is unknown, else how far it is. */}
            <span className="busy-track" aria-hidden="true">
              <span className={`busy-bar${busy.progress === null ? ' indeterminate' : ''}`} style={busy.progress === null ? undefined : { width: `${Math.round(busy.progress * 100)}%` }} />
            </span>
          </div>
        </div>
      )}
      {pending && <Notice floating />}
    </>
  );
}
