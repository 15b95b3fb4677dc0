/**
 * Weekly hours as person → task → hours maps, and an organization with other hours: the pieces the
 * optimizer, the training plan, the report and scenarios all use. Nothing here loads the solver,
 * so the app's window can use it.
 */
import type { Organization } from './types';

/** One person's weekly hours on one task; Assignment and Allocation both fit. */
export interface HoursRow {
  personId: string;
  taskId: string;
  /** Hours per week, ≥ 0. */
  hours: number;
}

export type HoursMap = Map<string, Map<string, number>>;

/**
 * Hours at or below this (per week) count as none: an LP solution carries float noise of about
 * 1e-12 h on cells that are zero, and nobody "does" a task for 3.6 microseconds a week.
 */
export const NO_HOURS = 1e-9;

/** Rows summed per person and task (a pair listed twice counts once with both hours); cells ≤ NO_HOURS dropped. */
export function hoursMap(rows: readonly HoursRow[]): HoursMap {
  const out: HoursMap = new Map();
  for (const r of rows) {
    let m = out.get(r.personId);
    if (!m) out.set(r.personId, (m = new Map()));
    m.set(r.taskId, (m.get(r.taskId) ?? 0) + r.hours);
  }
  for (const [p, m] of out) {
    for (const [t, h] of m) if (!(h > NO_HOURS)) m.delete(t);
    if (m.size === 0) out.delete(p);
  }
  return out;
}

/** The organization's own hours as a map. */
export function currentHours(org: Organization): HoursMap {
  return hoursMap(org.assignments);
}

/** The organization with its assignments replaced by `hours` (locks kept where the pair survives). */
export function withAllocation(org: Organization, hours: HoursMap): Organization {
  const locked = new Set(org.assignments.filter((a) => a.locked).map((a) => `${a.personId}\u0000${a.taskId}`));
  const assignments = [];
  for (const [personId, tasks] of hours) {
    for (const [taskId, h] of tasks) if (h > 0) assignments.push({ personId, taskId, hours: h, locked: locked.has(`${personId}\u0000${taskId}`) });
  }
  return { ...org, assignments };
}
