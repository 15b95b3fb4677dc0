/**
 * Reading a large worksheet in parts on several cores (worker/parallelRead with sheetSplit) must
 * give exactly what the ordinary one-pass read gives: same organization, same issues (with their
 * rows), same layout — for the import fixtures, every .xlsx/.xlsm of the shared corpus (split even
 * when small), and a generated sheet of 12,000 rows. Hostile containers are left to the ordinary
 * path, and sheets that cannot be cut safely are not cut.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { describe, expect, test } from 'vitest';
import { splitWorksheetXml } from '../../renderer/src/engine/formats/sheetSplit';
import { importOrganization, importWorkbook, type ImportResult } from '../../renderer/src/engine/import';
import { fastRead, readPartRows, type PartReader, type SplitTuning } from '../../renderer/src/worker/parallelRead';
import { buildZip, deflated, lyingBombXlsx, sheetXml, type ZipEntry } from '../helpers/hostile-zip';
import { readWorkbook, DEFAULT_LIMITS } from '../../renderer/src/engine/formats/readWorkbook';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/import');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'sheetjs');

/** The helpers' work done in this process (the same function the helper worker runs). */
function inProcess(parallelism: number): PartReader {
  return { parallelism, read: (bytes, i, file, limits, firstRow) => ({ started: Promise.resolve(), rows: Promise.resolve().then(() => readPartRows(bytes, i, file, limits, firstRow)) }) };
}

/** Splits even small sheets, so the comparison exercises the cut and the merge on every file. */
const ALWAYS = { minSplitBytes: 0, maxSharedShare: Infinity };

async function viaParts(bytes: Uint8Array, file: string, parallelism: number, tuning: Partial<SplitTuning> = ALWAYS): Promise<{ result: ImportResult; split: boolean }> {
  const fast = await fastRead(bytes, file, {}, inProcess(parallelism), tuning);
  return 'book' in fast ? { result: importWorkbook(fast.book, file, {}), split: true } : { result: importOrganization(bytes, file, fast.options), split: false };
}

function xlsxFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.(xlsx|xlsm)$/i.test(f)).sort().map((f) => path.join(dir, f));
}

describe('parallel read equals the ordinary read', () => {
  const files = [...xlsxFiles(FIXTURES), ...xlsxFiles(CORPUS)];

  test('fixtures and corpus, cut into 2 and 4 parts', async () => {
    expect(files.length).toBeGreaterThan(20);
    let split = 0;
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const name = path.basename(file);
      const usual = importOrganization(bytes, name);
      for (const parallelism of [1, 3]) {
        const got = await viaParts(bytes, name, parallelism);
        expect(got.result, `${name} in ${parallelism + 1} parts`).toEqual(usual);
        if (got.split) split++;
      }
    }
    // Most files have a sheet with enough rows to cut; the comparison above must have exercised it.
    expect(split).toBeGreaterThan(files.length / 2);
  }, 240_000);

  test('a generated long sheet of 12,000 rows, ratings included, cut at the default size', async () => {
    const rows: (string | number)[][] = [['Name', 'Role', 'Department', 'Task', 'Hours per week', 'Empowerment (1-20)', 'Desirability (1-20)']];
    for (let i = 0; i < 12_000; i++) {
      const p = i >> 3;
      rows.push([`Person ${p}`, `Role ${p % 17}`, `Dept ${p % 5}`, `Task ${(i * 7) % 311}`, 1 + (i % 9) / 2, 1 + ((i * 7) % 311) % 20, 1 + ((i * 13) % 311) % 20]);
    }
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Work');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Notes'], ['generated']]), 'Notes');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }));
    const usual = importOrganization(bytes, 'big.xlsx');
    expect(usual.organization?.people.length).toBe(1500);
    const got = await viaParts(bytes, 'big.xlsx', 1, { minSplitBytes: 1_000_000 });
    expect(got.split).toBe(true);
    expect(got.result).toEqual(usual);
  }, 120_000);
});

describe('what the fast path leaves to the ordinary read', () => {
  test('a lying zip bomb is not verified, so the ordinary read refuses it with its own message', async () => {
    const bytes = lyingBombXlsx(64 * 1_048_576);
    const fast = await fastRead(bytes, 'bomb.xlsx', {}, inProcess(1), ALWAYS);
    expect('options' in fast && fast.options.inflateCheck).toBeFalsy();
    const got = await viaParts(bytes, 'bomb.xlsx', 1);
    expect(got.result.fatal).toMatch(/inflates to more than its declared size/);
  });

  test('a CSV or an .ods is never split', async () => {
    for (const f of ['long-comma-bom.csv', 'long-basic.ods']) {
      const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, f)));
      const fast = await fastRead(bytes, f, {}, inProcess(1), ALWAYS);
      expect('book' in fast).toBe(false);
    }
  });
});

describe('splitWorksheetXml', () => {
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  const sheet = (rows: string, prefix = '') =>
    enc.encode(`<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}sheetData>${rows}</${prefix}sheetData><${prefix}mergeCells count="0"/></${prefix}worksheet>`);
  const numbered = (n: number, prefix = '') => Array.from({ length: n }, (_, i) => `<${prefix}row r="${i + 1}"><${prefix}c r="A${i + 1}"><${prefix}v>${i}</${prefix}v></${prefix}c></${prefix}row>`).join('');

  test('cuts before whole numbered rows and keeps the head and tail in every part', () => {
    const parts = splitWorksheetXml(sheet(numbered(100)), 3)!;
    expect(parts.docs).toHaveLength(3);
    expect(parts.firstRows[0]).toBe(0);
    expect(parts.firstRows[1]).toBeGreaterThan(20);
    expect(parts.firstRows[2]).toBeGreaterThan(parts.firstRows[1]);
    const texts = parts.docs.map((d) => dec.decode(d));
    for (const t of texts) {
      expect(t).toMatch(/^<\?xml version="1.0"\?><worksheet [^>]*><sheetData><row r="\d+">/);
      expect(t).toMatch(/<\/row><\/sheetData><mergeCells count="0"\/><\/worksheet>$/);
    }
    const all = texts.flatMap((t) => [...t.matchAll(/<row r="(\d+)">/g)].map((m) => Number(m[1])));
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(texts[1]).toContain(`<row r="${parts.firstRows[1] + 1}">`);
  });

  test('follows a namespace prefix', () => {
    const parts = splitWorksheetXml(sheet(numbered(50, 'x:'), 'x:'), 2)!;
    expect(parts.docs).toHaveLength(2);
    expect(dec.decode(parts.docs[1])).toMatch(/<x:sheetData><x:row r="\d+">.*<\/x:row><\/x:sheetData>/);
  });

  test('does not cut where rows carry no number, or when there is nothing to cut', () => {
    const unnumbered = Array.from({ length: 60 }, (_, i) => `<row><c><v>${i}</v></c></row>`).join('');
    expect(splitWorksheetXml(sheet(unnumbered), 2)).toBeNull();
    expect(splitWorksheetXml(enc.encode('<worksheet><sheetData/></worksheet>'), 2)).toBeNull();
    expect(splitWorksheetXml(enc.encode('<worksheet></worksheet>'), 2)).toBeNull();
    expect(splitWorksheetXml(sheet(numbered(40)), 1)).toBeNull();
  });
});

describe('workbooks whose parts are named or shared unusually', () => {
  const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>';
  const ROOT_RELS = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
  const WS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
  const WB = '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Work" sheetId="1" r:id="rId1"/><sheet name="Roster" sheetId="2" r:id="rId2"/></sheets></workbook>';
  const work: (string | number)[][] = [['Name', 'Task', 'Hours']];
  for (let i = 0; i < 3000; i++) work.push([`Person ${i % 300}`, `Task ${i % 37}`, 1 + (i % 5)]);

  /** A two-sheet workbook whose second sheet lives in the part `second` (relative to xl/). */
  function workbook(second: string): Uint8Array {
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${WS}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${WS}" Target="${second}"/></Relationships>`;
    const entries: ZipEntry[] = [
      { name: '[Content_Types].xml', payload: deflated(CT) },
      { name: '_rels/.rels', payload: deflated(ROOT_RELS) },
      { name: 'xl/workbook.xml', payload: deflated(WB) },
      { name: 'xl/_rels/workbook.xml.rels', payload: deflated(rels) },
      { name: 'xl/worksheets/sheet1.xml', payload: deflated(sheetXml(work)) },
    ];
    if (second !== 'worksheets/sheet1.xml') entries.push({ name: `xl/${second}`, payload: deflated(sheetXml([['Name', 'Role'], ['Person 1', 'Clerk']])) });
    return new Uint8Array(buildZip(entries));
  }
  const shape = (book: { sheets: { name: string; rows: unknown[] }[] }) => book.sheets.map((s) => `${s.name}:${s.rows.filter((r) => (r as unknown[]).length).length}`).join(' ');

  test('a sheet in a part with a non-ASCII name is kept (the rebuilt container keeps the name bytes)', async () => {
    const bytes = workbook('worksheets/Übersicht.xml');
    const usual = readWorkbook(bytes, 'x.xlsx', DEFAULT_LIMITS);
    expect(shape(usual)).toBe('Work:3001 Roster:2');
    const fast = await fastRead(bytes, 'x.xlsx', {}, inProcess(1), ALWAYS);
    expect('book' in fast && shape(fast.book)).toBe('Work:3001 Roster:2');
    expect((await viaParts(bytes, 'x.xlsx', 1)).result).toEqual(importOrganization(bytes, 'x.xlsx'));
  });

  test('two sheets on one part are not split (each would be read from the first part only)', async () => {
    const bytes = workbook('worksheets/sheet1.xml');
    const fast = await fastRead(bytes, 'x.xlsx', {}, inProcess(1), ALWAYS);
    expect('book' in fast).toBe(false);
    expect((await viaParts(bytes, 'x.xlsx', 1)).result).toEqual(importOrganization(bytes, 'x.xlsx'));
  });
});

test('a workbook whose other parts are large beside the sheet is read whole (each helper would inflate them again)', async () => {
  const rows: (string | number)[][] = [['Name', 'Task', 'Hours']];
  for (let i = 0; i < 3000; i++) rows.push([`Person ${i % 300}`, `Task ${i % 37}`, 1 + (i % 5)]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Work');
  const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }));
  // The theme, styles and package parts are ~13 KB beside a ~150 KB sheet.
  expect('book' in (await fastRead(bytes, 'w.xlsx', {}, inProcess(1), { minSplitBytes: 0, maxSharedShare: 0.25 }))).toBe(true);
  expect('book' in (await fastRead(bytes, 'w.xlsx', {}, inProcess(1), { minSplitBytes: 0, maxSharedShare: 0.01 }))).toBe(false);
});
