/**
 * Who holds one qualification a task requires: a one-click choice of the people who do the task
 * now, then a searchable checklist of everyone (the task's current doers first, most hours first,
 * then the holders, then the others by name). Every change goes through the store (undoable).
 * Test hooks: qualify-holders, qualify-held-count, qualify-doers, qualify-search, qualify-person, qualify-more.
 */
import { useId, useMemo, useState } from 'react';
import type { Organization, Task } from '../../engine/model/types';
import { qualificationKey } from '../../state/edits';
import { actions } from '../../state/workspace';
import { fmtCount, fmtHours, plural } from '../../ui/figure-format';

/** Rows shown before a search narrows the list (an organization may have thousands of people). */
export const SHOWN_PEOPLE = 50;

export interface HolderRow {
  id: string;
  name: string;
  detail: string;
  /** Weekly hours on the task now; 0 when the person does not do it. */
  hours: number;
  holds: boolean;
}

/**
 * Everyone, with their hours on the task and whether they hold the qualification: doers first (most
 * hours), then holders, then the rest by name. `names` are the names to show, by person (the
 * report's, pseudonyms when pseudonymizing); absent, the organization's.
 */
export function holderRows(org: Organization, task: Task, qualification: string, names?: readonly string[]): HolderRow[] {
  const key = qualificationKey(qualification);
  const hours = new Map<string, number>();
  for (const a of org.assignments) if (a.taskId === task.id && a.hours > 0) hours.set(a.personId, (hours.get(a.personId) ?? 0) + a.hours);
  const rows = org.people.map((p, i) => ({
    id: p.id,
    name: names?.[i] ?? p.name,
    detail: [p.role, p.department].filter(Boolean).join(' · '),
    hours: hours.get(p.id) ?? 0,
    holds: p.qualifications.some((q) => qualificationKey(q) === key),
  }));
  const rank = (r: HolderRow) => (r.hours > 0 ? 0 : r.holds ? 1 : 2);
  return rows.sort((a, b) => rank(a) - rank(b) || b.hours - a.hours || a.name.localeCompare(b.name));
}

/** "Give it to the 3 people who do this task now" (or "the 1 other person who does…" when some already hold it). */
export function doersText(n: number, others: boolean): string {
  return `Give it to the ${plural(n, others ? 'other person' : 'person', others ? 'others' : 'people')} who ${n === 1 ? 'does' : 'do'} this task now`;
}

export function QualificationHolders({ org, task, qualification, names }: { org: Organization; task: Task; qualification: string; names?: readonly string[] }) {
  const [search, setSearch] = useState('');
  const helpId = useId();
  const rows = useMemo(() => holderRows(org, task, qualification, names), [org, task, qualification, names]);
  const held = rows.filter((r) => r.holds).length;
  const doersMissing = rows.filter((r) => r.hours > 0 && !r.holds);
  const doers = rows.filter((r) => r.hours > 0).length;
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const matching = words.length ? rows.filter((r) => words.every((w) => `${r.name} ${r.detail}`.toLowerCase().includes(w))) : rows;
  const shown = matching.slice(0, SHOWN_PEOPLE);

  return (
    <fieldset className="factors-group qualify-holders" data-testid="qualify-holders" data-qualification={qualification}>
      <legend>Who holds “{qualification}”</legend>
      <p className="qualify-count" data-testid="qualify-held-count" aria-live="polite">
        Held by {fmtCount(held)} of {plural(rows.length, 'person', 'people')}.
        {held === 0 && <span className="qualify-warning"> No one can be given new hours on this task until someone holds it.</span>}
      </p>
      {doers > 0 &&
        (doersMissing.length ? (
          <button type="button" className="qualify-doers" data-testid="qualify-doers" onClick={() => actions.setQualificationFor(doersMissing.map((r) => r.id), qualification, true)}>
            {doersText(doersMissing.length, doersMissing.length < doers)}
          </button>
        ) : (
          <p className="muted qualify-note">Everyone who does this task now holds it.</p>
        ))}
      <label className="qualify-search">
        <span>Find a person</span>
        <input type="search" value={search} placeholder="Name, role or department" data-testid="qualify-search" aria-describedby={helpId} onChange={(e) => setSearch(e.target.value)} />
      </label>
      <ul className="qualify-people" aria-label={`People who may hold ${qualification}`}>
        {shown.map((r) => (
          <li key={r.id} className={r.holds ? 'held' : undefined}>
            <label data-testid="qualify-person" data-person-id={r.id}>
              <input type="checkbox" checked={r.holds} onChange={(e) => actions.setQualification(r.id, qualification, e.target.checked)} />
              <span className="qualify-name">
                {r.name}
                <small className="muted">
                  {[r.detail, r.hours > 0 ? `does it now, ${fmtHours(r.hours)} h a week` : ''].filter(Boolean).join(' · ') || '\u00a0'}
                </small>
              </span>
            </label>
          </li>
        ))}
        {matching.length === 0 && <li className="muted">No one matches “{search}”.</li>}
      </ul>
      <p id={helpId} className="muted qualify-note" data-testid="qualify-more">
        {matching.length > shown.length ? `${fmtCount(matching.length - shown.length)} more: type a name, role or department to find them.` : 'Tick a person to give them the qualification; untick to take it away.'}
      </p>
    </fieldset>
  );
}
