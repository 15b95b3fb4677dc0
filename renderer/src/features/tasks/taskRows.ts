/** The rows of the Tasks & ratings table: each task with its hours, head count, ratings in points, source and constraints. */
import type { Organization, RatingSource } from '../../engine/model/types';
import { toPoints } from '../../engine/rating/scale';

export interface TaskRow {
  id: string;
  name: string;
  hours: number;
  people: number;
  /** On the project scale. */
  empowerment: number | null;
  desirability: number | null;
  /** Factors rated, empowerment and desirability together. */
  factors: number;
  source: RatingSource;
  reason: string | null;
  chore: boolean;
  requires: string[];
}

/** The tasks of the live organization with their hours and head count (current even before the report catches up). */
export function taskRows(org: Organization): TaskRow[] {
  const hours = new Map<string, number>();
  const people = new Map<string, number>();
  for (const a of org.assignments) {
    hours.set(a.taskId, (hours.get(a.taskId) ?? 0) + a.hours);
    people.set(a.taskId, (people.get(a.taskId) ?? 0) + 1);
  }
  const pts = (x: number | null) => (x === null ? null : toPoints(x, org.scale));
  return org.tasks.map((t) => ({
    id: t.id,
    name: t.name,
    hours: hours.get(t.id) ?? 0,
    people: people.get(t.id) ?? 0,
    empowerment: pts(t.empowerment),
    desirability: pts(t.desirability),
    factors: Object.keys(t.empowermentFactors).length + Object.keys(t.desirabilityFactors).length,
    source: t.source,
    reason: t.reason,
    chore: t.chore,
    requires: t.requires,
  }));
}
