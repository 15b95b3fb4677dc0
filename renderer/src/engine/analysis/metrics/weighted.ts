/**
 * Hours-weighted inequality measures over people (DESIGN.md §4 "Metrics"). Every function takes
 * entries {weight: hours ≥ 0, value: normalized score 0–1} and is independent of entry order and
 * of scaling all weights by a constant. Entries with a non-finite weight or value are ignored by the
 * sorted measures, and every loop advances at least one entry per step, so NaN or Infinity can
 * never make a loop spin (the import refuses such numbers; the metrics must still terminate).
 */

export interface Weighted {
  weight: number;
  value: number;
}

function totalWeight(xs: readonly Weighted[]): number {
  let w = 0;
  for (const x of xs) w += x.weight;
  return w;
}

/** Hours-weighted mean μ = Σ w_i x_i / Σ w_i; 0 for no weight. */
export function weightedMean(xs: readonly Weighted[]): number {
  const w = totalWeight(xs);
  if (w <= 0) return 0;
  let s = 0;
  for (const x of xs) s += x.weight * x.value;
  return s / w;
}

/** Usable entries: positive, finite weight and a finite value. */
export function usable(x: Weighted): boolean {
  return x.weight > 0 && Number.isFinite(x.weight) && Number.isFinite(x.value);
}

function ascending(xs: readonly Weighted[]): Weighted[] {
  return xs.filter(usable).sort((a, b) => a.value - b.value);
}

/**
 * Absolute Gini A = ΣΣ h_i h_j |x_i − x_j| / (2 H²), in the units of the values (normalized 0–1 here;
 * multiply by the scale's range for points): half the average gap between two hours picked at random.
 * It depends only on differences, so shifting every value by a constant leaves it unchanged.
 * O(N log N): sorted ascending, each pair's difference is counted once as x_i·W_<i − S_<i and doubled.
 */
export function absoluteGini(xs: readonly Weighted[]): number {
  const s = ascending(xs);
  const H = totalWeight(s);
  if (!(H > 0)) return 0;
  let wBefore = 0;
  let sBefore = 0;
  let sum = 0;
  for (const x of s) {
    sum += x.weight * (x.value * wBefore - sBefore);
    wBefore += x.weight;
    sBefore += x.weight * x.value;
  }
  return (2 * sum) / (2 * H * H);
}

/** Gini G = A / μ = ΣΣ h_i h_j |x_i − x_j| / (2 H² μ), relative to value 0; 0 when μ = 0 (nobody has any). */
export function gini(xs: readonly Weighted[]): number {
  const mu = weightedMean(ascending(xs));
  return mu > 0 ? absoluteGini(xs) / mu : 0;
}

/**
 * Hours-weighted mean value of the top `fraction` (0–1] of hours ranked by value, the boundary
 * person split proportionally (so ties never depend on order); 0 with no hours.
 */
export function topMean(xs: readonly Weighted[], fraction: number): number {
  const s = ascending(xs).reverse();
  const H = totalWeight(s);
  if (!(H > 0) || !(fraction > 0)) return 0;
  let left = Math.min(1, fraction) * H;
  let w = 0;
  let m = 0;
  for (const x of s) {
    if (!(left > 0)) break;
    const take = Math.min(x.weight, left);
    w += take;
    m += take * x.value;
    left -= take;
  }
  return w > 0 ? m / w : 0;
}

/** Lorenz points: cumulative (share of hours, share of mass) in ascending value, from (0,0) to (1,1). */
export function lorenz(xs: readonly Weighted[]): { hours: number; mass: number }[] {
  const s = ascending(xs);
  const H = totalWeight(s);
  let M = 0;
  for (const x of s) M += x.weight * x.value;
  const pts = [{ hours: 0, mass: 0 }];
  if (H <= 0) return pts;
  let w = 0;
  let m = 0;
  for (const x of s) {
    w += x.weight;
    m += x.weight * x.value;
    pts.push({ hours: w / H, mass: M > 0 ? m / M : w / H });
  }
  return pts;
}

/**
 * Mass share of a group formed by cumulative hours: the top (or bottom) `fraction` of hours of
 * people ranked by value, the boundary person split proportionally. Returns the group's share
 * (0–1) of total mass Σ w·x; with no mass, the hours share.
 */
export function groupMassShare(xs: readonly Weighted[], fraction: number, from: 'top' | 'bottom'): number {
  const s = ascending(xs);
  if (from === 'top') s.reverse();
  const H = totalWeight(s);
  let M = 0;
  for (const x of s) M += x.weight * x.value;
  if (H <= 0) return 0;
  if (M <= 0) return fraction;
  let left = fraction * H;
  let m = 0;
  for (const x of s) {
    if (!(left > 0)) break;
    const take = Math.min(x.weight, left);
    m += take * x.value;
    left -= take;
  }
  return m / M;
}

/** Values equal up to floating-point noise (Σh·ê/Σh is not bit-exact) count as ties. */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Per-entry fraction (0–1) of its hours that fall in the top `fraction` of hours ranked by value.
 * People tied at the boundary share it in proportion to their hours, so order never matters.
 */
export function topFractions(xs: readonly Weighted[], fraction: number): number[] {
  const order = xs.map((x, i) => i).filter((i) => usable(xs[i])).sort((a, b) => xs[b].value - xs[a].value);
  let H = 0;
  for (const i of order) H += xs[i].weight;
  const out = xs.map(() => 0);
  let left = fraction * H;
  for (let k = 0; k < order.length && left > 0; ) {
    // The group always holds entry k itself, so k advances even if sameValue were false for it.
    let end = k + 1;
    let tiedWeight = xs[order[k]].weight;
    while (end < order.length && sameValue(xs[order[end]].value, xs[order[k]].value)) tiedWeight += xs[order[end++]].weight;
    const share = Math.min(1, left / tiedWeight);
    for (let j = k; j < end; j++) out[order[j]] = share;
    left -= share * tiedWeight;
    k = end;
  }
  return out;
}

/** Theil T = Σ w_i (x_i/μ) ln(x_i/μ) with w_i hours shares; terms with x_i = 0 are 0. */
export function theil(xs: readonly Weighted[]): number {
  const H = totalWeight(xs);
  const mu = weightedMean(xs);
  if (H <= 0 || mu <= 0) return 0;
  let t = 0;
  for (const x of xs) {
    if (x.weight <= 0 || x.value <= 0) continue;
    const r = x.value / mu;
    t += (x.weight / H) * r * Math.log(r);
  }
  return t;
}

/** Theil T split into between-group Σ_g W_g (μ_g/μ) ln(μ_g/μ) and within = T − between. */
export function theilDecomposition(xs: readonly (Weighted & { group: string })[]): { total: number; between: number; within: number } {
  const total = theil(xs);
  const H = totalWeight(xs);
  const mu = weightedMean(xs);
  if (H <= 0 || mu <= 0) return { total: 0, between: 0, within: 0 };
  const groups = new Map<string, Weighted[]>();
  for (const x of xs) {
    const g = groups.get(x.group);
    if (g) g.push(x);
    else groups.set(x.group, [x]);
  }
  let between = 0;
  for (const g of groups.values()) {
    const Wg = totalWeight(g) / H;
    const mg = weightedMean(g);
    if (Wg > 0 && mg > 0) between += Wg * (mg / mu) * Math.log(mg / mu);
  }
  return { total, between, within: total - between };
}

/** Hoover index ½ Σ |m_i − w_i|: the share of mass that would have to move for mass to follow hours. */
export function hoover(xs: readonly Weighted[]): number {
  const H = totalWeight(xs);
  let M = 0;
  for (const x of xs) M += x.weight * x.value;
  if (H <= 0 || M <= 0) return 0;
  let d = 0;
  for (const x of xs) d += Math.abs((x.weight * x.value) / M - x.weight / H);
  return d / 2;
}

/** Average ranks (1-based) with ties sharing the mean of their positions. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && sameValue(values[order[j + 1]], values[order[i]])) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}

/** Spearman's rank correlation (Pearson on average ranks), over pairs; null with < 3 pairs or no variance. */
export function spearman(a: readonly number[], b: readonly number[]): number | null {
  const n = a.length;
  if (n < 3 || b.length !== n) return null;
  const ra = averageRanks(a);
  const rb = averageRanks(b);
  const ma = ra.reduce((s, x) => s + x, 0) / n;
  const mb = rb.reduce((s, x) => s + x, 0) / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    cov += (ra[i] - ma) * (rb[i] - mb);
    va += (ra[i] - ma) ** 2;
    vb += (rb[i] - mb) ** 2;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : null;
}
