/**
 * Solves the interior-point method's normal equations (A·Θ·Aᵀ)·dy = r for the structured balance
 * LP by eliminating each group's ≤ 3 rows: the class block of A·Θ·Aᵀ is diagonal (every column has
 * one class entry), each group's block is ≤ 3×3, so the Schur complement on the class rows,
 * S = D − Σ_g W_gᵀ·W_g with W_g = L_g⁻¹·B_g, is a dense classes × classes matrix factorized
 * directly. B_g and W_g are stored packed over the classes the group has columns in, so a
 * factorization costs Σ_g rows_g × (its classes)² / 2 multiply-adds and a solve Σ_g rows_g × its
 * classes. HiGHS's own interior point solves these systems iteratively and slows down badly once
 * there are ~100+ classes.
 */
import { MAX_GROUP_ROWS, type StructuredLp } from './structured';

const K = MAX_GROUP_ROWS;

export class NormalSolver {
  private readonly C: number;
  private readonly G: number;
  /** Dense Schur complement (C×C, row-major), overwritten by its Cholesky factor (lower). */
  private readonly S: Float64Array;
  /** Per group: its Cholesky factor L_g (K×K row-major, lower). */
  private readonly L: Float64Array;
  /** Per group: the classes it has columns in (sorted), at patStart[g] .. patStart[g+1]−1. */
  private readonly patStart: Int32Array;
  private readonly pat: Int32Array;
  /** Position of each column's class within its group's pattern (−1: no class). */
  private readonly colPos: Int32Array;
  /** Packed W: group g, row r, pattern entry a at wStart[g] + r·n_g + a. */
  private readonly wStart: Int32Array;
  private readonly W: Float64Array;
  private readonly D: Float64Array;
  private readonly u: Float64Array;
  private readonly rC: Float64Array;

  constructor(private readonly lp: StructuredLp) {
    const C = (this.C = lp.classRows);
    const G = (this.G = lp.groupRowStart.length - 1);
    const classesOf: Set<number>[] = Array.from({ length: G }, () => new Set());
    for (let j = 0; j < lp.numCols; j++) if (lp.colClass[j] >= 0) classesOf[lp.colGroup[j]].add(lp.colClass[j]);
    this.patStart = new Int32Array(G + 1);
    this.wStart = new Int32Array(G + 1);
    for (let g = 0; g < G; g++) {
      const k = lp.groupRowStart[g + 1] - lp.groupRowStart[g];
      this.patStart[g + 1] = this.patStart[g] + classesOf[g].size;
      this.wStart[g + 1] = this.wStart[g] + k * classesOf[g].size;
    }
    this.pat = new Int32Array(this.patStart[G]);
    const posOf: Map<number, number>[] = [];
    for (let g = 0; g < G; g++) {
      const sorted = [...classesOf[g]].sort((a, b) => a - b);
      sorted.forEach((c, a) => (this.pat[this.patStart[g] + a] = c));
      posOf.push(new Map(sorted.map((c, a) => [c, a])));
    }
    this.colPos = new Int32Array(lp.numCols).fill(-1);
    for (let j = 0; j < lp.numCols; j++) if (lp.colClass[j] >= 0) this.colPos[j] = posOf[lp.colGroup[j]].get(lp.colClass[j])!;
    this.S = new Float64Array(C * C);
    this.L = new Float64Array(G * K * K);
    this.W = new Float64Array(this.wStart[G]);
    this.D = new Float64Array(C);
    this.u = new Float64Array(lp.groupRowStart[G] - C);
    this.rC = new Float64Array(C);
  }

  /** Forms and factorizes A·Θ·Aᵀ for column weights θ ≥ 0 (length = columns); `reg` is added to every diagonal. */
  factor(theta: Float64Array, reg: number): void {
    const { lp, C, G, S, L, W, D, wStart, patStart, pat, colPos } = this;
    D.fill(reg);
    W.fill(0);
    L.fill(0);
    // Accumulate P_g (in L, lower triangle) and B_g (in W, packed) column by column.
    for (let j = 0; j < lp.numCols; j++) {
      const t = theta[j];
      if (t === 0) continue;
      const g = lp.colGroup[j];
      const k = lp.groupRowStart[g + 1] - lp.groupRowStart[g];
      const a = j * K;
      const Lg = g * K * K;
      for (let r = 0; r < k; r++) {
        const ar = lp.colCoef[a + r];
        if (ar === 0) continue;
        for (let s = 0; s <= r; s++) L[Lg + r * K + s] += t * ar * lp.colCoef[a + s];
      }
      const c = lp.colClass[j];
      if (c >= 0) {
        const mult = lp.colMult[j];
        D[c] += t * mult * mult;
        const tm = t * mult;
        const n = patStart[g + 1] - patStart[g];
        const w = wStart[g] + colPos[j];
        for (let r = 0; r < k; r++) W[w + r * n] += tm * lp.colCoef[a + r];
      }
    }
    S.fill(0);
    for (let c = 0; c < C; c++) S[c * C + c] = D[c];
    for (let g = 0; g < G; g++) {
      const k = lp.groupRowStart[g + 1] - lp.groupRowStart[g];
      if (k === 0) continue;
      const Lg = g * K * K;
      // Cholesky of the k×k block; a row no column touches gets the regularization as its pivot.
      for (let r = 0; r < k; r++) {
        for (let s = 0; s <= r; s++) {
          let v = L[Lg + r * K + s] + (r === s ? reg : 0);
          for (let q = 0; q < s; q++) v -= L[Lg + r * K + q] * L[Lg + s * K + q];
          if (r === s) L[Lg + r * K + r] = Math.sqrt(Math.max(v, 1e-300));
          else L[Lg + r * K + s] = v / L[Lg + s * K + s];
        }
      }
      const n = patStart[g + 1] - patStart[g];
      const w0 = wStart[g];
      // W rows = L⁻¹·B rows (forward substitution over the k rows).
      for (let r = 0; r < k; r++) {
        const row = w0 + r * n;
        for (let q = 0; q < r; q++) {
          const l = L[Lg + r * K + q];
          if (l === 0) continue;
          const prev = w0 + q * n;
          for (let a = 0; a < n; a++) W[row + a] -= l * W[prev + a];
        }
        const inv = 1 / L[Lg + r * K + r];
        for (let a = 0; a < n; a++) W[row + a] *= inv;
      }
      // S −= W_gᵀ·W_g (upper triangle, over the group's classes).
      const p0 = patStart[g];
      for (let a = 0; a < n; a++) {
        const sRow = pat[p0 + a] * C;
        if (k === 3) {
          const a0 = W[w0 + a], a1 = W[w0 + n + a], a2 = W[w0 + 2 * n + a];
          for (let b = a; b < n; b++) S[sRow + pat[p0 + b]] -= a0 * W[w0 + b] + a1 * W[w0 + n + b] + a2 * W[w0 + 2 * n + b];
        } else {
          for (let r = 0; r < k; r++) {
            const ar = W[w0 + r * n + a];
            for (let b = a; b < n; b++) S[sRow + pat[p0 + b]] -= ar * W[w0 + r * n + b];
          }
        }
      }
    }
    for (let c = 0; c < C; c++) for (let d = c + 1; d < C; d++) S[d * C + c] = S[c * C + d];
    choleskyInPlace(S, C);
  }

  /** Solves (A·Θ·Aᵀ)·out = rhs with the last factorization (rhs and out: length rows; may alias). */
  solve(rhs: Float64Array, out: Float64Array): void {
    const { lp, C, G, L, W, u, rC, wStart, patStart, pat } = this;
    for (let c = 0; c < C; c++) rC[c] = rhs[c];
    for (let g = 0; g < G; g++) {
      const base = lp.groupRowStart[g];
      const k = lp.groupRowStart[g + 1] - base;
      const Lg = g * K * K;
      const ui = base - C;
      const n = patStart[g + 1] - patStart[g];
      const p0 = patStart[g];
      for (let r = 0; r < k; r++) {
        let v = rhs[base + r];
        for (let q = 0; q < r; q++) v -= L[Lg + r * K + q] * u[ui + q];
        const ur = (u[ui + r] = v / L[Lg + r * K + r]);
        if (ur === 0) continue;
        const row = wStart[g] + r * n;
        for (let a = 0; a < n; a++) rC[pat[p0 + a]] -= W[row + a] * ur;
      }
    }
    solveCholesky(this.S, C, rC);
    for (let g = 0; g < G; g++) {
      const base = lp.groupRowStart[g];
      const k = lp.groupRowStart[g + 1] - base;
      const Lg = g * K * K;
      const ui = base - C;
      const n = patStart[g + 1] - patStart[g];
      const p0 = patStart[g];
      let v0 = 0, v1 = 0, v2 = 0;
      for (let r = 0; r < k; r++) {
        const row = wStart[g] + r * n;
        let s = u[ui + r];
        for (let a = 0; a < n; a++) s -= W[row + a] * rC[pat[p0 + a]];
        if (r === 0) v0 = s;
        else if (r === 1) v1 = s;
        else v2 = s;
      }
      const v = [v0, v1, v2];
      for (let r = k - 1; r >= 0; r--) {
        let s = v[r];
        for (let q = r + 1; q < k; q++) s -= L[Lg + q * K + r] * out[base + q];
        out[base + r] = s / L[Lg + r * K + r];
      }
    }
    for (let c = 0; c < C; c++) out[c] = rC[c];
  }
}

/**
 * Dense Cholesky (lower, in place, row-major n×n). A pivot that has lost all its weight to
 * cancellation (≤ 1e-30 of the largest diagonal) is replaced by a huge one, so that direction is
 * left out of the step rather than blown up — the usual safeguard near an interior-point optimum.
 */
function choleskyInPlace(A: Float64Array, n: number): void {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(A[i * n + i]));
  const tiny = Math.max(maxDiag, 1) * 1e-30;
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = A[rj + j];
    for (let q = 0; q < j; q++) d -= A[rj + q] * A[rj + q];
    const pivot = d > tiny ? Math.sqrt(d) : 1e64;
    A[rj + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = A[ri + j];
      for (let q = 0; q < j; q++) s -= A[ri + q] * A[rj + q];
      A[ri + j] = s / pivot;
    }
  }
}

function solveCholesky(Lf: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let q = 0; q < i; q++) s -= Lf[i * n + q] * b[q];
    b[i] = s / Lf[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let q = i + 1; q < n; q++) s -= Lf[q * n + i] * b[q];
    b[i] = s / Lf[i * n + i];
  }
}
