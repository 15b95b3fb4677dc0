/**
 * Lays each chore's whole slot counts out over the weeks, avoiding the same person on the same chore
 * two weeks running, and counts the repeats left and how many of them are forced.
 *
 * Each week, each chore (in id order) fills its slots one at a time, choosing among the people who
 * still have slots of it by, in order: (1) not already on this chore this week — a chore cut into
 * slots goes to different people, so one person's week is not taken over; (2) not on it last
 * week; (3) most of its slots still to do — the classic rule that arranges counts with no two
 * neighbours equal whenever no one holds more than half (rounded up) of the weeks; (4) fewest chore
 * hours already this week, to spread a person's chores over the quarter; (5) id. Counts never
 * change here, so the fairness of apportion.ts carries over unchanged.
 */
import type { SlotCounts } from './apportion';
import { byId, type PlannedChore } from './shares';

export interface WeekSlot {
  week: number;
  taskId: string;
  personId: string;
  hours: number;
}

export interface ChoreRepeats {
  repeats: number;
  forced: number;
}

export function layOutWeeks(chores: PlannedChore[], counts: SlotCounts, weeks: number): { slots: WeekSlot[]; repeats: Map<string, ChoreRepeats> } {
  const left = new Map([...counts].map(([id, row]) => [id, new Map(row)]));
  const lastWeek = new Map<string, Set<string>>(chores.map((c) => [c.taskId, new Set<string>()]));
  const repeats = new Map<string, ChoreRepeats>(chores.map((c) => [c.taskId, { repeats: 0, forced: forcedRepeats(c, counts.get(c.taskId), weeks) }]));
  const slots: WeekSlot[] = [];
  for (let week = 1; week <= weeks; week++) {
    const hoursThisWeek = new Map<string, number>();
    for (const c of chores) {
      const row = left.get(c.taskId) as Map<string, number>;
      const prev = lastWeek.get(c.taskId) as Set<string>;
      const now = new Set<string>();
      for (let k = 0; k < c.slotsPerWeek; k++) {
        let best: string | null = null;
        for (const [id, n] of row) {
          if (n > 0 && (best === null || better(id, best))) best = id;
        }
        // Counts sum to slotsPerWeek × weeks (apportion.ts), so someone always has a slot left.
        if (best === null) throw new Error(`chore rotation: ${c.name} ran out of slots in week ${week}`);
        row.set(best, (row.get(best) as number) - 1);
        now.add(best);
        hoursThisWeek.set(best, (hoursThisWeek.get(best) ?? 0) + c.slotHours);
        slots.push({ week, taskId: c.taskId, personId: best, hours: c.slotHours });
      }
      const r = repeats.get(c.taskId) as ChoreRepeats;
      for (const id of now) if (prev.has(id)) r.repeats++;
      lastWeek.set(c.taskId, now);

      /** Whether a beats b by the five keys above. */
      function better(a: string, b: string): boolean {
        const ka = [Number(now.has(a)), Number(prev.has(a)), -(row.get(a) as number), hoursThisWeek.get(a) ?? 0];
        const kb = [Number(now.has(b)), Number(prev.has(b)), -(row.get(b) as number), hoursThisWeek.get(b) ?? 0];
        for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i];
        return byId(a, b) < 0;
      }
    }
  }
  return { slots, repeats };
}

/**
 * A lower bound on the repeats of one chore that holds for any schedule of these counts: a person
 * with n slots and k slots a week is in at least m = ⌈n / k⌉ of the W weeks, and m weeks hold at
 * most W − m + 1 separate runs, so at least 2m − W − 1 consecutive pairs. For a one-slot chore it is
 * exactly the fewest possible (only one person can hold over half the weeks, and rule (3) meets the
 * bound); for a chore cut into several slots a week, keeping a week's slots with different people
 * (rule 1) or an odd number of weeks can force more than it shows.
 */
export function forcedRepeats(c: PlannedChore, row: Map<string, number> | undefined, weeks: number): number {
  let forced = 0;
  for (const n of (row ?? new Map<string, number>()).values()) forced += Math.max(0, 2 * Math.ceil(n / c.slotsPerWeek) - weeks - 1);
  return forced;
}
