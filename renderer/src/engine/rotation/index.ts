/**
 * Chore rotation (issue 14): a schedule over a quarter in which each week's chore slots go to people
 * so that everyone's chore hours are within one slot of their fair share, nobody does the same chore
 * two weeks running where the pool allows, and each job's quarterly-average D is reported against
 * the band. Pipeline: planShares (slots, shares) → apportionSlots (whole counts) → layOutWeeks.
 */
import { apportionSlots } from './apportion';
import { fmt, planShares } from './shares';
import { HOURS_EPS, type Rotation, type RotationInput } from './types';
import { layOutWeeks } from './weeks';

export * from './types';
export { rotationInputFromOrganization, type FromOrganizationOptions } from './fromOrganization';

/** Deterministic: the same input (in any order of people or chores) gives the same rotation. Throws RangeError on bad input. */
export function scheduleRotation(input: RotationInput): Rotation {
  const plan = planShares(input);
  const counts = apportionSlots(plan);
  const { slots, repeats } = layOutWeeks(plan.chores, counts, plan.weeks);

  const hoursOf = new Map<string, number>();
  const ratedOf = new Map<string, number>();
  const dHoursOf = new Map<string, number>();
  const dOf = new Map(plan.chores.map((c) => [c.taskId, c.desirability]));
  for (const s of slots) {
    hoursOf.set(s.personId, (hoursOf.get(s.personId) ?? 0) + s.hours);
    const d = dOf.get(s.taskId) ?? null;
    if (d === null) continue;
    ratedOf.set(s.personId, (ratedOf.get(s.personId) ?? 0) + s.hours);
    dHoursOf.set(s.personId, (dHoursOf.get(s.personId) ?? 0) + s.hours * d);
  }
  const perPerson = plan.people.map((p) => {
    let fairShare = 0;
    for (const row of plan.share.values()) fairShare += row.get(p.id) ?? 0;
    const choreHours = hoursOf.get(p.id) ?? 0;
    return { personId: p.id, choreHours, fairShare, difference: choreHours - fairShare };
  });

  // The job over the quarter: the non-chore job every week plus the chore slots actually held (rated hours).
  const quarterlyD = plan.people.map((p) => {
    const hours = (p.nonChore?.hours ?? 0) * plan.weeks + (ratedOf.get(p.id) ?? 0);
    const dHours = (p.nonChore?.dHours ?? 0) * plan.weeks + (dHoursOf.get(p.id) ?? 0);
    return { personId: p.id, d: hours > 0 ? dHours / hours : null };
  });
  const band = input.band;
  if (band && !(Number.isFinite(band.centre) && Number.isFinite(band.tolerance) && band.tolerance >= 0)) throw new RangeError('the D band needs a finite centre and a tolerance ≥ 0');
  const outOfBand = band ? quarterlyD.filter((q) => q.d !== null && Math.abs(q.d - band.centre) > band.tolerance + HOURS_EPS).map((q) => q.personId) : [];

  const chores = plan.chores.map((c) => {
    const r = repeats.get(c.taskId) ?? { repeats: 0, forced: 0 };
    return { taskId: c.taskId, name: c.name, weeklyHours: c.weeklyHours, slotsPerWeek: c.slotsPerWeek, slotHours: c.slotHours, repeats: r.repeats, forcedRepeats: r.forced };
  });
  const totalRepeats = chores.reduce((s, c) => s + c.repeats, 0);
  const forced = chores.reduce((s, c) => s + c.forcedRepeats, 0);
  const largestSlot = plan.chores.reduce((m, c) => Math.max(m, c.slotHours), 0);

  const notes = [...plan.notes];
  if (plan.chores.length === 0) notes.push('No chores to rotate.');
  else notes.push(`Everyone's chore hours over the ${plan.weeks} weeks are within one slot (${fmt(largestSlot)} h) of their fair share, which is proportional to their weekly hours.`);
  for (const c of chores.filter((x) => x.repeats > 0)) {
    const why =
      c.forcedRepeats > 0
        ? `at least ${c.forcedRepeats} forced: too few people may take it, or one share is over half the weeks`
        : `its ${c.slotsPerWeek} slots a week go to different people, and too few are free in alternate weeks`;
    notes.push(`${c.name}: ${c.repeats} time(s) the same person two weeks running (${why}).`);
  }
  if (band && outOfBand.length > 0) notes.push(`${outOfBand.length} job(s) have a quarterly-average D outside ${fmt(band.centre)} ± ${fmt(band.tolerance)} with their chores.`);

  return {
    weeks: plan.weeks,
    slots,
    perPerson,
    repeats: totalRepeats,
    forcedRepeats: forced,
    unavoidableRepeats: forced > 0,
    quarterlyD,
    outOfBand,
    largestSlot,
    unassigned: plan.unassigned,
    chores,
    people: plan.people.map((p) => ({ personId: p.id, name: p.name })),
    notes,
  };
}

/** A weeks × people grid for a workbook sheet: header ["Week", names…], one row per week, totals per person. */
export interface RotationGrid {
  header: string[];
  /** rows[w] = [week number, cell per person]; a cell lists that week's chores ("Clean restrooms; Empty trash"), '' for none. */
  rows: (string | number)[][];
  /** Chore hours over the quarter per person, in header order (after "Week"). */
  totals: number[];
}

export function rotationGrid(rotation: Rotation): RotationGrid {
  const column = new Map(rotation.people.map((p, i) => [p.personId, i]));
  const nameOf = new Map(rotation.chores.map((c) => [c.taskId, c.name]));
  const cells: string[][][] = Array.from({ length: rotation.weeks }, () => rotation.people.map(() => []));
  for (const s of rotation.slots) cells[s.week - 1][column.get(s.personId) as number].push(nameOf.get(s.taskId) ?? s.taskId);
  const rows = cells.map((week, w) => [w + 1, ...week.map(joinChores)]);
  const hours = new Map(rotation.perPerson.map((x) => [x.personId, x.choreHours]));
  const totals = rotation.people.map((p) => hours.get(p.personId) ?? 0);
  return { header: ['Week', ...rotation.people.map((p) => p.name)], rows, totals };
}

/** "A; B", with "×2" when one person holds two slots of the same chore in a week. */
export function joinChores(names: string[]): string {
  const n = new Map<string, number>();
  for (const x of names) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].map(([x, k]) => (k > 1 ? `${x} ×${k}` : x)).join('; ');
}
