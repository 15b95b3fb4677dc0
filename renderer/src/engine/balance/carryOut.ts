/**
 * The proposal people can carry out (issue 14): the exact LP plan (the yardstick, with its options
 * curve and diagnosis) and, when a granularity is asked, the plan in whole blocks — new tasks of at
 * least a minimum block, at most K new tasks per person, every job checked against the band —
 * reported against the exact minimum as `bound` and `gap`. With chores rotating (`personHours`)
 * the block plan ends everyone at their rotation's movable hours; the part of a share that is not
 * whole blocks sits in the cells `blocks.remainders` lists.
 */
import type { Organization } from '../model/types';
import { planInBlocks, type BlockPlan } from './blocks';
import { currentHours, movedOnSuggested, propose } from './propose';
import { hoursMap } from '../model/hours';
import type { Highs, Proposal, ProposeOptions } from './types';
import { defaultTolerance } from '../analysis/metrics';
import { SharedExact } from './sharedExact';
import { TIME_LIMITS } from './solverRun';
import { invalidInput } from './validate';

export interface CarryOutOptions extends ProposeOptions {
  /** Hours a week; a task new to a person is taken at this or more. */
  minBlock?: number;
  /** Most tasks new to a person. */
  maxNewTasks?: number;
}

export interface CarryOut {
  /** The proposal as reported: the block plan's hours when one was made, else the exact plan's. */
  proposal: Proposal;
  /** The exact LP minimum of hours moved (the yardstick); null when there was no exact plan. */
  bound: number | null;
  /** The block plan, when a granularity was asked and the exact plan exists; null otherwise. */
  blocks: BlockPlan | null;
  /** Why no block plan was made although a granularity was asked ('' when one was, or none was asked). */
  exactBecause: string;
}

export function carryOut(org: Organization, highs: Highs, options: CarryOutOptions = {}): CarryOut {
  const granularity = options.granularity ?? 0;
  // One exact LP for the plan, its bound and the block plan's margins (the caller's when it gave one).
  const tolerance = options.tolerance ?? defaultTolerance(org.scale);
  const range = org.scale.max - org.scale.min;
  const own = !options.shared && range > 0 && invalidInput(org, tolerance, granularity) === null
    ? new SharedExact(org, highs, options.desirability ?? false, options.personHours, tolerance / range, { ...TIME_LIMITS, ...options.timeLimits }.main)
    : null;
  try {
    return plan(org, highs, { ...options, shared: options.shared ?? own ?? undefined }, granularity);
  } finally {
    own?.dispose();
  }
}

function plan(org: Organization, highs: Highs, options: CarryOutOptions, granularity: number): CarryOut {
  // The exact plan is solved unrounded: it is the bound, and its options curve and diagnosis are exact.
  const exact = propose(org, highs, { ...options, granularity: 0 });
  const bound = exact.status === 'optimal' || exact.status === 'balanced' ? exact.movedHours : null;
  if (granularity <= 0) return { proposal: exact, bound, blocks: null, exactBecause: '' };
  if (exact.status !== 'optimal') {
    const why = exact.status === 'balanced' ? 'every job is already within the band, so nothing moves' : 'there is no exact plan to put in blocks';
    return { proposal: { ...exact, roundingNote: `Not in blocks: ${why}.` }, bound, blocks: null, exactBecause: why };
  }
  const blocks = planInBlocks(org, highs, {
    tolerance: exact.tolerance, dimensions: options.desirability ? 'both' : 'empowerment', granularity,
    minBlock: options.minBlock, maxNewTasks: options.maxNewTasks, personHours: options.personHours, shared: options.shared,
  });
  if (!blocks.allocation.length || !['complete', 'out-of-band', 'best-found'].includes(blocks.status)) {
    const why = blocks.message ?? `the block plan ended ${blocks.status}`;
    return { proposal: { ...exact, roundingNote: `Not in blocks: ${why}; the hours are the exact plan.` }, bound, blocks, exactBecause: why };
  }
  // Scores in points, as the report's rounding violations are; a dimension still in band reads as absent.
  const violations = [...new Set(blocks.outOfBand.map((o) => o.personId))].map((personId) => {
    const of = (d: 'empowerment' | 'desirability') => blocks.outOfBand.find((o) => o.personId === personId && o.dimension === d);
    return { personId, empowerment: of('empowerment')?.score ?? NaN, desirability: of('desirability')?.score ?? null };
  });
  const proposal: Proposal = {
    ...exact,
    movedHours: blocks.movedHours,
    movedOnSuggested: movedOnSuggested(org, currentHours(org), hoursMap(blocks.allocation)),
    allocation: blocks.allocation,
    transfers: blocks.transfers,
    roundingViolations: violations,
    rounded: true,
    roundingNote: `Every change is a whole number of ${granularity} h blocks${remainderNote(blocks)}; a task new to someone is at least ${blocks.minBlock} h; at most ${blocks.maxNewTasks} new tasks per person.`,
  };
  return { proposal, bound, blocks, exactBecause: '' };
}

/** Where a chore rotation's shares are not whole blocks: how many cells carry the rest, and how much. */
function remainderNote(b: BlockPlan): string {
  const odd = b.remainders.filter((r) => r.nonBlock !== 0);
  if (!b.remainders.length) return '';
  const shares = new Set(b.remainders.filter((r) => r.why === 'share').map((r) => r.personId)).size;
  const most = Math.max(0, ...odd.map((r) => Math.abs(r.nonBlock)));
  return ` except ${b.remainders.length} ${b.remainders.length === 1 ? 'cell' : 'cells'} carrying the part of ${shares} ${shares === 1 ? 'person’s' : 'people’s'} chore-rotation share that is not whole blocks (${odd.length} not a multiple of ${b.granularity} h, at most ${Math.round(most * 100) / 100} h off)`;
}
