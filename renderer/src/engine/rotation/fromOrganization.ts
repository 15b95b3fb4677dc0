/** Builds a rotation input from an Organization and a weekly allocation (today's jobs or a proposal's). */
import type { Organization, Task } from '../model/types';
import type { RotationInput } from './types';

export interface FromOrganizationOptions {
  /** Task ids that rotate; default: the tasks marked as chores (Task.chore). */
  choreIds?: string[];
  /**
   * Weekly hours per person per task (e.g. a proposal's allocation); default the organization's
   * assignments. Locked hours are always read from the organization and never rotate.
   */
  allocation?: { personId: string; taskId: string; hours: number }[];
  weeks?: number;
  maxSlotHours?: number;
  band?: { centre: number; tolerance: number };
}

const norm = (q: string) => q.trim().toLowerCase();

/**
 * Each person's weekly hours are their hours in the allocation; a chore's weekly hours are its
 * unlocked hours there. Locked chore hours stay with their holder (as part of the job without
 * chores); a person may take a chore when they hold every qualification it requires (as the
 * optimizer's rule, case-insensitive). D is mapped onto the project scale.
 */
export function rotationInputFromOrganization(org: Organization, options: FromOrganizationOptions = {}): RotationInput {
  const choreIds = new Set(options.choreIds ?? org.tasks.filter((t) => t.chore).map((t) => t.id));
  const taskOf = new Map(org.tasks.map((t) => [t.id, t]));
  const locked = org.assignments.filter((a) => a.locked && a.hours > 0);
  const lockedKey = new Set(locked.map((a) => `${a.personId}\u0000${a.taskId}`));
  // The allocation without locked cells, plus the locked cells as the organization holds them.
  const cells = [...(options.allocation ?? org.assignments).filter((a) => !lockedKey.has(`${a.personId}\u0000${a.taskId}`)), ...locked];
  const span = org.scale.max - org.scale.min;
  const dPoints = (taskId: string): number | null => {
    const d = taskOf.get(taskId)?.desirability ?? null;
    return d === null ? null : org.scale.min + d * span;
  };

  const hours = new Map<string, number>();
  const choreHours = new Map<string, number>();
  const fixed = new Map<string, { hours: number; dHours: number }>();
  for (const a of cells) {
    if (!(a.hours > 0)) continue;
    hours.set(a.personId, (hours.get(a.personId) ?? 0) + a.hours);
    const rotates = choreIds.has(a.taskId) && !lockedKey.has(`${a.personId}\u0000${a.taskId}`);
    if (rotates) {
      choreHours.set(a.taskId, (choreHours.get(a.taskId) ?? 0) + a.hours);
      continue;
    }
    const d = dPoints(a.taskId);
    if (d === null) continue;
    const f = fixed.get(a.personId) ?? { hours: 0, dHours: 0 };
    f.hours += a.hours;
    f.dHours += a.hours * d;
    fixed.set(a.personId, f);
  }

  const chores = [...choreIds].filter((id) => taskOf.has(id)).map((id) => {
    const t = taskOf.get(id) as Task;
    const requires = t.requires.map(norm);
    const eligible = org.people.filter((p) => {
      const quals = new Set(p.qualifications.map(norm));
      return requires.every((r) => quals.has(r));
    });
    return { taskId: id, name: t.name, weeklyHours: choreHours.get(id) ?? 0, desirability: dPoints(id), eligible: eligible.map((p) => p.id) };
  });
  const people = org.people.map((p) => ({ id: p.id, name: p.name, weeklyHours: hours.get(p.id) ?? 0, nonChore: fixed.get(p.id) ?? { hours: 0, dHours: 0 } }));
  return { chores, people, weeks: options.weeks, maxSlotHours: options.maxSlotHours, band: options.band };
}
