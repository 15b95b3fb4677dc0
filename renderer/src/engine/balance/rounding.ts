/**
 * Rounds the changes of a proposal to a granularity (e.g. 0.5 h) while keeping every person's and
 * every task's movable total exact, moving as few hours as possible away from the current jobs.
 *
 * Each change δ = exact − current is rounded down or up to a multiple of the granularity (never
 * below giving up everything held, never above what an unqualified person holds now), so the exact
 * LP result is itself a feasible point and rounding cannot be infeasible. People the exact plan
 * left alone keep their jobs exactly. The objective is Σ|δ| (twice the hours moved), measured from
 * the current hours. Rows and columns form a transportation problem with zero right-hand sides:
 * when every bound is a multiple of the granularity its vertices are whole multiples (totally
 * unimodular), so simplex gives whole blocks; a bound clipped at someone's fractional current
 * holding may leave that change fractional, and the result lists it.
 */
import type { Highs } from 'highs';
import { type RunStatus, runWithLimit } from './solverRun';

type HoursMap = Map<string, Map<string, number>>;

/** Hours below this are solver noise, not work. */
const NOISE = 1e-7;

export interface RoundingResult {
  status: 'rounded' | RunStatus;
  /** Person → task → movable hours after rounding (the exact map when status is not 'rounded'). */
  cells: HoursMap;
  /** Changes that are not whole multiples of the granularity (hours of the change, signed). */
  fractional: { personId: string; taskId: string; change: number }[];
}

interface Cell {
  p: string;
  t: string;
  current: number;
  lo: number;
  hi: number;
}

const get = (m: HoursMap, p: string, t: string) => m.get(p)?.get(t) ?? 0;

/** δ/g when it is a whole number to noise, else null. */
function whole(delta: number, g: number): number | null {
  const q = delta / g;
  return Math.abs(q - Math.round(q)) <= 1e-7 ? Math.round(q) : null;
}

/**
 * `exact` and `current` are person → task → movable hours (fixed hours are not rounded).
 * `mayHold(p, t)` is the most a person may hold of a task (their current hours when they are not
 * qualified to take more, else Infinity). `timeLimit` in seconds.
 */
export function roundChanges(exact: HoursMap, current: HoursMap, granularity: number, highs: Highs, mayHold: (personId: string, taskId: string) => number, timeLimit = 10): RoundingResult {
  const g = granularity;
  const out: HoursMap = new Map();
  const set = (p: string, t: string, h: number) => {
    if (h <= NOISE) return;
    let m = out.get(p);
    if (!m) out.set(p, (m = new Map()));
    m.set(t, h);
  };
  const people = new Set([...exact.keys(), ...current.keys()]);
  const free: Cell[] = [];
  // Fixed changes, per person and per task, move the rows' right-hand sides.
  const fixedRow = new Map<string, number>();
  const fixedCol = new Map<string, number>();
  for (const p of people) {
    const tasks = new Set([...(exact.get(p)?.keys() ?? []), ...(current.get(p)?.keys() ?? [])]);
    const changed = [...tasks].some((t) => Math.abs(get(exact, p, t) - get(current, p, t)) > NOISE);
    for (const t of tasks) {
      const a = get(current, p, t);
      const delta = get(exact, p, t) - a;
      if (!changed) {
        set(p, t, a); // the exact plan left this job alone: it stays exactly as it is
        continue;
      }
      const k = whole(delta, g);
      if (k !== null && k * g >= -a - NOISE) {
        const d = Math.max(k * g, -a);
        set(p, t, a + d);
        fixedRow.set(p, (fixedRow.get(p) ?? 0) + d);
        fixedCol.set(t, (fixedCol.get(t) ?? 0) + d);
        continue;
      }
      const lo = Math.max(Math.floor(delta / g) * g, -a);
      const hi = Math.min(Math.ceil(delta / g) * g, mayHold(p, t) - a);
      // Solver noise may put δ a hair outside its own cell; the interval must still contain it.
      free.push({ p, t, current: a, lo: Math.min(lo, delta, hi), hi: Math.max(hi, delta, lo) });
    }
  }
  if (free.length === 0) return { status: 'rounded', cells: out, fractional: [] };

  const rowOf = new Map<string, number>();
  const rhs: number[] = [];
  const index = (key: string, fixed: number) => {
    let i = rowOf.get(key);
    if (i === undefined) {
      i = rhs.length;
      rowOf.set(key, i);
      rhs.push(-fixed);
    }
    return i;
  };
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const c of free) {
    indices.push(index(`p:${c.p}`, fixedRow.get(c.p) ?? 0), index(`t:${c.t}`, fixedCol.get(c.t) ?? 0));
    values.push(1, 1);
    starts.push(indices.length);
  }
  // Right-hand sides are sums of whole multiples: snap them so float noise cannot break integrality.
  const rowRhs = rhs.map((v) => (whole(v, g) !== null ? whole(v, g)! * g : v));
  const model = highs.createModel({
    numCols: free.length,
    numRows: rowRhs.length,
    // |δ| is linear on each cell's interval: both ends lie on the same side of 0 (0 is a multiple of g).
    colCost: free.map((c) => (c.lo >= 0 ? 1 : -1)),
    colLower: free.map((c) => c.lo),
    colUpper: free.map((c) => c.hi),
    rowLower: rowRhs,
    rowUpper: rowRhs,
    matrix: { format: 'csc', numRows: rowRhs.length, numCols: free.length, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, log_to_console: false, solver: 'simplex', time_limit: timeLimit });
    const status = runWithLimit(highs, model);
    if (status !== 'optimal') return { status, cells: exact, fractional: [] };
    const y = model.getSolution().colValue;
    const fractional: RoundingResult['fractional'] = [];
    free.forEach((c, j) => {
      const v = Math.min(c.hi, Math.max(c.lo, y[j]));
      const k = whole(v, g);
      const d = k !== null ? k * g : Math.abs(v - c.lo) <= NOISE ? c.lo : Math.abs(v - c.hi) <= NOISE ? c.hi : v;
      if (k === null && Math.abs(d) > NOISE) fractional.push({ personId: c.p, taskId: c.t, change: d });
      set(c.p, c.t, c.current + Math.max(d, -c.current));
    });
    return { status: 'rounded', cells: out, fractional };
  } finally {
    model.dispose();
  }
}
