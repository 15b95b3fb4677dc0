/** A kept proposal ("scenario", issue 15): the choices it was made with, its plan by person and task id, and its figures when kept. */
import type { MetricsSnapshot } from '../balance/proposalReport';

/** Most scenarios one project keeps (each holds a whole plan; the project file is bounded). */
export const MAX_SCENARIOS = 20;
/** Longest scenario name, in characters. */
export const MAX_SCENARIO_NAME = 120;
/** Most rows one scenario's plan may hold (person × task pairs with hours). */
export const MAX_SCENARIO_ROWS = 1_000_000;
/** Most scenarios compared side by side (scenario zero, the current organization, comes on top). */
export const MAX_COMPARED = 4;

/** One person's weekly hours on one task in a plan. */
export interface ScenarioRow {
  personId: string;
  taskId: string;
  hours: number;
}

/** The proposal's choices (its report's flags). */
export interface ScenarioSettings {
  /** τ in points. */
  tolerance: number;
  /** Desirability was balanced as well as empowerment. */
  desirability: boolean;
  /** Hours a week; 0 = the exact plan. */
  granularity: number;
  minBlock: number;
  maxNewTasks: number;
  qualifyFromCurrent: boolean;
  /** Names of the chores that rotated. */
  chores: string[];
  /** Weeks of the chore rotation, null without one. */
  rotationWeeks: number | null;
}

/** What the plan did when it was kept, as its report said. */
export interface ScenarioSummary {
  movedHours: number;
  /** The exact LP minimum of hours moved; null when none was found. */
  bound: number | null;
  tolerance: number;
  before: MetricsSnapshot;
  after: MetricsSnapshot;
}

export interface Scenario {
  id: string;
  name: string;
  /** ISO 8601 time it was kept. */
  createdAt: string;
  settings: ScenarioSettings;
  /** Every person × task with hours in the plan, exact. */
  allocation: ScenarioRow[];
  summary: ScenarioSummary;
}
