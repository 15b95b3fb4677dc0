/**
 * Finds each sheet's header row below any title rows, assigns a field to every column and
 * decides what the sheet is (long, matrix, roster, ratings, role + headcount), honouring an
 * explicit mapping where the user gave one.
 */
import type { RawSheet } from '../formats/readWorkbook';
import { cellText, columnIndex, columnLetter, isBlank, parseNumber } from './cells';
import { isTotalLabel, matchHeader } from './headers';
import type { ColumnReport, FieldName, SheetMapping, SheetReport, SheetRole } from './types';

/** How far down we look for a header row. */
const HEADER_SCAN_ROWS = 40;
/** How many data rows we sample to judge whether an unknown column is numeric. */
const SAMPLE_ROWS = 200;

/** Fields a column may hold several of (factor columns); every other field is taken once. */
const REPEATABLE = new Set<FieldName>(['factorE', 'factorD', 'notes', 'personColumn', 'taskColumn', 'skip']);
const KEY_FIELDS = new Set<FieldName>(['person', 'personId', 'task', 'role', 'firstName']);

export interface RecognizedSheet extends SheetReport {
  /** Fields by 0-based column index (aligned with `columns`). */
  fieldAt: Map<number, FieldName>;
  /** Header text by 0-based column index. */
  headerAt: Map<number, string>;
  /** Unknown columns that had data, for the "not used" notes. */
  unused: number[];
  /** Columns by field, sorted; built on first use (fieldAt is final once recognized). */
  byField?: Map<FieldName, number[]>;
}

/** What a field no column holds reads as: one shared, frozen list (this is asked about a dozen times per row). */
const NO_COLUMNS: readonly number[] = Object.freeze([]);

/** The sheet's columns holding `field`, left to right. */
export function columnsOf(rec: RecognizedSheet, field: FieldName): readonly number[] {
  if (!rec.byField) {
    rec.byField = new Map();
    for (const [c, f] of [...rec.fieldAt].sort((a, b) => a[0] - b[0])) rec.byField.set(f, [...(rec.byField.get(f) ?? []), c]);
  }
  return rec.byField.get(field) ?? NO_COLUMNS;
}

function scoreHeaderRow(row: RawSheet['rows'][number]): number {
  let score = 0;
  let keys = 0;
  let otherText = 0;
  const seen = new Set<string>();
  for (const cell of row ?? []) {
    if (typeof cell !== 'string' || cell.trim() === '') continue;
    const m = matchHeader(cell);
    if (!m) {
      if (parseNumber(cell, false) === null) otherText++;
      continue;
    }
    if (seen.has(m.field)) continue;
    seen.add(m.field);
    score += m.confidence;
    if (KEY_FIELDS.has(m.field)) keys++;
  }
  // Unknown text headers beside a key field are the people or tasks of a matrix.
  return keys > 0 ? score + keys * 0.5 + Math.min(otherText, 2) * 0.25 : 0;
}

/** 1-based header row, or null when no row names a person, task or role. */
export function findHeaderRow(sheet: RawSheet): number | null {
  let best = -1;
  let bestScore = 0;
  const n = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < n; r++) {
    const s = scoreHeaderRow(sheet.rows[r]);
    // A row must name at least two things we know (or one key field among few cells).
    if (s >= 2 && s > bestScore + 1e-9) {
      best = r;
      bestScore = s;
    }
  }
  return best >= 0 ? best + 1 : null;
}

/** Share of non-blank sample cells in a column that read as numbers (0–1), and how many there were. */
function numericShare(sheet: RawSheet, headerRow: number, col: number, decimalComma: boolean): { share: number; count: number } {
  let numeric = 0;
  let filled = 0;
  const end = Math.min(sheet.rows.length, headerRow + SAMPLE_ROWS);
  for (let r = headerRow; r < end; r++) {
    const cell = sheet.rows[r]?.[col];
    if (isBlank(cell)) continue;
    const first = cellText(sheet.rows[r]?.[0]);
    if (isTotalLabel(first)) continue;
    filled++;
    if (parseNumber(cell, decimalComma)) numeric++;
  }
  return { share: filled === 0 ? 0 : numeric / filled, count: filled };
}

/** True when a key column's values are mostly distinct, as the row labels of a matrix are. */
function mostlyDistinct(sheet: RawSheet, headerRow: number, col: number): boolean {
  if (col < 0) return false;
  const seen = new Set<string>();
  let n = 0;
  for (let r = headerRow; r < Math.min(sheet.rows.length, headerRow + SAMPLE_ROWS); r++) {
    const t = cellText(sheet.rows[r]?.[col]).toLowerCase();
    if (t === '' || isTotalLabel(t)) continue;
    n++;
    seen.add(t);
  }
  return n > 0 && seen.size >= Math.max(1, n * 0.8);
}

/** Dated rows of a person's time on a task, activity or project, with a duration: a time-tracking export. */
function isTimesheet(fields: Set<FieldName>): boolean {
  const person = fields.has('person') || fields.has('personId') || fields.has('firstName') || fields.has('lastName');
  const activity = fields.has('task') || fields.has('description') || fields.has('project');
  return fields.has('date') && person && activity && fields.has('hours');
}

function roleOf(fields: Set<FieldName>): SheetRole {
  if (isTimesheet(fields)) return 'timesheet';
  const hasPerson = fields.has('person') || fields.has('personId');
  const hasTask = fields.has('task');
  if (hasTask && hasPerson) return 'long';
  if (hasTask && fields.has('role') && (fields.has('headcount') || fields.has('hours') || fields.has('percent') || fields.has('taskFte'))) return 'role-headcount';
  if (hasTask && fields.has('personColumn')) return 'matrix';
  if (hasPerson && fields.has('taskColumn')) return 'matrix';
  // A task list with only categories is a ratings sheet too: small groups sort tasks instead of rating them (issue 17).
  if (hasTask && (fields.has('empowerment') || fields.has('desirability') || fields.has('factorE') || fields.has('factorD') || fields.has('category'))) return 'ratings';
  if (hasPerson) return 'roster';
  return 'ignored';
}

/** Recognizes one sheet. `mapping` overrides the header row, fields, role or unit. */
export function recognizeSheet(sheet: RawSheet, decimalComma: boolean, mapping?: SheetMapping): RecognizedSheet {
  const headerRow = mapping?.headerRow ?? findHeaderRow(sheet);
  const empty: RecognizedSheet = {
    sheet: sheet.name, role: 'ignored', headerRow: null, columns: [], confidence: 0, unit: null, dataRows: 0,
    fieldAt: new Map(), headerAt: new Map(), unused: [],
  };
  if (headerRow === null || headerRow < 1 || headerRow > sheet.rows.length) return { ...empty, role: mapping?.role ?? 'ignored' };
  const header = sheet.rows[headerRow - 1] ?? [];
  let width = header.length;
  for (let r = headerRow; r < Math.min(sheet.rows.length, headerRow + SAMPLE_ROWS); r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);

  const fieldAt = new Map<number, FieldName>();
  const confidenceAt = new Map<number, number>();
  const headerAt = new Map<number, string>();
  const taken = new Set<FieldName>();
  const unknown: number[] = [];
  for (let c = 0; c < width; c++) {
    const text = cellText(header[c]);
    headerAt.set(c, text);
    if (text === '') continue;
    const m = matchHeader(text);
    if (m && (!taken.has(m.field) || REPEATABLE.has(m.field))) {
      fieldAt.set(c, m.field);
      confidenceAt.set(c, m.confidence);
      taken.add(m.field);
    } else if (m?.field === 'hours' && /decimal|dezimal/i.test(text)) {
      // Clockify gives "Duration (h)" as 1:30:00 and then "Duration (decimal)" as 1.50: the decimal one is read.
      const earlier = [...fieldAt].find(([, f]) => f === 'hours')![0];
      fieldAt.delete(earlier);
      unknown.push(earlier);
      fieldAt.set(c, 'hours');
      confidenceAt.set(c, m.confidence);
    } else {
      unknown.push(c);
    }
  }
  // Without a task column, "hours" on a person sheet are contracted hours and factor-like
  // headers are really task names of a people × tasks matrix.
  // A dated sheet with a duration is time entries: its activity may be a Description or Project, not a Task.
  const dated = taken.has('date') && taken.has('hours') && (taken.has('task') || taken.has('description') || taken.has('project'));
  const hasTask = taken.has('task') || dated;
  const hasPerson = taken.has('person') || taken.has('personId') || taken.has('firstName') || taken.has('lastName');
  if (!hasTask) {
    for (const [c, f] of fieldAt) {
      if (f === 'hours') fieldAt.set(c, 'contractHours');
      if (hasPerson && (f === 'factorE' || f === 'factorD')) {
        fieldAt.delete(c);
        unknown.push(c);
      }
    }
  }
  const unused: number[] = [];
  const keyField: FieldName = hasTask ? 'task' : taken.has('person') ? 'person' : 'personId';
  const keyCol = [...fieldAt].find(([, f]) => f === keyField)?.[0] ?? -1;
  const matrixField: FieldName | null =
    hasTask && !hasPerson && !taken.has('role') ? 'personColumn' : !hasTask && hasPerson ? 'taskColumn' : null;
  const matrixCols: number[] = [];
  for (const c of unknown.sort((a, b) => a - b)) {
    const text = headerAt.get(c) ?? '';
    const { share, count } = numericShare(sheet, headerRow, c, decimalComma);
    if (matrixField && !isTotalLabel(text) && count > 0 && share >= 0.8) matrixCols.push(c);
    else if (count > 0) unused.push(c);
  }
  // A matrix has at least two people (or tasks) across, and one row per task (or person) down.
  if (matrixCols.length >= 2 && mostlyDistinct(sheet, headerRow, keyCol)) {
    for (const c of matrixCols) {
      fieldAt.set(c, matrixField!);
      confidenceAt.set(c, 0.6);
    }
  } else unused.push(...matrixCols);
  // Columns with data under an empty header are reported too.
  for (let c = 0; c < width; c++) {
    if (!headerAt.get(c) && !fieldAt.has(c) && numericShare(sheet, headerRow, c, decimalComma).count > 0) unused.push(c);
  }

  for (const [letter, field] of Object.entries(mapping?.columns ?? {})) {
    const c = columnIndex(letter);
    if (c < 0) continue;
    fieldAt.set(c, field);
    confidenceAt.set(c, 1);
    const at = unused.indexOf(c);
    if (at >= 0) unused.splice(at, 1);
  }
  for (const [c, f] of [...fieldAt]) if (f === 'skip') fieldAt.delete(c);

  // A long sheet whose only amount is an "FTE" column gives each row's FTE on its task, not the person's FTE.
  const amounts = [...fieldAt.values()].filter((f) => f === 'hours' || f === 'percent' || f === 'taskFte');
  const fteCols = [...fieldAt].filter(([, f]) => f === 'fte');
  const mapped = new Set(Object.keys(mapping?.columns ?? {}).map(columnIndex));
  if (hasTask && (hasPerson || taken.has('role')) && amounts.length === 0 && fteCols.length === 1 && !mapped.has(fteCols[0][0])) {
    fieldAt.set(fteCols[0][0], 'taskFte');
  }
  const fields = new Set(fieldAt.values());
  const role = mapping?.role ?? roleOf(fields);
  // Clockify's user "Group" (a department word elsewhere) is the role in a time-tracking export, when none is named.
  if (role === 'timesheet' && !fields.has('role')) {
    const group = [...fieldAt].find(([c, f]) => f === 'department' && /^\s*(user |benutzer)?(groups?|gruppen?|groupes?|grupos?)\s*$/i.test(headerAt.get(c) ?? '') && !mapped.has(c));
    if (group) fieldAt.set(group[0], 'role');
  }
  const columns: ColumnReport[] = [...fieldAt.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([c, field]) => ({ column: columnLetter(c), header: headerAt.get(c) ?? '', field, confidence: confidenceAt.get(c) ?? 1 }));
  const confidences = columns.map((c) => c.confidence);
  const confidence = role === 'ignored' || confidences.length === 0 ? 0 : Math.min(1, confidences.reduce((a, b) => a + b, 0) / confidences.length);
  return {
    sheet: sheet.name, role, headerRow, columns, confidence, unit: mapping?.unit ?? null, dataRows: 0,
    fieldAt, headerAt, unused: [...new Set(unused)].sort((a, b) => a - b),
  };
}
