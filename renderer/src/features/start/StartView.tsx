/**
 * The start screen: open the sample organization, import a spreadsheet or open a project, reopen a
 * recent one, save a blank template to fill in, and a short account of what Fairshare does and
 * which files it reads.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { RecentDocument } from '../../../../electron/ipc/contract';
import { desktop, isElectron } from '../../platform/desktop';
import { actions, useWorkspace } from '../../state/workspace';
import { openRecentDocument } from '../importWizard/actions';
import { Templates } from './Templates';
import './start.css';

function Action({ testId, title, description, onClick, primary, icon }: { testId: string; title: string; description: string; onClick: () => void; primary?: boolean; icon: ReactNode }) {
  const id = useId();
  // The button names the action; the whole card is its click target (see .start-action-button::after).
  return (
    <li className={`start-action${primary ? ' start-action-primary' : ''}`}>
      <span className="start-action-icon" aria-hidden="true">{icon}</span>
      <span className="start-action-text">
        <button type="button" className="start-action-button" data-testid={testId} onClick={onClick} aria-describedby={id}>
          {title}
        </button>
        <span id={id} className="start-action-desc">{description}</span>
      </span>
    </li>
  );
}

// Simple line icons drawn in currentColor, so they follow the theme.
const icons = {
  sample: (
    <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <circle cx="8" cy="8" r="3" /><circle cx="17" cy="9" r="2.5" /><path d="M2.5 20c.6-3.4 2.8-5.5 5.5-5.5s4.9 2.1 5.5 5.5" /><path d="M14 15.2c.9-.8 1.9-1.2 3-1.2 2.3 0 4 1.8 4.5 4.8" />
    </svg>
  ),
  spreadsheet: (
    <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <rect x="3.5" y="3.5" width="17" height="17" rx="2" /><path d="M3.5 9h17M3.5 14.5h17M9.5 3.5v17" />
    </svg>
  ),
  project: (
    <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      <path d="M3.5 7.5V18a1.5 1.5 0 0 0 1.5 1.5h14a1.5 1.5 0 0 0 1.5-1.5V9a1.5 1.5 0 0 0-1.5-1.5h-7L10 5H5a1.5 1.5 0 0 0-1.5 1.5z" />
    </svg>
  ),
};

function RecentProjects() {
  const [recent, setRecent] = useState<RecentDocument[] | null>(null);
  const load = () =>
    desktop()
      .listRecent()
      .then(setRecent, () => setRecent([]));
  useEffect(() => {
    void load();
  }, []);
  const headingId = useId();
  return (
    <section className="start-panel" aria-labelledby={headingId} data-testid="start-recent">
      <h2 id={headingId}>Recent projects</h2>
      {recent === null ? (
        <p className="muted">Loading…</p>
      ) : recent.length === 0 ? (
        <p className="muted">
          {isElectron()
            ? 'Projects you open or save appear here.'
            : 'In the browser, Fairshare can’t reopen files by itself: use “Open a project…” and choose the .fairshare file.'}
        </p>
      ) : (
        <ul className="start-recent">
          {recent.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className="start-recent-item"
                onClick={() => void openRecentDocument(r.id, r.name).then((ok) => { if (!ok) void load(); })}
              >
                <span className="start-recent-name">{r.name}</span>
                <span className="start-recent-kind">{r.kind === 'project' ? 'Project' : 'Spreadsheet'}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function StartView() {
  const project = useWorkspace((s) => s.project);
  return (
    <div className="start" data-testid="start-view">
      <div className="start-hero">
        <h1>Fairshare</h1>
        <p className="start-lede">
          See how your organization divides its work: who holds the empowering tasks, who is left with the
          rote and unpleasant ones, and how far each job is from a fair share.
        </p>
      </div>

      {project && (
        <p className="start-current">
          <span>
            <strong>{project.name}</strong> is open.
          </span>
          <button type="button" onClick={() => actions.setView('overview')}>Back to the overview</button>
        </p>
      )}

      <section aria-labelledby="start-begin">
        <h2 id="start-begin" className="visually-hidden">Begin</h2>
        <ul className="start-actions">
          <Action
            testId="start-sample"
            primary={!project}
            icon={icons.sample}
            title="Open the sample organization"
            description="A fictional tenants’ alliance of 40 staff with rated tasks: the quickest way to see what Fairshare shows."
            onClick={() => void actions.beginImport('organization')}
          />
          <Action
            testId="start-import"
            icon={icons.spreadsheet}
            title="Import a spreadsheet…"
            description="Your roster and who does which tasks for how many hours. You check how it was read before anything is imported."
            onClick={() => void actions.beginImport('dialog')}
          />
          <Action
            testId="start-open"
            icon={icons.project}
            title="Open a project…"
            description="A .fairshare file saved earlier, with your members’ ratings and settings."
            onClick={() => void actions.openProject()}
          />
        </ul>
      </section>

      <Templates />

      <div className="start-columns">
        <RecentProjects />
        <section className="start-panel" aria-labelledby="start-how">
          <h2 id="start-how">How it works</h2>
          <ol className="start-steps">
            <li>
              <strong>Import</strong> who does which task, and for how many hours a week.
            </li>
            <li>
              <strong>Rate</strong> each task for empowerment (E) and desirability (D), 1–20. Ratings in the file are used;
              others are suggested until your members rate them.
            </li>
            <li>
              <strong>See</strong> every job’s scores, how concentrated the empowering work is, and who does the least
              desirable hours — then export an Excel summary.
            </li>
          </ol>
        </section>
        <section className="start-panel" aria-labelledby="start-files">
          <h2 id="start-files">Files it reads</h2>
          <ul className="start-files">
            <li>
              <strong>Excel and others:</strong> .xlsx, .xlsm, .xls, .xlsb, .ods, and .csv or .tsv (comma, semicolon or tab).
            </li>
            <li>
              <strong>Any common layout:</strong> one row per person and task; a grid of tasks by people in hours or % of
              time; a roster and a task list on separate sheets; or roles with headcounts.
            </li>
            <li>
              <strong>Your own headers:</strong> “Staff member”, “Position”, “Team”, “Hrs/wk”… are recognized, and you
              can correct any column.
            </li>
          </ul>
          <p className="muted start-private">Everything stays on this computer.</p>
        </section>
      </div>
    </div>
  );
}
