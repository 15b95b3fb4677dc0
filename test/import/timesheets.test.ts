/**
 * Acceptance test for issue 13: time-tracking exports made to their tools' documented layouts
 * (test/fixtures/timesheets/: Harvest, Toggl Track, Clockify, a generic sheet in .xlsx and .ods)
 * import as weekly hours — full names, roles, every person × task equal to the generator's own
 * sum ÷ 4 weeks to 0.01 h, time off left out unless chosen, and the gaps said once, not per row.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importOrganization, type ImportOptions, type ImportResult, type TimesheetReport } from '../../renderer/src/engine/import/index';
import { describeIssues, issuesOf, orgOf } from '../engine/helpers';

interface ExpectedPerson {
  name: string;
  role: string | null;
  weeksWithEntries: number;
  workHours: number;
  weeklyHours: number;
  nonWorkHours: number;
}

interface ExpectedFixture {
  tool: string;
  dateOrder: 'ymd' | 'mdy' | 'dmy';
  entries: number;
  workEntries: number;
  firstEntry: string;
  lastEntry: string;
  period: { start: string; end: string; days: number; weeks: number };
  taskFrom: TimesheetReport['taskFrom'];
  nonWork: { entries: number; hours: number; tasks: string[]; projects: string[] };
  absent: { name: string; week: number; weeksWithEntries: number }[];
  people: ExpectedPerson[];
  weekly: Record<string, Record<string, number>>;
  weeklyWithNonWork: Record<string, Record<string, number>>;
}

const fixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'timesheets');
const expectedAll = JSON.parse(readFileSync(path.join(fixturesDir, 'expected.json'), 'utf8')) as { fixtures: Record<string, ExpectedFixture> };
const fixtures = Object.entries(expectedAll.fixtures);
const WITH_NON_WORK: ImportOptions = { mapping: { sheets: {}, timesheet: { includeNonWork: true } } };
/** "to 0.01 h": the engine may round a weekly figure to two decimals, so a hundredth either way. */
const TOLERANCE = 0.01 + 1e-9;

const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

function importFixture(file: string, options: ImportOptions = {}): ImportResult {
  return importOrganization(new Uint8Array(readFileSync(path.join(fixturesDir, file))), file, options);
}

function timesheetOf(result: ImportResult): TimesheetReport {
  if (!result.timesheet) throw new Error(`no timesheet report; layout ${result.layout.layout}; fatal ${result.fatal}\n${describeIssues(result)}`);
  return result.timesheet;
}

/** Weekly hours per "person|task" (normalized names) from the organization's assignments. */
function weeklyOf(result: ImportResult): Map<string, number> {
  const org = orgOf(result);
  const person = new Map(org.people.map((p) => [p.id, p.name]));
  const task = new Map(org.tasks.map((t) => [t.id, t.name]));
  const out = new Map<string, number>();
  for (const a of org.assignments) {
    const key = `${norm(person.get(a.personId)!)}|${norm(task.get(a.taskId)!)}`;
    out.set(key, (out.get(key) ?? 0) + a.hours);
  }
  return out;
}

/** Every expected person × task within 0.01 h, and no assignment the file does not hold. */
function expectWeekly(result: ImportResult, expected: Record<string, Record<string, number>>): void {
  const got = weeklyOf(result);
  const want = new Map<string, number>();
  for (const [name, tasks] of Object.entries(expected)) for (const [task, h] of Object.entries(tasks)) want.set(`${norm(name)}|${norm(task)}`, h);
  for (const [key, h] of want) {
    expect(got.has(key), `assignment ${key} missing; got ${[...got.keys()].join(', ')}`).toBe(true);
    const diff = Math.abs((got.get(key) ?? 0) - h);
    expect(diff, `${key}: got ${got.get(key)} h/week, expected ${h}`).toBeLessThanOrEqual(TOLERANCE);
  }
  expect([...got.keys()].filter((k) => !want.has(k)), 'assignments the file does not hold').toEqual([]);
}

describe.each(fixtures)('%s', (file, exp) => {
  let result: ImportResult;
  beforeAll(() => {
    result = importFixture(file);
  });

  it('is read as a timesheet: whole weeks from the first Monday to the last Sunday', () => {
    expect(result.fatal, describeIssues(result)).toBeNull();
    expect(result.layout.layout).toBe('timesheet');
    const ts = timesheetOf(result);
    expect(ts.entries).toBe(exp.entries);
    expect(ts.counted).toBe(exp.workEntries);
    expect([ts.firstEntry, ts.lastEntry]).toEqual([exp.firstEntry, exp.lastEntry]);
    expect(ts.found).toEqual({ start: exp.period.start, end: exp.period.end, weeks: exp.period.weeks });
    expect(ts.period).toEqual({ ...exp.period, chosen: false });
    expect(ts.outside).toEqual({ entries: 0, hours: 0 });
    expect(ts.dateOrder).toEqual({ order: exp.dateOrder, assumed: false });
  });

  it('names people in full, with their role where the export has one', () => {
    const org = orgOf(result);
    const people = org.people.map((p) => ({ name: p.name, role: p.role })).sort((a, b) => a.name.localeCompare(b.name));
    expect(people).toEqual(exp.people.map((p) => ({ name: p.name, role: p.role })));
  });

  it('gives each person × task the independent sum ÷ 4 weeks, to 0.01 h', () => {
    expectWeekly(result, exp.weekly);
    const ts = timesheetOf(result);
    for (const p of exp.people) {
      const row = ts.people.find((r) => norm(r.name) === norm(p.name));
      expect(row, `${p.name} in the timesheet report`).toBeDefined();
      expect(Math.abs(row!.hours - p.workHours), `${p.name} hours`).toBeLessThanOrEqual(TOLERANCE);
      expect(Math.abs(row!.weeklyHours - p.weeklyHours), `${p.name} weekly hours`).toBeLessThanOrEqual(TOLERANCE);
      expect([row!.weeksWithEntries, row!.periodWeeks], `${p.name} weeks with entries`).toEqual([p.weeksWithEntries, 4]);
    }
  });

  it('says the entry count once, with no per-row "more than one row" warnings', () => {
    expect(result.issues.filter((i) => /more than one row/i.test(i.message)), describeIssues(result)).toEqual([]);
    const count = new RegExp(`\\b${exp.entries.toLocaleString('en-US')} (?:time )?entries\\b`);
    // The summary is the line with the count and the weeks ("1,240 entries over 4 weeks"), not the Task-column note.
    expect(issuesOf(result, 'info').filter((i) => count.test(i.message) && /\b4 weeks\b/.test(i.message)), describeIssues(result)).toHaveLength(1);
    expect(issuesOf(result, 'error'), describeIssues(result)).toEqual([]);
  });

  it('says which person has a week without entries, and no one else', () => {
    const named = (name: string) => issuesOf(result, 'info').filter((i) => i.message.includes(name) || i.people?.includes(name));
    for (const p of exp.people) {
      const absent = exp.absent.some((a) => a.name === p.name);
      expect(named(p.name), `${p.name}: ${describeIssues(result)}`).toHaveLength(absent ? 1 : 0);
    }
  });

  it('leaves time off out of work hours by default and reports it', () => {
    const ts = timesheetOf(result);
    expect(ts.nonWork.included).toBe(false);
    expect(ts.nonWork.entries).toBe(exp.nonWork.entries);
    expect(ts.nonWork.hours).toBeCloseTo(exp.nonWork.hours, 6);
    const shown = new Set([...exp.nonWork.tasks, ...exp.nonWork.projects].filter(Boolean).map(norm));
    expect(ts.nonWork.labels.length).toBeGreaterThan(0);
    for (const label of ts.nonWork.labels) expect(shown.has(norm(label)), `label "${label}" is one of ${[...shown].join(', ')}`).toBe(true);
  });

  it('counts time off as work when chosen', () => {
    const all = importFixture(file, WITH_NON_WORK);
    const ts = timesheetOf(all);
    expect(ts.nonWork.included).toBe(true);
    expect(ts.counted).toBe(exp.entries);
    expect(ts.taskFrom).toEqual(exp.taskFrom);
    expectWeekly(all, exp.weeklyWithNonWork);
  });
});

describe('where the task comes from', () => {
  it('takes the Toggl activity from Description when the Task column is empty, and says so', () => {
    const exp = expectedAll.fixtures['toggl-detailed.csv'];
    const ts = timesheetOf(importFixture('toggl-detailed.csv'));
    expect(ts.taskFrom.task).toBe(0);
    expect(ts.taskFrom.project).toBe(0);
    expect(ts.taskFrom.description).toBeGreaterThanOrEqual(exp.workEntries);
  });

  it('takes Clockify time off from Description on the rows whose Task is empty, the rest from Task', () => {
    const exp = expectedAll.fixtures['clockify-detailed.csv'];
    expect(exp.taskFrom.description).toBe(exp.nonWork.entries);
    const ts = timesheetOf(importFixture('clockify-detailed.csv', WITH_NON_WORK));
    expect(ts.taskFrom).toEqual(exp.taskFrom);
  });
});
