/**
 * The importer's entry point: spreadsheet bytes → Organization + located issues + the layout
 * and column mapping it chose. Pure: the same code runs in the app's worker, the CLI and tests.
 */
import { DEFAULT_LIMITS, readWorkbook, WorkbookRefusal, type RawWorkbook } from '../formats/readWorkbook';
import { isBlankRow } from './cells';
import { buildOrganization } from './build';
import { extractRecords } from './extract';
import { recognizeSheet, type RecognizedSheet } from './recognize';
import { clearNameKeys, IssueLog } from './records';
import type { ImportOptions, ImportResult, LayoutKind, LayoutReport, SheetReport } from './types';

export type * from './types';

export const DEFAULT_HOURS_PER_FTE = 40;

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName;
}

function layoutKind(sheets: RecognizedSheet[]): LayoutKind {
  const roles = new Set(sheets.map((s) => s.role));
  if (roles.has('timesheet')) return 'timesheet';
  const matrix = sheets.find((s) => s.role === 'matrix');
  if (roles.has('roster') && (roles.has('long') || matrix)) return 'roster+tasks';
  if (roles.has('long')) return 'long';
  if (matrix) return matrix.columns.some((c) => c.field === 'personColumn') ? 'matrix-tasks-by-people' : 'matrix-people-by-tasks';
  if (roles.has('role-headcount')) return 'role-headcount';
  return 'none';
}

function report(sheets: RecognizedSheet[]): LayoutReport {
  const used = sheets.filter((s) => s.role !== 'ignored');
  const strip = ({ fieldAt: _f, headerAt: _h, unused: _u, ...rest }: RecognizedSheet): SheetReport => rest;
  return {
    layout: layoutKind(sheets),
    confidence: used.length ? used.reduce((a, s) => a + s.confidence, 0) / used.length : 0,
    sheets: sheets.map(strip),
  };
}

function refuse(format: string, fatal: string, issues: ImportResult['issues'], layout?: LayoutReport): ImportResult {
  return { organization: null, fatal, issues, layout: layout ?? { layout: 'none', confidence: 0, sheets: [] }, format };
}

/** Imports one spreadsheet file. Never throws for bad input: unusable files come back with `fatal` set. */
export function importOrganization(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): ImportResult {
  const file = baseName(fileName);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  let book: RawWorkbook;
  try {
    book = readWorkbook(bytes, file, limits, options.sheet, options.inflateCheck);
  } catch (err) {
    if (err instanceof WorkbookRefusal) return refuse('unknown', err.message, []);
    throw err;
  }
  return importWorkbook(book, fileName, options);
}

/**
 * Imports a workbook already read into rows (the worker reads large sheets in parallel parts);
 * `options.sheet`, `limits` and `inflateCheck` were for reading and are not used here.
 */
export function importWorkbook(book: RawWorkbook, fileName: string, options: ImportOptions = {}): ImportResult {
  const file = baseName(fileName);
  const hoursPerFte = options.hoursPerFte ?? DEFAULT_HOURS_PER_FTE;
  const log = new IssueLog(file);
  clearNameKeys();
  const recognized = book.sheets.map((sheet) => ({ sheet, rec: recognizeSheet(sheet, book.decimalComma, options.mapping?.sheets[sheet.name]) }));
  for (const { sheet, rec } of recognized) {
    if (rec.role === 'ignored' && sheet.rows.some((r) => !isBlankRow(r))) {
      log.add('info', `Sheet "${sheet.name}" has no recognizable header (a row naming people, tasks or roles); not used`, { sheet: sheet.name });
    }
  }
  const extracted = extractRecords(recognized, log, book.decimalComma, { mapping: options.mapping?.timesheet, period: options.period });
  const timesheet = extracted.timesheet ? { timesheet: extracted.timesheet } : {};
  const layout = report(recognized.map((r) => r.rec));
  const nonEmpty = book.sheets.filter((s) => s.rows.some((r) => !isBlankRow(r))).length;
  if (extracted.work.length === 0) {
    const roster = recognized.find((r) => r.rec.role === 'roster' && r.rec.dataRows > 0);
    const headerOnly = recognized.find((r) => r.rec.role !== 'ignored' && r.rec.dataRows === 0);
    const n = roster?.rec.dataRows ?? 0;
    // A sheet of work (rows, a grid, roles) with rows under its header, none of which gave hours: say
    // so, not "no recognizable header" (the wizard shows that header as read, at up to 100%).
    const unusable = recognized.find((r) => (r.rec.role === 'long' || r.rec.role === 'matrix' || r.rec.role === 'role-headcount' || r.rec.role === 'timesheet') && r.rec.dataRows > 0);
    const errors = unusable ? log.issues.filter((i) => i.severity === 'error' && i.sheet === unusable.sheet.name).length : 0;
    const rows = unusable?.rec.dataRows ?? 0;
    const ts = extracted.timesheet;
    const fatal = ts && ts.entries > 0
      ? `${file}: no work entries fall in the period ${ts.period.start} to ${ts.period.end} (the file's ${ts.entries.toLocaleString('en-US')} time entries run from ${ts.firstEntry} to ${ts.lastEntry}${ts.nonWork.entries > 0 ? `; ${ts.nonWork.entries.toLocaleString('en-US')} in the period are time off, left out` : ''})`
      : unusable
      ? `${file}: sheet "${unusable.sheet.name}" has ${rows} ${rows === 1 ? 'row' : 'rows'} under its header, but no task hours could be read from ${rows === 1 ? 'it' : 'any of them'}${errors ? ` (see its ${errors === 1 ? 'error' : `${errors} errors`})` : '; check that a column is read as hours, % of time or FTE'}`
      : roster
        ? `${file}: found a roster of ${n} ${n === 1 ? 'person' : 'people'} (sheet "${roster.sheet.name}") but no task hours; add a sheet with Task and Hours columns`
        : headerOnly
          ? `${file}: sheet "${headerOnly.sheet.name}" has a header on row ${headerOnly.rec.headerRow} but no data rows below it`
          : nonEmpty === 0
            ? `${file} has no data in any sheet`
            : `${file}: no recognizable header with people and tasks (looked for columns such as "Name", "Task", "Hours per week" in the first 40 rows of ${nonEmpty} sheet${nonEmpty === 1 ? '' : 's'})`;
    return { ...refuse(book.format, fatal, log.issues, layout), ...timesheet };
  }
  const organization = buildOrganization(extracted, log, hoursPerFte);
  return { organization, fatal: null, issues: log.issues, layout, format: book.format, ...timesheet };
}
