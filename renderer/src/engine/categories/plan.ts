/**
 * Turns the category LP's hours per person and category into task transfers people can carry out:
 * in each category, givers hand hours of their own unlocked tasks in it to takers.
 *
 * Rule: givers with the most to give first, each handing their largest tasks in the category first
 * (ties by task id); takers with the most to take first (ties by person order). A transfer is the
 * smaller of what is left of the giver's task, the giver's amount and the taker's amount, so when the
 * changes are whole 0.5-h blocks and the tasks' hours are whole blocks, every transfer is too. Hours
 * only change hands on one task: every task's total is unchanged, and every person's total is
 * unchanged because each person's changes over the categories add up to 0 (the LP's rows).
 */
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

export function planTransfers(org: Organization, audit: CategoryAudit, changes: CategoryChange[]): { allocation: PlannedHours[]; transfers: CategoryTransfer[] } {
  const { keyOf } = taskCategories(org);
  const order = new Map(org.people.map((p, i) => [p.id, i]));
  // Unlocked hours per person, task: what a giver may hand over.
  const free = new Map<string, Map<string, number>>();
  for (const a of org.assignments) {
    if (a.locked || !(a.hours > 0)) continue;
    let m = free.get(a.personId);
    if (!m) free.set(a.personId, (m = new Map()));
    m.set(a.taskId, (m.get(a.taskId) ?? 0) + a.hours);
  }
  const transfers: CategoryTransfer[] = [];
  audit.categories.forEach((cat, ci) => {
    const here = changes.filter((c) => c.cat === ci);
    const givers = here.filter((c) => c.change < -EPS).map((c) => ({ id: audit.people[c.person].personId, left: -c.change }));
    const takers = here.filter((c) => c.change > EPS).map((c) => ({ id: audit.people[c.person].personId, left: c.change }));
    const byAmount = (a: { id: string; left: number }, b: { id: string; left: number }) => b.left - a.left || order.get(a.id)! - order.get(b.id)!;
    givers.sort(byAmount);
    takers.sort(byAmount);
    let t = 0;
    for (const g of givers) {
      const mine = free.get(g.id) ?? new Map<string, number>();
      const tasks = [...mine]
        .filter(([taskId, h]) => h > EPS && (keyOf.get(taskId) ?? NO_CATEGORY_KEY) === cat.key)
        .map(([taskId, h]) => ({ taskId, h }))
        .sort((a, b) => b.h - a.h || (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0));
      for (const task of tasks) {
        while (g.left > EPS && task.h > EPS && t < takers.length) {
          const to = takers[t];
          const hours = Math.min(g.left, task.h, to.left);
          transfers.push({ taskId: task.taskId, from: g.id, to: to.id, hours });
          g.left -= hours;
          task.h -= hours;
          to.left -= hours;
          mine.set(task.taskId, task.h);
          if (to.left <= EPS) t++;
        }
      }
    }
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
  return { allocation: [...after.values()].filter((a) => a.hours > EPS), transfers };
}

/** The organization with the plan's allocation as its assignments. */
export function withAllocation(org: Organization, allocation: PlannedHours[]): Organization {
  return { ...org, assignments: allocation.map((a) => ({ personId: a.personId, taskId: a.taskId, hours: a.hours, locked: a.locked })) };
}
