/**
 * The category LP (issue 17 quick category mode): the fewest hours moved so that every person's
 * share of hours in each category is within ±δ of the organization's, solved with HiGHS, then turned
 * into task transfers people can carry out (plan.ts).
 *
 * Variables per person i (with hours) and category c: y_ic ≥ 0, i's weekly hours in c after.
 * Rows: Σ_c y_ic = h_i (everyone keeps their hours), Σ_i y_ic = H_c (every category's work is done).
 * Bounds: max((S_c − δ)·h_i, L_ic) ≤ y_ic ≤ (S_c + δ)·h_i, L_ic = i's locked hours in c.
 * Objective: min Σ max(0, y_ic − y0_ic), the hours that change hands. It is written with the change
 * d = y − y0 split as d = p − n, p, n ≥ 0, cost 1 on p (p is u of the brief: u ≥ y − y0, u ≥ 0),
 * and the bounds of y moved onto p and n, so the matrix is a bipartite incidence matrix (persons ×
 * categories): totally unimodular. Hence with bounds on d on a grid of 0.5 h, simplex ends on a
 * vertex whose changes are whole 0.5-h blocks. Rounding rule: the plan solves again with each
 * cell's range of d rounded inward to that grid (still inside every band, so everyone stays
 * balanced; a band narrower than a block — a person with under 2.5 h at δ = 0.10 — keeps its exact
 * range) and falls back to the exact optimum when blocks cannot balance everyone. Its moved hours
 * may exceed the exact optimum (lpMovedHours) by the cost of whole blocks. The organization is put
 * in a canonical order first (canonical.ts): the plan, its transfers and their order depend only on
 * the people, tasks and hours, not on the order they came in.
 */
import type { Highs } from 'highs';
import { runWithLimit, TIME_LIMITS, type RunStatus } from '../balance/solverRun';
import { DEFAULT_MIN_BLOCK } from '../balance/blocks/types';
import type { Organization } from '../model/types';
import { categoryShares, DEFAULT_CATEGORY_DELTA, hoursByPersonCategory, taskCategories, type CategoryAudit } from './shares';
import { canonicalOrganization } from './canonical';
import { planTransfers, type CategoryTransfer, type PlannedHours } from './plan';

/** The block hours are moved in where the bands allow. */
export const CATEGORY_BLOCK = 0.5;
/** Float noise of a solver value, in hours: values this close to the block grid are snapped to it. */
const NOISE = 1e-7;

export interface CategoryBlocker {
  personId: string;
  name: string;
  /** Why: the locked hours in one category alone exceed its band, or the locks together leave no mix. */
  reason: string;
}

export interface CategoryPlan {
  status: 'optimal' | 'infeasible' | 'time-limit' | 'failed';
  /** δ in share units. */
  delta: number;
  /** Hours that change hands in the plan (Σ transfers); the optimum of the problem solved. */
  movedHours: number;
  /** The optimum with exact (not block) bounds: a lower bound on movedHours. */
  lpMovedHours: number;
  /** Whether every category change is a whole number of 0.5-h blocks. */
  blocks: boolean;
  /** Every person × task after (locked hours included), hours > 0. */
  allocation: PlannedHours[];
  transfers: CategoryTransfer[];
  /**
   * Transfers handing a taker under DEFAULT_MIN_BLOCK (1 h) a week of a task new to them that no swap
   * or merge could avoid (plan.ts); 0 in a plan where every new task is taken at 1 h or more.
   */
  shortTransfers: number;
  /** When infeasible: the people whose locked hours block a balanced mix. */
  blockers: CategoryBlocker[];
}

interface Cell {
  person: number;
  cat: number;
  /** Current hours y0 and the bounds of y. */
  y0: number;
  lo: number;
  hi: number;
}

interface Setup {
  audit: CategoryAudit;
  cats: string[];
  cells: Cell[];
  blockers: CategoryBlocker[];
}

function setup(org: Organization, delta: number): Setup {
  const audit = categoryShares(org, delta);
  const { keyOf } = taskCategories(org);
  const locked = hoursByPersonCategory({ ...org, assignments: org.assignments.filter((a) => a.locked) }, keyOf);
  const cats = audit.categories.map((c) => c.key);
  const cells: Cell[] = [];
  const blockers: CategoryBlocker[] = [];
  audit.people.forEach((p, i) => {
    let lowSum = 0;
    const over: string[] = [];
    audit.categories.forEach((c, k) => {
      const l = locked.get(p.personId)?.get(c.key) ?? 0;
      const hi = (c.share + delta) * p.hours;
      const lo = Math.max(0, (c.share - delta) * p.hours, l);
      if (l > hi + NOISE) over.push(`${fmt(l)} h locked in ${c.name}, more than ${fmt(hi)} h (${pct(c.share + delta)} of ${fmt(p.hours)} h)`);
      lowSum += lo;
      cells.push({ person: i, cat: k, y0: p.hoursBy[c.key], lo, hi: Math.max(0, hi) });
    });
    if (over.length) blockers.push({ personId: p.personId, name: p.name, reason: over.join('; ') });
    else if (lowSum > p.hours + NOISE) blockers.push({ personId: p.personId, name: p.name, reason: `locked hours leave no mix within ±${pct(delta)} of ${fmt(p.hours)} h` });
  });
  return { audit, cats, cells, blockers };
}

const fmt = (h: number) => String(Math.round(h * 100) / 100);
const pct = (s: number) => `${Math.round(s * 1000) / 10}%`;

/** Inward onto the block grid; null when no block value lies within [lo, hi]. */
function gridBounds(lo: number, hi: number): [number, number] | null {
  const a = Math.ceil(lo / CATEGORY_BLOCK - NOISE) * CATEGORY_BLOCK;
  const b = Math.floor(hi / CATEGORY_BLOCK + NOISE) * CATEGORY_BLOCK;
  return a <= b ? [a, b] : null;
}

/** Solves for the changes d_ic = y_ic − y0_ic within per-cell bounds on d; null when not optimal. */
function solveChanges(highs: Highs, s: Setup, bounds: [number, number][], timeLimit: number): { status: RunStatus; d: number[] } {
  const people = s.audit.people.length;
  const cost: number[] = [];
  const colLower: number[] = [];
  const colUpper: number[] = [];
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  s.cells.forEach((c, j) => {
    const [lo, hi] = bounds[j];
    // p = max(0, d) with cost 1, n = max(0, −d) free of cost; d's bounds split between them.
    for (const [sign, l, u] of [[1, Math.max(0, lo), Math.max(0, hi)], [-1, Math.max(0, -hi), Math.max(0, -lo)]] as const) {
      cost.push(sign > 0 ? 1 : 0);
      colLower.push(l);
      colUpper.push(u);
      indices.push(c.person, people + c.cat);
      values.push(sign, sign);
      starts.push(indices.length);
    }
  });
  const numRows = people + s.cats.length;
  const zero = new Array<number>(numRows).fill(0);
  const model = highs.createModel({
    numCols: cost.length, numRows, colCost: cost, colLower, colUpper, rowLower: zero, rowUpper: zero,
    matrix: { format: 'csc', numRows, numCols: cost.length, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false, log_to_console: false, presolve: 'off', solver: 'simplex', time_limit: timeLimit });
    const status = runWithLimit(highs, model);
    if (status !== 'optimal') return { status, d: [] };
    const x = model.getSolution().colValue;
    return { status, d: s.cells.map((_, j) => x[2 * j] - x[2 * j + 1]) };
  } finally {
    model.dispose();
  }
}

/** Snaps a change to the block grid when it is within float noise of it, and into its bounds. */
function clean(d: number, [lo, hi]: [number, number]): number {
  const v = Math.min(hi, Math.max(lo, d));
  const k = Math.round(v / CATEGORY_BLOCK);
  return Math.abs(v - k * CATEGORY_BLOCK) <= NOISE ? k * CATEGORY_BLOCK : v;
}

const moved = (d: number[]) => d.reduce((sum, x) => sum + Math.max(0, x), 0);

/**
 * Among the optima, one with fewer takes under DEFAULT_MIN_BLOCK (1 h) in a category: such a take
 * can only be a task new to the person in under 1 h (plan.ts counts them). Each small take's range
 * is closed to "nothing" (when the band allows 0) or "a block or more"; a re-solve is kept only when
 * it moves no more hours, so the plan stays an optimum. All small takes at once, else one at a time
 * (a few solves at most).
 */
function avoidSmallTakes(highs: Highs, s: Setup, bounds: [number, number][], d: number[], timeLimit: number): number[] {
  const best = moved(d);
  const small = (x: number[]) => x.flatMap((v, j) => (v > NOISE && v < DEFAULT_MIN_BLOCK - NOISE ? [j] : []));
  const tighten = (b: [number, number][], j: number): [number, number][] | null => {
    const [lo, hi] = b[j];
    const next = b.slice();
    if (lo <= 0) next[j] = [lo, 0];
    else if (hi >= DEFAULT_MIN_BLOCK) next[j] = [DEFAULT_MIN_BLOCK, hi];
    else return null;
    return next;
  };
  const attempt = (b: [number, number][]): { b: [number, number][]; d: number[] } | null => {
    const r = solveChanges(highs, s, b, timeLimit);
    if (r.status !== 'optimal') return null;
    const x = r.d.map((v, j) => clean(v, b[j]));
    return moved(x) <= best + 1e-6 && small(x).length < small(d).length ? { b, d: x } : null;
  };
  let cur = { b: bounds, d };
  for (let solves = 0; solves < 12 && small(cur.d).length > 0; ) {
    let all: [number, number][] | null = cur.b;
    for (const j of small(cur.d)) all = all && tighten(all, j);
    const together = all && (solves++, attempt(all));
    if (together) {
      cur = together;
      continue;
    }
    let found = null;
    for (const j of small(cur.d)) {
      const b = tighten(cur.b, j);
      if (!b || solves >= 12) continue;
      solves++;
      if ((found = attempt(b))) break;
    }
    if (!found) break;
    cur = found;
  }
  return cur.d;
}

/**
 * The plan balancing every person's category mix within ±δ (share units, default 0.10) with the
 * fewest hours moved, in whole 0.5-h blocks where the bands allow. `timeLimit`: seconds per solve.
 */
export function balanceCategories(input: Organization, highs: Highs, delta: number = DEFAULT_CATEGORY_DELTA, timeLimit: number = TIME_LIMITS.main): CategoryPlan {
  // One order for equal organizations: the same people, tasks and hours give the same transfers.
  const org = canonicalOrganization(input);
  const s = setup(org, delta);
  const none = (status: CategoryPlan['status'], blockers: CategoryBlocker[] = []): CategoryPlan => ({
    status, delta, movedHours: 0, lpMovedHours: 0, blocks: false, allocation: [], transfers: [], shortTransfers: 0, blockers,
  });
  if (s.blockers.length) return none('infeasible', s.blockers);
  const exact = s.cells.map((c): [number, number] => [c.lo - c.y0, c.hi - c.y0]);
  const lp = solveChanges(highs, s, exact, timeLimit);
  if (lp.status !== 'optimal') {
    // Without locks the organization's own mix is always a solution, so infeasibility comes from locks.
    const locked = new Set(org.assignments.filter((a) => a.locked && a.hours > 0).map((a) => a.personId));
    return none(lp.status, lp.status === 'infeasible' ? s.audit.people.filter((p) => locked.has(p.personId)).map((p) => ({ personId: p.personId, name: p.name, reason: 'locked hours' })) : []);
  }
  const lpMoved = lp.d.reduce((sum, d) => sum + Math.max(0, d), 0);
  // Block changes: each cell's range of d rounded inward to the 0.5-h grid (it holds 0 when the
  // person is inside the band already); a band narrower than a block keeps its exact range.
  const blockBounds = exact.map((b) => gridBounds(b[0], b[1]) ?? b);
  let chosen = lp.d.map((d, j) => clean(d, exact[j]));
  const r = solveChanges(highs, s, blockBounds, timeLimit);
  if (r.status === 'optimal') chosen = avoidSmallTakes(highs, s, blockBounds, r.d.map((d, j) => clean(d, blockBounds[j])), timeLimit);
  const blocks = chosen.every((d) => Math.abs(d / CATEGORY_BLOCK - Math.round(d / CATEGORY_BLOCK)) <= NOISE);
  const { allocation, transfers, shortTransfers } = planTransfers(org, s.audit, s.cells.map((c, j) => ({ person: c.person, cat: c.cat, change: chosen[j] })));
  return {
    status: 'optimal', delta, movedHours: transfers.reduce((sum, t) => sum + t.hours, 0), lpMovedHours: lpMoved, blocks,
    allocation, transfers, shortTransfers, blockers: [],
  };
}
