/**
 * Cell builders for exported workbooks: rows are built from primitives only, numbers stay
 * numeric with a number format, and text that a spreadsheet could take for a formula is
 * neutralized (DESIGN.md §6).
 */
import type * as XLSX from 'xlsx';

/** Characters that make a spreadsheet (or a CSV re-import) treat text as a formula or split it. */
const DANGEROUS_START = /^[=+\-@\t\r\n]/;

/** Prefixes a quote to text that starts like a formula, so it is shown, never evaluated. */
export function neutralize(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** The most characters (UTF-16 code units, as Excel and SheetJS count them) one cell holds. */
export const CELL_TEXT_LIMIT = 32_767;

/**
 * Text that fits in one cell: longer text is cut, with a note saying so at the cut, so an export
 * of a 40,000-character name is written (and says what happened) instead of failing.
 */
export function fitCell(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  const note = `… [cut: ${text.length.toLocaleString('en-US')} characters; a cell holds ${CELL_TEXT_LIMIT.toLocaleString('en-US')}]`;
  let keep = CELL_TEXT_LIMIT - note.length;
  // Never leave half of a surrogate pair before the note.
  if (/[\ud800-\udbff]/.test(text[keep - 1])) keep--;
  return text.slice(0, keep) + note;
}

/** `tolerance`: points as a person wrote them (0.95, 1.0, 0.125), not padded or cut to two decimals. */
export type NumberFormat = 'hours' | 'score' | 'share' | 'ratio' | 'money' | 'integer' | 'index' | 'tolerance';

/** Hours and ratings to one decimal, shares as whole percents (the numbers people are shown everywhere); the cell keeps the full value. */
export const FORMATS: Record<NumberFormat, string> = {
  hours: '0.0',
  score: '0.0',
  share: '0%',
  ratio: '0.00',
  money: '#,##0.00',
  integer: '0',
  index: '0.000',
  tolerance: '0.0##',
};

/** One exported value: a primitive, optionally a number with its format. */
export type Out = string | number | boolean | null | { n: number | null; f: NumberFormat };

export function num(n: number | null | undefined, f: NumberFormat): Out {
  if (n === undefined || n === null || !Number.isFinite(n)) return { n: null, f };
  return { n: f === 'tolerance' ? tidyPoints(n) : n, f };
}

/**
 * A tolerance (or a multiple of it) rounded to 10⁻⁹ points: 0.05 × 19 and 3 × 0.95 carry
 * floating-point noise (0.9500000000000001, 2.8499999999999996) that a cell would store and show.
 */
export function tidyPoints(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

export function toCell(v: Out): XLSX.CellObject | null {
  if (v === null) return null;
  // Neutralized first: the quote it may add counts towards the cell's limit.
  if (typeof v === 'string') return { t: 's', v: fitCell(neutralize(v)) };
  if (typeof v === 'boolean') return { t: 'b', v };
  if (typeof v === 'number') return Number.isFinite(v) ? { t: 'n', v } : null;
  if (v.n === null) return null;
  return { t: 'n', v: v.n, z: FORMATS[v.f] };
}

/** Display width of a value in characters, for column sizing. */
export function widthOf(v: Out): number {
  if (v === null) return 0;
  if (typeof v === 'string') return Math.max(...v.split('\n').map((l) => l.length));
  if (typeof v === 'boolean') return 5;
  const n = typeof v === 'number' ? v : v.n;
  if (n === null) return 0;
  if (typeof v === 'number') return String(n).length;
  const digits = { hours: 1, score: 1, share: 0, ratio: 2, money: 2, integer: 0, index: 3, tolerance: 3 }[v.f];
  const shown = v.f === 'share' ? (n * 100).toFixed(0).length + 1 : n.toFixed(digits).length;
  // Thousands separators in money.
  return shown + (v.f === 'money' ? Math.floor(Math.max(0, Math.abs(n).toFixed(0).length - 1) / 3) : 0);
}
