/**
 * A category plan's figures before → after (issue 17): people balanced within ±δ, the hours off the
 * mix (½Σ|s − S| weighted by hours), the job furthest off, and what it moves against the exact
 * minimum. The tiles are the ratings proposal's (FigureTile). Test hooks: category-figure-<key> with
 * data-value (after, raw) and data-before.
 */
import type { CategoryPlan } from '../../engine/categories/balance';
import { DEFAULT_MIN_BLOCK } from '../../engine/balance/blocks/types';
import { fmtCount, fmtHours, fmtPct, plural } from '../../ui/figure-format';
import { deltaPoints } from '../categories/categoryText';
import type { CategoryResults } from './categoryResultsData';
import { FigureTile, type Figure } from './ProposalFigures';
import './results.css';

/** Computed hours (the exact minimum is a fraction of the LP): one decimal. */
const hours1 = (x: number | null) => fmtHours(x === null ? null : Math.round(x * 10) / 10);
const pct1 = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

function balanceFigures(r: CategoryResults, delta: number): Figure[] {
  return [
    {
      key: 'balanced', title: 'Balanced jobs', before: r.balancedBefore, after: r.balancedAfter, show: (x) => (x === null ? '–' : fmtCount(x)), unit: `of ${fmtCount(r.people)}`,
      note: `every category's share of the job within ±${deltaPoints(delta)} points of the organization's`,
    },
    {
      key: 'offMix', title: 'Hours off the mix', before: r.offMixBefore, after: r.offMixAfter, show: fmtPct, unit: 'of hours',
      note: 'the share of all hours that would have to change category for every job to match the mix exactly (½Σ|s − S|, weighted by hours)',
    },
    {
      key: 'furthest', title: 'Furthest off the mix', before: r.furthestBefore?.score ?? null, after: r.furthestAfter?.score ?? null, show: fmtPct, unit: 'of the job',
      note: r.furthestBefore && r.furthestAfter ? `½Σ|s − S| of the job furthest off: ${r.furthestBefore.name} now, ${r.furthestAfter.name} after` : 'no job has hours',
    },
  ];
}

function movedFigures(r: CategoryResults, plan: CategoryPlan): Figure[] {
  const total = r.before.totalHours;
  const figures: Figure[] = [
    { key: 'movedHours', title: 'Hours that change hands', after: plan.movedHours, show: fmtHours, unit: 'h a week', note: `${pct1(total > 0 ? plan.movedHours / total : null)} of all ${fmtHours(total)} h a week, in ${plural(plan.transfers.length, 'transfer')}` },
    {
      key: 'bound', title: 'Exact minimum', after: plan.lpMovedHours, show: hours1, unit: 'h a week',
      note: plan.blocks
        ? 'the fewest hours any plan within the bands could move (hours not in whole blocks); the plan moves whole half-hour blocks'
        : 'the fewest hours any plan within the bands could move; some bands are narrower than a half-hour block, so not every change is a whole block',
    },
  ];
  figures.push({
    key: 'shortTransfers', title: `New tasks under ${fmtHours(DEFAULT_MIN_BLOCK)} h`, after: plan.shortTransfers, show: (x) => (x === null ? '–' : fmtCount(x)), unit: plan.shortTransfers === 1 ? 'transfer' : 'transfers', caveat: plan.shortTransfers > 0,
    note: plan.shortTransfers > 0
      ? `give someone under ${fmtHours(DEFAULT_MIN_BLOCK)} h a week of a task new to them: the band leaves them too little to take; worth merging by hand`
      : `every task new to someone is taken at ${fmtHours(DEFAULT_MIN_BLOCK)} h a week or more`,
  });
  return figures;
}

export function CategoryFigures({ results, plan }: { results: CategoryResults; plan: CategoryPlan }) {
  return (
    <section className="proposal-figures" aria-labelledby="category-figures-title">
      <h3 id="category-figures-title" className="results-title">Figures before → after</h3>
      <ul className="proposal-figure-grid" aria-label="Category balance before and after">
        {balanceFigures(results, plan.delta).map((f) => <FigureTile key={f.key} f={f} testIdPrefix="category-figure" />)}
      </ul>
      <ul className="proposal-figure-grid" aria-label="Hours moved">
        {movedFigures(results, plan).map((f) => <FigureTile key={f.key} f={f} testIdPrefix="category-figure" />)}
      </ul>
    </section>
  );
}
