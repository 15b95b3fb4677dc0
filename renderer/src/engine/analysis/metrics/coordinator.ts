/**
 * The coordinator cluster (DESIGN.md §4): people whose E_i is more than 2τ above the hours-weighted
 * mean, with its sensitivity (who is above τ, 2τ and 3τ), the largest break in the ranked jobs, whether
 * the cluster is a clear group or a gradual slope, and which memberships rest on suggested ratings.
 * Everything here depends only on differences between scores, so it does not move when every rating
 * is shifted by a constant.
 *
 * The break is height above the mean: the lowest person above the mean is measured down to the next
 * person or to the mean, whichever is higher (a person far below the mean does not widen the last gap).
 * So a break of at least 2τ has everyone above it at least 2τ above the mean, and a "clear group" is
 * never larger than the cluster; `clusterKind` also refuses to call a break clear when its lowest member
 * is exactly 2τ above the mean (on the cluster's boundary, not in it).
 */
import type { Scale } from '../../model/types';
import { toPoints } from '../../rating/scale';
import type { PersonScore } from '../jobScores';
import { sameValue, weightedMean, type Weighted } from './weighted';

export interface CoordinatorMember {
  name: string;
  role: string | null;
  department: string | null;
  hours: number;
  empowerment: number;
  /**
   * True when this person would not be in the cluster if suggested ratings were left out: their E and
   * the mean recomputed over tasks rated by the members or the file only put them at most 2τ above it,
   * or they have no such task at all.
   */
  restsOnSuggestions: boolean;
}

export interface ClusterLevel {
  /** The threshold is this multiple of τ above the mean. */
  multiple: 1 | 2 | 3;
  /** Threshold above the mean, in points. */
  threshold: number;
  /** People more than `threshold` above the mean, highest E first. */
  names: string[];
  /** Their share (0–1) of E-rated hours. */
  hoursShare: number;
}

export interface ClusterBreak {
  /** The largest gap, in points, between neighbours in the ranked jobs (see `largestBreak`). */
  gap: number;
  /** True when the gap is measured down to the mean because the next person down is below it. */
  toMean: boolean;
  /** People above the break. */
  above: number;
  lowestAbove: string;
  highestBelow: string;
}

export type ClusterKind = 'none' | 'clear' | 'gradual';

export interface CoordinatorCluster {
  /** Threshold above the mean, in points (2τ). */
  threshold: number;
  members: CoordinatorMember[];
  hoursShare: number;
  massShare: number;
  /** massShare ÷ hoursShare; null when empty. */
  ratio: number | null;
  /** The members' hours-weighted mean E minus the overall mean, in points; null when empty. */
  gap: number | null;
  roles: { name: string; people: number }[];
  departments: { name: string; people: number }[];
  /** Membership at τ, 2τ and 3τ above the mean. */
  levels: ClusterLevel[];
  largestBreak: ClusterBreak | null;
  /** 'none': nobody above 2τ; 'clear': the largest break is a real gap (see `clusterKind`); else 'gradual'. */
  kind: ClusterKind;
}

/** A person's empowerment row: normalized score, E-rated hours as weight. */
export interface ClusterRow extends Weighted {
  score: PersonScore;
}

/** Tolerance comparisons allow for floating-point noise far below 0.01 points. */
const EPS = 1e-9;

function countBy(members: CoordinatorMember[], key: 'role' | 'department'): { name: string; people: number }[] {
  const m = new Map<string, { name: string; people: number }>();
  for (const x of members) {
    const name = x[key] ?? '(none)';
    const e = m.get(name.toLowerCase()) ?? { name, people: 0 };
    e.people++;
    m.set(name.toLowerCase(), e);
  }
  return [...m.values()].sort((a, b) => b.people - a.people || a.name.localeCompare(b.name));
}

/** Highest E first; equal E (up to floating-point noise) by name, so the order never depends on the roster's. */
function ranked(rows: ClusterRow[]): ClusterRow[] {
  return [...rows].sort((a, b) => (sameValue(a.value, b.value) ? a.score.person.name.localeCompare(b.score.person.name) : b.value - a.value));
}

/**
 * The largest gap between neighbours in the ranked jobs whose upper neighbour is above the mean. The
 * lowest person above the mean is measured down to the next person (the highest at or below the mean)
 * or to the mean, whichever is higher: a break counts only as height above the mean, so the group
 * above a break of at least 2τ is inside the cluster. Equal gaps (within 1e-9 points): the lowest one
 * (more people above) is taken. Also returns the other gaps, for the "clear" rule. Null when nobody is
 * above the mean.
 */
export function largestBreak(rows: ClusterRow[], scale: Scale): { brk: ClusterBreak; others: number[] } | null {
  const range = scale.max - scale.min;
  const mu = weightedMean(rows);
  const r = ranked(rows);
  const above = r.filter((x) => (x.value - mu) * range > EPS).length;
  if (above === 0 || above >= r.length) return null;
  const floor = (k: number) => (k === above - 1 ? Math.max(r[k + 1].value, mu) : r[k + 1].value);
  const gaps = r.slice(0, above).map((x, k) => (x.value - floor(k)) * range);
  let best = 0;
  // Gaps equal up to floating-point noise count as equal, so the tie rule is not decided by rounding.
  for (let k = 1; k < gaps.length; k++) if (gaps[k] >= gaps[best] - EPS) best = k;
  return {
    brk: { gap: gaps[best], toMean: best === above - 1 && (mu - r[best + 1].value) * range > EPS, above: best + 1, lowestAbove: r[best].score.person.name, highestBelow: r[best + 1].score.person.name },
    others: gaps.filter((_, k) => k !== best),
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * 'clear' when someone is more than 2τ above the mean and the largest break is at least 2τ wide and
 * at least 3× the median of the other neighbour gaps above the mean (true when there is no other gap):
 * a step in the ranked jobs, not the steepest part of a slope, and everyone above it is in the cluster
 * (only a lowest member exactly 2τ above the mean could fail that). 'gradual' when there is a cluster
 * but no such step; 'none' when nobody is more than 2τ above the mean.
 */
export function clusterKind(clusterSize: number, brk: { brk: ClusterBreak; others: number[] } | null, tolerance: number): ClusterKind {
  if (clusterSize === 0) return 'none';
  if (!brk || brk.brk.above > clusterSize) return 'gradual';
  const wide = brk.brk.gap >= 2 * tolerance - EPS;
  const step = brk.others.length === 0 || brk.brk.gap >= 3 * median(brk.others) - EPS;
  return wide && step ? 'clear' : 'gradual';
}

/** Rows more than `threshold` points above the rows' mean, highest first. */
function above(rows: ClusterRow[], threshold: number, scale: Scale): ClusterRow[] {
  const range = scale.max - scale.min;
  const mu = weightedMean(rows);
  return ranked(rows.filter((r) => (r.value - mu) * range > threshold + EPS));
}

/**
 * The cluster over `rows` (every person with E-rated hours). `withoutSuggestions` are the same people's
 * rows scored without suggested ratings (people left with no rated hours drop out); null when no task's
 * rating is a suggestion, so nobody's membership can rest on one.
 */
export function coordinator(rows: ClusterRow[], scale: Scale, tolerance: number, withoutSuggestions: ClusterRow[] | null): CoordinatorCluster {
  const range = scale.max - scale.min;
  const mu = weightedMean(rows);
  let H = 0;
  let M = 0;
  for (const r of rows) {
    H += r.weight;
    M += r.weight * r.value;
  }
  const share = (xs: ClusterRow[]) => (H > 0 ? xs.reduce((a, r) => a + r.weight, 0) / H : 0);
  const inCluster = above(rows, 2 * tolerance, scale);
  const stillIn = withoutSuggestions ? new Set(above(withoutSuggestions, 2 * tolerance, scale).map((r) => r.score.person.id)) : null;
  const h = inCluster.reduce((a, r) => a + r.weight, 0);
  const m = inCluster.reduce((a, r) => a + r.weight * r.value, 0);
  const members = inCluster.map((r) => ({
    name: r.score.person.name, role: r.score.person.role, department: r.score.person.department,
    hours: r.score.hours, empowerment: toPoints(r.value, scale),
    restsOnSuggestions: stillIn !== null && !stillIn.has(r.score.person.id),
  }));
  const hoursShare = H > 0 ? h / H : 0;
  const massShare = M > 0 ? m / M : 0;
  const levels = ([1, 2, 3] as const).map((multiple) => {
    const xs = multiple === 2 ? inCluster : above(rows, multiple * tolerance, scale);
    return { multiple, threshold: multiple * tolerance, names: xs.map((r) => r.score.person.name), hoursShare: share(xs) };
  });
  const brk = largestBreak(rows, scale);
  return {
    threshold: 2 * tolerance, members, hoursShare, massShare,
    ratio: hoursShare > 0 ? massShare / hoursShare : null,
    gap: h > 0 ? (m / h - mu) * range : null,
    roles: countBy(members, 'role'), departments: countBy(members, 'department'),
    levels,
    largestBreak: brk?.brk ?? null,
    kind: clusterKind(members.length, brk, tolerance),
  };
}
