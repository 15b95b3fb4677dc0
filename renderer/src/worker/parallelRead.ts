/**
 * The worker's fast way into a spreadsheet: verify the ZIP container with the native inflater and,
 * when one worksheet is large, read it in row ranges on several cores (sheetSplit) with SheetJS in
 * each. Whatever this path cannot do safely falls back to the ordinary import, so users see exactly
 * the importer's own results and refusal messages.
 */
import { DEFAULT_LIMITS, readWorkbook, readWorksheetPart, sniffFormat, type Cell, type RawSheet, type RawWorkbook } from '../engine/formats/readWorkbook';
import { MIN_SPLIT_BYTES, splitWorksheetXml, withEntryReplaced, worksheetPaths } from '../engine/formats/sheetSplit';
import { scanZip, skipInflateCheck, type ZipEntry } from '../engine/formats/zipGuard';
import type { ImportLimits, ImportOptions } from '../engine/import/types';
import { isBlankRow } from '../engine/import/cells';
import { nativeInflate } from './nativeInflate';

const ZIP_FORMATS = new Set(['xlsx', 'xlsm', 'xlsb', 'ods', 'numbers', 'zip']);
/** Formats whose worksheets are SpreadsheetML XML parts, which sheetSplit can cut. */
const SPLITTABLE = new Set(['xlsx', 'xlsm', 'zip']);

/** One worksheet part read elsewhere: its sheet's name and its rows from `firstRow` on. */
export interface PartRows {
  name: string;
  firstRow: number;
  rows: Cell[][];
}

/** One part handed to a helper: `started` once the helper has it in hand, `rows` when it is read. */
export interface PartJob {
  started: Promise<void>;
  rows: Promise<PartRows>;
}

/** Reads worksheet parts on other cores (the worker's helper pool); `parallelism` parts at a time. */
export interface PartReader {
  parallelism: number;
  read(bytes: Uint8Array, sheetIndex: number, fileName: string, limits: ImportLimits, firstRow: number): PartJob;
}

/** How long to wait for the helpers to take their parts before reading the first part regardless. */
const START_TIMEOUT_MS = 1_000;

/** What a helper does with a part: reads it and keeps only its own rows, checking none lie above them. */
export function readPartRows(bytes: Uint8Array, sheetIndex: number, fileName: string, limits: ImportLimits, firstRow: number): PartRows {
  const sheet = readWorksheetPart(bytes, sheetIndex, fileName, limits);
  for (let r = 0; r < Math.min(firstRow, sheet.rows.length); r++) {
    if (!isBlankRow(sheet.rows[r])) throw new Error('a worksheet part holds rows above its first row');
  }
  return { name: sheet.name, firstRow, rows: sheet.rows.slice(firstRow) };
}

/**
 * The first part is read in this worker, which exchanges no messages for it; the helpers also send
 * their rows back. Measured in Chromium on 2 cores, a helper reads a row about a quarter slower.
 */
const FIRST_PART_WEIGHT = 1.25;

export type FastRead = { book: RawWorkbook } | { options: ImportOptions };

/** Inflates one entry as nativeInflate does (Outgrown past `limit`; the bytes kept only with `keep`); a host may bring its own. */
export type EntryInflate = (data: Uint8Array, limit: number, keep: boolean) => Promise<Uint8Array | null>;

function largestWorksheet(entries: ZipEntry[], minBytes: number): ZipEntry | null {
  let best: ZipEntry | null = null;
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name) || e.declared < minBytes) continue;
    if (!best || e.declared > best.declared) best = e;
  }
  return best;
}

/** The parts' rows placed at their true positions; null if two parts claim one row (the cut went wrong). */
function mergeRows(first: RawSheet, firstPartEnd: number, parts: PartRows[]): Cell[][] | null {
  const rows = first.rows.slice();
  for (let r = firstPartEnd; r < rows.length; r++) if (!isBlankRow(rows[r])) return null;
  rows.length = Math.min(rows.length, firstPartEnd);
  for (const part of parts) {
    for (let i = 0; i < part.rows.length; i++) {
      const row = part.rows[i];
      if (!row?.length) continue; // nothing there (rows keep their cells up to the last one read)
      const r = part.firstRow + i;
      if (!isBlankRow(rows[r])) return null;
      while (rows.length < r) rows.push([]);
      rows[r] = row;
    }
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

/**
 * Parts a helper does without: the other worksheets and the images. (SheetJS insists on every
 * other part the package lists, so the rest goes along, and counts against the split below.)
 */
const NOT_FOR_HELPERS = /^xl\/(worksheets\/[^/]+\.xml|media\/)/;

/** Helpers' results are awaited this long at most; then the file is read the ordinary way. */
const PART_TIMEOUT_MS = 120_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('a worksheet helper did not answer')), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** When a split pays: the sheet's size, and how large the parts every helper inflates again may be beside it. */
export interface SplitTuning {
  /** Worksheet XML below this many bytes is read whole. */
  minSplitBytes: number;
  /** The other parts a helper needs, as a share of the sheet's size; more, and the file is read whole. */
  maxSharedShare: number;
}

const DEFAULT_TUNING: SplitTuning = { minSplitBytes: MIN_SPLIT_BYTES, maxSharedShare: 0.25 };

async function readSplit(entries: ZipEntry[], target: ZipEntry, xml: Uint8Array, fileName: string, limits: ImportLimits, reader: PartReader, maxSharedShare: number): Promise<RawWorkbook | null> {
  const paths = worksheetPaths(entries);
  const sheetIndex = paths?.indexOf(target.name) ?? -1;
  // Two sheets on one part would each be read from the first part only.
  if (!paths || sheetIndex < 0 || paths.lastIndexOf(target.name) !== sheetIndex) return null;
  const shared = entries.filter((e) => e !== target && !NOT_FOR_HELPERS.test(e.name));
  // Every helper inflates the shared parts again: worth it only when they are small beside the sheet.
  if (shared.reduce((n, e) => n + e.declared, 0) > target.declared * maxSharedShare) return null;
  const split = splitWorksheetXml(xml, reader.parallelism + 1, FIRST_PART_WEIGHT);
  if (!split) return null;
  // The original file passed the size limit; its parts are larger only by the uncompressed rows.
  const partLimits = { ...limits, maxBytes: Number.MAX_SAFE_INTEGER };
  const helperEntries = [...shared, target];
  const jobs = split.docs.slice(1).map((doc, i) => reader.read(withEntryReplaced(helperEntries, target.name, doc), sheetIndex, fileName, partLimits, split.firstRows[i + 1]));
  const others = jobs.map((j) => j.rows);
  for (const p of others) p.catch(() => undefined); // awaited below; a throw here must not leave them unhandled
  // A nested worker gets its messages (and, just after launch, finishes starting) only while this
  // worker's thread is free: wait until each helper has its part, or they would start after the
  // first part is read instead of beside it.
  await Promise.race([Promise.all(jobs.map((j) => j.started)), new Promise((resolve) => setTimeout(resolve, START_TIMEOUT_MS))]);
  // The first part is read here while the others are read on the other cores.
  const book = readWorkbook(withEntryReplaced(entries, target.name, split.docs[0]), fileName, partLimits, undefined, skipInflateCheck);
  const parts = await withTimeout(Promise.all(others), PART_TIMEOUT_MS);
  const name = parts[0].name;
  if (parts.some((p) => p.name !== name)) return null;
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) return null;
  const rows = mergeRows(sheet, split.firstRows[1], parts);
  if (!rows || rows.length > limits.maxRows) return null;
  return { ...book, sheets: book.sheets.map((s) => (s === sheet ? { name, rows } : s)) };
}

/**
 * Verifies a ZIP container natively and reads its largest worksheet in parts when `reader` is given
 * and the sheet is large. Returns the workbook read, or the import options to use for the ordinary
 * import (with the inflate check skipped when the container was verified here). `inflate` is the
 * browser's DecompressionStream unless the host has a faster one (the CLI: Node's zlib, twice as fast).
 */
export async function fastRead(bytes: Uint8Array, fileName: string, options: ImportOptions, reader: PartReader | null, tuning: Partial<SplitTuning> = {}, inflate: EntryInflate = nativeInflate): Promise<FastRead> {
  const { minSplitBytes, maxSharedShare } = { ...DEFAULT_TUNING, ...tuning };
  const format = sniffFormat(bytes, fileName);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  if (!ZIP_FORMATS.has(format) || bytes.length > limits.maxBytes) return { options };
  let entries: ZipEntry[];
  let deflated: ZipEntry[];
  try {
    ({ entries, deflated } = scanZip(bytes, limits.maxUncompressedBytes));
  } catch {
    return { options };
  }
  const target = reader && reader.parallelism > 0 && options.sheet === undefined && SPLITTABLE.has(format) ? largestWorksheet(entries, minSplitBytes) : null;
  let xml: Uint8Array | null = target?.method === 0 ? target.data : null;
  try {
    for (const e of deflated) {
      const out = await inflate(e.data, e.declared, e === target);
      if (e === target) xml = out;
    }
  } catch {
    return { options };
  }
  const verified = { ...options, inflateCheck: skipInflateCheck };
  if (!target || !xml || !reader) return { options: verified };
  try {
    const book = await readSplit(entries, target, xml, fileName, limits, reader, maxSharedShare);
    return book ? { book } : { options: verified };
  } catch {
    // A part refused (a limit, a damaged row): the ordinary read gives the user its own message.
    return { options: verified };
  }
}
