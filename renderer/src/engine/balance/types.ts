/** Public types of the rebalancing optimizer (DESIGN.md §1 "Rebalancing", §4 `propose`). */
import type { Highs } from 'highs';
import type { SharedExact } from './sharedExact';

export type { Highs };

export interface ProposeOptions {
  /** τ in points of the project scale; default 5% of its range. */
  tolerance?: number;
  /** Also keep every job's desirability within ±τ of the mean. */
  desirability?: boolean;
  /** Round hours to multiples of this many hours (0 = exact LP result). */
  granularity?: number;
  /** Tolerances (points) for the options curve; default 0.5, 1, 2, 3 and the current spread. */
  optionTolerances?: number[];
  /** Skip the options curve (one solve only). */
  skipOptions?: boolean;
  /** Seconds each kind of solve may take (defaults in solverRun.ts TIME_LIMITS: main 30, option 10, diagnosis 5, rounding 10). */
  timeLimits?: Partial<Record<'main' | 'option' | 'diagnosis' | 'rounding', number>>;
  /**
   * Person id → weekly movable hours each person ends with, when not what they hold now (a chore
   * rotation). Σ must equal the movable hours. The plan is then not rounded to a granularity.
   */
  personHours?: ReadonlyMap<string, number>;
  /** Called between phases so a host can show progress; the solve itself cannot report. */
  onProgress?: (phase: ProposePhase, done: number, total: number) => void;
  /** The exact LP already built by the caller (carryOut), used when it fits these options; the caller disposes it. */
  shared?: SharedExact;
}

export type ProposePhase = 'build' | 'solve' | 'hand-back' | 'round' | 'options' | 'diagnose';

export interface Allocation {
  personId: string;
  taskId: string;
  /** Proposed weekly hours (≥ 0). */
  hours: number;
}

export interface Transfer {
  taskId: string;
  fromId: string;
  toId: string;
  hours: number;
}

export interface Blocker {
  kind: 'qualification' | 'lock' | 'person' | 'task';
  /** The qualification, the person's or the task's name. */
  name: string;
  message: string;
  /** True when no blocker alone is the cause but the blockers marked so are, together. */
  jointly?: boolean;
}

export interface Diagnosis {
  /** Tightest tolerance reachable, in points; null if even that could not be computed. */
  tightestTolerance: number | null;
  blockers: Blocker[];
  message: string;
}

export interface OptionPoint {
  tolerance: number;
  status: 'optimal' | 'infeasible' | 'time-limit';
  movedHours: number | null;
  /** Absolute Gini of empowerment after, in points (independent of where the scale starts). */
  absoluteGini: number | null;
  /** Relative Gini after, measured from the bottom of the scale. */
  gini: number | null;
  hoover: number | null;
  /** Share of hours within ± this option's own tolerance of the mean. */
  withinTolerance: number | null;
}

/**
 * 'invalid-input': hours or ratings that are not finite or beyond any real organization (nothing is
 * solved); 'time-limit': the solver hit its time limit before an answer; 'solver-failed': the solver
 * gave no answer at all. `statusMessage` says which.
 */
export type ProposalStatus = 'optimal' | 'infeasible' | 'balanced' | 'invalid-input' | 'time-limit' | 'solver-failed';

export interface Proposal {
  status: ProposalStatus;
  /** One sentence on a status other than 'optimal' / 'balanced' (null otherwise). */
  statusMessage: string | null;
  /** τ used, points. */
  tolerance: number;
  desirability: boolean;
  /** Σ new hours = ½ Σ |Δ| over person × task. */
  movedHours: number;
  /** The exact LP result (or rounded when granularity > 0). */
  allocation: Allocation[];
  transfers: Transfer[];
  /** Band violations caused by rounding, as person names with their E after rounding. */
  roundingViolations: { personId: string; empowerment: number; desirability: number | null }[];
  /** True when the changes were rounded to the granularity (see roundingNote for what was left fractional). */
  rounded: boolean;
  /** What rounding did or why it did not happen; '' when no granularity was asked. */
  roundingNote: string;
  /** Hours moved (Σ new hours) on tasks whose ratings are suggestions, not the members' own. */
  movedOnSuggested: number;
  diagnosis: Diagnosis | null;
  options: OptionPoint[];
  /** Why the options curve is empty although it was asked for (null when it was traced or not asked). */
  optionsNote?: string | null;
  /** Model size after aggregation, for reports and benchmarks. */
  model: { people: number; groups: number; tasks: number; classes: number; columns: number; rows: number };
  /** Tasks left where they are because they have no rating in a balanced dimension. */
  frozenTaskIds: string[];
}
