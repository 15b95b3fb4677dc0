// Pure data for the Proposal view's charts: the options curve's points and labels, the hours-weighted
// means, each job's place on the job map before and after, and the ranked jobs before and after as
// one step series by share of hours. No React here, so it is tested directly at 2,000 people.
import type { JobChange } from '../../engine/balance/proposalReport';
import type { OptionPoint } from '../../engine/balance/types';
import { fmtHours } from '../../ui/figure-format';
import { niceAxisFromZero } from '../charts/chartData';

/** Above this many jobs the ranked series is drawn as hours-weighted percentiles instead of one step per job. */
export const RANKED_STEPS_UP_TO = 400;
/** Points of the percentile series. */
export const PERCENTILE_STEPS = 200;

const tol1 = new Intl.NumberFormat(undefined, { minimumFractionDigits: 1, maximumFractionDigits: 2 });

/** A tolerance in points: one decimal at least, two at most ("1.0", "0.95", "9.47"). */
export function fmtTolerance(t: number): string {
  return tol1.format(t);
}

/** What an option gives, in words: hours moved, or why it has none. */
export function optionOutcome(o: OptionPoint): string {
  if (o.status === 'optimal' && o.movedHours !== null) return `${fmtHours(o.movedHours)} h a week`;
  return o.status === 'infeasible' ? 'cannot be met' : 'no answer in time';
}

/** The label of an option's pick button: "±1.0 points — 264.97 h a week". */
export function optionLabel(o: OptionPoint): string {
  return `±${fmtTolerance(o.tolerance)} points — ${optionOutcome(o)}`;
}

export interface CurvePoint {
  x: number;
  y: number;
  option: OptionPoint;
}

export interface CurveData {
  /** Every option, tightest tolerance first. */
  sorted: OptionPoint[];
  /** Options with hours moved, drawn as the curve. */
  solved: CurvePoint[];
  /** Options with no plan (infeasible or out of time), drawn on the x axis. */
  unmet: OptionPoint[];
  /** The widest tolerance that cannot be met (the shaded "cannot be met" zone ends there); null when all can. */
  unmetUpTo: number | null;
  x: { max: number; ticks: number[] };
  y: { max: number; ticks: number[] };
}

/** Options sorted by tolerance, split into the drawn curve and the unmet points, with round axes from 0. */
export function optionsCurveData(options: readonly OptionPoint[], current: number): CurveData {
  const sorted = [...options].filter((o) => Number.isFinite(o.tolerance)).sort((a, b) => a.tolerance - b.tolerance);
  const solved = sorted.filter((o) => o.status === 'optimal' && o.movedHours !== null && Number.isFinite(o.movedHours)).map((o) => ({ x: o.tolerance, y: o.movedHours!, option: o }));
  const unmet = sorted.filter((o) => !(o.status === 'optimal' && o.movedHours !== null));
  const infeasible = unmet.filter((o) => o.status === 'infeasible');
  const xMax = Math.max(Number.isFinite(current) ? current : 0, ...sorted.map((o) => o.tolerance));
  const yMax = Math.max(0, ...solved.map((p) => p.y));
  return {
    sorted, solved, unmet,
    unmetUpTo: infeasible.length ? infeasible[infeasible.length - 1].tolerance : null,
    x: niceAxisFromZero(xMax, 5),
    y: niceAxisFromZero(yMax, 4),
  };
}

/** Hours-weighted mean of the values that are there; null when none are. */
export function weightedMean(jobs: readonly JobChange[], value: (j: JobChange) => number | null): number | null {
  let h = 0;
  let s = 0;
  for (const j of jobs) {
    const v = value(j);
    if (v === null || !Number.isFinite(v) || !(j.hours > 0)) continue;
    h += j.hours;
    s += v * j.hours;
  }
  return h > 0 ? s / h : null;
}

export type Side = 'before' | 'after';

export const empowermentOf = (side: Side) => (j: JobChange): number | null => (side === 'before' ? j.empowermentBefore : j.empowermentAfter);
export const desirabilityOf = (side: Side) => (j: JobChange): number | null => (side === 'before' ? j.desirabilityBefore : j.desirabilityAfter);

/** A job placed on the map: its scores on one side, and the job itself for tooltips and tables. */
export interface MapJob {
  e: number;
  d: number;
  hours: number;
  job: JobChange;
}

/** The jobs with both scores on one side and hours, for the job map. */
export function mapJobs(jobs: readonly JobChange[], side: Side): MapJob[] {
  const e = empowermentOf(side);
  const d = desirabilityOf(side);
  const out: MapJob[] = [];
  for (const j of jobs) {
    const x = e(j);
    const y = d(j);
    if (x !== null && y !== null && Number.isFinite(x) && Number.isFinite(y) && j.hours > 0) out.push({ e: x, d: y, hours: j.hours, job: j });
  }
  return out;
}

/** Hours and E of a job at a point of the ranked series. */
interface Ranked {
  e: number;
  hours: number;
  name: string;
}

function ranked(jobs: readonly JobChange[], side: Side): Ranked[] {
  const e = empowermentOf(side);
  const out: Ranked[] = [];
  for (const j of jobs) {
    const v = e(j);
    if (v !== null && Number.isFinite(v) && j.hours > 0) out.push({ e: v, hours: j.hours, name: j.name });
  }
  return out.sort((a, b) => b.e - a.e || a.name.localeCompare(b.name));
}

export interface RankedRow {
  /** Share of hours before this point (0–100), most empowering job first. */
  x: number;
  before: number | null;
  after: number | null;
  /** Who holds that share of hours (one job per series; absent in the percentile series). */
  beforeName?: string;
  afterName?: string;
}

export interface RankedSeries {
  rows: RankedRow[];
  mode: 'steps' | 'percentiles';
  /** Jobs ranked in each series. */
  people: { before: number; after: number };
}

/**
 * Both rankings as step functions of the share of hours (most empowering first) on one x axis: a
 * row at every place either series changes job, plus 100%. Above RANKED_STEPS_UP_TO jobs, the E at
 * each half-percent of hours instead, so the chart keeps 201 points whatever the size.
 */
export function rankedSeries(jobs: readonly JobChange[]): RankedSeries {
  const b = ranked(jobs, 'before');
  const a = ranked(jobs, 'after');
  const people = { before: b.length, after: a.length };
  const edges = (r: Ranked[]) => {
    const H = r.reduce((s, p) => s + p.hours, 0);
    let cum = 0;
    return r.map((p) => {
      const x = H > 0 ? (cum / H) * 100 : 0;
      cum += p.hours;
      return x;
    });
  };
  const eb = edges(b);
  const ea = edges(a);
  /** Index of the job holding share x in a series whose starts are `xs` (last start ≤ x). */
  const at = (xs: number[], x: number) => {
    let lo = 0;
    let hi = xs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (xs[mid] <= x + 1e-9) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const many = Math.max(b.length, a.length) > RANKED_STEPS_UP_TO;
  const xs = many
    ? Array.from({ length: PERCENTILE_STEPS + 1 }, (_, k) => (k / PERCENTILE_STEPS) * 100)
    : [...new Set([...eb, ...ea, 100].map((x) => Math.round(x * 1e9) / 1e9))].sort((p, q) => p - q);
  const rows = xs.map((x) => {
    const i = b.length ? at(eb, x) : -1;
    const k = a.length ? at(ea, x) : -1;
    const row: RankedRow = { x, before: i >= 0 ? b[i].e : null, after: k >= 0 ? a[k].e : null };
    if (!many) {
      if (i >= 0) row.beforeName = b[i].name;
      if (k >= 0) row.afterName = a[k].name;
    }
    return row;
  });
  return { rows, mode: many ? 'percentiles' : 'steps', people };
}

/** Hours whose job lies within ±tol of the mean on one side (and of the D mean when `dMean` is given). */
export function hoursInBand(points: readonly MapJob[], tol: number, eMean: number | null, dMean: number | null): number {
  if (eMean === null) return 0;
  let h = 0;
  for (const p of points) {
    if (Math.abs(p.e - eMean) <= tol + 1e-9 && (dMean === null || Math.abs(p.d - dMean) <= tol + 1e-9)) h += p.hours;
  }
  return h;
}
