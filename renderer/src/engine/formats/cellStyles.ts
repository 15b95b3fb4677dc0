/**
 * Cell styles for written .xlsx sheets, which SheetJS's community edition cannot write: bold,
 * wrapped, shaded and bordered cells patched into styles.xml and the sheet XML after writing.
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
  vertical?: 'top' | 'center';
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
    let font = fontFace.replace(/<b\/>/, '').replace(/<sz val="[\d.]+"\/>/, `<sz val="${s.size ?? 12}"/>`);
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
    if (s.border) {
      const side = (n: string): string => `<${n} style="thin"><color rgb="FF999999"/></${n}>`;
      const r = append(xml, 'borders', [`<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`]);
      xml = r.xml;
      borderId = r.first;
    }
    const align = s.wrap || s.vertical ? `<alignment${s.wrap ? ' wrapText="1"' : ''}${s.vertical ? ` vertical="${s.vertical}"` : ''}/>` : '';
    const xf = `<xf numFmtId="0" fontId="${f.first}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyFont="1"${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ` applyAlignment="1">${align}</xf>` : '/>'}`;
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
