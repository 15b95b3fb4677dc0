/**
 * Import returned forms (issue 17): several at once (a file input with `multiple` in web mode; in
 * the desktop app one per pick, each pick adding to the forms read), or dropped on the area; the
 * forms read, and every problem with its file, sheet, row and column.
 * Test hooks: rr-import, rr-drop, rr-forms, rr-form-<file>, rr-issues.
 */
import { useRef, useState, type DragEvent } from 'react';
import type { RoundResult } from '../../engine/ratingRound/result';
import type { FormIssue } from '../../engine/ratingRound/types';
import { isElectron, SPREADSHEET_ACCEPT } from '../../platform/desktop';
import { clearForms, removeForm, useRatingRound } from '../../state/ratingRound';
import { dropForms, pickForm, readBrowserFiles } from '../../state/ratingRoundActions';
import { plural } from '../../ui/figure-format';
import { RoundStatus } from './RoundStatus';

/** Problems listed at most (each form already lists at most 200 of its rows'). */
const MAX_SHOWN_ISSUES = 300;

const SEVERITY: Record<FormIssue['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };

function Issues({ issues }: { issues: readonly FormIssue[] }) {
  if (issues.length === 0) return <p className="muted rr-none">No problems found in the forms read.</p>;
  const shown = issues.slice(0, MAX_SHOWN_ISSUES);
  return (
    <details className="rr-issues" open={issues.some((i) => i.severity === 'error')}>
      <summary>
        {plural(issues.length, 'problem')} in the forms ({plural(issues.filter((i) => i.severity === 'error').length, 'error')}): the rest of each form is used
      </summary>
      <div className="rr-table-wrap">
        <table className="rr-table" data-testid="rr-issues">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">File</th>
              <th scope="col">Sheet</th>
              <th scope="col" className="num">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((i, k) => (
              <tr key={k} data-severity={i.severity}>
                <td className={`rr-sev rr-sev-${i.severity}`}>{SEVERITY[i.severity]}</td>
                <td className="rr-file">{i.file}</td>
                <td>{i.sheet ?? '–'}</td>
                <td className="num">{i.row ?? '–'}</td>
                <td>{i.column ?? '–'}</td>
                <td className="rr-message">{i.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {issues.length > shown.length && <p className="muted rr-hint">The first {shown.length} are listed; {issues.length - shown.length} more are not.</p>}
    </details>
  );
}

export function ReturnedForms({ result }: { result: RoundResult | null }) {
  const forms = useRatingRound((s) => s.forms);
  const busy = useRatingRound((s) => s.busy);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const desktopApp = isElectron();
  const used = new Map((result?.forms ?? []).map((f) => [f.file, f]));

  const onDrop = (e: DragEvent) => {
    // Taken here, not by the window's drop (which would open the file as a new project).
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    const files = Array.from(e.dataTransfer.files);
    if (files.length) void dropForms(files);
  };

  return (
    <section className="rr-section" aria-labelledby="rr-in-title">
      <h3 id="rr-in-title">2. Import returned forms</h3>
      <div
        className={`rr-drop${over ? ' rr-drop-over' : ''}`}
        data-testid="rr-drop"
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes('Files')) return;
          e.preventDefault();
          e.stopPropagation();
          e.dataTransfer.dropEffect = 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <button type="button" className={forms.length ? undefined : 'primary'} data-testid="rr-import" disabled={!!busy} onClick={() => (desktopApp ? void pickForm() : input.current?.click())}>
          {desktopApp ? 'Add a returned form…' : 'Import returned forms…'}
        </button>
        <span className="muted">
          {desktopApp ? 'Pick one form at a time (each adds to those read), or drop several forms here.' : 'Choose several forms at once, or drop them here.'} Forms re-saved
          in LibreOffice or Google Sheets read too.
        </span>
        <input
          ref={input}
          type="file"
          multiple
          accept={SPREADSHEET_ACCEPT}
          hidden
          aria-hidden="true"
          tabIndex={-1}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void readBrowserFiles(files);
          }}
        />
      </div>
      <RoundStatus section="import" />
      {forms.length === 0 ? (
        <p className="muted rr-none">No returned form read yet: the spread, agreement and decisions appear once forms are read.</p>
      ) : (
        <>
          <div className="rr-table-wrap rr-fit">
            <table className="rr-table" data-testid="rr-forms">
              <caption>
                {plural(forms.length, 'file')} read, {plural([...used.values()].filter((f) => f.used).length, 'form')} used
              </caption>
              <thead>
                <tr>
                  <th scope="col">File</th>
                  <th scope="col">Form ID</th>
                  <th scope="col">Rater</th>
                  <th scope="col" className="num">Ratings</th>
                  <th scope="col">Used</th>
                  <th scope="col">
                    <span className="visually-hidden">Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {forms.map((f) => {
                  const r = used.get(f.file);
                  return (
                    <tr key={f.file} data-testid={`rr-form-${f.file}`}>
                      <th scope="row" className="rr-file">{f.file}</th>
                      <td>{f.formId ?? '–'}</td>
                      <td>{f.rater ?? (f.raterNumber !== null ? `Anonymous no. ${f.raterNumber}` : '–')}</td>
                      <td className="num">{r?.ratings ?? 0}</td>
                      <td>{r?.used ? 'Yes' : <span className="rr-error">No</span>}</td>
                      <td>
                        <button type="button" className="rr-small" onClick={() => removeForm(f.file)} aria-label={`Remove ${f.file}`}>
                          Remove
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <div className="rr-actions">
            <button type="button" onClick={clearForms} disabled={!!busy}>
              Clear all forms
            </button>
          </div>
          <Issues issues={result?.issues ?? []} />
        </>
      )}
    </section>
  );
}
