// The toolbar: file commands, undo and redo, pseudonymize, export and theme.
import { actions, useWorkspace } from '../state/workspace';
import { useTheme } from '../ui/useTheme';
import { RedoIcon, ThemeIcon, UndoIcon } from '../ui/toolbarIcons';
import { SingletonDialog } from '../features/exports/SingletonDialog';
import './toolbarFile.css';

export function Toolbar() {
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
        {/* Importing a new organization never touches the open project; re-importing updates it, asking first when the file's people are not its own. */}
        {project ? (
          <>
            {/* Narrower windows show shorter words (the accessible name keeps the whole command), so the project's name and the other groups still fit. */}
            <button type="button" onClick={() => void actions.beginImport('dialog')} aria-label="Import new organization…" title="Import a spreadsheet as a new project; the open one is not changed (Ctrl+I)">
              <span className="tb-long" aria-hidden="true">Import new organization…</span>
              <span className="tb-mid" aria-hidden="true">New organization…</span>
              <span className="tb-narrow" aria-hidden="true">Import new…</span>
            </button>
            <button type="button" onClick={() => void actions.beginImport('dialog', true)} aria-label="Re-import into this project…" title={`Read an updated spreadsheet into ${project.name}; members’ ratings are kept`}>
              <span className="tb-long" aria-hidden="true">Re-import into this project…</span>
              <span className="tb-short" aria-hidden="true">Re-import…</span>
            </button>
          </>
        ) : (
          <button type="button" onClick={() => void actions.beginImport('dialog')} title="Ctrl+I">Import…</button>
        )}
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
        {/* Shorter words in narrower windows leave the project's name room; the full name stays the button's accessible name. */}
        <button type="button" onClick={() => void actions.exportSummary()} disabled={!hasReport} aria-label="Export Excel summary…" title="Export the audit as an Excel workbook">
          <span className="tb-long" aria-hidden="true">Export Excel summary…</span>
          <span className="tb-mid" aria-hidden="true">Export Excel…</span>
          <span className="tb-narrow" aria-hidden="true">Export…</span>
        </button>
        <SingletonDialog />
        <button type="button" className="tb-compact" onClick={cycleTheme} aria-label={`Theme: ${theme}. Change theme`} title={`Theme: ${theme} (click to change)`}>
          <ThemeIcon theme={theme} /><span className="tb-text">Theme: {theme}</span>
        </button>
      </div>
    </header>
  );
}
