/**
 * Every concentration metric of DESIGN.md §4 for an organization's job scores: per dimension
 * (empowerment, desirability) the mean, Gini and Lorenz curve, top shares, Palma, Theil with its
 * department and role split, Hoover and share within tolerance; then the coordinator cluster,
 * low-desirability hours by empowerment tercile, joint advantage and the pay audit.
 *
 * Weights: each person counts with their hours on tasks rated in that dimension, so a person's
 * mass M_i = h_i·Ê_i is exactly the Σ_t h_it·ê_t of their rated tasks. People with no rated hours
 * are left out of that dimension's metrics, and so are people whose hours or score are not finite
 * numbers (the import refuses those; leaving them out here keeps every loop finite).
 *
 * Ratings are an interval scale: `absoluteGini`, `top20Gap`, `withinTolerance` and the coordinator
 * cluster depend only on differences between scores; the Gini, Palma, Hoover, Theil and the shares
 * measure from the bottom of the scale (a rating at its minimum counts as none at all).
 */
import type { Organization, Scale, Task } from '../../model/types';
import { scorePeople, type PersonScore } from '../jobScores';
import { toPoints } from '../../rating/scale';
import { absoluteGini, gini, groupMassShare, hoover, lorenz, spearman, theilDecomposition, topFractions, topMean, usable, weightedMean, type Weighted } from './weighted';
import { coordinator, type CoordinatorCluster } from './coordinator';
import { payAudit, type PayAudit } from './pay';

export type { ClusterBreak, ClusterKind, ClusterLevel, CoordinatorCluster, CoordinatorMember } from './coordinator';
export type { PayAudit } from './pay';
export { spearmanPValue } from './pay';

export interface TheilSplit {
  total: number;
  between: number;
  within: number;
  /** Named groups (departments or roles) among the people counted; people without one are not a group. With fewer than 2, "between" says nothing. */
  groups: number;
}

export interface DimensionMetrics {
  /** Hours-weighted mean on the project scale. */
  mean: number | null;
  /** Absolute Gini ΣΣ h_i h_j |E_i − E_j| / (2H²) in points of the project scale (0 = every job alike); shift-invariant. */
  absoluteGini: number;
  /** Hours-weighted mean of the top fifth of hours (boundary person split) minus the mean, in points; 0 with nobody. */
  top20Gap: number;
  /** Relative Gini (absoluteGini ÷ the mean measured from the bottom of the scale), 0–1. */
  gini: number;
  /** Palma ratio (top 10% ÷ bottom 40% of mass) or, under 30 people, Palma-style (top 20% ÷ bottom 40%); null when the bottom holds none. */
  palma: number | null;
  palmaKind: 'palma' | 'palma-style';
  hoover: number;
  topDecileShare: number;
  top20Share: number;
  /** Top 20% share of mass ÷ its share of hours (0.2). */
  concentrationRatio: number;
  topDecileRatio: number;
  bottom40Share: number;
  /** Share of hours (0–1) of people within ±τ of the mean. */
  withinTolerance: number;
  theil: { department: TheilSplit; role: TheilSplit };
  lorenz: { hours: number; mass: number }[];
  /** People counted (with rated hours in this dimension). */
  people: number;
}

export interface LowDesirabilityTercile {
  tercile: 'bottom' | 'middle' | 'top';
  hours: number;
  lowDesirabilityHours: number;
  /** Share of this tercile's hours that are low-desirability. */
  shareOfTercile: number;
  /** Share of all low-desirability hours carried by this tercile. */
  shareOfAll: number;
}

export interface Metrics {
  tolerance: number;
  empowerment: DimensionMetrics;
  desirability: DimensionMetrics;
  coordinator: CoordinatorCluster;
  lowDesirability: { threshold: number; totalHours: number; byEmpowermentTercile: LowDesirabilityTercile[] };
  jointAdvantage: { spearman: number | null; topTercileOverlap: number | null };
  pay: PayAudit | null;
  /** Share (0–1) of rated hours whose rating is a suggestion (source 'suggested'), per dimension; 0 with no rated hours. */
  suggested: { empowermentHoursShare: number; desirabilityHoursShare: number };
  /**
   * Share (0–1) of rated hours on tasks a rating round marked contested (Task.contested, issue 17), per
   * dimension, whatever the rating's source: a group's decision does not end the disagreement. `tasks`
   * counts the contested tasks (0: no round found any, and the audit says nothing about it).
   */
  contested: { tasks: number; empowermentHoursShare: number; desirabilityHoursShare: number };
}

/** Default tolerance τ in points: 5% of the scale's range (1 point on 1–20). */
export function defaultTolerance(scale: Scale): number {
  // Rounded to 10⁻⁹ points: 0.05 × 19 is 0.9500000000000001 in floating point, and this number is shown.
  return Math.round(0.05 * (scale.max - scale.min) * 1e9) / 1e9;
}

/** Tolerance comparisons allow for floating-point noise far below 0.01 points. */
const EPS = 1e-9;

interface Row extends Weighted {
  score: PersonScore;
  department: string;
  role: string;
}

/** Distinct departments or roles (case-insensitive) among the rows' people, leaving out people without one. */
function namedGroups(rows: Row[], key: 'department' | 'role'): number {
  const names = new Set<string>();
  for (const r of rows) {
    const v = r.score.person[key];
    if (v !== null && v.trim() !== '') names.add(v.trim().toLowerCase());
  }
  return names.size;
}

function dimension(rows: Row[], scale: Scale, tolerance: number): DimensionMetrics {
  const range = scale.max - scale.min;
  const mu = weightedMean(rows);
  const H = rows.reduce((a, r) => a + r.weight, 0);
  const within = rows.filter((r) => Math.abs(r.value - mu) * range <= tolerance + EPS).reduce((a, r) => a + r.weight, 0);
  const small = rows.length < 30;
  const top10 = groupMassShare(rows, 0.1, 'top');
  const top20 = groupMassShare(rows, 0.2, 'top');
  const bottom40 = groupMassShare(rows, 0.4, 'bottom');
  const palmaTop = small ? top20 : top10;
  return {
    mean: rows.length ? toPoints(mu, scale) : null,
    absoluteGini: absoluteGini(rows) * range,
    top20Gap: rows.length ? (topMean(rows, 0.2) - mu) * range : 0,
    gini: gini(rows),
    palma: bottom40 > 0 ? palmaTop / bottom40 : null,
    palmaKind: small ? 'palma-style' : 'palma',
    hoover: hoover(rows),
    topDecileShare: top10,
    top20Share: top20,
    concentrationRatio: top20 / 0.2,
    topDecileRatio: top10 / 0.1,
    bottom40Share: bottom40,
    withinTolerance: H > 0 ? within / H : 0,
    theil: {
      department: { ...theilDecomposition(rows.map((r) => ({ ...r, group: r.department }))), groups: namedGroups(rows, 'department') },
      role: { ...theilDecomposition(rows.map((r) => ({ ...r, group: r.role }))), groups: namedGroups(rows, 'role') },
    },
    lorenz: lorenz(rows),
    people: rows.length,
  };
}

function rowsFor(scores: PersonScore[], dim: 'empowerment' | 'desirability'): Row[] {
  return scores
    .filter((s) => s[dim] !== null && Number.isFinite(s.hours))
    .map((s) => ({
      weight: dim === 'empowerment' ? s.ratedHoursE : s.ratedHoursD,
      value: s[dim]!,
      score: s,
      department: (s.person.department ?? '(none)').toLowerCase(),
      role: (s.person.role ?? '(none)').toLowerCase(),
    }))
    .filter(usable);
}

/** The organization with suggested ratings left out (as `--no-suggest` would); null when there are none. */
function withoutSuggestions(org: Organization): Organization | null {
  if (!org.tasks.some((t) => t.source === 'suggested')) return null;
  return { ...org, tasks: org.tasks.map((t) => (t.source === 'suggested' ? { ...t, empowerment: null, desirability: null, source: 'unrated' as const } : t)) };
}

/** Share of rated hours (per dimension) on the tasks `pick` picks. */
function ratedHoursShares(org: Organization, pick: (t: Task) => boolean): Metrics['suggested'] {
  const tasks = new Map(org.tasks.map((t) => [t.id, t]));
  const people = new Set(org.people.map((p) => p.id));
  const acc = { e: 0, eS: 0, d: 0, dS: 0 };
  for (const a of org.assignments) {
    const t = tasks.get(a.taskId);
    if (!t || !people.has(a.personId) || !(a.hours > 0) || !Number.isFinite(a.hours)) continue;
    const picked = pick(t);
    if (t.empowerment !== null) {
      acc.e += a.hours;
      if (picked) acc.eS += a.hours;
    }
    if (t.desirability !== null) {
      acc.d += a.hours;
      if (picked) acc.dS += a.hours;
    }
  }
  return { empowermentHoursShare: acc.e > 0 ? acc.eS / acc.e : 0, desirabilityHoursShare: acc.d > 0 ? acc.dS / acc.d : 0 };
}

/** A task is onerous (low desirability) at or below this normalized D: the bottom third of the scale. */
export const LOW_DESIRABILITY = 1 / 3;

/** Whether a task counts as onerous (low desirability), as the audit counts it. */
export function isLowDesirability(t: { desirability: number | null }): boolean {
  return t.desirability !== null && t.desirability <= LOW_DESIRABILITY + EPS;
}

function lowDesirability(org: Organization, rowsE: Row[]) {
  const lowTask = new Set(org.tasks.filter(isLowDesirability).map((t) => t.id));
  const lowHours = new Map<string, number>();
  for (const a of org.assignments) if (lowTask.has(a.taskId)) lowHours.set(a.personId, (lowHours.get(a.personId) ?? 0) + a.hours);
  // Terciles by cumulative (all) hours of people ranked by E: the fraction of each person in the top
  // third and top two thirds. All hours, because low-desirability hours may be on E-unrated tasks.
  const byHours = rowsE.map((r) => ({ weight: r.score.hours, value: r.value }));
  const inTop = topFractions(byHours, 1 / 3);
  const inTopTwo = topFractions(byHours, 2 / 3);
  const t = { bottom: { h: 0, low: 0 }, middle: { h: 0, low: 0 }, top: { h: 0, low: 0 } };
  rowsE.forEach((r, i) => {
    const parts = { top: inTop[i], middle: inTopTwo[i] - inTop[i], bottom: 1 - inTopTwo[i] };
    const low = lowHours.get(r.score.person.id) ?? 0;
    for (const k of ['bottom', 'middle', 'top'] as const) {
      t[k].h += parts[k] * r.score.hours;
      t[k].low += parts[k] * low;
    }
  });
  const totalLow = t.bottom.low + t.middle.low + t.top.low;
  return {
    threshold: LOW_DESIRABILITY,
    totalHours: totalLow,
    byEmpowermentTercile: (['bottom', 'middle', 'top'] as const).map((k) => ({
      tercile: k, hours: t[k].h, lowDesirabilityHours: t[k].low,
      shareOfTercile: t[k].h > 0 ? t[k].low / t[k].h : 0,
      shareOfAll: totalLow > 0 ? t[k].low / totalLow : 0,
    })),
  };
}

function jointAdvantage(scores: PersonScore[]) {
  const both = scores.filter((s) => s.empowerment !== null && s.desirability !== null && s.hours > 0 && Number.isFinite(s.hours)
    && Number.isFinite(s.empowerment) && Number.isFinite(s.desirability));
  const rho = spearman(both.map((s) => s.empowerment!), both.map((s) => s.desirability!));
  const byE = topFractions(both.map((s) => ({ weight: s.hours, value: s.empowerment! })), 1 / 3);
  const byD = topFractions(both.map((s) => ({ weight: s.hours, value: s.desirability! })), 1 / 3);
  let topE = 0;
  let overlap = 0;
  both.forEach((s, i) => {
    topE += s.hours * byE[i];
    overlap += s.hours * Math.min(byE[i], byD[i]);
  });
  return { spearman: rho, topTercileOverlap: topE > 0 ? overlap / topE : null };
}

/** Computes every metric. `tolerance` is τ in points of the project scale (default 5% of its range). */
export function computeMetrics(org: Organization, scores: PersonScore[], tolerance = defaultTolerance(org.scale)): Metrics {
  const rowsE = rowsFor(scores, 'empowerment');
  const rowsD = rowsFor(scores, 'desirability');
  const bare = withoutSuggestions(org);
  const rowsBare = bare ? rowsFor(scorePeople(bare), 'empowerment') : null;
  return {
    tolerance,
    empowerment: dimension(rowsE, org.scale, tolerance),
    desirability: dimension(rowsD, org.scale, tolerance),
    coordinator: coordinator(rowsE, org.scale, tolerance, rowsBare),
    lowDesirability: lowDesirability(org, rowsE),
    jointAdvantage: jointAdvantage(scores),
    pay: payAudit(scores),
    suggested: ratedHoursShares(org, (t) => t.source === 'suggested'),
    contested: { tasks: org.tasks.filter((t) => t.contested === true).length, ...ratedHoursShares(org, (t) => t.contested === true) },
  };
}
