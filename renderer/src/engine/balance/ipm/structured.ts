/**
 * The balance LP in the shape the structured interior-point method needs: a few coupling rows
 * (one per task class) and, per person group, a tiny block of rows (hours, E band, D band), every
 * column touching one class row and one group's rows. Ranged band rows get a slack column each, so
 * every row is an equality: Σ a·x − s = lower with 0 ≤ s ≤ upper − lower.
 */

export interface StructuredLp {
  /** Number of coupling (class) rows; rows 0..classRows−1. */
  classRows: number;
  /** Group g owns rows groupRowStart[g] .. groupRowStart[g+1]−1 (after the class rows). */
  groupRowStart: Int32Array;
  /** Right-hand side of every row (equalities after the slacks). */
  rhs: Float64Array;
  /** Columns, structural first (HiGHS's order), then one slack per ranged row. */
  numCols: number;
  structural: number;
  colGroup: Int32Array;
  /** Class row of the column, −1 for none (slacks). */
  colClass: Int32Array;
  /** Coefficient on the class row. */
  colMult: Float64Array;
  /** Coefficients on the group's rows, dense: colCoef[j·3 + r] for r < rows of the group (≤ 3). */
  colCoef: Float64Array;
  cost: Float64Array;
  /** Upper bound (Infinity when none); every lower bound is 0. */
  upper: Float64Array;
  /** First column of each group among the structural ones (columns are grouped), length groups+1. */
  groupColStart: Int32Array;
}

/** The CSC model HiGHS gets (lp.ts builds it), plus which rows belong to which group. */
export interface CscInput {
  numCols: number;
  numRows: number;
  colCost: readonly number[];
  colUpper: readonly number[];
  rowLower: readonly number[];
  rowUpper: readonly number[];
  starts: readonly number[];
  indices: readonly number[];
  values: readonly number[];
  classRows: number;
  /** Rows of each group, in order (the hours row first), each group's rows contiguous and ascending. */
  groupRows: readonly (readonly number[])[];
  /** Group of each column. */
  colGroup: readonly number[];
}

export const MAX_GROUP_ROWS = 3;

/** Converts; null when the model does not have the structure (a column touching two groups or two class rows, more than 3 rows a group). */
export function toStructured(input: CscInput): StructuredLp | null {
  const G = input.groupRows.length;
  const rowOwner = new Int32Array(input.numRows).fill(-1);
  const rowPos = new Int32Array(input.numRows);
  const groupRowStart = new Int32Array(G + 1);
  let next = input.classRows;
  for (let g = 0; g < G; g++) {
    const rows = input.groupRows[g];
    if (rows.length > MAX_GROUP_ROWS) return null;
    groupRowStart[g] = next;
    rows.forEach((r, k) => {
      if (r !== next + k) throw new Error('group rows must follow the class rows, in order');
      rowOwner[r] = g;
      rowPos[r] = k;
    });
    next += rows.length;
  }
  groupRowStart[G] = next;
  if (next !== input.numRows) return null;

  const ranged: number[] = [];
  const rhs = new Float64Array(input.numRows);
  for (let r = 0; r < input.numRows; r++) {
    const lo = input.rowLower[r];
    const hi = input.rowUpper[r];
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) return null;
    rhs[r] = lo;
    if (hi - lo > 1e-12) ranged.push(r);
  }
  const n = input.numCols;
  const total = n + ranged.length;
  const colGroup = new Int32Array(total);
  const colClass = new Int32Array(total).fill(-1);
  const colMult = new Float64Array(total);
  const colCoef = new Float64Array(total * MAX_GROUP_ROWS);
  const cost = new Float64Array(total);
  const upper = new Float64Array(total);
  const groupColStart = new Int32Array(G + 1);
  let lastGroup = 0;
  for (let j = 0; j < n; j++) {
    const g = input.colGroup[j];
    if (g < lastGroup) return null;
    for (let h = lastGroup + 1; h <= g; h++) groupColStart[h] = j;
    lastGroup = g;
    colGroup[j] = g;
    cost[j] = input.colCost[j];
    upper[j] = input.colUpper[j] >= 1e30 ? Infinity : input.colUpper[j];
    for (let k = input.starts[j]; k < input.starts[j + 1]; k++) {
      const r = input.indices[k];
      const v = input.values[k];
      if (r < input.classRows) {
        if (colClass[j] !== -1) return null;
        colClass[j] = r;
        colMult[j] = v;
      } else {
        if (rowOwner[r] !== g) return null;
        colCoef[j * MAX_GROUP_ROWS + rowPos[r]] += v;
      }
    }
  }
  for (let h = lastGroup + 1; h <= G; h++) groupColStart[h] = n;
  ranged.forEach((r, i) => {
    const j = n + i;
    colGroup[j] = rowOwner[r];
    colCoef[j * MAX_GROUP_ROWS + rowPos[r]] = -1;
    upper[j] = input.rowUpper[r] - input.rowLower[r];
    if (rowOwner[r] < 0) throw new Error('a ranged class row is not supported');
  });
  return { classRows: input.classRows, groupRowStart, rhs, numCols: total, structural: n, colGroup, colClass, colMult, colCoef, cost, upper, groupColStart };
}

/** y = A·x (length rows). */
export function multiply(lp: StructuredLp, x: Float64Array, out: Float64Array): void {
  out.fill(0);
  for (let j = 0; j < lp.numCols; j++) {
    const v = x[j];
    if (v === 0) continue;
    const c = lp.colClass[j];
    if (c >= 0) out[c] += lp.colMult[j] * v;
    const base = lp.groupRowStart[lp.colGroup[j]];
    const k = lp.groupRowStart[lp.colGroup[j] + 1] - base;
    for (let r = 0; r < k; r++) out[base + r] += lp.colCoef[j * MAX_GROUP_ROWS + r] * v;
  }
}

/** out = Aᵀ·y (length columns). */
export function multiplyT(lp: StructuredLp, y: Float64Array, out: Float64Array): void {
  for (let j = 0; j < lp.numCols; j++) {
    const c = lp.colClass[j];
    let s = c >= 0 ? lp.colMult[j] * y[c] : 0;
    const base = lp.groupRowStart[lp.colGroup[j]];
    const k = lp.groupRowStart[lp.colGroup[j] + 1] - base;
    for (let r = 0; r < k; r++) s += lp.colCoef[j * MAX_GROUP_ROWS + r] * y[base + r];
    out[j] = s;
  }
}
