/**
 * Chores in a proposal (issue 14): instead of splitting chores into slivers, they rotate over the
 * quarter (scheduleRotation) and the rest of the work is balanced around each person's rotation.
 * The organization handed to the optimizer has each person's chores as their quarterly-average
 * hours of each chore, locked, and each person's other movable hours set so their total stays
 * their weekly hours — so every job's band already counts its rotated chores.
 */
import type { Assignment, Organization } from '../model/types';
import { toPoints } from '../rating/scale';
import { scheduleRotation } from './index';
import type { Rotation } from './types';

export interface RotatedOrganization {
  /** The organization with chore assignments replaced by quarterly averages, locked. */
  org: Organization;
  /** Person id → weekly hours of movable (non-chore, unlocked, rated) work they end with. */
  personHours: Map<string, number>;
  rotation: Rotation;
  /** Ids of the chores that rotate. */
  choreIds: string[];
  /** Chores that do not rotate, with why (locked, nobody eligible). */
  kept: { taskId: string; why: string }[];
}

const norm = (q: string) => q.trim().toLowerCase();

/**
 * Rotates the given chores (default: tasks marked as chores). Null when there is nothing to rotate,
 * or when some person's rotation share would not fit beside their locked or unrated work (the
 * message then says who). `weeks`: whole weeks, default 13.
 */
export function rotateChores(org: Organization, options: { choreIds?: readonly string[]; weeks?: number } = {}): RotatedOrganization | { error: string } | null {
  const tasks = new Map(org.tasks.map((t) => [t.id, t]));
  const wanted = new Set(options.choreIds ?? org.tasks.filter((t) => t.chore).map((t) => t.id));
  if (wanted.size === 0) return null;
  const kept: RotatedOrganization['kept'] = [];
  const lockedTasks = new Set(org.assignments.filter((a) => a.locked).map((a) => a.taskId));
  const quals = new Map(org.people.map((p) => [p.id, new Set(p.qualifications.map(norm))]));
  const hoursOf = new Map<string, number>();
  for (const a of org.assignments) hoursOf.set(a.taskId, (hoursOf.get(a.taskId) ?? 0) + a.hours);
  const chores = [];
  for (const id of wanted) {
    const t = tasks.get(id);
    if (!t || !(hoursOf.get(id)! > 0)) continue;
    if (lockedTasks.has(id)) {
      kept.push({ taskId: id, why: 'someone holds it locked' });
      continue;
    }
    const eligible = org.people.filter((p) => t.requires.every((r) => quals.get(p.id)!.has(norm(r)))).map((p) => p.id);
    chores.push({ taskId: id, name: t.name, weeklyHours: hoursOf.get(id)!, desirability: t.desirability === null ? null : toPoints(t.desirability, org.scale), eligible });
  }
  if (chores.length === 0) return null;
  const weekly = new Map<string, number>();
  for (const a of org.assignments) weekly.set(a.personId, (weekly.get(a.personId) ?? 0) + a.hours);
  const rotation = scheduleRotation({ chores, people: org.people.map((p) => ({ id: p.id, name: p.name, weeklyHours: weekly.get(p.id) ?? 0 })), weeks: options.weeks });
  const rotating = new Set(chores.map((c) => c.taskId).filter((id) => !rotation.unassigned.includes(id)));
  if (rotating.size === 0) return null;
  for (const id of rotation.unassigned) kept.push({ taskId: id, why: 'nobody may take it' });

  // Quarterly-average hours of each chore per person: slot hours over the weeks ÷ weeks.
  const average = new Map<string, Map<string, number>>();
  for (const s of rotation.slots) {
    const m = average.get(s.personId) ?? new Map<string, number>();
    m.set(s.taskId, (m.get(s.taskId) ?? 0) + s.hours / rotation.weeks);
    average.set(s.personId, m);
  }
  const inModel = (taskId: string) => {
    const t = tasks.get(taskId);
    return !!t && t.empowerment !== null;
  };
  const assignments: Assignment[] = [];
  const personHours = new Map<string, number>();
  const tooMuch: string[] = [];
  for (const p of org.people) {
    let movable = 0;
    let choresNow = 0;
    for (const a of org.assignments) {
      if (a.personId !== p.id) continue;
      if (rotating.has(a.taskId)) choresNow += a.hours;
      else {
        assignments.push(a);
        if (!a.locked && inModel(a.taskId)) movable += a.hours;
      }
    }
    let rotated = 0;
    for (const [taskId, h] of average.get(p.id) ?? []) {
      assignments.push({ personId: p.id, taskId, hours: h, locked: true });
      rotated += h;
    }
    const target = movable + choresNow - rotated;
    // A share that does not fit beside locked or unrated work cannot be carried out as computed.
    if (target < -1e-9) tooMuch.push(p.name);
    personHours.set(p.id, Math.max(0, target));
  }
  if (tooMuch.length) return { error: `the chore rotation gives ${tooMuch.join(', ')} more chore hours than their movable work can make room for (the rest is locked or unrated)` };
  return { org: { ...org, assignments }, personHours, rotation, choreIds: [...rotating], kept };
}
