/** Intermediate records the sheet readers produce and the builder turns into an Organization. */
import type { ImportIssue, Scale, Severity } from '../model/types';
import type { TimesheetReport } from './types';

/** Where a value came from: sheet name, 1-based row, column letter. */
export interface Loc {
  sheet: string;
  row: number;
  column: string | null;
}

export interface PersonRecord {
  id: string | null;
  name: string | null;
  role: string | null;
  department: string | null;
  fte: number | null;
  contractHours: number | null;
  annualPay: number | null;
  hourlyRate: number | null;
  qualifications: string[];
  /** True for rows of a roster sheet, the authority on who exists. */
  fromRoster: boolean;
  loc: Loc;
  /** Where the role and the department were read, when they were. */
  roleLoc?: Loc;
  departmentLoc?: Loc;
}

export interface WorkRecord {
  personId: string | null;
  personName: string | null;
  task: string;
  /** Hours per week when unit is 'hours'; a fraction of time (0.25 = 25%) when 'percent'; FTE when 'fte'. */
  amount: number;
  unit: 'hours' | 'percent' | 'fte';
  /** FTE written on the same row, used to turn a share of time into hours. */
  rowFte: number | null;
  locked: boolean;
  /** Where the amount is. */
  loc: Loc;
  /** Where the person is named (their cell, or a matrix column's header). */
  personLoc: Loc;
}

export interface RatingValue {
  value: number;
  /** Scale written in the column header, if any. */
  hint: Scale | null;
  loc: Loc;
}

export interface RatingRecord {
  task: string;
  empowerment: RatingValue | null;
  desirability: RatingValue | null;
  factorsE: Record<string, RatingValue>;
  factorsD: Record<string, RatingValue>;
  requires: string[];
  chore: boolean | null;
  /** The task's category of work as written (issue 17), with where; null when the row gives none. */
  category: { value: string; loc: Loc } | null;
}

export interface Extracted {
  people: PersonRecord[];
  work: WorkRecord[];
  ratings: RatingRecord[];
  hasRoster: boolean;
  /** Set when time-tracking entries were read and turned into weekly hours. */
  timesheet?: TimesheetReport | null;
}

/** Collects issues with the file name filled in. */
export class IssueLog {
  readonly issues: ImportIssue[] = [];
  constructor(private readonly file: string) {}

  /** `people`: names of people quoted in the message (see ImportIssue.people). */
  add(severity: Severity, message: string, loc?: { sheet?: string | null; row?: number | null; column?: string | null } | null, people?: string[]): void {
    this.issues.push({
      severity,
      message,
      file: this.file,
      sheet: loc?.sheet ?? null,
      row: loc?.row ?? null,
      column: loc?.column ?? null,
      ...(people && people.length ? { people } : {}),
    });
  }
}

/** Keys of names seen in this import: a long sheet names the same few hundred tasks on thousands of rows. */
const keys = new Map<string, string>();

/** Forgets the names of the previous import, so a worker does not keep them alive between files. */
export function clearNameKeys(): void {
  keys.clear();
}

/** Normalized identity of a name: trimmed, spaces collapsed, compared case-insensitively. */
export function nameKey(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    if (keys.size > 50_000) keys.clear(); // a bound, so one huge import does not pin its names
    key = cleanName(name).toLowerCase();
    keys.set(name, key);
  }
  return key;
}

/** Display form of a name: trimmed, spaces collapsed. */
export function cleanName(name: string): string {
  const t = name.trim();
  return /\s\s|[\u00a0\t\r\n]/.test(t) ? t.replace(/[\s\u00a0]+/g, ' ').trim() : t;
}
