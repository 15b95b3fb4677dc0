/**
 * Adds a native Excel chart to a written .xlsx (SheetJS's community edition writes none): the chart
 * and drawing parts (chartXml.ts), their relationships, the content types, the sheet's <drawing>
 * and a page break above the chart, so it prints on a page of its own.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { drawingXml, scatterChartXml, type AnchorPoint, type ScatterChartSpec } from './chartXml';
import { escapeXml } from './xmlEscape';

export interface SheetChart {
  /** 1-based index of the sheet it is drawn on (xl/worksheets/sheetN.xml). */
  sheet: number;
  /** 0-based row of its top edge, at column A; the printed page breaks above this row. */
  row: number;
  /** Size in pixels at 96 dpi. */
  width: number;
  height: number;
  chart: ScatterChartSpec;
  /** Alternative text: what the chart shows, for screen readers. */
  description: string;
}

const EMU_PER_PX = 9525;
/** Excel's default column (8.43 characters) and row (15 points) in pixels. */
const DEFAULT_COL_PX = 64;
const DEFAULT_ROW_PX = 20;
/** Pixels between the page break and the chart's frame: a frame on the break itself is printed on both pages. */
const TOP_GAP = 8;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const OOXML_TYPE = 'application/vnd.openxmlformats-officedocument';
const CT_DRAWING = `${OOXML_TYPE}.drawing+xml`;
const CT_CHART = `${OOXML_TYPE}.drawingml.chart+xml`;

/** Elements that follow <drawing> in CT_Worksheet. */
const AFTER_DRAWING = /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;
/** Elements that follow <rowBreaks> in CT_Worksheet. */
const AFTER_ROW_BREAKS = /<(colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/**
 * The formula of one column's cells at the given 0-based rows: a range per run of consecutive rows,
 * several runs as a union in parentheses. The sheet's name is always quoted, its quotes doubled.
 */
export function seriesRef(sheetName: string, column: number, rows: number[]): string {
  if (rows.length === 0) throw new RangeError('a chart series needs at least one cell');
  const sheet = `'${sheetName.replace(/'/g, "''")}'`;
  const col = XLSX.utils.encode_col(column);
  const runs: [number, number][] = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && r === last[1] + 1) last[1] = r;
    else runs.push([r, r]);
  }
  const ranges = runs.map(([a, b]) => (a === b ? `${sheet}!$${col}$${a + 1}` : `${sheet}!$${col}$${a + 1}:$${col}$${b + 1}`));
  return ranges.length === 1 ? ranges[0] : `(${ranges.join(',')})`;
}

/** Column widths of a sheet in pixels (0-based column → px), from its <cols>. */
function columnPixels(sheetXml: string): (c: number) => number {
  const widths = new Map<number, number>();
  for (const m of sheetXml.matchAll(/<col\b([^>]*)\/?>/g)) {
    const attr = (name: string): number => Number(new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1]);
    const [min, max, width] = [attr('min'), attr('max'), attr('width')];
    if (!Number.isFinite(min) || !Number.isFinite(max) || !Number.isFinite(width)) continue;
    for (let c = min - 1; c <= Math.min(max - 1, min + 200); c++) widths.set(c, Math.trunc(width * 7 + 0.5));
  }
  return (c) => widths.get(c) ?? DEFAULT_COL_PX;
}

/** Row heights of a sheet in pixels (0-based row → px), from its rows' ht (points). */
function rowPixels(sheetXml: string): (r: number) => number {
  const heights = new Map<number, number>();
  for (const m of sheetXml.matchAll(/<row\b[^>]*\br="(\d+)"[^>]*\bht="([\d.]+)"/g)) heights.set(Number(m[1]) - 1, Math.round((Number(m[2]) * 96) / 72));
  return (r) => heights.get(r) ?? DEFAULT_ROW_PX;
}

/** The cell corner `px` pixels along from the start of cell `start`, walking cells of the given sizes. */
function walk(start: number, px: number, size: (i: number) => number): { at: number; off: number } {
  let at = start;
  let left = px;
  while (left >= size(at)) {
    left -= size(at);
    at++;
  }
  return { at, off: left * EMU_PER_PX };
}

/**
 * The sheet with rows `from`..`to` (0-based) written 15 points high where it has none after its last:
 * the chart's anchor counts such rows as Excel's default 15 points, LibreOffice draws them lower
 * (from its own default font) and would squash the chart.
 */
function fixRowHeights(sheetXml: string, from: number, to: number): string {
  const last = Math.max(0, ...[...sheetXml.matchAll(/<row\b[^>]*\br="(\d+)"/g)].map((m) => Number(m[1])));
  if (!sheetXml.includes('</sheetData>')) return sheetXml;
  let rows = '';
  for (let r = Math.max(from, last); r <= to; r++) rows += `<row r="${r + 1}" ht="15" customHeight="1"/>`;
  return sheetXml.replace('</sheetData>', `${rows}</sheetData>`);
}

function firstFree(files: Record<string, Uint8Array>, path: (n: number) => string): number {
  let n = 1;
  while (files[path(n)]) n++;
  return n;
}

function relsXml(rels: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
}

/** The sheet's relationships with one to `target` added; returns the new XML and the new id. */
function addRelationship(existing: string | null, type: string, target: string): { xml: string; id: string } {
  const used = new Set([...(existing ?? '').matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const xml = existing ? existing.replace('</Relationships>', `${rel}</Relationships>`) : relsXml([rel]);
  return { xml, id };
}

function insertBefore(xml: string, after: RegExp, element: string): string {
  const at = xml.search(after);
  if (at < 0) throw new RangeError('not a worksheet: no place for a chart');
  return xml.slice(0, at) + element + xml.slice(at);
}

/** The workbook with each chart drawn on its sheet (one chart per sheet). */
export function addCharts(xlsx: Uint8Array, charts: readonly SheetChart[]): Uint8Array {
  if (charts.length === 0) return xlsx;
  const files = unzipSync(xlsx);
  const read = (path: string): string | null => (files[path] ? strFromU8(files[path]) : null);
  const overrides: string[] = [];
  for (const c of charts) {
    const sheetPath = `xl/worksheets/sheet${c.sheet}.xml`;
    let sheet = read(sheetPath);
    if (sheet === null) throw new RangeError(`the workbook has no ${sheetPath}`);
    if (/<drawing\b/.test(sheet)) throw new RangeError(`sheet ${c.sheet} already has a drawing`);
    // <drawing r:id> needs the relationships namespace on the root (SheetJS declares it; another writer may not).
    if (!/<worksheet\b[^>]*\bxmlns:r=/.test(sheet)) sheet = sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL}"`);
    const d = firstFree(files, (n) => `xl/drawings/drawing${n}.xml`);
    const k = firstFree(files, (n) => `xl/charts/chart${n}.xml`);
    const cols = walk(0, c.width, columnPixels(sheet));
    const rows = walk(c.row, TOP_GAP + c.height, rowPixels(sheet));
    const from: AnchorPoint = { col: 0, row: c.row, colOff: 0, rowOff: TOP_GAP * EMU_PER_PX };
    const to: AnchorPoint = { col: cols.at, colOff: cols.off, row: rows.at, rowOff: rows.off };
    files[`xl/charts/chart${k}.xml`] = strToU8(scatterChartXml(c.chart));
    files[`xl/drawings/drawing${d}.xml`] = strToU8(drawingXml(from, to, 'rId1', `Chart ${k}`, c.description));
    files[`xl/drawings/_rels/drawing${d}.xml.rels`] = strToU8(relsXml([`<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart${k}.xml"/>`]));
    const relsPath = `xl/worksheets/_rels/sheet${c.sheet}.xml.rels`;
    const rel = addRelationship(read(relsPath), `${REL}/drawing`, `../drawings/drawing${d}.xml`);
    files[relsPath] = strToU8(rel.xml);
    sheet = fixRowHeights(sheet, c.row, rows.at);
    if (c.row > 0 && !/<rowBreaks\b/.test(sheet)) {
      sheet = insertBefore(sheet, AFTER_ROW_BREAKS, `<rowBreaks count="1" manualBreakCount="1"><brk id="${c.row}" max="16383" man="1"/></rowBreaks>`);
    }
    files[sheetPath] = strToU8(insertBefore(sheet, AFTER_DRAWING, `<drawing r:id="${rel.id}"/>`));
    overrides.push(`<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="${CT_DRAWING}"/>`, `<Override PartName="/xl/charts/chart${k}.xml" ContentType="${CT_CHART}"/>`);
  }
  const types = read('[Content_Types].xml');
  if (types === null) throw new RangeError('the workbook has no [Content_Types].xml');
  files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `${overrides.join('')}</Types>`));
  return zipSync(files, { level: 6 });
}
