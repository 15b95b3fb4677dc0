/**
 * The kept scenarios as a table: compare checkbox (up to four), name with rename, when kept, what it
 * was planned for, hours it moved, and open / apply (with a confirmation) / delete. Test hooks:
 * scenario-row (data-id), scenario-compare, scenario-rename, scenario-rename-input, scenario-open,
 * scenario-apply, scenario-apply-confirm, scenario-delete, scenario-list-message.
 */
import { useState, type FormEvent } from 'react';
import { MAX_COMPARED, MAX_SCENARIO_NAME, type Scenario } from '../../engine/scenarios';
import { applyScenarioById, deleteScenario, renameScenario, reopenScenario, toggleCompare } from '../../state/scenarios';
import { fmtHours } from '../../ui/figure-format';
import { fmtTolerance } from '../proposal/proposalCharts';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** "±0.95 points, empowerment and desirability, 0.5 h blocks". */
export function plannedFor(s: Scenario): string {
  const t = s.settings;
  const blocks = t.granularity > 0 ? `${fmtHours(t.granularity)} h blocks` : 'exact hours';
  return `±${fmtTolerance(t.tolerance)} points, ${t.desirability ? 'empowerment and desirability' : 'empowerment only'}, ${blocks}`;
}

function RenameForm({ scenario, onDone }: { scenario: Scenario; onDone: (message: string | null) => void }) {
  const [name, setName] = useState(scenario.name);
  const [error, setError] = useState<string | null>(null);
  function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = renameScenario(scenario.id, name);
    if (e) setError(e);
    else onDone(null);
  }
  return (
    <form className="scenario-rename" onSubmit={submit} onKeyDown={(e) => { if (e.key === 'Escape') onDone(null); }}>
      <label className="visually-hidden" htmlFor={`rename-${scenario.id}`}>New name for {scenario.name}</label>
      <input id={`rename-${scenario.id}`} data-testid="scenario-rename-input" value={name} maxLength={MAX_SCENARIO_NAME} autoFocus onChange={(e) => { setName(e.target.value); setError(null); }} />
      <button type="submit">Save</button>
      <button type="button" onClick={() => onDone(null)}>Cancel</button>
      {error && <span className="scenario-error" role="alert">{error}</span>}
    </form>
  );
}

export function ScenarioList({ scenarios, compare }: { scenarios: readonly Scenario[]; compare: readonly string[] }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const full = compare.length >= MAX_COMPARED;
  return (
    <>
      <div className="scenario-table-wrap" role="region" aria-label="Kept scenarios" tabIndex={0}>
        <table className="scenario-table">
          <caption className="visually-hidden">Kept scenarios: compare up to {MAX_COMPARED} with the organization as it is now</caption>
          <thead>
            <tr><th scope="col">Compare</th><th scope="col">Scenario</th><th scope="col">Kept</th><th scope="col">Planned for</th><th scope="col" className="num">Hours moved <span className="compare-unit">(h a week)</span></th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {scenarios.map((s) => {
              const compared = compare.includes(s.id);
              return (
                <tr key={s.id} data-testid="scenario-row" data-id={s.id}>
                  <td>
                    <input type="checkbox" data-testid="scenario-compare" checked={compared} disabled={!compared && full} aria-label={`Compare ${s.name}`}
                      title={!compared && full ? `At most ${MAX_COMPARED} scenarios are compared at once` : undefined} onChange={() => toggleCompare(s.id)} />
                  </td>
                  <td className="scenario-name">
                    {renaming === s.id ? <RenameForm scenario={s} onDone={() => setRenaming(null)} /> : s.name}
                  </td>
                  <td>{when.format(new Date(s.createdAt))}</td>
                  <td>{plannedFor(s)}</td>
                  <td className="num">{fmtHours(s.summary.movedHours)}</td>
                  <td className="scenario-actions">
                    {confirming === s.id ? (
                      <span className="scenario-confirm" role="group" aria-label={`Apply ${s.name}?`}>
                        <span>Replace every job with this plan? Undo brings them back.</span>
                        <button type="button" className="primary" data-testid="scenario-apply-confirm" onClick={() => {
                          setConfirming(null);
                          const error = applyScenarioById(s.id);
                          setMessage(error ?? `Applied “${s.name}”: the organization’s jobs are now this plan’s.`);
                        }}>Apply</button>
                        <button type="button" onClick={() => setConfirming(null)}>Cancel</button>
                      </span>
                    ) : (
                      <>
                        <button type="button" data-testid="scenario-open" onClick={() => void reopenScenario(s.id)} aria-label={`Open ${s.name} in the proposal`}>Open</button>
                        <button type="button" data-testid="scenario-apply" onClick={() => setConfirming(s.id)} aria-label={`Apply ${s.name} to the organization…`}>Apply…</button>
                        <button type="button" data-testid="scenario-rename" onClick={() => setRenaming(s.id)} aria-label={`Rename ${s.name}`}>Rename</button>
                        <button type="button" data-testid="scenario-delete" onClick={() => { deleteScenario(s.id); setMessage(`Deleted “${s.name}”; undo brings it back.`); }} aria-label={`Delete ${s.name}`}>Delete</button>
                      </>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted scenario-list-message" data-testid="scenario-list-message" role="status">{message}</p>
    </>
  );
}
