/**
 * Pure edits of an organization made in the workspace. Each returns a new Organization and never
 * mutates its input, so undo is keeping the previous value. Ratings are normalized 0–1.
 */
import type { Organization, Task } from '../engine/model/types';
import { countFactors, FACTOR_KINDS, factorField, factorMean, factorsOf, findFactorKey, MAX_FACTOR_NAME, type FactorKind } from '../engine/rating/factors';

const MEMBERS = 'Rated by the members in Fairshare';

/** A task with a members' overall rating; where it has factors of that kind, the reason says the overall value wins. */
export function withRating(t: Task, rating: { empowerment?: number | null; desirability?: number | null }): Task {
  const next = { ...t, ...('empowerment' in rating ? { empowerment: rating.empowerment ?? null } : {}), ...('desirability' in rating ? { desirability: rating.desirability ?? null } : {}) };
  const overruled = FACTOR_KINDS.filter((k) => rating[k] != null && Object.keys(factorsOf(t, k)).length > 0);
  const reason = overruled.length
    ? `${MEMBERS}: the overall ${overruled.join(' and ')} ${overruled.length > 1 ? 'are' : 'is'} used, not the mean of ${overruled.map((k) => `its ${countFactors(Object.keys(factorsOf(t, k)).length, k)}`).join(' or ')}`
    : MEMBERS;
  return { ...next, source: 'members', reason };
}

/** The members' rating of a task: replaces the file's or the suggested one (source 'members'). */
export function setTaskRating(org: Organization, taskId: string, rating: { empowerment?: number | null; desirability?: number | null }): Organization {
  return { ...org, tasks: org.tasks.map((t): Task => (t.id === taskId ? withRating(t, rating) : t)) };
}

/**
 * A task with one factor set (or cleared, with null) and its E or D re-derived as the mean of its
 * factors of that kind. The factor keeps the key it already has (same name up to case and a scale
 * hint). Clearing the last one leaves the overall rating as it was: nothing better is known.
 */
export function withFactor(t: Task, kind: FactorKind, name: string, value: number | null): Task {
  const field = factorField(kind);
  const key = findFactorKey(t[field], name) ?? name;
  // A copy keeps the file's column order: a re-rated factor stays where it was, a new one goes last.
  const factors = { ...t[field] };
  if (value === null) delete factors[key];
  else factors[key] = value;
  const mean = factorMean(factors);
  const rating = mean ?? t[kind];
  const next: Task = { ...t, [field]: factors, [kind]: rating };
  // The reason names every kind whose rating is now its factors' mean, E first.
  const means = FACTOR_KINDS.flatMap((k) => {
    const m = factorMean(factorsOf(next, k));
    const count = Object.keys(factorsOf(next, k)).length;
    return m !== null && next[k] !== null && Math.abs(next[k]! - m) < 1e-12 ? [countFactors(count, k)] : [];
  });
  const reason = mean !== null
    ? `Mean of ${means.join(' and of ')}, edited in Fairshare`
    : `${kind === 'empowerment' ? 'Empowerment' : 'Desirability'} kept at its last value: its factors were cleared in Fairshare`;
  return { ...next, source: next.empowerment === null && next.desirability === null ? 'unrated' : 'members', reason };
}

/**
 * The members' rating of one factor of a task (normalized 0–1; null clears it), re-deriving the
 * task's E or D from its factors of that kind. Returns the same organization when nothing changes.
 */
export function setTaskFactor(org: Organization, taskId: string, kind: FactorKind, name: string, value: number | null): Organization {
  const label = name.replace(/\s+/g, ' ').trim();
  if (!label) throw new Error('A factor needs a name');
  if (label.length > MAX_FACTOR_NAME || label === '__proto__') throw new Error(`A factor name must be at most ${MAX_FACTOR_NAME} characters and not a reserved word`);
  if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= 1)) throw new Error('A factor rating must be within the rating scale');
  const task = org.tasks.find((t) => t.id === taskId);
  if (!task || (value === null && findFactorKey(factorsOf(task, kind), label) === undefined)) return org;
  return { ...org, tasks: org.tasks.map((t) => (t === task ? withFactor(t, kind, label, value) : t)) };
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
    : [...org.tasks, { id, name, empowerment: null, desirability: null, empowermentFactors: {}, desirabilityFactors: {}, source: 'unrated' as const, reason: 'Added in Fairshare; not rated yet', requires: [], chore: false }];
  return setAssignmentHours({ ...org, tasks }, personId, id, hours);
}

/** Longest role or department name accepted in the app, in characters (the importer's cells are bounded alike). */
export const MAX_GROUP_NAME = 100;

/** A person's role and department as edited in Jobs; a field left out is kept. */
export interface PersonFacts {
  role?: string;
  department?: string;
}

const FACT_LABEL = { role: 'A role', department: 'A department' } as const;

/**
 * The name as stored: spaces trimmed and collapsed. Throws a message naming the field for an empty
 * or over-long name (a person's role or department is cleared in the file, not here).
 */
export function cleanFact(kind: keyof PersonFacts, value: string): string {
  const name = value.replace(/\s+/g, ' ').trim();
  if (!name) throw new Error(`${FACT_LABEL[kind]} needs a name`);
  if (name.length > MAX_GROUP_NAME) throw new Error(`${FACT_LABEL[kind]} name must be at most ${MAX_GROUP_NAME} characters (this one has ${name.length})`);
  return name;
}

/** The problem with a typed role or department name, or null when it can be stored. */
export function factError(kind: keyof PersonFacts, value: string): string | null {
  try {
    cleanFact(kind, value);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * Sets one person's role and/or department (trimmed; throws for an empty or over-long name).
 * Returns the same organization when nothing changes, including for an unknown person.
 */
export function setPersonFacts(org: Organization, personId: string, facts: PersonFacts): Organization {
  const next: PersonFacts = {};
  for (const kind of ['role', 'department'] as const) {
    const value = facts[kind];
    if (value !== undefined) next[kind] = cleanFact(kind, value);
  }
  const person = org.people.find((p) => p.id === personId);
  if (!person || (Object.keys(next) as (keyof PersonFacts)[]).every((k) => person[k] === next[k])) return org;
  return { ...org, people: org.people.map((p) => (p === person ? { ...p, ...next } : p)) };
}

// ---------------------------------------------------------------------------------------
// Constraints a proposal honours: locked assignments, chores, required qualifications

/** Longest qualification name accepted in the app, in characters. */
export const MAX_QUALIFICATION_NAME = 100;

/** A qualification as the optimizer compares it: trimmed and case-insensitive. */
export const qualificationKey = (q: string): string => q.trim().toLowerCase();

/** The name as stored: spaces trimmed and collapsed. Throws for an empty or over-long name. */
export function cleanQualification(name: string): string {
  const q = name.replace(/\s+/g, ' ').trim();
  if (!q) throw new Error('A qualification needs a name');
  if (q.length > MAX_QUALIFICATION_NAME) throw new Error(`A qualification name must be at most ${MAX_QUALIFICATION_NAME} characters (this one has ${q.length})`);
  return q;
}

/** The qualifications in a typed list ("finance, legal; driving"): split at commas, semicolons and line breaks, blanks dropped. */
export function parseQualifications(text: string): string[] {
  return text.split(/[,;\n]/).map((s) => s.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** Locks (or unlocks) one person's assignment: a proposal keeps its hours. Same organization when nothing changes. */
export function setAssignmentLocked(org: Organization, personId: string, taskId: string, locked: boolean): Organization {
  const target = org.assignments.find((a) => a.personId === personId && a.taskId === taskId);
  if (!target || target.locked === locked) return org;
  return { ...org, assignments: org.assignments.map((a) => (a === target ? { ...a, locked } : a)) };
}

/** Marks a task as a chore (rotated over the quarter instead of split) or not. Same organization when nothing changes. */
export function setTaskChore(org: Organization, taskId: string, chore: boolean): Organization {
  const task = org.tasks.find((t) => t.id === taskId);
  if (!task || task.chore === chore) return org;
  return { ...org, tasks: org.tasks.map((t) => (t === task ? { ...t, chore } : t)) };
}

/**
 * The qualifications a task requires (each cleaned; duplicates up to case dropped, the first
 * spelling kept; throws for an over-long name). Same organization when the list is unchanged.
 */
export function setTaskRequires(org: Organization, taskId: string, requires: readonly string[]): Organization {
  const seen = new Set<string>();
  const next: string[] = [];
  for (const raw of requires) {
    if (!raw.trim()) continue;
    const q = cleanQualification(raw);
    if (seen.has(qualificationKey(q))) continue;
    seen.add(qualificationKey(q));
    next.push(q);
  }
  const task = org.tasks.find((t) => t.id === taskId);
  if (!task || (task.requires.length === next.length && task.requires.every((q, i) => q === next[i]))) return org;
  return { ...org, tasks: org.tasks.map((t) => (t === task ? { ...t, requires: next } : t)) };
}

/**
 * Gives (held) or takes away a qualification from several people at once (one undo step), compared
 * as the optimizer does; unknown people are ignored. Same organization when nothing changes.
 */
export function setQualificationFor(org: Organization, personIds: readonly string[], qualification: string, held: boolean): Organization {
  const q = cleanQualification(qualification);
  const key = qualificationKey(q);
  const ids = new Set(personIds);
  let changed = false;
  const people = org.people.map((p) => {
    if (!ids.has(p.id)) return p;
    const has = p.qualifications.some((x) => qualificationKey(x) === key);
    if (has === held) return p;
    changed = true;
    return { ...p, qualifications: held ? [...p.qualifications, q] : p.qualifications.filter((x) => qualificationKey(x) !== key) };
  });
  return changed ? { ...org, people } : org;
}

/** Gives (held) or takes away one person's qualification. Same organization when nothing changes. */
export function setQualification(org: Organization, personId: string, qualification: string, held: boolean): Organization {
  return setQualificationFor(org, [personId], qualification, held);
}
