/**
 * Builds worksheets from rows of primitive values and writes them finished: sized columns, wrapped
 * long text, bold shaded heads, header filter and frozen header, colour scales on rating columns,
 * the balance band marked, and a print setup (fit to the page width, header rows repeated, footer).
 */
import * as XLSX from 'xlsx';
import type { Scale } from '../model/types';
import { toCell, type Out } from './sheetCells';
import { addCellStyles, StyleBook, styleCells } from './cellStyles';
import { addConditionalFormats, type ConditionalFormat } from './conditionalFormats';
import { patchSheetXml } from './dataValidation';
import { patchSheet } from './sheetXmlPatch';
import { layoutSheet } from './sheetLayout';

export { sectionHead, tableHead } from './sheetLayout';

/** Colour scales: empowerment white to blue (more is neither good nor bad), desirability red to green (higher is better). */
const E_COLORS = ['FFFFFF', '5B9BD5'];
const D_COLORS = ['F8696B', 'FFEB84', '63BE7B'];

/** Columns of width (characters) that print upright at a readable size; a wider sheet prints landscape. */
const PORTRAIT_WIDTH = 95;

export interface SheetSpec {
  name: string;
  rows: Out[][];
  /** 1-based row of the table header (filtered; frozen and repeated on printed pages when it is row 1); null for free-form sheets. */
  headerRow: number | null;
  /** Widest a column may grow, in characters (longer text wraps). */
  maxWidth?: number;
  /** A narrower cap for some columns (0-based column → characters), where a wide sheet must print legibly. */
  columnCaps?: Record<number, number>;
  /** Colour scales on rating columns (0-based) of the table under the header, from the scale's bottom to its top (the same colour for the same rating everywhere). */
  scales?: { columns: number[]; kind: 'empowerment' | 'desirability'; scale: Scale }[];
  /** Arrows on a column of job scores (0-based) marking the band [low, high]: ↑ above it, → within, ↓ below. */
  bands?: { column: number; low: number; high: number }[];
}

interface Built {
  ws: XLSX.WorkSheet;
  /** Cell reference → position in the workbook's StyleBook. */
  styles: Map<string, number>;
  formats: ConditionalFormat[];
  landscape: boolean;
}

/** 0-based first and last row of the table under the header: down to the first empty row. */
function tableRows(spec: SheetSpec): { first: number; last: number } | null {
  if (spec.headerRow === null || spec.rows.length < spec.headerRow) return null;
  const hr = spec.headerRow - 1;
  let last = hr;
  while (last + 1 < spec.rows.length && spec.rows[last + 1].some((v) => v !== null)) last++;
  return { first: hr, last };
}

function columnRange(c: number, first: number, last: number): string {
  const col = XLSX.utils.encode_col(c);
  return `${col}${first + 1}:${col}${last + 1}`;
}

function conditionalFormats(spec: SheetSpec): ConditionalFormat[] {
  const table = tableRows(spec);
  if (!table || table.last === table.first) return [];
  const { first, last } = { first: table.first + 1, last: table.last };
  const out: ConditionalFormat[] = [];
  for (const s of spec.scales ?? []) {
    if (!(s.scale.max > s.scale.min)) continue;
    const colors = s.kind === 'empowerment' ? E_COLORS : D_COLORS;
    const values = colors.length === 2 ? [s.scale.min, s.scale.max] : [s.scale.min, (s.scale.min + s.scale.max) / 2, s.scale.max];
    // One rule per column: the stops are fixed points of the scale, so columns still share one scale, and
    // each column's rule can share its <conditionalFormatting> with the column's band arrows (see addConditionalFormats).
    for (const c of s.columns) out.push({ kind: 'colorScale', sqref: columnRange(c, first, last), stops: values.map((value, i) => ({ value, color: colors[i] })) });
  }
  for (const b of spec.bands ?? []) {
    if (Number.isFinite(b.low) && Number.isFinite(b.high)) out.push({ kind: 'band', sqref: columnRange(b.column, first, last), low: b.low, high: b.high });
  }
  return out;
}

function buildSheet(spec: SheetSpec, book: StyleBook): Built {
  const ws: XLSX.WorkSheet = {};
  let maxCol = 0;
  spec.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      const cell = toCell(v);
      if (!cell) return;
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      maxCol = Math.max(maxCol, c);
    });
  });
  const max = spec.maxWidth ?? 60;
  const caps = (c: number): number => Math.min(max, spec.columnCaps?.[c] ?? max);
  const layout = layoutSheet(spec.rows, spec.headerRow === null ? -1 : spec.headerRow - 1, caps, spec.bands?.length ? 'center' : 'top');
  const widths = layout.widths.slice(0, maxCol + 1);
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, spec.rows.length - 1), c: maxCol } });
  ws['!cols'] = widths.map((wch) => ({ wch }));
  if (layout.heights.size) ws['!rows'] = Array.from({ length: spec.rows.length }, (_, r) => (layout.heights.has(r) ? { hpt: layout.heights.get(r) } : {}));
  if (layout.merged.length && maxCol > 0) ws['!merges'] = layout.merged.map((r) => ({ s: { r, c: 0 }, e: { r, c: maxCol } }));
  const table = tableRows(spec);
  if (table) {
    const width = spec.rows[table.first].length;
    ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: table.first, c: 0 }, e: { r: table.last, c: Math.max(0, width - 1) } }) };
  }
  const styles = new Map<string, number>();
  for (const [key, style] of layout.styles) {
    const [r, c] = key.split(',').map(Number);
    styles.set(XLSX.utils.encode_cell({ r, c }), book.add(style));
  }
  return { ws, styles, formats: conditionalFormats(spec), landscape: widths.reduce((a, b) => a + b, 0) > PORTRAIT_WIDTH };
}

/** A sheet name as a formula reference: quoted, its own quotes doubled. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Writes sheets as .xlsx bytes. A sheet whose header is its first row freezes it and repeats it on
 * every printed page; `title` starts the printed footer ("Fairshare audit · People … Page 2 of 3").
 */
export function writeWorkbook(specs: SheetSpec[], title = 'Fairshare'): Uint8Array {
  const wb = XLSX.utils.book_new();
  const book = new StyleBook();
  const built = specs.map((s) => buildSheet(s, book));
  specs.forEach((s, i) => XLSX.utils.book_append_sheet(wb, built[i].ws, s.name));
  const tables = specs.map((s, i) => ({ s, i })).filter(({ s }) => s.headerRow === 1);
  if (tables.length) wb.Workbook = { Names: tables.map(({ s, i }) => ({ Name: '_xlnm.Print_Titles', Sheet: i, Ref: `${sheetRef(s.name)}!$1:$1` })) };
  const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  let ids: number[] = [];
  const stylesXml = (xml: string): string => {
    const added = addCellStyles(xml, book.styles);
    ids = added.ids;
    return added.xml;
  };
  const edits = new Map(specs.map((s, i) => [i + 1, (xml: string): string => {
    const b = built[i];
    const styled = styleCells(xml, new Map([...b.styles].map(([ref, at]) => [ref, ids[at]])));
    const formatted = addConditionalFormats(styled, b.formats);
    return patchSheet(formatted, { freezeRows: s.headerRow === 1 ? 1 : 0, orientation: b.landscape ? 'landscape' : 'portrait', footer: `${title} · ` });
  }]));
  return patchSheetXml(bytes, edits, new Map([['xl/styles.xml', stylesXml]]));
}
