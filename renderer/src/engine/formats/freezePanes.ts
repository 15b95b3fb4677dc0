/**
 * Freezes header rows in a written .xlsx. SheetJS's community edition does not write panes, so
 * each listed sheet's <sheetView> gets a frozen pane added in a re-zipped copy.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/** `rows` maps a 1-based sheet index (as in xl/worksheets/sheetN.xml) to the rows to freeze. */
export function freezeHeaderRows(xlsx: Uint8Array, rows: Map<number, number>): Uint8Array {
  const files = unzipSync(xlsx);
  for (const [index, n] of rows) {
    const path = `xl/worksheets/sheet${index}.xml`;
    const data = files[path];
    if (!data || n < 1) continue;
    const cell = `A${n + 1}`;
    const pane = `<pane ySplit="${n}" topLeftCell="${cell}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${cell}" sqref="${cell}"/>`;
    const xml = strFromU8(data).replace(/<sheetView ([^>]*?)\/>/, `<sheetView $1>${pane}</sheetView>`);
    files[path] = strToU8(xml);
  }
  return zipSync(files, { level: 6 });
}
