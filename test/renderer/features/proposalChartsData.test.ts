// The Proposal view's chart data (proposalCharts.ts) on the engine's Riverside proposal: the options
// curve's points, labels and axes; hours-weighted means equal to the report's; the ranked series as
// step functions whose hours-weighted area is the mean; percentiles and speed at 2,000 people.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FullProposal } from '../../../renderer/src/engine/balance/fullProposal';
import type { OptionPoint } from '../../../renderer/src/engine/balance/types';
import {
  desirabilityOf, empowermentOf, fmtTolerance, hoursInBand, mapJobs, optionLabel, optionsCurveData, PERCENTILE_STEPS, rankedSeries, weightedMean, type RankedRow,
} from '../../../renderer/src/features/proposal/proposalCharts';
import { fmtHours } from '../../../renderer/src/ui/figure-format';
import { manyJobs, riversideProposal } from './proposalCharts.fixture';

let p: FullProposal;
beforeAll(async () => {
  p = await riversideProposal();
});

const option = (tolerance: number, status: OptionPoint['status'], movedHours: number | null): OptionPoint =>
  ({ tolerance, status, movedHours, absoluteGini: null, gini: null, hoover: null, withinTolerance: null });

/** Hours-weighted mean of a step series (x in % of hours, the value holding from one row to the next). */
function stepMean(rows: RankedRow[], key: 'before' | 'after'): number {
  let s = 0;
  for (let i = 0; i + 1 < rows.length; i++) s += ((rows[i + 1].x - rows[i].x) / 100) * rows[i][key]!;
  return s;
}

describe('the options curve', () => {
  it('splits the engine options into the curve and the unmet points, tightest first, on axes that hold them and the current tolerance', () => {
    const { options } = p.report;
    expect(options.length).toBeGreaterThanOrEqual(4);
    const d = optionsCurveData([...options].reverse(), p.report.tolerance);
    expect(d.sorted.map((o) => o.tolerance)).toEqual([...options.map((o) => o.tolerance)].sort((a, b) => a - b));
    expect(d.solved.map((s) => [s.x, s.y])).toEqual(d.sorted.filter((o) => o.status === 'optimal').map((o) => [o.tolerance, o.movedHours]));
    // A tighter tolerance never moves fewer hours.
    for (let i = 1; i < d.solved.length; i++) expect(d.solved[i].y).toBeLessThanOrEqual(d.solved[i - 1].y + 1e-6);
    expect(d.x.max).toBeGreaterThanOrEqual(Math.max(...options.map((o) => o.tolerance)));
    expect(d.y.max).toBeGreaterThanOrEqual(Math.max(...d.solved.map((s) => s.y)));
    expect(d.y.ticks[0]).toBe(0);
    expect(optionsCurveData(options, 30).x.max).toBeGreaterThanOrEqual(30);
  });

  it('puts infeasible and timed-out tolerances off the curve and shades up to the widest infeasible one', () => {
    const d = optionsCurveData([option(2, 'optimal', 120), option(0.25, 'infeasible', null), option(0.5, 'infeasible', null), option(1, 'time-limit', null)], 0.95);
    expect(d.solved.map((s) => s.x)).toEqual([2]);
    expect(d.unmet.map((o) => o.tolerance)).toEqual([0.25, 0.5, 1]);
    expect(d.unmetUpTo).toBe(0.5);
    expect(optionsCurveData([option(1, 'optimal', 10)], 1).unmetUpTo).toBeNull();
  });

  it('labels each option with its tolerance in points and the hours moved as the engine gave them', () => {
    const one = p.report.options.find((o) => o.tolerance === 1)!;
    expect(optionLabel(one)).toBe(`±1.0 points — ${fmtHours(one.movedHours)} h a week`);
    expect(optionLabel(option(0.95, 'optimal', 214.5))).toBe('±0.95 points — 214.5 h a week');
    expect(optionLabel(option(0.5, 'infeasible', null))).toBe('±0.5 points — cannot be met');
    expect(optionLabel(option(0.5, 'time-limit', null))).toBe('±0.5 points — no answer in time');
    expect(fmtTolerance(9.4712)).toBe('9.47');
  });
});

describe('before and after', () => {
  it('weighs the means by hours: empowerment as the report has it, desirability the same before and after (every task keeps its hours)', () => {
    const { jobs, before, after } = p.report;
    expect(weightedMean(jobs, empowermentOf('before'))).toBeCloseTo(before.mean!, 3);
    expect(weightedMean(jobs, empowermentOf('after'))).toBeCloseTo(after.mean!, 3);
    const dBefore = weightedMean(jobs, desirabilityOf('before'))!;
    expect(dBefore).toBeCloseTo(weightedMean(jobs, desirabilityOf('after'))!, 3);
    // Not the plain mean of the jobs: part-timers count by their hours.
    const plain = jobs.reduce((a, j) => a + j.desirabilityBefore!, 0) / jobs.length;
    const byHand = jobs.reduce((a, j) => a + j.desirabilityBefore! * j.hours, 0) / jobs.reduce((a, j) => a + j.hours, 0);
    expect(dBefore).toBeCloseTo(byHand, 9);
    expect(Math.abs(plain - byHand)).toBeGreaterThan(1e-4);
    expect(weightedMean([], empowermentOf('before'))).toBeNull();
  });

  it('places every job on the map with its own scores, and finds the report’s share of hours within the band', () => {
    const { jobs, before, after, tolerance } = p.report;
    const b = mapJobs(jobs, 'before');
    const a = mapJobs(jobs, 'after');
    expect(b).toHaveLength(40);
    expect(b.map((m) => [m.e, m.d, m.hours])).toEqual(jobs.map((j) => [j.empowermentBefore, j.desirabilityBefore, j.hours]));
    expect(a.map((m) => [m.e, m.d])).toEqual(jobs.map((j) => [j.empowermentAfter, j.desirabilityAfter]));
    const H = p.report.totalHours;
    expect(hoursInBand(b, tolerance, before.mean, null) / H).toBeCloseTo(before.withinTolerance, 3);
    expect(hoursInBand(a, tolerance, after.mean, null) / H).toBeCloseTo(after.withinTolerance, 3);
    expect(mapJobs([{ ...jobs[0], empowermentAfter: null }], 'after')).toEqual([]);
  });

  it('ranks both sides as steps on one axis of hours: highest first, from 0 to 100%, the area under each its mean', () => {
    const s = rankedSeries(p.report.jobs);
    expect(s.mode).toBe('steps');
    expect(s.people).toEqual({ before: 40, after: 40 });
    const xs = s.rows.map((r) => r.x);
    expect(xs[0]).toBe(0);
    expect(xs[xs.length - 1]).toBe(100);
    for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
    for (const key of ['before', 'after'] as const) {
      for (let i = 1; i < s.rows.length; i++) expect(s.rows[i][key]!).toBeLessThanOrEqual(s.rows[i - 1][key]!);
      const values = p.report.jobs.map((j) => (key === 'before' ? j.empowermentBefore! : j.empowermentAfter!));
      expect(s.rows[0][key]).toBe(Math.max(...values));
      expect(s.rows[s.rows.length - 1][key]).toBe(Math.min(...values));
      expect(stepMean(s.rows, key)).toBeCloseTo(p.report[key].mean!, 3);
    }
    const top = [...p.report.jobs].sort((x, y) => y.empowermentBefore! - x.empowermentBefore!)[0];
    expect(s.rows[0].beforeName).toBe(top.name);
  });

  it('turns 2,000 jobs into hours-weighted percentiles with the same mean, quickly', () => {
    const jobs = manyJobs(p.report.jobs, 2000);
    const t0 = performance.now();
    const s = rankedSeries(jobs);
    const b = mapJobs(jobs, 'after');
    const ms = performance.now() - t0;
    expect(s.mode).toBe('percentiles');
    expect(s.rows).toHaveLength(PERCENTILE_STEPS + 1);
    expect(s.rows[0].beforeName).toBeUndefined();
    expect(Math.abs(stepMean(s.rows, 'before') - p.report.before.mean!)).toBeLessThan(0.1);
    expect(b).toHaveLength(2000);
    expect(ms).toBeLessThan(200);
  });
});
