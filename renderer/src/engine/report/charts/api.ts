/**
 * The report's chart functions' inputs (implemented in this folder, exported from ./index.ts): plain
 * data in points of the project scale and weekly hours, so the audit, a proposal, a scenario and a
 * merger all draw through the same functions and every chart in the report shares its axes' rules.
 */
import type { Scale } from '../../model/types';

/** One job as a chart draws it: scores in points of the project scale (null = unrated), weekly hours. */
export interface ChartJob {
  name: string;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
  /** A coordinator-cluster member, or a person the chart should mark. */
  marked?: boolean;
  /** A group to colour by (an organization in a merger); absent = one colour. */
  group?: string;
}

/** The band a balanced organization keeps every job in: mean ± τ (points). */
export interface Band {
  mean: number;
  tolerance: number;
}

export interface JobMapOptions {
  id: string;
  title: string;
  scale: Scale;
  /** Empowerment band (x) and, when balanced too, desirability band (y). */
  empowerment: Band | null;
  desirability: Band | null;
  /** Smaller, unlabelled points for small multiples; axes still drawn over the whole scale. */
  compact?: boolean;
  /** What marked jobs are, for the legend; default "Coordinator cluster". */
  markedLabel?: string;
}

export interface RankedJobsOptions {
  id: string;
  title: string;
  scale: Scale;
  dimension: 'empowerment' | 'desirability';
  band: Band | null;
  /** Jobs after a plan, drawn beside each person's bar (same order as before, by name). */
  after?: ChartJob[];
  /** What marked jobs are, for the legend; default "Coordinator cluster". */
  markedLabel?: string;
}
