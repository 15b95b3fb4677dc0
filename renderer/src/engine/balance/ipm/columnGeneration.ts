/**
 * Column generation around the structured interior point: the full balance LP has a "new hours"
 * column for every group × class (373,870 at 2,000 people with both dimensions), but an optimum
 * uses a handful per group. Solve a restricted LP (every kept column, a few new ones per group,
 * big-M artificials on the band rows so it is always feasible), price every new column with its
 * well-centred interior-point duals, add the most negative few per group, repeat until none
 * prices out. Each restricted solve is cheap because the Schur update costs (classes a group
 * touches)² rather than classes². The answer is checked exactly by HiGHS afterwards (exactLp.ts).
 */
import { type IpmPoint, solveIpm } from './mehrotra';
import { MAX_GROUP_ROWS, type StructuredLp } from './structured';

export interface CgResult {
  status: 'optimal' | 'infeasible' | 'time-limit' | 'failed';
  /** Structural columns of the full LP in the final restricted set (ascending). */
  columns: Int32Array;
  /** Values of those columns. */
  x: Float64Array;
  /** Row duals of the final restricted solve (full LP's rows). */
  y: Float64Array;
  rounds: number;
  iterations: number;
}

/** New columns priced in per group and round: enough to converge in few rounds, few enough to keep each solve sparse. */
const ADD_PER_GROUP = Number(process.env.CG_ADD ?? 8);
/** A column prices out when its reduced cost is below this (hours per hour; costs are ≥ 1 per new hour). */
const PRICE_TOLERANCE = 1e-7;
/** Cost of an artificial unit of band violation (normalized mass), far above any real dual (hours moved per unit of mass). */
const BIG_M = 1e4;
const MAX_ROUNDS = 40;
const LOOSE = Number(process.env.CG_LOOSE ?? 1e-5);
const WARM = process.env.CG_WARM !== '0';
const WARM_GAP = Number(process.env.CG_WARM_GAP ?? 1e-3);

/** The extreme classes in eight directions of (e, d): a first set of new columns that can move any job anywhere the classes reach. */
function extremeClasses(lp: StructuredLp, isNew: Uint8Array): number[] {
  const e = new Map<number, [number, number]>();
  for (let j = 0; j < lp.structural; j++) {
    if (!isNew[j] || e.has(lp.colClass[j])) continue;
    const g = lp.colGroup[j];
    const k = lp.groupRowStart[g + 1] - lp.groupRowStart[g];
    e.set(lp.colClass[j], [k > 1 ? lp.colCoef[j * MAX_GROUP_ROWS + 1] : 0, k > 2 ? lp.colCoef[j * MAX_GROUP_ROWS + 2] : 0]);
  }
  const picks = new Set<number>();
  for (const [de, dd] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [1, -1], [-1, 1], [-1, -1]]) {
    let best = -1, bestV = -Infinity;
    for (const [c, [ce, cd]] of e) {
      const v = de * ce + dd * cd;
      if (v > bestV) [best, bestV] = [c, v];
    }
    if (best >= 0) picks.add(best);
  }
  return [...picks];
}

/** The restricted LP: chosen structural columns, every slack, and two artificials per group row that is not the hours row. */
function restrict(lp: StructuredLp, chosen: Int32Array): { rlp: StructuredLp; artificials: number } {
  const slacks = lp.numCols - lp.structural;
  const G = lp.groupRowStart.length - 1;
  const bandRows = lp.groupRowStart[G] - lp.classRows - G;
  const artificials = 2 * Math.max(0, bandRows);
  const n = chosen.length + slacks + artificials;
  const K = MAX_GROUP_ROWS;
  const colGroup = new Int32Array(n), colClass = new Int32Array(n).fill(-1), colMult = new Float64Array(n);
  const colCoef = new Float64Array(n * K), cost = new Float64Array(n), upper = new Float64Array(n);
  let o = 0;
  const copy = (j: number) => {
    colGroup[o] = lp.colGroup[j];
    colClass[o] = lp.colClass[j];
    colMult[o] = lp.colMult[j];
    for (let r = 0; r < K; r++) colCoef[o * K + r] = lp.colCoef[j * K + r];
    cost[o] = lp.cost[j];
    upper[o] = lp.upper[j];
    o++;
  };
  for (const j of chosen) copy(j);
  for (let j = lp.structural; j < lp.numCols; j++) copy(j);
  for (let g = 0; g < G; g++) {
    const k = lp.groupRowStart[g + 1] - lp.groupRowStart[g];
    for (let r = 1; r < k; r++) {
      for (const sign of [1, -1]) {
        colGroup[o] = g;
        colCoef[o * K + r] = sign;
        cost[o] = BIG_M;
        upper[o] = Infinity;
        o++;
      }
    }
  }
  const groupColStart = new Int32Array(G + 1);
  return { rlp: { ...lp, numCols: n, structural: chosen.length, colGroup, colClass, colMult, colCoef, cost, upper, groupColStart }, artificials };
}

interface Warm {
  point: IpmPoint;
  chosen: Int32Array;
}

/**
 * The previous round's kept iterate, mapped onto this round's columns: old columns keep their
 * values; a new column (priced in because its reduced cost rc < 0 there) starts on the central path
 * of that iterate, x·z = μ, with z = max(|rc|, √μ), so it joins without jumping the barrier.
 */
function warmStart(lp: StructuredLp, rlp: StructuredLp, chosen: Int32Array, warm: Warm): IpmPoint {
  const n = rlp.numCols;
  const p = warm.point;
  const out: IpmPoint = { x: new Float64Array(n), w: new Float64Array(n), y: p.y.slice(), z: new Float64Array(n), q: new Float64Array(n) };
  const oldPos = new Map<number, number>();
  warm.chosen.forEach((j, i) => oldPos.set(j, i));
  let mu = 0, count = 0;
  for (let i = 0; i < p.x.length; i++) if (p.x[i] > 0) {
    mu += p.x[i] * p.z[i];
    count++;
  }
  mu = count ? mu / count : 1;
  const shift = rlp.numCols - chosen.length - (p.x.length - warm.chosen.length);
  if (shift !== 0) throw new Error('restricted LPs differ in slack/artificial columns');
  chosen.forEach((j, i) => {
    const o = oldPos.get(j);
    if (o !== undefined) {
      out.x[i] = p.x[o];
      out.w[i] = p.w[o];
      out.z[i] = p.z[o];
      out.q[i] = p.q[o];
    } else {
      const z = Math.max(Math.abs(reducedCost(lp, p.y, j)), Math.sqrt(mu));
      out.z[i] = z;
      out.x[i] = mu / z;
      out.w[i] = Number.isFinite(lp.upper[j]) ? lp.upper[j] - out.x[i] : 0;
      out.q[i] = Number.isFinite(lp.upper[j]) ? mu / Math.max(out.w[i], 1e-12) : 0;
    }
  });
  for (let a = chosen.length, b = warm.chosen.length; a < n; a++, b++) {
    out.x[a] = p.x[b];
    out.w[a] = p.w[b];
    out.z[a] = p.z[b];
    out.q[a] = p.q[b];
  }
  return out;
}

/** Reduced cost of full-LP column j at duals y. */
export function reducedCost(lp: StructuredLp, y: Float64Array, j: number): number {
  const c = lp.colClass[j];
  let s = lp.cost[j] - (c >= 0 ? lp.colMult[j] * y[c] : 0);
  const base = lp.groupRowStart[lp.colGroup[j]];
  const k = lp.groupRowStart[lp.colGroup[j] + 1] - base;
  for (let r = 0; r < k; r++) s -= lp.colCoef[j * MAX_GROUP_ROWS + r] * y[base + r];
  return s;
}

export function solveByColumnGeneration(lp: StructuredLp, deadline: number): CgResult {
  const n = lp.structural;
  // New-hours columns are the unbounded ones with a cost; kept columns are bounded by current hours.
  const isNew = new Uint8Array(n);
  for (let j = 0; j < n; j++) isNew[j] = Number.isFinite(lp.upper[j]) ? 0 : 1;
  const inSet = new Uint8Array(n);
  const extremes = new Set(extremeClasses(lp, isNew));
  for (let j = 0; j < n; j++) if (!isNew[j] || extremes.has(lp.colClass[j])) inSet[j] = 1;
  // Per group, the classes it keeps hours in: new hours there too are natural first candidates.
  const kept = new Set<string>();
  for (let j = 0; j < n; j++) if (!isNew[j]) kept.add(`${lp.colGroup[j]}:${lp.colClass[j]}`);
  for (let j = 0; j < n; j++) if (isNew[j] && kept.has(`${lp.colGroup[j]}:${lp.colClass[j]}`)) inSet[j] = 1;

  let iterations = 0;
  const none = (status: CgResult['status'], rounds: number): CgResult => ({ status, columns: new Int32Array(0), x: new Float64Array(0), y: new Float64Array(0), rounds, iterations });
  let loose = true;
  let warm: Warm | null = null;
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const chosen = Int32Array.from({ length: n }, (_, j) => j).filter((j) => inSet[j]);
    const { rlp, artificials } = restrict(lp, chosen);
    // Early rounds only need duals good enough to price with; the last one is solved tightly.
    const start = warm && WARM ? warmStart(lp, rlp, chosen, warm) : undefined;
    const r = solveIpm(rlp, { deadline, tolerance: loose ? LOOSE : 1e-8, maxIterations: 100, start, snapshotGap: WARM_GAP });
    if (r.snapshot) warm = { point: r.snapshot, chosen };
    iterations += r.iterations;
    if (typeof process !== 'undefined' && process.env?.CG_DEBUG) console.log('round', round, r.status, r.iterations, 'cols', chosen.length, 'obj', r.primalObjective, r.dualObjective);
    if (r.status === 'time-limit') return none('time-limit', round);
    // Stalling just short of the tolerance still gives duals good enough to price with (HiGHS checks the end).
    const close = Math.abs(r.primalObjective - r.dualObjective) <= 1e-6 * (1 + Math.abs(r.primalObjective));
    if (r.status !== 'optimal' && !(r.status === 'iteration-limit' && close)) return none('failed', round);
    // Price every new column outside the set; per group keep the most negative few.
    const G = lp.groupRowStart.length - 1;
    const best: { j: number; rc: number }[][] = Array.from({ length: G }, () => []);
    let added = 0;
    for (let j = 0; j < n; j++) {
      if (inSet[j] || !isNew[j]) continue;
      const rc = reducedCost(lp, r.y, j);
      if (rc >= -PRICE_TOLERANCE) continue;
      const list = best[lp.colGroup[j]];
      if (list.length < ADD_PER_GROUP) list.push({ j, rc });
      else {
        let worst = 0;
        for (let i = 1; i < list.length; i++) if (list[i].rc > list[worst].rc) worst = i;
        if (rc < list[worst].rc) list[worst] = { j, rc };
      }
    }
    for (const list of best) for (const { j } of list) {
      inSet[j] = 1;
      added++;
    }
    if (added === 0 && loose) {
      loose = false;
      continue;
    }
    if (added === 0) {
      let art = 0;
      for (let a = rlp.numCols - artificials; a < rlp.numCols; a++) art = Math.max(art, r.x[a]);
      if (art > 1e-7) return none('infeasible', round);
      return { status: 'optimal', columns: chosen, x: r.x.slice(0, chosen.length), y: r.y, rounds: round, iterations };
    }
    if (Date.now() > deadline) return none('time-limit', round);
  }
  return none('failed', MAX_ROUNDS);
}
