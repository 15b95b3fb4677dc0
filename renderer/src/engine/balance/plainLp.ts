/**
 * The plain person × task linear program, without any aggregation: the reference the aggregated
 * model is checked and benchmarked against (its optimum must be the same). Not used by the app.
 * Same constraints as lp.ts, one kept and one new column per person × task.
 */
import type { Highs, ModelData } from 'highs';
import type { Organization } from '../model/types';

export interface PlainResult {
  status: 'optimal' | 'infeasible' | 'other';
  moved: number | null;
  seconds: number;
  columns: number;
  rows: number;
}

/** Builds the plain LP for `tau` (normalized 0–1) as HiGHS model data. */
export function buildPlainLp(org: Organization, tau: number, balanceD: boolean, highs: Highs): ModelData {
  const tasks = new Map(org.tasks.map((t) => [t.id, t]));
  const movableTask = (id: string) => {
    const t = tasks.get(id);
    return !!t && t.empowerment !== null && (!balanceD || t.desirability !== null);
  };
  const modelTasks = org.tasks.filter((t) => movableTask(t.id));
  const tIndex = new Map(modelTasks.map((t, i) => [t.id, i]));
  const cur = new Map<string, number>();
  const taskHours = modelTasks.map(() => 0);
  let mE = 0, hE = 0, mD = 0, hD = 0;
  const fixedE = new Map<string, [number, number]>();
  const fixedD = new Map<string, [number, number]>();
  const free = new Map<string, number>();
  for (const a of org.assignments) {
    const t = tasks.get(a.taskId)!;
    if (t.empowerment !== null) { mE += a.hours * t.empowerment; hE += a.hours; }
    if (t.desirability !== null) { mD += a.hours * t.desirability; hD += a.hours; }
    if (!a.locked && movableTask(a.taskId)) {
      cur.set(`${a.personId}\u0000${a.taskId}`, (cur.get(`${a.personId}\u0000${a.taskId}`) ?? 0) + a.hours);
      taskHours[tIndex.get(a.taskId)!] += a.hours;
      free.set(a.personId, (free.get(a.personId) ?? 0) + a.hours);
    } else {
      if (t.empowerment !== null) {
        const f = fixedE.get(a.personId) ?? [0, 0];
        fixedE.set(a.personId, [f[0] + a.hours, f[1] + a.hours * t.empowerment]);
      }
      if (t.desirability !== null) {
        const f = fixedD.get(a.personId) ?? [0, 0];
        fixedD.set(a.personId, [f[0] + a.hours, f[1] + a.hours * t.desirability]);
      }
    }
  }
  const meanE = hE > 0 ? mE / hE : 0;
  const meanD = hD > 0 ? mD / hD : 0;
  const rowLower: number[] = [...taskHours];
  const rowUpper: number[] = [...taskHours];
  const cost: number[] = [], lower: number[] = [], upper: number[] = [];
  const starts = [0], indices: number[] = [], values: number[] = [];
  const norm = (q: string) => q.trim().toLowerCase();
  for (const p of org.people) {
    const F = free.get(p.id) ?? 0;
    const pr = rowLower.length;
    rowLower.push(F);
    rowUpper.push(F);
    const band = (fixed: [number, number] | undefined, mean: number) => {
      const R = F + (fixed?.[0] ?? 0);
      if (R <= 0) return -1;
      const centre = mean * R - (fixed?.[1] ?? 0);
      rowLower.push(centre - tau * R);
      rowUpper.push(centre + tau * R);
      return rowLower.length - 1;
    };
    const bE = band(fixedE.get(p.id), meanE);
    const bD = balanceD ? band(fixedD.get(p.id), meanD) : -1;
    if (F <= 0) continue;
    const quals = new Set(p.qualifications.map(norm));
    modelTasks.forEach((t, ti) => {
      const a = cur.get(`${p.id}\u0000${t.id}`) ?? 0;
      const qualified = t.requires.every((r) => quals.has(norm(r)));
      const col = (ub: number, c: number) => {
        cost.push(c); lower.push(0); upper.push(ub);
        indices.push(ti, pr); values.push(1, 1);
        if (bE >= 0) { indices.push(bE); values.push(t.empowerment!); }
        if (bD >= 0) { indices.push(bD); values.push(t.desirability!); }
        starts.push(indices.length);
      };
      if (a > 0) col(a, 0);
      if (qualified) col(highs.infinity, 1);
    });
  }
  return {
    numCols: cost.length, numRows: rowLower.length, colCost: cost, colLower: lower, colUpper: upper, rowLower, rowUpper,
    matrix: { format: 'csc', numRows: rowLower.length, numCols: cost.length, starts, indices, values },
  };
}

/** Solves the plain LP with HiGHS (same options as the app); `timeLimit` in seconds. */
export function solvePlainLp(org: Organization, tau: number, balanceD: boolean, highs: Highs, timeLimit = Infinity): PlainResult {
  const data = buildPlainLp(org, tau, balanceD, highs);
  const t0 = Date.now();
  const model = highs.createModel(data);
  try {
    model.options.set({ output_flag: false, presolve: 'off', solver: 'ipm', run_crossover: 'on', ...(Number.isFinite(timeLimit) ? { time_limit: timeLimit } : {}) });
    model.run();
    const code = model.getModelStatus();
    const s = highs.constants.modelStatus;
    const status = code === s.optimal ? 'optimal' : code === s.infeasible ? 'infeasible' : 'other';
    return { status, moved: status === 'optimal' ? model.getObjectiveValue() : null, seconds: (Date.now() - t0) / 1000, columns: data.numCols, rows: data.numRows };
  } finally {
    model.dispose();
  }
}
