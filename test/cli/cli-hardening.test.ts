/**
 * Issue 11's CLI hardening, on the built CLI: names from a spreadsheet never put terminal controls on
 * stdout or stderr (JSON keeps them, escaped), error lines stay one line whatever a sheet is named,
 * 40,000-character names are cut with a note in --out workbooks instead of an internal error, and
 * `.fairshare` projects are read as projects (ratings and saved tolerance), a bad one in one line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { cliPath, ensureCliBuilt, repoRoot } from '../helpers/hostile-cli';
import { importOrganization } from '../../renderer/src/engine/import';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { createProject } from '../../renderer/src/engine/formats/projectFile';
import { serializeProject } from '../../renderer/src/engine/formats/projectCodec';

interface Run { code: number | null; stdout: string; stderr: string }

let dir = '';
function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** What must never reach a terminal raw: C0 but tab/newline, DEL, C1, line separators, bidi controls. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = 'Bo\u001b[31mRed\u0007\u202eX';
const HOSTILE_TASK = 'Fil\u009b2Jing\u007f';

beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-cli-hardening-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('terminal escapes in names', () => {
  let csv = '';
  beforeAll(() => {
    // A workbook carries any character in a cell (SheetJS writes controls as _xHHHH_ escapes).
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([
      ['Name', 'Role', 'Department', 'Task', 'Hours per week', 'Empowerment (1-20)', 'Desirability (1-20)'],
      ['Ann', 'Director', 'Lead', 'Strategy', 30, 18, 15],
      [HOSTILE, 'Clerk', 'Office', HOSTILE_TASK, 30, 3, 4],
      ['Cy', 'Clerk', 'Office', 'Strategy', 10, 18, 15],
    ]), 'Sheet1');
    csv = file('hostile.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
  });

  it('audit text drops the controls and keeps the rest of the name', () => {
    const r = cli('audit', csv);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Bo[31mRedX');
    expect(r.stdout).not.toMatch(UNSAFE);
  });

  it('audit --json keeps the names exactly, with every control escaped', () => {
    const r = cli('audit', csv, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE);
    const report = JSON.parse(r.stdout);
    expect(report.people.map((p: { name: string }) => p.name)).toContain(HOSTILE);
    expect(report.tasks.map((t: { name: string }) => t.name)).toContain(HOSTILE_TASK);
  });

  it('propose text drops them too', () => {
    const r = cli('propose', csv);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Bo[31mRedX');
    expect(r.stdout).not.toMatch(UNSAFE);
  });

  it('a small CSV whose names carry terminal escapes is read (not refused as binary), its text output clean', () => {
    const small = file('escapes.csv', `Name,Task,Hours per week,Empowerment (1-20)\n\u001b[31mAnn\u001b[0m\u0007,Strategy,30,18\nBo,Filing,30,3\n`);
    const r = cli('audit', small);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('[31mAnn[0m');
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(JSON.parse(cli('audit', small, '--json').stdout).people.map((p: { name: string }) => p.name)).toContain('\u001b[31mAnn\u001b[0m\u0007');
  });

  it('a refusal naming a sheet with a newline and an escape is one clean line on stderr', () => {
    const r = cli('audit', csv, '--sheet', 'Staff\nlist\u001b[2J');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('fairshare: hostile.xlsx has no sheet named "Staff list[2J" (sheets: "Sheet1")\n');
  });

  it('issue lines name a sheet with a newline on one line', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['Name', 'Task', 'Hours per week'], ['Ann', 'Strategy', 30], ['Bo', 'Filing', -30]]), 'Staff\nlist');
    const xlsx = file('sheet-newline.xlsx', new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer));
    const r = cli('audit', xlsx);
    expect(r.code, r.stderr).toBe(0);
    const errorLine = r.stdout.split('\n').find((l) => l.includes('row 3, column C'));
    expect(errorLine).toMatch(/^ {2}error: .*\(sheet "Staff list", row 3, column C\)$/);
  });
});

describe('40,000-character names in --out workbooks', () => {
  const long = 'N'.repeat(40_000);
  let csv = '';
  beforeAll(() => {
    csv = file('long.csv', [
      'Name,Role,Department,Task,Hours per week,Empowerment (1-20),Desirability (1-20)',
      `${long},Director,Lead,Strategy,30,18,15`,
      'Bo,Clerk,Office,Filing,30,3,4',
      `Cy,Clerk,Office,${long}T,20,5,5`,
    ].join('\n'));
  });

  function longCells(out: string): string[] {
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    return wb.SheetNames.flatMap((s) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[s], { header: 1 }).flat()).filter((v): v is string => typeof v === 'string' && v.length > 1000);
  }

  for (const command of ['audit', 'propose'] as const) {
    it(`${command} --out writes the workbook, each long name cut to 32,767 characters with a note`, () => {
      const out = path.join(dir, `${command}-long.xlsx`);
      const r = cli(command, csv, '--out', out);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const cells = longCells(out);
      expect(cells.length).toBeGreaterThanOrEqual(2);
      // The person's name as its own cell, kept up to the cut.
      expect(cells.some((c) => c.startsWith('N'.repeat(32_000)))).toBe(true);
      for (const c of cells) {
        expect(c).toHaveLength(32_767);
        expect(c).toMatch(/… \[cut: [\d,]+ characters; a cell holds 32,767\]$/);
      }
    });
  }
});

describe('.fairshare projects', () => {
  const SAMPLE = path.join(repoRoot, 'resources', 'sample-organization.xlsx');
  let project = '';
  let taskId = '';
  beforeAll(() => {
    const read = importOrganization(readFileSync(SAMPLE), 'sample-organization.xlsx', {});
    const organization = applySuggestions(read.organization!);
    // The members re-rated one file-rated task: the project must be audited with their rating.
    const task = organization.tasks.find((t) => t.source === 'file')!;
    taskId = task.id;
    const tasks = organization.tasks.map((t) => (t.id === taskId ? { ...t, empowerment: 1, source: 'members' as const } : t));
    const created = createProject('Sample', { ...organization, tasks });
    project = file('sample.fairshare', serializeProject({ ...created, settings: { ...created.settings, tolerance: 2 } }));
  });

  it('audit reads the saved organization, its ratings and its tolerance', () => {
    const r = cli('audit', project, '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.people).toHaveLength(40);
    expect(report.metrics.tolerance).toBe(2);
    const task = report.tasks.find((t: { name: string; source: string }) => t.source === 'members');
    expect(task.empowerment).toBe(20);
    expect(report.issues).toEqual([]);
    // --tolerance on the command line wins over the saved one.
    expect(JSON.parse(cli('audit', project, '--json', '--tolerance', '3').stdout).metrics.tolerance).toBe(3);
  });

  it('the text summary calls it a saved project, not a layout recognized with 0% confidence', () => {
    const r = cli('audit', project);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/sample\.fairshare \(\.?fairshare\): a saved project$/);
    expect(r.stdout).not.toMatch(/confidence 0%/);
  });

  it('audit --no-suggest leaves the suggested tasks unrated, keeping the file and members ratings', () => {
    const report = JSON.parse(cli('audit', project, '--json', '--no-suggest').stdout);
    const sources = new Set(report.tasks.map((t: { source: string }) => t.source));
    expect(sources.has('suggested')).toBe(false);
    expect(sources.has('members')).toBe(true);
  });

  it('propose balances the saved organization at the saved tolerance', () => {
    const r = cli('propose', project, '--json');
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.tolerance).toBe(2);
    expect(report.allocation.length).toBeGreaterThan(0);
  });

  it('a damaged project is refused with one line, exit 1', () => {
    const bad = file('bad.fairshare', '{"version": 3, "name": "x"}');
    const r = cli('audit', bad);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fairshare: .*bad\.fairshare: Invalid project file: [^\n]+\n$/);
    const notJson = cli('propose', file('junk.fairshare', 'Name,Task,Hours\nA,B,3\n'));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^fairshare: .*junk\.fairshare: Not a Fairshare project: the file is not valid JSON\.\n$/);
  });

  it('a project under another name is still read as a project', () => {
    const renamed = file('sample-project.json', readFileSync(project));
    const report = JSON.parse(cli('audit', renamed, '--json').stdout);
    expect(report.metrics.tolerance).toBe(2);
    expect(report.people).toHaveLength(40);
  });
});
