// The workspace shell: toolbar, view tabs, the current view, the import wizard, progress and notices.
import { Suspense, useEffect, useRef } from 'react';
import './ui/theme.css';
import './ui/App.css';
import { actions, projectCodec, store, useWorkspace, type View } from './state/workspace';
import { desktop } from './platform/desktop';
import { useTheme } from './ui/useTheme';
import { StartView } from './features/start/StartView';
import { startup } from './state/startup';
import { ReimportChanges } from './features/importWizard/ReimportChanges';
import { openDocument } from './features/importWizard/actions';
import { installFileDrop } from './platform/dropFiles';
import { lazyView } from './ui/lazyView';
import { ViewErrorBoundary } from './ui/ViewErrorBoundary';
import { RedoIcon, ThemeIcon, UndoIcon } from './ui/toolbarIcons';

// Only the start screen is needed for the first paint; every other view (the charts' recharts and
// d3 are a third of the code) is fetched just after it, while the user picks what to open.
const views = {
  wizard: lazyView(() => import('./features/importWizard/ImportWizard'), (m) => m.ImportWizard),
  overview: lazyView(() => import('./features/overview/OverviewView'), (m) => m.OverviewView),
  jobs: lazyView(() => import('./features/jobs/JobsView'), (m) => m.JobsView),
  tasks: lazyView(() => import('./features/tasks/TasksView'), (m) => m.TasksView),
  charts: lazyView(() => import('./features/charts/ChartsView'), (m) => m.ChartsView),
};
const { View: ImportWizard } = views.wizard;
const { View: OverviewView } = views.overview;
const { View: JobsView } = views.jobs;
const { View: TasksView } = views.tasks;
const { View: ChartsView } = views.charts;

function preloadViews(): void {
  for (const v of Object.values(views)) void v.preload().catch(() => undefined);
  void projectCodec().catch(() => undefined);
}

const TABS: { view: View; label: string }[] = [
  { view: 'overview', label: 'Overview' },
  { view: 'jobs', label: 'Jobs' },
  { view: 'tasks', label: 'Tasks & ratings' },
  { view: 'charts', label: 'Charts' },
];

function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      // Number cells hand Ctrl/Cmd+Z to the app (data-undo="app"); other fields keep the browser's text undo.
      const inField = (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) && e.target.dataset.undo !== 'app';
      const key = e.key.toLowerCase();
      if (key === 'z' && !inField) {
        e.preventDefault();
        if (e.shiftKey) actions.redo();
        else actions.undo();
      } else if (key === 'y' && !inField) {
        e.preventDefault();
        actions.redo();
      } else if (key === 's') {
        e.preventDefault();
        void actions.save(e.shiftKey);
      } else if (key === 'o') {
        e.preventDefault();
        void actions.openProject();
      } else if (key === 'i') {
        e.preventDefault();
        void actions.beginImport('dialog', !!store.get().project);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function useMenuCommands(): void {
  useEffect(
    () =>
      desktop().onMenuCommand((cmd) => {
        switch (cmd.type) {
          case 'new-from-sample': return void actions.beginImport('organization');
          case 'open-project': return void actions.openProject();
          case 'import-spreadsheet': return void actions.beginImport('dialog', !!store.get().project);
          // A save for the close or quit prompt is answered either way: main closes the window or
          // quits when saved, and keeps everything open when not (Save As cancelled, write failed).
          case 'save':
            return void actions.save().then((saved) => (cmd.closeAfter ? desktop().saveBeforeCloseDone(saved) : undefined));
          case 'save-as': return void actions.save(true);
          case 'export-summary': return void actions.exportSummary();
          case 'undo': return actions.undo();
          case 'redo': return actions.redo();
          case 'open-recent':
            return void desktop().openRecent(cmd.id).then((doc) => doc && openDocument(doc));
          case 'open-document':
            return void openDocument(cmd.document);
        }
      }),
    [],
  );
}

function Toolbar() {
  const project = useWorkspace((s) => s.project);
  const canUndo = useWorkspace((s) => s.past.length > 0);
  const canRedo = useWorkspace((s) => s.future.length > 0);
  const dirty = useWorkspace((s) => s.dirty);
  const hasReport = useWorkspace((s) => s.report !== null);
  const pseudonymize = useWorkspace((s) => s.pseudonymize);
  const [theme, cycleTheme] = useTheme();
  const title = project ? `Fairshare — ${project.name}${dirty ? ' (unsaved changes)' : ''}` : 'Fairshare';
  return (
    <header className="toolbar">
      {/* In narrow windows only the project's name is shown (the app's name gives way), and it shortens with an ellipsis. */}
      <h1 className={`title${project ? ' has-project' : ''}`} title={title}>
        <span className="title-app">Fairshare</span>
        {project && (
          <>
            <span className="title-sep"> — </span>
            <span className="title-doc">{project.name}</span>
            {dirty && <span className="title-dirty" title="Unsaved changes"><span aria-hidden="true">•</span><span className="visually-hidden"> (unsaved changes)</span></span>}
          </>
        )}
      </h1>
      <div className="group" role="toolbar" aria-label="File">
        <button type="button" onClick={() => actions.setView('start')}>Start</button>
        <button type="button" onClick={() => void actions.beginImport('dialog', !!project)} title="Ctrl+I">
          {project ? 'Re-import…' : 'Import…'}
        </button>
        <button type="button" onClick={() => void actions.openProject()} title="Ctrl+O">Open…</button>
        <button type="button" onClick={() => void actions.save()} disabled={!project} title="Ctrl+S">Save</button>
      </div>
      {/* Undo, Redo and Theme keep their names in aria-label; narrow windows show only their icons. */}
      <div className="group" role="toolbar" aria-label="Edit">
        <button type="button" className="tb-compact" onClick={actions.undo} disabled={!canUndo} title="Undo (Ctrl+Z)" aria-label="Undo"><UndoIcon /><span className="tb-text">Undo</span></button>
        <button type="button" className="tb-compact" onClick={actions.redo} disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" aria-label="Redo"><RedoIcon /><span className="tb-text">Redo</span></button>
      </div>
      <div className="group" role="toolbar" aria-label="Export and view">
        <label title="Show people as codes such as P-014 instead of their names, on screen and in exports">
          <input type="checkbox" checked={pseudonymize} onChange={(e) => actions.setPseudonymize(e.target.checked)} /> Pseudonymize
        </label>
        <button type="button" onClick={() => void actions.exportSummary()} disabled={!hasReport}>Export Excel summary…</button>
        <button type="button" className="tb-compact" onClick={cycleTheme} aria-label={`Theme: ${theme}. Change theme`} title={`Theme: ${theme} (click to change)`}>
          <ThemeIcon theme={theme} /><span className="tb-text">Theme: {theme}</span>
        </button>
      </div>
    </header>
  );
}

function Tabs() {
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

function CurrentView() {
  const view = useWorkspace((s) => s.view);
  const project = useWorkspace((s) => s.project);
  if (!project || view === 'start') return <StartView />;
  return (
    <ViewErrorBoundary key={view}>
      <Suspense fallback={<p className="muted" role="status">Loading…</p>}>
        {view === 'jobs' ? <JobsView /> : view === 'tasks' ? <TasksView /> : view === 'charts' ? <ChartsView /> : <OverviewView />}
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

function Overlays() {
  const busy = useWorkspace((s) => s.busy);
  const notice = useWorkspace((s) => s.notice);
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
      {notice && (
        <div className={`notice card ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          <button type="button" onClick={actions.dismissNotice} aria-label="Dismiss">×</button>
        </div>
      )}
    </>
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
      <Overlays />
    </div>
  );
}
