// The workspace shell: toolbar, view tabs, the current view, the import wizard, progress and notices.
import { Suspense, useEffect, useRef } from 'react';
import './ui/theme.css';
import './ui/App.css';
import { projectCodec, store, useWorkspace } from './state/workspace';
import { desktop } from './platform/desktop';
import { StartView } from './features/start/StartView';
import { startup } from './state/startup';
import { ReimportChanges } from './features/importWizard/ReimportChanges';
import { openDocument } from './features/importWizard/actions';
import { installFileDrop } from './platform/dropFiles';
import { lazyView } from './ui/lazyView';
import { ViewErrorBoundary } from './ui/ViewErrorBoundary';
import { useMenuCommands, useShortcuts } from './shell/shortcuts';
import { Toolbar } from './shell/Toolbar';
import { Tabs } from './shell/Tabs';
import { Overlays } from './shell/Overlays';

// Only the start screen is needed for the first paint; every other view (the charts' recharts and
// d3 are a third of the code) is fetched just after it, while the user picks what to open.
const views = {
  wizard: lazyView(() => import('./features/importWizard/ImportWizard'), (m) => m.ImportWizard),
  overview: lazyView(() => import('./features/overview/OverviewView'), (m) => m.OverviewView),
  jobs: lazyView(() => import('./features/jobs/JobsView'), (m) => m.JobsView),
  tasks: lazyView(() => import('./features/tasks/TasksView'), (m) => m.TasksView),
  charts: lazyView(() => import('./features/charts/ChartsView'), (m) => m.ChartsView),
  proposal: lazyView(() => import('./features/proposal/ProposalView'), (m) => m.ProposalView),
  merger: lazyView(() => import('./features/merger/MergerView'), (m) => m.MergerView),
  ratingRound: lazyView(() => import('./features/ratingRound/RatingRoundView'), (m) => m.RatingRoundView),
  report: lazyView(() => import('./features/report/ReportView'), (m) => m.ReportView),
};
const { View: ImportWizard } = views.wizard;
const { View: OverviewView } = views.overview;
const { View: JobsView } = views.jobs;
const { View: TasksView } = views.tasks;
const { View: ChartsView } = views.charts;
const { View: ProposalView } = views.proposal;
const { View: MergerView } = views.merger;
const { View: RatingRoundView } = views.ratingRound;
const { View: ReportView } = views.report;

function preloadViews(): void {
  for (const v of Object.values(views)) void v.preload().catch(() => undefined);
  void projectCodec().catch(() => undefined);
}

function CurrentView() {
  const view = useWorkspace((s) => s.view);
  const project = useWorkspace((s) => s.project);
  if (!project || view === 'start') return <StartView />;
  return (
    <ViewErrorBoundary key={view}>
      <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
        {view === 'jobs' ? <JobsView /> : view === 'tasks' ? <TasksView /> : view === 'charts' ? <ChartsView /> : view === 'proposal' ? <ProposalView /> : view === 'merger' ? <MergerView /> : view === 'ratingRound' ? <RatingRoundView /> : view === 'report' ? <ReportView /> : <OverviewView />}
      </Suspense>
    </ViewErrorBoundary>
  );
}

/** The current view under its tab; a view opened from another starts at its top, not at the other's scroll position. */
function ViewPanel() {
  const view = useWorkspace((s) => s.view);
  const hasTab = useWorkspace((s) => s.project !== null && s.view !== 'start');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const main = ref.current?.parentElement;
    if (main) main.scrollTop = 0;
  }, [view]);
  return (
    <div ref={ref} id="view" role="tabpanel" aria-labelledby={hasTab ? `tab-${view}` : undefined} aria-label={hasTab ? undefined : 'Start'}>
      <ReimportChanges />
      <CurrentView />
    </div>
  );
}

export function App() {
  useShortcuts();
  useMenuCommands();
  useEffect(() => {
    void startup();
    // Once the first screen is up, so opening a view never waits for its code.
    const idle = window.setTimeout(preloadViews, 100);
    return () => window.clearTimeout(idle);
  }, []);
  // Dropping a spreadsheet or project anywhere on the window opens it.
  useEffect(
    () =>
      installFileDrop(window, desktop(), (doc) => void openDocument(doc), (name) =>
        store.set({ notice: { kind: 'error', text: `${name} is not a spreadsheet or a Fairshare project` } }),
      ),
    [],
  );
  return (
    <div className="app">
      <Toolbar />
      <Tabs />
      <main className="content">
        <ViewPanel />
      </main>
      <Overlays ImportWizard={ImportWizard} />
    </div>
  );
}
