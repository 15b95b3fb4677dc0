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
import { fastRead, readPartRows, type PartReader } from '../../renderer/src/worker/parallelRead';
import { lyingBombXlsx } from '../helpers/hostile-zip';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/import');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus', 'sheetjs');

/** The helpers' work done in this process (the same function the helper worker runs). */
function inProcess(parallelism: number): PartReader {
  return { parallelism, read: (bytes, i, file, limits, firstRow) => ({ started: Promise.resolve(), rows: Promise.resolve().then(() => readPartRows(bytes, i, file, limits, firstRow)) }) };
}

async function viaParts(bytes: Uint8Array, file: string, parallelism: number, minSplitBytes = 0): Promise<{ result: ImportResult; split: boolean }> {
  const fast = await fastRead(bytes, file, {}, inProcess(parallelism), minSplitBytes);
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
    const got = await viaParts(bytes, 'big.xlsx', 1, 1_000_000);
    expect(got.split).toBe(true);
    expect(got.result).toEqual(usual);
  }, 120_000);
});

describe('what the fast path leaves to the ordinary read', () => {
  test('a lying zip bomb is not verified, so the ordinary read refuses it with its own message', async () => {
    const bytes = lyingBombXlsx(64 * 1_048_576);
    const fast = await fastRead(bytes, 'bomb.xlsx', {}, inProcess(1), 0);
    expect('options' in fast && fast.options.inflateCheck).toBeFalsy();
    const got = await viaParts(bytes, 'bomb.xlsx', 1);
    expect(got.result.fatal).toMatch(/inflates to more than its declared size/);
  });

  test('a CSV or an .ods is never split', async () => {
    for (const f of ['long-comma-bom.csv', 'long-basic.ods']) {
      const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, f)));
      const fast = await fastRead(bytes, f, {}, inProcess(1), 0);
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
