// The people of a time-tracking export: weeks with entries of the period's weeks, hours in the period and their weekly average; fewer weeks than the period (days off, part time, joining or leaving during it) are highlighted.
import type { TimesheetReport } from '../../engine/import/types';
import { hoursText } from './timesheetText';

export function TimesheetPeople({ people }: { people: TimesheetReport['people'] }) {
  if (people.length === 0) return <p className="muted">No person has work entries in this period.</p>;
  const fewer = people.filter((p) => p.weeksWithEntries < p.periodWeeks).length;
  return (
    // Scrolls on its own past a dozen people; focusable so the keyboard can scroll it.
    <div className="wiz-ts-people" tabIndex={0} role="region" aria-labelledby="wiz-ts-people-caption">
      <table className="wiz-table" data-testid="timesheet-people">
        <caption id="wiz-ts-people-caption">
          {people.length === 1 ? 'One person' : `${people.length.toLocaleString('en-US')} people`}
          {fewer > 0 && (
            <span className="muted">
              {' '}· {fewer === people.length ? (fewer === 1 ? 'with' : 'all with') : fewer === 1 ? 'one with' : `${fewer.toLocaleString('en-US')} with`} entries in fewer weeks than the period, highlighted
            </span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col" className="num">Weeks with entries</th>
            <th scope="col" className="num">Hours in the period</th>
            <th scope="col" className="num">Weekly average</th>
          </tr>
        </thead>
        <tbody>
          {people.map((p) => {
            const short = p.weeksWithEntries < p.periodWeeks;
            return (
              <tr key={p.name} className={short ? 'wiz-ts-short' : undefined} data-testid={`timesheet-person-${p.name}`}>
                <th scope="row">{p.name}</th>
                <td className="num" data-testid="timesheet-weeks">
                  {p.weeksWithEntries} of {p.periodWeeks}
                  {short && <span className="visually-hidden"> (fewer than the period)</span>}
                </td>
                <td className="num" data-testid="timesheet-hours">{hoursText(p.hours)}</td>
                <td className="num" data-testid="timesheet-weekly">{hoursText(p.weeklyHours)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
