/**
 * The proposal's figures before → after (absolute Gini, within the band, the cluster, desirability,
 * the least-empowered third) and what it moves against the exact minimum. Test hooks:
 * proposal-figure-<key> with data-value (after, raw) and data-before.
 */
import type { ReactNode } from 'react';
import type { FullProposal } from '../../engine/balance/fullProposal';
import type { ProposalReport } from '../../engine/balance/proposalReport';
import { fmtCount, fmtHours, fmtPct, fmtScore, plural } from '../../ui/figure-format';
import { formatNumber } from '../../ui/table-NumberInput';
import { desirabilityOfThird, onerousHoursOfThird, peopleWithinBand } from './resultsData';
import './results.css';

/**
 * Names of the low-desirability tasks, when the host adds them to the report: the onerous hours of
 * the least-empowered third need task desirability, which the report does not carry otherwise.
 */
type WithOnerous = ProposalReport & { lowDesirabilityTasks?: readonly string[] };

export interface Figure {
  key: string;
  title: string;
  before?: number | null;
  after: number | null;
  show: (x: number | null) => string;
  unit?: string;
  note: ReactNode;
  caveat?: boolean;
}

const points = (x: number | null) => fmtScore(x);
const hours = (x: number | null) => fmtHours(x);
const pct1 = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

function balanceFigures(r: WithOnerous): Figure[] {
  const band = peopleWithinBand(r);
  const tau = formatNumber(r.tolerance);
  const figures: Figure[] = [
    { key: 'absoluteGini', title: 'Absolute Gini of empowerment', before: r.before.absoluteGini, after: r.after.absoluteGini, show: points, unit: 'points', note: `half the average gap between two hours of work on the ${r.scale.min}–${r.scale.max} scale; 0 = every job alike` },
    {
      key: 'withinTolerance', title: 'Within the band', before: r.before.withinTolerance, after: r.after.withinTolerance, show: fmtPct, unit: 'of hours',
      note: `hours in jobs within ±${tau} points of the mean${band.before !== null && band.after !== null ? `; ${fmtCount(band.before)} → ${fmtCount(band.after)} of ${plural(band.people, 'person', 'people')}` : ''}`,
    },
    { key: 'coordinatorPeople', title: 'Coordinator cluster', before: r.before.coordinatorPeople, after: r.after.coordinatorPeople, show: (x) => (x === null ? '–' : fmtCount(x)), unit: 'people', note: 'people whose jobs sit clearly above the mean in empowerment' },
    {
      key: 'desirabilityAbsoluteGini', title: 'Absolute Gini of desirability', before: r.before.desirabilityAbsoluteGini, after: r.after.desirabilityAbsoluteGini, show: points, unit: 'points',
      note: r.desirability ? 'desirability was balanced too' : 'desirability was not balanced in this plan',
    },
  ];
  if (r.lowDesirabilityTasks) {
    const o = onerousHoursOfThird(r.jobs, new Set(r.lowDesirabilityTasks));
    figures.push({ key: 'onerousThird', title: 'Onerous hours of the least-empowered third', before: o.before, after: o.after, show: hours, unit: 'h a week', note: 'low-desirability hours done by the people who held the least-empowered third of hours before' });
  } else {
    const d = desirabilityOfThird(r.jobs);
    figures.push({ key: 'leastEmpoweredDesirability', title: 'Desirability of the least-empowered third', before: d.before, after: d.after, show: points, unit: 'points', note: 'hours-weighted desirability of the jobs of the people who held the least-empowered third of hours before; higher is less onerous' });
  }
  return figures;
}

function movedFigures(r: ProposalReport): Figure[] {
  const figures: Figure[] = [
    { key: 'movedHours', title: 'Hours that change hands', after: r.movedHours, show: hours, unit: 'h a week', note: `${pct1(r.totalHours > 0 ? r.movedHours / r.totalHours : null)} of all ${fmtHours(r.totalHours)} h a week` },
  ];
  if (r.bound !== undefined && r.bound !== null) {
    figures.push({ key: 'bound', title: 'Exact minimum', after: r.bound, show: hours, unit: 'h a week', note: 'the fewest hours any plan within the band could move (the exact plan, hours not in whole blocks)' });
    if (r.gap !== undefined && r.gap !== null) {
      figures.push({ key: 'gap', title: 'Above the minimum', after: r.gap, show: pct1, note: r.granularity > 0 ? `hours moved beyond the minimum: the cost of whole ${fmtHours(r.granularity)} h blocks and the plan’s other rules` : 'hours moved beyond the minimum' });
    }
  }
  figures.push({
    key: 'movedOnSuggested', title: 'Moved on suggested ratings', after: r.movedOnSuggested, show: hours, unit: 'h a week', caveat: r.movedOnSuggested > 1e-9,
    note: r.movedOnSuggested > 1e-9
      ? `${pct1(r.movedHours > 0 ? r.movedOnSuggested / r.movedHours : null)} of the hours moved are on tasks rated only by suggestion; rate those tasks to be sure of these moves`
      : 'every hour moved is on a task rated by people, not by suggestion',
  });
  return figures;
}

/** One figure's tile; `testIdPrefix` names it in tests (the category plan's tiles have their own). */
export function FigureTile({ f, testIdPrefix = 'proposal-figure' }: { f: Figure; testIdPrefix?: string }) {
  const hasBefore = f.before !== undefined;
  return (
    <li className={`proposal-figure card${f.caveat ? ' caveat' : ''}`} data-testid={`${testIdPrefix}-${f.key}`} data-value={f.after ?? undefined} data-before={hasBefore ? (f.before ?? undefined) : undefined}>
      <h4>{f.title}</h4>
      <p className="proposal-figure-value">
        {hasBefore && (
          <>
            <span className="visually-hidden">before </span>
            <span className="proposal-figure-before">{f.show(f.before ?? null)}</span>
            <span className="proposal-figure-arrow" aria-hidden="true"> → </span>
            <span className="visually-hidden">, after </span>
          </>
        )}
        <span className="proposal-figure-after">{f.show(f.after)}</span>
        {f.unit && <span className="proposal-figure-unit"> {f.unit}</span>}
      </p>
      <p className="proposal-figure-note">{f.note}</p>
    </li>
  );
}

export function ProposalFigures({ proposal }: { proposal: FullProposal }) {
  const r: WithOnerous = proposal.report;
  return (
    <section className="proposal-figures" aria-labelledby="proposal-figures-title">
      <h3 id="proposal-figures-title" className="results-title">Figures before → after</h3>
      <ul className="proposal-figure-grid" aria-label="Balance before and after">
        {balanceFigures(r).map((f) => <FigureTile key={f.key} f={f} />)}
      </ul>
      <ul className="proposal-figure-grid" aria-label="Hours moved">
        {movedFigures(r).map((f) => <FigureTile key={f.key} f={f} />)}
      </ul>
    </section>
  );
}
