/**
 * The organization in an order that depends only on what it holds, so the category plan is a
 * function of its input: the LP is degenerate (many optima move the same hours), and which optimum
 * simplex ends on, and how plan.ts splits ties, follow the order of people, tasks and rows. Floating
 * sums of hours are then also added in one order. Ids are compared by code unit, never by locale.
 */
import type { Assignment, Organization } from '../model/types';

export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function byRow(a: Assignment, b: Assignment): number {
  return byCodeUnit(a.personId, b.personId) || byCodeUnit(a.taskId, b.taskId) || Number(a.locked) - Number(b.locked) || a.hours - b.hours;
}

/** People and tasks by id, assignments by person, task, lock and hours; everything else as it is. */
export function canonicalOrganization(org: Organization): Organization {
  return {
    ...org,
    people: [...org.people].sort((a, b) => byCodeUnit(a.id, b.id)),
    tasks: [...org.tasks].sort((a, b) => byCodeUnit(a.id, b.id)),
    assignments: [...org.assignments].sort(byRow),
  };
}
