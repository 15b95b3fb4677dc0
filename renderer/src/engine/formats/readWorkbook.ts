/**
 * Reads spreadsheet bytes into plain tables of primitive cells, refusing corrupt, hostile or
 * oversized input with one clear line. The only importer code that touches SheetJS.
 */
import * as XLSX from 'xlsx';
import { ContainerRefusal, guardZip, type InflateCheck } from './zipGuard';
import { formatBytes } from './bytes';
import { DEFAULT_MARKUP_LIMITS, guardMarkup, looksLikeMarkup, MarkupRefusal, type MarkupText } from './markupGuard';

export { formatBytes };
import { decodeText, looksLikeText, sniffDelimiter } from './textDecode';
import type { ImportLimits } from '../import/types';

/** A cell as the importer sees it: numbers stay numbers, everything else is text or empty. */
export type Cell = string | number | boolean | null;

export interface RawSheet {
  name: string;
  /** rows[r][c], r and c 0-based; rows may be ragged. */
  rows: Cell[][];
}

export interface RawWorkbook {
  format: string;
  sheets: RawSheet[];
  /** True for delimited text using ';' or tab, where "12,5" means twelve and a half. */
  decimalComma: boolean;
  /** For text files: the encoding found. */
  encoding: string | null;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxBytes: 64 * 1_048_576,
  maxUncompressedBytes: 256 * 1_048_576,
  maxRows: 200_000,
  maxColumns: 2_000,
};

/** A refusal of the whole file; its message is one line, fit for a user. */
export class WorkbookRefusal extends Error {}

const ERROR_TEXT: Record<number, string> = {
  0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A',
};

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Names the format from the leading bytes (and the extension for text files). */
export function sniffFormat(bytes: Uint8Array, fileName: string): string {
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return ['xlsx', 'xlsm', 'xlsb', 'ods', 'numbers'].includes(ext) ? ext : 'zip';
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'empty-zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) return 'xls';
  if (bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1])) return 'xls';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || startsWith(bytes, [0x47, 0x49, 0x46])) return 'image';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (looksLikeText(bytes)) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).replace(/^\uFEFF|^ï»¿/, '').trimStart().toLowerCase();
    if (head.startsWith('<?xml') || head.startsWith('<workbook') || head.startsWith('<html') || head.startsWith('<table') || head.startsWith('<!doctype html')) return 'xml';
    return ext === 'tsv' || ext === 'tab' ? 'tsv' : 'csv';
  }
  return 'unknown';
}

/** Day number of 1899-12-30, spreadsheet day 0 (1904-based workbooks start 1,462 days later). */
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

/**
 * A number shown as a date or a time, as the text a person sees: a date ("2026-10-05", with its
 * time when it has one) or, for a time alone, hours and minutes ("1:30:00"; "26:15:00" past a day),
 * so a duration stored as a fraction of a day is not read as 0.0625 hours.
 */
function dateOrTimeText(serial: number, format: string, date1904: boolean): string {
  const bare = format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  if (/[yd]/i.test(bare)) {
    const ms = SERIAL_EPOCH_MS + (serial + (date1904 ? 1462 : 0)) * MS_PER_DAY;
    if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return String(serial);
    const iso = new Date(Math.round(ms / 1000) * 1000).toISOString();
    return /h/i.test(bare) && serial % 1 !== 0 ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
  }
  const seconds = Math.round(serial * 86_400);
  if (!(seconds >= 0) || seconds > 1e12) return String(serial);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${Math.floor(seconds / 3600)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
}

function cellValue(cell: XLSX.CellObject | undefined, date1904 = false): Cell {
  if (!cell) return null;
  switch (cell.t) {
    case 'n':
      if (typeof cell.v !== 'number') return null;
      // "1e400" reads as Infinity: kept as its text so the importer reports it instead of seeing a blank.
      if (!Number.isFinite(cell.v)) return String(cell.v);
      // A cell shown as "25.0%" holds 0.25: keep the percent so shares are not read as hours.
      if (typeof cell.z === 'string' && /%/.test(cell.z.replace(/"[^"]*"|\\./g, ''))) return `${cell.v * 100}%`;
      if (typeof cell.z === 'string' && XLSX.SSF.is_date(cell.z)) return dateOrTimeText(cell.v, cell.z, date1904);
      return cell.v;
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'b':
      return Boolean(cell.v);
    case 'e':
      return ERROR_TEXT[cell.v as number] ?? '#ERROR';
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default:
      return null;
  }
}

function toRawSheet(name: string, ws: XLSX.WorkSheet, limits: ImportLimits, fileName: string, date1904 = false): RawSheet {
  const data = (ws['!data'] ?? []) as (XLSX.CellObject[] | undefined)[];
  if (data.length > limits.maxRows) {
    throw new WorkbookRefusal(`${fileName}: sheet "${name}" has more than ${limits.maxRows.toLocaleString('en-US')} rows, the row limit`);
  }
  const rows: Cell[][] = new Array(data.length);
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    if (!src) {
      rows[r] = [];
      continue;
    }
    // Trailing empties are common; find the last real cell so absurd declared widths cost nothing.
    let last = src.length - 1;
    while (last >= 0 && (src[last] == null || src[last].t === 'z')) last--;
    if (last + 1 > limits.maxColumns) {
      throw new WorkbookRefusal(`${fileName}: sheet "${name}" has more than ${limits.maxColumns.toLocaleString('en-US')} columns, the column limit`);
    }
    const row: Cell[] = new Array(last + 1);
    for (let c = 0; c <= last; c++) row[c] = cellValue(src[c], date1904);
    rows[r] = row;
  }
  return { name, rows };
}

const FORMAT_LABEL: Record<string, string> = {
  xlsx: 'an Excel (.xlsx)', xlsm: 'an Excel (.xlsm)', xlsb: 'an Excel binary (.xlsb)', xls: 'an Excel 97–2003 (.xls)',
  ods: 'an OpenDocument (.ods)', numbers: 'a Numbers', zip: 'an Excel (.xlsx)', xml: 'an XML or HTML', csv: 'a CSV', tsv: 'a TSV',
};

/** One plain line for a library failure; library internals (type errors and the like) are not shown to users. */
function describeReadError(err: unknown, fileName: string, format: string): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/password|encrypt/i.test(msg)) return `${fileName} is password-protected; save an unprotected copy and import that`;
  if (/unsupported.*(zip|compression)/i.test(msg)) return `${fileName} uses an unsupported ZIP compression or encryption`;
  if (/numbers/i.test(format) || /numbers/i.test(msg)) return `${fileName} is a Numbers file; export it from Numbers as .xlsx or .csv first`;
  return `${fileName} could not be read as ${FORMAT_LABEL[format] ?? 'a'} spreadsheet: the file is damaged, truncated or not really in that format`;
}



/** Refuses HTML or XML whose markup would cost SheetJS unbounded memory (see markupGuard.ts). */
function checkMarkup(text: MarkupText, fileName: string, limits: ImportLimits): void {
  try {
    guardMarkup(text, { ...DEFAULT_MARKUP_LIMITS, maxRows: limits.maxRows });
  } catch (err) {
    if (err instanceof MarkupRefusal) throw new WorkbookRefusal(`${fileName}: ${err.message}`);
    throw err;
  }
}

/** SheetJS options: dense cells, values only (no formulas, HTML or styles), number formats kept for percent cells. */
function readOptions(limits: ImportLimits) {
  return { dense: true, cellFormula: false, cellHTML: false, cellNF: true, cellStyles: false, cellText: false, bookVBA: false, sheetRows: limits.maxRows + 1 } as const;
}

/**
 * Reads only the worksheet at `sheetIndex` (workbook order) of an .xlsx whose ZIP entries were
 * already verified (a part made by sheetSplit): its name and rows, at their true positions.
 */
export function readWorksheetPart(bytes: Uint8Array, sheetIndex: number, fileName: string, limits: ImportLimits): RawSheet {
  const book = XLSX.read(bytes, { ...readOptions(limits), type: 'array', WTF: false, sheets: sheetIndex });
  const name = book.SheetNames[sheetIndex];
  const ws = name === undefined ? undefined : book.Sheets[name];
  if (!ws || !ws['!data']) throw new WorkbookRefusal(`${fileName}: worksheet ${sheetIndex + 1} could not be read`);
  return toRawSheet(name, ws, limits, fileName, Boolean(book.Workbook?.WBProps?.date1904));
}

/** Reads every sheet (or only `sheet`) into primitive rows. Throws WorkbookRefusal on unusable input. */
export function readWorkbook(bytes: Uint8Array, fileName: string, limits: ImportLimits, onlySheet?: string, inflateCheck?: InflateCheck): RawWorkbook {
  if (bytes.length === 0) throw new WorkbookRefusal(`${fileName} is empty (0 bytes)`);
  if (bytes.length > limits.maxBytes) {
    throw new WorkbookRefusal(`${fileName} is ${formatBytes(bytes.length)}, over the size limit of ${formatBytes(limits.maxBytes)}`);
  }
  const format = sniffFormat(bytes, fileName);
  const base = readOptions(limits);
  let book: XLSX.WorkBook;
  let decimalComma = false;
  let encoding: string | null = null;
  switch (format) {
    case 'pdf':
      throw new WorkbookRefusal(`${fileName} is a PDF document, not a spreadsheet`);
    case 'image':
      throw new WorkbookRefusal(`${fileName} is an image, not a spreadsheet`);
    case 'gzip':
      throw new WorkbookRefusal(`${fileName} is a gzip archive, not a spreadsheet; extract it first`);
    case 'empty-zip':
      throw new WorkbookRefusal(`${fileName} is an empty ZIP archive, not a spreadsheet`);
    case 'unknown':
      throw new WorkbookRefusal(`${fileName} is not a spreadsheet (unrecognized binary content)`);
    case 'csv':
    case 'tsv': {
      const decoded = decodeText(bytes);
      encoding = decoded.encoding;
      const text = decoded.text.replace(/^\uFEFF/, '');
      if (text.trim() === '') throw new WorkbookRefusal(`${fileName} has no text in it`);
      const delimiter = sniffDelimiter(text, fileName);
      decimalComma = delimiter !== ',';
      const body = /^sep=.\r?\n/.test(text) ? text.replace(/^sep=.\r?\n/, '') : text;
      // SheetJS reads text that starts with "<" as HTML or XML, whatever the file is called.
      if (looksLikeMarkup(body)) checkMarkup(body, fileName, limits);
      try {
        book = XLSX.read(body, { ...base, type: 'string', raw: true, FS: delimiter });
      } catch (err) {
        throw new WorkbookRefusal(describeReadError(err, fileName, format));
      }
      break;
    }
    default: {
      let safe = bytes;
      if (format === 'xml') checkMarkup(bytes, fileName, limits);
      if (format !== 'xls' && format !== 'xml') {
        try {
          safe = guardZip(bytes, limits.maxUncompressedBytes, inflateCheck);
        } catch (err) {
          if (err instanceof ContainerRefusal) throw new WorkbookRefusal(`${fileName}: ${err.message}`);
          throw err;
        }
      }
      try {
        book = XLSX.read(safe, { ...base, type: 'array', WTF: false });
      } catch (err) {
        throw new WorkbookRefusal(describeReadError(err, fileName, format));
      }
    }
  }
  const names = book.SheetNames ?? [];
  if (onlySheet !== undefined && !names.includes(onlySheet)) {
    throw new WorkbookRefusal(`${fileName} has no sheet named "${onlySheet}" (sheets: ${names.map((n) => `"${n}"`).join(', ') || 'none'})`);
  }
  const sheets: RawSheet[] = [];
  for (const name of names) {
    if (onlySheet !== undefined && name !== onlySheet) continue;
    const ws = book.Sheets[name];
    if (!ws || !ws['!data']) continue; // chart sheets and dialog sheets hold no cells
    sheets.push(toRawSheet(name, ws, limits, fileName, Boolean(book.Workbook?.WBProps?.date1904)));
  }
  return { format: format === 'zip' ? 'xlsx' : format, sheets, decimalComma, encoding };
}
