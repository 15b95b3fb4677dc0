/**
 * The order statistics of one task's ratings (median, quartiles) and the contested rule of issue 17,
 * in points of the project scale.
 */
import type { Scale } from '../model/types';

/**
 * The p-quantile of sorted values by linear interpolation between order statistics — Hyndman and
 * Fan's type 7, the definition of Excel's QUARTILE.INC / PERCENTILE.INC, LibreOffice's QUARTILE and
 * R's default: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) (0-based). A group checking the
 * numbers in its own spreadsheet gets the same quartiles.
 */
export function quantile7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Fewer raters than this cannot make a task contested: two people disagreeing is not yet a split group. */
export const MIN_RATERS_TO_JUDGE = 3;
/** Rounding noise allowed in the comparisons below (values converted between scales carry some). */
const EPS = 1e-9;

export interface Spread {
  median: number | null;
  q1: number | null;
  q3: number | null;
  contested: boolean;
}

/**
 * Median, quartiles and the contested flag: at least MIN_RATERS_TO_JUDGE raters and either a third or
 * more of them in each extreme third of the scale (values ≤ min + range/3 and ≥ max − range/3: the
 * group is split, not spread), or an interquartile range above 2τ (more than twice the tolerance
 * the audit calls balanced: the middle half of the group cannot agree within it).
 */
export function spreadOf(values: readonly number[], scale: Scale, tolerance: number): Spread {
  if (values.length === 0) return { median: null, q1: null, q3: null, contested: false };
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantile7(sorted, 0.25);
  const median = quantile7(sorted, 0.5);
  const q3 = quantile7(sorted, 0.75);
  const n = sorted.length;
  let contested = false;
  if (n >= MIN_RATERS_TO_JUDGE) {
    const third = (scale.max - scale.min) / 3;
    const low = sorted.filter((v) => v <= scale.min + third + EPS).length;
    const high = sorted.filter((v) => v >= scale.max - third - EPS).length;
    // "A third or more": compared in whole numbers (3 × count ≥ n), free of rounding.
    const split = 3 * low >= n && 3 * high >= n;
    contested = split || q3 - q1 > 2 * tolerance + EPS;
  }
  return { median, q1, q3, contested };
}

/** The median of a list (type 7 at p = ½ is the ordinary median); null when empty. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return quantile7([...values].sort((a, b) => a - b), 0.5);
}
