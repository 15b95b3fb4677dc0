/**
 * The spread (issue 17): every rated task × dimension with its raters, median, quartiles and a strip
 * of dots (one per rating on the scale, the middle half shaded, the median marked), contested first,
 * then by IQR; a filter for the contested ones and a Decide… button on each contested row.
 * Test hooks: rr-spread, spread-row-<taskId>-<dimension>, rr-contested-only.
 */
import type { Scale } from '../../engine/model/types';
import type { RoundResult } from '../../engine/ratingRound/result';
import type { TaskSpread } from '../../engine/ratingRound/types';
import { openDecide, setContestedOnly, useRatingRound } from '../../state/ratingRound';
import { DIMENSION_LABEL, fmtPoints, iqr, spreadRows } from '../../state/ratingRoundFigures';
import { plural } from '../../ui/figure-format';

const W = 200;
const H = 30;
const PAD = 7;
const R = 3.5;

/** The x of a value on the strip. */
function xOf(v: number, scale: Scale): number {
  const span = scale.max - scale.min || 1;
  return PAD + ((v - scale.min) / span) * (W - 2 * PAD);
}

/** One dot per rating on the scale (equal ratings stacked), the Q1–Q3 band, the median as a bar. */
export function DotStrip({ spread, scale }: { spread: TaskSpread; scale: Scale }) {
  const counts = new Map<number, number>();
  const dots = spread.values.map((v) => {
    const k = counts.get(v) ?? 0;
    counts.set(v, k + 1);
    // Stacked upward from the axis, alternating sides, so three equal ratings show as three dots.
    const dy = k === 0 ? 0 : (k % 2 === 1 ? -1 : 1) * Math.ceil(k / 2) * (R * 1.6);
    return { v, x: xOf(v, scale), y: H / 2 + dy };
  });
  const label = `${spread.values.length === 1 ? 'Rating' : 'Ratings'} ${spread.values.map(fmtPoints).join(', ')} on ${scale.min}–${scale.max}; median ${fmtPoints(spread.median)}`;
  return (
    <svg className="rr-strip" width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <line className="rr-strip-axis" x1={PAD} x2={W - PAD} y1={H / 2} y2={H / 2} />
      <line className="rr-strip-tick" x1={PAD} x2={PAD} y1={H / 2 - 4} y2={H / 2 + 4} />
      <line className="rr-strip-tick" x1={W - PAD} x2={W - PAD} y1={H / 2 - 4} y2={H / 2 + 4} />
      {spread.q1 !== null && spread.q3 !== null && (
        <rect className="rr-strip-iqr" x={xOf(spread.q1, scale)} y={3} width={Math.max(1, xOf(spread.q3, scale) - xOf(spread.q1, scale))} height={H - 6} rx={2} />
      )}
      {dots.map((d, i) => (
        <circle key={i} className="rr-strip-dot" cx={d.x} cy={d.y} r={R} />
      ))}
      {spread.median !== null && <line className="rr-strip-median" x1={xOf(spread.median, scale)} x2={xOf(spread.median, scale)} y1={1} y2={H - 1} />}
    </svg>
  );
}

export function SpreadTable({ result, scale }: { result: RoundResult; scale: Scale }) {
  const contestedOnly = useRatingRound((s) => s.contestedOnly);
  const rows = spreadRows(result, contestedOnly);
  const all = spreadRows(result, false);
  const contested = all.filter((s) => s.contested).length;
  const unrated = result.spreads.length - all.length;
  return (
    <section className="rr-section" aria-labelledby="rr-spread-title">
      <h3 id="rr-spread-title">3. Spread</h3>
      <p className="muted rr-lead">
        Ratings in points of the {scale.min}–{scale.max} scale. Contested: at least 3 raters and either a third of them or more in each extreme third of the scale, or
        an interquartile range above 2τ ({fmtPoints(2 * result.tolerance)} points). {contested} of the {plural(all.length, 'rating row')} listed {contested === 1 ? 'is' : 'are'} contested
        {unrated > 0 ? ` (one row per task and dimension; the ${plural(unrated, 'row')} no one rated ${unrated === 1 ? 'is' : 'are'} left out)` : ''}.
      </p>
      <label className="rr-check">
        <input type="checkbox" data-testid="rr-contested-only" checked={contestedOnly} onChange={(e) => setContestedOnly(e.target.checked)} /> Contested only
      </label>
      {rows.length === 0 ? (
        <p className="rr-none" data-testid="rr-spread-empty">
          {contestedOnly ? 'No task is contested in the forms read.' : 'The forms read rate no task yet.'}
        </p>
      ) : (
        <div className="rr-table-wrap rr-spread-wrap">
          <table className="rr-table rr-spread" data-testid="rr-spread">
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Dimension</th>
                <th scope="col" className="num">Raters</th>
                <th scope="col" className="num">Median</th>
                <th scope="col" className="num">
                  Q1–Q3 <span className="rr-unit">(IQR)</span>
                </th>
                <th scope="col">
                  Ratings <span className="rr-unit">({scale.min}–{scale.max})</span>
                </th>
                <th scope="col">Contested</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={`${s.taskId}-${s.dimension}`} data-testid={`spread-row-${s.taskId}-${s.dimension}`} data-contested={s.contested ? 'true' : 'false'} className={s.contested ? 'rr-contested-row' : undefined}>
                  <th scope="row" className="rr-task">{s.name}</th>
                  <td>{DIMENSION_LABEL[s.dimension]}</td>
                  <td className="num">{s.raters}</td>
                  <td className="num" data-testid="spread-median" data-value={s.median ?? ''}>
                    {fmtPoints(s.median)}
                  </td>
                  <td className="num" data-testid="spread-iqr" data-value={iqr(s)}>
                    {fmtPoints(s.q1)}–{fmtPoints(s.q3)} <span className="rr-unit">({fmtPoints(iqr(s))})</span>
                  </td>
                  <td className="rr-strip-cell">
                    <DotStrip spread={s} scale={scale} />
                  </td>
                  <td>
                    {s.contested ? (
                      <span className="rr-contested-cell">
                        <span className="rr-flag">Contested</span>
                        <button type="button" className="rr-small" onClick={() => openDecide(s.taskId)} aria-label={`Decide ${s.name}…`}>
                          Decide…
                        </button>
                      </span>
                    ) : s.raters < 3 ? (
                      <span className="muted">Too few to judge</span>
                    ) : (
                      <span className="muted">No</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
