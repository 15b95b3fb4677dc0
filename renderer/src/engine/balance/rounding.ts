/**
 * Rounds a proposal to a granularity (e.g. 0.5 h) while keeping every person's and every task's
 * movable total exact. Rounding each cell up or down with fixed row and column sums is a
 * transportation problem, whose vertices are integral (totally unimodular), so one small LP
 * solved by simplex gives a rounding that also moves as little as possible (Σ|rounded − exact|).
 * A total that is not itself a multiple of the granularity leaves one fractional cell.
 */
import type { Highs } from 'highs';

const EPS = 1e-9;

/**
 * `cells` are person → task → movable hours (fixed hours are not rounded). `mayHold(p, t)` is the
 * most a person may hold of a task after rounding (their current hours when they are not qualified
 * to take more, else Infinity). Returns the rounded map, or null when no rounding keeps every total
 * exact within those limits (the caller then keeps the exact result).
 */
export function roundToGranularity(
  cells: Map<string, Map<string, number>>,
  granularity: number,
  highs: Highs,
  mayHold: (personId: string, taskId: string) => number = () => Infinity,
): Map<string, Map<string, number>> | null {
  if (granularity <= 0) return cells;
  type Cell = { p: string; t: string; base: number; frac: number };
  const fractional: Cell[] = [];
  const out = new Map<string, Map<string, number>>();
  for (const [p, tasks] of cells) {
    const row = new Map<string, number>();
    out.set(p, row);
    for (const [t, h] of tasks) {
      const v = h / granularity;
      const base = Math.floor(v + EPS);
      const frac = v - base;
      if (frac > 1e-7) fractional.push({ p, t, base, frac });
      else row.set(t, base * granularity);
    }
  }
  if (fractional.length === 0) return out;
  const rowOf = new Map<string, number>();
  const colOf = new Map<string, number>();
  const need: number[] = [];
  const index = (map: Map<string, number>, key: string) => {
    let i = map.get(key);
    if (i === undefined) {
      i = need.length;
      map.set(key, i);
      need.push(0);
    }
    return i;
  };
  const entries = fractional.map((c) => {
    const r = index(rowOf, `p:${c.p}`);
    const k = index(colOf, `t:${c.t}`);
    need[r] += c.frac;
    need[k] += c.frac;
    return [r, k] as const;
  });
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  entries.forEach(([r, k]) => {
    indices.push(r, k);
    values.push(1, 1);
    starts.push(indices.length);
  });
  const model = highs.createModel({
    numCols: fractional.length,
    numRows: need.length,
    // Rounding a cell up costs (1 − f), down costs f: minimizing Σ(1 − 2f)·z minimizes Σ|rounded − exact|.
    colCost: fractional.map((c) => 1 - 2 * c.frac),
    colLower: fractional.map(() => 0),
    // Rounding up must not give someone more of a task than they may hold.
    colUpper: fractional.map((c) => ((c.base + 1) * granularity > mayHold(c.p, c.t) + EPS ? 0 : 1)),
    rowLower: need,
    rowUpper: need,
    matrix: { format: 'csc', numRows: need.length, numCols: fractional.length, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, solver: 'simplex' });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
    const z = model.getSolution().colValue;
    fractional.forEach((c, j) => {
      const zj = Math.abs(z[j] - Math.round(z[j])) < 1e-6 ? Math.round(z[j]) : z[j];
      const h = (c.base + zj) * granularity;
      if (h > EPS) out.get(c.p)!.set(c.t, h);
    });
  } finally {
    model.dispose();
  }
  return out;
}
