// Hostile input, continued: absurd dimensions, CLI usage and in-process limits (split from hostile.test.ts).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, test } from 'vitest';
import { crashSigns, describeRun, ensureCliBuilt, lines, messageWithoutName, refusalProblems, runCli } from '../helpers/hostile-cli';
import { GiB, HEADER, longRows, toCsv, useHostileFiles, workbookBytes } from '../helpers/hostile-files';
import { sheetXml, singleEntryBombXlsx, xlsxWithSheetXml } from '../helpers/hostile-zip';

const { dir, write, expectImportOrRefusal } = useHostileFiles();

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

  test.each([
    ['row', { maxRows: 10 }, /\brows?\b/i],
    ['column', { maxColumns: 3 }, /\bcolumns?\b/i],
  ] as const)('a sheet over the %s limit is refused naming it', async (_what, limits, names) => {
    const { importOrganization } = await engine();
    const res = importOrganization(new Uint8Array(csv), 'roster.csv', { limits });
    expect(res.organization).toBeNull();
    expect(res.fatal).toMatch(names);
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
