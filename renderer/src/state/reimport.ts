/**
 * Re-importing an updated spreadsheet into an existing project: the members' ratings (overall and
 * factor by factor) carry over to tasks of the same name, and the changes are listed person by
 * person (people added or removed, each task whose hours changed, a role or department the file
 * gives differently), with the edits made in the app that the file overrides.
 */
import type { Organization, Task } from '../engine/model/types';
import type { RatingOverride } from '../engine/formats/projectFile';
import { FACTOR_KINDS, factorField, factorsOf, findFactorKey, type FactorKind } from '../engine/rating/factors';
import { withFactor, withRating } from './edits';
import { diffFacts, factsOf, type FactValue, type OverriddenEdit } from './orgFacts';

/** One task of a person's job whose weekly hours differ; null where the job does not have the task. */
export interface TaskHoursChange {
  task: string;
  before: number | null;
  after: number | null;
  /** The file undoes an edit made in the app (listed among the overridden edits too). */
  appEdit?: boolean;
}

/** A person in both versions whose job changed: total weekly hours and the tasks that changed. */
export interface JobChange {
  name: string;
  before: number;
  after: number;
  tasks: TaskHoursChange[];
}

/** A person in both versions whose own details (role, department, name…) the file gives differently. */
export interface DetailsChange {
  name: string;
  fields: { field: string; before: FactValue; after: FactValue }[];
}

export interface ChangeSummary {
  added: string[];
  removed: string[];
  /** Everyone whose tasks or hours changed, even when their total stayed the same. */
  hoursChanged: JobChange[];
  detailsChanged: DetailsChange[];
  ratingsKept: number;
  /**
   * Edits made in the app since the last import that the file replaced; null when the project
   * does not know what was last imported (saved before Fairshare kept it), so they cannot be told.
   */
  overridden: OverriddenEdit[] | null;
}

/**
 * How far a file's people are the project's (matched by person id: the roster ID, else the
 * normalized name). A re-import is questioned (`low`) when fewer than half of the file's people
 * are in the project, or fewer than half of the project's people are in the file: either way it
 * would replace most of one side with people of the other.
 */
export interface PeopleOverlap {
  fileCount: number;
  projectCount: number;
  matched: number;
  low: boolean;
}

export function peopleOverlap(project: Organization, file: Organization): PeopleOverlap {
  const ids = new Set(project.people.map((p) => p.id));
  const matched = file.people.filter((p) => ids.has(p.id)).length;
  const fileCount = file.people.length;
  const projectCount = project.people.length;
  return { fileCount, projectCount, matched, low: matched * 2 < fileCount || matched * 2 < projectCount };
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
  const rated = Object.keys(overall).length ? withRating(next, overall) : next;
  // A group's decision and a round's verdict outlive a re-import as they were made.
  const decided = o.council !== undefined ? { ...rated, source: 'council' as const, reason: `Decided by the group: ${o.council}` } : rated;
  return o.contested !== undefined ? { ...decided, contested: o.contested } : decided;
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

/**
 * What a re-import changes, `before` the project's organization and `after` the file's with the
 * members' ratings applied; `overridden` comes from orgFacts.overriddenEdits (null: unknown).
 */
export function compareOrganizations(before: Organization, after: Organization, ratingsKept: number, overridden: OverriddenEdit[] | null = null): ChangeSummary {
  const b = new Map(before.people.map((p) => [p.id, p]));
  const a = new Map(after.people.map((p) => [p.id, p]));
  const taskName = new Map([...before.tasks, ...after.tasks].map((t) => [t.id, t.name]));
  const hb = hoursByPerson(before);
  const ha = hoursByPerson(after);
  const tasks = new Map<string, TaskHoursChange[]>();
  const fields = new Map<string, DetailsChange['fields']>();
  // Changes that only undo an edit made in the app are listed once, with the overridden edits.
  const undone = new Set((overridden ?? []).map((e) => JSON.stringify(e.subject)));
  for (const c of diffFacts(factsOf(before), factsOf(after))) {
    const s = c.subject;
    // People added or removed are listed as such, not field by field.
    if (s.kind === 'task' || !a.has(s.personId) || !b.has(s.personId)) continue;
    if (s.kind === 'assignment' && s.field === 'hours') {
      const list = tasks.get(s.personId) ?? [];
      const change: TaskHoursChange = { task: taskName.get(s.taskId) ?? s.taskId, before: typeof c.before === 'number' ? c.before : null, after: typeof c.after === 'number' ? c.after : null };
      list.push(undone.has(JSON.stringify(s)) ? { ...change, appEdit: true } : change);
      tasks.set(s.personId, list);
    } else if (s.kind === 'person' && !undone.has(JSON.stringify(s))) {
      const list = fields.get(s.personId) ?? [];
      list.push({ field: s.field, before: c.before ?? null, after: c.after ?? null });
      fields.set(s.personId, list);
    }
  }
  const hoursChanged: JobChange[] = [];
  const detailsChanged: DetailsChange[] = [];
  for (const [id, p] of a) {
    if (!b.has(id)) continue;
    const changed = tasks.get(id);
    if (changed) hoursChanged.push({ name: p.name, before: hb.get(id) ?? 0, after: ha.get(id) ?? 0, tasks: changed });
    const details = fields.get(id);
    if (details) detailsChanged.push({ name: p.name, fields: details });
  }
  return {
    added: [...a.values()].filter((p) => !b.has(p.id)).map((p) => p.name),
    removed: [...b.values()].filter((p) => !a.has(p.id)).map((p) => p.name),
    hoursChanged,
    detailsChanged,
    ratingsKept,
    overridden,
  };
}
