/**
 * Turns the category LP's hours per person and category into task transfers people can carry out:
 * in each category, givers hand hours of their own unlocked tasks in it to takers.
 *
 * Rule: first, hours go to takers who already do the task (any amount is fine there); then givers
 * with the most to give first, each handing their largest tasks in the category first (ties by task
 * id), to takers with the most to take first (ties by person order: balance.ts hands over the
 * organization in canonical order, people by id), preferring a taker already
 * receiving that task. A transfer is the smaller of what is left of the giver's task, the giver's
 * amount and the taker's amount, so when the changes are whole 0.5-h blocks and the tasks' hours are
 * whole blocks, every transfer is too. Then the practical plan's rule (issue 14): a task new to a
 * person is taken at DEFAULT_MIN_BLOCK (1 h) a week or more; a smaller remainder is swapped with
 * another taker's transfer (so it goes to someone who does or already receives that task) or merged
 * into another of the giver's tasks the taker receives; what cannot be mended is counted
 * (`shortTransfers`). Swaps and merges keep what each giver gives and each taker takes in the
 * category. Hours only change hands on one task: every task's total is unchanged, and every person's
 * total is unchanged because each person's changes over the categories add up to 0 (the LP's rows).
 */
import { DEFAULT_MIN_BLOCK } from '../balance/blocks/types';
import type { Organization } from '../model/types';
import { NO_CATEGORY_KEY, taskCategories, type CategoryAudit } from './shares';

export interface PlannedHours {
  personId: string;
  taskId: string;
  /** Weekly hours after the plan. */
  hours: number;
  /** Locked hours stay locked (and are never moved). */
  locked: boolean;
}

export interface CategoryTransfer {
  taskId: string;
  /** Person ids. */
  from: string;
  to: string;
  /** Weekly hours handed over. */
  hours: number;
}

/** A change of one person's hours in one category: indices into audit.people and audit.categories. */
export interface CategoryChange {
  person: number;
  cat: number;
  /** y − y0 in weekly hours: negative gives, positive takes. */
  change: number;
}

/** Amounts below this (hours) are float noise of the solver, not work to hand over. */
const EPS = 1e-9;

const key = (p: string, t: string) => `${p}\u0000${t}`;

interface Move {
  from: string;
  taskId: string;
  to: string;
  hours: number;
}

/** One category's transfers and the bookkeeping the mending needs. */
class CategoryMoves {
  readonly moves: Move[] = [];
  /** Hours each taker receives of each task, summed over givers. */
  private readonly received = new Map<string, number>();

  constructor(
    /** person × task pairs with hours before the plan: a task they already do. */
    private readonly does: ReadonlySet<string>,
    /** A giver's unlocked hours per task not yet handed over. */
    readonly free: Map<string, Map<string, number>>,
    private readonly minBlock: number,
  ) {}

  receivedOf(to: string, taskId: string): number {
    return this.received.get(key(to, taskId)) ?? 0;
  }

  familiar(to: string, taskId: string): boolean {
    return this.does.has(key(to, taskId));
  }

  /** A task new to the taker, received at more than nothing and under the minimum block. */
  short(to: string, taskId: string, received = this.receivedOf(to, taskId)): boolean {
    return !this.familiar(to, taskId) && received > EPS && received < this.minBlock - EPS;
  }

  add(from: string, taskId: string, to: string, hours: number): void {
    const m = this.moves.find((x) => x.from === from && x.taskId === taskId && x.to === to);
    if (m) m.hours += hours;
    else this.moves.push({ from, taskId, to, hours });
    this.received.set(key(to, taskId), this.receivedOf(to, taskId) + hours);
  }

  take(m: Move, hours: number): void {
    m.hours -= hours;
    this.received.set(key(m.to, m.taskId), this.receivedOf(m.to, m.taskId) - hours);
    if (m.hours <= EPS) this.moves.splice(this.moves.indexOf(m), 1);
  }

  /** Short pairs among `changes` (taker, task, hours added) before and after: the change is taken when it lowers the count. */
  improves(changes: [string, string, number][]): boolean {
    const net = new Map<string, { to: string; taskId: string; d: number }>();
    for (const [to, taskId, d] of changes) {
      const k = key(to, taskId);
      net.set(k, { to, taskId, d: (net.get(k)?.d ?? 0) + d });
    }
    let before = 0;
    let after = 0;
    for (const { to, taskId, d } of net.values()) {
      const r = this.receivedOf(to, taskId);
      if (this.short(to, taskId, r)) before++;
      if (this.short(to, taskId, r + d)) after++;
    }
    return after < before;
  }

  /** Amounts worth trying for a change of at most `limit` h: all of it, or what brings a pair to 0 or to the minimum block. */
  private amounts(limit: number, pairs: [string, string][]): number[] {
    const out = [limit];
    for (const [to, taskId] of pairs) {
      const r = this.receivedOf(to, taskId);
      out.push(r, this.minBlock - r, this.minBlock);
    }
    return [...new Set(out.filter((a) => a > EPS && a <= limit + EPS).map((a) => Math.min(a, limit)))].sort((a, b) => a - b);
  }

  /** m and o (other takers, other tasks) exchange `a` hours: m's taker gets o's task from o's giver, and the other way. */
  private trySwap(m: Move, o: Move): boolean {
    if (m === o || m.to === o.to || m.taskId === o.taskId) return false;
    for (const a of this.amounts(Math.min(m.hours, o.hours), [[o.to, m.taskId], [m.to, o.taskId], [m.to, m.taskId], [o.to, o.taskId]])) {
      if (!this.improves([[m.to, m.taskId, -a], [o.to, m.taskId, a], [o.to, o.taskId, -a], [m.to, o.taskId, a]])) continue;
      const [mFrom, mTask, mTo, oFrom, oTask, oTo] = [m.from, m.taskId, m.to, o.from, o.taskId, o.to];
      this.take(o, a);
      this.take(m, a);
      this.add(mFrom, mTask, oTo, a);
      this.add(oFrom, oTask, mTo, a);
      return true;
    }
    return false;
  }

  /** The giver of m hands `a` hours of task u instead of m's task (both theirs, in this category). */
  private tryMerge(m: Move, u: string): boolean {
    const mine = this.free.get(m.from)!;
    const left = mine.get(u) ?? 0;
    if (u === m.taskId) return false;
    for (const a of this.amounts(Math.min(m.hours, left), [[m.to, m.taskId], [m.to, u]])) {
      if (!this.improves([[m.to, m.taskId, -a], [m.to, u, a]])) continue;
      const [from, taskId, to] = [m.from, m.taskId, m.to];
      this.take(m, a);
      mine.set(taskId, (mine.get(taskId) ?? 0) + a);
      mine.set(u, left - a);
      this.add(from, u, to, a);
      return true;
    }
    return false;
  }

  /**
   * Mends one short pair (a taker, a task new to them, under the minimum block): its hours go to
   * another taker or become another task of the giver, or it is topped up from another taker's share
   * of the task or another task of a giver of it. Each mend lowers the count of short pairs.
   */
  mendOne(): boolean {
    const shorts = this.moves.filter((m) => this.short(m.to, m.taskId));
    for (const x of shorts) {
      if (!this.moves.includes(x)) continue;
      const [r, t] = [x.to, x.taskId];
      for (const u of this.free.get(x.from)!.keys()) if (this.tryMerge(x, u)) return true;
      for (const y of this.moves) if (y.to === r && y.taskId !== t && this.tryMerge(y, t)) return true;
      for (const o of this.moves) if (this.trySwap(x, o)) return true;
      for (const m of this.moves) if (m.taskId === t && m.to !== r) for (const o of this.moves) if (o.to === r && this.trySwap(m, o)) return true;
    }
    return false;
  }

  shortMoves(): number {
    return this.moves.filter((m) => this.short(m.to, m.taskId)).length;
  }
}

export function planTransfers(
  org: Organization,
  audit: CategoryAudit,
  changes: CategoryChange[],
  minBlock: number = DEFAULT_MIN_BLOCK,
): { allocation: PlannedHours[]; transfers: CategoryTransfer[]; shortTransfers: number } {
  const { keyOf } = taskCategories(org);
  const order = new Map(org.people.map((p, i) => [p.id, i]));
  const does = new Set(org.assignments.filter((a) => a.hours > 0).map((a) => key(a.personId, a.taskId)));
  // Unlocked hours per person, task: what a giver may hand over.
  const free = new Map<string, Map<string, number>>();
  for (const a of org.assignments) {
    if (a.locked || !(a.hours > 0)) continue;
    let m = free.get(a.personId);
    if (!m) free.set(a.personId, (m = new Map()));
    m.set(a.taskId, (m.get(a.taskId) ?? 0) + a.hours);
  }
  const transfers: CategoryTransfer[] = [];
  let shortTransfers = 0;
  audit.categories.forEach((cat, ci) => {
    const here = changes.filter((c) => c.cat === ci);
    const givers = here.filter((c) => c.change < -EPS).map((c) => ({ id: audit.people[c.person].personId, left: -c.change }));
    const takers = here.filter((c) => c.change > EPS).map((c) => ({ id: audit.people[c.person].personId, left: c.change }));
    if (!givers.length || !takers.length) return;
    const byAmount = (a: { id: string; left: number }, b: { id: string; left: number }) => b.left - a.left || order.get(a.id)! - order.get(b.id)!;
    givers.sort(byAmount);
    takers.sort(byAmount);
    // The category's own tasks of each giver (a map per giver, so the mending sees only this category).
    const own = new Map<string, Map<string, number>>();
    for (const g of givers) {
      const tasks = [...(free.get(g.id) ?? new Map<string, number>())].filter(([taskId, h]) => h > EPS && (keyOf.get(taskId) ?? NO_CATEGORY_KEY) === cat.key);
      own.set(g.id, new Map(tasks.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))));
    }
    const cm = new CategoryMoves(does, own, minBlock);
    const hand = (g: { id: string; left: number }, taskId: string, to: { id: string; left: number }) => {
      const mine = own.get(g.id)!;
      const hours = Math.min(g.left, mine.get(taskId)!, to.left);
      if (hours <= EPS) return;
      cm.add(g.id, taskId, to.id, hours);
      g.left -= hours;
      to.left -= hours;
      mine.set(taskId, mine.get(taskId)! - hours);
    };
    // First to takers who already do the task, then the rest, to a taker already receiving it first.
    for (const g of givers) for (const taskId of own.get(g.id)!.keys()) for (const to of takers) if (cm.familiar(to.id, taskId)) hand(g, taskId, to);
    for (const g of givers) {
      for (const taskId of own.get(g.id)!.keys()) {
        const ranked = [...takers].sort((a, b) => Number(cm.receivedOf(b.id, taskId) > EPS) - Number(cm.receivedOf(a.id, taskId) > EPS));
        for (const to of ranked) hand(g, taskId, to);
      }
    }
    // Each mend lowers the count of short pairs, so this ends; the cap bounds the work on a large category.
    for (let i = 0; i < 4 * cm.moves.length + 4 && cm.mendOne(); i++);
    shortTransfers += cm.shortMoves();
    for (const m of cm.moves) transfers.push({ taskId: m.taskId, from: m.from, to: m.to, hours: m.hours });
    // What a giver did not hand over in this category stays theirs (own holds only this category's tasks).
    for (const [g, mine] of own) for (const [taskId, h] of mine) free.get(g)!.set(taskId, h);
  });
  // The allocation after: every assignment with the transfers applied, locked hours kept apart.
  const after = new Map<string, PlannedHours>();
  const add = (personId: string, taskId: string, hours: number, locked: boolean) => {
    const k = `${key(personId, taskId)}\u0000${locked ? 'L' : ''}`;
    const cur = after.get(k);
    if (cur) cur.hours += hours;
    else after.set(k, { personId, taskId, hours, locked });
  };
  for (const a of org.assignments) if (a.hours > 0) add(a.personId, a.taskId, a.hours, a.locked);
  for (const tr of transfers) {
    add(tr.from, tr.taskId, -tr.hours, false);
    add(tr.to, tr.taskId, tr.hours, false);
  }
  return { allocation: [...after.values()].filter((a) => a.hours > EPS), transfers, shortTransfers };
}

/** The organization with the plan's allocation as its assignments. */
export function withAllocation(org: Organization, allocation: PlannedHours[]): Organization {
  return { ...org, assignments: allocation.map((a) => ({ personId: a.personId, taskId: a.taskId, hours: a.hours, locked: a.locked })) };
}
