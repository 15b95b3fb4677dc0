/**
 * The look of a built sheet, decided from its rows: column widths, which cells wrap, row heights,
 * the title, table heads and section titles, and the style of every cell that is not plain.
 */
import { FORMATS, widthOf, type Out } from './sheetCells';
import type { CellStyle } from './cellStyles';
import { rowPoints, twoLineLength, wordLines } from './textLines';

/** The shading of table heads (a pale blue-grey, dark text on it). */
export const HEAD_FILL = 'DCE6F1';

/** Rows marked as the head of a table further down a sheet, or as a section title (by identity, as built). */
const HEADS = new WeakSet<Out[]>();
const SECTIONS = new WeakSet<Out[]>();

/** Marks a row as the head of a table further down a sheet: bold, shaded and ruled like the header row. */
export function tableHead(row: Out[]): Out[] {
  HEADS.add(row);
  return row;
}

/** Marks a row as a section title: bold. */
export function sectionHead(row: Out[]): Out[] {
  SECTIONS.add(row);
  return row;
}

type RowKind = 'title' | 'head' | 'section' | 'note' | 'body';

export interface SheetLayout {
  /** Column widths in characters. */
  widths: number[];
  /** Row heights in points where a row is taller than one line (0-based row → points). */
  heights: Map<number, number>;
  /** Note rows too long for the table's width: merged across it, wrapped (0-based rows). */
  merged: number[];
  /** Styles by 0-based row and column. */
  styles: Map<string, CellStyle>;
}

/** The one text cell of a row whose only value is text in its first column; null otherwise. */
function loneText(row: Out[]): string | null {
  if (typeof row[0] !== 'string') return null;
  return row.slice(1).every((v) => v === null || v === undefined) ? row[0] : null;
}

function kindOf(row: Out[], r: number, headerRow: number): RowKind {
  if (r === headerRow || HEADS.has(row)) return 'head';
  if (SECTIONS.has(row)) return 'section';
  // The first row of a sheet whose table starts further down is its title.
  if (r === 0 && headerRow !== 0 && loneText(row) !== null) return 'title';
  return loneText(row) !== null ? 'note' : 'body';
}

/**
 * Width a header asks for: wrapped over two lines as evenly as its words allow; a long one (a sentence
 * explaining the column) over three or four, so it does not widen its column past the numbers under it.
 */
function headWidth(v: Out): number {
  if (typeof v !== 'string') return widthOf(v);
  const two = twoLineLength(v);
  if (two <= 18) return two;
  const longest = Math.max(...v.split(/\s+/).map((w) => w.length));
  return Math.max(18, longest, Math.ceil(v.length / 3.5));
}

/** Characters of text a column `width` wide holds per line (proportional text runs narrower than the digits the width counts). */
function perLine(width: number, bold: boolean): number {
  return Math.max(1, Math.floor((width - 1) * (bold ? 1.1 : 1.2)));
}

function isNumber(v: Out | undefined): boolean {
  return typeof v === 'number' || (v !== null && typeof v === 'object' && v.n !== null);
}

/** Columns of numbers under a head row (down to a blank row or the next head): their heads are right-aligned over them. */
function numericColumns(rows: Out[][], kinds: RowKind[], head: number): Set<number> {
  const seen = new Map<number, boolean>();
  for (let r = head + 1; r < rows.length && kinds[r] !== 'head' && rows[r].some((v) => v !== null && v !== undefined); r++) {
    rows[r].forEach((v, c) => {
      // A number cell without a value (num(null)) is written empty.
      if (v === null || v === undefined || (typeof v === 'object' && v.n === null)) return;
      seen.set(c, (seen.get(c) ?? true) && isNumber(v));
    });
  }
  return new Set([...seen].filter(([, numeric]) => numeric).map(([c]) => c));
}

/**
 * `headerRow`: 0-based, −1 for none. `tall`: where the cells of a row taller than a line sit; top reads
 * best, but LibreOffice draws the band arrows at a cell's foot, so a sheet with arrows centres its cells.
 */
export function layoutSheet(rows: Out[][], headerRow: number, maxWidth: (column: number) => number, tall: 'top' | 'center' = 'top'): SheetLayout {
  const kinds = rows.map((row, r) => kindOf(row, r, headerRow));
  const need: number[] = [];
  rows.forEach((row, r) => {
    // A lone text (title, note, section) runs on into the empty cells beside it: it widens no column.
    if (kinds[r] !== 'head' && kinds[r] !== 'body') return;
    row.forEach((v, c) => {
      if (v === null || v === undefined) return;
      need[c] = Math.max(need[c] ?? 0, kinds[r] === 'head' ? headWidth(v) : widthOf(v));
    });
  });
  const columns = Math.max(need.length, ...rows.map((row) => row.length));
  const widths = Array.from({ length: Math.max(1, columns) }, (_, c) => Math.min(maxWidth(c), Math.max(8, (need[c] ?? 0) + 2)));
  const total = widths.reduce((a, b) => a + b, 0);

  const heights = new Map<number, number>();
  const merged: number[] = [];
  const styles = new Map<string, CellStyle>();
  const at = (r: number, c: number): string => `${r},${c}`;
  rows.forEach((row, r) => {
    const kind = kinds[r];
    if (kind === 'title') {
      styles.set(at(r, 0), { bold: true, size: 14 });
      heights.set(r, rowPoints(1, 14));
      return;
    }
    if (kind === 'note' || kind === 'section') {
      const text = loneText(row) ?? '';
      const bold = kind === 'section';
      const style: CellStyle = { bold: bold || undefined };
      if (text.length > total - 2) {
        merged.push(r);
        style.wrap = true;
        style.vertical = 'top';
        heights.set(r, rowPoints(wordLines(text, perLine(total, bold))));
      }
      if (bold || style.wrap) styles.set(at(r, 0), style);
      if (kind === 'note' || loneText(row) !== null) return;
    }
    const head = kind === 'head';
    let lines = 1;
    row.forEach((v, c) => {
      if (typeof v === 'string' && widthOf(v) > widths[c] - 1) lines = Math.max(lines, wordLines(v, perLine(widths[c], head)));
    });
    if (lines > 1) heights.set(r, rowPoints(lines));
    const last = head ? row.length - 1 : -1;
    const numeric = head ? numericColumns(rows, kinds, r) : new Set<number>();
    row.forEach((v, c) => {
      const plain = v === null || v === undefined;
      if (plain && c > last) return;
      const style: CellStyle = {};
      if (head) Object.assign(style, { bold: true, fill: HEAD_FILL, underline: true, wrap: true }, numeric.has(c) ? { horizontal: 'right' } : {});
      // Text right of a right-aligned number (or its head) would touch it.
      if (typeof v === 'string' && c > 0 && (head ? numeric.has(c - 1) && !numeric.has(c) : isNumber(row[c - 1]))) style.indent = 1;
      if (kind === 'section') style.bold = true;
      if (typeof v === 'string' && widthOf(v) > widths[c] - 1) style.wrap = true;
      if (lines > 1 && !head) style.vertical = tall;
      if (Object.keys(style).length === 0) return;
      // A styled number keeps its format: the style replaces the one SheetJS gave the cell.
      if (typeof v === 'number') style.numFmt = 'General';
      else if (v !== null && typeof v === 'object' && v.n !== null) style.numFmt = FORMATS[v.f];
      styles.set(at(r, c), style);
    });
  });
  return { widths, heights, merged, styles };
}
