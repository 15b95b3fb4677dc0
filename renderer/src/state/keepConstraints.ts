/**
 * The proposal's constraints set in the app — locks, chores, what a task requires, who holds which
 * qualification — carried through a re-import, as the members' ratings are: a constraint the app
 * changed (it differs from what the last import read) is kept over the new file's; one the app never
 * touched follows the file. Projects saved before the last import was kept carry every lock, chore,
 * requirement and qualification the file does not have.
 */
import type { Organization } from '../engine/model/types';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const pair = (personId: string, taskId: string) => `${personId}\u0000${taskId}`;

export interface KeptConstraints {
  organization: Organization;
  /** How many constraints set in the app were carried over. */
  kept: number;
}

/**
 * `project`: the organization as edited in the app; `lastImport`: the file's organization as the last
 * import read it (undefined for older projects); `next`: the new file's organization.
 */
export function keepConstraints(project: Organization, lastImport: Organization | undefined, next: Organization): KeptConstraints {
  let kept = 0;
  const importedTask = new Map(lastImport?.tasks.map((t) => [t.id, t]) ?? []);
  const projectTask = new Map(project.tasks.map((t) => [t.id, t]));
  const tasks = next.tasks.map((t) => {
    const mine = projectTask.get(t.id);
    if (!mine) return t;
    const was = importedTask.get(t.id);
    let out = t;
    const choreEdited = was ? mine.chore !== was.chore : mine.chore && !t.chore;
    if (choreEdited && mine.chore !== t.chore) {
      out = { ...out, chore: mine.chore };
      kept++;
    }
    const requiresEdited = was ? !same(mine.requires, was.requires) : mine.requires.length > 0 && t.requires.length === 0;
    if (requiresEdited && !same(mine.requires, t.requires)) {
      out = { ...out, requires: [...mine.requires] };
      kept++;
    }
    return out;
  });
  const importedPerson = new Map(lastImport?.people.map((p) => [p.id, p]) ?? []);
  const projectPerson = new Map(project.people.map((p) => [p.id, p]));
  const people = next.people.map((p) => {
    const mine = projectPerson.get(p.id);
    if (!mine) return p;
    const was = importedPerson.get(p.id);
    const edited = was ? !same(mine.qualifications, was.qualifications) : mine.qualifications.length > 0 && p.qualifications.length === 0;
    if (!edited || same(mine.qualifications, p.qualifications)) return p;
    kept++;
    return { ...p, qualifications: [...mine.qualifications] };
  });
  const importedLock = new Map(lastImport?.assignments.map((a) => [pair(a.personId, a.taskId), a.locked]) ?? []);
  const projectLock = new Map(project.assignments.map((a) => [pair(a.personId, a.taskId), a.locked]));
  const assignments = next.assignments.map((a) => {
    const key = pair(a.personId, a.taskId);
    const mine = projectLock.get(key);
    if (mine === undefined) return a;
    const was = importedLock.get(key);
    const edited = lastImport ? mine !== (was ?? false) : mine && !a.locked;
    if (!edited || mine === a.locked) return a;
    kept++;
    return { ...a, locked: mine };
  });
  return kept === 0 ? { organization: next, kept } : { organization: { ...next, tasks, people, assignments }, kept };
}
