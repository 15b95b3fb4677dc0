/**
 * Rounds the continuous plan to whole blocks: every change becomes an integer number k of blocks of
 * g hours, a task new to someone is either not taken or taken at ≥ μ blocks, at most K new tasks a
 * person, and every person's and every task's Σ k is 0 (so totals stay exact). New tasks are chosen
 * first (each receiver's K largest, where the LP gave at least half a minimum block); then the
 * k of every cell is a transportation problem with integral bounds and right-hand sides, minimizing
 * Σ |k − δ/g| (convex, split into unit-slope columns). Its constraint matrix is a network matrix
 * (totally unimodular), so a simplex vertex is integral: whole blocks without branch and bound.
 * With chores rotating, a person's Σ k is their shift less their offsets in blocks and a task's is
 * minus its offsets (remainder.ts makes both whole), so the right-hand sides stay integral.
 */
import type { Highs } from 'highs';
import { runWithLimit, type RunStatus } from '../solverRun';
import type { BlockState } from './state';

const NOISE = 1e-7;

export interface RoundResult {
  status: RunStatus;
  /** People whose LP plan wanted more than K new tasks (only K were kept). */
  trimmed: number[];
}

/**
 * `delta`: person index → task index → continuous change (hours). `everyone`: give every person's
 * cells a column (else only people the plan changes; the others stay as they are). `allowNew`:
 * false takes none of the plan's new tasks — then without a rotation k = 0 everywhere is feasible,
 * so this last resort always rounds, and repair does the rest; with one, people whose total must
 * change are offered every task they may take (in minimum blocks), the only way some can.
 * On 'optimal' the state holds the rounded plan; otherwise it is unchanged.
 */
export function roundToBlocks(state: BlockState, delta: Map<number, Map<number, number>>, maxNew: number, highs: Highs, timeLimit: number, everyone: boolean, allowNew = true): RoundResult {
  const g = state.g;
  const trimmed: number[] = [];
  // People whose total changes (a rotation share) or who carry an offset must have their cells solved.
  const fixedRow = (pi: number) => state.people[pi].shift !== 0 || state.people[pi].off.some((h) => h !== 0);
  const active = everyone ? state.people.map((_, i) => i) : state.people.map((_, i) => i).filter((pi) => fixedRow(pi) || [...(delta.get(pi)?.values() ?? [])].some((h) => Math.abs(h) > NOISE));
  const target = new Map<number, Map<number, number>>(); // pi → slot → t (blocks)
  const rowBlocks = new Map<number, number>();
  for (const pi of active) {
    const p = state.people[pi];
    const K = state.rowBlocks(p);
    if (Number.isNaN(K)) return { status: 'failed', trimmed };
    rowBlocks.set(pi, K);
    const row = delta.get(pi) ?? new Map<number, number>();
    const ts = new Map<number, number>();
    const fresh: [number, number][] = [];
    // A new cell with an offset is taken whatever the plan says (the offset must sit somewhere).
    let forced = 0;
    p.off.forEach((h, s) => {
      if (h !== 0 && p.cur[s] === 0) {
        ts.set(s, ((row.get(p.task[s]) ?? 0) - h) / g);
        forced++;
      }
    });
    for (const [ti, h] of row) {
      const s = state.slot(p, ti);
      if (s >= 0 && ts.has(s)) continue;
      if (s >= 0 && p.cur[s] > 0) ts.set(s, (h - p.off[s]) / g);
      else if (h > NOISE && allowNew) fresh.push([ti, h]);
    }
    // Last resort with a rotation: the plan's new tasks are dropped, but someone whose total must
    // change may need a new task to change it; any task they may take is offered at target 0.
    if (!allowNew && state.mu === 1 && fixedRow(pi)) state.tasks.forEach((_, ti) => state.qualified(p, ti) && (state.slot(p, ti) < 0 || p.cur[state.slot(p, ti)] === 0) && p.optional.add(ti));
    // Tasks remainder.ts offers back (p.optional): a column at target 0, so blocks only where needed.
    for (const ti of p.optional) {
      const s = state.slot(p, ti) >= 0 ? state.slot(p, ti) : state.addSlot(p, ti);
      if (!ts.has(s) && p.cur[s] === 0) ts.set(s, 0);
    }
    fresh.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    const half = (state.mu * g) / 2;
    const keep = fresh.filter(([, h]) => h >= half - NOISE);
    const room = Math.max(0, maxNew - forced);
    if (keep.length > room) trimmed.push(pi);
    for (const [ti, h] of keep.slice(0, room)) {
      const s = state.slot(p, ti) >= 0 ? state.slot(p, ti) : state.addSlot(p, ti);
      ts.set(s, h / g);
    }
    target.set(pi, ts);
  }
  const columnBlocks = state.columnBlocks();
  if ([...columnBlocks.values()].some(Number.isNaN)) return { status: 'failed', trimmed };

  const rowOf = new Map<string, number>();
  const rhs: number[] = [];
  // Right-hand sides start at each row's Σ k (a person's blocks, a task's), less the k0 of its cells.
  const want = (key: string) => (key[0] === 'p' ? rowBlocks.get(Number(key.slice(1))) ?? 0 : columnBlocks.get(Number(key.slice(1))) ?? 0);
  const row = (key: string) => {
    let r = rowOf.get(key);
    if (r === undefined) {
      r = rhs.length;
      rowOf.set(key, r);
      rhs.push(want(key));
    }
    return r;
  };
  const cells: { pi: number; s: number; k0: number; cols: [number, number][] }[] = [];
  const cost: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const pi of active) {
    const p = state.people[pi];
    const ts = target.get(pi)!;
    for (let s = 0; s < p.task.length; s++) {
      if (p.cur[s] === 0 && !ts.has(s)) continue; // a new task not chosen stays untaken
      const t = ts.get(s) ?? 0;
      // An offered-back cell may stay untaken (in blocks of the minimum, any block taken is ≥ it).
      const lo = p.cur[s] > 0 ? state.kMin(p, s) : p.optional.has(p.task[s]) && p.off[s] === 0 && state.mu === 1 ? 0 : state.kNewMin(p, s);
      const hi = state.kMax(p, s);
      const k0 = Math.min(hi, Math.max(lo, Math.floor(t + 1e-9)));
      const rp = row(`p${pi}`);
      const rt = row(`t${p.task[s]}`);
      rhs[rp] -= k0;
      rhs[rt] -= k0;
      const cols: [number, number][] = [];
      const column = (sign: number, ub: number, c: number) => {
        if (ub <= 0) return;
        cols.push([cost.length, sign]);
        cost.push(c);
        lower.push(0);
        upper.push(ub);
        indices.push(rp, rt);
        values.push(sign, sign);
        starts.push(indices.length);
      };
      column(1, Math.min(1, hi - k0), Math.abs(k0 + 1 - t) - Math.abs(k0 - t));
      column(1, hi - k0 - 1, 1);
      column(-1, k0 - lo, 1);
      cells.push({ pi, s, k0, cols });
    }
  }
  if (!cost.length) return { status: rhs.every((v) => v === 0) ? 'optimal' : 'infeasible', trimmed };
  const inf = highs.infinity;
  const model = highs.createModel({
    numCols: cost.length,
    numRows: rhs.length,
    colCost: cost,
    colLower: lower,
    colUpper: upper.map((u) => (u === Infinity ? inf : u)),
    rowLower: rhs,
    rowUpper: rhs,
    matrix: { format: 'csc', numRows: rhs.length, numCols: cost.length, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, log_to_console: false, solver: 'simplex', time_limit: timeLimit });
    const status = runWithLimit(highs, model);
    if (status !== 'optimal') return { status, trimmed };
    const y = model.getSolution().colValue;
    const ks = cells.map((c) => c.k0 + c.cols.reduce((sum, [j, sign]) => sum + sign * Math.round(y[j]), 0));
    // A vertex of a network LP is integral; check the sums in integers before touching the state.
    const sums = new Map<string, number>();
    cells.forEach((c, i) => {
      const p = state.people[c.pi];
      for (const key of [`p${c.pi}`, `t${p.task[c.s]}`]) sums.set(key, (sums.get(key) ?? 0) + ks[i]);
    });
    if ([...sums].some(([key, v]) => v !== want(key))) return { status: 'failed', trimmed };
    cells.forEach((c, i) => state.move(state.people[c.pi], c.s, ks[i] - state.people[c.pi].k[c.s]));
    return { status: 'optimal', trimmed };
  } finally {
    model.dispose();
  }
}
