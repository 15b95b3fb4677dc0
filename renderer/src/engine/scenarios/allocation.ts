/**
 * Plans as hours maps, and an organization with a plan's hours: kept here, not imported from the
 * balance folder, so the app's window can compare and apply scenarios without loading the solver's code.
 */
import type { Organization } from '../model/types';
import type { ScenarioRow } from './types';

export type HoursMap = Map<string, Map<string, number>>;

/** Rows as person → task → hours (rows for the same pair added; none for zero hours). */
export function hoursMap(rows: readonly ScenarioRow[]): HoursMap {
  const out: HoursMap = new Map();
  for (const r of rows) {
    if (!(r.hours > 0)) continue;
    const m = out.get(r.personId) ?? new Map<string, number>();
    m.set(r.taskId, (m.get(r.taskId) ?? 0) + r.hours);
    out.set(r.personId, m);
  }
  return out;
}

/** The organization with its assignments replaced by the plan's (a lock is kept where the person keeps that task). */
export function withPlan(org: Organization, plan: HoursMap): Organization {
  const locked = new Set(org.assignments.filter((a) => a.locked).map((a) => `${a.personId}\u0000${a.taskId}`));
  const assignments = [];
  for (const [personId, tasks] of plan) {
    for (const [taskId, hours] of tasks) if (hours > 0) assignments.push({ personId, taskId, hours, locked: locked.has(`${personId}\u0000${taskId}`) });
  }
  return { ...org, assignments };
}

/** Hours that change hands between two plans: ½ Σ |Δ| over person × task. */
export function hoursMoved(a: HoursMap, b: HoursMap): number {
  let sum = 0;
  for (const [p, tasks] of a) for (const [t, h] of tasks) sum += Math.abs(h - (b.get(p)?.get(t) ?? 0));
  for (const [p, tasks] of b) for (const [t, h] of tasks) if (!a.get(p)?.has(t)) sum += h;
  return sum / 2;
}
