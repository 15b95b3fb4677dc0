/**
 * Which tasks usually need a qualification (issue 14, "Qualifications first"): a task name is read
 * with the task library's grammar (rating/suggest.ts matchTaskLibrary) against the library plus
 * the qualification families' extra phrases (qualificationLibrary.ts). Pure functions.
 */
import type { Organization, Task } from '../model/types';
import { matchTaskLibrary } from '../rating/suggest';
import { TASK_LIBRARY, type TaskLibraryEntry } from '../rating/taskLibrary';
import { QUALIFICATION_FAMILIES, type QualificationFamily } from './qualificationLibrary';

/** The library to match against and, per entry index, the families it stands for. */
interface FamilyMatcher {
  library: readonly TaskLibraryEntry[];
  familiesOf: Map<number, QualificationFamily[]>;
}

const matchers = new WeakMap<readonly QualificationFamily[], FamilyMatcher>();

/**
 * The task library followed by every family's extra entries (an extra entry may shadow a shorter
 * library phrase, as the library's own entries do). Throws when a family names a label the task
 * library does not have, so an edit to either file cannot silently drop a family's words.
 */
function matcherFor(families: readonly QualificationFamily[]): FamilyMatcher {
  let m = matchers.get(families);
  if (m) return m;
  const byLabel = new Map<string, number>(TASK_LIBRARY.map((e, i) => [e.label, i]));
  const library: TaskLibraryEntry[] = [...TASK_LIBRARY];
  const familiesOf = new Map<number, QualificationFamily[]>();
  const add = (i: number, f: QualificationFamily) => familiesOf.set(i, [...(familiesOf.get(i) ?? []), f]);
  for (const f of families) {
    for (const label of f.libraryLabels) {
      const i = byLabel.get(label);
      if (i === undefined) throw new Error(`qualification family "${f.id}": no task-library entry labelled "${label}"`);
      add(i, f);
    }
    for (const e of f.extra) {
      library.push(e);
      add(library.length - 1, f);
    }
  }
  m = { library, familiesOf };
  matchers.set(families, m);
  return m;
}

/**
 * The qualification families a task name belongs to, in the families' order; [] when none. A
 * family counts when one of its entries is 'used' (the work done) or 'overseen' (the work
 * supervised) in the name — never when it is only context or shadowed by a longer phrase.
 */
export function qualificationFamiliesOf(taskName: string, families: readonly QualificationFamily[] = QUALIFICATION_FAMILIES): QualificationFamily[] {
  const { library, familiesOf } = matcherFor(families);
  const found = new Set<QualificationFamily>();
  for (const m of matchTaskLibrary(taskName, library)) {
    if (m.status !== 'used' && m.status !== 'overseen') continue;
    for (const f of familiesOf.get(m.index) ?? []) found.add(f);
  }
  return families.filter((f) => found.has(f));
}

/** The organization's tasks that usually need a qualification, in its order, with their families. */
export function tasksUsuallyQualified(org: Organization, families: readonly QualificationFamily[] = QUALIFICATION_FAMILIES): { task: Task; families: QualificationFamily[] }[] {
  return org.tasks.map((task) => ({ task, families: qualificationFamiliesOf(task.name, families) })).filter((x) => x.families.length > 0);
}

/**
 * True when the file says nothing about who may do what: no person holds a qualification, no task
 * requires one and no assignment is locked. Blank strings do not count as a qualification.
 */
export function noQualificationsInFile(org: Organization): boolean {
  const blank = (xs: string[]) => xs.every((x) => x.trim() === '');
  return org.people.every((p) => blank(p.qualifications)) && org.tasks.every((t) => blank(t.requires)) && org.assignments.every((a) => !a.locked);
}
