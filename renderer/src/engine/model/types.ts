/** The domain model shared by the importer, the scoring and every host (app, worker, CLI, tests). */

/** How bad an import problem is: errors lose or distrust data, warnings need a look, info is a note. */
export type Severity = 'error' | 'warning' | 'info';

/** A located problem found while importing; row is 1-based as a spreadsheet shows it, column a letter ("E"). */
export interface ImportIssue {
  severity: Severity;
  message: string;
  file: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  /** Names of people the message quotes, so a pseudonymized report can hide every one of them. */
  people?: string[];
}

/** A closed rating scale in points, e.g. {min: 1, max: 20}. */
export interface Scale {
  min: number;
  max: number;
}

/**
 * Where a task's rating came from, by precedence council > members > file > suggested: 'council' is a
 * value the group set for a contested task with a note (issue 17), 'members' the members' own rating.
 */
export type RatingSource = 'council' | 'members' | 'file' | 'suggested' | 'unrated';

export interface Person {
  /** Stable key: the roster ID when the file has one, else the normalized name. */
  id: string;
  name: string;
  role: string | null;
  department: string | null;
  /** Full-time equivalent from the roster (1 = hoursPerFte hours a week), when given. */
  fte: number | null;
  /** Contracted weekly hours from the roster, when given. */
  contractHours: number | null;
  /** Annual pay in the file's currency, when given. */
  annualPay: number | null;
  /** Hourly pay in the file's currency, when given directly. */
  hourlyRate: number | null;
  qualifications: string[];
  /** The organization this person came from in a merger (issue 16); absent outside one. */
  organization?: string;
}

export interface Task {
  /** Normalized task name (one task name is one task across departments). */
  id: string;
  name: string;
  /** Empowerment normalized to 0–1 on the task's scale, or null when unrated. */
  empowerment: number | null;
  /** Desirability normalized to 0–1, or null when unrated. */
  desirability: number | null;
  /**
   * Optional empowerment factor ratings (DESIGN.md §1: decision authority, skill development…),
   * each normalized 0–1, keyed by factor name as the file's header or the app writes it.
   */
  empowermentFactors: Record<string, number>;
  /** Optional desirability factor ratings (physical strain, repetition…), normalized 0–1, by name. */
  desirabilityFactors: Record<string, number>;
  source: RatingSource;
  /** Why the rating is what it is (file cell, suggestion keyword…); null when nothing to say. */
  reason: string | null;
  /** Qualifications a person must hold to take this task ("Requires" column). */
  requires: string[];
  /** A named chore (for rotation remedies later). */
  chore: boolean;
  /**
   * Carries control over money, hiring or strategy (issue 16 "who controls the money"): set by a
   * person; absent = as the task library recognizes the name (merge/control.ts).
   */
  control?: boolean;
  /**
   * The members' ratings of this task disagree (issue 17: a rating round found them contested);
   * absent when no round judged it. The audit says how many hours rest on contested ratings.
   */
  contested?: boolean;
  /**
   * A named category of work (issue 17 quick category mode: "Managerial", "Content", "Administrative",
   * "Maintenance"…), compared case-insensitively; absent = none. Small groups sort tasks this way
   * instead of (or beside) rating numbers; engine/categories/ balances each person's mix of them.
   */
  category?: string;
}

/** Hours per week that one person spends on one task. */
export interface Assignment {
  personId: string;
  taskId: string;
  /** Hours per week, ≥ 0. */
  hours: number;
  locked: boolean;
}

export interface Organization {
  people: Person[];
  tasks: Task[];
  assignments: Assignment[];
  /** The project rating scale in points; job scores are reported on it. */
  scale: Scale;
  /** Hours in one FTE (default 40). */
  hoursPerFte: number;
}
