/**
 * `fairshare audit|propose` on time-tracking exports (issue 13), end to end with the built CLI: the
 * default period, --period, --weeks, --include-non-work, --date-order, bad flag values (exit 2), the
 * JSON's timesheet and the text's Time entries block; weekly hours checked against sums ÷ weeks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cliPath, ensureCliBuilt, repoRoot } from '../helpers/hostile-cli';
import { importOrganization } from '../../renderer/src/engine/import';
import { createProject } from '../../renderer/src/engine/formats/projectFile';
import { serializeProject } from '../../renderer/src/engine/formats/projectCodec';

interface Run { code: number | null; stdout: string; stderr: string }
interface Entry { date: string; name: string; task: string; hours: number }
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

let dir = '';
function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function json(...args: string[]): Json {
  const r = cli(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}
function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Four weeks, 2026-10-05 (Mon) to 2026-11-01 (Sun). The first entry is Tuesday 2026-10-06 and the
 * last Saturday 2026-10-31, so the found period is whole weeks around them. Ana works Mon–Fri
 * (Grants 5, 6, 7, 8 h a day in weeks 1–4, so each choice of weeks gives another average; Filing
 * 2 h), off sick on Wed 2026-10-14; Ben joins in week 3 (Outreach 7.5 h a day), on holiday Mon 2026-10-26.
 */
const MONDAY = '2026-10-05';
const ENTRIES: Entry[] = [];
for (let w = 0; w < 4; w++) {
  for (let d = 0; d < 5; d++) {
    const date = addDays(MONDAY, 7 * w + d);
    if (w === 0 && d === 0) continue;
    if (date === '2026-10-14') ENTRIES.push({ date, name: 'Ana Diaz', task: 'Sick', hours: 8 });
    else ENTRIES.push({ date, name: 'Ana Diaz', task: 'Grants', hours: 5 + w }, { date, name: 'Ana Diaz', task: 'Filing', hours: 2 });
    if (w >= 2) ENTRIES.push(date === '2026-10-26' ? { date, name: 'Ben Ortiz', task: 'Holiday', hours: 8 } : { date, name: 'Ben Ortiz', task: 'Outreach', hours: 7.5 });
  }
}
ENTRIES.push({ date: '2026-10-31', name: 'Ana Diaz', task: 'Filing', hours: 1.5 });
const NON_WORK = new Set(['Sick', 'Holiday']);

/** The independent figure: hours summed over [start, end] ÷ weeks. */
function weekly(start: string, end: string, weeks: number, keep: (e: Entry) => boolean): number {
  return ENTRIES.filter((e) => e.date >= start && e.date <= end && keep(e)).reduce((s, e) => s + e.hours, 0) / weeks;
}
const work = (e: Entry) => !NON_WORK.has(e.task);
const byTask = (task: string) => (e: Entry) => e.task === task;
const byPerson = (name: string, all = false) => (e: Entry) => e.name === name && (all || work(e));

function hoursOf(report: Json, name: string): number {
  return report.people.find((p: Json) => p.name === name).hours;
}
function taskHours(report: Json, task: string): number | undefined {
  return report.tasks.find((t: Json) => t.name === task)?.hours;
}

let generic = '';
beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-timesheet-cli-'));
  generic = file('timesheet.csv', ['Date,Name,Task,Hours', ...ENTRIES.map((e) => `${e.date},${e.name},${e.task},${e.hours}`)].join('\n') + '\n');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the default period: whole weeks from the first entry\'s Monday to the last entry\'s Sunday', () => {
  let r: Json;
  beforeAll(() => {
    r = json('audit', generic);
  });

  it('says on the summary workbook that the hours are weekly averages of the entries, and over which weeks', () => {
    const out = path.join(dir, 'timesheet-summary.xlsx');
    expect(cli('audit', generic, '--out', out).code).toBe(0);
    const summary = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(out)).Sheets.Summary, { header: 1 });
    const row = summary.find((x) => x[0] === 'Hours are weekly averages of');
    expect(row?.[1]).toMatch(/^\d+ entries over 4 weeks \(2026-10-05 to 2026-11-01/);
    const plain = path.join(dir, 'plain-summary.xlsx');
    expect(cli('audit', path.join(repoRoot, 'resources', 'sample-organization.xlsx'), '--out', plain).code).toBe(0);
    expect(XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(plain)).Sheets.Summary, { header: 1 }).some((x) => x[0] === 'Hours are weekly averages of')).toBe(false);
  });

  it('reports the period, the entries and what was left out in the JSON', () => {
    const t = r.timesheet;
    expect(t.firstEntry).toBe('2026-10-06');
    expect(t.lastEntry).toBe('2026-10-31');
    expect(t.period).toMatchObject({ start: '2026-10-05', end: '2026-11-01', weeks: 4, chosen: false });
    expect(t.entries).toBe(ENTRIES.length);
    expect(t.outside.entries).toBe(0);
    expect(t.nonWork).toMatchObject({ entries: 2, hours: 16, included: false });
    expect([...t.nonWork.labels].sort()).toEqual(['Holiday', 'Sick']);
    expect(t.counted).toBe(ENTRIES.filter(work).length);
  });

  it('weekly hours are each sum ÷ 4 weeks, time off left out', () => {
    for (const task of ['Grants', 'Filing', 'Outreach']) expect(taskHours(r, task), task).toBeCloseTo(weekly('2026-10-05', '2026-11-01', 4, (e) => byTask(task)(e)), 2);
    expect(hoursOf(r, 'Ana Diaz')).toBeCloseTo(weekly('2026-10-05', '2026-11-01', 4, byPerson('Ana Diaz')), 2);
    expect(hoursOf(r, 'Ben Ortiz')).toBeCloseTo(weekly('2026-10-05', '2026-11-01', 4, byPerson('Ben Ortiz')), 2);
    expect(taskHours(r, 'Sick')).toBeUndefined();
    const ben = r.timesheet.people.find((p: Json) => p.name === 'Ben Ortiz');
    expect(ben).toMatchObject({ weeksWithEntries: 2, periodWeeks: 4 });
    expect(ben.weeklyHours).toBeCloseTo(weekly('2026-10-05', '2026-11-01', 4, byPerson('Ben Ortiz')), 2);
  });

  it('the text says so near the top, and lists who logged fewer weeks than the period has', () => {
    const out = cli('audit', generic);
    expect(out.code, out.stderr).toBe(0);
    const lines = out.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Time entries: '));
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(lines.findIndex((l) => /^2 people, /.test(l)));
    expect(lines[at]).toBe(`Time entries: ${ENTRIES.length} entries over 4 weeks (2026-10-05 to 2026-11-01, from the first entry's Monday to the last entry's Sunday); ${ENTRIES.filter(work).length} entries counted as work`);
    expect(out.stdout).toContain('  time off: 2 entries, 16 h left out (--include-non-work counts them): ');
    const ben = weekly('2026-10-05', '2026-11-01', 4, byPerson('Ben Ortiz'));
    expect(out.stdout).toContain(`    Ben Ortiz: 2 of 4 weeks, ${ben * 4} h, ${Math.round(ben * 100) / 100} h a week`);
    expect(out.stdout).not.toMatch(/^ {4}Ana Diaz: /m);
  });
});

describe('choosing the period', () => {
  it('--period: entries outside it are left out and counted; weekly hours = sum in it ÷ its weeks', () => {
    const r = json('audit', generic, '--period', '2026-10-12..2026-10-25');
    expect(r.timesheet.period).toMatchObject({ start: '2026-10-12', end: '2026-10-25', days: 14, weeks: 2, chosen: true });
    const outside = ENTRIES.filter((e) => e.date < '2026-10-12' || e.date > '2026-10-25');
    expect(r.timesheet.outside.entries).toBe(outside.length);
    expect(r.timesheet.outside.hours).toBeCloseTo(outside.reduce((s, e) => s + e.hours, 0), 6);
    expect(taskHours(r, 'Grants')).toBeCloseTo(weekly('2026-10-12', '2026-10-25', 2, byTask('Grants')), 2);
    expect(hoursOf(r, 'Ana Diaz')).toBeCloseTo(weekly('2026-10-12', '2026-10-25', 2, byPerson('Ana Diaz')), 2);
    const text = cli('audit', generic, '--period', '2026-10-12..2026-10-25').stdout;
    const counted = ENTRIES.filter((e) => e.date >= '2026-10-12' && e.date <= '2026-10-25' && work(e)).length;
    expect(text).toContain(`Time entries: ${ENTRIES.length} entries from 2026-10-06 to 2026-10-31; weekly hours over the chosen 2 weeks, 2026-10-12 to 2026-10-25; ${counted} entries counted as work\n`);
    expect(text).toContain(`  ${outside.length} entries (${outside.reduce((s, e) => s + e.hours, 0)} h) outside the period left out`);
  });

  it('--weeks 2: the last two whole weeks, ending on the Sunday of the last entry\'s week', () => {
    const r = json('audit', generic, '--weeks', '2');
    expect(r.timesheet.period).toMatchObject({ start: '2026-10-19', end: '2026-11-01', weeks: 2, chosen: true });
    expect(taskHours(r, 'Grants')).toBeCloseTo(weekly('2026-10-19', '2026-11-01', 2, byTask('Grants')), 2);
    expect(taskHours(r, 'Outreach')).toBeCloseTo(weekly('2026-10-19', '2026-11-01', 2, byTask('Outreach')), 2);
    // Ben worked both of these weeks: no longer short.
    expect(r.timesheet.people.find((p: Json) => p.name === 'Ben Ortiz')).toMatchObject({ weeksWithEntries: 2, periodWeeks: 2 });
  });

  it('--include-non-work counts time off as work', () => {
    const r = json('audit', generic, '--include-non-work');
    expect(r.timesheet.nonWork).toMatchObject({ entries: 2, hours: 16, included: true });
    expect(hoursOf(r, 'Ana Diaz')).toBeCloseTo(weekly('2026-10-05', '2026-11-01', 4, byPerson('Ana Diaz', true)), 2);
    expect(taskHours(r, 'Holiday')).toBeCloseTo(8 / 4, 2);
    expect(cli('audit', generic, '--include-non-work').stdout).toContain('  time off: 2 entries, 16 h counted as work (--include-non-work)');
  });

  it('propose --json carries the timesheet and takes the same flags', () => {
    const r = json('propose', generic, '--weeks', '2');
    expect(r.timesheet.period).toMatchObject({ start: '2026-10-19', end: '2026-11-01', weeks: 2 });
  });
});

describe('reading the entries', () => {
  it('--date-order dmy reads 05/10/2026 as 5 October; the default assumes month first and says so', () => {
    const f = file('slashed.csv', 'Date,Name,Task,Hours\n05/10/2026,Ana,Grants,4\n06/10/2026,Ana,Grants,4\n07/10/2026,Ana,Filing,2\n');
    const dmy = json('audit', f, '--date-order', 'dmy').timesheet;
    expect(dmy.period).toMatchObject({ start: '2026-10-05', end: '2026-10-11', weeks: 1 });
    expect(dmy.dateOrder.order).toBe('dmy');
    const mdy = json('audit', f).timesheet;
    expect(mdy.firstEntry).toBe('2026-05-10');
    expect(mdy.dateOrder).toEqual({ order: 'mdy', assumed: true });
    expect(cli('audit', f).stdout).toContain('slashed dates read month first (mm/dd/yyyy): an assumption, no date in the file settles it (--date-order dmy reads them the other way)');
  });

  it('a Toggl Track export without tasks: the task from Description, said in the text', () => {
    const head = 'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags';
    const row = (user: string, desc: string, date: string, dur: string) => `${user},${user.split(' ')[0].toLowerCase()}@example.org,,Programs,,${desc},No,${date},09:00:00,${date},12:00:00,${dur},`;
    const f = file('toggl.csv', [head, row('Ana Diaz', 'Writing', '2026-10-05', '02:30:00'), row('Ana Diaz', 'Writing', '2026-10-06', '01:15:00'), row('Ben Ortiz', 'Calls', '2026-10-07', '03:00:00')].join('\n') + '\n');
    const r = json('audit', f);
    expect(r.timesheet.taskFrom).toEqual({ task: 0, description: 3, project: 0 });
    expect(taskHours(r, 'Writing')).toBeCloseTo(3.75, 2);
    expect(cli('audit', f).stdout).toContain('  task taken from Description on 3 entries (no Task given)');
  });

  it('--pseudonymize codes the names in the timesheet too', () => {
    const r = cli('audit', generic, '--pseudonymize', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/Ana Diaz|Ben Ortiz/);
    expect(JSON.parse(r.stdout).timesheet.people.map((p: Json) => p.name).sort()).toEqual(JSON.parse(r.stdout).people.map((p: Json) => p.name).sort());
  });
});

describe('bad flags', () => {
  it.each([
    [['--period', '2026-10-05'], /--period must be START\.\.END/],
    [['--period', '2026-02-30..2026-03-08'], /2026-02-30 is not a real date/],
    [['--period', '5/10/2026..2026-11-01'], /"5\/10\/2026" is not a date written yyyy-mm-dd/],
    [['--period', '2026-11-01..2026-10-05'], /--period starts after it ends/],
    [['--weeks', '0'], /--weeks must be a positive whole number/],
    [['--weeks', '1.5'], /--weeks must be a positive whole number/],
    [['--weeks', 'two'], /--weeks must be a positive whole number/],
    [['--weeks', '521'], /--weeks must be a positive whole number of weeks, at most 520, got "521"/],
    [['--weeks', '2', '--period', '2026-10-05..2026-11-01'], /--period and --weeks both choose the period/],
    [['--date-order', 'ymd'], /--date-order must be mdy .* or dmy/],
    [['--weeks'], /--weeks must be a positive whole number/],
  ])('%j exits 2 with a clear message', (flags, message) => {
    for (const command of ['audit', 'propose']) {
      const r = cli(command, generic, ...flags);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toMatch(new RegExp(`^fairshare: .*${message.source}`));
    }
  });

  it('a saved project: its hours are already weekly, so a period is refused in one line (exit 1)', () => {
    const org = importOrganization(new TextEncoder().encode('Name,Task,Hours per week\nAna,Grants,30\n'), 'staff.csv').organization!;
    const project = file('staff.fairshare', serializeProject(createProject('Staff', org)));
    const r = cli('audit', project, '--weeks', '2', '--include-non-work');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^fairshare: .*staff\.fairshare is a Fairshare project: its hours are already per week, --weeks and --include-non-work apply to time-tracking exports only\n$/);
    expect(cli('audit', project).code).toBe(0);
  });

  it('a file without dated entries: the flag is ignored with a warning', () => {
    const r = cli('audit', file('long.csv', 'Name,Task,Hours per week\nAna,Grants,30\n'), '--weeks', '2');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^fairshare: warning: .*long\.csv has no dated time entries: --weeks ignored\n$/);
  });
});
