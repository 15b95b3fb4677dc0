/**
 * The timesheet period rule at its edges (issue 13), on small in-memory CSVs: a Sunday closes its
 * Monday's week, a chosen period may start mid-week (fractional weeks, entries outside counted),
 * one week is one week, a missing week is said and still divides, {weeks: N} takes the last N;
 * slashed dates settle day/month order from the file, and durations read as decimal or hh:mm(:ss).
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { importOrganization, type ImportOptions, type ImportResult, type TimesheetReport } from '../../renderer/src/engine/import/index';
import { describeIssues, issuesOf, orgOf } from '../engine/helpers';

function importLines(lines: string[], options: ImportOptions = {}): ImportResult {
  return importOrganization(new TextEncoder().encode(lines.join('\n') + '\n'), 'entries.csv', options);
}

function ts(result: ImportResult): TimesheetReport {
  if (!result.timesheet) throw new Error(`not read as a timesheet (layout ${result.layout.layout}, fatal ${result.fatal})\n${describeIssues(result)}`);
  return result.timesheet;
}

/** Weekly hours of one person on one task (0 when there is no such assignment). */
function weekly(result: ImportResult, person: string, task: string): number {
  const org = orgOf(result);
  const p = org.people.find((x) => x.name === person);
  const t = org.tasks.find((x) => x.name === task);
  if (!p || !t) return 0;
  return org.assignments.filter((a) => a.personId === p.id && a.taskId === t.id).reduce((s, a) => s + a.hours, 0);
}

function personRow(result: ImportResult, name: string) {
  const row = ts(result).people.find((p) => p.name === name);
  if (!row) throw new Error(`${name} not in the timesheet report`);
  return row;
}

const infoNaming = (result: ImportResult, name: string) => issuesOf(result, 'info').filter((i) => i.message.includes(name) || i.people?.includes(name));

/** One generic row per [date, name, task, hours]. */
const sheet = (rows: [string, string, string, number | string][]) => ['Date,Name,Task,Hours', ...rows.map((r) => r.join(','))];

describe('a Sunday closes the week that began on the Monday before it', () => {
  it('an entry on Sunday 2026-10-11 is in the week of Monday 2026-10-05: one week, not two', () => {
    const r = importLines(sheet([['2026-10-05', 'Ana Moreno', 'Writing', 8], ['2026-10-11', 'Ana Moreno', 'Writing', 8]]));
    expect(r.layout.layout).toBe('timesheet');
    expect(ts(r).found).toEqual({ start: '2026-10-05', end: '2026-10-11', weeks: 1 });
    expect(weekly(r, 'Ana Moreno', 'Writing')).toBeCloseTo(16, 6);
  });

  it('a first entry on a Sunday starts the period on the Monday six days before', () => {
    const r = importLines(sheet([['2026-10-11', 'Ana Moreno', 'Writing', 6], ['2026-10-12', 'Ana Moreno', 'Writing', 8]]));
    expect(ts(r).found).toEqual({ start: '2026-10-05', end: '2026-10-18', weeks: 2 });
    expect(weekly(r, 'Ana Moreno', 'Writing')).toBeCloseTo(7, 6);
  });

  it('someone who logs only on Sundays has an entry in every week', () => {
    const r = importLines(sheet([
      ['2026-10-05', 'Ana Moreno', 'Writing', 8],
      ['2026-10-11', 'Ben Okafor', 'Events', 4],
      ['2026-10-16', 'Ana Moreno', 'Writing', 8],
      ['2026-10-18', 'Ben Okafor', 'Events', 4],
    ]));
    expect(ts(r).found).toEqual({ start: '2026-10-05', end: '2026-10-18', weeks: 2 });
    expect(personRow(r, 'Ben Okafor')).toMatchObject({ weeksWithEntries: 2, periodWeeks: 2, hours: 8 });
    expect(infoNaming(r, 'Ben Okafor'), describeIssues(r)).toEqual([]);
    expect(weekly(r, 'Ben Okafor', 'Events')).toBeCloseTo(4, 6);
  });
});

describe('a chosen period', () => {
  // Ana works 8 h every weekday of 2026-10-05..10-30, 2 h on Sunday 11-01 and 3 h on Monday 11-02.
  const rows: [string, string, string, number][] = [];
  for (let d = 0; d < 26; d++) {
    const day = new Date(Date.UTC(2026, 9, 5 + d));
    if (day.getUTCDay() % 6 !== 0) rows.push([day.toISOString().slice(0, 10), 'Ana Moreno', 'Writing', 8]);
  }
  rows.push(['2026-11-01', 'Ana Moreno', 'Writing', 2], ['2026-11-02', 'Ana Moreno', 'Writing', 3]);

  it('starting mid-week: 26 days are 26/7 weeks, both ends included, entries outside left out and counted', () => {
    const r = importLines(sheet(rows), { period: { start: '2026-10-07', end: '2026-11-01' } });
    const report = ts(r);
    expect(report.found).toEqual({ start: '2026-10-05', end: '2026-11-08', weeks: 5 });
    expect(report.period).toEqual({ start: '2026-10-07', end: '2026-11-01', days: 26, weeks: 26 / 7, chosen: true });
    // Left out: Mon 10-05 and Tue 10-06 before, Mon 11-02 after.
    expect(report.outside.entries).toBe(3);
    expect(report.outside.hours).toBeCloseTo(19, 6);
    expect(report.counted).toBe(rows.length - 3);
    // Wed 10-07 .. Fri 10-30 is 18 weekdays of 8 h, plus 2 h on the last day.
    expect(weekly(r, 'Ana Moreno', 'Writing')).toBeCloseTo((18 * 8 + 2) / (26 / 7), 6);
  });

  it('{weeks: 2} is the last two whole weeks, ending on the Sunday of the last entry’s week', () => {
    const r = importLines(sheet(rows.filter((x) => x[0] !== '2026-11-02')), { period: { weeks: 2 } });
    const report = ts(r);
    expect(report.period).toEqual({ start: '2026-10-19', end: '2026-11-01', days: 14, weeks: 2, chosen: true });
    expect(report.outside.entries).toBe(10);
    expect(weekly(r, 'Ana Moreno', 'Writing')).toBeCloseTo((10 * 8 + 2) / 2, 6);
    expect(personRow(r, 'Ana Moreno')).toMatchObject({ weeksWithEntries: 2, periodWeeks: 2 });
  });
});

describe('weeks with and without entries', () => {
  it('entries from Monday to Sunday of one week are one week', () => {
    const days = ['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16', '2026-10-17', '2026-10-18'];
    const r = importLines(sheet(days.map((d, i) => [d, 'Ana Moreno', 'Writing', i + 1])));
    expect(ts(r).found).toEqual({ start: '2026-10-12', end: '2026-10-18', weeks: 1 });
    expect(ts(r).period).toMatchObject({ days: 7, weeks: 1, chosen: false });
    expect(weekly(r, 'Ana Moreno', 'Writing')).toBeCloseTo(28, 6);
    expect(personRow(r, 'Ana Moreno')).toMatchObject({ weeksWithEntries: 1, periodWeeks: 1 });
  });

  it('entries mid-week still make a whole week', () => {
    const r = importLines(sheet([['2026-10-13', 'Ana Moreno', 'Writing', 8], ['2026-10-15', 'Ana Moreno', 'Writing', 8]]));
    expect(ts(r).found).toEqual({ start: '2026-10-12', end: '2026-10-18', weeks: 1 });
    expect(weekly(r, 'Ana Moreno', 'Writing')).toBeCloseTo(16, 6);
  });

  it('a person with no entries in one week: 3 of 4 weeks, said once, and the hours still divide by 4', () => {
    const mondays = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26'];
    const r = importLines(sheet([
      ...mondays.map((d): [string, string, string, number] => [d, 'Ana Moreno', 'Writing', 8]),
      ...mondays.filter((_, i) => i !== 2).map((d): [string, string, string, number] => [d, 'Ben Okafor', 'Events', 8]),
    ]));
    expect(ts(r).found.weeks).toBe(4);
    expect(personRow(r, 'Ben Okafor')).toMatchObject({ weeksWithEntries: 3, periodWeeks: 4, hours: 24 });
    expect(infoNaming(r, 'Ben Okafor'), describeIssues(r)).toHaveLength(1);
    expect(infoNaming(r, 'Ana Moreno'), describeIssues(r)).toEqual([]);
    expect(weekly(r, 'Ben Okafor', 'Events')).toBeCloseTo(6, 6);
    expect(weekly(r, 'Ana Moreno', 'Writing')).toBeCloseTo(8, 6);
  });
});

describe('slashed dates: day/month order from the file', () => {
  it('a date like 25/10/2026 settles day/month/year for the whole file', () => {
    const r = importLines(sheet([['05/10/2026', 'Ana Moreno', 'Writing', 8], ['12/10/2026', 'Ana Moreno', 'Writing', 8], ['25/10/2026', 'Ana Moreno', 'Writing', 8]]));
    expect(ts(r).dateOrder).toEqual({ order: 'dmy', assumed: false });
    expect([ts(r).firstEntry, ts(r).lastEntry]).toEqual(['2026-10-05', '2026-10-25']);
    expect(ts(r).found).toEqual({ start: '2026-10-05', end: '2026-10-25', weeks: 3 });
  });

  it('a date like 10/25/2026 settles month/day/year, whatever the saved choice', () => {
    const lines = sheet([['10/05/2026', 'Ana Moreno', 'Writing', 8], ['10/25/2026', 'Ana Moreno', 'Writing', 8]]);
    for (const options of [{}, { mapping: { sheets: {}, timesheet: { dateOrder: 'dmy' as const } } }]) {
      const r = importLines(lines, options);
      expect(ts(r).dateOrder).toEqual({ order: 'mdy', assumed: false });
      expect([ts(r).firstEntry, ts(r).lastEntry]).toEqual(['2026-10-05', '2026-10-25']);
    }
  });

  it('when no date settles it, month first is assumed and said; the saved choice reads day first', () => {
    const lines = sheet([['10/05/2026', 'Ana Moreno', 'Writing', 8], ['10/06/2026', 'Ana Moreno', 'Writing', 8]]);
    const r = importLines(lines);
    expect(ts(r).dateOrder).toEqual({ order: 'mdy', assumed: true });
    expect([ts(r).firstEntry, ts(r).lastEntry]).toEqual(['2026-10-05', '2026-10-06']);
    expect(issuesOf(r, 'info').filter((i) => /month\/day/i.test(i.message)), describeIssues(r)).toHaveLength(1);
    const dmy = importLines(lines, { mapping: { sheets: {}, timesheet: { dateOrder: 'dmy' } } });
    expect(ts(dmy).dateOrder.order).toBe('dmy');
    expect([ts(dmy).firstEntry, ts(dmy).lastEntry]).toEqual(['2026-05-10', '2026-06-10']);
  });

  it('reads dd.mm.yyyy day first', () => {
    const r = importLines(sheet([['05.10.2026', 'Ana Moreno', 'Writing', 8], ['09.10.2026', 'Ana Moreno', 'Writing', 8]]));
    expect([ts(r).firstEntry, ts(r).lastEntry]).toEqual(['2026-10-05', '2026-10-09']);
  });
});

describe('durations', () => {
  it('reads hh:mm:ss and hh:mm as hours and minutes, decimals as hours', () => {
    const r = importLines([
      'User,Task,Start date,Duration',
      'Ana Moreno,Writing,2026-10-05,01:30:00',
      'Ana Moreno,Writing,2026-10-06,00:45:00',
      'Ana Moreno,Writing,2026-10-07,1:15',
      'Ana Moreno,Writing,2026-10-08,00:00:36',
      'Ana Moreno,Editing,2026-10-09,2.25',
      'Ana Moreno,Editing,2026-10-09,0.5',
    ]);
    expect(r.layout.layout).toBe('timesheet');
    expect(weekly(r, 'Ana Moreno', 'Writing')).toBeCloseTo(1.5 + 0.75 + 1.25 + 0.01, 6);
    expect(weekly(r, 'Ana Moreno', 'Editing')).toBeCloseTo(2.75, 6);
  });

  it('prefers Duration (decimal) over Duration (h) when a Clockify export has both', () => {
    // Ten 20-minute entries: 3.33… h by the clock, 3.30 h in the decimal column Clockify rounds per entry.
    const lines = ['Project,Description,Task,User,Start Date,Duration (h),Duration (decimal)'];
    for (let d = 5; d < 10; d++) for (let k = 0; k < 2; k++) lines.push(`Operations,,Filing,Ana Moreno,10/0${d}/2026,00:20:00,0.33`);
    const r = importLines(lines);
    expect(weekly(r, 'Ana Moreno', 'Filing')).toBeCloseTo(3.3, 6);
    expect(personRow(r, 'Ana Moreno').hours).toBeCloseTo(3.3, 6);
  });

  it('reads a spreadsheet time cell ([h]:mm:ss, a fraction of a day) as hours and minutes', () => {
    // Toggl's and many hand-made .xlsx timesheets store a duration as a time: 1:30:00 is the number 0.0625.
    const ws = XLSX.utils.aoa_to_sheet([
      ['User', 'Task', 'Start date', 'Duration'],
      ['Ana Moreno', 'Design', { t: 'n', v: 46300, z: 'yyyy-mm-dd' }, { t: 'n', v: 0.0625, z: '[h]:mm:ss' }],
      ['Ana Moreno', 'Design', { t: 'n', v: 46301, z: 'yyyy-mm-dd' }, { t: 'n', v: 0.3125, z: '[h]:mm:ss' }],
    ] as unknown as unknown[][]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Entries');
    const r = importOrganization(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'entries.xlsx');
    // 1:30:00 + 7:30:00.
    expect(weekly(r, 'Ana Moreno', 'Design')).toBeCloseTo(9, 6);
  });

  it('reads Duration (h) alone as hh:mm:ss', () => {
    const r = importLines(['Start Date,User,Task,Duration (h)', '2026-10-05,Ana Moreno,Filing,01:20:00', '2026-10-06,Ana Moreno,Filing,00:40:00']);
    expect(weekly(r, 'Ana Moreno', 'Filing')).toBeCloseTo(2, 6);
  });
});
