/**
 * Who controls the money (issue 16): the tasks that carry control over money, hiring and strategy,
 * and how concentrated each is — the share of its hours held by the top 10% of people.
 */
import type { Assignment, Organization, Task } from '../model/types';
import { matchTaskLibrary } from '../rating/suggest';

/** What kind of control a task carries; the task library's entries that carry it, by label. */
export type ControlKind = 'money' | 'hiring' | 'strategy';

const CONTROL_LABELS: Readonly<Record<string, ControlKind>> = {
  budget: 'money',
  'financial planning': 'money',
  'fundraising strategy': 'money',
  'approvals and sign-off': 'money',
  hiring: 'hiring',
  'firing and discipline': 'hiring',
  strategy: 'strategy',
  'strategic planning': 'strategy',
  'long-term vision': 'strategy',
  board: 'strategy',
  governance: 'strategy',
  'executive leadership': 'strategy',
  'campaign planning': 'strategy',
};

/** Share of the organization's people whose hours on a task count as "the top" (issue 16: top 10%). */
export const CONTROL_TOP_FRACTION = 0.1;

/** The kinds of control the task library reads in a task name ('used' or 'overseen' entries: "Supervise the budget" counts, "Translate the strategic plan" does not). */
export function recognizedControl(taskName: string): ControlKind[] {
  const kinds = new Set<ControlKind>();
  for (const m of matchTaskLibrary(taskName)) {
    const kind = CONTROL_LABELS[m.entry.label];
    if (kind && (m.status === 'used' || m.status === 'overseen')) kinds.add(kind);
  }
  return [...kinds];
}

/** Whether the task carries control: a person's word (Task.control) first, else the library's reading. */
export function isControlTask(task: Pick<Task, 'name' | 'control'>): boolean {
  return task.control ?? recognizedControl(task.name).length > 0;
}

/**
 * Share (0–1) of `hoursByPerson`'s total held by the top fraction of `headcount` people ranked by
 * their hours, the boundary person counted in part (10% of 13 people is 1.3 people), and never
 * less than one whole person (in an organization under 10 people the top is its top person: a
 * tenth of a person holds nothing in practice). People with no hours are in the headcount but not
 * in the map. 0 when there are no hours.
 */
export function topShare(hoursByPerson: Iterable<number>, headcount: number, fraction = CONTROL_TOP_FRACTION): number {
  const hours = [...hoursByPerson].filter((h) => h > 0).sort((a, b) => b - a);
  const total = hours.reduce((s, h) => s + h, 0);
  if (total <= 0 || headcount <= 0) return 0;
  let left = Math.max(1, fraction * headcount);
  let held = 0;
  for (const h of hours) {
    if (left <= 0) break;
    const part = Math.min(1, left);
    held += part * h;
    left -= part;
  }
  return held / total;
}

/** One control task's concentration in a group of people: weekly hours, people doing it, top-10% share. */
export interface ControlConcentration {
  hours: number;
  people: number;
  top10Share: number;
}

/** The concentration of `taskIds`' hours (together) among `people` under `assignments`. */
export function concentration(assignments: readonly Assignment[], taskIds: ReadonlySet<string>, people: ReadonlySet<string>): ControlConcentration {
  const byPerson = new Map<string, number>();
  for (const a of assignments) {
    if (a.hours <= 0 || !taskIds.has(a.taskId) || !people.has(a.personId)) continue;
    byPerson.set(a.personId, (byPerson.get(a.personId) ?? 0) + a.hours);
  }
  let hours = 0;
  for (const h of byPerson.values()) hours += h;
  return { hours, people: byPerson.size, top10Share: topShare(byPerson.values(), people.size) };
}

/** The control tasks of an organization, in its order. */
export function controlTasks(org: Organization): Task[] {
  return org.tasks.filter(isControlTask);
}
