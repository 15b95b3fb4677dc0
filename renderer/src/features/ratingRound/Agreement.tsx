/**
 * How far the members agree (issue 17): Krippendorff's alpha per dimension with its reading, the
 * hours resting on contested ratings, and who rates how (medians by rater group: the coordinator
 * cluster vs everyone else, by department). Test hooks: rr-alpha-<dimension>, rr-contested-hours, rr-groups.
 */
import type { Organization } from '../../engine/model/types';
import type { GroupMedians, RoundResult } from '../../engine/ratingRound/result';
import { DIMENSION_LABEL, fmtPoints, roundContestedHours } from '../../state/ratingRoundFigures';
import { fmtHours, fmtPct, plural } from '../../ui/figure-format';

const DIMENSIONS = ['empowerment', 'desirability'] as const;

function signed(x: number | null): string {
  if (x === null) return '–';
  const t = fmtPoints(Math.abs(x));
  return t === '0' ? '0' : x > 0 ? `+${t}` : `−${t}`;
}

function GroupTable({ g }: { g: GroupMedians }) {
  return (
    <div className="rr-table-wrap rr-fit">
      <table className="rr-table rr-groups-table">
        <caption>
          {DIMENSION_LABEL[g.dimension]}, {g.by === 'coordinator' ? 'the coordinator cluster vs everyone else' : 'by department'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col" className="num">Raters</th>
            <th scope="col" className="num">Tasks rated</th>
            <th scope="col" className="num">
              Median <span className="rr-unit">(points)</span>
            </th>
            <th scope="col" className="num">
              Gap to the others <span className="rr-unit">(points, same tasks)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {g.groups.map((r) => (
            <tr key={r.name}>
              <th scope="row">{r.name}</th>
              <td className="num">{r.raters}</td>
              <td className="num">{r.tasks}</td>
              <td className="num">{fmtPoints(r.median)}</td>
              <td className="num" title={`Median over ${plural(r.sharedTasks, 'task')} both this group and the others rated`}>
                {signed(r.gap)} <span className="rr-unit">({plural(r.sharedTasks, 'task')})</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Agreement({ result, org }: { result: RoundResult; org: Organization }) {
  const hours = roundContestedHours(org, result);
  const groups = result.groups.filter((g) => g.groups.length > 1);
  return (
    <section className="rr-section" aria-labelledby="rr-agree-title">
      <h3 id="rr-agree-title">Agreement</h3>
      <dl className="rr-figures">
        {DIMENSIONS.map((d) => {
          const reading = result.alphaReading[d];
          return (
            <div key={d} className={`rr-figure rr-alpha-${reading.level}`} data-testid={`rr-alpha-${d}`} data-value={reading.alpha ?? ''}>
              <dt>{DIMENSION_LABEL[d]}: Krippendorff’s alpha</dt>
              <dd>
                <span className="rr-figure-value">{reading.alpha === null ? '–' : reading.alpha.toFixed(3)}</span>
                <span className="rr-figure-text">
                  {reading.text} <span className="muted">({plural(reading.units, 'task')} rated by two or more)</span>
                </span>
              </dd>
            </div>
          );
        })}
        <div className="rr-figure" data-testid="rr-contested-hours" data-value={hours.hours}>
          <dt>Hours resting on contested ratings</dt>
          <dd>
            <span className="rr-figure-value">
              {fmtHours(hours.hours)} <span className="rr-unit">h a week</span>
            </span>
            <span className="rr-figure-text">
              {fmtPct(hours.share)} of all assigned hours, on {plural(hours.tasks, 'contested task')}.
            </span>
          </dd>
        </div>
      </dl>
      <h4>Who rates how</h4>
      {groups.length === 0 ? (
        <p className="muted rr-none">No rater groups to compare: named forms from members of the roster are needed to tell groups apart (anonymous forms belong to no group).</p>
      ) : (
        <div className="rr-groups" data-testid="rr-groups">
          {groups.map((g) => (
            <GroupTable key={`${g.by}-${g.dimension}`} g={g} />
          ))}
        </div>
      )}
    </section>
  );
}
