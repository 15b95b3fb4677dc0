// After a re-import: what changed (people added and removed, hours changed, ratings kept), until dismissed.
import { useId, useState } from 'react';
import { store, useWorkspace } from '../../state/workspace';
import type { ChangeSummary } from '../../state/reimport';
import { formatNumber } from './labels';
import './importWizard.css';

const NAMES_SHOWN = 12;
const HOURS_SHOWN = 10;

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

function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}

export function describeChanges(c: ChangeSummary): string {
  const parts = [
    c.added.length ? `${people(c.added.length)} added` : '',
    c.removed.length ? `${people(c.removed.length)} removed` : '',
    c.hoursChanged.length ? `hours changed for ${people(c.hoursChanged.length)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'no people added or removed and no hours changed';
}

export function ReimportChanges() {
  const changes = useWorkspace((s) => s.changes);
  const project = useWorkspace((s) => s.project?.name ?? null);
  const source = useWorkspace((s) => s.project?.sourceFiles.at(-1)?.name ?? null);
  const [allHours, setAllHours] = useState(false);
  const headingId = useId();
  if (!changes) return null;
  const hours = allHours ? changes.hoursChanged : changes.hoursChanged.slice(0, HOURS_SHOWN);
  return (
    <section className="reimport-changes card" aria-labelledby={headingId} data-testid="reimport-changes">
      <div className="reimport-head">
        <div>
          <h2 id={headingId}>What changed in the re-import</h2>
          <p className="muted">
            {source ? `${source} into ${project ?? 'the project'}: ` : ''}
            {describeChanges(changes)}.
          </p>
        </div>
        <button type="button" onClick={() => store.set({ changes: null })} aria-label="Dismiss what changed">Dismiss</button>
      </div>
      <ul className="reimport-list">
        <li data-testid="reimport-added">
          <strong>Added:</strong> {changes.added.length ? <Names names={changes.added} /> : <span className="muted">nobody</span>}
        </li>
        <li data-testid="reimport-removed">
          <strong>Removed:</strong> {changes.removed.length ? <Names names={changes.removed} /> : <span className="muted">nobody</span>}
        </li>
        <li data-testid="reimport-ratings">
          <strong>Ratings kept:</strong> {changes.ratingsKept === 0 ? <span className="muted">no members’ ratings to keep</span> : `members’ ratings of ${changes.ratingsKept} ${changes.ratingsKept === 1 ? 'task' : 'tasks'}`}
        </li>
      </ul>
      {changes.hoursChanged.length > 0 && (
        <table className="wiz-table reimport-hours" data-testid="reimport-hours">
          <caption>Weekly hours changed</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col" className="num">Before</th>
              <th scope="col" className="num">After</th>
              <th scope="col" className="num">Change</th>
            </tr>
          </thead>
          <tbody>
            {hours.map((h, i) => {
              const d = h.after - h.before;
              return (
                <tr key={`${i}-${h.name}`}>
                  <th scope="row">{h.name}</th>
                  <td className="num">{formatNumber(h.before)}</td>
                  <td className="num">{formatNumber(h.after)}</td>
                  <td className="num">{d > 0 ? '+' : '−'}{formatNumber(Math.abs(d))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {changes.hoursChanged.length > hours.length && (
        <button type="button" className="wiz-link" onClick={() => setAllHours(true)}>
          Show all {changes.hoursChanged.length}
        </button>
      )}
    </section>
  );
}
