/**
 * Krippendorff's alpha with the interval metric (units = tasks, coders = returned forms, missing
 * ratings allowed), and its reading in words: how far the members share a reading of a dimension.
 */

/**
 * Alpha = 1 − D_o / D_e over the pairable values (units with at least two values; a unit rated by
 * one member has nothing to agree with and is dropped, as in K. Krippendorff, "Computing
 * Krippendorff's Alpha-Reliability", 2011). With the interval metric δ²(c, k) = (c − k)²:
 *   D_o = (1/n) Σ_u Σ_{i≠j in u} (v_i − v_j)² / (m_u − 1)
 *   D_e = Σ_{i≠j over all n pairable values} (v_i − v_j)² / (n (n − 1))
 * Each pair sum is computed in O(m) as 2(m Σv² − (Σv)²), so a round of any size costs linear time.
 * Null when nothing can be paired (no task rated by two members) or when every pairable value is the
 * same (D_e = 0: alpha cannot tell agreement from a lack of variation).
 */
export function intervalAlpha(units: readonly (readonly number[])[]): number | null {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  let observed = 0;
  for (const unit of units) {
    const m = unit.length;
    if (m < 2) continue;
    let s = 0;
    let sq = 0;
    for (const v of unit) {
      s += v;
      sq += v * v;
    }
    observed += (2 * (m * sq - s * s)) / (m - 1);
    n += m;
    sum += s;
    sumSq += sq;
  }
  if (n < 2) return null;
  const dO = observed / n;
  const dE = (2 * (n * sumSq - sum * sum)) / (n * (n - 1));
  // Sums of squares of ratings on a scale stay exact enough that relative noise is ~1e-15.
  if (!(dE > 1e-12 * Math.max(1, sumSq))) return null;
  return 1 - dO / dE;
}

/** Units (values per task) with at least two values: what alpha can pair. */
export function pairableUnits(units: readonly (readonly number[])[]): number {
  return units.filter((u) => u.length >= 2).length;
}

export type AlphaLevel = 'reliable' | 'tentative' | 'unshared' | 'none';

export interface AlphaReading {
  alpha: number | null;
  level: AlphaLevel;
  /** Tasks rated by two members or more: the units alpha could use. */
  units: number;
  text: string;
}

/**
 * Krippendorff's own thresholds (K. Krippendorff, Content Analysis: An Introduction to Its
 * Methodology, 2nd ed., 2004, §11.4.4, p. 241; repeated in "Computing Krippendorff's
 * Alpha-Reliability", 2011): rely on data with α ≥ .800; data between α = .667 and .800 support
 * tentative conclusions only; below .667 the coders do not yet share a reading of the variable.
 */
export const ALPHA_RELIABLE = 0.8;
export const ALPHA_TENTATIVE = 0.667;

/** The reading of one dimension's alpha, for the round's report. */
export function readAlpha(dimension: string, alpha: number | null, units: readonly (readonly number[])[]): AlphaReading {
  const pairable = pairableUnits(units);
  if (alpha === null) {
    const text =
      pairable === 0
        ? `No task was rated for ${dimension} by two members or more, so agreement cannot be measured.`
        : `Every ${dimension} rating given to a task rated by two members or more is the same value: alpha cannot tell agreement from a lack of variation.`;
    return { alpha, level: 'none', units: pairable, text };
  }
  const figure = alpha.toFixed(3);
  if (alpha >= ALPHA_RELIABLE) {
    return { alpha, level: 'reliable', units: pairable, text: `Alpha ${figure} (≥ 0.800): the members share a reading of ${dimension}; the medians can be relied on.` };
  }
  if (alpha >= ALPHA_TENTATIVE) {
    return { alpha, level: 'tentative', units: pairable, text: `Alpha ${figure} (0.667–0.800): the members partly share a reading of ${dimension}; treat the medians as tentative.` };
  }
  return {
    alpha,
    level: 'unshared',
    units: pairable,
    text: `Alpha ${figure} (below 0.667): the group does not yet share a reading of ${dimension}; talk through what it means before deciding the contested tasks.`,
  };
}
