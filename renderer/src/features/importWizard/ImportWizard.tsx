/**
 * The import wizard: how Fairshare read a spreadsheet (layout, each sheet's columns with confidence,
 * units), what it will import (a preview with job scores) and what went wrong (issues), before the
 * user accepts it. Every change re-reads the file in the worker through actions.remapImport.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SavedColumnMapping } from '../../../../electron/ipc/contract';
import type { ExplicitMapping, TimesheetPeriod } from '../../engine/import/types';
import { applyOverrides } from '../../state/reimport';
import { actions, store, useWorkspace, type PendingImport } from '../../state/workspace';
import { Modal } from '../../ui/wizard-modal';
import { loadSavedMappings } from './actions';
import { Issues, severityCounts } from './Issues';
import { LAYOUT_LABELS, SEVERITY_LABELS } from './labels';
import { rememberColumns, toSaved, type SeenColumn } from './mapping';
import { Confidence } from './parts';
import { Preview } from './Preview';
import { SavedMappingControls, SavedMappingOffer } from './SavedMappings';
import { fileSheets } from './savedMatch';
import { ReadSheet, UnitsSection } from './SheetChoices';
import { SheetColumns } from './SheetColumns';
import { TimesheetSection } from './TimesheetSection';
import { OverlapQuestion, ReimportPreview, useOverlap } from './ReimportSection';
import { focusAfterImport, OVERVIEW_HEADING } from './focusAfterImport';
import { CHANGES_HEADING } from './ReimportChanges';
import './importWizard.css';

// One wizard per file read: a new file (same bytes object across re-mappings) starts afresh.
const fileKeys = new WeakMap<Uint8Array, number>();
let nextKey = 0;
function fileKey(bytes: Uint8Array): number {
  let key = fileKeys.get(bytes);
  if (key === undefined) fileKeys.set(bytes, (key = ++nextKey));
  return key;
}

export function ImportWizard() {
  const pending = useWorkspace((s) => s.pending);
  if (!pending) return null;
  return (
    <Modal label="Import a spreadsheet" onCancel={actions.cancelImport} canCancel={() => store.get().busy === null} className="wiz" testId="import-wizard">
      <WizardContent key={fileKey(pending.bytes)} pending={pending} />
    </Modal>
  );
}

function WizardContent({ pending }: { pending: PendingImport }) {
  const { result, mapping, hoursPerFte, fileName, reimport, overlapAccepted = false } = pending;
  const project = useWorkspace((s) => s.project);
  const dirty = useWorkspace((s) => s.dirty);
  const busy = useWorkspace((s) => s.busy !== null);
  const [saved, setSaved] = useState<Record<string, SavedColumnMapping>>({});
  const [applied, setApplied] = useState<{ name: string; missing: string | null } | null>(null);

  // What the importer first made of each column, so a changed column still shows its header and detection.
  const seen = useRef(new Map<string, SeenColumn>());
  const initialMapping = useRef(mapping);
  rememberColumns(seen.current, result.layout, result.issues, mapping, initialMapping.current);

  useEffect(() => {
    let live = true;
    void loadSavedMappings().then((m) => live && setSaved(m));
    return () => {
      live = false;
    };
  }, []);

  // What the latest re-read asked for: a change made while an earlier one is still being read
  // (the keyboard still works under the busy overlay) builds on it rather than on the stale result.
  // The period: undefined while none was chosen in this wizard, null once reset to the weeks found.
  const requested = useRef<{ mapping: ExplicitMapping; hoursPerFte: number; period: TimesheetPeriod | null | undefined }>({ mapping, hoursPerFte, period: pending.period });
  const inFlight = useRef(0);
  if (inFlight.current === 0) requested.current = { mapping, hoursPerFte, period: pending.period };
  const base = requested.current.mapping;
  const reread = (next: ExplicitMapping, hours = requested.current.hoursPerFte, period = requested.current.period) => {
    requested.current = { mapping: next, hoursPerFte: hours, period };
    inFlight.current++;
    void (period === undefined ? actions.remapImport(next, hours) : actions.remapImport(next, hours, period)).finally(() => {
      inFlight.current--;
    });
  };
  const remap = (next: ExplicitMapping) => reread(next);
  // Sheets in use, and ignored ones the user has started to map (given a header row).
  const used = result.layout.sheets.filter((s) => s.role !== 'ignored' || mapping.sheets[s.sheet]);
  const ignored = result.layout.sheets.filter((s) => !used.includes(s));
  const matrices = used.filter((s) => s.role === 'matrix');
  // Time entries are durations: hours in one FTE (the Units section) does not apply to them.
  const timesheetOnly = used.length > 0 && used.every((s) => s.role === 'timesheet');
  const counts = severityCounts(result.issues);
  // Nothing was read (not a spreadsheet, or no sheet with a header): only what can fix it is shown.
  const unreadable = !!result.fatal && used.length === 0;

  const organization = useMemo(() => {
    const org = result.organization;
    if (!org || !reimport || !project) return org;
    return applyOverrides(org, project.ratingsOverrides).organization;
  }, [result.organization, reimport, project]);
  const overlap = useOverlap(reimport, project, result.organization);
  // A re-import of a file whose people are mostly not the project's waits for the user's answer.
  const asking = !!overlap?.low && !overlapAccepted;
  // The layout's confidence is how sure the column headers were read, not whether rows could be used:
  // with a known layout and nothing imported, the header and the message say so together.
  const layoutKnown = result.layout.layout !== 'none';
  const confirm = () => {
    actions.confirmImport();
    if (store.get().pending === null) focusAfterImport(reimport ? CHANGES_HEADING : OVERVIEW_HEADING);
  };
  const scale = (reimport && project?.settings.scale) || organization?.scale || { min: 1, max: 20 };
  const membersRated = Object.keys(project?.ratingsOverrides ?? {}).length;
  const stem = fileName.replace(/\.[^.]+$/, '');
  // Errors and warnings come before the preview, where they are seen.
  const issuesFirst = counts.error + counts.warning > 0;
  const showIssues = () => {
    const heading = document.getElementById('wiz-issues');
    heading?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading?.focus({ preventScroll: true });
  };

  const previewSection = (
    <section className="wiz-section wiz-offscreen" aria-labelledby="wiz-preview">
      <div className="wiz-section-head">
        <h3 id="wiz-preview">Preview</h3>
      </div>
      {organization ? <Preview organization={organization} scale={scale} /> : <p className="muted" data-testid="wizard-preview">Nothing to preview: no people were read.</p>}
    </section>
  );

  const issuesSection = (
    <section className="wiz-section wiz-offscreen" aria-labelledby="wiz-issues">
      <div className="wiz-section-head">
        <h3 id="wiz-issues" tabIndex={-1}>
          Issues{' '}
          <span className="wiz-issue-summary">
            {(['error', 'warning', 'info'] as const)
              .filter((s) => counts[s] > 0)
              .map((s) => `${counts[s]} ${(counts[s] === 1 ? SEVERITY_LABELS[s].one : SEVERITY_LABELS[s].many).toLowerCase()}`)
              .join(' · ')}
          </span>
        </h3>
      </div>
      <Issues issues={result.issues} />
    </section>
  );

  return (
    <>
      <div className="wiz-head">
        <div className="wiz-title">
          <h2>{reimport ? 'Re-import a spreadsheet' : 'Import a spreadsheet'}</h2>
          <p className="wiz-file">
            <span className="wiz-file-name">{fileName}</span>
            {result.format !== 'unknown' && <span className="wiz-format">{result.format.toUpperCase()}</span>}
          </p>
        </div>
        <div className="wiz-layout" data-testid="wizard-layout">
          <span className="wiz-layout-label">Layout</span>
          <strong>{LAYOUT_LABELS[result.layout.layout]}</strong>
          {layoutKnown && !result.fatal && <Confidence value={result.layout.confidence} />}
          {layoutKnown && result.fatal && <span className="wiz-conf-word" data-testid="wizard-layout-nothing">headers read · nothing to import</span>}
        </div>
      </div>

      <div className={`wiz-body${unreadable ? ' wiz-unreadable' : ''}`}>
        {result.fatal && (
          <div className="wiz-fatal" role="alert" data-testid="wizard-fatal">
            <strong>{layoutKnown ? 'The column headers were read, but there is nothing to import.' : 'This file can’t be imported as it is.'}</strong>
            <p>{result.fatal}</p>
            {used.length > 0 && (
              <p className="wiz-hint">
                {counts.error > 0 ? 'The issues below say which cells could not be read; correct them in the file, or check the columns: assigning the right fields may fix it.' : 'Check the columns below: assigning the right fields may fix it.'}
              </p>
            )}
            {result.layout.sheets.length === 0 && <p className="wiz-hint">Fairshare reads .xlsx, .xlsm, .xls, .xlsb, .ods, .csv and .tsv files.</p>}
          </div>
        )}
        {overlap?.low && project && <OverlapQuestion overlap={overlap} project={project.name} accepted={overlapAccepted} />}
        {reimport && project && (
          <p className="wiz-note" data-testid="wizard-reimport">
            Re-importing into <strong>{project.name}</strong>: members’ ratings are kept
            {membersRated > 0 ? ` (${membersRated} ${membersRated === 1 ? 'task' : 'tasks'} rated in Fairshare)` : ''}. Hours and people come from this file.
          </p>
        )}
        {!reimport && project && (
          <p className={`wiz-note${dirty ? ' wiz-note-warning' : ''}`} data-testid="wizard-new-project-note">
            Importing starts a new project; <strong>{project.name}</strong> is closed, not changed.
            {dirty && ' It has unsaved changes: save it first if you want to keep them.'}
          </p>
        )}
        {reimport && project && result.organization && !result.fatal && <ReimportPreview project={project} file={result.organization} />}
        {applied && (
          <p className={`wiz-note${applied.missing ? ' wiz-note-warning' : ''}`} role="status" data-testid="wizard-saved-applied">
            Applied your saved mapping “{applied.name}”.{applied.missing && ` ${applied.missing}; check the columns below.`}
          </p>
        )}
        <SavedMappingOffer
          saved={saved}
          layout={result.layout}
          mapping={base}
          files={fileSheets(result.layout, result.issues, seen.current)}
          onApply={(name, next, missing) => {
            setApplied({ name, missing });
            remap(next);
          }}
        />

        {(!unreadable || ignored.length > 0) && <section className="wiz-section" aria-labelledby="wiz-columns">
          <div className="wiz-section-head">
            <h3 id="wiz-columns">Columns</h3>
            {used.length > 0 && <p className="muted">Check what each column was read as. Change any that are wrong, or choose “Skip” to leave a column out.</p>}
          </div>
          {used.length === 0 ? (
            <p className="muted">No sheet had a header row Fairshare recognized (a row naming people, tasks or roles).</p>
          ) : (
            <div className="wiz-sheets">
              {used.map((report) => (
                <SheetColumns key={report.sheet} report={report} mapping={base} issues={result.issues} seen={seen.current} onRemap={remap} />
              ))}
            </div>
          )}
          {ignored.length > 0 && (
            <details className="wiz-ignored" open={used.length === 0 || undefined}>
              <summary>
                {ignored.length === 1 ? 'One sheet was not used' : `${ignored.length} sheets were not used`}: {ignored.map((s) => `“${s.sheet}”`).join(', ')}
              </summary>
              <p className="muted">To read {ignored.length === 1 ? 'it' : 'one of them'}, give the row that holds its column headers; then choose what its columns hold.</p>
              <ul>
                {ignored.map((s) => (
                  <li key={s.sheet}>
                    <ReadSheet sheet={s.sheet} onRead={(row) => remap({ ...base, sheets: { ...base.sheets, [s.sheet]: { ...base.sheets[s.sheet], headerRow: row } } })} />
                  </li>
                ))}
              </ul>
            </details>
          )}
        </section>}

        {result.timesheet && (
          <TimesheetSection report={result.timesheet} mapping={base} onRemap={remap} onPeriod={(period) => reread(base, undefined, period)} />
        )}

        {!unreadable && !timesheetOnly && <UnitsSection hoursPerFte={hoursPerFte} matrices={matrices} mapping={base} onHours={(h) => reread(base, h)} onRemap={remap} />}

        {unreadable ? (
          result.issues.length > 0 && issuesSection
        ) : issuesFirst ? (
          <>
            {issuesSection}
            {previewSection}
          </>
        ) : (
          <>
            {previewSection}
            {issuesSection}
          </>
        )}
      </div>

      <div className="wiz-foot">
        {used.length === 0 ? <span /> : <SavedMappingControls saved={saved} onSaved={setSaved} suggestedName={stem} current={() => toSaved(result.layout, mapping, seen.current)} />}
        <div className="wiz-actions">
          {counts.error > 0 && !result.fatal && (
            <button type="button" className="wiz-link wiz-error-text" onClick={showIssues}>
              {counts.error} {counts.error === 1 ? 'error' : 'errors'} to look at
            </button>
          )}
          <button type="button" onClick={actions.cancelImport} disabled={busy}>Cancel</button>
          {asking && <span className="wiz-hint" id="wiz-confirm-hint">Answer the question above first.</span>}
          <button type="button" className="primary" onClick={confirm} disabled={!result.organization || !!result.fatal || busy || asking} aria-describedby={asking ? 'wiz-confirm-hint' : undefined} data-testid="wizard-confirm">
            {reimport ? 'Re-import' : 'Import'}
          </button>
        </div>
      </div>
    </>
  );
}
