/**
 * A file with some good and some bad rows: the good people import (exit 0) and every bad row is
 * reported in issues[] at the row and column a spreadsheet shows — nothing is dropped silently.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { crashSigns, describeRun, ensureCliBuilt, runCli } from '../helpers/hostile-cli';

interface JsonIssue {
  severity: string;
  message: string;
  file: string | null;
  sheet: string | null;
  row: number | null;
  column: string | null;
}
interface JsonPerson {
  name: string;
  hours: number;
}
interface AuditJson {
  people: JsonPerson[];
  issues: JsonIssue[];
}

const HEADER = ['Name', 'Role', 'Department', 'Task', 'Hours per week', 'Empowerment', 'Desirability'];
/** Data rows; with the header on row 1, the first data row is spreadsheet row 2. */
const DATA: (string | number)[][] = [
  ['Alice Archer', 'Director', 'Admin', 'Set strategy', 20, 18, 15], // row 2
  ['Bob Baker', 'Organizer', 'Field', 'Door knocking', 30, 8, 6], // row 3
  ['Dana Diaz', 'Organizer', 'Field', 'Phone banking', 'lots', 7, 5], // row 4: text hours
  ['Carol Chen', 'Clerk', 'Admin', 'Filing', 25, 3, 4], // row 5
  ['Evan Ellis', 'Clerk', 'Admin', 'Data entry', -5, 4, 3], // row 6: negative hours
];
const GOOD: Record<string, number> = { 'Alice Archer': 20, 'Bob Baker': 30, 'Carol Chen': 25 };

/** Where each bad row must be reported, relative to the header's spreadsheet row. */
const BAD = [
  { offset: 3, column: 'E', about: /lots|hour|number|numeric/i, what: 'text in the hours column' },
  { offset: 5, column: 'E', about: /negative|-5|hour|below zero|less than (0|zero)/i, what: 'negative hours' },
];

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-partial-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The checks shared by every variant; `headerRow` is the spreadsheet row of the header. */
function checkPartial(out: AuditJson, fileName: string, headerRow: number, context: string): void {
  expect(Array.isArray(out.people), context).toBe(true);
  expect(Array.isArray(out.issues), context).toBe(true);
  const byName = new Map(out.people.map((p) => [p.name, p]));
  for (const [name, hours] of Object.entries(GOOD)) {
    expect(byName.has(name), `${name} should be imported\n${context}`).toBe(true);
    expect(byName.get(name)!.hours, `${name}'s hours\n${context}`).toBeCloseTo(hours, 9);
  }
  for (const p of out.people) {
    expect(p.hours, `${p.name} has negative hours: a bad value leaked into the data\n${context}`).toBeGreaterThanOrEqual(0);
  }
  const issueList = JSON.stringify(out.issues, null, 1);
  for (const bad of BAD) {
    const row = headerRow + bad.offset;
    const hits = out.issues.filter((i) => i.row === row && i.column === bad.column);
    expect(hits.length, `no issue at row ${row}, column ${bad.column} for ${bad.what}; issues:\n${issueList}\n${context}`).toBeGreaterThan(0);
    const hit = hits.find((i) => bad.about.test(i.message)) ?? hits[0];
    expect(hit.message, `the issue at ${bad.column}${row} should say what is wrong (${bad.what})`).toMatch(bad.about);
    expect(hit.severity, `${bad.what} loses that row's hours, so it is an error: ${JSON.stringify(hit)}`).toBe('error');
    expect(String(hit.file ?? ''), `the issue should name the file: ${JSON.stringify(hit)}`).toContain(fileName);
  }
  // Good rows carry no error.
  const goodRows = [1, 2, 4].map((o) => headerRow + o);
  const wrong = out.issues.filter((i) => i.severity === 'error' && i.row !== null && goodRows.includes(i.row));
  expect(wrong, `errors reported on good rows ${goodRows.join(', ')}`).toEqual([]);
}

describe('a file with good and bad rows imports the good ones and lists the bad (CLI)', () => {
  beforeAll(() => ensureCliBuilt(), 240_000);

  test('CSV, header on row 1: CLI exits 0 and reports E4 and E6', async () => {
    const csv = [HEADER, ...DATA].map((r) => r.join(',')).join('\n') + '\n';
    const file = path.join(dir, 'partial.csv');
    writeFileSync(file, csv);
    const r = await runCli(['audit', file, '--json']);
    const info = describeRun(r);
    expect(r.code, info).toBe(0);
    expect(crashSigns(r.stderr), info).toEqual([]);
    checkPartial(JSON.parse(r.stdout) as AuditJson, 'partial.csv', 1, info);
  });

  test('xlsx with a title row and a blank row above the header (header on row 3): reports E6 and E8', async () => {
    const rows: (string | number)[][] = [['Staff time survey, spring'], [], HEADER, ...DATA];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Hours');
    const file = path.join(dir, 'partial-titled.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    const r = await runCli(['audit', file, '--json']);
    const info = describeRun(r);
    expect(r.code, info).toBe(0);
    expect(crashSigns(r.stderr), info).toEqual([]);
    checkPartial(JSON.parse(r.stdout) as AuditJson, 'partial-titled.xlsx', 3, info);
    const onSheet = (JSON.parse(r.stdout) as AuditJson).issues.filter((i) => i.row === 6 && i.column === 'E');
    expect(onSheet.some((i) => i.sheet === 'Hours'), `the issue should name the sheet "Hours": ${JSON.stringify(onSheet)}`).toBe(true);
  });

});

describe('a file with good and bad rows (in-process)', () => {
  test('importOrganization keeps the good people and locates the bad rows', async () => {
    const { importOrganization } = await import('../../renderer/src/engine/import');
    const csv = [HEADER, ...DATA].map((r) => r.join(',')).join('\n') + '\n';
    const res = importOrganization(new Uint8Array(Buffer.from(csv, 'utf8')), 'partial.csv');
    const context = `fatal: ${res.fatal}\nissues: ${JSON.stringify(res.issues, null, 1)}`;
    expect(res.fatal, context).toBeNull();
    expect(res.organization, context).not.toBeNull();
    const org = res.organization!;
    const hoursOf = (name: string): number => {
      const person = org.people.find((p) => p.name === name);
      expect(person, `${name} should be imported\n${context}`).toBeDefined();
      return org.assignments.filter((a) => a.personId === person!.id).reduce((s, a) => s + a.hours, 0);
    };
    for (const [name, hours] of Object.entries(GOOD)) expect(hoursOf(name), name).toBeCloseTo(hours, 9);
    for (const a of org.assignments) expect(a.hours, `assignment ${JSON.stringify(a)}`).toBeGreaterThanOrEqual(0);
    for (const bad of BAD) {
      const row = 1 + bad.offset;
      const hit = res.issues.find((i) => i.row === row && i.column === bad.column);
      expect(hit, `no issue at ${bad.column}${row} for ${bad.what}\n${context}`).toBeDefined();
      expect(hit!.severity).toBe('error');
      expect(hit!.file).toContain('partial.csv');
    }
  });
});
