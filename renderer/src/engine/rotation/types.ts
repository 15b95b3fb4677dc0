/** Public types and documented defaults of the chore rotation (issue 14, DESIGN.md §1 "Onerous work": rotate named chores). */

/**
 * Largest slot in hours (default 4 h, about half a working day). No source gives this number: it
 * is ours. A chore of more weekly hours than this is cut into equal slots no larger than it, so one
 * person's week is never taken over by a single chore (a 10 h chore becomes 3 slots of 3⅓ h).
 */
export const MAX_SLOT_HOURS = 4;

/** Weeks scheduled when none are given: one quarter (DESIGN.md §1: balancing is over a quarter). */
export const DEFAULT_WEEKS = 13;

/** Longest schedule accepted (ten years of weeks, as the timesheet importer allows); keeps work bounded. */
export const MAX_WEEKS = 520;

/** Float slack when comparing hours and the D band (DESIGN.md: bands hold to 1e-9). */
export const HOURS_EPS = 1e-9;

export interface RotationChore {
  /** Task id (Task.id, the normalized name). */
  taskId: string;
  name: string;
  /** Hours per week the chore takes in total (≥ 0). */
  weeklyHours: number;
  /** Desirability on the project scale (e.g. 1–20), null when unrated; used for the quarterly D only (rated hours only, as job scores). */
  desirability: number | null;
  /**
   * Ids of the people who may take it (qualifications, locks). Omitted = everyone. Unknown ids are
   * ignored with a note; an empty list leaves the chore out of the rotation (noted, listed in `unassigned`).
   */
  eligible?: string[];
}

export interface RotationPerson {
  id: string;
  name: string;
  /** Weekly hours H_p (≥ 0); chore shares are proportional to them. 0 h = no share. */
  weeklyHours: number;
  /**
   * The job without chores, for the quarterly D: weekly rated hours and their Σ d·hours (d on the
   * project scale) of the person's non-chore tasks. Omitted = no non-chore work (the D is then the chores' alone).
   */
  nonChore?: { hours: number; dHours: number };
}

export interface RotationInput {
  chores: RotationChore[];
  people: RotationPerson[];
  /** Whole weeks to schedule, 1–520; default 13 (a quarter). ≤ 0 or non-integer is an error. */
  weeks?: number;
  /** Largest slot, hours (> 0); default MAX_SLOT_HOURS. */
  maxSlotHours?: number;
  /** The D band: mean D (centre) and τ, both in points of the project scale. Omit for no band check. */
  band?: { centre: number; tolerance: number };
}

export interface RotationSlot {
  /** 1-based week. */
  week: number;
  taskId: string;
  personId: string;
  /** Hours of this slot that week (the chore's weekly hours ÷ its slots per week). */
  hours: number;
}

export interface RotationShare {
  personId: string;
  /** Chore hours over all the weeks. */
  choreHours: number;
  /** Σ over chores eligible to them of chore hours × weeks × H_p ÷ (Σ H of that chore's eligible people). */
  fairShare: number;
  /** choreHours − fairShare; |difference| ≤ the largest slot (the guarantee, see apportion.ts). */
  difference: number;
}

export interface RotationChoreInfo {
  taskId: string;
  name: string;
  weeklyHours: number;
  slotsPerWeek: number;
  /** Hours of each slot = weeklyHours ÷ slotsPerWeek (≤ maxSlotHours). */
  slotHours: number;
  /** Repeats (same person, consecutive weeks) on this chore, and a lower bound on how many are forced (weeks.ts). */
  repeats: number;
  forcedRepeats: number;
}

export interface Rotation {
  weeks: number;
  /** Ordered by week, then chore id, then slot. */
  slots: RotationSlot[];
  /** One row per person (sorted by id). */
  perPerson: RotationShare[];
  /** Σ over chores and consecutive week pairs of the people doing the chore in both weeks. */
  repeats: number;
  /**
   * Repeats no schedule of these fair counts can avoid (one eligible person, or someone's share of a
   * chore over half the weeks); a lower bound, exact for chores of one slot a week (weeks.ts).
   */
  forcedRepeats: number;
  /** True when some repeat is provably unavoidable (forcedRepeats > 0). */
  unavoidableRepeats: boolean;
  /** Quarterly-average D of each job with its chore hours, project scale; null for a job of no hours. */
  quarterlyD: { personId: string; d: number | null }[];
  /** People whose quarterly D is outside centre ± τ (empty when no band was given). */
  outOfBand: string[];
  /** The largest slot of any rotated chore, hours (0 with no chores): the fairness bound. */
  largestSlot: number;
  /** Chores left out: no weekly hours, or nobody eligible. */
  unassigned: string[];
  chores: RotationChoreInfo[];
  people: { personId: string; name: string }[];
  notes: string[];
}
