/** The trims' common loop: every person's (gain slot, loss slot) pair, pass after pass, until nothing improves. */
import type { BlockState } from './state';

/**
 * Sweeps every person's (gain slot, loss slot) pair until `tryMove` improves nothing in a pass or
 * `deadline` (ms since epoch) passes; returns whether the deadline stopped it. `losers` maps a task
 * index to the people who lost hours of it (k < 0), rebuilt each pass. Shared by the two-person
 * swaps (trim.ts) and the three-person cycles (cycles.ts).
 */
export function sweepGainLoss(state: BlockState, deadline: number, tryMove: (losers: Map<number, number[]>, i: number, gain: number, loss: number) => boolean): boolean {
  const people = state.people;
  let improved = true;
  while (improved) {
    improved = false;
    const losers = new Map<number, number[]>();
    people.forEach((p, pi) => p.task.forEach((ti, s) => p.k[s] < 0 && losers.set(ti, [...(losers.get(ti) ?? []), pi])));
    for (let i = 0; i < people.length; i++) {
      if (Date.now() > deadline) return true;
      const pi = people[i];
      for (let sa = 0; sa < pi.task.length; sa++) {
        for (let sb = 0; sb < pi.task.length && pi.k[sa] > 0; sb++) {
          if (pi.k[sb] >= 0) continue;
          if (tryMove(losers, i, sa, sb)) improved = true;
        }
      }
    }
  }
  return false;
}
