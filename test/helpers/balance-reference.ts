/**
 * The reference: the plain person × task rebalancing LP, written from DESIGN.md §1 alone and
 * solved with GLPK (glpk.js, simplex) — a different solver and a different formulation from the
 * engine's (HiGHS, kept/new columns over aggregated classes and groups).
 *
 * Variables, for every person p with movable hours and every movable task t (rated in every
 * balanced dimension, hours not locked): x_pt ≥ 0, the movable hours p does on t after; and, where
 * p is qualified for t, n_pt ≥ 0 with x_pt − n_pt ≤ a_pt (a_pt = p's current movable hours on t).
 * Unqualified: x_pt ≤ a_pt (they may keep hours, not gain them). Minimize Σ n_pt.
 * Rows: Σ_p x_pt = h_t; Σ_t x_pt = F_p; for every person with rated hours R_p,
 * (Ē − τ)·R_p ≤ Σ_t ê_t x_pt + fixed mass ≤ (Ē + τ)·R_p (E, and D when asked). A person without
 * movable hours has a fixed score: checked directly. Locked and frozen hours stay where they are.
 */
import GLPK, { type GLPK as Glpk, type LP } from 'glpk.js/node';
import type { Organization } from '../../renderer/src/engine/model/types';

let instance: Glpk | null = null;
export async function loadGlpk(): Promise<Glpk> {
  instance ??= await GLPK();
  return instance;
}

export interface ReferenceResult {
  status: 'optimal' | 'infeasible';
  /** Minimal hours that change hands (null when infeasible). */
  moved: number | null;
  /** person → task → movable hours after (optimal only). */
  x: Map<string, Map<string, number>>;
}

interface Prepared {
  people: { id: string; F: number; quals: Set<string>; R: number[]; fixedMass: number[] }[];
  tasks: { id: string; r: number[]; requires: string[]; h: number }[];
  current: Map<string, number>;
  means: number[];
  dims: ('empowerment' | 'desirability')[];
}

const key = (p: string, t: string) => `${p}\u0000${t}`;
const normQ = (q: string) => q.trim().toLowerCase();

function prepare(o: Organization, desirability: boolean): Prepared {
  const dims: Prepared['dims'] = desirability ? ['empowerment', 'desirability'] : ['empowerment'];
  const taskById = new Map(o.tasks.map((t) => [t.id, t]));
  const movable = (id: string) => dims.every((d) => taskById.get(id)?.[d] != null);
  const tasks = o.tasks.filter((t) => movable(t.id)).map((t) => ({ id: t.id, r: dims.map((d) => t[d]!), requires: t.requires.map(normQ), h: 0 }));
  const tIndex = new Map(tasks.map((t, i) => [t.id, i]));
  const people = o.people.map((p) => ({ id: p.id, F: 0, quals: new Set(p.qualifications.map(normQ)), R: dims.map(() => 0), fixedMass: dims.map(() => 0) }));
  const pIndex = new Map(people.map((p, i) => [p.id, i]));
  const current = new Map<string, number>();
  const mass = dims.map(() => 0);
  const rated = dims.map(() => 0);
  for (const a of o.assignments) {
    if (!(a.hours > 0)) continue;
    const t = taskById.get(a.taskId)!;
    const p = people[pIndex.get(a.personId)!];
    const isMovable = !a.locked && tIndex.has(a.taskId);
    dims.forEach((d, k) => {
      const r = t[d];
      if (r === null) return;
      mass[k] += a.hours * r;
      rated[k] += a.hours;
      p.R[k] += a.hours;
      if (!isMovable) p.fixedMass[k] += a.hours * r;
    });
    if (isMovable) {
      p.F += a.hours;
      tasks[tIndex.get(a.taskId)!].h += a.hours;
      current.set(key(a.personId, a.taskId), (current.get(key(a.personId, a.taskId)) ?? 0) + a.hours);
    }
  }
  return { people, tasks, current, means: dims.map((_, k) => (rated[k] > 0 ? mass[k] / rated[k] : 0)), dims };
}

function bnds(g: Glpk, lb: number, ub: number) {
  if (lb === ub) return { type: g.GLP_FX, lb, ub };
  if (lb === -Infinity && ub === Infinity) return { type: g.GLP_FR, lb: 0, ub: 0 };
  if (ub === Infinity) return { type: g.GLP_LO, lb, ub: 0 };
  if (lb === -Infinity) return { type: g.GLP_UP, lb: 0, ub };
  return { type: g.GLP_DB, lb, ub };
}

/**
 * Builds the LP. `tau` normalized (0–1); null = "tightest" mode, where τ is a variable and the
 * objective. Returns null when a person without movable hours is already outside the band.
 */
function build(g: Glpk, o: Organization, tau: number | null, desirability: boolean, ignoreQualifications = false): { lp: LP; floor: number } | null {
  const P = prepare(o, desirability);
  const rows = new Map<string, { vars: { name: string; coef: number }[]; lb: number; ub: number }>();
  const row = (name: string, lb: number, ub: number) => {
    const r = { vars: [] as { name: string; coef: number }[], lb, ub };
    rows.set(name, r);
    return r;
  };
  const bounds: NonNullable<LP['bounds']> = [];
  const objective: { name: string; coef: number }[] = [];
  const taskRows = P.tasks.map((t, j) => row(`task${j}`, t.h, t.h));
  // In tightest mode, people without movable hours give τ a floor.
  let floor = 0;
  P.people.forEach((p, i) => {
    const bandRows = P.dims.map((_, k) => {
      if (p.R[k] <= 0) return null;
      const centre = P.means[k] * p.R[k] - p.fixedMass[k];
      if (p.F <= 0) {
        const off = Math.abs(centre) / p.R[k];
        if (tau === null) floor = Math.max(floor, off);
        else if (off > tau + 1e-12) return 'out' as const;
        return null;
      }
      if (tau === null) {
        const lo = row(`lo${k}_${i}`, centre, Infinity);
        const hi = row(`hi${k}_${i}`, -Infinity, centre);
        lo.vars.push({ name: 'tau', coef: p.R[k] });
        hi.vars.push({ name: 'tau', coef: -p.R[k] });
        return [lo, hi];
      }
      return [row(`band${k}_${i}`, centre - tau * p.R[k], centre + tau * p.R[k])];
    });
    if (bandRows.includes('out')) floor = -1;
    if (p.F <= 0) return;
    const personRow = row(`person${i}`, p.F, p.F);
    P.tasks.forEach((t, j) => {
      const a = P.current.get(key(p.id, t.id)) ?? 0;
      const ok = ignoreQualifications || t.requires.every((r) => p.quals.has(r));
      if (!ok && a <= 0) return;
      const x = `x_${i}_${j}`;
      bounds.push({ name: x, ...bnds(g, 0, ok ? Infinity : a) });
      taskRows[j].vars.push({ name: x, coef: 1 });
      personRow.vars.push({ name: x, coef: 1 });
      bandRows.forEach((rs, k) => {
        if (rs && rs !== 'out') for (const r of rs) r.vars.push({ name: x, coef: t.r[k] });
      });
      if (ok) {
        const n = `n_${i}_${j}`;
        bounds.push({ name: n, ...bnds(g, 0, Infinity) });
        row(`new_${i}_${j}`, -Infinity, a).vars.push({ name: x, coef: 1 }, { name: n, coef: -1 });
        if (tau !== null) objective.push({ name: n, coef: 1 });
      }
    });
  });
  if (floor < 0) return null;
  if (tau === null) {
    bounds.push({ name: 'tau', ...bnds(g, floor, Infinity) });
    objective.push({ name: 'tau', coef: 1 });
  }
  const subjectTo = [...rows].map(([name, r]) => {
    // A row with no variable: 0 must lie within its bounds, else the LP is infeasible.
    if (r.vars.length === 0) return { name, vars: [{ name: 'zero', coef: 1 }], bnds: bnds(g, r.lb, r.ub) };
    return { name, vars: r.vars, bnds: bnds(g, r.lb, r.ub) };
  });
  bounds.push({ name: 'zero', type: g.GLP_FX, lb: 0, ub: 0 });
  if (objective.length === 0) objective.push({ name: 'zero', coef: 0 });
  return { lp: { name: 'rebalance', objective: { direction: g.GLP_MIN, name: 'moved', vars: objective }, subjectTo, bounds }, floor };
}

function run(g: Glpk, lp: LP) {
  const r = g.solve(lp, { msglev: g.GLP_MSG_OFF, presol: false });
  if (r.result.status === g.GLP_OPT) return r.result;
  if (r.result.status === g.GLP_NOFEAS || r.result.status === g.GLP_INFEAS) return null;
  throw new Error(`GLPK stopped with status ${r.result.status}`);
}

/** The minimal hours moved at tolerance `tolerance` (points), by GLPK. */
export function referenceSolve(g: Glpk, o: Organization, tolerance: number, desirability = false): ReferenceResult {
  const range = o.scale.max - o.scale.min;
  const built = build(g, o, tolerance / range, desirability);
  if (!built) return { status: 'infeasible', moved: null, x: new Map() };
  const res = run(g, built.lp);
  if (!res) return { status: 'infeasible', moved: null, x: new Map() };
  const x = new Map<string, Map<string, number>>();
  const P = prepare(o, desirability);
  for (const [name, v] of Object.entries(res.vars)) {
    const m = /^x_(\d+)_(\d+)$/.exec(name);
    if (!m || v <= 1e-12) continue;
    const p = P.people[Number(m[1])].id;
    const t = P.tasks[Number(m[2])].id;
    if (!x.has(p)) x.set(p, new Map());
    x.get(p)!.set(t, v);
  }
  return { status: 'optimal', moved: res.z, x };
}

/** The smallest τ (points) any allocation can reach, by GLPK; null if none (cannot happen: τ is free). */
export function referenceTightest(g: Glpk, o: Organization, desirability = false, ignoreQualifications = false): number | null {
  const range = o.scale.max - o.scale.min;
  const built = build(g, o, null, desirability, ignoreQualifications);
  if (!built) return null;
  const res = run(g, built.lp);
  return res ? res.z * range : null;
}
