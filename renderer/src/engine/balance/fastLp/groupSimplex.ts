/**
 * One person group's part of the balance LP, solved exactly by a bounded-variable primal simplex
 * with three rows (hours kept, E band, D band): the pricing step of the Dantzig–Wolfe decomposition
 * (decomposition.ts). Costs change between calls (the class prices π), rows do not, so the basis
 * is kept and each call starts from the previous optimum (phase 2 only).
 *
 * Variables, per member: pieces (a kept piece ∈ [0, current hours] and a new piece ∈ [0, ∞) per
 * class, column (1, ε_c, δ_c)), band slacks s_E ∈ [loE, hiE] and s_D ∈ [loD, hiD] (column −e_1,
 * −e_2: the rows read Σ x = free, ε·x − s_E = 0, δ·x − s_D = 0), and three artificials for phase 1.
 */

/** Reduced costs above this (hours per hour) are not worth a pivot; costs are O(1). */
const PRICE_TOL = 1e-10;
/** Pivot elements smaller than this are treated as zero (the columns' entries are O(1)). */
const PIVOT_TOL = 1e-11;
/** Sum of artificials above this (hours) after phase 1 means the group's band cannot be met. */
const FEAS_TOL = 1e-8;
/** Pivots per call before giving up (cycling guard): far above the few dozen a solve takes. */
const MAX_PIVOTS_PER_VAR = 20;

const LOWER = 0;
const UPPER = 1;
const BASIC = 2;
const ZERO = 3; // a free variable held at 0

export interface GroupData {
  /** Class of each piece (kept pieces first, then new ones). */
  cls: Int32Array;
  /** Upper bound of each piece (current hours for kept, Infinity for new). */
  upper: Float64Array;
  /** Cost per hour of each piece before class prices: 0 kept, the new-hour weight for new. */
  weight: Float64Array;
  free: number;
  loE: number;
  hiE: number;
  loD: number;
  hiD: number;
}

export type GroupResult = 'optimal' | 'infeasible' | 'failed';

export class GroupSimplex {
  readonly n: number;
  private readonly pieces: number;
  private readonly lo: Float64Array;
  private readonly up: Float64Array;
  private readonly cost: Float64Array;
  readonly x: Float64Array;
  private readonly status: Int8Array;
  private readonly basis = new Int32Array(3);
  private readonly binv = new Float64Array(9);
  private readonly artSign = new Float64Array(3);
  /** Duals of the three rows at the last optimum (hours row, E band, D band). */
  readonly y = new Float64Array(3);
  private phase1Done = false;
  value = 0;

  constructor(private readonly g: GroupData, private readonly eps: Float64Array, private readonly del: Float64Array) {
    this.pieces = g.cls.length;
    this.n = this.pieces + 5;
    this.lo = new Float64Array(this.n);
    this.up = new Float64Array(this.n);
    this.cost = new Float64Array(this.n);
    this.x = new Float64Array(this.n);
    this.status = new Int8Array(this.n);
    this.up.set(g.upper);
    const P = this.pieces;
    [this.lo[P], this.up[P], this.lo[P + 1], this.up[P + 1]] = [g.loE, g.hiE, g.loD, g.hiD];
    for (let a = P + 2; a < P + 5; a++) this.up[a] = Infinity;
  }

  /** Column j's entry in row r. */
  private a(j: number, r: number): number {
    const P = this.pieces;
    if (j < P) return r === 0 ? 1 : r === 1 ? this.eps[this.g.cls[j]] : this.del[this.g.cls[j]];
    if (j === P) return r === 1 ? -1 : 0;
    if (j === P + 1) return r === 2 ? -1 : 0;
    return r === j - P - 2 ? this.artSign[r] : 0;
  }

  private start(): void {
    const P = this.pieces;
    const r = [this.g.free, 0, 0];
    for (let j = 0; j <= P + 1; j++) {
      // Nonbasic at the finite bound nearest 0, or at 0 if free.
      const v = Number.isFinite(this.lo[j]) && (this.lo[j] >= 0 || !Number.isFinite(this.up[j]) || -this.lo[j] <= Math.abs(this.up[j])) ? this.lo[j] : Number.isFinite(this.up[j]) ? this.up[j] : 0;
      this.x[j] = v;
      this.status[j] = v === this.lo[j] && Number.isFinite(v) ? LOWER : v === this.up[j] && Number.isFinite(v) ? UPPER : ZERO;
      if (v !== 0) for (let i = 0; i < 3; i++) r[i] -= this.a(j, i) * v;
    }
    for (let i = 0; i < 3; i++) {
      this.artSign[i] = r[i] >= 0 ? 1 : -1;
      const a = P + 2 + i;
      this.basis[i] = a;
      this.status[a] = BASIC;
      this.x[a] = Math.abs(r[i]);
      this.lo[a] = 0;
      this.up[a] = Infinity;
    }
  }

  private invert(): boolean {
    const m = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let k = 0; k < 3; k++) m[i * 3 + k] = this.a(this.basis[k], i);
    const [a, b, c, d, e, f, g, h, k] = m;
    const A = e * k - f * h, B = -(d * k - f * g), C = d * h - e * g;
    const det = a * A + b * B + c * C;
    if (Math.abs(det) < 1e-14) return false;
    const inv = [A, -(b * k - c * h), b * f - c * e, B, a * k - c * g, -(a * f - c * d), C, -(a * h - b * g), a * e - b * d];
    for (let i = 0; i < 9; i++) this.binv[i] = inv[i] / det;
    return true;
  }

  /** Basic values from the nonbasic ones: x_B = B⁻¹(b − N·x_N). */
  private recompute(): void {
    const r = [this.g.free, 0, 0];
    for (let j = 0; j < this.n; j++) {
      if (this.status[j] === BASIC || this.x[j] === 0) continue;
      for (let i = 0; i < 3; i++) r[i] -= this.a(j, i) * this.x[j];
    }
    for (let i = 0; i < 3; i++) this.x[this.basis[i]] = this.binv[i * 3] * r[0] + this.binv[i * 3 + 1] * r[1] + this.binv[i * 3 + 2] * r[2];
  }

  private iterate(): GroupResult {
    const maxPivots = MAX_PIVOTS_PER_VAR * this.n;
    const alpha = new Float64Array(3);
    for (let it = 0; it < maxPivots; it++) {
      if (!this.invert()) return 'failed';
      const cb = [this.cost[this.basis[0]], this.cost[this.basis[1]], this.cost[this.basis[2]]];
      for (let k = 0; k < 3; k++) this.y[k] = cb[0] * this.binv[k] + cb[1] * this.binv[3 + k] + cb[2] * this.binv[6 + k];
      let q = -1, best = PRICE_TOL, dir = 0;
      for (let j = 0; j < this.n; j++) {
        const s = this.status[j];
        if (s === BASIC || this.lo[j] === this.up[j]) continue;
        const d = this.cost[j] - this.y[0] * this.a(j, 0) - this.y[1] * this.a(j, 1) - this.y[2] * this.a(j, 2);
        if (d < -best && s !== UPPER) [q, best, dir] = [j, -d, 1];
        else if (d > best && s !== LOWER) [q, best, dir] = [j, d, -1];
      }
      if (q < 0) return 'optimal';
      for (let i = 0; i < 3; i++) alpha[i] = this.binv[i * 3] * this.a(q, 0) + this.binv[i * 3 + 1] * this.a(q, 1) + this.binv[i * 3 + 2] * this.a(q, 2);
      let t = this.up[q] - this.lo[q];
      let leave = -1, leaveTo = LOWER;
      for (let i = 0; i < 3; i++) {
        const b = this.basis[i];
        const rate = dir * alpha[i]; // x_b decreases by rate·t
        if (rate > PIVOT_TOL) {
          const s = (this.x[b] - this.lo[b]) / rate;
          if (s < t) [t, leave, leaveTo] = [Math.max(0, s), i, LOWER];
        } else if (rate < -PIVOT_TOL) {
          const s = (this.up[b] - this.x[b]) / -rate;
          if (s < t) [t, leave, leaveTo] = [Math.max(0, s), i, UPPER];
        }
      }
      if (!Number.isFinite(t)) return 'failed';
      this.x[q] += dir * t;
      if (leave < 0) {
        this.status[q] = dir > 0 ? UPPER : LOWER;
        this.x[q] = dir > 0 ? this.up[q] : this.lo[q];
      } else {
        const b = this.basis[leave];
        this.status[b] = leaveTo;
        this.x[b] = leaveTo === LOWER ? this.lo[b] : this.up[b];
        this.basis[leave] = q;
        this.status[q] = BASIC;
      }
      if (!this.invert()) return 'failed';
      this.recompute();
    }
    return 'failed';
  }

  /** Minimizes Σ (weight − π_class)·piece over the group's polytope. */
  solve(pi: Float64Array | null): GroupResult {
    const P = this.pieces;
    if (!this.phase1Done) {
      this.start();
      this.cost.fill(0);
      for (let a = P + 2; a < P + 5; a++) this.cost[a] = 1;
      const r1 = this.iterate();
      if (r1 !== 'optimal') return r1;
      let art = 0;
      for (let a = P + 2; a < P + 5; a++) art += this.x[a];
      if (art > FEAS_TOL * Math.max(1, this.g.free)) return 'infeasible';
      for (let a = P + 2; a < P + 5; a++) {
        this.up[a] = 0;
        this.cost[a] = 0;
        if (this.status[a] !== BASIC) [this.x[a], this.status[a]] = [0, LOWER];
      }
      this.phase1Done = true;
    }
    for (let j = 0; j < P; j++) this.cost[j] = this.g.weight[j] - (pi ? pi[this.g.cls[j]] : 0);
    const r = this.iterate();
    if (r !== 'optimal') return r;
    let v = 0;
    for (let j = 0; j < P; j++) v += this.cost[j] * this.x[j];
    this.value = v;
    return 'optimal';
  }

  /** Pieces' values at the last optimum (clamped to their bounds). */
  pieceValues(): Float64Array {
    const out = new Float64Array(this.pieces);
    for (let j = 0; j < this.pieces; j++) out[j] = Math.min(this.up[j], Math.max(0, this.x[j]));
    return out;
  }
}
