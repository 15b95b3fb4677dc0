/**
 * Dantzig–Wolfe decomposition of the balance LP by person group: the master LP (HiGHS, warm-started
 * primal simplex) keeps only the class rows and one convexity row per group, and each group's
 * pricing problem (groupSimplex.ts) is its own three-row LP at the master's class prices. At
 * convergence the master's optimum equals the full LP's (Lagrangian bound = master objective).
 */
import type { Highs } from 'highs';
import { type GroupData, GroupSimplex } from './groupSimplex';

export interface DecomposedLp {
  /** Hours of each class (class row right-hand sides). */
  classHours: Float64Array;
  /** ε_c = e_c − Ē and δ_c = d_c − D̄ (0 where D is not balanced). */
  eps: Float64Array;
  del: Float64Array;
  groups: GroupData[];
  /** Members per group. */
  mult: Float64Array;
}

export interface DwResult {
  status: 'optimal' | 'infeasible' | 'failed' | 'time-limit';
  /** Per group: pieces' values per member (convex combination of the master's proposals). */
  x: Float64Array[];
  /** Class prices (HiGHS row duals of the class rows) and per-group row duals (per member). */
  pi: Float64Array;
  groupDuals: Float64Array[];
  objective: number;
  lowerBound: number;
  iterations: number;
}

/** Cost of a unit of uncovered (or over-covered) class hours in the master: far above any class price. */
const BIG_M = 1e4;
/** Relative gap master objective − Lagrangian bound at which the decomposition stops. */
const GAP_TOL = 1e-9;
/** A proposal enters the master when its reduced cost (hours) is below −this. */
const ENTER_TOL = 1e-9;
const MAX_ITERATIONS = 500;
/** Weight of the best-bound prices in the smoothed pricing point (Wentges). */
const SMOOTHING = Number(typeof process !== 'undefined' ? process.env?.DW_ALPHA ?? 0.8 : 0.8);

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export function solveDecomposed(lp: DecomposedLp, highs: Highs, deadline: number, debug = false): DwResult {
  const C = lp.classHours.length;
  const G = lp.groups.length;
  const fail = (status: DwResult['status'], iterations = 0): DwResult => ({ status, x: [], pi: new Float64Array(C), groupDuals: [], objective: NaN, lowerBound: NaN, iterations });
  const subs = lp.groups.map((g) => new GroupSimplex(g, lp.eps, lp.del));
  // Proposals: per master column, its group and pieces.
  const propGroup: number[] = [];
  const propX: Float64Array[] = [];
  // Master rows: C class rows, then G convexity rows. Start with artificials on class rows only.
  const inf = highs.infinity;
  const rowLower = [...lp.classHours, ...new Array(G).fill(1)];
  const rowUpper = rowLower.slice();
  const cost: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (let c = 0; c < C; c++) {
    for (const s of [1, -1]) {
      cost.push(BIG_M);
      indices.push(c);
      values.push(s);
      starts.push(indices.length);
    }
  }
  const nArt = cost.length;
  const master = highs.createModel({
    numCols: nArt,
    numRows: C + G,
    colCost: cost,
    colLower: new Array(nArt).fill(0),
    colUpper: new Array(nArt).fill(inf),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: C + G, numCols: nArt, starts, indices, values },
  });
  master.options.set({ output_flag: false, log_to_console: false, presolve: 'off', solver: 'simplex', simplex_strategy: 4 });

  const colOf = (gi: number, x: Float64Array) => {
    const g = lp.groups[gi];
    const m = lp.mult[gi];
    const acc = new Map<number, number>();
    let cst = 0;
    for (let j = 0; j < x.length; j++) {
      if (x[j] === 0) continue;
      acc.set(g.cls[j], (acc.get(g.cls[j]) ?? 0) + x[j]);
      cst += g.weight[j] * x[j];
    }
    const idx = [...acc.keys()].sort((a, b) => a - b);
    return { cost: m * cst, idx: [...idx, C + gi], val: [...idx.map((c) => m * acc.get(c)!), 1] };
  };
  const addProposals = (list: { gi: number; x: Float64Array }[]) => {
    if (list.length === 0) return;
    const cs: number[] = [], st: number[] = [0], ix: number[] = [], vl: number[] = [];
    for (const { gi, x } of list) {
      const col = colOf(gi, x);
      cs.push(col.cost);
      ix.push(...col.idx);
      vl.push(...col.val);
      st.push(ix.length);
      propGroup.push(gi);
      propX.push(x);
    }
    master.addCols({
      cost: Float64Array.from(cs),
      lower: new Float64Array(list.length),
      upper: new Float64Array(list.length).fill(inf),
      matrix: { format: 'csc', numRows: C + G, numCols: list.length, starts: st, indices: ix, values: vl },
    } as never);
  };

  // First proposals: each group's cheapest way into its band with no class prices.
  const first: { gi: number; x: Float64Array }[] = [];
  for (let gi = 0; gi < G; gi++) {
    const r = subs[gi].solve(null);
    if (r !== 'optimal') return fail(r);
    first.push({ gi, x: subs[gi].pieceValues() });
  }
  addProposals(first);

  const pi = new Float64Array(C);
  const centre = new Float64Array(C);
  const sep = new Float64Array(C);
  let objective = NaN;
  let lowerBound = -Infinity;
  let it = 0;
  let alpha = SMOOTHING;
  let haveCentre = false;
  for (; it < MAX_ITERATIONS; it++) {
    if (now() > deadline) return fail('time-limit', it);
    const t0 = now();
    master.run();
    if (master.getModelStatus() !== highs.constants.modelStatus.optimal) return fail('failed', it);
    const sol = master.getSolution();
    objective = master.getObjectiveValue();
    for (let c = 0; c < C; c++) pi[c] = sol.rowDual[c];
    const t1 = now();
    // Wentges smoothing: price at a point between the best-bound prices and the master's, which
    // damps the oscillation of the master's duals; fall back to the master's prices when that
    // point yields no improving proposal (so termination is the plain DW test).
    let add: { gi: number; x: Float64Array }[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const a = haveCentre && attempt === 0 ? alpha : 0;
      for (let c = 0; c < C; c++) sep[c] = a * centre[c] + (1 - a) * pi[c];
      let lb = 0;
      for (let c = 0; c < C; c++) lb += lp.classHours[c] * sep[c];
      add = [];
      for (let gi = 0; gi < G; gi++) {
        const r = subs[gi].solve(sep);
        if (r !== 'optimal') return fail(r === 'infeasible' ? 'failed' : r, it);
        lb += subs[gi].value * lp.mult[gi];
        const x = subs[gi].pieceValues();
        const g = lp.groups[gi];
        let rc = 0;
        for (let j = 0; j < x.length; j++) if (x[j] !== 0) rc += (g.weight[j] - pi[g.cls[j]]) * x[j];
        rc = rc * lp.mult[gi] - sol.rowDual[C + gi];
        if (rc < -ENTER_TOL * Math.max(1, Math.abs(rc))) add.push({ gi, x });
      }
      if (lb > lowerBound) {
        lowerBound = lb;
        centre.set(sep);
        haveCentre = true;
      }
      if (debug) console.log(`dw it ${it} a ${a} master ${(t1 - t0).toFixed(0)} ms (${(master as any).info?.get?.('simplex_iteration_count')}) subs ${(now() - t1).toFixed(0)} ms obj ${objective.toFixed(6)} lb ${lb.toFixed(6)} add ${add.length}`);
      if (add.length > 0 || a === 0) break;
    }
    if (add.length === 0 || objective - lowerBound <= GAP_TOL * Math.max(1, Math.abs(objective))) break;
    addProposals(add);
  }
  const sol = master.getSolution();
  const x = lp.groups.map((g) => new Float64Array(g.cls.length));
  let art = 0;
  for (let j = 0; j < nArt; j++) art += sol.colValue[j];
  propX.forEach((px, k) => {
    const w = sol.colValue[nArt + k];
    if (w <= 0) return;
    const target = x[propGroup[k]];
    for (let j = 0; j < px.length; j++) target[j] += w * px[j];
  });
  master.dispose();
  if (art > 1e-7) return { ...fail('failed', it) };
  return { status: 'optimal', x, pi, groupDuals: subs.map((s) => Float64Array.from(s.y)), objective, lowerBound, iterations: it };
}
