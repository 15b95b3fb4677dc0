/**
 * Training needs of a plan (issue 14, "Training"; DESIGN.md §1 "Rebalancing": training hours for
 * people taking on unfamiliar empowering tasks): each task new to a person whose empowerment is well
 * above their job score now, with one-off training hours and who can train them.
 */
import type { Organization } from '../model/types';
import { scorePeople } from '../analysis/jobScores';
import { defaultTolerance } from '../analysis/metrics';
import { doersByTask, hoursMap, hoursOf, type HoursRow } from './hours';

/**
 * How many one-off hours over the quarter a person needs to learn a task:
 *   min(capHours, baseHours + weeksAlongside × weekly hours of the task).
 * Our defaults — no source gives a number, so each part is a stated guess meant to be edited:
 * - baseHours 4: half a day to be shown the task, its tools and where things are, whatever its size;
 * - weeksAlongside 2: the first two weeks of the new hours are done beside a current doer (shadowing,
 *   then doing it under review), so training grows with how much of the task the person takes on;
 * - capHours 24: three working days; more than that over a quarter is a course or a hire, not
 *   on-the-job training, and the plan should say so rather than print a larger number.
 * E.g. 2 h/week of "Hire and supervise staff" → 4 + 2×2 = 8 h; 13.9 h/week → capped at 24 h.
 */
export interface TrainingPolicy {
  /** Hours, ≥ 0. */
  baseHours: number;
  /** Weeks, ≥ 0 (multiplies hours per week into hours). */
  weeksAlongside: number;
  /** Hours, ≥ baseHours. */
  capHours: number;
}

export const DEFAULT_TRAINING_POLICY: Readonly<TrainingPolicy> = { baseHours: 4, weeksAlongside: 2, capHours: 24 };

/** A task is "well above" a person's work when its E exceeds their current E by more than this many τ (issue 14: 2τ). */
export const TRAINING_GAP_IN_TOLERANCES = 2;

/**
 * "More than" allows for float noise, as the band checks do (analysis/metrics EPS): ratings are
 * stored normalized, so a gap of exactly 2τ in points may come back as 2τ + 4e-16.
 */
const EPS = 1e-9;

export interface TrainingOptions {
  /** τ in points of the project scale; default 5% of the range (analysis/metrics defaultTolerance). */
  tolerance?: number;
  /** Points of E above the person's current E beyond which a new task needs training; default 2τ. */
  threshold?: number;
  /** Replaces parts of DEFAULT_TRAINING_POLICY. */
  policy?: Partial<TrainingPolicy>;
  /** Replaces the policy entirely: training hours for weekly hours of the task and the E gap (points). */
  trainingHoursFor?: (weeklyHours: number, gapPoints: number) => number;
}

export interface TrainingNeed {
  personId: string;
  /** The person's name. */
  person: string;
  taskId: string;
  /** The task's name. */
  task: string;
  /** Hours per week of the task the plan gives the person. */
  weeklyHours: number;
  /** One-off training hours over the quarter. */
  trainingHours: number;
  /** On the project scale: the person's job score before the plan, the task's E, and their difference. */
  personEmpowerment: number;
  taskEmpowerment: number;
  gap: number;
  /** People who do the task now with their weekly hours on it, most hours first. */
  trainers: { personId: string; name: string; hours: number }[];
}

/** Training hours for one new task under a policy (see TrainingPolicy). */
export function trainingHoursOf(weeklyHours: number, policy: TrainingPolicy = DEFAULT_TRAINING_POLICY): number {
  return Math.min(policy.capHours, policy.baseHours + policy.weeksAlongside * weeklyHours);
}

/**
 * Every person × task new in `after` (hours > 0 where `before` has none) whose task E is more than
 * the threshold (+1e-9 points) above the person's job score in `before` (scorePeople: hours-weighted mean over
 * rated hours). Skipped: tasks without an E rating, and people with no rated hours before (no
 * current E to compare with). Ordered by the organization's people, then its tasks.
 */
export function trainingNeeds(org: Organization, before: readonly HoursRow[], after: readonly HoursRow[], options: TrainingOptions = {}): TrainingNeed[] {
  const { min, max } = org.scale;
  const range = max - min;
  const tolerance = options.tolerance ?? defaultTolerance(org.scale);
  const threshold = options.threshold ?? TRAINING_GAP_IN_TOLERANCES * tolerance;
  const policy = { ...DEFAULT_TRAINING_POLICY, ...options.policy };
  const hoursFor = options.trainingHoursFor ?? ((weekly: number) => trainingHoursOf(weekly, policy));
  const was = hoursMap(before);
  const now = hoursMap(after);
  const beforeRows = [...was].flatMap(([personId, tasks]) => [...tasks].map(([taskId, hours]) => ({ personId, taskId, hours, locked: false })));
  const scores = new Map(scorePeople({ ...org, assignments: beforeRows }).map((s) => [s.person.id, s.empowerment]));
  const doers = doersByTask(was, org.people.map((p) => p.id));
  const names = new Map(org.people.map((p) => [p.id, p.name]));
  const out: TrainingNeed[] = [];
  for (const person of org.people) {
    const e = scores.get(person.id) ?? null;
    if (e === null) continue;
    const personE = min + e * range;
    for (const task of org.tasks) {
      if (task.empowerment === null) continue;
      const weeklyHours = hoursOf(now, person.id, task.id);
      if (weeklyHours <= 0 || hoursOf(was, person.id, task.id) > 0) continue;
      const taskE = min + task.empowerment * range;
      const gap = taskE - personE;
      if (!(gap > threshold + EPS)) continue;
      out.push({
        personId: person.id,
        person: person.name,
        taskId: task.id,
        task: task.name,
        weeklyHours,
        trainingHours: hoursFor(weeklyHours, gap),
        personEmpowerment: personE,
        taskEmpowerment: taskE,
        gap,
        trainers: (doers.get(task.id) ?? []).map(([id, hours]) => ({ personId: id, name: names.get(id) ?? id, hours })),
      });
    }
  }
  return out;
}
