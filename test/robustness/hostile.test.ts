/**
 * Hostile and broken inputs, generated here: each must be refused by the CLI with exit 1 and one
 * clear line on stderr that names the problem, quickly and with bounded memory (the child runs with
 * --max-old-space-size=512 and its peak RSS is measured). The CLI's usage errors (exit 2) and the
 * importer's limits in-process are in hostileLimits.test.ts.
 */
import * as zlib from 'node:zlib';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, test } from 'vitest';
import { describeRun, ensureCliBuilt, messageWithoutName } from '../helpers/hostile-cli';
import { GiB, HEADER, longRows, MiB, randomBytes, useHostileFiles, workbookBytes } from '../helpers/hostile-files';
import {
  crc32,
  declaredUncompressedTotal,
  deflatedZeros,
  lyingBombXlsx,
  manyEntryBombXlsx,
  singleEntryBombXlsx,
  smallXlsx,
} from '../helpers/hostile-zip';

/** Just under the ZIP32 ceiling (4 GiB), what a lying bomb can carry without ZIP64. */
const LYING_REAL_SIZE = 0xffff0000;

const { write, expectRefusal } = useHostileFiles();

describe('test helpers build what they claim', () => {
  test('the hand-assembled ZIP is a workbook SheetJS reads', () => {
    const wb = XLSX.read(smallXlsx([['Name', 'Hours'], ['Ada', 12]]), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Work']);
    expect(XLSX.utils.sheet_to_json(wb.Sheets.Work, { header: 1 })).toEqual([['Name', 'Hours'], ['Ada', 12]]);
  });

  test('concatenated deflate blocks inflate to exactly the zeros and CRC declared', () => {
    const size = 2 * 16 * MiB + 12_345; // two full blocks and a tail
    const z = deflatedZeros(size);
    const back = zlib.inflateRawSync(z.data);
    expect(back.length).toBe(size);
    expect(back.every((b) => b === 0)).toBe(true);
    expect(crc32(back)).toBe(z.crc);
    expect(z.data.length).toBeLessThan(size / 500);
  });

  test('the bombs declare what they should', () => {
    expect(declaredUncompressedTotal(singleEntryBombXlsx(GiB))).toBeGreaterThanOrEqual(GiB);
    expect(declaredUncompressedTotal(manyEntryBombXlsx(longRows(3), 12, 300 * MiB))).toBeGreaterThanOrEqual(12 * 300 * MiB);
    expect(declaredUncompressedTotal(lyingBombXlsx(64 * MiB, 4096))).toBeLessThan(MiB);
  });
});

describe('hostile files are refused quickly, cleanly and with bounded memory', () => {
  beforeAll(() => ensureCliBuilt(), 240_000);

  test('zip bomb: one sheet entry declaring 1 GiB uncompressed', async () => {
    const bomb = singleEntryBombXlsx(GiB);
    expect(bomb.length).toBeLessThan(4 * MiB);
    const file = write('bomb-single.xlsx', bomb);
    await expectRefusal(file, [/zip|compress|uncompressed|limit/i]);
  });

  test('zip bomb: twelve 300 MiB side entries (each moderate, 3.5 GiB in total) next to a valid sheet', async () => {
    const file = write('bomb-many.xlsx', manyEntryBombXlsx(longRows(5), 12, 300 * MiB));
    await expectRefusal(file, [/zip|compress|uncompressed|limit/i]);
  });

  test('zip bomb with lying headers: declares 4 KiB, inflates to ~4 GiB', async () => {
    // Declared sizes cannot reveal this one, but a deflate stream can never be much larger than
    // its output: ~4 MB of compressed data claiming 4 KiB is damaged or hostile on its face.
    const file = write('bomb-lying.xlsx', lyingBombXlsx(LYING_REAL_SIZE, 4096));
    await expectRefusal(file, [/zip|compress|size|damaged|corrupt|invalid|bomb/i]);
  });

  test('empty file (0 bytes) named .xlsx', async () => {
    await expectRefusal(write('empty.xlsx', new Uint8Array(0)), [/empty|0 bytes|no data/i]);
  });

  test('empty file (0 bytes) named .csv', async () => {
    await expectRefusal(write('empty.csv', new Uint8Array(0)), [/empty|0 bytes|no (data|text)/i]);
  });

  test('random bytes named .xlsx', async () => {
    const bytes = randomBytes(64 * 1024, 0xf00d);
    bytes[0] = 0x13; // not a known signature by chance
    await expectRefusal(write('random.xlsx', bytes), [
      /not a spreadsheet|unrecogni[sz]ed|unknown|unsupported|corrupt|damaged|invalid|binary|not an? (valid )?(excel|xlsx|workbook)/i,
    ]);
  });

  test('truncated .xlsx (first half of a real workbook)', async () => {
    const full = workbookBytes(longRows(300), 'xlsx');
    const file = write('truncated.xlsx', full.subarray(0, Math.floor(full.length / 2)));
    await expectRefusal(file, [/truncat|damag|corrupt|incomplete|invalid|unreadable|could not be read|cannot be read/i]);
  });

  test('truncated .xls (first half of a real BIFF8 workbook)', async () => {
    const full = workbookBytes(longRows(300), 'biff8');
    const file = write('truncated.xls', full.subarray(0, Math.floor(full.length / 2)));
    await expectRefusal(file, [/truncat|damag|corrupt|incomplete|invalid|unreadable|could not be read|cannot be read/i]);
  });

  test('truncated .ods (first half of a real OpenDocument workbook)', async () => {
    const full = workbookBytes(longRows(300), 'ods');
    const file = write('truncated.ods', full.subarray(0, Math.floor(full.length / 2)));
    await expectRefusal(file, [/truncat|damag|corrupt|incomplete|invalid|unreadable|could not be read|cannot be read/i]);
  });

  test('a PDF renamed .xlsx', async () => {
    const pdf = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n' + 'x'.repeat(2000) + '\n%%EOF\n';
    await expectRefusal(write('report.xlsx', Buffer.from(pdf, 'latin1')), [/pdf/i]);
  });

  test('a PNG renamed .xlsx', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096, 7)]);
    await expectRefusal(write('chart.xlsx', png), [/png|image|picture/i]);
  });

  test('a text file with no recognizable header named .csv', async () => {
    const prose =
      'Minutes of the general meeting\n' +
      'The meeting opened at seven with a reading of the previous minutes\n' +
      'Members discussed the spring campaign and the state of the office\n' +
      'Nothing else was decided and the meeting closed at nine\n';
    await expectRefusal(write('minutes.csv', prose), [
      /header|column|recogni[sz]|no (people|person|names?|tasks?|hours|table)|nothing (usable|to import)|could not find/i,
    ]);
  });

  test('a CSV with a header and no data rows says there is no data (not that the header is missing)', async () => {
    const r = await expectRefusal(write('header-only.csv', HEADER.join(',') + '\n'), [/no (data|rows|people)|empty|nothing below/i]);
    expect(messageWithoutName(r, 'header-only.csv'), describeRun(r)).not.toMatch(/no recogni[sz]able header/i);
  });

  test('a CSV with 300,000 rows names the row limit', async () => {
    const out: string[] = [HEADER.join(',')];
    for (let i = 0; i < 300_000; i++) out.push(`Person ${i % 5000},Role ${i % 20},Dept ${i % 8},Task ${i % 60},${1 + (i % 8)},${1 + (i % 20)},${1 + (i % 13)}`);
    const file = write('huge-rows.csv', out.join('\n') + '\n');
    await expectRefusal(file, [/\brows?\b/i, /limit|maximum|too many|at most/i]);
  });

  test('a CSV with 20,000 columns names the column limit', async () => {
    const header = ['Task'];
    for (let p = 1; p < 20_000; p++) header.push(`Person ${p}`);
    const out = [header.join(',')];
    for (let t = 1; t <= 5; t++) {
      const row = [`Task ${t}`];
      for (let p = 1; p < 20_000; p++) row.push(String((p + t) % 3));
      out.push(row.join(','));
    }
    const file = write('huge-columns.csv', out.join('\n') + '\n');
    await expectRefusal(file, [/\bcolumns?\b/i, /limit|maximum|too many|at most/i]);
  });
});
