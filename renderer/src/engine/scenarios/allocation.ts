/** How far apart two plans are (the maps and the organization with a plan's hours: model/hours.ts). */
import type { HoursMap } from '../model/hours';

/** Hours that change hands between two plans: ½ Σ |Δ| over person × task, the tasks in `skip` left out. */
export function hoursMoved(a: HoursMap, b: HoursMap, skip: ReadonlySet<string> = new Set()): number {
  let sum = 0;
  for (const [p, tasks] of a) for (const [t, h] of tasks) if (!skip.has(t)) sum += Math.abs(h - (b.get(p)?.get(t) ?? 0));
  for (const [p, tasks] of b) for (const [t, h] of tasks) if (!skip.has(t) && !a.get(p)?.has(t)) sum += h;
  return sum / 2;
}
