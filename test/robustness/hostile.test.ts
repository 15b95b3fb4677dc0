/**
 * Hostile and broken inputs, generated here: each must be refused by the CLI with exit 1 and one
 * clear line on stderr that names the problem, quickly and with bounded memory (the child runs with
 * --max-old-space-size=512 and its peak RSS is measured). Also the CLI's usage errors (exit 2), and
 * the importer's limits in-process.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as zlib from 'node:zlib';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  crashSigns,
  describeRun,
  ensureCliBuilt,
  lines,
  messageWithoutName,
  refusalProblems,
  runCli,
  type CliRun,
} from '../helpers/hostile-cli';
import {
  crc32,
  declaredUncompressedTotal,
  deflatedZeros,
  lyingBombXlsx,
  manyEntryBombXlsx,
  sheetXml,
  singleEntryBombXlsx,
  smallXlsx,
  xlsxWithSheetXml,
} from '../helpers/hostile-zip';

/** A refusal must come this fast (spawn included), generous for a loaded 2-CPU machine. */
const QUICK_MS = 10_000;
/** Peak resident memory a refusal may use; inflating any of the bombs would blow far past it. */
const MAX_RSS_MB = 512;
const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** Just under the ZIP32 ceiling (4 GiB), what a lying bomb can carry without ZIP64. */
const LYING_REAL_SIZE = 0xffff0000;

let dir = '';
/** Every CLI run on a generated file, printed at the end so the messages can be judged. */
const seen: CliRun[] = [];

function write(name: string, data: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

/** Deterministic pseudo-random bytes (mulberry32), so a failure reproduces. */
function randomBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

const HEADER = ['Name', 'Role', 'Department', 'Task', 'Hours per week', 'Empowerment', 'Desirability'];

/** A plausible long-layout table of `n` data rows. */
function longRows(n: number): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (let i = 0; i < n; i++) {
    rows.push([`Person ${i % 40}`, `Role ${i % 5}`, `Dept ${i % 3}`, `Task ${i % 17}`, 2 + (i % 9), 1 + (i % 20), 1 + ((i * 7) % 20)]);
  }
  return rows;
}

function toCsv(rows: (string | number)[][]): string {
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}

function workbookBytes(rows: (string | number)[][], bookType: XLSX.BookType): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Work');
  return XLSX.write(wb, { type: 'buffer', bookType, compression: true }) as Buffer;
}

/** Asserts a clean, quick, bounded refusal whose message (file name removed) matches every pattern. */
async function expectRefusal(file: string, patterns: RegExp[], extraArgs: string[] = []): Promise<CliRun> {
  const r = await runCli(['audit', file, ...extraArgs], { timeoutMs: 30_000, maxOldSpaceMb: 512 });
  seen.push(r);
  const info = describeRun(r);
  expect(refusalProblems(r), info).toEqual([]);
  const line = lines(r.stderr)[0];
  expect(line.includes(path.basename(file)), `the message should name the file ${path.basename(file)}\n${info}`).toBe(true);
  const msg = messageWithoutName(r, file);
  for (const re of patterns) expect(msg, `message should match ${re}\n${info}`).toMatch(re);
  expect(r.ms, `took ${r.ms} ms, over ${QUICK_MS} ms\n${info}`).toBeLessThan(QUICK_MS);
  expect(r.maxRssMb, `peak RSS unknown\n${info}`).not.toBeNull();
  expect(r.maxRssMb!, `peak RSS ${r.maxRssMb} MB, over ${MAX_RSS_MB} MB\n${info}`).toBeLessThanOrEqual(MAX_RSS_MB);
  return r;
}

/** For inputs that may legitimately import or be refused: either way clean, quick and bounded. */
async function expectImportOrRefusal(file: string): Promise<CliRun> {
  const r = await runCli(['audit', file, '--json'], { timeoutMs: 30_000, maxOldSpaceMb: 512 });
  seen.push(r);
  const info = describeRun(r);
  expect(r.timedOut, info).toBe(false);
  expect([0, 1], info).toContain(r.code);
  if (r.code === 0) {
    const parsed = JSON.parse(r.stdout) as { people?: unknown[] };
    expect(Array.isArray(parsed.people), info).toBe(true);
    expect(parsed.people!.length, info).toBeGreaterThan(0);
    expect(crashSigns(r.stderr), info).toEqual([]);
  } else {
    expect(refusalProblems(r), info).toEqual([]);
  }
  expect(r.ms, `took ${r.ms} ms, over ${QUICK_MS} ms\n${info}`).toBeLessThan(QUICK_MS);
  expect(r.maxRssMb!, `peak RSS ${r.maxRssMb} MB, over ${MAX_RSS_MB} MB\n${info}`).toBeLessThanOrEqual(MAX_RSS_MB);
  return r;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-hostile-'));
  mkdirSync(dir, { recursive: true });
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (seen.length) {
    const rows = seen.map((r) => {
      const file = path.basename(r.args[1] ?? '');
      const said = r.code === 0 ? '(imported)' : JSON.stringify(lines(r.stderr).join(' / '));
      return `  ${file.padEnd(24)} exit ${r.code ?? r.signal}  ${String(r.ms).padStart(5)} ms  ${String(r.maxRssMb ?? '?').padStart(4)} MB  ${said}`;
    });
    console.log(['', '=== hostile inputs: what the CLI said ===', ...rows, ''].join('\n'));
  }
});

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
