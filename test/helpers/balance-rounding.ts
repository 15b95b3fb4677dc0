/**
 * The rounding reference, written from the rule alone: each change δ = exact − current of a person
 * the exact plan changes is rounded down or up to a multiple of the granularity G (never below
 * giving up all of it, never above what an unqualified person holds), people and tasks keep their
 * totals, people the plan left alone are not touched. `roundingMinimum` finds the least distance
 * (Σ|rounded − reference| over cells, reference = the exact plan or the current hours) over all
 * such roundings: by enumerating them for a few cells, else as a 0–1 program solved by GLPK.
 */
import type { GLPK as Glpk } from 'glpk.js/node';
import type { Hours } from './balance-check';

export interface Choice {
  p: string;
  t: string;
  /** The exact change and the two candidates (lo ≤ exact ≤ hi). */
  exact: number;
  lo: number;
  hi: number;
}

const get = (h: Hours, p: string, t: string) => h.get(p)?.get(t) ?? 0;
const onGrid = (x: number, g: number) => Math.abs(x / g - Math.round(x / g)) <= 1e-7;

/** The cells rounding may choose for: changed people's changes that are not already whole multiples. */
export function choices(exact: Hours, current: Hours, g: number, mayHold: (p: string, t: string) => number): Choice[] {
  const out: Choice[] = [];
  for (const p of new Set([...exact.keys(), ...current.keys()])) {
    const tasks = new Set([...(exact.get(p)?.keys() ?? []), ...(current.get(p)?.keys() ?? [])]);
    if (![...tasks].some((t) => Math.abs(get(exact, p, t) - get(current, p, t)) > 1e-7)) continue;
    for (const t of tasks) {
      const a = get(current, p, t);
      const d = get(exact, p, t) - a;
      if (onGrid(d, g)) continue;
      out.push({ p, t, exact: d, lo: Math.max(Math.floor(d / g) * g, -a), hi: Math.min(Math.ceil(d / g) * g, mayHold(p, t) - a) });
    }
  }
  return out;
}

/** Distance of a choice's value from the reference: the exact change ('plan') or no change ('current'). */
export const distance = (c: Choice, value: number, towards: 'plan' | 'current') => Math.abs(value - (towards === 'plan' ? c.exact : 0));

/** The least Σ distance over every rounding that keeps each person's and each task's total. */
export function roundingMinimum(cs: Choice[], towards: 'plan' | 'current', g?: Glpk): number {
  if (cs.length <= 16 || !g) {
    if (cs.length > 20) throw new Error(`${cs.length} cells are too many to enumerate`);
    let best = Infinity;
    for (let mask = 0; mask < 1 << cs.length; mask++) {
      const rows = new Map<string, number>();
      let cost = 0;
      cs.forEach((c, i) => {
        const v = mask & (1 << i) ? c.hi : c.lo;
        cost += distance(c, v, towards);
        rows.set(`p:${c.p}`, (rows.get(`p:${c.p}`) ?? 0) + v - c.exact);
        rows.set(`t:${c.t}`, (rows.get(`t:${c.t}`) ?? 0) + v - c.exact);
      });
      // The exact changes add up to 0 per row; so must the rounded ones.
      if ([...rows.values()].every((r) => Math.abs(r) <= 1e-7)) best = Math.min(best, cost);
    }
    return best;
  }
  const rows = new Map<string, { name: string; coef: number }[]>();
  const rhs = new Map<string, number>();
  const objective = cs.map((c, i) => {
    for (const k of [`p:${c.p}`, `t:${c.t}`]) {
      rows.set(k, [...(rows.get(k) ?? []), { name: `z${i}`, coef: c.hi - c.lo }]);
      rhs.set(k, (rhs.get(k) ?? 0) + c.exact - c.lo);
    }
    return { name: `z${i}`, coef: distance(c, c.hi, towards) - distance(c, c.lo, towards) };
  });
  const base = cs.reduce((s, c) => s + distance(c, c.lo, towards), 0);
  const r = g.solve({
    name: 'rounding',
    objective: { direction: g.GLP_MIN, name: 'distance', vars: objective },
    // Right-hand sides are sums of whole multiples up to float noise; GLPK wants them clean.
    subjectTo: [...rows].map(([name, vars]) => {
      const b = Math.round(rhs.get(name)! * 1e6) / 1e6;
      return { name, vars, bnds: { type: g.GLP_FX, lb: b, ub: b } };
    }),
    binaries: cs.map((_, i) => `z${i}`),
  }, { msglev: g.GLP_MSG_OFF, presol: true });
  if (r.result.status !== g.GLP_OPT) throw new Error(`GLPK stopped with status ${r.result.status}`);
  return base + r.result.z;
}
