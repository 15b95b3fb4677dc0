/**
 * The reference for the category LP (issue 17), written from the brief alone and solved with GLPK
 * (glpk.js): variables y_ic (person i's hours in category c after) and u_ic ≥ y_ic − y0_ic, u ≥ 0;
 * Σ_c y_ic = h_i, Σ_i y_ic = H_c, max((S_c − δ)h_i, locked_ic, 0) ≤ y_ic ≤ (S_c + δ)h_i; min Σ u.
 * With `blocks`, y_ic − y0_ic = 0.5·k_ic with k_ic integer wherever a multiple of 0.5 fits in the
 * cell's range (a mixed-integer program, branch and bound): the engine's block plan must match it.
 * Computed from the organization directly (no engine code), categories compared case-insensitively.
 */
import type { GLPK as Glpk, LP } from 'glpk.js/node';
import type { Organization } from '../../renderer/src/engine/model/types';

export interface CategoryReference {
  status: 'optimal' | 'infeasible';
  moved: number | null;
}

export function referenceCategoryLp(g: Glpk, o: Organization, delta: number, blocks = false): CategoryReference {
  const cat = new Map(o.tasks.map((t) => [t.id, (t.category ?? '').trim().toLowerCase()]));
  const y0 = new Map<string, Map<string, number>>();
  const locked = new Map<string, number>();
  const H = new Map<string, number>();
  let total = 0;
  for (const a of o.assignments) {
    if (!(a.hours > 0)) continue;
    const c = cat.get(a.taskId) ?? '';
    if (!y0.has(a.personId)) y0.set(a.personId, new Map());
    y0.get(a.personId)!.set(c, (y0.get(a.personId)!.get(c) ?? 0) + a.hours);
    if (a.locked) locked.set(`${a.personId}|${c}`, (locked.get(`${a.personId}|${c}`) ?? 0) + a.hours);
    H.set(c, (H.get(c) ?? 0) + a.hours);
    total += a.hours;
  }
  const cats = [...H.keys()];
  const people = o.people.filter((p) => y0.has(p.id));
  const subjectTo: LP['subjectTo'] = [];
  const bounds: NonNullable<LP['bounds']> = [];
  const generals: string[] = [];
  const objective: { name: string; coef: number }[] = [];
  const catRows = cats.map((c) => ({ name: `cat_${c}`, vars: [] as { name: string; coef: number }[], bnds: { type: g.GLP_FX, lb: H.get(c)!, ub: H.get(c)! } }));
  people.forEach((p, i) => {
    const mine = y0.get(p.id)!;
    const h = [...mine.values()].reduce((s, x) => s + x, 0);
    const personRow = { name: `p_${i}`, vars: [] as { name: string; coef: number }[], bnds: { type: g.GLP_FX, lb: h, ub: h } };
    cats.forEach((c, k) => {
      const S = H.get(c)! / total;
      const cur = mine.get(c) ?? 0;
      const lo = Math.max(0, (S - delta) * h, locked.get(`${p.id}|${c}`) ?? 0);
      const hi = (S + delta) * h;
      const y = `y_${i}_${k}`;
      const u = `u_${i}_${k}`;
      if (lo > hi + 1e-9) {
        bounds.push({ name: y, type: g.GLP_FX, lb: lo, ub: lo });
        subjectTo.push({ name: `bad_${i}_${k}`, vars: [{ name: y, coef: 1 }], bnds: { type: g.GLP_UP, lb: 0, ub: hi } });
      } else bounds.push({ name: y, type: g.GLP_DB, lb: lo, ub: hi });
      bounds.push({ name: u, type: g.GLP_LO, lb: 0, ub: 0 });
      subjectTo.push({ name: `u_${i}_${k}`, vars: [{ name: u, coef: 1 }, { name: y, coef: -1 }], bnds: { type: g.GLP_LO, lb: -cur, ub: 0 } });
      objective.push({ name: u, coef: 1 });
      personRow.vars.push({ name: y, coef: 1 });
      catRows[k].vars.push({ name: y, coef: 1 });
      if (blocks && Math.ceil((lo - cur) / 0.5 - 1e-7) <= Math.floor((hi - cur) / 0.5 + 1e-7)) {
        const z = `k_${i}_${k}`;
        generals.push(z);
        bounds.push({ name: z, type: g.GLP_FR, lb: 0, ub: 0 });
        subjectTo.push({ name: `blk_${i}_${k}`, vars: [{ name: y, coef: 1 }, { name: z, coef: -0.5 }], bnds: { type: g.GLP_FX, lb: cur, ub: cur } });
      }
    });
    subjectTo.push(personRow);
  });
  subjectTo.push(...catRows);
  const lp: LP = { name: 'categories', objective: { direction: g.GLP_MIN, name: 'moved', vars: objective }, subjectTo, bounds, ...(generals.length ? { generals } : {}) };
  const r = g.solve(lp, { msglev: g.GLP_MSG_OFF, presol: true });
  if (r.result.status === g.GLP_OPT) return { status: 'optimal', moved: r.result.z };
  if (r.result.status === g.GLP_NOFEAS || r.result.status === g.GLP_INFEAS || r.result.status === g.GLP_UNDEF) return { status: 'infeasible', moved: null };
  throw new Error(`GLPK stopped with status ${r.result.status}`);
}
