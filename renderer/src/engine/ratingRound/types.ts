/**
 * The rating round's contracts (issue 17): forms sent to members, the ratings they return, and
 * what a round finds per task — spread, contested flag, agreement across raters, who rates how.
 * Shared by the form writer, the collector, the CLI (`fairshare ratings form|collect`) and the app.
 */
import type { Scale } from '../model/types';

/** The version of the form layout below; written into every form, checked on the way back. */
export const FORM_LAYOUT_VERSION = 1;

/**
 * The layout of a rating form workbook (.xlsx), one per member:
 * - sheet FORM_SHEET ("Rate tasks"): an instruction block at the top (what empowerment and
 *   desirability mean, which end is good, blanks allowed), then the header row FORM_HEADER_ROW
 *   with the columns FORM_COLUMNS (factor columns, when asked, between Desirability and Comment,
 *   headed with the factor's name and the scale, e.g. "Decision authority (1-20)"), then one row
 *   per task, the member's own tasks first. Rating cells carry data validation: whole numbers
 *   from scale.min to scale.max (a dropdown when the scale has at most 20 points).
 * - sheet FORM_ID_SHEET ("_form", hidden): two columns key | value, rows: layout (version),
 *   formId, project, rater (name, or empty when anonymous), raterNumber, scaleMin, scaleMax,
 *   factors (names joined by "; "), created (ISO date); then a row "tasks" followed by one row per
 *   task: task id | task name, in the order of the form. Matching a returned form uses formId and
 *   this list, so a re-saved or re-sorted form still reads.
 */
export const FORM_SHEET = 'Rate tasks';
export const FORM_ID_SHEET = '_form';
/** 1-based row of the header on FORM_SHEET (rows above it are the instructions). */
export const FORM_HEADER_ROW = 10;
export const FORM_COLUMNS = ['Task', 'You do it (hours a week)', 'Empowerment', 'Desirability', 'Comment'] as const;

/** One form to write: who it is for and what it lists. */
export interface RatingFormSpec {
  /** Stable and unique within the round, e.g. "R7K2-03" (the round's code and the rater number). */
  formId: string;
  project: string;
  /** The member's name; null for an anonymous (numbered) form. */
  rater: string | null;
  /** 1-based number of the form in the round. */
  raterNumber: number;
  scale: Scale;
  /** Factor names to rate beside E and D (DESIGN.md §1); empty for E and D only. */
  factors: string[];
  /** Tasks in form order: the rater's own first (with their weekly hours), then the rest by name. */
  tasks: { id: string; name: string; ownHours: number | null }[];
  /** ISO date written into the form. */
  created: string;
}

export type RatedDimension = 'empowerment' | 'desirability';

/** One rating read back from a returned form, in points of the project scale (a form made on another scale is converted linearly, with a warning). */
export interface ReturnedRating {
  formId: string;
  rater: string | null;
  taskId: string;
  /** 'empowerment', 'desirability', or a factor's name. */
  dimension: string;
  value: number;
}

/** A problem in a returned form, located as every import issue is (file, sheet, row, column). */
export interface FormIssue {
  severity: 'error' | 'warning' | 'info';
  message: string;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
}

/** What one returned form gave. */
export interface ReadForm {
  file: string;
  formId: string | null;
  rater: string | null;
  raterNumber: number | null;
  ratings: ReturnedRating[];
  issues: FormIssue[];
}

/** One task's ratings in one dimension across the raters, points of the project scale. */
export interface TaskSpread {
  taskId: string;
  name: string;
  dimension: RatedDimension;
  raters: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
  /** At least 3 raters and (a third or more in each extreme third of the scale, or IQR above 2τ). */
  contested: boolean;
  /** Every value given, for the strip of dots. */
  values: number[];
}
