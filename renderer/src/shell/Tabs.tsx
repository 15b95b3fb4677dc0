// The view tabs under the toolbar, keyboard-driven as the WAI-ARIA tabs pattern asks: one tab stop
// (the selected tab), Left/Right (wrapping), Home and End move and select at once.
import type { KeyboardEvent } from 'react';
import { actions, useWorkspace, type View } from '../state/workspace';
import { Notice } from './Notice';

const TABS: { view: View; label: string }[] = [
  { view: 'overview', label: 'Overview' },
  { view: 'jobs', label: 'Jobs' },
  { view: 'tasks', label: 'Tasks & ratings' },
  { view: 'charts', label: 'Charts' },
  { view: 'proposal', label: 'Proposal' },
  { view: 'merger', label: 'Merger' },
  { view: 'ratingRound', label: 'Rating round' },
  { view: 'report', label: 'Report' },
];

/** The tab a key moves to from `index`, or null for keys the tablist leaves alone. */
export function tabIndexAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight': return (index + 1) % count;
    case 'ArrowLeft': return (index - 1 + count) % count;
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}

export function Tabs() {
  const view = useWorkspace((s) => s.view);
  const project = useWorkspace((s) => s.project);
  // While the import wizard is open the notice floats over it (shell/Overlays).
  const wizardOpen = useWorkspace((s) => !!s.pending);
  const notice = wizardOpen ? null : <Notice />;
  if (!project) return <nav className="tabs" aria-label="Views">{notice}</nav>;
  // On the start screen no tab is selected: the first one takes the tab stop.
  const selected = Math.max(0, TABS.findIndex((t) => t.view === view));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const current = TABS.findIndex((t) => `tab-${t.view}` === (e.target as HTMLElement).id);
    if (current < 0) return;
    const next = tabIndexAfterKey(e.key, current, TABS.length);
    if (next === null) return;
    e.preventDefault();
    actions.setView(TABS[next].view);
    document.getElementById(`tab-${TABS[next].view}`)?.focus();
  };
  return (
    // The tablist sits inside the nav (role="tablist" on the nav itself would take its landmark away).
    <nav className="tabs" aria-label="Views">
      <div className="tablist" role="tablist" aria-label="Views" onKeyDown={onKeyDown}>
        {TABS.map((t, i) => (
          <button
            key={t.view}
            type="button"
            role="tab"
            id={`tab-${t.view}`}
            aria-controls="view"
            aria-selected={view === t.view}
            tabIndex={i === selected ? 0 : -1}
            onClick={() => actions.setView(t.view)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {notice}
    </nav>
  );
}
