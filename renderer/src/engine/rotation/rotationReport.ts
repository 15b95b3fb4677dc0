/** The chore rotation as the proposal report gives it (`propose --json` `rotation`): names instead of ids. */
import type { Organization } from '../model/types';
import type { RotatedOrganization } from './withRotation';
import { joinChores } from './index';

export interface RotationReport {
  weeks: number;
  chores: { task: string; weeklyHours: number; slotsPerWeek: number; slotHours: number; repeats: number }[];
  /** Every slot of every week: who does which chore for how many hours that week. */
  slots: { week: number; task: string; person: string; hours: number }[];
  /** Chore hours over the whole rotation against each person's fair share (proportional to their hours). */
  perPerson: { person: string; choreHours: number; fairShare: number; difference: number }[];
  /** The largest slot, hours: everyone's chore hours are within it of their fair share. */
  largestSlot: number;
  /** Times someone does the same chore two weeks running. */
  repeats: number;
  /** Chores that do not rotate, and why. */
  notRotated: { task: string; why: string }[];
  notes: string[];
}

export function rotationReport(org: Organization, r: RotatedOrganization): RotationReport {
  const person = new Map(org.people.map((p) => [p.id, p.name]));
  const task = new Map(org.tasks.map((t) => [t.id, t.name]));
  const rot = r.rotation;
  return {
    weeks: rot.weeks,
    chores: rot.chores.map((c) => ({ task: c.name, weeklyHours: c.weeklyHours, slotsPerWeek: c.slotsPerWeek, slotHours: c.slotHours, repeats: c.repeats })),
    slots: rot.slots.map((s) => ({ week: s.week, task: task.get(s.taskId) ?? s.taskId, person: person.get(s.personId) ?? s.personId, hours: s.hours })),
    perPerson: rot.perPerson.map((p) => ({ person: person.get(p.personId) ?? p.personId, choreHours: p.choreHours, fairShare: p.fairShare, difference: p.difference })),
    largestSlot: rot.largestSlot,
    repeats: rot.repeats,
    notRotated: r.kept.map((k) => ({ task: task.get(k.taskId) ?? k.taskId, why: k.why })),
    notes: rot.notes,
  };
}

/**
 * The rotation as a grid for a workbook sheet: one row per person, one column per week (each cell
 * that week's chores), then their chore hours over the rotation and their fair share. People run
 * down rather than across so the sheet stays readable and printable for an organization of dozens.
 */
export function rotationSheetRows(r: RotationReport): (string | number)[][] {
  const people = r.perPerson.map((p) => p.person);
  const row = new Map(people.map((p, i) => [p, i]));
  const cells: string[][][] = people.map(() => Array.from({ length: r.weeks }, () => []));
  for (const s of r.slots) cells[row.get(s.person)!][s.week - 1].push(s.task);
  return [
    ['Person', ...Array.from({ length: r.weeks }, (_, w) => `Week ${w + 1}`), 'Chore hours, all weeks', 'Fair share (hours)'],
    ...r.perPerson.map((p, i) => [p.person, ...cells[i].map(joinChores), p.choreHours, p.fairShare]),
  ];
}
