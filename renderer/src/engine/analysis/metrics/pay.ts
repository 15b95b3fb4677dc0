/**
 * The remuneration audit (DESIGN.md §1): hourly pay ratios and Spearman(hourly pay, E_i) with a
 * one-sided p-value, so a positive correlation is called a red flag only when it is unlikely by chance.
 */
import type { PersonScore } from '../jobScores';
import { averageRanks, spearman } from './weighted';

export interface PayAudit {
  people: number;
  maxMinRatio: number | null;
  topMedianRatio: number | null;
  spearmanEmpowerment: number | null;
  spearmanDesirability: number | null;
  /**
   * One-sided p-value (0–1] of Spearman(pay, E) for a positive correlation: the chance that pay
   * assigned at random would correlate at least as strongly. Exact for n ≤ 8, else a seeded
   * permutation test (deterministic). Null when Spearman(pay, E) is.
   */
  pValue: number | null;
  /** True when hourly pay rises with empowerment (Spearman > 0) and p < 0.05. */
  redFlag: boolean;
}

/** Exact enumeration up to this many people (8! = 40,320 orderings). */
const EXACT_MAX = 8;
/** Permutations drawn for larger samples, fewer for very large ones so the cost stays near 2·10⁷ steps. */
const PERMUTATIONS = 10_000;
const SEED = 0x5eed_f00d;

/** mulberry32: a small seeded PRNG, uniform in [0, 1). The same generator as scripts/prng.mjs, which the Node scripts use; the engine keeps its own copy because it stays self-contained TypeScript. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Σ (ra_i − r̄)(rb_p(i) − r̄): the variances do not change under permutation, so this orders permutations like ρ. */
function covariance(ra: readonly number[], rb: readonly number[], perm: readonly number[], mean: number): number {
  let s = 0;
  for (let i = 0; i < ra.length; i++) s += (ra[i] - mean) * (rb[perm[i]] - mean);
  return s;
}

/** Calls `visit` once for every permutation of 0..n−1 (Heap's algorithm). */
function everyPermutation(n: number, visit: (p: readonly number[]) => void): void {
  const p = Array.from({ length: n }, (_, i) => i);
  const c = new Array<number>(n).fill(0);
  visit(p);
  for (let i = 0; i < n; ) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [p[j], p[i]] = [p[i], p[j]];
      visit(p);
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/**
 * One-sided p-value for Spearman(a, b) > 0 under the null of no association (average ranks for ties,
 * which permutation keeps). Exact for n ≤ 8: the share of the n! orderings with a correlation at least
 * the observed one. Otherwise (1 + count) ÷ (1 + N) over N seeded random permutations. Null when
 * Spearman is (fewer than 3 pairs or no variance).
 */
export function spearmanPValue(a: readonly number[], b: readonly number[], seed = SEED): number | null {
  if (spearman(a, b) === null) return null;
  const n = a.length;
  // Pairs in a canonical order (by rank of a, then of b), so the seeded draws never depend on the roster's order.
  const rankB = averageRanks(b);
  const pairs = averageRanks(a).map((x, i) => [x, rankB[i]] as const);
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  const ra = pairs.map((p) => p[0]);
  const rb = pairs.map((p) => p[1]);
  const mean = (n + 1) / 2;
  const identity = Array.from({ length: n }, (_, i) => i);
  const observed = covariance(ra, rb, identity, mean);
  // Ties in rank sums are exact in real arithmetic; allow for floating-point noise.
  const atLeast = (s: number) => s >= observed - 1e-9 * Math.max(1, Math.abs(observed));
  if (n <= EXACT_MAX) {
    let hits = 0;
    let total = 0;
    everyPermutation(n, (p) => {
      total++;
      if (atLeast(covariance(ra, rb, p, mean))) hits++;
    });
    return hits / total;
  }
  const draws = Math.max(1_000, Math.min(PERMUTATIONS, Math.floor(2e7 / n)));
  const random = prng(seed);
  const p = identity.slice();
  let hits = 0;
  for (let k = 0; k < draws; k++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = p[i]; // a plain swap: a destructuring one allocates two arrays per step
      p[i] = p[j];
      p[j] = t;
    }
    if (atLeast(covariance(ra, rb, p, mean))) hits++;
  }
  return (1 + hits) / (1 + draws);
}

/** Pay audit over people with a positive, finite hourly pay; null when nobody has one. */
export function payAudit(scores: PersonScore[]): PayAudit | null {
  const paid = scores.filter((s) => s.hourlyPay !== null && s.hourlyPay > 0 && Number.isFinite(s.hourlyPay));
  if (paid.length === 0) return null;
  const pays = paid.map((s) => s.hourlyPay!).sort((a, b) => a - b);
  const max = pays[pays.length - 1];
  const mid = pays.length >> 1;
  const median = pays.length % 2 ? pays[mid] : (pays[mid - 1] + pays[mid]) / 2;
  const withE = paid.filter((s) => s.empowerment !== null && Number.isFinite(s.empowerment));
  const withD = paid.filter((s) => s.desirability !== null && Number.isFinite(s.desirability));
  const payE = withE.map((s) => s.hourlyPay!);
  const e = withE.map((s) => s.empowerment!);
  const rhoE = spearman(payE, e);
  const rhoD = spearman(withD.map((s) => s.hourlyPay!), withD.map((s) => s.desirability!));
  const pValue = spearmanPValue(payE, e);
  return {
    people: paid.length,
    maxMinRatio: pays[0] > 0 ? max / pays[0] : null,
    topMedianRatio: median > 0 ? max / median : null,
    spearmanEmpowerment: rhoE,
    spearmanDesirability: rhoD,
    pValue,
    redFlag: rhoE !== null && rhoE > 0 && pValue !== null && pValue < 0.05,
  };
}
