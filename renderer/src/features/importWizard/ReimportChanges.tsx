/**
 * After a re-import, on the Overview: what changed, shown in full once (until dismissed or the user
 * moves to another view), then as a "Last re-import: what changed" button that opens it again, until
 * the next import or project, and only while that re-import is in effect (undone, it is hidden).
 */
import { useEffect } from 'react';
import { actions, shownChanges, useWorkspace } from '../../state/workspace';
import { ChangeDetails, describeChanges } from './ChangeDetails';
import './importWizard.css';

/** The panel's heading: focus goes here after a re-import (see focusAfterImport.ts). */
const CHANGES_HEADING_ID = 'reimport-changes-title';
export const CHANGES_HEADING = `#${CHANGES_HEADING_ID}`;

/** Showing or hiding removes the button pressed: focus goes to what replaces it. */
function toggle(open: boolean): void {
  actions.showChanges(open);
  requestAnimationFrame(() => document.querySelector<HTMLElement>(open ? CHANGES_HEADING : '[data-testid="reimport-reopen"]')?.focus());
}

export function ReimportChanges() {
  const changes = useWorkspace(shownChanges);
  const open = useWorkspace((s) => s.changesOpen);
  const onOverview = useWorkspace((s) => s.view === 'overview' && s.project !== null);
  const project = useWorkspace((s) => s.project?.name ?? null);
  const source = useWorkspace((s) => s.project?.sourceFiles.at(-1)?.name ?? null);

  // Shown once: leaving the Overview folds it into the button.
  useEffect(() => {
    if (!onOverview && open) actions.showChanges(false);
  }, [onOverview, open]);

  if (!changes || !onOverview) return null;
  if (!open) {
    return (
      <p className="reimport-reopen">
        <button type="button" className="wiz-link" onClick={() => toggle(true)} data-testid="reimport-reopen">
          Last re-import{source ? ` (${source})` : ''}: what changed
        </button>
      </p>
    );
  }
  return (
    <section id="reimport-changes" className="reimport-changes card" aria-labelledby={CHANGES_HEADING_ID} data-testid="reimport-changes">
      <div className="reimport-head">
        <div>
          <h2 id={CHANGES_HEADING_ID} tabIndex={-1}>What changed in the re-import</h2>
          <p className="muted">
            {source ? `${source} into ${project ?? 'the project'}: ` : ''}
            {describeChanges(changes)}.
          </p>
        </div>
        <button type="button" onClick={() => toggle(false)} aria-label="Hide what changed in the re-import">Hide</button>
      </div>
      <ChangeDetails changes={changes} tense="done" />
    </section>
  );
}
