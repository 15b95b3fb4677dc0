/**
 * Cell styles for written .xlsx sheets, which SheetJS's community edition cannot write: bold,
 * wrapped, shaded and bordered cells (with their number format) patched into styles.xml and the
 * sheet XML after writing.
 */

export interface CellStyle {
  bold?: boolean;
  /** Font size in points (the workbook's default is 12). */
  size?: number;
  wrap?: boolean;
  /** Background as RGB hex, e.g. "FFF8DC". */
  fill?: string;
  /** A thin border on all four sides. */
  border?: boolean;
  vertical?: 'top' | 'center' | 'bottom';
  horizontal?: 'left' | 'right' | 'center';
  /** Text turned 90° anticlockwise (read bottom to top), for the heads of many narrow columns. */
  upright?: boolean;
  /** Indent from the cell's edge, in steps of about a character (text beside a right-aligned number would touch it). */
  indent?: number;
  /** Only a bottom border (a table header's rule), in the header's darker grey. */
  underline?: boolean;
  /** Font colour as RGB hex. */
  color?: string;
  italic?: boolean;
  /** A number format code (e.g. "0.0"): a styled number cell keeps the format SheetJS gave it only through this. */
  numFmt?: string;
}

/** Format codes Excel knows by a built-in id (SheetJS writes these ids without a <numFmt> entry). */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

function xmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The id of a number format in styles.xml, adding a <numFmt> (and the <numFmts> list) when it has none. */
function numFmtId(xml: string, code: string): { xml: string; id: number } {
  if (Object.hasOwn(BUILT_IN_FORMATS, code)) return { xml, id: BUILT_IN_FORMATS[code] };
  const attr = xmlAttr(code);
  const ids = [...xml.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)];
  const found = ids.find((m) => m[2] === attr);
  if (found) return { xml, id: Number(found[1]) };
  // Custom formats are numbered from 164 up, past every built-in id.
  const id = Math.max(163, ...ids.map((m) => Number(m[1]))) + 1;
  const entry = `<numFmt numFmtId="${id}" formatCode="${attr}"/>`;
  if (/<numFmts\b/.test(xml)) return { xml: append(xml, 'numFmts', [entry]).xml, id };
  return { xml: xml.replace(/<fonts\b/, `<numFmts count="1">${entry}</numFmts><fonts`), id };
}

/** Decimal column number of a column's letters (A = 0). */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function columnLetters(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Appends `count` children to a `<tag count="n">…</tag>` list, returning the new XML and the index of the first added. */
function append(xml: string, tag: string, children: string[]): { xml: string; first: number } {
  const open = new RegExp(`<${tag}\\b[^>]*count="(\\d+)"[^>]*>`).exec(xml);
  if (!open) throw new RangeError(`styles.xml has no <${tag}> list`);
  const first = Number(open[1]);
  const out = xml.replace(open[0], open[0].replace(/count="\d+"/, `count="${first + children.length}"`)).replace(`</${tag}>`, `${children.join('')}</${tag}>`);
  return { xml: out, first };
}

/**
 * styles.xml with one cell format per style added; returns the new XML and each style's `s` index.
 * Each style gets its own font, fill and border entries (a form has a handful, so sharing is not worth it).
 */
export function addCellStyles(stylesXml: string, styles: readonly CellStyle[]): { xml: string; ids: number[] } {
  const fontFace = /<font>[\s\S]*?<\/font>/.exec(stylesXml)?.[0] ?? '<font><sz val="12"/><name val="Calibri"/></font>';
  let xml = stylesXml;
  const ids: number[] = [];
  for (const s of styles) {
    let font = fontFace.replace(/<[bi]\/>/g, '').replace(/<sz val="[\d.]+"\/>/, `<sz val="${s.size ?? 12}"/>`);
    if (s.color) font = font.replace(/<color [^>]*\/>/, '').replace(/(<sz [^>]*\/>)/, `$1<color rgb="FF${s.color}"/>`);
    if (s.italic) font = font.replace('<font>', '<font><i/>');
    if (s.bold) font = font.replace('<font>', '<font><b/>');
    const f = append(xml, 'fonts', [font]);
    xml = f.xml;
    let fillId = 0;
    if (s.fill) {
      const r = append(xml, 'fills', [`<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`]);
      xml = r.xml;
      fillId = r.first;
    }
    let borderId = 0;
    if (s.border || s.underline) {
      const side = (n: string): string => `<${n} style="thin"><color rgb="FF999999"/></${n}>`;
      const border = s.border ? `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`
        : '<border><left/><right/><top/><bottom style="thin"><color rgb="FF7F7F7F"/></bottom><diagonal/></border>';
      const r = append(xml, 'borders', [border]);
      xml = r.xml;
      borderId = r.first;
    }
    let fmt = 0;
    if (s.numFmt !== undefined) {
      const n = numFmtId(xml, s.numFmt);
      xml = n.xml;
      fmt = n.id;
    }
    const horizontal = s.horizontal ?? (s.indent ? 'left' : undefined);
    const alignAttrs = `${horizontal ? ` horizontal="${horizontal}"` : ''}${s.indent ? ` indent="${s.indent}"` : ''}${s.vertical ? ` vertical="${s.vertical}"` : ''}${s.upright ? ' textRotation="90"' : ''}${s.wrap ? ' wrapText="1"' : ''}`;
    const align = alignAttrs ? `<alignment${alignAttrs}/>` : '';
    const xf = `<xf numFmtId="${fmt}" fontId="${f.first}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"${fmt ? ' applyNumberFormat="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ` applyAlignment="1">${align}</xf>` : '/>'}`;
    const x = append(xml, 'cellXfs', [xf]);
    xml = x.xml;
    ids.push(x.first);
  }
  return { xml, ids };
}

/**
 * Sheet XML with `styles` (cell reference → `s` index) applied: existing cells get the index (their
 * own number format is replaced), missing cells are added empty, in column order, so an empty input
 * cell can be shaded. Only rows that already exist are touched.
 */
export function styleCells(sheetXml: string, styles: ReadonlyMap<string, number>): string {
  const byRow = new Map<number, Map<number, number>>();
  for (const [ref, s] of styles) {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    if (!m) throw new RangeError(`not a cell reference: ${ref}`);
    const row = Number(m[2]);
    if (!byRow.has(row)) byRow.set(row, new Map());
    byRow.get(row)!.set(columnIndex(m[1]), s);
  }
  return sheetXml.replace(/<row r="(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g, (whole, r: string, attrs: string, body: string | undefined) => {
    const want = byRow.get(Number(r));
    if (!want) return whole;
    const cells = new Map<number, string>();
    for (const m of (body ?? '').matchAll(/<c r="([A-Z]+)\d+"([^>]*?)(\/>|>[\s\S]*?<\/c>)/g)) cells.set(columnIndex(m[1]), m[0]);
    for (const [c, s] of want) {
      const cell = cells.get(c);
      cells.set(c, cell ? cell.replace(/^<c\b([^>]*?)(\/?)>/, (_m, a: string, slash: string) => `<c${a.replace(/\s+s="\d+"/, '')} s="${s}"${slash}>`) : `<c r="${columnLetters(c)}${r}" s="${s}"/>`);
    }
    const ordered = [...cells.entries()].sort((a, b) => a[0] - b[0]).map(([, x]) => x).join('');
    return `<row r="${r}"${attrs.replace(/\s+spans="[^"]*"/, '')}>${ordered}</row>`;
  });
}

/** Distinct styles by value, so a sheet of a thousand styled cells adds a handful of formats to styles.xml. */
export class StyleBook {
  private readonly keys = new Map<string, number>();
  readonly styles: CellStyle[] = [];

  /** The style's position in `styles` (addCellStyles' `ids` maps it to an `s` index). */
  add(style: CellStyle): number {
    const key = JSON.stringify(Object.entries(style).filter(([, v]) => v !== undefined && v !== false).sort());
    let at = this.keys.get(key);
    if (at === undefined) {
      at = this.styles.length;
      this.styles.push(style);
      this.keys.set(key, at);
    }
    return at;
  }
}
