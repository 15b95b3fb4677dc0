/**
 * "Qualifications first" (issue 14): when a file says nothing about who may do what, the plan names
 * the tasks that usually need a qualification and the hours of them it hands to people who never
 * did similar work; and `qualifyFromCurrent` turns "does it now" into that qualification, so the
 * existing optimizer (balance/model.ts: Task.requires ⊆ Person.qualifications, trimmed and
 * case-insensitive) keeps those tasks with their current doers. Pure: inputs are never mutated.
 */
import type { Organization, Person, Task } from '../model/types';
import { QUALIFICATION_FAMILIES, type QualificationFamily } from './qualificationLibrary';
import { noQualificationsInFile, tasksUsuallyQualified } from './qualifications';
import { hoursMap, hoursOf, type HoursRow } from './hours';

export interface QualificationGapTask {
  taskId: string;
  /** The task's name. */
  task: string;
  /** The families' reasons joined: "finance", "supervising others", "finance, supervising others". */
  why: string;
  /** Family ids, e.g. ['finance', 'supervising']. */
  families: string[];
  /** The task's weekly hours before the plan (Σ over people). */
  weeklyHours: number;
  /** Weekly hours of it the plan gives to people who did neither it nor any task of the same family. */
  hoursMovedToNewPeople: number;
  /** Those people, most hours first: weekly hours each. */
  newPeople: { personId: string; name: string; hours: number }[];
}

export interface QualificationGapReport {
  noQualificationsInFile: true;
  /** Every task of the file that usually needs a qualification, in the file's order (also those nothing moved on). */
  tasks: QualificationGapTask[];
  /** Σ hoursMovedToNewPeople, hours per week. */
  totalHours: number;
}

/**
 * The report, or null when the file has any qualification, requirement or lock (the plan then
 * honours what the file says, and this warning does not apply). `before` is the current work
 * (normally org.assignments), `after` the plan's allocation; both in hours per week.
 * "Similar work" = the same task or another task sharing one of its qualification families.
 */
export function qualificationGaps(
  org: Organization,
  before: readonly HoursRow[],
  after: readonly HoursRow[],
  families: readonly QualificationFamily[] = QUALIFICATION_FAMILIES,
): QualificationGapReport | null {
  if (!noQualificationsInFile(org)) return null;
  const flagged = tasksUsuallyQualified(org, families);
  const familyIdsOf = new Map(flagged.map((x) => [x.task.id, new Set(x.families.map((f) => f.id))]));
  const was = hoursMap(before);
  const now = hoursMap(after);
  // The families each person worked in before the plan.
  const didFamily = new Map<string, Set<string>>();
  for (const [p, tasks] of was) {
    const s = new Set<string>();
    for (const t of tasks.keys()) for (const f of familyIdsOf.get(t) ?? []) s.add(f);
    didFamily.set(p, s);
  }
  const names = new Map(org.people.map((p) => [p.id, p.name]));
  const tasks: QualificationGapTask[] = flagged.map(({ task, families: fs }) => {
    const ids = fs.map((f) => f.id);
    const newPeople: QualificationGapTask['newPeople'] = [];
    let weeklyHours = 0;
    for (const m of was.values()) weeklyHours += m.get(task.id) ?? 0;
    for (const person of org.people) {
      const h = hoursOf(now, person.id, task.id);
      if (h <= 0 || hoursOf(was, person.id, task.id) > 0) continue;
      const did = didFamily.get(person.id);
      if (did && ids.some((f) => did.has(f))) continue;
      newPeople.push({ personId: person.id, name: names.get(person.id) ?? person.id, hours: h });
    }
    newPeople.sort((a, b) => b.hours - a.hours);
    const hoursMovedToNewPeople = newPeople.reduce((s, x) => s + x.hours, 0);
    return { taskId: task.id, task: task.name, why: fs.map((f) => f.why).join(', '), families: ids, weeklyHours, hoursMovedToNewPeople, newPeople };
  });
  return { noQualificationsInFile: true, tasks, totalHours: tasks.reduce((s, t) => s + t.hoursMovedToNewPeople, 0) };
}

/** The synthetic qualification for a task: held by the people who do it now. */
export const doesItNow = (taskName: string): string => `does it now: ${taskName}`;

/**
 * A new organization in which each target task also requires `doesItNow(task name)`, held by
 * exactly the people with hours on it in org.assignments. Targets: `taskIds` when given (unknown
 * ids throw), else the tasks that usually need a qualification. The file's own requirements and
 * qualifications are kept. Training widens who may take a task: see `grantQualifications`.
 */
export function qualifyFromCurrent(
  org: Organization,
  taskIds?: readonly string[],
  families: readonly QualificationFamily[] = QUALIFICATION_FAMILIES,
): Organization {
  const byId = new Map(org.tasks.map((t) => [t.id, t]));
  if (taskIds) for (const id of taskIds) if (!byId.has(id)) throw new RangeError(`qualifyFromCurrent: no task with id "${id}"`);
  const targets = new Set(taskIds ?? tasksUsuallyQualified(org, families).map((x) => x.task.id));
  const doing = hoursMap(org.assignments);
  const grants: HoursRow[] = [];
  for (const [personId, tasks] of doing) for (const taskId of tasks.keys()) if (targets.has(taskId)) grants.push({ personId, taskId, hours: 0 });
  const tasks = org.tasks.map((t): Task => (targets.has(t.id) ? withItem(t, 'requires', doesItNow(t.name)) : t));
  return grantQualifications({ ...org, tasks }, grants);
}

/**
 * A new organization in which each listed person holds `doesItNow(task name)` for the listed task
 * (e.g. after their training): the way to widen who may take a task that qualifyFromCurrent
 * restricted. Unknown people or tasks throw; hours in the rows are ignored.
 */
export function grantQualifications(org: Organization, grants: readonly Pick<HoursRow, 'personId' | 'taskId'>[]): Organization {
  const taskName = new Map(org.tasks.map((t) => [t.id, t.name]));
  const add = new Map<string, string[]>();
  for (const g of grants) {
    const name = taskName.get(g.taskId);
    if (name === undefined) throw new RangeError(`grantQualifications: no task with id "${g.taskId}"`);
    add.set(g.personId, [...(add.get(g.personId) ?? []), doesItNow(name)]);
  }
  for (const id of add.keys()) if (!org.people.some((p) => p.id === id)) throw new RangeError(`grantQualifications: no person with id "${id}"`);
  const people = org.people.map((p): Person => (add.has(p.id) ? add.get(p.id)!.reduce((q, x) => withItem(q, 'qualifications', x), p) : p));
  return { ...org, people };
}

/** A copy of the object with `item` appended to the list (unless already there, compared as the optimizer does). */
function withItem<T extends { [K in F]: string[] }, F extends string>(obj: T, field: F, item: string): T {
  const key = item.trim().toLowerCase();
  if (obj[field].some((x) => x.trim().toLowerCase() === key)) return obj;
  return { ...obj, [field]: [...obj[field], item] };
}
