/** Lookups on weekly hours maps for the training module (the maps themselves: model/hours.ts). */

import type { HoursMap } from '../model/hours';

export { hoursMap, NO_HOURS, type HoursMap, type HoursRow } from '../model/hours';

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
