// Independent computations for the rating round tests: written apart from the engine (other formulas, other routes) so an error in one does not hide in both.

/**
 * The textbook route, written independently of the engine's sums of squares: the coincidence matrix
 * o_ck = Σ_u (c–k pairs of different coders in u) / (m_u − 1) over units with m_u ≥ 2, the marginals
 * n_c, and α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck with δ²_ck = (c − k)².
 */
export function bruteForceAlpha(units: number[][]): number | null {
  const o = new Map<string, number>();
  const key = (c: number, k: number) => `${c}|${k}`;
  for (const u of units) {
    if (u.length < 2) continue;
    for (let i = 0; i < u.length; i++) {
      for (let j = 0; j < u.length; j++) {
        if (i !== j) o.set(key(u[i], u[j]), (o.get(key(u[i], u[j])) ?? 0) + 1 / (u.length - 1));
      }
    }
  }
  const nc = new Map<number, number>();
  for (const [k, v] of o) {
    const c = Number(k.split('|')[0]);
    nc.set(c, (nc.get(c) ?? 0) + v);
  }
  const n = [...nc.values()].reduce((a, b) => a + b, 0);
  let observed = 0;
  for (const [k, v] of o) {
    const [c, d] = k.split('|').map(Number);
    observed += v * (c - d) ** 2;
  }
  let expected = 0;
  for (const [c, a] of nc) for (const [d, b] of nc) expected += a * b * (c - d) ** 2;
  if (n < 2 || expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * The p-quantile as Excel's QUARTILE.INC defines it, by rank: the value at rank 1 + (n − 1)p of the
 * sorted list (1-based), interpolating between the neighbouring ranks.
 */
export function quartileInc(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = 1 + (sorted.length - 1) * p;
  const below = sorted[Math.floor(rank) - 1];
  const above = sorted[Math.min(Math.ceil(rank), sorted.length) - 1];
  return below + (rank - Math.floor(rank)) * (above - below);
}

/** Issue 17's contested rule read literally: 3+ raters and (≥ ⅓ in each extreme third, or IQR > 2τ). */
export function contestedByHand(values: readonly number[], min: number, max: number, tolerance: number): boolean {
  if (values.length < 3) return false;
  const range = max - min;
  const low = values.filter((v) => v <= min + range / 3).length / values.length;
  const high = values.filter((v) => v >= max - range / 3).length / values.length;
  const iqr = quartileInc(values, 0.75) - quartileInc(values, 0.25);
  return (low >= 1 / 3 && high >= 1 / 3) || iqr > 2 * tolerance;
}
