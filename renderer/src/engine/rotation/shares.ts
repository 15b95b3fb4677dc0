/** Validates a rotation input, cuts chores into slots and computes everyone's fair share of each chore. */
import { DEFAULT_WEEKS, HOURS_EPS, MAX_SLOT_HOURS, MAX_WEEKS, type RotationInput, type RotationPerson } from './types';

/** A chore that rotates, with its slot size and its eligible people (sorted by id). */
export interface PlannedChore {
  taskId: string;
  name: string;
  weeklyHours: number;
  desirability: number | null;
  slotsPerWeek: number;
  slotHours: number;
  eligible: string[];
}

export interface SharePlan {
  weeks: number;
  maxSlotHours: number;
  /** People sorted by id. */
  people: RotationPerson[];
  /** Rotating chores sorted by task id. */
  chores: PlannedChore[];
  /** chore id → person id → fair share of that chore over all weeks, in hours (> 0 entries only). */
  share: Map<string, Map<string, number>>;
  unassigned: string[];
  notes: string[];
}

/** Code-point order, so the schedule does not depend on the host's locale. */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const finiteNonNegative = (x: number): boolean => Number.isFinite(x) && x >= 0;

/** Throws RangeError on input no schedule can be made from (weeks ≤ 0, negative or non-finite hours, duplicate ids). */
export function planShares(input: RotationInput): SharePlan {
  const weeks = input.weeks ?? DEFAULT_WEEKS;
  if (!Number.isInteger(weeks) || weeks <= 0 || weeks > MAX_WEEKS) throw new RangeError(`weeks must be a whole number from 1 to ${MAX_WEEKS} (got ${weeks})`);
  const maxSlotHours = input.maxSlotHours ?? MAX_SLOT_HOURS;
  if (!Number.isFinite(maxSlotHours) || maxSlotHours <= 0) throw new RangeError(`the largest slot must be a positive number of hours (got ${maxSlotHours})`);

  const people = [...input.people].sort((a, b) => byId(a.id, b.id));
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    if (i > 0 && people[i - 1].id === p.id) throw new RangeError(`person id "${p.id}" appears twice`);
    if (!finiteNonNegative(p.weeklyHours)) throw new RangeError(`${p.name}: weekly hours must be a finite number ≥ 0 (got ${p.weeklyHours})`);
    if (p.nonChore && (!finiteNonNegative(p.nonChore.hours) || !Number.isFinite(p.nonChore.dHours))) throw new RangeError(`${p.name}: non-chore hours must be finite and ≥ 0`);
  }
  const hoursOf = new Map(people.map((p) => [p.id, p.weeklyHours]));

  const notes: string[] = [];
  const unassigned: string[] = [];
  const chores: PlannedChore[] = [];
  const share = new Map<string, Map<string, number>>();
  const sorted = [...input.chores].sort((a, b) => byId(a.taskId, b.taskId));
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i];
    if (i > 0 && sorted[i - 1].taskId === c.taskId) throw new RangeError(`chore id "${c.taskId}" appears twice`);
    if (!finiteNonNegative(c.weeklyHours)) throw new RangeError(`${c.name}: weekly hours must be a finite number ≥ 0 (got ${c.weeklyHours})`);
    if (c.desirability !== null && !Number.isFinite(c.desirability)) throw new RangeError(`${c.name}: desirability must be a finite number or null`);
    if (c.weeklyHours <= 0) {
      unassigned.push(c.taskId);
      notes.push(`${c.name} takes no hours a week, so there is nothing to rotate.`);
      continue;
    }
    const listed = c.eligible ?? people.map((p) => p.id);
    const unknown = listed.filter((id) => !hoursOf.has(id));
    if (unknown.length > 0) notes.push(`${c.name}: ${unknown.length} eligible id(s) are not among the people and were ignored (${unknown.slice(0, 3).join(', ')}).`);
    const eligible = [...new Set(listed.filter((id) => hoursOf.has(id)))].sort(byId);
    if (eligible.length === 0) {
      unassigned.push(c.taskId);
      notes.push(`Nobody may take ${c.name}, so it is left out of the rotation.`);
      continue;
    }
    // Equal slots no larger than the maximum; the epsilon keeps 8 h / 4 h at 2 slots, not 3.
    const slotsPerWeek = Math.max(1, Math.ceil(c.weeklyHours / maxSlotHours - HOURS_EPS));
    const slotHours = c.weeklyHours / slotsPerWeek;
    if (slotsPerWeek > 1) notes.push(`${c.name} (${fmt(c.weeklyHours)} h a week) is cut into ${slotsPerWeek} slots of ${fmt(slotHours)} h, so no one's week is taken over by it.`);
    chores.push({ taskId: c.taskId, name: c.name, weeklyHours: c.weeklyHours, desirability: c.desirability, slotsPerWeek, slotHours, eligible });

    // Each chore is shared among the people who may take it, in proportion to their hours. People
    // not eligible get none of it, so the eligible ones carry more; with everyone eligible for every
    // chore this is the plain share = total chore hours × H_p / Σ H.
    const total = c.weeklyHours * weeks;
    const poolHours = eligible.reduce((s, id) => s + (hoursOf.get(id) ?? 0), 0);
    const row = new Map<string, number>();
    if (poolHours > 0) {
      for (const id of eligible) {
        const h = hoursOf.get(id) ?? 0;
        if (h > 0) row.set(id, (total * h) / poolHours);
      }
    } else {
      // Everyone who may take it works 0 h: there is no proportion to follow, so they share it equally.
      for (const id of eligible) row.set(id, total / eligible.length);
      notes.push(`Everyone who may take ${c.name} has 0 weekly hours; it is shared among them equally.`);
    }
    if (eligible.length === 1) notes.push(`Only ${nameOf(people, eligible[0])} may take ${c.name}: they do it every week (repeats cannot be avoided).`);
    share.set(c.taskId, row);
  }
  if (chores.some((c) => c.eligible.length < people.length)) {
    notes.push('Chores that only some people may take are shared among those people alone, in proportion to their hours; the others have no share of them.');
  }
  return { weeks, maxSlotHours, people, chores, share, unassigned, notes };
}

function nameOf(people: RotationPerson[], id: string): string {
  return people.find((p) => p.id === id)?.name ?? id;
}

/** Hours as a short number for notes (2 decimals at most). */
export function fmt(h: number): string {
  return String(Math.round(h * 100) / 100);
}
