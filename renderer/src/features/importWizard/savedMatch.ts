/**
 * Saved column mappings (settings.columnMappings) against a file, kept pure for tests: finding and
 * applying one by header text, so it still fits when next month's file has its columns in another
 * order, an extra column or a renamed sheet (mapping.ts converts them to and from ExplicitMapping).
 */
import type { SavedColumnMapping, SavedSheetMapping } from '../../../../electron/ipc/contract';
import type { ExplicitMapping, FieldName, LayoutReport, SheetMapping } from '../../engine/import/types';
import type { ImportIssue } from '../../engine/model/types';
import { columnIndex, headerKey, sheetFromSaved, unrecognizedHeader, type SeenColumn } from './mapping';

/** The header texts of one sheet of the file being imported, under the header row it is read with now. */
export interface FileSheet {
  sheet: string;
  headerRow: number | null;
  /** Column letter → header text (columns with a blank header are left out). */
  headers: ReadonlyMap<string, string>;
}

/** A saved column whose header text is not in the file, so nothing is mapped for it. */
export interface MissingColumn {
  /** The sheet's name in the saved mapping. */
  sheet: string;
  column: string;
  header: string;
  field: string;
}

export interface SavedOffer {
  name: string;
  /** The saved mapping as it applies to this file: the file's sheet names and column letters. */
  mapping: ExplicitMapping;
  sheets: number;
  missing: MissingColumn[];
  /** Saved sheets read from a sheet of another name (matched by their headers). */
  renamed: { saved: string; file: string }[];
}

/** Header text as compared: trimmed, case- and whitespace-insensitive ("Cost  Centre" = "cost centre"). */
export function headerText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/**
 * Every header text the wizard knows for each sheet: the columns the importer read, the ones it
 * noted as not recognized, and ones seen earlier in this wizard (since skipped, so in neither).
 */
export function fileSheets(layout: LayoutReport, issues: readonly ImportIssue[], seen: ReadonlyMap<string, SeenColumn> = new Map()): FileSheet[] {
  return layout.sheets.map((report) => {
    const headers = new Map<string, string>();
    if (report.headerRow !== null) {
      const prefix = headerKey(report.sheet, report.headerRow, '');
      for (const [key, column] of seen) if (key.startsWith(prefix)) headers.set(key.slice(prefix.length), column.header);
      for (const issue of issues) {
        const header = issue.sheet === report.sheet && issue.row === report.headerRow ? unrecognizedHeader(issue) : null;
        if (header !== null && issue.column) headers.set(issue.column, header);
      }
      for (const c of report.columns) headers.set(c.column, c.header);
    }
    for (const [column, header] of headers) if (header.trim() === '' || columnIndex(column) < 0) headers.delete(column);
    return { sheet: report.sheet, headerRow: report.headerRow, headers };
  });
}

// Matrix cells are people or tasks, which come and go from month to month: they do not decide
// whether a mapping fits and are not reported missing (the importer detects new ones anyway).
const CELL_FIELDS = new Set(['personColumn', 'taskColumn']);

interface HeaderMatch {
  /** Saved letter → letter in the file, for the saved columns whose header was found. */
  found: Map<string, string>;
  missing: MissingColumn[];
  fits: boolean;
}

/** Pairs saved columns with file columns of the same header text; the k-th of a repeated header with the k-th. */
function matchHeaders(name: string, s: SavedSheetMapping, file: FileSheet): HeaderMatch {
  const byText = new Map<string, string[]>();
  for (const [column, header] of [...file.headers].sort((a, b) => columnIndex(a[0]) - columnIndex(b[0]))) {
    const key = headerText(header);
    byText.set(key, [...(byText.get(key) ?? []), column]);
  }
  const found = new Map<string, string>();
  const missing: MissingColumn[] = [];
  let counted = 0;
  let hits = 0;
  const saved = Object.entries(s.headers ?? {})
    .filter(([column, header]) => header.trim() !== '' && s.columns?.[column] !== undefined)
    .sort((a, b) => columnIndex(a[0]) - columnIndex(b[0]));
  const structural = saved.filter(([column]) => !CELL_FIELDS.has(s.columns![column]));
  for (const [column, header] of saved) {
    const field = s.columns![column];
    const target = byText.get(headerText(header))?.shift();
    const counts = structural.length === 0 || !CELL_FIELDS.has(field);
    if (counts) counted++;
    if (target !== undefined) {
      found.set(column, target);
      if (counts) hits++;
    } else if (field !== 'skip' && !CELL_FIELDS.has(field)) {
      missing.push({ sheet: name, column, header, field });
    }
  }
  // At least half of the saved headers found: a sheet that merely shares a name ("Sheet1") is no fit.
  return { found, missing, fits: hits > 0 && hits * 2 >= counted };
}

function hasHeaders(s: SavedSheetMapping): boolean {
  return Object.entries(s.headers ?? {}).some(([column, header]) => header.trim() !== '' && s.columns?.[column] !== undefined);
}

/** Where a saved sheet goes in the file; `savedRow`: read the saved header row first (see resolveSaved). */
interface Placement {
  file: FileSheet;
  match: HeaderMatch | null;
  savedRow?: boolean;
}

/** One saved sheet applied to one file sheet: fields by header text, by letter only for columns saved without one. */
function applySheet(s: SavedSheetMapping, { file, match, savedRow }: Placement): SheetMapping {
  const entry = sheetFromSaved(s);
  if (!match) return entry;
  // The headers were found under the row the file is read with now, which may have moved.
  if (file.headerRow !== null && !savedRow) entry.headerRow = file.headerRow;
  const columns: Record<string, FieldName> = {};
  const byHeader = new Set(match.found.values());
  for (const [column, field] of Object.entries(entry.columns ?? {})) {
    const target = match.found.get(column);
    if (target !== undefined) columns[target] = field;
    // A column saved without header text stays where it was, unless a matched column now sits there.
    else if (!s.headers?.[column]?.trim() && !byHeader.has(column) && !(column in columns)) columns[column] = field;
  }
  if (Object.keys(columns).length) entry.columns = columns;
  else delete entry.columns;
  return entry;
}

/** The saved time-tracking choices the importer knows (settings from a newer version may hold more). */
function savedTimesheet(t: NonNullable<SavedColumnMapping['timesheet']>): NonNullable<ExplicitMapping['timesheet']> {
  return {
    ...(typeof t.includeNonWork === 'boolean' ? { includeNonWork: t.includeNonWork } : {}),
    ...(t.dateOrder === 'mdy' || t.dateOrder === 'dmy' ? { dateOrder: t.dateOrder } : {}),
  };
}

/**
 * How a saved mapping applies to this file, or null when it does not fit. Each saved sheet goes to
 * the file's sheet of the same name, else (by header text) to another sheet, e.g. the one data
 * sheet of a file whose sheet was renamed. A sheet saved without header texts (an older mapping)
 * fits by name alone, as does one whose sheet has no header row the wizard could read.
 */
export function resolveSaved(name: string, saved: SavedColumnMapping, files: readonly FileSheet[]): Omit<SavedOffer, 'name'> | null {
  const entries = Object.entries(saved.sheets);
  if (entries.length === 0) return null;
  const byName = new Map(files.map((f) => [f.sheet, f]));
  const claimed = new Set<string>();
  const placed = new Map<string, Placement>();
  for (const [sheet, s] of entries) {
    const file = byName.get(sheet);
    if (!file) continue;
    if (!hasHeaders(s) || file.headers.size === 0) placed.set(sheet, { file, match: null });
    else {
      const match = matchHeaders(sheet, s, file);
      if (match.fits) placed.set(sheet, { file, match });
      // Saved with another header row (one the user chose): the headers cannot be checked under
      // the row read now, so applying reads the saved row first (with only the columns saved
      // without header text); the re-read file then gets the offer again, matched by header.
      else if (s.headerRow !== undefined && s.headerRow !== file.headerRow) {
        placed.set(sheet, { file, match: { found: new Map(), missing: [], fits: true }, savedRow: true });
      }
    }
    if (placed.has(sheet)) claimed.add(file.sheet);
  }
  for (const [sheet, s] of entries) {
    if (placed.has(sheet) || !hasHeaders(s)) continue;
    let best: { file: FileSheet; match: HeaderMatch } | null = null;
    for (const file of files) {
      if (claimed.has(file.sheet) || file.headers.size === 0) continue;
      const match = matchHeaders(sheet, s, file);
      if (match.fits && (!best || match.found.size > best.match.found.size)) best = { file, match };
    }
    if (!best) return null;
    placed.set(sheet, best);
    claimed.add(best.file.sheet);
  }
  if (placed.size < entries.length) return null;
  const mapping: ExplicitMapping = { sheets: {}, ...(saved.timesheet ? { timesheet: savedTimesheet(saved.timesheet) } : {}) };
  const missing: MissingColumn[] = [];
  const renamed: SavedOffer['renamed'] = [];
  for (const [sheet, s] of entries) {
    const placement = placed.get(sheet)!;
    const { file, match } = placement;
    mapping.sheets[file.sheet] = applySheet(s, placement);
    if (match) missing.push(...match.missing);
    if (file.sheet !== sheet) renamed.push({ saved: sheet, file: file.sheet });
  }
  return { mapping, sheets: entries.length, missing, renamed };
}

/**
 * Saved mappings that fit this file (see resolveSaved), applied to it. Best fits first: most
 * sheets, then fewest missing columns. One that would change nothing is left out.
 */
export function matchingSaved(saved: Record<string, SavedColumnMapping>, layout: LayoutReport, current: ExplicitMapping, files: readonly FileSheet[] = fileSheets(layout, [])): SavedOffer[] {
  const out: SavedOffer[] = [];
  for (const [name, s] of Object.entries(saved)) {
    const resolved = resolveSaved(name, s, files);
    if (resolved && wouldChange(resolved.mapping, layout, current)) out.push({ name, ...resolved });
  }
  return out.sort((a, b) => b.sheets - a.sheets || a.missing.length - b.missing.length || a.name.localeCompare(b.name));
}

/** Whether applying `mapping` would read any sheet differently from how it is read now. */
export function wouldChange(mapping: ExplicitMapping, layout: LayoutReport, current: ExplicitMapping): boolean {
  for (const [choice, value] of Object.entries(mapping.timesheet ?? {}) as [keyof NonNullable<ExplicitMapping['timesheet']>, unknown][]) {
    if (value !== undefined && value !== current.timesheet?.[choice]) return true;
  }
  for (const [name, s] of Object.entries(mapping.sheets)) {
    const report = layout.sheets.find((r) => r.sheet === name);
    if (!report) return true;
    const own = current.sheets[name];
    if (s.headerRow !== undefined && s.headerRow !== (own?.headerRow ?? report.headerRow)) return true;
    if (s.role !== undefined && s.role !== report.role) return true;
    if (s.unit !== undefined && s.unit !== (own?.unit ?? report.unit ?? s.unit)) return true;
    for (const [column, field] of Object.entries(s.columns ?? {})) {
      const now = report.columns.find((c) => c.column === column)?.field ?? own?.columns?.[column] ?? 'skip';
      if (field !== now) return true;
    }
  }
  return false;
}

/** "2 saved columns not found: ‘Grade’, ‘Cost centre’" (sheet names added when the mapping has several sheets). */
export function describeMissing(missing: readonly MissingColumn[], sheets: number): string {
  const names = missing.map((m) => (sheets > 1 ? `‘${m.header}’ (${m.sheet})` : `‘${m.header}’`));
  return `${missing.length} saved ${missing.length === 1 ? 'column' : 'columns'} not found: ${names.join(', ')}`;
}
