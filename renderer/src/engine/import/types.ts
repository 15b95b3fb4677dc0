/** Types of the importer's public surface: options, explicit mappings, the layout report and the result. */
import type { ImportIssue, Organization } from '../model/types';

/** What a column holds. `personColumn`/`taskColumn` mark the cells of a matrix. */
export type FieldName =
  | 'person'
  | 'personId'
  | 'role'
  | 'department'
  | 'fte'
  | 'contractHours'
  | 'annualPay'
  | 'hourlyRate'
  | 'qualifications'
  | 'task'
  | 'hours'
  | 'percent'
  | 'taskFte'
  | 'empowerment'
  | 'desirability'
  | 'factorE'
  | 'factorD'
  | 'headcount'
  | 'requires'
  | 'locked'
  | 'chore'
  | 'category'
  | 'notes'
  | 'date'
  | 'firstName'
  | 'lastName'
  | 'project'
  | 'description'
  | 'personColumn'
  | 'taskColumn'
  | 'skip';

/** What a sheet is, once its columns are known. */
export type SheetRole = 'long' | 'matrix' | 'roster' | 'ratings' | 'role-headcount' | 'timesheet' | 'ignored';

/** The layout of a whole workbook. */
export type LayoutKind =
  | 'long'
  | 'matrix-tasks-by-people'
  | 'matrix-people-by-tasks'
  | 'roster+tasks'
  | 'role-headcount'
  | 'timesheet'
  | 'none';

export interface ColumnReport {
  /** Spreadsheet column letter, e.g. "C". */
  column: string;
  header: string;
  field: FieldName;
  /** 0–1: 1 for an exact synonym, lower for guesses (e.g. a matrix column taken as a person). */
  confidence: number;
}

export interface SheetReport {
  sheet: string;
  role: SheetRole;
  /** 1-based header row, or null when no header was found. */
  headerRow: number | null;
  columns: ColumnReport[];
  /** 0–1 confidence in the sheet's role and header. */
  confidence: number;
  /** For matrices and percent columns: whether cells were read as hours or % of time. */
  unit: 'hours' | 'percent' | 'fte' | null;
  /** Data rows read (after skipping blank, notes and totals rows). */
  dataRows: number;
}

export interface LayoutReport {
  layout: LayoutKind;
  confidence: number;
  sheets: SheetReport[];
}

/** A user's override of the detected mapping, per sheet name. Unlisted sheets stay auto-detected. */
export interface SheetMapping {
  role?: SheetRole;
  /** 1-based header row. */
  headerRow?: number;
  /** Column letter → field; columns left out keep their detected field. */
  columns?: Record<string, FieldName>;
  /** Matrix cells unit override. */
  unit?: 'hours' | 'percent';
}

export interface ExplicitMapping {
  sheets: Record<string, SheetMapping>;
  /** How time-tracking entries are read; kept with the mapping so next month's export reads the same way. */
  timesheet?: TimesheetMapping;
}

/** Choices about dated time entries that hold from one export to the next (the period does not). */
export interface TimesheetMapping {
  /** Count "Time off", "Holiday", "Sick", "Vacation"… entries as work hours. Default false: left out. */
  includeNonWork?: boolean;
  /** How to read slashed dates like 03/04/2026 when the file's own dates do not settle it. Default 'mdy'. */
  dateOrder?: 'mdy' | 'dmy';
}

/** An ISO calendar date, "2026-10-05". */
export type IsoDate = string;

/**
 * The period time entries are averaged over. `start`..`end` are inclusive ISO dates; `weeks` is the
 * last N whole weeks (Monday to Sunday) ending on the Sunday of the last entry's week.
 */
export type TimesheetPeriod = { start: IsoDate; end: IsoDate } | { weeks: number };

/** What the importer found in dated time entries and how it turned them into weekly hours. */
export interface TimesheetReport {
  /** Sheets read as time entries. */
  sheets: string[];
  /** Entries read: dated rows with a person, a task and a duration. */
  entries: number;
  /** Entries inside the period and counted as work. */
  counted: number;
  /** First and last entry dates in the file. */
  firstEntry: IsoDate;
  lastEntry: IsoDate;
  /** The default period: the Monday of the first entry's week to the Sunday of the last entry's week. */
  found: { start: IsoDate; end: IsoDate; weeks: number };
  /** The period used (the found one unless one was chosen); `weeks` = days / 7, may be fractional. */
  period: { start: IsoDate; end: IsoDate; days: number; weeks: number; chosen: boolean };
  /** Entries before or after the period: left out. Hours in hours. */
  outside: { entries: number; hours: number };
  /** Time off, holidays, sick leave…: `included` says whether they were counted as work. */
  nonWork: { entries: number; hours: number; included: boolean; labels: string[] };
  /** How many entries took their task from each column (Task, else Description, else Project). */
  taskFrom: { task: number; description: number; project: number };
  /** How slashed dates were read ('ymd' when none were slashed); `assumed` when no date in the file settles the order. */
  dateOrder: { order: 'ymd' | 'mdy' | 'dmy'; assumed: boolean };
  /** Per person: weeks of the period with work entries, hours counted in the period and their weekly average. */
  people: { name: string; weeksWithEntries: number; periodWeeks: number; hours: number; weeklyHours: number }[];
}

/** Caps that keep hostile files from exhausting memory; every refusal names its limit. */
export interface ImportLimits {
  /** Largest input file in bytes. */
  maxBytes: number;
  /** Largest total declared uncompressed size of a ZIP container, in bytes. */
  maxUncompressedBytes: number;
  /** Most rows read per sheet. */
  maxRows: number;
  /** Most columns read per sheet. */
  maxColumns: number;
}

/** See formats/zipGuard.ts: a host's faster bounded inflate, used to refuse zip bombs. */
export type InflateCheck = (data: Uint8Array, limit: number) => void;

export interface ImportOptions {
  /** A faster bounded inflate from the host (the CLI passes Node's zlib); default: fflate. */
  inflateCheck?: InflateCheck;
  /** Only read this sheet (plus nothing else). */
  sheet?: string;
  /** Hours in one FTE, default 40. */
  hoursPerFte?: number;
  mapping?: ExplicitMapping;
  limits?: Partial<ImportLimits>;
  /** For time-tracking exports: the period to average over (default: the whole weeks the entries span). */
  period?: TimesheetPeriod;
}

export interface ImportResult {
  /** Null when nothing usable was found; `fatal` then says why in one line. */
  organization: Organization | null;
  fatal: string | null;
  issues: ImportIssue[];
  layout: LayoutReport;
  /** File format detected from the bytes, e.g. "xlsx", "xls", "ods", "csv". */
  format: string;
  /** Set when the file held dated time entries (a Harvest, Toggl, Clockify or generic timesheet export). */
  timesheet?: TimesheetReport;
}
