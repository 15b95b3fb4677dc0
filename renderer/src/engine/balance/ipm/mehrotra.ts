/**
 * Mehrotra's predictor–corrector interior-point method for the structured balance LP
 * (min cᵀx, A·x = b, 0 ≤ x ≤ u), using NormalSolver for the normal equations. It only has to come
 * close: HiGHS's crossover turns its point into an exact optimal vertex (lp.ts), so exactness
 * rests on HiGHS, not on this code.
 */
import { NormalSolver } from './normal';
import { multiply, multiplyT, type StructuredLp } from './structured';

export interface IpmResult {
  status: 'optimal' | 'iteration-limit' | 'time-limit' | 'failed';
  /** Primal values of every column (structural then slacks). */
  x: Float64Array;
  /** Row duals (HiGHS's convention for minimization: reduced cost = c − Aᵀy). */
  y: Float64Array;
  iterations: number;
  primalObjective: number;
  dualObjective: number;
  /** The iterate kept by `snapshotGap`, if one was reached. */
  snapshot?: IpmPoint;
}

export interface IpmOptions {
  /** Wall-clock deadline, ms since the epoch. */
  deadline: number;
  /** Relative primal/dual infeasibility and gap to stop at. */
  tolerance?: number;
  maxIterations?: number;
  /** A warm start (every array sized to this LP; w and q are ignored for unbounded columns). */
  start?: IpmPoint;
  /** Keep a copy of the first iterate whose relative gap is at most this (a warm start for a similar LP). */
  snapshotGap?: number;
}

/** An interior point: primal x, upper-bound slacks w, row duals y, bound duals z (x ≥ 0) and q (x ≤ u). */
export interface IpmPoint {
  x: Float64Array;
  w: Float64Array;
  y: Float64Array;
  z: Float64Array;
  q: Float64Array;
}

const STEP = 0.995;
const DEBUG = typeof process !== 'undefined' && !!process.env?.IPM_DEBUG;

const CORRECTORS = Number(process.env.IPM_CORR ?? 4);

/** Gondzio's target correction for one complementarity product v: back into [0.1, 10]·target. */
function centring(v: number, target: number): number {
  if (v < 0.1 * target) return 0.1 * target - v;
  if (v > 10 * target) return Math.max(10 * target - v, -10 * target);
  return 0;
}

function maxStep(v: Float64Array, dv: Float64Array, mask: Uint8Array | null): number {
  let a = 1;
  for (let j = 0; j < v.length; j++) {
    if (mask && !mask[j]) continue;
    if (dv[j] < 0) {
      const s = -v[j] / dv[j];
      if (s < a) a = s;
    }
  }
  return a;
}

export function solveIpm(lp: StructuredLp, options: IpmOptions): IpmResult {
  const n = lp.numCols;
  const m = lp.groupRowStart[lp.groupRowStart.length - 1];
  const tol = options.tolerance ?? 1e-9;
  const maxIt = options.maxIterations ?? 200;
  const b = lp.rhs;
  const c = lp.cost;
  const bounded = new Uint8Array(n);
  const active = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    active[j] = lp.upper[j] > 1e-12 ? 1 : 0;
    bounded[j] = active[j] && Number.isFinite(lp.upper[j]) ? 1 : 0;
  }
  const x = new Float64Array(n), z = new Float64Array(n), w = new Float64Array(n), q = new Float64Array(n);
  const y = new Float64Array(m);
  const solver = new NormalSolver(lp);
  if (options.start) {
    const st = options.start;
    x.set(st.x);
    z.set(st.z);
    y.set(st.y);
    for (let j = 0; j < n; j++) {
      if (!active[j]) x[j] = z[j] = 0;
      else if (bounded[j]) {
        x[j] = Math.min(x[j], lp.upper[j] * 0.999);
        w[j] = Math.max(st.w[j], lp.upper[j] - x[j]);
        q[j] = st.q[j] > 0 ? st.q[j] : z[j];
      }
    }
  } else startingPoint(lp, solver, active, bounded, x, w, y, z, q);
  let snapshot: IpmPoint | undefined;
  const theta = new Float64Array(n);
  const rp = new Float64Array(m), rd = new Float64Array(n), ru = new Float64Array(n);
  const Ax = new Float64Array(m), ATy = new Float64Array(n);
  const rho = new Float64Array(n), tmp = new Float64Array(n), rhs = new Float64Array(m);
  const dx = new Float64Array(n), dz = new Float64Array(n), dw = new Float64Array(n), dq = new Float64Array(n), dy = new Float64Array(m);
  const rxz = new Float64Array(n), rwq = new Float64Array(n);
  const saved = new Float64Array(n), savedW = new Float64Array(n);
  const keep = { dx: new Float64Array(n), dz: new Float64Array(n), dw: new Float64Array(n), dq: new Float64Array(n), dy: new Float64Array(m) };
  let bNorm = 1, cNorm = 1;
  for (let i = 0; i < m; i++) bNorm = Math.max(bNorm, Math.abs(b[i]));
  for (let j = 0; j < n; j++) if (active[j]) cNorm = Math.max(cNorm, Math.abs(c[j]), bounded[j] ? lp.upper[j] : 0);
  let pCount = 0;
  for (let j = 0; j < n; j++) pCount += active[j] + bounded[j];

  // One Newton solve for the given complementarity right-hand sides; fills dx, dy, dz, dw, dq.
  const direction = () => {
    for (let j = 0; j < n; j++) {
      if (!active[j]) {
        rho[j] = 0;
        tmp[j] = 0;
        continue;
      }
      let r = rd[j] - rxz[j] / x[j];
      if (bounded[j]) r += (rwq[j] - q[j] * ru[j]) / w[j];
      rho[j] = r;
      tmp[j] = theta[j] * r;
    }
    multiply(lp, tmp, rhs);
    for (let i = 0; i < m; i++) rhs[i] += rp[i];
    solver.solve(rhs, dy);
    multiplyT(lp, dy, tmp);
    for (let j = 0; j < n; j++) {
      if (!active[j]) {
        dx[j] = dz[j] = dw[j] = dq[j] = 0;
        continue;
      }
      dx[j] = theta[j] * (tmp[j] - rho[j]);
      dz[j] = (rxz[j] - z[j] * dx[j]) / x[j];
      if (bounded[j]) {
        dw[j] = ru[j] - dx[j];
        dq[j] = (rwq[j] - q[j] * dw[j]) / w[j];
      } else dw[j] = dq[j] = 0;
    }
  };

  let it = 0;
  let pobj = 0, dobj = 0;
  for (; it < maxIt; it++) {
    multiply(lp, x, Ax);
    multiplyT(lp, y, ATy);
    let pInf = 0, dInf = 0, comp = 0;
    for (let i = 0; i < m; i++) {
      rp[i] = b[i] - Ax[i];
      pInf = Math.max(pInf, Math.abs(rp[i]));
    }
    pobj = 0;
    dobj = 0;
    for (let i = 0; i < m; i++) dobj += b[i] * y[i];
    for (let j = 0; j < n; j++) {
      if (!active[j]) {
        rd[j] = ru[j] = 0;
        continue;
      }
      pobj += c[j] * x[j];
      rd[j] = c[j] - ATy[j] - z[j] + q[j];
      dInf = Math.max(dInf, Math.abs(rd[j]));
      comp += x[j] * z[j];
      if (bounded[j]) {
        ru[j] = lp.upper[j] - x[j] - w[j];
        pInf = Math.max(pInf, Math.abs(ru[j]));
        comp += w[j] * q[j];
        dobj -= lp.upper[j] * q[j];
      } else ru[j] = 0;
    }
    const mu = comp / Math.max(1, pCount);
    if (!Number.isFinite(mu) || !Number.isFinite(pobj)) return { status: 'failed', x, y, iterations: it, primalObjective: pobj, dualObjective: dobj };
    const relGap = Math.abs(pobj - dobj) / (1 + Math.abs(pobj));
    if (!snapshot && options.snapshotGap !== undefined && relGap <= options.snapshotGap && pInf / bNorm <= options.snapshotGap) {
      snapshot = { x: x.slice(), w: w.slice(), y: y.slice(), z: z.slice(), q: q.slice() };
    }
    if (pInf / bNorm < tol && dInf / cNorm < tol && relGap < tol) {
      return { status: 'optimal', x, y, iterations: it, primalObjective: pobj, dualObjective: dobj, snapshot };
    }
    if (Date.now() > options.deadline) return { status: 'time-limit', x, y, iterations: it, primalObjective: pobj, dualObjective: dobj };

    for (let j = 0; j < n; j++) {
      if (!active[j]) {
        theta[j] = 0;
        continue;
      }
      const d = z[j] / x[j] + (bounded[j] ? q[j] / w[j] : 0);
      theta[j] = 1 / d;
    }
    solver.factor(theta, 1e-12 * Math.max(1, mu));

    // Predictor (affine scaling).
    for (let j = 0; j < n; j++) {
      rxz[j] = -x[j] * z[j];
      rwq[j] = bounded[j] ? -w[j] * q[j] : 0;
    }
    direction();
    const ap = Math.min(maxStep(x, dx, active), maxStep(w, dw, bounded));
    const ad = Math.min(maxStep(z, dz, active), maxStep(q, dq, bounded));
    let compAff = 0;
    for (let j = 0; j < n; j++) {
      if (!active[j]) continue;
      compAff += (x[j] + ap * dx[j]) * (z[j] + ad * dz[j]);
      if (bounded[j]) compAff += (w[j] + ap * dw[j]) * (q[j] + ad * dq[j]);
    }
    const muAff = compAff / Math.max(1, pCount);
    const sigma = Math.min(1, Math.pow(muAff / mu, 3));

    // Corrector: second-order term and centring, same factorization.
    for (let j = 0; j < n; j++) {
      if (!active[j]) continue;
      rxz[j] = -x[j] * z[j] - dx[j] * dz[j] + sigma * mu;
      rwq[j] = bounded[j] ? -w[j] * q[j] - dw[j] * dq[j] + sigma * mu : 0;
    }
    direction();
    let sp = Math.min(1, STEP * Math.min(maxStep(x, dx, active), maxStep(w, dw, bounded)));
    let sd = Math.min(1, STEP * Math.min(maxStep(z, dz, active), maxStep(q, dq, bounded)));
    // Gondzio's centrality correctors: one more solve each (the factorization is the cost), pushing
    // outlying complementarity products back towards σμ so the next step can be longer.
    for (let k = 0; k < CORRECTORS && (sp < 1 || sd < 1); k++) {
      const tp = Math.min(1, sp + 0.1), td = Math.min(1, sd + 0.1);
      const target = sigma * mu;
      saved.set(rxz);
      savedW.set(rwq);
      for (let j = 0; j < n; j++) {
        if (!active[j]) continue;
        rxz[j] += centring((x[j] + tp * dx[j]) * (z[j] + td * dz[j]), target);
        if (bounded[j]) rwq[j] += centring((w[j] + tp * dw[j]) * (q[j] + td * dq[j]), target);
      }
      keep.dx.set(dx); keep.dz.set(dz); keep.dw.set(dw); keep.dq.set(dq); keep.dy.set(dy);
      direction();
      const np = Math.min(1, STEP * Math.min(maxStep(x, dx, active), maxStep(w, dw, bounded)));
      const nd = Math.min(1, STEP * Math.min(maxStep(z, dz, active), maxStep(q, dq, bounded)));
      if (np + nd < 1.01 * (sp + sd)) {
        dx.set(keep.dx); dz.set(keep.dz); dw.set(keep.dw); dq.set(keep.dq); dy.set(keep.dy);
        rxz.set(saved);
        rwq.set(savedW);
        break;
      }
      sp = np;
      sd = nd;
    }
    if (DEBUG) {
      multiply(lp, dx, rhs);
      let e = 0, nr = 0;
      for (let i = 0; i < m; i++) { e = Math.max(e, Math.abs(rhs[i] - rp[i])); nr = Math.max(nr, Math.abs(rp[i])); }
      console.log('  dir residual', e.toExponential(2), 'of', nr.toExponential(2));
    }
    if (DEBUG) console.log(it, 'pInf', (pInf / bNorm).toExponential(2), 'dInf', (dInf / cNorm).toExponential(2), 'mu', mu.toExponential(2), 'sigma', sigma.toFixed(3), 'steps', ap.toFixed(3), ad.toFixed(3), sp.toFixed(3), sd.toFixed(3), 'obj', pobj.toFixed(4), dobj.toFixed(4));
    for (let j = 0; j < n; j++) {
      if (!active[j]) continue;
      x[j] += sp * dx[j];
      z[j] += sd * dz[j];
      if (bounded[j]) {
        w[j] += sp * dw[j];
        q[j] += sd * dq[j];
      }
    }
    for (let i = 0; i < m; i++) y[i] += sd * dy[i];
  }
  return { status: 'iteration-limit', x, y, iterations: it, primalObjective: pobj, dualObjective: dobj };
}

/**
 * Mehrotra's starting point: the least-norm solution of A·x = b and the least-squares duals,
 * shifted into the interior (Mehrotra 1992, §7); bounded columns start no further than halfway to
 * their bound. Far fewer iterations than starting from x = z = 1.
 */
function startingPoint(lp: StructuredLp, solver: NormalSolver, active: Uint8Array, bounded: Uint8Array, x: Float64Array, w: Float64Array, y: Float64Array, z: Float64Array, q: Float64Array): void {
  const n = lp.numCols;
  const m = y.length;
  const ones = new Float64Array(n);
  for (let j = 0; j < n; j++) ones[j] = active[j];
  solver.factor(ones, 1e-10);
  const v = new Float64Array(m);
  solver.solve(lp.rhs, v);
  multiplyT(lp, v, x);
  const cm = new Float64Array(n);
  for (let j = 0; j < n; j++) cm[j] = active[j] ? lp.cost[j] : 0;
  multiply(lp, cm, v);
  solver.solve(v, y);
  multiplyT(lp, y, z);
  let minX = Infinity, minZ = Infinity;
  for (let j = 0; j < n; j++) {
    if (!active[j]) {
      x[j] = z[j] = 0;
      continue;
    }
    z[j] = lp.cost[j] - z[j];
    minX = Math.min(minX, x[j]);
    minZ = Math.min(minZ, z[j]);
  }
  const dx = Math.max(-1.5 * minX, 0);
  const dz = Math.max(-1.5 * minZ, 0);
  let xz = 0, sx = 0, sz = 0;
  for (let j = 0; j < n; j++) {
    if (!active[j]) continue;
    x[j] += dx;
    z[j] += dz;
    xz += x[j] * z[j];
    sx += x[j];
    sz += z[j];
  }
  const shiftX = sz > 0 ? (0.5 * xz) / sz : 1;
  const shiftZ = sx > 0 ? (0.5 * xz) / sx : 1;
  for (let j = 0; j < n; j++) {
    if (!active[j]) continue;
    x[j] += shiftX;
    z[j] += shiftZ;
    if (bounded[j]) {
      if (x[j] > lp.upper[j] / 2) x[j] = lp.upper[j] / 2;
      w[j] = lp.upper[j] - x[j];
      q[j] = shiftZ;
    }
  }
}
