/**
 * Pure edits of an organization made in the workspace. Each returns a new Organization and never
 * mutates its input, so undo is keeping the previous value. Ratings are normalized 0–1.
 */
import type { Organization, Task } from '../engine/model/types';

/** The members' rating of a task: replaces the file's or the suggested one (source 'members'). */
export function setTaskRating(org: Organization, taskId: string, rating: { empowerment?: number | null; desirability?: number | null }): Organization {
  return {
    ...org,
    tasks: org.tasks.map((t): Task => {
      if (t.id !== taskId) return t;
      const next = { ...t, ...('empowerment' in rating ? { empowerment: rating.empowerment ?? null } : {}), ...('desirability' in rating ? { desirability: rating.desirability ?? null } : {}) };
      return { ...next, source: 'members', reason: 'Rated by the members in Fairshare' };
    }),
  };
}

/** Sets one person's weekly hours on one task; 0 removes the task from their job. */
export function setAssignmentHours(org: Organization, personId: string, taskId: string, hours: number): Organization {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new Error('Hours must be a number of 0 or more');
  const exists = org.assignments.some((a) => a.personId === personId && a.taskId === taskId);
  const assignments = exists
    ? org.assignments.flatMap((a) => (a.personId === personId && a.taskId === taskId ? (hours > 0 ? [{ ...a, hours }] : []) : [a]))
    : hours > 0
      ? [...org.assignments, { personId, taskId, hours, locked: false }]
      : org.assignments;
  return { ...org, assignments };
}

/** Adds a task by name (creating it unrated when new) to a person's job with the given hours. */
export function addTaskToPerson(org: Organization, personId: string, taskName: string, hours: number): Organization {
  const name = taskName.replace(/\s+/g, ' ').trim();
  if (!name) throw new Error('A task needs a name');
  const id = name.toLowerCase();
  const tasks = org.tasks.some((t) => t.id === id)
    ? org.tasks
    : [...org.tasks, { id, name, empowerment: null, desirability: null, factors: {}, source: 'unrated' as const, reason: 'Added in Fairshare; not rated yet', requires: [], chore: false }];
  return setAssignmentHours({ ...org, tasks }, personId, id, hours);
}
