/** Reads what SheetJS does not read back from a written .xlsx: a cell's format (its <xf>), number format code, and a sheet's XML. */
import { strFromU8, unzipSync } from 'fflate';

export interface WrittenBook {
  sheet(n: number): string;
  styles: string;
  workbook: string;
}

export function openXml(bytes: Uint8Array): WrittenBook {
  const files = unzipSync(bytes);
  return {
    sheet: (n) => strFromU8(files[`xl/worksheets/sheet${n}.xml`]),
    styles: strFromU8(files['xl/styles.xml']),
    workbook: strFromU8(files['xl/workbook.xml']),
  };
}

/** The <xf> of a cell in cellXfs (the default format when the cell has no s), or null when the cell is not written. */
export function cellXf(book: WrittenBook, sheet: number, ref: string): string | null {
  const cell = new RegExp(`<c r="${ref}"([^>]*?)/?>`).exec(book.sheet(sheet));
  if (!cell) return null;
  const s = Number(/\ss="(\d+)"/.exec(cell[1])?.[1] ?? 0);
  const list = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(book.styles)![1];
  return list.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)![s];
}

const BUILT_IN: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%' };

/** The number format code of a cell, as Excel and LibreOffice will show it. */
export function numFmtOf(book: WrittenBook, sheet: number, ref: string): string | null {
  const xf = cellXf(book, sheet, ref);
  if (xf === null) return null;
  const id = Number(/numFmtId="(\d+)"/.exec(xf)![1]);
  const custom = new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]*)"`).exec(book.styles)?.[1];
  return custom?.replace(/&quot;/g, '"').replace(/&amp;/g, '&') ?? BUILT_IN[id] ?? `#${id}`;
}

/** The font of a cell's format. */
export function fontOf(book: WrittenBook, sheet: number, ref: string): string {
  const id = Number(/fontId="(\d+)"/.exec(cellXf(book, sheet, ref) ?? '')?.[1] ?? 0);
  return /<fonts[^>]*>([\s\S]*?)<\/fonts>/.exec(book.styles)![1].match(/<font>[\s\S]*?<\/font>/g)![id];
}

export interface Rule {
  sqref: string;
  type: string;
  /** The cfvo values in order (an icon set's first is its 0 percent floor). */
  values: number[];
  xml: string;
}

/** Every conditional-format rule of a sheet's XML, with the range it covers. */
export function rules(sheetXml: string): Rule[] {
  const out: Rule[] = [];
  for (const m of sheetXml.matchAll(/<conditionalFormatting sqref="([^"]+)">([\s\S]*?)<\/conditionalFormatting>/g)) {
    for (const r of m[2].matchAll(/<cfRule type="(\w+)"[\s\S]*?<\/cfRule>/g)) {
      out.push({ sqref: m[1], type: r[1], values: [...r[0].matchAll(/<cfvo type="\w+" val="([^"]+)"/g)].map((v) => Number(v[1])), xml: r[0] });
    }
  }
  return out;
}
