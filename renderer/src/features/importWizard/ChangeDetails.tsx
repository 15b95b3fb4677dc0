/**
 * What a re-import changes, person by person: the edits made in the app that the file overrides
 * (first: they are what is lost), the members' ratings that carry over, people added and removed,
 * details the file gives differently, and each job whose tasks or hours changed. Shown in the wizard
 * before the user confirms (tense "preview") and in the Overview's panel after ("done").
 */
import { useState, type ReactNode } from 'react';
import type { ChangeSummary } from '../../state/reimport';
import { fieldWord, overrideText, taskChangeText, valueText } from './changeText';
import { fmtHours } from '../../ui/figure-format';

const NAMES_SHOWN = 12;
const ROWS_SHOWN = 10;

function Names({ names }: { names: string[] }) {
  const [all, setAll] = useState(false);
  const shown = all || names.length <= NAMES_SHOWN + 3 ? names : names.slice(0, NAMES_SHOWN);
  return (
    <>
      {shown.join(', ')}
      {names.length > shown.length && (
        <>
          {' '}
          <button type="button" className="wiz-link" onClick={() => setAll(true)}>and {names.length - shown.length} more</button>
        </>
      )}
    </>
  );
}

/** The first rows of a long list, with a button naming what the rest are. */
function useFirst<T>(items: T[], what: string): [T[], ReactNode] {
  const [all, setAll] = useState(false);
  const shown = all || items.length <= ROWS_SHOWN + 3 ? items : items.slice(0, ROWS_SHOWN);
  const more = items.length > shown.length ? (
    <button type="button" className="wiz-link" onClick={() => setAll(true)}>Show all {items.length} {what}</button>
  ) : null;
  return [shown, more];
}

function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}

/** One line: "2 people added, 1 removed, hours changed for 3 people, 2 edits made in the app overridden". */
export function describeChanges(c: ChangeSummary): string {
  const lost = c.overridden?.length ?? 0;
  const parts = [
    c.added.length ? `${people(c.added.length)} added` : '',
    c.removed.length ? `${people(c.removed.length)} removed` : '',
    c.hoursChanged.length ? `tasks or hours changed for ${people(c.hoursChanged.length)}` : '',
    c.detailsChanged.length ? `details changed for ${people(c.detailsChanged.length)}` : '',
    lost ? `${lost} ${lost === 1 ? 'edit' : 'edits'} made in the app overridden` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no people added or removed and no hours changed';
}

function Overridden({ changes, tense }: { changes: ChangeSummary; tense: 'preview' | 'done' }) {
  const edits = changes.overridden ?? [];
  const [shown, more] = useFirst(edits, 'edits');
  const title = tense === 'preview' ? 'Edits made in the app that this file overrides' : 'Edits made in the app that the file replaced';
  return (
    <div className={`reimport-overridden${edits.length ? ' has-edits' : ''}`} data-testid="reimport-overridden">
      <h4>{title}</h4>
      {changes.overridden === null ? (
        <p className="muted">
          This project was saved before Fairshare kept a copy of what was last imported, so edits made in the app since then
          (hours, added tasks, roles and departments) can’t be listed. {tense === 'preview' ? 'Hours and people will come from this file.' : 'Hours and people now come from the file.'}
        </p>
      ) : edits.length === 0 ? (
        <p className="muted">None: no hours, tasks or details edited in the app since the last import {tense === 'preview' ? 'are' : 'were'} lost.</p>
      ) : (
        <>
          <ul className="reimport-list">
            {shown.map((e, i) => (
              <li key={i}>
                {e.person && <><strong>{e.person}</strong> · </>}
                {overrideText(e)}
              </li>
            ))}
          </ul>
          {more}
        </>
      )}
    </div>
  );
}

function JobsChanged({ changes }: { changes: ChangeSummary }) {
  const [rows, more] = useFirst(changes.hoursChanged, 'people');
  if (changes.hoursChanged.length === 0) return null;
  return (
    <>
      <table className="wiz-table reimport-hours" data-testid="reimport-hours">
        <caption>Jobs changed (weekly hours)</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col" className="num">Before</th>
            <th scope="col" className="num">After</th>
            <th scope="col" className="num">Change</th>
            <th scope="col">Tasks changed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h, i) => {
            const d = h.after - h.before;
            return (
              <tr key={`${i}-${h.name}`}>
                <th scope="row">{h.name}</th>
                <td className="num">{fmtHours(h.before)}</td>
                <td className="num">{fmtHours(h.after)}</td>
                <td className="num">{Math.abs(d) < 0.005 ? '0' : `${d > 0 ? '+' : '−'}${fmtHours(Math.abs(d))}`}</td>
                <td className="reimport-tasks">{h.tasks.map(taskChangeText).join('; ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {more}
    </>
  );
}

export function ChangeDetails({ changes, tense }: { changes: ChangeSummary; tense: 'preview' | 'done' }) {
  const will = tense === 'preview';
  return (
    <div className="reimport-details">
      <Overridden changes={changes} tense={tense} />
      <ul className="reimport-list">
        <li data-testid="reimport-ratings">
          <strong>Members’ ratings:</strong>{' '}
          {changes.ratingsKept === 0
            ? <span className="muted">none to keep</span>
            : `${changes.ratingsKept} ${changes.ratingsKept === 1 ? 'task' : 'tasks'} rated in Fairshare ${will ? 'carry' : 'carried'} over (not lost; matched by task name)`}
        </li>
        <li data-testid="reimport-added">
          <strong>Added:</strong> {changes.added.length ? <Names names={changes.added} /> : <span className="muted">nobody</span>}
        </li>
        <li data-testid="reimport-removed">
          <strong>Removed:</strong> {changes.removed.length ? <Names names={changes.removed} /> : <span className="muted">nobody</span>}
        </li>
        {changes.detailsChanged.length > 0 && (
          <li data-testid="reimport-details">
            <strong>Details the file gives differently:</strong>{' '}
            {changes.detailsChanged
              .map((d) => `${d.name}: ${d.fields.map((f) => `${fieldWord(f.field)} ${valueText(f.before)} → ${valueText(f.after)}`).join(', ')}`)
              .join('; ')}
          </li>
        )}
      </ul>
      <JobsChanged changes={changes} />
    </div>
  );
}
