/**
 * What carrying out a proposal takes beyond its hours (issue 14): the training new empowering tasks
 * need, with who can give it, and — when the file has no qualifications, requirements or locks —
 * the tasks that usually need one and how many of their hours the plan hands to people who never
 * did similar work. Names instead of ids, as in the proposal report.
 */
import type { Organization } from '../model/types';
import { qualificationGaps, tasksUsuallyQualified, trainingNeeds, type TrainingOptions } from '../training';
import type { Allocation } from './types';

export interface TrainingRow {
  person: string;
  task: string;
  /** Weekly hours of the task the person takes on. */
  weeklyHours: number;
  /** One-off training hours over the quarter (see training/trainingNeeds.ts for the default and why). */
  trainingHours: number;
  /** The person's job E now and the task's E, points of the project scale. */
  personEmpowerment: number;
  taskEmpowerment: number;
  /** Who does the task now, most hours first. */
  trainers: string[];
}

export interface QualificationNotice {
  /** Tasks that usually need a qualification, and the weekly hours of each the plan moves to people new to such work. */
  tasks: { task: string; why: string; weeklyHours: number; hoursToNewPeople: number; newPeople: string[] }[];
  /** Σ hoursToNewPeople. */
  hoursToNewPeople: number;
  /** True when the plan kept those tasks with the people who do them now (`--qualify-from-current`). */
  qualifiedFromCurrent: boolean;
}

export interface PlanCare {
  training: TrainingRow[];
  /** Σ trainingHours over the quarter. */
  trainingHours: number;
  /** Null when the file has qualifications, requirements or locks of its own. */
  qualifications: QualificationNotice | null;
}

/**
 * `org` is the organization as imported; `allocation` the proposed hours. `qualifiedFromCurrent`
 * says whether the plan was made with qualifyFromCurrent (the notice then reports what it kept).
 */
export function planCare(org: Organization, allocation: readonly Allocation[], options: TrainingOptions & { qualifiedFromCurrent?: boolean } = {}): PlanCare {
  const needs = trainingNeeds(org, org.assignments, allocation, options);
  const training = needs.map((n) => ({
    person: n.person, task: n.task, weeklyHours: n.weeklyHours, trainingHours: n.trainingHours,
    personEmpowerment: n.personEmpowerment, taskEmpowerment: n.taskEmpowerment, trainers: n.trainers.map((t) => t.name),
  }));
  const gaps = qualificationGaps(org, org.assignments, allocation);
  const qualifications = gaps
    ? {
        tasks: gaps.tasks.map((t) => ({ task: t.task, why: t.why, weeklyHours: t.weeklyHours, hoursToNewPeople: t.hoursMovedToNewPeople, newPeople: t.newPeople.map((p) => p.name) })),
        hoursToNewPeople: gaps.totalHours,
        qualifiedFromCurrent: options.qualifiedFromCurrent === true,
      }
    : null;
  return { training, trainingHours: training.reduce((s, t) => s + t.trainingHours, 0), qualifications };
}

/** Whether any task of the file usually needs a qualification (so the notice has something to name). */
export function hasUsuallyQualifiedTasks(org: Organization): boolean {
  return tasksUsuallyQualified(org).length > 0;
}
