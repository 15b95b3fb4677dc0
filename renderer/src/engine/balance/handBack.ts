/**
 * Hands the class-level LP solution back to concrete tasks. Each person keeps their largest
 * current tasks of a class first; the hours they give up become the class's leftovers, and people
 * gaining hours take leftovers of tasks they already do first, then the largest leftovers. The
 * hours moved equal the LP's: what a class's keepers leave is exactly what its gainers take.
 */
import type { Allocation, Transfer } from './types';
import type { BalanceModel } from './model';
import type { LpSolution } from './lp';

/** Hours below this are solver noise, not work. */
const NOISE = 1e-7;

function addTo(map: Map<string, Map<string, number>>, p: string, t: string, h: number): void {
  if (h <= NOISE) return;
  let m = map.get(p);
  if (!m) map.set(p, (m = new Map()));
  m.set(t, (m.get(t) ?? 0) + h);
}

/** Person → task → proposed movable hours (fixed hours are not included; see mergeHours). */
export function handBack(m: BalanceModel, sol: LpSolution): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();

  const leftover = new Map<string, number>();
  const gainers: { personId: string; cls: number; hours: number }[] = [];
  m.groups.forEach((g, gi) => {
    const keptRow = sol.kept.get(gi);
    const addRow = sol.added.get(gi);
    for (const personId of g.personIds) {
      const current = m.movable.get(personId) ?? new Map<string, number>();
      // Group this person's current tasks by class, largest first.
      const byClass = new Map<number, [string, number][]>();
      for (const [taskId, h] of current) {
        const c = m.classOfTask.get(taskId)!;
        byClass.set(c, [...(byClass.get(c) ?? []), [taskId, h]]);
      }
      for (const [c, list] of byClass) {
        let keep = keptRow?.get(c) ?? 0;
        for (const [taskId, h] of list.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) {
          const k = Math.min(h, Math.max(0, keep));
          addTo(out, personId, taskId, k);
          keep -= k;
          if (h - k > NOISE) leftover.set(taskId, (leftover.get(taskId) ?? 0) + (h - k));
        }
      }
      for (const [c, h] of addRow ?? []) if (h > NOISE) gainers.push({ personId, cls: c, hours: h });
    }
  });

  // Hand leftovers to gainers, class by class.
  const byClass = new Map<number, typeof gainers>();
  for (const gn of gainers) {
    const list = byClass.get(gn.cls);
    if (list) list.push(gn);
    else byClass.set(gn.cls, [gn]);
  }
  for (const [c, list] of byClass) {
    const taskIds = m.classes[c].taskIds;
    for (const gn of list.sort((a, b) => b.hours - a.hours || (a.personId < b.personId ? -1 : 1))) {
      let need = gn.hours;
      const mine = m.movable.get(gn.personId) ?? new Map<string, number>();
      const order = [...taskIds].sort((a, b) => Number(mine.has(b)) - Number(mine.has(a)) || (leftover.get(b) ?? 0) - (leftover.get(a) ?? 0) || (a < b ? -1 : 1));
      for (const taskId of order) {
        if (need <= NOISE) break;
        const avail = leftover.get(taskId) ?? 0;
        if (avail <= NOISE) continue;
        const take = Math.min(avail, need);
        addTo(out, gn.personId, taskId, take);
        leftover.set(taskId, avail - take);
        need -= take;
      }
      // Floating-point remainder (≤ solver tolerance): put it on the class's largest leftover.
      if (need > NOISE) {
        const taskId = order.reduce((a, b) => ((leftover.get(b) ?? 0) > (leftover.get(a) ?? 0) ? b : a));
        addTo(out, gn.personId, taskId, need);
        leftover.set(taskId, (leftover.get(taskId) ?? 0) - need);
      }
    }
  }
  return out;
}

/** Adds person → task → hours maps together (e.g. fixed hours and the movable proposal). */
export function mergeHours(...maps: Map<string, Map<string, number>>[]): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const map of maps) for (const [p, tasks] of map) for (const [t, h] of tasks) addTo(out, p, t, h);
  return out;
}

/** Flattens a person → task → hours map into allocation rows (sorted by person, then task). */
export function toAllocation(map: Map<string, Map<string, number>>): Allocation[] {
  const rows: Allocation[] = [];
  for (const [personId, tasks] of map) for (const [taskId, hours] of tasks) if (hours > NOISE) rows.push({ personId, taskId, hours });
  return rows;
}

/** Task → person → change in hours (after − before), from two person → task → hours maps. */
export function changesByTask(before: Map<string, Map<string, number>>, after: Map<string, Map<string, number>>): Map<string, Map<string, number>> {
  const delta = new Map<string, Map<string, number>>();
  const note = (p: string, t: string, d: number) => {
    let m = delta.get(t);
    if (!m) delta.set(t, (m = new Map()));
    m.set(p, (m.get(p) ?? 0) + d);
  };
  for (const [p, tasks] of after) for (const [t, h] of tasks) note(p, t, h);
  for (const [p, tasks] of before) for (const [t, h] of tasks) note(p, t, -h);
  return delta;
}

/** Who hands which hours of which task to whom: per task, givers matched to takers in order. */
export function transfersBetween(before: Map<string, Map<string, number>>, after: Map<string, Map<string, number>>): Transfer[] {
  const delta = changesByTask(before, after);
  const out: Transfer[] = [];
  for (const [taskId, people] of delta) {
    const givers = [...people].filter(([, d]) => d < -NOISE).map(([p, d]) => ({ p, left: -d })).sort((a, b) => b.left - a.left);
    const takers = [...people].filter(([, d]) => d > NOISE).map(([p, d]) => ({ p, left: d })).sort((a, b) => b.left - a.left);
    let gi = 0;
    for (const t of takers) {
      while (t.left > NOISE && gi < givers.length) {
        const g = givers[gi];
        const h = Math.min(g.left, t.left);
        out.push({ taskId, fromId: g.p, toId: t.p, hours: h });
        g.left -= h;
        t.left -= h;
        if (g.left <= NOISE) gi++;
      }
    }
  }
  return out;
}

/** Σ new hours = ½ Σ |Δ| over person × task. */
export function movedHours(before: Map<string, Map<string, number>>, after: Map<string, Map<string, number>>): number {
  let total = 0;
  for (const [p, tasks] of after) for (const [t, h] of tasks) total += Math.max(0, h - (before.get(p)?.get(t) ?? 0));
  return total;
}
