/**
 * The linear program over the aggregated model, built from arrays (CSC) for HiGHS.
 *
 * Columns, per person group g and task class c: kept_gc ∈ [0, current hours] and, where the group
 * is qualified, new_gc ≥ 0; both per member. Rows: every class's hours covered
 * (Σ_g m_g·(kept+new) = h_c), every member keeps their hours (Σ_c kept+new = free_g), and each
 * member's empowerment (and desirability) mass stays within the band
 * (Ē−τ)·R_g ≤ Σ_c e_c·(kept+new) + fixed mass ≤ (Ē+τ)·R_g (written around the mean; see Band).
 * Minimizing Σ m_g·new_gc minimizes the hours that change hands, because kept hours are bounded
 * by current hours. An optional weight w(g, c) ≥ 0 per new column (the learning cost) makes the
 * objective Σ m_g·w·new_gc instead; without it every weight is exactly 1, as before.
 * In "tightest" mode τ is a column and the objective is τ itself.
 */
import type { Highs, ModelData } from 'highs';
import type { BalanceModel } from './model';
import { type RunStatus, runWithLimit, TIME_LIMITS } from './solverRun';

export interface LpColumn {
  group: number;
  cls: number;
  kind: 'kept' | 'new';
}

export interface LpSolution {
  status: RunStatus;
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

/**
 * One band row of a member, written around the mean: −τ·R ≤ Σ (e − Ē)·x + (F − Ē·R_fixed) ≤ τ·R,
 * i.e. `centre` = Ē·R_fixed − F (F = fixed mass, R_fixed = fixed rated hours; Σ x = free hours).
 * Equivalent to (Ē−τ)·R ≤ Σ e·x + F ≤ (Ē+τ)·R, but every number in it depends only on differences
 * of ratings, so shifting every rating by a constant gives the solver the same model (and the
 * same proposal, even among equally good ones).
 */
interface Band {
  row: number;
  rated: number;
  centre: number;
}

interface Built {
  columns: LpColumn[];
  numRows: number;
  /** Band rows of "moves" mode; their bounds depend on τ only through bandBounds. */
  bands: Band[];
  data: ModelData;
}

/** The one place band bounds are computed: centre ± τ·R (τ normalized 0–1, R in hours). */
function bandBounds(b: Band, tau: number): [number, number] {
  return [b.centre - tau * b.rated, b.centre + tau * b.rated];
}

// Measured on generated organizations (bench/): WASM HiGHS's presolve takes 20× longer than the
// solve itself here, so it is off; the first solve uses the interior-point method with crossover
// (a vertex, so proposals stay sparse), 3–15× faster than simplex from scratch. Re-solves at other
// tolerances use it too: warm-started dual simplex measured slower than a fresh interior-point solve.
const OPTIONS = { output_flag: false, log_to_console: false, presolve: 'off', solver: 'ipm', run_crossover: 'on' } as const;

/** Cost per new hour of a member of group `group` in class `cls` (both indices into the model), ≥ 0; 1 = plain hours moved. */
export type NewCostWeight = (group: number, cls: number) => number;

/** Builds the LP. In "moves" mode bands are set for `tau`; in "tightest" mode τ is the last column. */
function build(m: BalanceModel, highs: Highs, mode: 'moves' | 'tightest', tau: number, ignoreQualifications: boolean, exempt: ReadonlySet<string> = new Set(), newWeight?: NewCostWeight): Built {
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
  const bands: Band[] = [];
  m.groups.forEach((g) => {
    personRow.push(rowLower.length);
    rowLower.push(g.free);
    rowUpper.push(g.free);
    // Diagnosis may exempt people from their band to see whether they alone block a tolerance.
    const isExempt = g.personIds.some((id) => exempt.has(id));
    const rows = (rated: number, fixedMass: number, mean: number) => {
      const rowsHere: number[] = [];
      if (rated <= 0 || isExempt) return rowsHere;
      const centre = mean * (rated - g.free) - fixedMass;
      if (mode === 'moves') {
        const band = { row: rowLower.length, rated, centre };
        bands.push(band);
        rowsHere.push(band.row);
        const [lo, hi] = bandBounds(band, tau);
        rowLower.push(lo);
        rowUpper.push(hi);
      } else {
        // Σ(e−Ē)·x + R·τ ≥ centre  and  Σ(e−Ē)·x − R·τ ≤ centre
        rowsHere.push(rowLower.length);
        rowLower.push(centre);
        rowUpper.push(inf);
        rowsHere.push(rowLower.length);
        rowLower.push(-inf);
        rowUpper.push(centre);
      }
      return rowsHere;
    };
    bandE.push(rows(g.ratedE, g.fixedMassE, m.meanE));
    bandD.push(m.balanceD && m.meanD !== null ? rows(g.ratedD, g.fixedMassD, m.meanD) : []);
  });

  const pushColumn = (gi: number, ci: number, kind: 'kept' | 'new', ub: number) => {
    const g = m.groups[gi];
    const cls = m.classes[ci];
    const mult = g.personIds.length;
    columns.push({ group: gi, cls: ci, kind });
    // Without a weight the cost is exactly `mult` (not mult·1 computed), so λ = 0 stays bit-identical.
    cost.push(mode === 'moves' && kind === 'new' ? (newWeight ? mult * newWeight(gi, ci) : mult) : 0);
    lower.push(0);
    upper.push(ub);
    indices.push(ci, personRow[gi]);
    values.push(mult, 1);
    for (const r of bandE[gi]) {
      indices.push(r);
      values.push(cls.e - m.meanE);
    }
    if (cls.d !== null) {
      for (const r of bandD[gi]) {
        indices.push(r);
        values.push(cls.d - (m.meanD ?? 0));
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
    bands,
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

/** A model with no columns: every row's activity is 0, so it is feasible when every row allows 0. */
function emptyModelStatus(lower: readonly number[], upper: readonly number[]): 'optimal' | 'infeasible' {
  for (let i = 0; i < lower.length; i++) if (lower[i] > 1e-9 || upper[i] < -1e-9) return 'infeasible';
  return 'optimal';
}

/** A reusable LP for one model: solve at several tolerances by changing only the band rows. */
export class BalanceLp {
  private readonly built: Built;
  private readonly model: ReturnType<Highs['createModel']> | null;

  /**
   * `timeLimit`: seconds per solve. Creating the model can fail on absurd numbers; solve then says 'failed'.
   * `newWeight`: cost per new hour by group and class (learningCost.ts); omitted = 1 (hours moved).
   * `moved` in the solution stays the unweighted Σ new hours either way.
   */
  constructor(
    private readonly m: BalanceModel,
    private readonly highs: Highs,
    tau: number,
    ignoreQualifications = false,
    private readonly timeLimit: number = TIME_LIMITS.main,
    newWeight?: NewCostWeight,
  ) {
    this.built = build(m, highs, 'moves', tau, ignoreQualifications, new Set(), newWeight);
    let model: ReturnType<Highs['createModel']> | null = null;
    try {
      model = highs.createModel(this.built.data);
      model.options.set(OPTIONS);
    } catch {
      model?.dispose();
      model = null;
    }
    this.model = model;
  }

  get size(): LpSize {
    return { columns: this.built.columns.length, rows: this.built.numRows };
  }

  /** Solves at `tau` (normalized 0–1) within `timeLimit` seconds (default: the constructor's). */
  solve(tau: number, timeLimit = this.timeLimit): LpSolution {
    const lower = [...this.built.data.rowLower];
    const upper = [...this.built.data.rowUpper];
    for (const b of this.built.bands) [lower[b.row], upper[b.row]] = bandBounds(b, tau);
    const none = (status: LpSolution['status']): LpSolution => ({ status, kept: new Map(), added: new Map(), moved: 0, tau });
    if (this.built.columns.length === 0) return none(emptyModelStatus(lower, upper));
    if (!this.model) return none('failed');
    let status: RunStatus;
    try {
      for (const b of this.built.bands) this.model.changeRowBounds(b.row, lower[b.row], upper[b.row]);
      this.model.options.set({ time_limit: timeLimit });
      status = runWithLimit(this.highs, this.model);
    } catch {
      status = 'failed';
    }
    if (status !== 'optimal') return none(status);
    return { status, ...read(this.built, this.model.getSolution().colValue, this.m, tau) };
  }

  dispose(): void {
    this.model?.dispose();
  }
}

/**
 * The smallest τ (normalized) for which the bands can all hold; null if even that fails, and
 * 'time-limit' / 'failed' when the solver gave no answer within `timeLimit` seconds.
 * `exempt` leaves those people's bands out (diagnosis: does this person alone block it?).
 */
export function tightestTau(m: BalanceModel, highs: Highs, ignoreQualifications = false, exempt: ReadonlySet<string> = new Set(), timeLimit: number = TIME_LIMITS.diagnosis): number | null | 'time-limit' | 'failed' {
  const built = build(m, highs, 'tightest', 0, ignoreQualifications, exempt);
  let model: ReturnType<Highs['createModel']> | null = null;
  try {
    model = highs.createModel(built.data);
    model.options.set({ ...OPTIONS, time_limit: timeLimit });
    const status = runWithLimit(highs, model);
    if (status === 'time-limit' || status === 'failed') return status;
    if (status !== 'optimal') return null;
    return Math.max(0, model.getSolution().colValue[built.data.numCols - 1]);
  } catch {
    return 'failed';
  } finally {
    model?.dispose();
  }
}
