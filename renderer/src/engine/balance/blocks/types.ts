/** Public types and defaults of the carry-out-able plan (issue 14 "The plan"): whole blocks, few new tasks, every job in band. */
import type { Allocation, Transfer } from '../types';
import type { SharedExact } from '../sharedExact';

/**
 * Default block: changes in multiples of half an hour a week. Issue 14 gives it ("default 0.5 h a
 * week"): the smallest slice of a weekly schedule people plan in.
 */
export const DEFAULT_GRANULARITY = 0.5;
/** Default minimum block of a task new to a person, hours a week (issue 14: "default 1 h"): less is not worth learning a task for. */
export const DEFAULT_MIN_BLOCK = 1;
/** Default most new tasks per person this quarter (issue 14: "default 3"). */
export const DEFAULT_MAX_NEW_TASKS = 3;
/**
 * Seconds per phase. `lp`: each exact LP solve (the bound and the plan's LP), as long as propose's
 * main solve (solverRun.ts TIME_LIMITS.main: at 2,000 people with both dimensions it needs ~40 s);
 * `round`: the block-rounding solve; `repair`: the whole local repair.
 */
export const BLOCK_TIME_LIMITS = { lp: 120, round: 10, repair: 10 } as const;
/**
 * Plan margins tried, as a share of τ: the plan's LP is solved at τ·(1 − margin) so rounding to
 * blocks has room before it pushes a job out of the band. The first is tried first; a larger one
 * is tried only when repair leaves someone out of band. Measured on Riverside and bench/ (see
 * bench/blocks.mjs): margin 0 with repair moves the fewest hours; wider margins rescue the rest.
 */
export const PLAN_MARGINS = [0, 0.15, 0.35] as const;
/**
 * Up to this many people every margin is tried and the plan moving the fewest hours with every job
 * in band is kept. Repair's outcome jumps with the starting point: on Riverside with two chores
 * rotating, margin 0 ends at 319.8 h and 0.35 at 291.0 h (bound 266.4). Each try is an LP solve,
 * a rounding and a repair: 0.1–0.3 s at 40 people, but at 200 (bench/lib/propose-org.mjs, E and D,
 * load average 4 on 2 cores) the three took 5.7 s and margin 0 was kept anyway; above this size the
 * first margin that brings every job into the band is kept, so large plans keep their time.
 */
export const EVERY_MARGIN_UP_TO = 100;

export type BlockPhase = 'bound' | 'plan-lp' | 'hand-out' | 'round' | 'repair' | 'verify';

export interface BlockOptions {
  /** τ in points of the project scale; default 5% of its range. */
  tolerance?: number;
  /** 'both' (default): every job within ±τ of the mean on E and on D; 'empowerment': E alone. */
  dimensions?: 'both' | 'empowerment';
  /** Hours a week; every change (new − current, per person × task) is a multiple of it. 0 = the exact continuous plan. */
  granularity?: number;
  /**
   * Hours a week; every person × task change is 0 or at least this (rounded up to a multiple of the
   * granularity), except a loss of the person's whole holding of a task; so a task new to a person is
   * taken at this or more.
   */
  minBlock?: number;
  /** Most tasks new to a person; a person the plan cannot keep within it is reported in `overNewTasks`. */
  maxNewTasks?: number;
  /**
   * Person id → weekly movable hours they end with, when chores rotate (engine/rotation/withRotation.ts
   * `personHours`, passed to buildModel): everyone's other work changes by their rotation share. A
   * share that is not whole blocks leaves a remainder in a few cells, listed in `remainders`.
   */
  personHours?: ReadonlyMap<string, number>;
  /** The exact LP already built by the caller (carryOut), used when it fits these options; the caller disposes it. */
  shared?: SharedExact;
  /** Seconds per phase (defaults BLOCK_TIME_LIMITS). */
  timeLimits?: Partial<Record<keyof typeof BLOCK_TIME_LIMITS, number>>;
  /** Called between phases; `done` of `total` phases. */
  onProgress?: (phase: BlockPhase, done: number, total: number) => void;
}

/**
 * 'complete': every solve finished and every job is within the band (the plan is a heuristic: its
 * distance from the exact LP minimum is `gap`); 'out-of-band': finished, but some jobs could not
 * be brought into the band with whole blocks (see `outOfBand`); 'best-found': a time limit was
 * hit and this is the best plan found by then; 'balanced': every job already in band, nothing
 * moves; 'infeasible': the exact LP has no plan at τ (nothing moves); 'invalid-input' /
 * 'solver-failed': nothing was solved (`message` says why).
 */
export type BlockStatus = 'complete' | 'out-of-band' | 'best-found' | 'balanced' | 'infeasible' | 'invalid-input' | 'solver-failed';

export interface OutOfBand {
  personId: string;
  dimension: 'empowerment' | 'desirability';
  /** Job score after, and the mean, in points. */
  score: number;
  mean: number;
  /** How far beyond ±τ, in points (> 0). */
  excess: number;
  /** What would fix it: 'finer-block' (the excess is less than one block can shift), 'more-new-tasks' (at the limit K), 'wider-band' (τ ≥ `neededTolerance`). */
  fix: 'finer-block' | 'more-new-tasks' | 'wider-band';
  /** Tolerance, points, at which this job would be in band as planned. */
  neededTolerance: number;
  message: string;
}

/**
 * A cell whose change is not whole blocks, with chores rotating (blocks/remainder.ts): 'share' holds
 * the part of the person's rotation share that is not whole minimum blocks, in the task where they
 * give or take the most; 'carried' passes a task's shares that do not add up to whole blocks on to
 * another task the same person holds (their total unchanged). Such a cell may change by less than
 * the minimum block (a task new to the person is still taken at ≥ the minimum block).
 */
export interface RemainderCell {
  personId: string;
  taskId: string;
  /** The cell's change, hours a week. */
  change: number;
  /** The part of the change that is not a multiple of the granularity, in (−g/2, g/2]. */
  nonBlock: number;
  why: 'share' | 'carried';
}

export interface NewTasksOfPerson {
  personId: string;
  /** Tasks the person takes on that they did not do before. */
  newTasks: number;
}

export interface BlockPlan {
  status: BlockStatus;
  message: string | null;
  /** τ in points, the dimensions balanced, and the block rules used. */
  tolerance: number;
  dimensions: 'both' | 'empowerment';
  granularity: number;
  minBlock: number;
  maxNewTasks: number;
  /** Person × task weekly hours after; every task's and every person's total equals the input's. */
  allocation: Allocation[];
  /** Per task, givers paired with takers so that pieces are ≥ minBlock wherever a pairing allows (see blocks/transfers.ts). */
  transfers: Transfer[];
  /** Transfers under minBlock hours, each unavoidable given the plan's changes (e.g. a whole holding under minBlock given up); the goal is 0. */
  shortTransfers: number;
  /** Σ new hours = ½ Σ |Δ| over person × task. */
  movedHours: number;
  /** The exact LP minimum of hours moved at τ with the same dimensions (null when it was not solved). */
  bound: number | null;
  /** movedHours / bound − 1 (0 when both are 0; null without a bound). */
  gap: number | null;
  /** Every person who takes on at least one new task. */
  newTasks: NewTasksOfPerson[];
  /** People over K new tasks, with why. */
  overNewTasks: { personId: string; newTasks: number; message: string }[];
  /** Jobs outside the band after the plan; the goal is none. */
  outOfBand: OutOfBand[];
  /** Cells not in whole blocks because a rotation share is not (empty without `personHours`); every other change is whole blocks. */
  remainders: RemainderCell[];
  /** Share of τ the plan's LP was tightened by (see PLAN_MARGINS). */
  margin: number;
  /** Milliseconds per phase. */
  timings: { phase: BlockPhase; ms: number }[];
}
