// The view tabs under the toolbar.
import { actions, useWorkspace, type View } from '../state/workspace';

const TABS: { view: View; label: string }[] = [
  { view: 'overview', label: 'Overview' },
  { view: 'jobs', label: 'Jobs' },
  { view: 'tasks', label: 'Tasks & ratings' },
  { view: 'charts', label: 'Charts' },
];

export function Tabs() {
  const view = useWorkspace((s) => s.view);
  const project = useWorkspace((s) => s.project);
  if (!project) return <nav className="tabs" aria-label="Views" />;
  return (
    // The tablist sits inside the nav (role="tablist" on the nav itself would take its landmark away).
    <nav className="tabs" aria-label="Views">
      <div className="tablist" role="tablist" aria-label="Views">
        {TABS.map((t) => (
          <button key={t.view} type="button" role="tab" id={`tab-${t.view}`} aria-controls="view" aria-selected={view === t.view} onClick={() => actions.setView(t.view)}>
            {t.label}
          </button>
        ))}
      </div>
    </nav>
  );
}
