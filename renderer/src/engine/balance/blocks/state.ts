/**
 * A plan in whole blocks: per person, their movable cells with the change counted in blocks of g
 * hours (integers), and each job's E and D mass around the mean, kept up to date as blocks move so
 * the band can be checked in O(1) per person. Fixed hours (locked, or on tasks the balance cannot
 * move) are outside the cells; they count only in the masses and rated hours.
 *
 * With chores rotating (model built with personHours) a person's movable total changes by their
 * rotation share (`shift`), which need not be whole blocks: the part that is not sits in a cell's
 * offset `off` (hours, set by remainder.ts), so a cell's change is off + k·g. Cells with an offset
 * are the documented exception to whole blocks and to the minimum block (a task new to the person
 * is still taken at ≥ the minimum block).
 */
import type { Organization } from '../../model/types';
import type { BalanceModel } from '../model';

export interface PersonCells {
  id: string;
  /** Parallel arrays: task index, current hours, change in blocks, offset hours (new hours = cur + off + k·g). */
  task: number[];
  cur: number[];
  k: number[];
  off: number[];
  /** Hours the movable total changes by (personHours − current movable; 0 without a rotation). */
  shift: number;
  /** Slot holding the part of the shift that is not whole blocks (remainder.ts), or -1. */
  shareSlot: number;
  /**
   * Tasks new to p that rounding may give p whole blocks of (target 0): set where remainder.ts made
   * someone take a new task from p's task, so p can take a block of theirs back (round.ts).
   */
  optional: Set<number>;
  /** Rated hours after the plan (E, D; constant while blocks move) and Σ h·(ê − Ē) / Σ h·(d̂ − D̄), normalized. */
  rE: number;
  rD: number;
  mE: number;
  mD: number;
  /** Qualification set (normalized), for new tasks. */
  quals: Set<string>;
  dept: string | null;
}

export interface TaskInfo {
  id: string;
  /** ê − Ē and d̂ − D̄ (normalized); 0 for D when D is not balanced. */
  e: number;
  d: number;
  requires: string[];
}

/** Internal slack on the band, normalized: far below the 1e-9 points the plan is verified to. */
export const BAND_EPS = 1e-12;

export class BlockState {
  readonly people: PersonCells[] = [];
  readonly tasks: TaskInfo[] = [];
  readonly taskIndex = new Map<string, number>();
  readonly personIndex = new Map<string, number>();
  /** Blocks a new task must reach at least (⌈m / g⌉). */
  readonly mu: number;

  constructor(org: Organization, readonly model: BalanceModel, readonly g: number, readonly minBlock: number, readonly tau: number, readonly balanceD: boolean) {
    this.mu = g > 0 ? Math.max(1, Math.ceil(minBlock / g - 1e-9)) : 1;
    // The movable hours each person ends with: the model's (personHours when chores rotate).
    const free = new Map<string, number>();
    for (const grp of model.groups) for (const id of grp.personIds) free.set(id, grp.free);
    const meanD = model.meanD ?? 0;
    for (const t of org.tasks) {
      if (!model.classOfTask.has(t.id)) continue;
      this.taskIndex.set(t.id, this.tasks.length);
      this.tasks.push({ id: t.id, e: t.empowerment! - model.meanE, d: balanceD ? t.desirability! - meanD : 0, requires: t.requires.map((r) => r.trim().toLowerCase()) });
    }
    const taskById = new Map(org.tasks.map((t) => [t.id, t]));
    for (const p of org.people) {
      const cell: PersonCells = { id: p.id, task: [], cur: [], k: [], off: [], shift: 0, shareSlot: -1, optional: new Set(), rE: 0, rD: 0, mE: 0, mD: 0, quals: new Set(p.qualifications.map((q) => q.trim().toLowerCase())), dept: p.department };
      let held = 0;
      for (const [taskId, h] of model.movable.get(p.id) ?? []) {
        const ti = this.taskIndex.get(taskId)!;
        cell.task.push(ti);
        cell.cur.push(h);
        cell.k.push(0);
        cell.off.push(0);
        held += h;
      }
      const after = free.get(p.id) ?? held;
      // Float noise in the rotation's sums (≪ the 1e-9 h totals are checked to) is no shift.
      cell.shift = Math.abs(after - held) <= 1e-10 ? 0 : after - held;
      // Rated hours are those after the plan: movable tasks are all rated in the balanced dimensions.
      cell.rE = after;
      if (balanceD) cell.rD = after;
      for (const [taskId, h] of model.movable.get(p.id) ?? []) {
        const t = taskById.get(taskId)!;
        cell.mE += h * (t.empowerment! - model.meanE);
        if (balanceD) cell.mD += h * (t.desirability! - meanD);
      }
      for (const [taskId, h] of model.fixed.get(p.id) ?? []) {
        const t = taskById.get(taskId)!;
        if (t.empowerment !== null) {
          cell.rE += h;
          cell.mE += h * (t.empowerment - model.meanE);
        }
        if (balanceD && t.desirability !== null) {
          cell.rD += h;
          cell.mD += h * (t.desirability - meanD);
        }
      }
      this.personIndex.set(p.id, this.people.length);
      this.people.push(cell);
    }
  }

  qualified(p: PersonCells, ti: number): boolean {
    return this.tasks[ti].requires.every((r) => p.quals.has(r));
  }

  /** Position of task `ti` in p's cells, or -1. */
  slot(p: PersonCells, ti: number): number {
    return p.task.indexOf(ti);
  }

  /** Adds an empty cell for a task new to p and returns its position. */
  addSlot(p: PersonCells, ti: number): number {
    p.task.push(ti);
    p.cur.push(0);
    p.k.push(0);
    p.off.push(0);
    return p.task.length - 1;
  }

  /** Sets the offset (hours) of p's cell s, updating the masses. */
  setOffset(p: PersonCells, s: number, h: number): void {
    const t = this.tasks[p.task[s]];
    p.mE += (h - p.off[s]) * t.e;
    p.mD += (h - p.off[s]) * t.d;
    p.off[s] = h;
  }

  /** Hours the cell changes by with k blocks. */
  change(p: PersonCells, s: number, k = p.k[s]): number {
    return p.off[s] + k * this.g;
  }

  /** Lowest and highest k a cell may take: hours stay ≥ 0; no more than held now without the qualification. */
  kMin(p: PersonCells, s: number): number {
    return -Math.floor((p.cur[s] + p.off[s]) / this.g + 1e-9);
  }
  kMax(p: PersonCells, s: number): number {
    return this.qualified(p, p.task[s]) ? Infinity : Math.floor(-p.off[s] / this.g + 1e-9);
  }
  /** Lowest k of a cell new to p once it is taken: μ blocks, or with an offset, a change ≥ the minimum block. */
  kNewMin(p: PersonCells, s: number): number {
    return p.off[s] === 0 ? this.mu : Math.max(this.kMin(p, s), Math.ceil((this.minBlock - p.off[s]) / this.g - 1e-9));
  }

  /**
   * Whether k is allowed in this cell (issue 14, no change under the minimum block): 0, or at least
   * μ blocks either way, or — a loss only — the person's whole holding of the task given up. A task
   * new to p is thus either not taken or taken at ≥ μ blocks. A cell with an offset (a rotation
   * remainder) may change by any allowed amount, except that a task new to p is taken at ≥ the minimum block.
   */
  allowed(p: PersonCells, s: number, k: number): boolean {
    if (k < this.kMin(p, s) || k > this.kMax(p, s)) return false;
    if (p.off[s] !== 0) {
      const c = this.change(p, s, k);
      return p.cur[s] > 0 || Math.abs(c) <= 1e-9 || c >= this.minBlock - 1e-9;
    }
    return k === 0 || Math.abs(k) >= this.mu || (k < 0 && this.wholeHolding(p, s, k));
  }

  /** Whether k blocks take away all of p's hours of the task in slot s. */
  wholeHolding(p: PersonCells, s: number, k: number): boolean {
    return Math.abs(p.cur[s] + this.change(p, s, k)) <= 1e-9;
  }

  newCount(p: PersonCells): number {
    let n = 0;
    for (let s = 0; s < p.task.length; s++) if (p.cur[s] === 0 && this.change(p, s) > 1e-9) n++;
    return n;
  }

  /** Blocks p's cells must add up to: the shift less the offsets, in whole blocks (NaN when it is not whole). */
  rowBlocks(p: PersonCells): number {
    const x = (p.shift - p.off.reduce((a, b) => a + b, 0)) / this.g;
    return Math.abs(x - Math.round(x)) <= 1e-6 ? Math.round(x) : NaN;
  }

  /** Task index → blocks its cells must add up to: minus its offsets, in whole blocks (NaN when not whole). */
  columnBlocks(): Map<number, number> {
    const sum = new Map<number, number>();
    for (const p of this.people) p.off.forEach((h, s) => h !== 0 && sum.set(p.task[s], (sum.get(p.task[s]) ?? 0) + h));
    const out = new Map<number, number>();
    for (const [ti, h] of sum) {
      const x = -h / this.g;
      out.set(ti, Math.abs(x - Math.round(x)) <= 1e-6 ? Math.round(x) : NaN);
    }
    return out;
  }

  /** Takes over the plan of `coarse`, whose block is a whole multiple of this one's (same organization and model). */
  copyPlan(coarse: BlockState): void {
    const ratio = Math.round(coarse.g / this.g);
    coarse.people.forEach((c, pi) => {
      const p = this.people[pi];
      c.task.forEach((ti, cs) => {
        if (c.k[cs] === 0 && c.off[cs] === 0) return;
        const s = this.slot(p, ti) >= 0 ? this.slot(p, ti) : this.addSlot(p, ti);
        if (c.off[cs] !== 0) this.setOffset(p, s, c.off[cs]);
        if (c.shareSlot === cs) p.shareSlot = s;
        if (c.k[cs] !== 0) this.move(p, s, c.k[cs] * ratio - p.k[s]);
      });
    });
  }

  /** Changes p's cell s by dk blocks, updating the masses. */
  move(p: PersonCells, s: number, dk: number): void {
    p.k[s] += dk;
    const t = this.tasks[p.task[s]];
    p.mE += dk * this.g * t.e;
    p.mD += dk * this.g * t.d;
  }

  /** How far p is outside the band, normalized points summed over the dimensions (0 = in band). */
  excess(p: PersonCells, mE = p.mE, mD = p.mD): number {
    let x = 0;
    if (p.rE > 0) x += Math.max(0, Math.abs(mE) / p.rE - this.tau - BAND_EPS);
    if (this.balanceD && p.rD > 0) x += Math.max(0, Math.abs(mD) / p.rD - this.tau - BAND_EPS);
    return x;
  }

  /** Hours moved: Σ positive changes. */
  moved(): number {
    let h = 0;
    for (const p of this.people) p.k.forEach((_, s) => (h += Math.max(0, this.change(p, s))));
    return h;
  }

  /** Person → task → movable hours after the plan. */
  hours(): Map<string, Map<string, number>> {
    const out = new Map<string, Map<string, number>>();
    for (const p of this.people) {
      const row = new Map<string, number>();
      p.task.forEach((ti, s) => {
        const h = p.cur[s] + this.change(p, s);
        if (h > 1e-12) row.set(this.tasks[ti].id, h);
      });
      if (row.size) out.set(p.id, row);
    }
    return out;
  }
}
