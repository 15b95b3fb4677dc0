/** Builds a worksheet from rows of primitive values: sized columns, header filter, numeric cells. */
import * as XLSX from 'xlsx';
import { toCell, widthOf, type Out } from './sheetCells';
import { patchSheets, type SheetPatch } from './sheetXmlPatch';

export interface SheetSpec {
  name: string;
  rows: Out[][];
  /** 1-based row of the table header to filter and freeze below; null for free-form sheets. */
  headerRow: number | null;
  /** Widest a column may grow, in characters (long readings wrap past it). */
  maxWidth?: number;
}

export function buildSheet(spec: SheetSpec): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let maxCol = 0;
  const widths: number[] = [];
  spec.rows.forEach((row, r) => {
    row.forEach((v, c) => {
      const cell = toCell(v);
      if (!cell) return;
      ws[XLSX.utils.encode_cell({ r, c })] = cell;
      maxCol = Math.max(maxCol, c);
      widths[c] = Math.max(widths[c] ?? 0, widthOf(v));
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, spec.rows.length - 1), c: maxCol } });
  ws['!cols'] = Array.from({ length: maxCol + 1 }, (_, c) => ({ wch: Math.min(spec.maxWidth ?? 60, Math.max(8, (widths[c] ?? 0) + 2)) }));
  if (spec.headerRow !== null && spec.rows.length >= spec.headerRow) {
    const hr = spec.headerRow - 1;
    const width = spec.rows[hr].length;
    let last = hr;
    while (last + 1 < spec.rows.length && spec.rows[last + 1].some((v) => v !== null)) last++;
    ws['!autofilter'] = { ref: XLSX.utils.encode_range({ s: { r: hr, c: 0 }, e: { r: last, c: Math.max(0, width - 1) } }) };
  }
  return ws;
}

/** Writes sheets as .xlsx bytes; every sheet but the first (a free-form summary) freezes its header. */
export function writeWorkbook(specs: SheetSpec[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of specs) XLSX.utils.book_append_sheet(wb, buildSheet(s), s.name);
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  const patches = new Map<number, SheetPatch>(specs.map((s, i) => [i + 1, { freezeRows: s.headerRow !== null && i > 0 ? s.headerRow : 0 }]));
  return patchSheets(new Uint8Array(bytes), patches);
}
