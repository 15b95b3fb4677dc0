/**
 * patches/xlsx+0.20.3.patch (applied by `patch-package` on install): SheetJS 0.20.3 meant to look for
 * the worksheet's header elements before <sheetData> and its footer elements (merges, hyperlinks,
 * margins) after it, but a missing match index made both searches run over the whole sheet, every
 * cell included — about a sixth of a large sheet's read. These tests fail if the patch is not applied
 * and show that what files really contain is still read.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, test } from 'vitest';

const SHEET = 'xl/worksheets/sheet1.xml';

function bookWithMerge(): Record<string, Uint8Array> {
  const ws = XLSX.utils.aoa_to_sheet([['Team', ''], ['Ana', 3]]);
  ws['!merges'] = [XLSX.utils.decode_range('A1:B1')];
  ws['!margins'] = { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 };
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, 'Staff');
  return unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
}

function read(files: Record<string, Uint8Array>): XLSX.WorkSheet {
  const wb = XLSX.read(zipSync(files), { type: 'array', dense: true });
  return wb.Sheets.Staff;
}

describe('SheetJS worksheet read (patched)', () => {
  test('merges and margins after the cells are read, as written', () => {
    const files = bookWithMerge();
    expect(strFromU8(files[SHEET])).toMatch(/<\/sheetData>.*<mergeCells/s);
    const ws = read(files);
    expect(ws['!merges']).toEqual([XLSX.utils.decode_range('A1:B1')]);
    expect(ws['!margins']?.left).toBe(0.3);
    expect(ws['!data']?.[1]?.[1]?.v).toBe(3);
  });

  test('footer elements are looked for only after the cells, header elements only before them', () => {
    const files = bookWithMerge();
    const xml = strFromU8(files[SHEET]);
    const merges = /<mergeCells\b.*?<\/mergeCells>/s.exec(xml)?.[0];
    expect(merges).toBeTruthy();
    // Out of schema order (no spreadsheet program writes this): before the patch it was found anyway,
    // because every footer search ran over the whole sheet.
    files[SHEET] = strToU8(xml.replace(merges!, '').replace('<sheetData>', `${merges}<sheetData>`));
    const ws = read(files);
    expect(ws['!merges'] ?? []).toEqual([]);
    expect(ws['!data']?.[1]?.[0]?.v).toBe('Ana');
  });
});
