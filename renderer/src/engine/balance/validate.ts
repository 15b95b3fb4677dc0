/**
 * The optimizer's own defence against numbers no real organization has (the import refuses them
 * too, but an Organization can come from anywhere): non-finite or absurd hours and ratings would
 * make HiGHS spin or fail, so they are refused before any model is built, with one sentence.
 */
import type { Organization } from '../model/types';

/** Weekly hours at or above this, on one assignment or one person, are not a real job (a week has 168). */
export const MAX_HOURS = 1e6;
/** An organization's total weekly hours at or above this is not real either (10⁷ people × 100 h). */
export const MAX_TOTAL_HOURS = 1e9;

/** Why `org` (with these options) cannot be balanced as given, or null when it can. */
export function invalidInput(org: Organization, tolerance: number, granularity: number): string | null {
  const { min, max } = org.scale;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max > min)) return `The rating scale ${min}–${max} is not a usable range.`;
  if (!Number.isFinite(tolerance) || tolerance < 0) return `The tolerance ${tolerance} is not a number of points ≥ 0.`;
  if (!Number.isFinite(granularity) || granularity < 0) return `The granularity ${granularity} is not a number of hours ≥ 0.`;
  const names = new Map(org.people.map((p) => [p.id, p.name]));
  const tasks = new Map(org.tasks.map((t) => [t.id, t]));
  for (const t of org.tasks) {
    for (const [what, r] of [['empowerment', t.empowerment], ['desirability', t.desirability]] as const) {
      // Ratings are normalized 0–1 in the model; allow float noise at the ends.
      if (r !== null && !(Number.isFinite(r) && r >= -1e-9 && r <= 1 + 1e-9)) return `Task "${t.name}" has a ${what} rating outside the scale (${r}).`;
    }
  }
  const perPerson = new Map<string, number>();
  let total = 0;
  for (const a of org.assignments) {
    const who = names.get(a.personId) ?? a.personId;
    const what = tasks.get(a.taskId)?.name ?? a.taskId;
    if (!Number.isFinite(a.hours) || a.hours < 0) return `"${who}" has ${a.hours} hours of "${what}": hours must be a finite number ≥ 0.`;
    if (a.hours >= MAX_HOURS) return `"${who}" has ${a.hours} hours a week of "${what}", beyond any real job; correct the hours first.`;
    const h = (perPerson.get(a.personId) ?? 0) + a.hours;
    perPerson.set(a.personId, h);
    if (h >= MAX_HOURS) return `"${who}" has ${h} hours a week in all, beyond any real job; correct the hours first.`;
    total += a.hours;
  }
  if (total >= MAX_TOTAL_HOURS) return `The organization has ${total} hours a week in all, beyond any real organization; correct the hours first.`;
  return null;
}
