/**
 * The linear program over the aggregated model, built from arrays (CSC) for HiGHS.
 *
 * Columns, per person group g and task class c: kept_gc ∈ [0, current hours] and, where the group
 * is qualified, new_gc ≥ 0; both per member. Rows: every class's hours covered
 * (Σ_g m_g·(kept+new) = h_c), every member keeps their hours (Σ_c kept+new = free_g), and each
 * member's empowerment (and desirability) mass stays within the band
 * (Ē−τ)·R_g ≤ Σ_c e_c·(kept+new) + fixed mass ≤ (Ē+τ)·R_g. Minimizing Σ m_g·new_gc minimizes the
 * hours that change hands, because kept hours are bounded by current hours.
 * In "tightest" mode τ is a column and the objective is τ itself.
 */
import type { Highs, ModelData } from 'highs';
import type { BalanceModel } from './model';

export interface LpColumn {
  group: number;
  cls: number;
  kind: 'kept' | 'new';
}

export interface LpSolution {
  status: 'optimal' | 'infeasible';
  /** Per group, per class: hours per member, split into kept and new. */
  kept: Map<number, Map<number, number>>;
  added: Map<number, Map<number, number>>;
  /** Σ new hours over all people. */
  moved: number;
  /** τ found in "tightest" mode (normalized), else the τ asked. */
  tau: number;
}

export interface LpSize {
  columns: number;
  rows: number;
}

interface Built {
  columns: LpColumn[];
  numRows: number;
  bandRowsE: number[];
  bandRowsD: number[];
  data: ModelData;
}

// Measured on generated organizations (bench/): WASM HiGHS's presolve takes 20× longer than the
// solve itself here, so it is off; the first solve uses the interior-point method with crossover
// (a vertex, so proposals stay sparse), 3–15× faster than simplex from scratch. Re-solves at other
// tolerances use it too: warm-started dual simplex measured slower than a fresh interior-point solve.
const OPTIONS = { output_flag: false, log_to_console: false, presolve: 'off', solver: 'ipm', run_crossover: 'on' } as const;

/** Builds the LP. In "moves" mode bands are set for `tau`; in "tightest" mode τ is the last column. */
function build(m: BalanceModel, highs: Highs, mode: 'moves' | 'tightest', tau: number, ignoreQualifications: boolean, exempt: ReadonlySet<string> = new Set()): Built {
  const columns: LpColumn[] = [];
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const inf = highs.infinity;

  for (const c of m.classes) {
    rowLower.push(c.hours);
    rowUpper.push(c.hours);
  }
  const personRow: number[] = [];
  const bandE: number[][] = [];
  const bandD: number[][] = [];
  const bandRowsE: number[] = [];
  const bandRowsD: number[] = [];
  m.groups.forEach((g) => {
    personRow.push(rowLower.length);
    rowLower.push(g.free);
    rowUpper.push(g.free);
    // Diagnosis may exempt people from their band to see whether they alone block a tolerance.
    const isExempt = g.personIds.some((id) => exempt.has(id));
    const rows = (rated: number, fixedMass: number, mean: number, out: number[]) => {
      const rowsHere: number[] = [];
      if (rated <= 0 || isExempt) return rowsHere;
      const centre = mean * rated - fixedMass;
      if (mode === 'moves') {
        out.push(rowLower.length);
        rowsHere.push(rowLower.length);
        rowLower.push(centre - tau * rated);
        rowUpper.push(centre + tau * rated);
      } else {
        // Σe·x + R·τ ≥ centre  and  Σe·x − R·τ ≤ centre
        rowsHere.push(rowLower.length);
        rowLower.push(centre);
        rowUpper.push(inf);
        rowsHere.push(rowLower.length);
        rowLower.push(-inf);
        rowUpper.push(centre);
      }
      return rowsHere;
    };
    bandE.push(rows(g.ratedE, g.fixedMassE, m.meanE, bandRowsE));
    bandD.push(m.balanceD && m.meanD !== null ? rows(g.ratedD, g.fixedMassD, m.meanD, bandRowsD) : []);
  });

  const pushColumn = (gi: number, ci: number, kind: 'kept' | 'new', ub: number) => {
    const g = m.groups[gi];
    const cls = m.classes[ci];
    const mult = g.personIds.length;
    columns.push({ group: gi, cls: ci, kind });
    cost.push(mode === 'moves' && kind === 'new' ? mult : 0);
    lower.push(0);
    upper.push(ub);
    indices.push(ci, personRow[gi]);
    values.push(mult, 1);
    for (const r of bandE[gi]) {
      indices.push(r);
      values.push(cls.e);
    }
    if (cls.d !== null) {
      for (const r of bandD[gi]) {
        indices.push(r);
        values.push(cls.d);
      }
    }
    starts.push(indices.length);
  };
  const qualifiedAll = m.classes.map((_, i) => i);
  m.groups.forEach((g, gi) => {
    if (g.free <= 0) return;
    for (const [ci, h] of [...g.current.entries()].sort((a, b) => a[0] - b[0])) pushColumn(gi, ci, 'kept', h);
    for (const ci of ignoreQualifications ? qualifiedAll : g.qualified) pushColumn(gi, ci, 'new', inf);
  });
  if (mode === 'tightest') {
    cost.push(1);
    lower.push(0);
    upper.push(inf);
    m.groups.forEach((g, gi) => {
      const pair = (rows: number[], rated: number) => {
        if (rows.length !== 2) return;
        indices.push(rows[0], rows[1]);
        values.push(rated, -rated);
      };
      pair(bandE[gi], g.ratedE);
      pair(bandD[gi], g.ratedD);
    });
    starts.push(indices.length);
  }
  const numCols = cost.length;
  return {
    columns,
    numRows: rowLower.length,
    bandRowsE,
    bandRowsD,
    data: {
      numCols,
      numRows: rowLower.length,
      colCost: cost,
      colLower: lower,
      colUpper: upper,
      rowLower,
      rowUpper,
      matrix: { format: 'csc', numRows: rowLower.length, numCols, starts, indices, values },
    },
  };
}

function read(built: Built, x: Float64Array | readonly number[], m: BalanceModel, tau: number): Omit<LpSolution, 'status'> {
  const kept = new Map<number, Map<number, number>>();
  const added = new Map<number, Map<number, number>>();
  let moved = 0;
  built.columns.forEach((col, j) => {
    const v = Math.max(0, x[j]);
    if (v <= 1e-9) return;
    const target = col.kind === 'kept' ? kept : added;
    let row = target.get(col.group);
    if (!row) target.set(col.group, (row = new Map()));
    row.set(col.cls, (row.get(col.cls) ?? 0) + v);
    if (col.kind === 'new') moved += v * m.groups[col.group].personIds.length;
  });
  return { kept, added, moved, tau };
}

type HighsModel = ReturnType<Highs['createModel']>;

/**
 * Runs the solver and classifies the result. The interior-point method occasionally fails on an
 * infeasible model (HiGHS status -1) where simplex proves infeasibility, so any failure or
 * unclassified status is retried once with simplex from scratch.
 */
function runClassified(highs: Highs, model: HighsModel): 'optimal' | 'infeasible' {
  const s = highs.constants.modelStatus;
  const classify = (): 'optimal' | 'infeasible' | null => {
    const code = model.getModelStatus();
    if (code === s.optimal) return 'optimal';
    if (code === s.infeasible || code === s.unboundedOrInfeasible) return 'infeasible';
    return null;
  };
  try {
    model.run();
    const first = classify();
    if (first) return first;
  } catch {
    // fall through to simplex
  }
  model.clearSolver();
  model.options.set({ solver: 'simplex' });
  model.run();
  const second = classify();
  if (second) return second;
  throw new Error(`the solver stopped without an answer (HiGHS model status ${model.getModelStatus()})`);
}

/** A model with no columns: every row's activity is 0, so it is feasible when every row allows 0. */
function emptyModelStatus(lower: readonly number[], upper: readonly number[]): 'optimal' | 'infeasible' {
  for (let i = 0; i < lower.length; i++) if (lower[i] > 1e-9 || upper[i] < -1e-9) return 'infeasible';
  return 'optimal';
}

/** A reusable LP for one model: solve at several tolerances by changing only the band rows. */
export class BalanceLp {
  private readonly built: Built;
  private readonly model;

  constructor(
    private readonly m: BalanceModel,
    private readonly highs: Highs,
    tau: number,
    ignoreQualifications = false,
  ) {
    this.built = build(m, highs, 'moves', tau, ignoreQualifications);
    this.model = highs.createModel(this.built.data);
    this.model.options.set(OPTIONS);
  }

  get size(): LpSize {
    return { columns: this.built.columns.length, rows: this.built.numRows };
  }

  solve(tau: number): LpSolution {
    const lower = [...this.built.data.rowLower];
    const upper = [...this.built.data.rowUpper];
    const groupsWithBand = (rated: (g: BalanceModel['groups'][number]) => number, fixed: (g: BalanceModel['groups'][number]) => number, mean: number, rows: number[]) => {
      let k = 0;
      for (const g of this.m.groups) {
        const R = rated(g);
        if (R <= 0 || k >= rows.length) continue;
        const centre = mean * R - fixed(g);
        const row = rows[k++];
        lower[row] = centre - tau * R;
        upper[row] = centre + tau * R;
        this.model.changeRowBounds(row, lower[row], upper[row]);
      }
    };
    groupsWithBand((g) => g.ratedE, (g) => g.fixedMassE, this.m.meanE, this.built.bandRowsE);
    if (this.m.balanceD && this.m.meanD !== null) groupsWithBand((g) => g.ratedD, (g) => g.fixedMassD, this.m.meanD, this.built.bandRowsD);
    if (this.built.columns.length === 0) {
      return { status: emptyModelStatus(lower, upper), kept: new Map(), added: new Map(), moved: 0, tau };
    }
    const status = runClassified(this.highs, this.model);
    if (status === 'infeasible') return { status, kept: new Map(), added: new Map(), moved: 0, tau };
    return { status, ...read(this.built, this.model.getSolution().colValue, this.m, tau) };
  }

  dispose(): void {
    this.model.dispose();
  }
}

/**
 * The smallest τ (normalized) for which the bands can all hold; null if even that fails.
 * `exempt` leaves those people's bands out (diagnosis: does this person alone block it?).
 */
export function tightestTau(m: BalanceModel, highs: Highs, ignoreQualifications = false, exempt: ReadonlySet<string> = new Set()): number | null {
  const built = build(m, highs, 'tightest', 0, ignoreQualifications, exempt);
  const model = highs.createModel(built.data);
  try {
    model.options.set(OPTIONS);
    if (runClassified(highs, model) !== 'optimal') return null;
    return Math.max(0, model.getSolution().colValue[built.data.numCols - 1]);
  } finally {
    model.dispose();
  }
}
