/**
 * The CLI reads a large worksheet in row ranges on worker threads (electron/cli/partThreads.ts with
 * the app's fastRead): same --json as an in-process importOrganization of the same bytes, the parts
 * really handed to the helpers, a crashed or missing helper changing nothing, hostile and corrupt
 * files refused with importOrganization's own message and exit 1, and the process always exiting;
 * the zlib inflate it verifies the ZIP with keeps the worker's nativeInflate contract.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as XLSX from 'xlsx';
import { cliPath, ensureCliBuilt } from '../helpers/hostile-cli';
import { buildZip, deflated, lyingBombXlsx, sheetXml } from '../helpers/hostile-zip';
import { importOrganization } from '../../renderer/src/engine/import';
import { scanZip } from '../../renderer/src/engine/formats/zipGuard';
import { MIN_SPLIT_BYTES } from '../../renderer/src/engine/formats/sheetSplit';
import { PART_SCRIPT } from '../../electron/cli/partThreads';
import { zlibInflate } from '../../electron/cli/io';
import { Outgrown } from '../../renderer/src/engine/formats/zipGuard';

interface Run { code: number | null; signal: string | null; stdout: string; stderr: string; ms: number }
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir = '';
/** Run from a folder of its own, so the helpers' bundle must be found beside the CLI, not in the cwd. */
function run(cli: string, ...args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8', timeout: 90_000, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - t0 };
}

/** A copy of the CLI in its own folder, with `helper` (source text) as its sheet-part.cjs, or none. */
function cliCopy(name: string, helper: string | null): string {
  const folder = path.join(dir, name);
  mkdirSync(folder);
  copyFileSync(cliPath, path.join(folder, 'fairshare.cjs'));
  if (helper !== null) writeFileSync(path.join(folder, PART_SCRIPT), helper);
  return path.join(folder, 'fairshare.cjs');
}
const REAL_HELPER = JSON.stringify(path.join(path.dirname(cliPath), PART_SCRIPT));
/** Notes each part's first row in `log`, then lets the real helper read it. */
const spyHelper = (log: string) => `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => require('node:fs').appendFileSync(${JSON.stringify(log)}, m.firstRow + '\\n'));
require(${REAL_HELPER});\n`;
/** Dies on the first part it is given, without answering. */
const crashingHelper = `require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n`;

const PEOPLE = ['Ana Diaz', 'Ben Ortiz', 'Chloé Nguyen', 'Dev Okafor', 'Eun-ji Svensson', 'Femi Haddad'];
const TASKS = ['Phone banking', 'Canvassing', 'Newsletter', 'Payroll', 'Grant writing', 'Vacation'];

/** A Date | Name | Task | Hours export of `rows` entries over 20 weeks (real date cells, shared strings). */
function timesheetXlsx(rows: number): Uint8Array {
  const aoa: (string | number | Date)[][] = [['Date', 'Name', 'Task', 'Hours']];
  const monday = Date.UTC(2026, 0, 5);
  for (let i = 0; i < rows; i++) {
    const day = Math.floor(i / 12) % 100;
    aoa.push([new Date(monday + (Math.floor(day / 5) * 7 + (day % 5)) * 86_400_000), PEOPLE[i % PEOPLE.length], TASKS[(i * 7) % TASKS.length], 0.25 * (1 + (i % 13))]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa, { dateNF: 'yyyy-mm-dd' }), 'Time entries');
  return new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true }));
}

/** A one-sheet xlsx with `rows` numbered rows of three cells, from the hostile-zip writer. */
function longSheet(rows: number, edit: (row: (string | number)[], r: number) => (string | number)[] = (x) => x): string {
  const table: (string | number)[][] = [['Name', 'Task', 'Hours per week']];
  for (let r = 1; r < rows; r++) table.push(edit([PEOPLE[r % PEOPLE.length], TASKS[r % 5], 1 + (r % 7)], r));
  return sheetXml(table, table.length > 100_000 ? `A1:C${table.length}` : undefined); // (too many rows to spread into Math.max)
}
function xlsxOf(xml: string): Uint8Array {
  return buildZip([
    { name: '[Content_Types].xml', payload: deflated('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>') },
    { name: '_rels/.rels', payload: deflated('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
    { name: 'xl/workbook.xml', payload: deflated('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Work" sheetId="1" r:id="rId1"/></sheets></workbook>') },
    { name: 'xl/_rels/workbook.xml.rels', payload: deflated('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>') },
    { name: 'xl/worksheets/sheet1.xml', payload: deflated(xml) },
  ]);
}
function sheetBytes(xlsx: Uint8Array): number {
  return Math.max(...scanZip(xlsx, Number.MAX_SAFE_INTEGER).entries.filter((e) => e.name.startsWith('xl/worksheets/')).map((e) => e.declared));
}
function save(name: string, bytes: Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-parallel-read-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a large time-tracking export read on worker threads', () => {
  let file = '';
  let bytes: Uint8Array;
  let usual: ReturnType<typeof importOrganization>;
  let parallel: Run;
  beforeAll(() => {
    bytes = timesheetXlsx(36_000);
    file = save('entries.xlsx', bytes);
    usual = importOrganization(bytes, file);
    parallel = run(cliPath, 'audit', file, '--json');
  }, 120_000);

  it('is large enough to be split, and the CLI ships the helpers beside itself', () => {
    expect(sheetBytes(bytes)).toBeGreaterThan(MIN_SPLIT_BYTES);
    expect(existsSync(path.join(path.dirname(cliPath), PART_SCRIPT))).toBe(true);
  });

  it('gives the people, hours and period of an in-process importOrganization', () => {
    expect(parallel.code, parallel.stderr).toBe(0);
    expect(parallel.signal).toBeNull();
    const r: Json = JSON.parse(parallel.stdout);
    expect(usual.timesheet?.entries).toBe(36_000);
    const people = usual.organization!.people.map((p) => ({ name: p.name, hours: usual.organization!.assignments.filter((a) => a.personId === p.id).reduce((s, a) => s + a.hours, 0) }));
    expect(r.people.map((p: Json) => p.name)).toEqual(people.map((p) => p.name));
    for (const p of people) expect(r.people.find((q: Json) => q.name === p.name).hours, p.name).toBeCloseTo(p.hours, 3);
    expect(r.timesheet).toEqual(JSON.parse(JSON.stringify(usual.timesheet)));
    expect(r.issues.map((i: Json) => i.message)).toEqual(usual.issues.map((i) => i.message));
  });

  it('hands the lower rows to a helper thread', () => {
    const log = path.join(dir, 'parts.log');
    const spied = run(cliCopy('spied', spyHelper(log)), 'audit', file, '--json');
    expect(spied.code, spied.stderr).toBe(0);
    const firstRows = readFileSync(log, 'utf8').trim().split('\n').map(Number);
    expect(firstRows.length).toBeGreaterThan(0);
    for (const r of firstRows) expect(r).toBeGreaterThan(1000);
    expect(spied.stdout).toBe(parallel.stdout);
  });

  it('gives the same output, and exits, when a helper dies or is missing', () => {
    for (const [name, helper] of [['crashing', crashingHelper], ['alone', null]] as const) {
      const r = run(cliCopy(name, helper), 'audit', file, '--json');
      expect(r.signal, name).toBeNull();
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      expect(r.stdout, name).toBe(parallel.stdout);
    }
  });
});

describe('the CLI\'s inflate for fastRead (Node\'s zlib): nativeInflate\'s contract', () => {
  const text = new TextEncoder().encode('<row r="1"><c><v>1</v></c></row>'.repeat(5_000));
  const packed = new Uint8Array(deflateRawSync(text));

  it('gives the bytes with keep, nothing without, and accepts exactly the declared size', async () => {
    expect(await zlibInflate(packed, text.length, true)).toEqual(Buffer.from(text));
    expect(await zlibInflate(packed, text.length, false)).toBeNull();
  });

  it('refuses one byte over the declared size as Outgrown, and damaged data with another error', async () => {
    await expect(zlibInflate(packed, text.length - 1, false)).rejects.toBeInstanceOf(Outgrown);
    await expect(zlibInflate(packed, 0, false)).rejects.toBeInstanceOf(Outgrown);
    const damaged = packed.slice();
    damaged[0] = 0xff; // an invalid block type
    const err = await zlibInflate(damaged, text.length, false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(Outgrown);
  });
});

describe('hostile and corrupt files: importOrganization\'s refusal, exit 1, no hang', () => {
  /** The one line the CLI prints for an import that finds nobody, from an in-process import. */
  const expected = (file: string, bytes: Uint8Array) => `fairshare: ${importOrganization(bytes, file).fatal}\n`;

  // [what, the file, whether helpers are given parts before the refusal]
  const cases: [string, () => Uint8Array, boolean][] = [
    // The helper's part refuses (a row past the column limit); the ordinary read says where.
    ['a row past the column limit in the lower half', () => xlsxOf(longSheet(60_000, (row, r) => (r === 50_000 ? [...row, ...Array(2_100).fill(1)] : row))), true],
    // Each part is under the row limit, the whole is not.
    ['more rows than the row limit', () => xlsxOf(longSheet(200_050)), true],
    ['a zip bomb whose sheet lies about its size', () => lyingBombXlsx(300 * 1_048_576, 4096), false],
    ['a large workbook cut short', () => { const b = xlsxOf(longSheet(60_000)); return b.subarray(0, Math.floor(b.length * 0.6)); }, false],
  ];
  for (const [what, make, split] of cases) {
    it(what, () => {
      const bytes = make();
      const slug = what.replace(/\W+/g, '-');
      const file = save(`${slug}.xlsx`, bytes);
      const want = expected(file, bytes);
      expect(want).not.toBe('fairshare: undefined\n');
      const log = path.join(dir, `${slug}.log`);
      // The built CLI with helpers that note their parts (the real helpers do the reading).
      const r = run(cliCopy(`spied-${slug}`, spyHelper(log)), 'audit', file, '--json');
      expect(r.signal, `${what} did not exit`).toBeNull();
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toBe(want);
      expect(r.stdout).toBe('');
      // The refusal came through the parallel read's fallback, not around it.
      expect(existsSync(log), `parts given to helpers for ${what}`).toBe(split);
    }, 180_000);
  }
});
