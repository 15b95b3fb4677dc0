/** Small helpers for reading cells: column letters, text, numbers written by people, yes/no flags. */
import type { Cell } from '../formats/readWorkbook';

/** Letters of the first columns, built once: issue locations ask for them on every row. */
const LETTERS: string[] = [];

/** 0-based column index → spreadsheet letter ("A", "Z", "AA"). */
export function columnLetter(index: number): string {
  if (index < 256 && LETTERS[index] !== undefined) return LETTERS[index];
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (index < 256) LETTERS[index] = s;
  return s;
}

/** Spreadsheet letter → 0-based column index, or -1 when it is not a column letter. */
export function columnIndex(letter: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letter)) return -1;
  let n = 0;
  for (const ch of letter.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The cell as trimmed text with inner whitespace collapsed ('' for empty). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const t = cell.trim();
  // Fast path: most cells need no collapsing.
  return /\s\s|[\u00a0\t\r\n]/.test(t) ? t.replace(/[\s\u00a0]+/g, ' ').trim() : t;
}

export function isBlank(cell: Cell | undefined): boolean {
  // Same answer as cellText(cell) === '' without turning every number into text (blank rows are checked per row).
  if (typeof cell === 'string') return cell.trim() === '';
  return cell === null || cell === undefined;
}

export function isBlankRow(row: Cell[] | undefined): boolean {
  if (!row) return true;
  for (const c of row) if (!isBlank(c)) return false;
  return true;
}

export interface ParsedNumber {
  value: number;
  /** True when the text carried a percent sign: value is then a fraction (25% → 0.25). */
  percent: boolean;
}

/**
 * Reads a number as people type it: 12.5, "12,5" (decimal comma), "1,234.5", "1.234,5",
 * "12 h", "4 h/wk", "$52,000", "25%", "12,5 %". Returns null for text that is not a number.
 * `decimalComma` says how to read a lone comma followed by exactly three digits ("1,234").
 */
export function parseNumber(cell: Cell | undefined, decimalComma: boolean): ParsedNumber | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell, percent: false } : null;
  if (typeof cell !== 'string') return null;
  let s = cell.replace(/[\s\u00a0\u202f]+/g, '').trim();
  if (s === '') return null;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  // Units and currency people put beside numbers.
  s = s.replace(/^[$€£¥]|[$€£¥]$/g, '').replace(/(hours|hour|hrs|hr|h)?\.?(\/wk|\/week|\/w|perweek|aweek|pw)?\.?$/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  // Exponent form, as spreadsheets write very large or small numbers in CSV ("1E+11"): read it, so
  // the importer can refuse an absurd value by its size instead of calling it text.
  if (/^(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(s)) {
    const value = Number(s);
    if (!Number.isFinite(value)) return null;
    const signed = negative ? -value : value;
    return { value: percent ? signed / 100 : signed, percent };
  }
  if (!/^[0-9.,']+$/.test(s) || !/[0-9]/.test(s)) return null;
  s = s.replace(/'/g, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    // The later separator is the decimal one.
    s = lastComma > lastDot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (lastComma >= 0) {
    const commas = s.split(',').length - 1;
    const afterComma = s.length - lastComma - 1;
    if (commas > 1) s = s.replace(/,/g, '');
    else if (afterComma === 3 && !decimalComma) s = s.replace(',', '');
    else s = s.replace(',', '.');
  } else if (lastDot >= 0 && (s.split('.').length - 1 > 1 || (decimalComma && /^\d{1,3}(\.\d{3})+$/.test(s)))) {
    // "1.234.567", or "52.000" where a comma is the decimal mark: dots group thousands.
    s = s.replace(/\./g, '');
  }
  if (!/^\d*\.?\d*$/.test(s)) return null;
  const value = Number(s);
  if (!Number.isFinite(value)) return null;
  const signed = negative ? -value : value;
  return { value: percent ? signed / 100 : signed, percent };
}

/**
 * True for a cell that names a number no sheet can use: "Infinity", "-inf", "NaN", "∞", "#NUM!",
 * or an exponent too large for a double ("1e400"). Lets messages say "not a finite number" rather than "text".
 */
export function isNonFiniteText(cell: Cell | undefined): boolean {
  if (typeof cell === 'number') return !Number.isFinite(cell);
  if (typeof cell !== 'string') return false;
  const s = cell.replace(/[\s\u00a0\u202f]+/g, '').replace(/%$/, '');
  if (/^[+\-−]?(inf|infinity|∞|nan|#num!)$/i.test(s)) return true;
  return /^[+\-−]?(\d+\.?\d*|\.\d+)e[+-]?\d+$/i.test(s) && !Number.isFinite(Number(s.replace('−', '-')));
}

/** Reads yes/no style flags: yes, y, true, 1, x, ✓ → true. */
export function parseFlag(cell: Cell | undefined): boolean {
  if (typeof cell === 'boolean') return cell;
  if (typeof cell === 'number') return cell !== 0;
  return /^(yes|y|true|1|x|✓|✔|locked)$/i.test(cellText(cell));
}

/** Splits a list cell ("first aid; driving, Spanish") into trimmed items. */
export function parseList(cell: Cell | undefined): string[] {
  return cellText(cell)
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
