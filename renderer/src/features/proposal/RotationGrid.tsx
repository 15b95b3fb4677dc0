/**
 * The chore rotation as a grid: weeks across, people down, each cell that week's chores
 * (abbreviated, the full names and hours in its tooltip), then each person's chore hours over the
 * rotation against their fair share; chores that do not rotate and the rotation's notes below
 * (the host gives the heading).
 * Test hooks: rotation-grid, rotation-row (data-person), rotation-cell (data-week), rotation-hours,
 * rotation-fair (data-value), rotation-more.
 */
import { useMemo, useState } from 'react';
import type { RotationReport } from '../../engine/rotation/rotationReport';
import { fmtCount, fmtHours, plural } from '../../ui/figure-format';
import { choreAbbreviations, rotationRows } from './resultsData';
import './results.css';

/** People shown at first and added by each "Show more" (weeks × thousands of people is too many cells to draw at once). */
export const ROTATION_PAGE = 60;

/** Hours with their sign ("+2.18", "−0.5", "0"). */
const signedHours = (x: number) => (Math.abs(x) < 0.005 ? '0' : `${x > 0 ? '+' : '−'}${fmtHours(Math.abs(x))}`);

export function RotationGrid({ rotation }: { rotation: RotationReport }) {
  const rows = useMemo(() => rotationRows(rotation), [rotation]);
  const abbr = useMemo(() => choreAbbreviations(rotation.chores.map((c) => c.task)), [rotation]);
  const [limit, setLimit] = useState(ROTATION_PAGE);
  const weeks = Array.from({ length: rotation.weeks }, (_, i) => i + 1);
  const visible = rows.slice(0, limit);
  const more = Math.min(ROTATION_PAGE, rows.length - visible.length);
  const short = (t: string) => abbr.get(t) ?? t;

  return (
    <div className="rotation">
      <p>
        {plural(rotation.chores.length, 'chore')} {rotation.chores.length === 1 ? 'rotates' : 'rotate'} over {plural(rotation.weeks, 'week')}, each person’s fair share proportional to their
        weekly hours; {rotation.repeats === 0 ? 'no one does the same chore two weeks running' : `someone does the same chore two weeks running ${plural(rotation.repeats, 'time')}`}.
      </p>
      <ul className="rotation-legend" aria-label="Chores">
        {rotation.chores.map((c) => (
          <li key={c.task}>
            <abbr title={c.task} className="rotation-abbr">{short(c.task)}</abbr> {c.task}: {fmtHours(c.weeklyHours)} h a week
            {c.slotsPerWeek > 1 ? ` in ${c.slotsPerWeek} slots of ${fmtHours(c.slotHours)} h` : ''}
          </li>
        ))}
      </ul>
      <div className="rotation-scroll" tabIndex={0} role="region" aria-label="Chore rotation, weeks across and people down">
        <table className="rotation-grid" data-testid="rotation-grid">
          <caption className="visually-hidden">Each person’s chores week by week, then their chore hours over all weeks against their fair share</caption>
          <thead>
            <tr>
              <th scope="col" className="rotation-person">Person</th>
              {weeks.map((w) => <th key={w} scope="col" className="rotation-week" title={`Week ${w}`}><span aria-hidden="true">W</span><span className="visually-hidden">Week </span>{w}</th>)}
              <th scope="col" className="num" title={`Chore hours over all ${rotation.weeks} weeks`}>Chore hours</th>
              <th scope="col" className="num" title="Fair share of the chore hours, proportional to weekly hours">Fair share</th>
              <th scope="col" className="num" title="Chore hours minus fair share">Difference</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((r) => (
              <tr key={r.person} data-testid="rotation-row" data-person={r.person}>
                <th scope="row" className="rotation-person" title={r.person}>{r.person}</th>
                {r.weeks.map((cell, i) => (
                  <td key={i} data-testid="rotation-cell" data-week={i + 1} className={cell.length ? 'rotation-cell busy' : 'rotation-cell'}
                    title={cell.length ? `Week ${i + 1}: ${cell.map((c) => `${c.task} (${fmtHours(c.hours)} h)`).join('; ')}` : undefined}>
                    {cell.map((c, k) => <span key={k} className="rotation-chip">{short(c.task)}</span>)}
                    {cell.length > 0 && <span className="visually-hidden">{cell.map((c) => `${c.task}, ${fmtHours(c.hours)} h`).join('; ')}</span>}
                  </td>
                ))}
                <td className="num" data-testid="rotation-hours" data-value={r.choreHours}>{fmtHours(r.choreHours)} h</td>
                <td className="num" data-testid="rotation-fair" data-value={r.fairShare}>{fmtHours(r.fairShare)} h</td>
                <td className="num">{signedHours(r.difference)} h</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && (
        <div className="results-more">
          <span className="muted">Showing {fmtCount(visible.length)} of {plural(rows.length, 'person', 'people')}</span>
          <button type="button" data-testid="rotation-more" onClick={() => setLimit((l) => l + ROTATION_PAGE)}>Show {fmtCount(more)} more</button>
        </div>
      )}
      {(rotation.notRotated.length > 0 || rotation.notes.length > 0) && (
        <ul className="rotation-notes" data-testid="rotation-notes">
          {rotation.notRotated.map((n) => <li key={`not-${n.task}`}><strong>{n.task}</strong> does not rotate: {n.why}.</li>)}
          {rotation.notes.map((n, i) => <li key={i}>{n}</li>)}
        </ul>
      )}
    </div>
  );
}
