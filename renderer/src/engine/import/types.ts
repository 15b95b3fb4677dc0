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
  | 'notes'
  | 'personColumn'
  | 'taskColumn'
  | 'skip';

/** What a sheet is, once its columns are known. */
export type SheetRole = 'long' | 'matrix' | 'roster' | 'ratings' | 'role-headcount' | 'ignored';

/** The layout of a whole workbook. */
export type LayoutKind =
  | 'long'
  | 'matrix-tasks-by-people'
  | 'matrix-people-by-tasks'
  | 'roster+tasks'
  | 'role-headcount'
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
}

export interface ImportResult {
  /** Null when nothing usable was found; `fatal` then says why in one line. */
  organization: Organization | null;
  fatal: string | null;
  issues: ImportIssue[];
  layout: LayoutReport;
  /** File format detected from the bytes, e.g. "xlsx", "xls", "ods", "csv". */
  format: string;
}
