/**
 * The rebalancing model, aggregated so it stays small and exact (DESIGN.md §1 "Rebalancing"):
 * tasks the constraints cannot tell apart (same E, same D when D is balanced, same required
 * qualifications) form one class; people identical for the model (same hours, same class hours,
 * same fixed load, same qualifications) form one group. Both aggregations preserve the optimum:
 * class hours can always be handed back to concrete tasks without moving more hours, and an
 * optimal solution exists that treats identical people identically (the LP is convex).
 *
 * Hours that the optimizer may not move are *fixed*: locked assignments, and assignments on tasks
 * without a rating in a balanced dimension (they stay with their current holders).
 */
import type { Organization } from '../model/types';

export interface TaskClass {
  /** Normalized 0–1 ratings shared by the class. */
  e: number;
  d: number | null;
  requires: string[];
  taskIds: string[];
  /** Movable hours of the class (all its tasks, excluding locked hours). */
  hours: number;
}

export interface PersonGroup {
  personIds: string[];
  /** Movable hours per member. */
  free: number;
  /** Hours counted in the E band per member (movable + fixed E-rated hours), and fixed E mass Σh·ê. */
  ratedE: number;
  fixedMassE: number;
  ratedD: number;
  fixedMassD: number;
  /** Current movable hours per member in each class (class index → hours). */
  current: Map<number, number>;
  /** Class indices the members are qualified to take new hours in. */
  qualified: number[];
}

export interface BalanceModel {
  classes: TaskClass[];
  groups: PersonGroup[];
  /** Hours-weighted org means, normalized 0–1 (invariant: every hour stays done). */
  meanE: number;
  meanD: number | null;
  balanceD: boolean;
  /** Current movable hours per person per task (person id → task id → hours). */
  movable: Map<string, Map<string, number>>;
  /** Fixed hours per person per task (locked or unbalanced tasks). */
  fixed: Map<string, Map<string, number>>;
  frozenTaskIds: string[];
  classOfTask: Map<string, number>;
}

function addTo(map: Map<string, Map<string, number>>, p: string, t: string, h: number): void {
  let m = map.get(p);
  if (!m) map.set(p, (m = new Map()));
  m.set(t, (m.get(t) ?? 0) + h);
}

const norm = (q: string) => q.trim().toLowerCase();
const key12 = (x: number) => x.toFixed(12);

/**
 * Builds the aggregated model. `balanceD` adds desirability bands (tasks without D are then fixed).
 * `personHours` (person id → weekly hours) sets the movable hours a person ends with when it is not
 * what they hold now — a chore rotation changes everyone's other work by their rotation share.
 */
export function buildModel(org: Organization, balanceD: boolean, personHours?: ReadonlyMap<string, number>): BalanceModel {
  const tasks = new Map(org.tasks.map((t) => [t.id, t]));
  const inModel = (taskId: string) => {
    const t = tasks.get(taskId);
    return !!t && t.empowerment !== null && (!balanceD || t.desirability !== null);
  };
  const classes: TaskClass[] = [];
  const classOfTask = new Map<string, number>();
  const classByKey = new Map<string, number>();
  for (const t of org.tasks) {
    if (!inModel(t.id)) continue;
    const requires = [...new Set(t.requires.map(norm))].sort();
    const key = `${key12(t.empowerment!)}|${balanceD ? key12(t.desirability!) : ''}|${requires.join(';')}`;
    let c = classByKey.get(key);
    if (c === undefined) {
      c = classes.length;
      classByKey.set(key, c);
      classes.push({ e: t.empowerment!, d: balanceD ? t.desirability : null, requires, taskIds: [], hours: 0 });
    }
    classes[c].taskIds.push(t.id);
    classOfTask.set(t.id, c);
  }

  const movable = new Map<string, Map<string, number>>();
  const fixed = new Map<string, Map<string, number>>();
  let massE = 0;
  let hoursE = 0;
  let massD = 0;
  let hoursD = 0;
  for (const a of org.assignments) {
    const t = tasks.get(a.taskId);
    if (!t || a.hours <= 0) continue;
    if (t.empowerment !== null) {
      massE += a.hours * t.empowerment;
      hoursE += a.hours;
    }
    if (t.desirability !== null) {
      massD += a.hours * t.desirability;
      hoursD += a.hours;
    }
    if (!a.locked && classOfTask.has(a.taskId)) {
      addTo(movable, a.personId, a.taskId, a.hours);
      classes[classOfTask.get(a.taskId)!].hours += a.hours;
    } else {
      addTo(fixed, a.personId, a.taskId, a.hours);
    }
  }

  const groupByKey = new Map<string, PersonGroup>();
  const groups: PersonGroup[] = [];
  for (const p of org.people) {
    const quals = new Set(p.qualifications.map(norm));
    const current = new Map<number, number>();
    let free = 0;
    for (const [taskId, h] of movable.get(p.id) ?? []) {
      const c = classOfTask.get(taskId)!;
      current.set(c, (current.get(c) ?? 0) + h);
      free += h;
    }
    if (personHours?.has(p.id)) free = personHours.get(p.id)!;
    let ratedE = free;
    let fixedMassE = 0;
    let ratedD = free;
    let fixedMassD = 0;
    for (const [taskId, h] of fixed.get(p.id) ?? []) {
      const t = tasks.get(taskId)!;
      if (t.empowerment !== null) {
        ratedE += h;
        fixedMassE += h * t.empowerment;
      }
      if (t.desirability !== null) {
        ratedD += h;
        fixedMassD += h * t.desirability;
      }
    }
    const qualified = classes.map((c, i) => (c.requires.every((r) => quals.has(r)) ? i : -1)).filter((i) => i >= 0);
    const cur = [...current.entries()].sort((a, b) => a[0] - b[0]);
    const key = [key12(free), key12(ratedE), key12(fixedMassE), balanceD ? `${key12(ratedD)},${key12(fixedMassD)}` : '', cur.map(([c, h]) => `${c}:${key12(h)}`).join(','), qualified.join(',')].join('|');
    const g = groupByKey.get(key);
    if (g) g.personIds.push(p.id);
    else {
      const group: PersonGroup = { personIds: [p.id], free, ratedE, fixedMassE, ratedD, fixedMassD, current, qualified };
      groupByKey.set(key, group);
      groups.push(group);
    }
  }
  return {
    classes,
    groups,
    meanE: hoursE > 0 ? massE / hoursE : 0,
    meanD: hoursD > 0 ? massD / hoursD : null,
    balanceD,
    movable,
    fixed,
    frozenTaskIds: org.tasks.filter((t) => !inModel(t.id)).map((t) => t.id),
    classOfTask,
  };
}
