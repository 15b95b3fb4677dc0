/**
 * Checks a finished block plan with the engine's own job scores (analysis/jobScores.ts) and says,
 * for every job left outside the band, by how much and what would bring it in.
 */
import type { Organization } from '../../model/types';
import { scorePeople } from '../../analysis/jobScores';
import { withAllocation } from '../propose';
import type { BlockState } from './state';
import type { NewTasksOfPerson, OutOfBand, RemainderCell } from './types';

type HoursMap = Map<string, Map<string, number>>;

/** Slack of the final check, points: float noise in Σ h·ê / Σ h, far below anything shown. */
export const VERIFY_EPS = 1e-9;

/**
 * Jobs outside ±`tolerance` points of the mean (E, and D when `balanceD`), scored by scorePeople
 * on the organization with `after` as its assignments. `newTasks` and `maxNew` decide the fix
 * offered; `g` (hours) is the block.
 */
export function outOfBand(org: Organization, after: HoursMap, tolerance: number, balanceD: boolean, newTasks: Map<string, number>, maxNew: number, g: number): OutOfBand[] {
  const range = org.scale.max - org.scale.min;
  const pts = (x: number) => org.scale.min + x * range;
  const scores = scorePeople(withAllocation(org, after));
  let mE = 0, hE = 0, mD = 0, hD = 0;
  for (const s of scores) {
    mE += s.empowermentMass;
    hE += s.ratedHoursE;
    mD += s.desirabilityMass;
    hD += s.ratedHoursD;
  }
  // The largest shift one block can make to a job of R rated hours is g·(spread of ratings)/R.
  const spreadOf = (key: 'empowerment' | 'desirability') => {
    const xs = org.tasks.map((t) => t[key]).filter((x): x is number => x !== null);
    return xs.length ? Math.max(...xs) - Math.min(...xs) : 0;
  };
  const names = new Map(org.people.map((p) => [p.id, p.name]));
  const out: OutOfBand[] = [];
  for (const s of scores) {
    const dims: ['empowerment' | 'desirability', number | null, number, number][] = [['empowerment', s.empowerment, hE > 0 ? mE / hE : 0, s.ratedHoursE]];
    if (balanceD) dims.push(['desirability', s.desirability, hD > 0 ? mD / hD : 0, s.ratedHoursD]);
    for (const [dimension, x, mean, rated] of dims) {
      if (x === null) continue;
      const dist = Math.abs(pts(x) - pts(mean));
      if (dist <= tolerance + VERIFY_EPS) continue;
      const excess = dist - tolerance;
      const block = (g * spreadOf(dimension) * range) / rated;
      const n = newTasks.get(s.person.id) ?? 0;
      const fix: OutOfBand['fix'] = n >= maxNew ? 'more-new-tasks' : excess < block ? 'finer-block' : 'wider-band';
      const who = names.get(s.person.id) ?? s.person.id;
      const dim = dimension === 'empowerment' ? 'E' : 'D';
      const how =
        fix === 'more-new-tasks'
          ? `already takes ${n} new tasks, the most allowed; one more new task would let the plan bring it in`
          : fix === 'finer-block'
            ? `less than one ${g} h block can shift; a finer block would bring it in`
            : `a tolerance of ${round(dist)} points would include it as planned`;
      out.push({ personId: s.person.id, dimension, score: pts(x), mean: pts(mean), excess, fix, neededTolerance: dist, message: `${who}'s ${dim} is ${round(pts(x))}, ${round(excess)} points beyond the band around ${round(pts(mean))}: ${how}.` });
    }
  }
  return out;
}

const round = (x: number) => Math.round(x * 100) / 100;

/** Per person, how many tasks they hold after that they did not hold before (only people with ≥ 1). */
export function countNewTasks(before: HoursMap, after: HoursMap): NewTasksOfPerson[] {
  const out: NewTasksOfPerson[] = [];
  for (const [p, tasks] of after) {
    let n = 0;
    for (const [t, h] of tasks) if (h > 0 && !((before.get(p)?.get(t) ?? 0) > 0)) n++;
    if (n) out.push({ personId: p, newTasks: n });
  }
  return out;
}

/**
 * The cells of a finished state that carry an offset (blocks/remainder.ts): 'share' in the slot
 * remainder.ts put the person's own remainder in, else 'carried'. Block size: the state's own g.
 */
export function remainderCells(state: BlockState): RemainderCell[] {
  const out: RemainderCell[] = [];
  for (const p of state.people) {
    p.off.forEach((off, s) => {
      if (off === 0) return;
      const change = state.change(p, s);
      const nonBlock = change - state.g * Math.round(change / state.g);
      out.push({ personId: p.id, taskId: state.tasks[p.task[s]].id, change, nonBlock: Math.abs(nonBlock) <= 1e-12 ? 0 : nonBlock, why: p.shareSlot === s ? 'share' : 'carried' });
    });
  }
  return out;
}
