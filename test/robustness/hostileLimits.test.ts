// Hostile input, continued: absurd dimensions, CLI usage and in-process limits (split from hostile.test.ts).
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

describe('absurd declared sheet dimensions cost nothing', () => {
  beforeAll(() => ensureCliBuilt(), 240_000);

  function xlsxWithSheet(xml: string): Buffer {
    const bytes = xlsxWithSheetXml(xml);
    // Sanity: SheetJS reads the package and sees the absurd range the sheet claims.
    const wb = XLSX.read(bytes, { type: 'buffer', sheetRows: 5 });
    expect(wb.SheetNames).toEqual(['Work']);
    expect(wb.Sheets.Work['!fullref']).toBe('A1:XFD1048576');
    return bytes;
  }

  test('dimension A1:XFD1048576 holding 3 cells imports or is refused, quickly', async () => {
    const xml = sheetXml([['Name', 'Task', 'Hours']], 'A1:XFD1048576');
    expect(xml).toContain('<dimension ref="A1:XFD1048576"/>');
    const file = write('huge-dimension.xlsx', xlsxWithSheet(xml));
    await expectImportOrRefusal(file);
  });

  test('3 cells, one of them at XFD1048576, imports or is refused, quickly', async () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData>' +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Hours</t></is></c></row>' +
      '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' +
      '</sheetData></worksheet>';
    const file = write('far-corner.xlsx', xlsxWithSheet(xml));
    await expectImportOrRefusal(file);
  });

  test('a usable table whose dimension claims the whole grid (whole-column formatting) imports', async () => {
    const rows: (string | number)[][] = [
      HEADER,
      ['Ada Lovelace', 'Director', 'Admin', 'Set strategy', 20, 18, 14],
      ['Ben Okri', 'Organizer', 'Field', 'Door knocking', 30, 7, 5],
      ['Cleo Park', 'Clerk', 'Admin', 'Filing', 25, 3, 4],
    ];
    const file = write('formatted-columns.xlsx', xlsxWithSheet(sheetXml(rows, 'A1:XFD1048576')));
    const r = await expectImportOrRefusal(file);
    expect(r.code, describeRun(r)).toBe(0);
    const names = (JSON.parse(r.stdout) as { people: { name: string }[] }).people.map((p) => p.name).sort();
    expect(names).toEqual(['Ada Lovelace', 'Ben Okri', 'Cleo Park']);
  });
});

describe('CLI usage and missing files', () => {
  beforeAll(() => ensureCliBuilt(), 240_000);

  test('no arguments → exit 2', async () => {
    const r = await runCli([]);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr.trim(), describeRun(r)).not.toBe('');
    expect(crashSigns(r.stderr), describeRun(r)).toEqual([]);
  });

  test('unknown command → exit 2', async () => {
    const file = write('ok-for-usage.csv', toCsv(longRows(6)));
    const r = await runCli(['frobnicate', file]);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr, describeRun(r)).toMatch(/frobnicate|command/i);
    expect(crashSigns(r.stderr), describeRun(r)).toEqual([]);
  });

  test('unknown flag → exit 2', async () => {
    const file = write('ok-for-flag.csv', toCsv(longRows(6)));
    const r = await runCli(['audit', file, '--frobnicate']);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr, describeRun(r)).toMatch(/frobnicate|option|flag/i);
    expect(crashSigns(r.stderr), describeRun(r)).toEqual([]);
  });

  test('audit without a file → exit 2', async () => {
    const r = await runCli(['audit']);
    expect(r.code, describeRun(r)).toBe(2);
    expect(r.stderr.trim(), describeRun(r)).not.toBe('');
    expect(crashSigns(r.stderr), describeRun(r)).toEqual([]);
  });

  test('a missing file → exit 1 naming the path', async () => {
    const missing = path.join(dir, 'no-such-folder', 'does-not-exist.xlsx');
    const r = await runCli(['audit', missing]);
    expect(refusalProblems(r), describeRun(r)).toEqual([]);
    expect(lines(r.stderr)[0], describeRun(r)).toContain(missing);
    expect(messageWithoutName(r, missing), describeRun(r)).toMatch(/not found|no such|does not exist|cannot find|could not find|missing/i);
  });

  test('a folder instead of a file → exit 1 with one clean line', async () => {
    const folder = path.join(dir, 'a-folder.xlsx');
    mkdirSync(folder, { recursive: true });
    const r = await runCli(['audit', folder]);
    expect(refusalProblems(r), describeRun(r)).toEqual([]);
    expect(lines(r.stderr)[0], describeRun(r)).toContain('a-folder.xlsx');
  });
});

describe('importer limits in-process (ImportOptions.limits)', () => {
  const csv = Buffer.from(toCsv(longRows(60)), 'utf8');

  async function engine(): Promise<typeof import('../../renderer/src/engine/import')> {
    return import('../../renderer/src/engine/import');
  }

  test('the control file imports without limits', async () => {
    const { importOrganization } = await engine();
    const res = importOrganization(new Uint8Array(csv), 'roster.csv');
    expect(res.fatal, JSON.stringify(res.issues.slice(0, 5))).toBeNull();
    expect(res.organization?.people.length ?? 0).toBeGreaterThan(0);
  });

  test('a file over maxBytes is refused naming the size limit', async () => {
    const { importOrganization } = await engine();
    expect(csv.length).toBeGreaterThan(2048);
    const res = importOrganization(new Uint8Array(csv), 'roster.csv', { limits: { maxBytes: 1024 } });
    expect(res.organization).toBeNull();
    expect(res.fatal).toMatch(/limit/i);
    expect(res.fatal).toMatch(/size|bytes|\bKB\b|\bMB\b|too (large|big)/i);
    expect(res.fatal).toContain('roster.csv');
    expect(res.fatal).not.toMatch(/\n/);
  });

  test('a workbook over maxUncompressedBytes is refused naming the ZIP limit', async () => {
    const { importOrganization } = await engine();
    const xlsx = workbookBytes(longRows(60), 'xlsx');
    expect(importOrganization(new Uint8Array(xlsx), 'roster.xlsx').fatal).toBeNull();
    const res = importOrganization(new Uint8Array(xlsx), 'roster.xlsx', { limits: { maxUncompressedBytes: 2048 } });
    expect(res.organization).toBeNull();
    expect(res.fatal).toMatch(/zip|compress|uncompressed/i);
    expect(res.fatal).toMatch(/limit/i);
    expect(res.fatal).not.toMatch(/\n/);
  });

  test('a sheet over maxRows is refused naming the row limit', async () => {
    const { importOrganization } = await engine();
    const res = importOrganization(new Uint8Array(csv), 'roster.csv', { limits: { maxRows: 10 } });
    expect(res.organization).toBeNull();
    expect(res.fatal).toMatch(/\brows?\b/i);
    expect(res.fatal).toMatch(/limit/i);
    expect(res.fatal).not.toMatch(/\n/);
  });

  test('a sheet over maxColumns is refused naming the column limit', async () => {
    const { importOrganization } = await engine();
    const res = importOrganization(new Uint8Array(csv), 'roster.csv', { limits: { maxColumns: 3 } });
    expect(res.organization).toBeNull();
    expect(res.fatal).toMatch(/\bcolumns?\b/i);
    expect(res.fatal).toMatch(/limit/i);
    expect(res.fatal).not.toMatch(/\n/);
  });

  test('hostile bytes in-process: a bomb and a PDF give a fatal line, never a throw', async () => {
    const { importOrganization } = await engine();
    const bomb = importOrganization(new Uint8Array(singleEntryBombXlsx(GiB)), 'bomb.xlsx');
    expect(bomb.organization).toBeNull();
    expect(bomb.fatal).toMatch(/zip|compress|uncompressed|limit/i);
    const pdf = importOrganization(new Uint8Array(Buffer.from('%PDF-1.4\n' + 'x'.repeat(100))), 'a.xlsx');
    expect(pdf.organization).toBeNull();
    expect(pdf.fatal).toMatch(/pdf/i);
  });
});
