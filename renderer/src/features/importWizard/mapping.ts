/**
 * The wizard's column mapping logic, kept pure for tests: the rows of each sheet's mapping table,
 * the ExplicitMapping after one change, and saved mappings (settings.columnMappings) converted
 * both ways (savedMatch.ts matches them against a file).
 */
import type { SavedColumnMapping, SavedSheetMapping } from '../../../../electron/ipc/contract';
import type { ExplicitMapping, FieldName, LayoutReport, SheetMapping, SheetReport, TimesheetMapping } from '../../engine/import/types';
import type { ImportIssue } from '../../engine/model/types';
import { isFieldName, SHEET_ROLES } from './labels';

export interface MappingRow {
  column: string;
  header: string;
  field: FieldName;
  /** 0–1; 1 for a column the user assigned. */
  confidence: number;
  /** Where the row comes from: the importer's report, the user's mapping (e.g. a skipped column), or an unrecognized column. */
  origin: 'detected' | 'mapping' | 'unrecognized';
}

/** Column letter → 0-based index ("A" → 0, "AA" → 26); -1 for anything else. */
export function columnIndex(letter: string): number {
  if (!/^[A-Z]{1,3}$/.test(letter)) return -1;
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const UNRECOGNIZED = /^Column "(.*)" was not recognized and is not used$/;

/** The header text of a column the importer noted as not recognized ("" for none); null for any other issue. */
export function unrecognizedHeader(issue: ImportIssue): string | null {
  const m = issue.column ? UNRECOGNIZED.exec(issue.message) : null;
  return m ? (m[1] === '(no header)' ? '' : m[1]) : null;
}

/**
 * The rows of one sheet's mapping table: the columns the importer read, columns the user skipped
 * (the report leaves those out), and columns the importer noted as not recognized.
 * `seen` remembers columns seen earlier in this wizard, for the headers of columns since skipped.
 */
export function mappingRows(report: SheetReport, mapping: SheetMapping | undefined, issues: readonly ImportIssue[], seen: ReadonlyMap<string, SeenColumn> = new Map()): MappingRow[] {
  const rows = new Map<string, MappingRow>();
  for (const c of report.columns) rows.set(c.column, { column: c.column, header: c.header, field: c.field, confidence: c.confidence, origin: 'detected' });
  for (const [column, field] of Object.entries(mapping?.columns ?? {})) {
    if (rows.has(column)) continue;
    rows.set(column, { column, header: seen.get(headerKey(report.sheet, report.headerRow, column))?.header ?? '', field, confidence: 1, origin: 'mapping' });
  }
  for (const issue of issues) {
    if (issue.sheet !== report.sheet || !issue.column || rows.has(issue.column)) continue;
    const header = unrecognizedHeader(issue);
    if (header === null) continue;
    rows.set(issue.column, { column: issue.column, header, field: 'skip', confidence: 0, origin: 'unrecognized' });
  }
  return [...rows.values()].sort((a, b) => columnIndex(a.column) - columnIndex(b.column));
}

/** A column as the importer first reported it in this wizard. */
export interface SeenColumn {
  header: string;
  field: FieldName;
  confidence: number;
}

/**
 * Records what `layout` and `issues` say about columns not seen before (first sighting wins).
 * A column first seen because the user assigned it in this wizard (in `mapping`, not in the
 * wizard's `initial` mapping) is recorded as not detected, so it shows as the user's choice.
 */
export function rememberColumns(seen: Map<string, SeenColumn>, layout: LayoutReport, issues: readonly ImportIssue[], mapping?: ExplicitMapping, initial?: ExplicitMapping): void {
  for (const report of layout.sheets) {
    for (const c of report.columns) {
      const key = headerKey(report.sheet, report.headerRow, c.column);
      if (seen.has(key)) continue;
      const byUser = mapping?.sheets[report.sheet]?.columns?.[c.column] !== undefined && initial?.sheets[report.sheet]?.columns?.[c.column] === undefined;
      seen.set(key, byUser ? { header: c.header, field: 'skip', confidence: 0 } : { header: c.header, field: c.field, confidence: c.confidence });
    }
  }
  for (const issue of issues) {
    const header = issue.sheet ? unrecognizedHeader(issue) : null;
    const key = header !== null ? headerKey(issue.sheet!, issue.row, issue.column!) : '';
    if (header !== null && !seen.has(key)) seen.set(key, { header, field: 'skip', confidence: 0 });
  }
}

/** Key of a column under one header row of one sheet. */
export function headerKey(sheet: string, headerRow: number | null, column: string): string {
  return `${sheet}\u0000${headerRow ?? ''}\u0000${column}`;
}

// Each change keeps the mapping's other parts (e.g. its timesheet choices): only the one sheet changes.

/** The mapping with one column of one sheet set to `field`; every other column keeps the field it has now. */
export function withColumn(mapping: ExplicitMapping, report: SheetReport, column: string, field: FieldName): ExplicitMapping {
  const prev = mapping.sheets[report.sheet] ?? {};
  const columns: Record<string, FieldName> = {
    ...Object.fromEntries(report.columns.map((c) => [c.column, c.field])),
    ...prev.columns,
    [column]: field,
  };
  return { ...mapping, sheets: { ...mapping.sheets, [report.sheet]: { ...prev, columns } } };
}

export function withUnit(mapping: ExplicitMapping, sheet: string, unit: 'hours' | 'percent'): ExplicitMapping {
  return { ...mapping, sheets: { ...mapping.sheets, [sheet]: { ...mapping.sheets[sheet], unit } } };
}

export function withHeaderRow(mapping: ExplicitMapping, sheet: string, headerRow: number): ExplicitMapping {
  // A new header row means new headers: the column choices made under the old one no longer apply.
  const { columns: _columns, ...rest } = mapping.sheets[sheet] ?? {};
  return { ...mapping, sheets: { ...mapping.sheets, [sheet]: { ...rest, headerRow } } };
}

/** Settings refuse header texts over 500 characters; such a column is saved by its letter alone. */
const keepHeader = (header: string): boolean => header.trim() !== '' && header.length <= 500;

/**
 * The mapping to save: every used sheet with its header row, every column's field as the user
 * sees it now, and each of those columns' header text (from the report, else from `seen`).
 */
export function toSaved(layout: LayoutReport, mapping: ExplicitMapping, seen: ReadonlyMap<string, SeenColumn> = new Map()): SavedColumnMapping {
  const sheets: SavedColumnMapping['sheets'] = {};
  for (const report of layout.sheets) {
    const own = mapping.sheets[report.sheet];
    if (report.role === 'ignored' && !own) continue;
    const columns: Record<string, string> = {};
    const headers: Record<string, string> = {};
    for (const c of report.columns) {
      if (columnIndex(c.column) < 0) continue;
      columns[c.column] = c.field;
      if (keepHeader(c.header)) headers[c.column] = c.header;
    }
    for (const [column, field] of Object.entries(own?.columns ?? {})) {
      if (columnIndex(column) < 0 || column in columns) continue;
      columns[column] = field;
      const header = seen.get(headerKey(report.sheet, report.headerRow, column))?.header ?? '';
      if (keepHeader(header)) headers[column] = header;
    }
    const entry: SavedSheetMapping = {};
    if (own?.role) entry.role = own.role;
    const headerRow = own?.headerRow ?? report.headerRow;
    if (headerRow !== null && headerRow !== undefined) entry.headerRow = headerRow;
    if (Object.keys(columns).length) entry.columns = columns;
    if (Object.keys(headers).length) entry.headers = headers;
    if (own?.unit) entry.unit = own.unit;
    sheets[report.sheet] = entry;
  }
  const timesheet = mapping.timesheet ?? {};
  // Time-tracking choices are saved only when made: a saved mapping without them leaves the file's own.
  const choices = { ...(timesheet.includeNonWork !== undefined ? { includeNonWork: timesheet.includeNonWork } : {}), ...(timesheet.dateOrder ? { dateOrder: timesheet.dateOrder } : {}) };
  return Object.keys(choices).length ? { sheets, timesheet: choices } : { sheets };
}

/** One saved sheet as the importer takes it, by column letter; unknown fields and roles (from an older version) are dropped. */
export function sheetFromSaved(s: SavedSheetMapping): SheetMapping {
  const entry: SheetMapping = {};
  if (s.role && (SHEET_ROLES as string[]).includes(s.role)) entry.role = s.role as SheetMapping['role'];
  if (s.headerRow) entry.headerRow = s.headerRow;
  if (s.unit) entry.unit = s.unit;
  const columns = Object.entries(s.columns ?? {}).filter((e): e is [string, FieldName] => isFieldName(e[1]));
  if (columns.length) entry.columns = Object.fromEntries(columns);
  return entry;
}

/** A saved mapping by sheet name and column letter, ignoring header texts. */
export function fromSaved(saved: SavedColumnMapping): ExplicitMapping {
  return { sheets: Object.fromEntries(Object.entries(saved.sheets).map(([name, s]) => [name, sheetFromSaved(s)])) };
}

/** The mapping with some of its timesheet choices (time off counted, date order) changed; they are saved with it. */
export function withTimesheet(mapping: ExplicitMapping, choice: TimesheetMapping): ExplicitMapping {
  return { ...mapping, timesheet: { ...mapping.timesheet, ...choice } };
}
