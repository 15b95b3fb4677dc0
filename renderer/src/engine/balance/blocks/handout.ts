/**
 * Hands the LP's class hours back to concrete tasks, concentrating each receiver's new hours on
 * as few tasks as possible (unlike handBack.ts, which spreads a receiver over the largest
 * leftovers): a receiver first takes leftovers of tasks they already do, then the one task whose
 * leftover covers the rest (preferring tasks their own department does now, then the tightest
 * fit), and only then splits. Tasks of one class have the same ratings and requirements, so the
 * bands and the hours moved are the LP's whichever task is chosen.
 */
import type { Organization } from '../../model/types';
import type { LpSolution } from '../lp';
import type { BlockState } from './state';

const NOISE = 1e-7;

/** Share (0–1) of each task's current hours done by each department. */
export function departmentShares(org: Organization): Map<string, Map<string, number>> {
  const dept = new Map(org.people.map((p) => [p.id, p.department ?? '']));
  const byTask = new Map<string, Map<string, number>>();
  const total = new Map<string, number>();
  for (const a of org.assignments) {
    if (a.hours <= 0) continue;
    const d = dept.get(a.personId) ?? '';
    let m = byTask.get(a.taskId);
    if (!m) byTask.set(a.taskId, (m = new Map()));
    m.set(d, (m.get(d) ?? 0) + a.hours);
    total.set(a.taskId, (total.get(a.taskId) ?? 0) + a.hours);
  }
  for (const [t, m] of byTask) for (const [d, h] of m) m.set(d, h / total.get(t)!);
  return byTask;
}

/** Per person index, per task index: the continuous target change in hours (new − current). */
export function handOut(state: BlockState, sol: LpSolution, shares: Map<string, Map<string, number>>): Map<number, Map<number, number>> {
  const m = state.model;
  const delta = new Map<number, Map<number, number>>();
  const add = (pi: number, ti: number, h: number) => {
    let row = delta.get(pi);
    if (!row) delta.set(pi, (row = new Map()));
    row.set(ti, (row.get(ti) ?? 0) + h);
  };
  const leftover = new Map<number, number>(); // task index → hours given up
  const receivers = new Map<number, { pi: number; need: number }[]>(); // class → receivers
  m.groups.forEach((g, gi) => {
    const keptRow = sol.kept.get(gi);
    const addRow = sol.added.get(gi);
    for (const personId of g.personIds) {
      const pi = state.personIndex.get(personId)!;
      const p = state.people[pi];
      const byClass = new Map<number, number[]>();
      p.task.forEach((ti, s) => {
        if (p.cur[s] <= 0) return;
        const c = m.classOfTask.get(state.tasks[ti].id)!;
        byClass.set(c, [...(byClass.get(c) ?? []), s]);
      });
      for (const [c, slots] of byClass) {
        let keep = keptRow?.get(c) ?? 0;
        // Keep the largest tasks whole; give up the smallest (fewer, larger leftovers to hand on).
        for (const s of slots.sort((a, b) => p.cur[b] - p.cur[a] || p.task[a] - p.task[b])) {
          const k = Math.min(p.cur[s], Math.max(0, keep));
          keep -= k;
          const give = p.cur[s] - k;
          if (give > NOISE) {
            add(pi, p.task[s], -give);
            leftover.set(p.task[s], (leftover.get(p.task[s]) ?? 0) + give);
          }
        }
      }
      for (const [c, h] of addRow ?? []) {
        if (h <= NOISE) continue;
        const list = receivers.get(c) ?? [];
        list.push({ pi, need: h });
        receivers.set(c, list);
      }
    }
  });
  for (const [c, list] of receivers) {
    const taskIdx = m.classes[c].taskIds.map((id) => state.taskIndex.get(id)!);
    for (const r of list.sort((a, b) => b.need - a.need || a.pi - b.pi)) {
      const p = state.people[r.pi];
      const dept = p.dept ?? '';
      const affinity = (ti: number) => shares.get(state.tasks[ti].id)?.get(dept) ?? 0;
      const take = (ti: number) => {
        const h = Math.min(leftover.get(ti) ?? 0, r.need);
        if (h <= 0) return;
        add(r.pi, ti, h);
        leftover.set(ti, (leftover.get(ti) ?? 0) - h);
        r.need -= h;
      };
      // Tasks they already do first: no new task at all.
      for (const ti of taskIdx.filter((t) => p.task.includes(t) && p.cur[p.task.indexOf(t)] > 0)) if (r.need > NOISE) take(ti);
      while (r.need > NOISE) {
        const open = taskIdx.filter((t) => (leftover.get(t) ?? 0) > NOISE);
        if (!open.length) break;
        const covers = open.filter((t) => leftover.get(t)! >= r.need - NOISE);
        const pick = covers.length
          ? covers.reduce((a, b) => (affinity(b) > affinity(a) || (affinity(b) === affinity(a) && leftover.get(b)! < leftover.get(a)!) ? b : a))
          : open.reduce((a, b) => (affinity(b) > affinity(a) || (affinity(b) === affinity(a) && leftover.get(b)! > leftover.get(a)!) ? b : a));
        take(pick);
      }
      // Solver noise: a remainder ≤ its tolerance goes on the class's largest leftover.
      if (r.need > NOISE) take(taskIdx.reduce((a, b) => ((leftover.get(b) ?? 0) > (leftover.get(a) ?? 0) ? b : a)));
    }
  }
  return delta;
}
