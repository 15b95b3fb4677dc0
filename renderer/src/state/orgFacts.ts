/**
 * An organization as flat facts (a person's role, one person's hours on one task, a task's
 * "requires"…), so two versions can be compared field by field whatever kind of edit made them
 * differ. Ratings are left out on purpose: the members' ratings carry over a re-import
 * (ratingsOverrides), so they are never lost to one.
 */
import type { Organization } from '../engine/model/types';

export type FactValue = string | number | boolean | null;

export type FactSubject =
  | { kind: 'person'; personId: string; field: string }
  | { kind: 'assignment'; personId: string; taskId: string; field: 'hours' | 'locked' }
  | { kind: 'task'; taskId: string; field: string };

export interface Fact {
  subject: FactSubject;
  value: FactValue;
}

/** A fact that differs between two versions; undefined where a version does not have it. */
export interface FactChange {
  subject: FactSubject;
  before: FactValue | undefined;
  after: FactValue | undefined;
}

/** Task fields that are ratings (or say where a rating came from): they carry over a re-import. */
const RATING_FIELDS = new Set(['id', 'empowerment', 'desirability', 'empowermentFactors', 'desirabilityFactors', 'source', 'reason']);

/** Hours are compared to a millionth of an hour: edits and files give at most a few decimals. */
const HOURS_EPSILON = 1e-6;

function valueOf(v: unknown): FactValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v)) return v.map(String).join('; ');
  return JSON.stringify(v);
}

function keyOf(s: FactSubject): string {
  return s.kind === 'assignment' ? JSON.stringify([s.kind, s.personId, s.taskId, s.field]) : s.kind === 'person' ? JSON.stringify([s.kind, s.personId, s.field]) : JSON.stringify([s.kind, s.taskId, s.field]);
}

export function factsOf(org: Organization): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const put = (subject: FactSubject, value: FactValue) => facts.set(keyOf(subject), { subject, value });
  for (const p of org.people) {
    for (const [field, v] of Object.entries(p)) if (field !== 'id') put({ kind: 'person', personId: p.id, field }, valueOf(v));
  }
  for (const t of org.tasks) {
    for (const [field, v] of Object.entries(t)) if (!RATING_FIELDS.has(field)) put({ kind: 'task', taskId: t.id, field }, valueOf(v));
  }
  // A person's hours on a task, summed should a file list the pair twice; "locked" only when set, so
  // an unlocked task a person gained or lost is one change (its hours), not two.
  for (const a of org.assignments) {
    const hours: FactSubject = { kind: 'assignment', personId: a.personId, taskId: a.taskId, field: 'hours' };
    const previous = facts.get(keyOf(hours))?.value;
    put(hours, (typeof previous === 'number' ? previous : 0) + a.hours);
    if (a.locked) put({ kind: 'assignment', personId: a.personId, taskId: a.taskId, field: 'locked' }, true);
  }
  return facts;
}

export function sameValue(a: FactValue | undefined, b: FactValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= HOURS_EPSILON;
  return a === b;
}

/** Every fact that differs between `before` and `after` (present in one only, or with another value). */
export function diffFacts(before: Map<string, Fact>, after: Map<string, Fact>): FactChange[] {
  const changes: FactChange[] = [];
  for (const [key, b] of before) {
    const a = after.get(key);
    if (!a || !sameValue(b.value, a.value)) changes.push({ subject: b.subject, before: b.value, after: a?.value });
  }
  for (const [key, a] of after) if (!before.has(key)) changes.push({ subject: a.subject, before: undefined, after: a.value });
  return changes;
}

/** An edit made in the app since the last import that the file now being imported does not keep. */
export interface OverriddenEdit {
  subject: FactSubject;
  /** The person's and the task's names as the app shows them (null when the edit is not about one). */
  person: string | null;
  task: string | null;
  /** The value as last imported; undefined when the app added it. */
  imported: FactValue | undefined;
  /** The value in the app now; undefined when the app removed it. */
  app: FactValue | undefined;
  /** The value in the file; undefined when the file does not have it. */
  file: FactValue | undefined;
}

/**
 * The in-app edits (the project's organization against the one last imported) whose value the new
 * file does not have. Edits of a task's own fields are listed only for tasks the import had and the
 * app still has: a task added with a person's new work is listed once, as that work.
 */
export function overriddenEdits(imported: Organization, current: Organization, file: Organization): OverriddenEdit[] {
  const base = factsOf(imported);
  const now = factsOf(current);
  const incoming = factsOf(file);
  // Names as the app shows them, else as the file or the import gave them.
  const people = new Map([...file.people, ...imported.people, ...current.people].map((p) => [p.id, p.name]));
  const tasks = new Map([...file.tasks, ...imported.tasks, ...current.tasks].map((t) => [t.id, t.name]));
  const out: OverriddenEdit[] = [];
  for (const change of diffFacts(base, now)) {
    if (change.subject.kind === 'task' && (change.before === undefined || change.after === undefined)) continue;
    const fileValue = incoming.get(keyOf(change.subject))?.value;
    if (sameValue(fileValue, change.after)) continue;
    const s = change.subject;
    out.push({
      subject: s,
      person: s.kind === 'task' ? null : (people.get(s.personId) ?? s.personId),
      task: s.kind === 'person' ? null : (tasks.get(s.taskId) ?? s.taskId),
      imported: change.before,
      app: change.after,
      file: fileValue,
    });
  }
  return out;
}
