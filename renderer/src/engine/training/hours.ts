/** Weekly hours as person → task → hours maps, built from assignment-like rows (shared by the training module). */

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
  for (const m of out.values()) for (const [t, h] of m) if (!(h > NO_HOURS)) m.delete(t);
  return out;
}

export const hoursOf = (map: HoursMap, personId: string, taskId: string): number => map.get(personId)?.get(taskId) ?? 0;

/** Current doers of each task: task id → [person id, weekly hours][] with most hours first (ties: the organization's order). */
export function doersByTask(map: HoursMap, personOrder: readonly string[]): Map<string, [string, number][]> {
  const rank = new Map(personOrder.map((id, i) => [id, i]));
  const out = new Map<string, [string, number][]>();
  for (const [p, tasks] of map) {
    for (const [t, h] of tasks) {
      const list = out.get(t) ?? [];
      list.push([p, h]);
      out.set(t, list);
    }
  }
  for (const list of out.values()) list.sort((a, b) => b[1] - a[1] || (rank.get(a[0]) ?? Infinity) - (rank.get(b[0]) ?? Infinity));
  return out;
}
