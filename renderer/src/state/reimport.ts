/**
 * Re-importing an updated spreadsheet into an existing project: the members' ratings (overall and
 * factor by factor) carry over to tasks of the same name, and the changes (people added or
 * removed, hours changed) are listed.
 */
import type { Organization, Task } from '../engine/model/types';
import type { RatingOverride } from '../engine/formats/projectFile';
import { FACTOR_KINDS, factorField, factorsOf, findFactorKey, type FactorKind } from '../engine/rating/factors';
import { withFactor, withRating } from './edits';

export interface ChangeSummary {
  added: string[];
  removed: string[];
  hoursChanged: { name: string; before: number; after: number }[];
  ratingsKept: number;
}

function hoursByPerson(org: Organization): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of org.assignments) m.set(a.personId, (m.get(a.personId) ?? 0) + a.hours);
  return m;
}

/**
 * The overrides after a factor edit, given the task before and after it: the factor's new value
 * (null when cleared) is recorded, and an overall value of that kind is dropped, since the E or D
 * now follows the factors; once none is left, the kept overall value is recorded instead.
 */
export function recordFactorEdit(
  overrides: Record<string, RatingOverride> | undefined, before: Task, task: Task, kind: FactorKind, name: string, value: number | null,
): Record<string, RatingOverride> {
  const previous = overrides?.[task.id] ?? {};
  const field = factorField(kind);
  const edits = { ...previous[field] };
  // One entry per factor: a second edit of it replaces the first, under the name the task uses.
  edits[findFactorKey(edits, name) ?? findFactorKey(factorsOf(before, kind), name) ?? name] = value;
  const next: RatingOverride = { ...previous, [field]: edits };
  const rating = task[kind];
  if (Object.keys(factorsOf(task, kind)).length === 0 && rating !== null) next[kind] = rating;
  else delete next[kind];
  return { ...overrides, [task.id]: next };
}

/** One task with its members' ratings applied: factor edits first, then an overall value, which wins. */
function applyOverride(t: Task, o: RatingOverride): Task {
  let next: Task = { ...t, source: 'members', reason: 'Rated by the members in Fairshare' };
  for (const kind of FACTOR_KINDS) {
    for (const [name, value] of Object.entries(o[factorField(kind)] ?? {})) next = withFactor(next, kind, name, value);
  }
  const overall = Object.fromEntries(FACTOR_KINDS.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
  return Object.keys(overall).length ? withRating(next, overall) : next;
}

/** Applies members' ratings (by task id) to an organization; returns it and how many applied. */
export function applyOverrides(org: Organization, overrides: Record<string, RatingOverride> | undefined): { organization: Organization; applied: number } {
  if (!overrides) return { organization: org, applied: 0 };
  let applied = 0;
  const tasks = org.tasks.map((t) => {
    const o = overrides[t.id];
    if (!o) return t;
    applied++;
    return applyOverride(t, o);
  });
  return { organization: { ...org, tasks }, applied };
}

export function compareOrganizations(before: Organization, after: Organization, ratingsKept: number): ChangeSummary {
  const b = new Map(before.people.map((p) => [p.id, p]));
  const a = new Map(after.people.map((p) => [p.id, p]));
  const hb = hoursByPerson(before);
  const ha = hoursByPerson(after);
  const hoursChanged: ChangeSummary['hoursChanged'] = [];
  for (const [id, p] of a) {
    if (!b.has(id)) continue;
    const x = hb.get(id) ?? 0;
    const y = ha.get(id) ?? 0;
    if (Math.abs(x - y) > 0.005) hoursChanged.push({ name: p.name, before: x, after: y });
  }
  return {
    added: [...a.values()].filter((p) => !b.has(p.id)).map((p) => p.name),
    removed: [...b.values()].filter((p) => !a.has(p.id)).map((p) => p.name),
    hoursChanged,
    ratingsKept,
  };
}
