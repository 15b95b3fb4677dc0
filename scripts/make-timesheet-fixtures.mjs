// Writes the time-tracking export fixtures under test/fixtures/timesheets/ (see the README there):
// four weeks (Mon 2026-10-05 .. Sun 2026-11-01) of a 4-person organization's entries as a Harvest
// detailed time report, a Toggl Track detailed report, a Clockify detailed report and a generic
// Date | Name | Role | Task | Hours sheet in .xlsx and .ods, plus expected.json: each person × task's
// weekly hours summed here from the very values written (never by the importer) and divided by 4.
// Deterministic: seeded PRNG (prng.mjs), fixed workbook dates, no clock.
// Run: node scripts/make-timesheet-fixtures.mjs [--out DIR]   (DIR defaults to test/fixtures/timesheets/)
import * as XLSX from 'xlsx';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './prng.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outAt = process.argv.indexOf('--out');
if (outAt >= 0 && !process.argv[outAt + 1]) throw new Error('--out needs a folder');
const outDir = outAt >= 0 ? path.resolve(process.argv[outAt + 1]) : path.join(root, 'test', 'fixtures', 'timesheets');
const FIRST_DAY = '2026-10-05'; // a Monday
const PERIOD_DAYS = 28;
const WEEKS = PERIOD_DAYS / 7;
/** Fixed creation date written into the workbooks, so re-running gives identical bytes. */
const FIXED_DATE = new Date(Date.UTC(2026, 10, 2, 9, 0, 0));

// ---------------------------------------------------------------------------------------------
// The organization and its days
// ---------------------------------------------------------------------------------------------

/** [activity, project, project code, weight, notes…]: what each person logs, and how often. */
const PEOPLE = [
  { first: 'Ana', last: 'Moreno', role: 'Coordinator', email: 'ana@riverside.example', weekly: 40, employee: true, costRate: 38, tasks: [
    ['Strategic planning', 'Operations', 'OPS', 3, 'Quarterly plan draft', 'Priorities, risks and budget'],
    ['Board liaison', 'Governance', 'GOV', 2, 'Board packet', 'Call with the chair'],
    ['Grant writing', 'Fundraising', 'FUN', 3, 'Foundation proposal', 'Budget narrative, attachments'],
    ['Staff supervision', 'Operations', 'OPS', 2, 'One-to-ones'],
    ['Email and admin', 'Operations', 'OPS', 2, 'Inbox', 'Scheduling'],
  ] },
  { first: 'Ben', last: 'Okafor', role: 'Organizer', email: 'ben@riverside.example', weekly: 40, employee: true, costRate: 27, tasks: [
    ['Member outreach', 'Organizing', 'ORG', 4, 'Door knocking, Elm St', 'Calls, follow-ups'],
    ['Event organizing', 'Organizing', 'ORG', 3, 'Tenant assembly prep', 'Venue and childcare'],
    ['Phone banking', 'Organizing', 'ORG', 2, 'Turnout calls'],
    ['Data entry', 'Operations', 'OPS', 2, 'Sign-in sheets'],
    ['Email and admin', 'Operations', 'OPS', 1, 'Inbox'],
  ] },
  { first: 'Chloé', last: 'Dubois', role: 'Communications', email: 'chloe@riverside.example', weekly: 40, employee: true, costRate: 29, tasks: [
    ['Newsletter', 'Communications', 'COM', 3, 'October issue', 'Layout, "Know your rights" box'],
    ['Social media', 'Communications', 'COM', 3, 'Posts and replies'],
    ['Press relations', 'Communications', 'COM', 2, 'Press release', 'Reporter call'],
    ['Website updates', 'Communications', 'COM', 2, 'Events page'],
  ] },
  { first: 'Dev', last: 'Patel', role: 'Bookkeeper', email: 'dev@riverside.example', weekly: 20, employee: false, costRate: 32, tasks: [
    ['Bookkeeping', 'Finance', 'FIN', 4, 'Bank reconciliation', 'Ledger, receipts'],
    ['Payroll', 'Finance', 'FIN', 2, 'Payroll run'],
    ['Invoice processing', 'Finance', 'FIN', 2, 'Vendor invoices'],
  ] },
];
const TEAM_MEETING = ['Team meeting', 'Operations', 'OPS', 0, 'Weekly staff meeting'];

function addDays(iso, n) {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000);
}
const isoDate = (d) => d.toISOString().slice(0, 10);

/**
 * One fixture's entries, day by day: ~8 h (part-timer ~4 h) each weekday in 2–6 entries, a team
 * meeting every Monday, the spec's time off in place of work, one weekend entry, and the spec's
 * absent person-weeks left empty.
 */
function generateEntries(rand, spec) {
  const pick = (n) => Math.floor(rand() * n);
  const between = (lo, hi) => lo + pick(hi - lo + 1);
  const entries = [];
  const weighted = (tasks) => {
    const total = tasks.reduce((a, t) => a + t[3], 0);
    let x = rand() * total;
    for (const t of tasks) if ((x -= t[3]) < 0) return t;
    return tasks[tasks.length - 1];
  };
  const add = (p, day, task, start, seconds, nonWork = false) => {
    const [activity, project, projectCode, , ...notes] = task;
    const date = isoDate(addDays(FIRST_DAY, day));
    // Clockify's "Date of creation": some entries are typed in the next working day (Friday's on Monday).
    const created = isoDate(addDays(FIRST_DAY, day + (rand() < 0.25 ? (day % 7 === 4 ? 3 : 1) : 0)));
    const billable = !nonWork && project === 'Fundraising';
    entries.push({ person: p, date, created, activity, project, projectCode, note: notes.length ? notes[pick(notes.length)] : '', start, seconds, nonWork, billable, tags: billable ? 'grant' : '' });
    return start + seconds + between(0, 10) * 60;
  };
  for (let day = 0; day < PERIOD_DAYS; day++) {
    spec.people.forEach((p, i) => {
      if (spec.absent.some((a) => a.person === i && a.week === Math.floor(day / 7))) return;
      const weekday = day % 7;
      let clock = 9 * 3600 + between(0, 15) * 60;
      const sunday = spec.sunday.person === i && spec.sunday.day === day;
      if (weekday >= 5) {
        if (sunday) add(p, day, p.tasks[0], 13 * 3600, between(90, 180) * 60 + between(0, 59));
        return;
      }
      const dayHours = p.weekly / 5;
      const off = spec.nonWork.find((n) => n.person === i && n.day === day);
      if (off) clock = add(p, day, [off.activity, off.project, '', 0], clock, (off.hours ?? dayHours) * 3600, true);
      let left = (dayHours - (off ? off.hours ?? dayHours : 0)) * 3600;
      if (left <= 0) return;
      left += (between(-30, 30) * 60 + between(0, 59)) * (off ? 0 : 1);
      if (weekday === 0) {
        clock = add(p, day, TEAM_MEETING, clock, 3600);
        left -= 3600;
      }
      const k = p.weekly >= 40 ? between(3, 5) : between(2, 3);
      const weights = Array.from({ length: k }, () => 0.5 + rand());
      const sum = weights.reduce((a, b) => a + b, 0);
      let given = 0;
      weights.forEach((w, j) => {
        const seconds = j === k - 1 ? left - given : Math.round((left * w) / sum);
        given += seconds;
        clock = add(p, day, weighted(p.tasks), clock, seconds);
        if (clock > 12 * 3600 && clock < 13 * 3600) clock += 45 * 60; // lunch
      });
    });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Writing: CSV cells quoted as the tools quote them, durations as each tool writes them
// ---------------------------------------------------------------------------------------------

const quoteIfNeeded = (v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const quoteAll = (v) => `"${v.replace(/"/g, '""')}"`;
const pad2 = (n) => String(n).padStart(2, '0');
/** 5025 s → "01:23:45". */
const hms = (s) => `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)}`;
/** Seconds since midnight → "01:23:45 PM" (Clockify's 12-hour setting). */
function clock12(s) {
  const h = Math.floor(s / 3600) % 24;
  return `${pad2(((h + 11) % 12) + 1)}:${pad2(Math.floor((s % 3600) / 60))}:${pad2(s % 60)} ${h < 12 ? 'AM' : 'PM'}`;
}
/** "2026-10-15" → "10/15/2026" (Clockify's default MM/DD/YYYY). */
const mdy = (iso) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const money = (x) => x.toFixed(2);
const fullName = (p) => `${p.first} ${p.last}`;
/** Days since 1899-12-30: a spreadsheet date serial, independent of the time zone. */
const serial = (iso) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000);

function csvText(rows, quote, { bom = false, eol = '\n' } = {}) {
  return (bom ? '\ufeff' : '') + rows.map((r) => r.map((c) => quote(String(c))).join(',')).join(eol) + eol;
}

/**
 * Each writer returns { bytes, records }: records are the entries as an importer must read them back
 * (person's full name, the task per Task → Description → Project, hours as written) — the expected
 * answer is summed from these, so it is exactly what the file says.
 */
const writers = {
  harvest(entries) {
    const header = ['Date', 'Client', 'Project', 'Project Code', 'Task', 'Notes', 'Hours', 'Hours Rounded', 'Billable?', 'Invoiced?', 'Approved?', 'First Name', 'Last Name', 'Roles', 'Employee?', 'Billable Rate', 'Billable Amount', 'Cost Rate', 'Cost Amount', 'Currency', 'External Reference URL'];
    const rows = [header];
    const records = [];
    for (const e of entries) {
      const p = e.person;
      // Harvest keeps hours to 2 decimals; "Hours Rounded" is the account's round-up to the quarter hour.
      const hours = Math.round(e.seconds / 36) / 100;
      const rounded = Math.ceil(hours * 4 - 1e-9) / 4;
      const billable = e.billable ? 'Yes' : 'No';
      const rate = e.billable ? 45 : 0;
      rows.push([e.date, 'Riverside Tenants Alliance', e.project, e.projectCode, e.activity, e.note, hours.toFixed(2), rounded.toFixed(2), billable, 'No', 'Yes', p.first, p.last, p.role, p.employee ? 'Yes' : 'No', money(rate), money(rate * hours), money(p.costRate), money(p.costRate * hours), 'United States Dollar - USD', '']);
      records.push({ ...e, name: fullName(p), role: p.role, task: e.activity, from: 'task', hours });
    }
    return { bytes: new TextEncoder().encode(csvText(rows, quoteIfNeeded)), records };
  },

  toggl(entries) {
    // A plan without tasks: the Task column is there but empty; the activity is the Description.
    const header = ['User', 'Email', 'Client', 'Project', 'Task', 'Description', 'Billable', 'Start date', 'Start time', 'End date', 'End time', 'Duration', 'Tags', 'Amount ()'];
    const rows = [header];
    const records = [];
    for (const e of entries) {
      const p = e.person;
      const end = e.start + e.seconds;
      rows.push([fullName(p), p.email, 'Riverside Tenants Alliance', e.project, '', e.activity, e.billable ? 'Yes' : 'No', e.date, hms(e.start), e.date, hms(end), hms(e.seconds), e.tags, e.billable ? money((45 * e.seconds) / 3600) : '']);
      records.push({ ...e, name: fullName(p), role: null, task: e.activity, from: 'description', hours: e.seconds / 3600 });
    }
    return { bytes: new TextEncoder().encode(csvText(rows, quoteIfNeeded, { bom: true })), records };
  },

  clockify(entries) {
    // The detailed report's current column set (with Type / Invoiced / Invoice ID / Date of creation),
    // every cell quoted and CRLF line ends as Clockify writes them; dates MM/DD/YYYY, 12-hour times.
    const header = ['Project', 'Client', 'Description', 'Task', 'User', 'Group', 'Email', 'Tags', 'Type', 'Billable', 'Invoiced', 'Invoice ID', 'Start Date', 'Start Time', 'End Date', 'End Time', 'Duration (h)', 'Duration (decimal)', 'Billable Rate (USD)', 'Billable Amount (USD)', 'Date of creation'];
    const rows = [header];
    const records = [];
    for (const e of entries) {
      const p = e.person;
      const decimal = Math.round(e.seconds / 36) / 100;
      const rate = e.billable ? 45 : 0;
      // Time off is logged without a task; its kind is in the Description.
      const task = e.nonWork ? '' : e.activity;
      const description = e.nonWork ? e.activity : e.note;
      // Grant-funded hours are invoiced to the foundation at the end of each fortnight.
      const invoice = e.billable ? (e.date < '2026-10-19' ? 'INV-0041' : e.date < '2026-10-26' ? 'INV-0042' : '') : '';
      rows.push([e.project, 'Riverside Tenants Alliance', description, task, fullName(p), p.role, p.email, e.tags, 'Regular', e.billable ? 'Yes' : 'No', invoice ? 'Yes' : 'No', invoice, mdy(e.date), clock12(e.start), mdy(e.date), clock12(e.start + e.seconds), hms(e.seconds), decimal.toFixed(2), money(rate), money(rate * decimal), mdy(e.created)]);
      // Duration (decimal) is the figure read (preferred over the hh:mm:ss column), so it is the truth here.
      records.push({ ...e, name: fullName(p), role: p.role, task: task || description, from: task ? 'task' : 'description', hours: decimal });
    }
    return { bytes: new TextEncoder().encode(csvText(rows, quoteAll, { eol: '\r\n' })), records };
  },

  generic(entries, bookType) {
    const aoa = [['Date', 'Name', 'Role', 'Task', 'Hours']];
    const records = [];
    for (const e of entries) {
      const p = e.person;
      // A shared sheet is filled in quarter hours.
      const hours = Math.max(1, Math.round(e.seconds / 900)) / 4;
      // A real date cell: a serial with a date format in .xlsx, an office:date-value in .ods.
      const date = bookType === 'ods' ? { t: 'd', v: new Date(`${e.date}T00:00:00Z`) } : { t: 'n', v: serial(e.date), z: 'yyyy-mm-dd' };
      aoa.push([date, fullName(p), p.role, e.activity, hours]);
      records.push({ ...e, name: fullName(p), role: p.role, task: e.activity, from: 'task', hours });
    }
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    ws['!cols'] = [{ wch: 12 }, { wch: 18 }, { wch: 16 }, { wch: 22 }, { wch: 7 }];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Timesheet');
    wb.Props = { Title: 'Timesheet October 2026', Author: 'Fairshare fixture generator', CreatedDate: FIXED_DATE, ModifiedDate: FIXED_DATE };
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }));
    return { bytes, records };
  },
};

// ---------------------------------------------------------------------------------------------
// The independent answer
// ---------------------------------------------------------------------------------------------

const round6 = (x) => Math.round(x * 1e6) / 1e6;
const weekOf = (iso) => Math.floor((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${FIRST_DAY}T00:00:00Z`)) / (7 * 86_400_000));

function expectedFor(spec, records) {
  const weekly = (withNonWork) => {
    const out = {};
    for (const r of records) {
      if (r.nonWork && !withNonWork) continue;
      const byTask = (out[r.name] ??= {});
      byTask[r.task] = (byTask[r.task] ?? 0) + r.hours;
    }
    for (const byTask of Object.values(out)) for (const t of Object.keys(byTask)) byTask[t] = round6(byTask[t] / WEEKS);
    return out;
  };
  const nonWork = records.filter((r) => r.nonWork);
  const people = PEOPLE.map((p) => {
    const mine = records.filter((r) => r.name === fullName(p));
    const work = mine.filter((r) => !r.nonWork);
    const hours = work.reduce((a, r) => a + r.hours, 0);
    return {
      name: fullName(p),
      role: records.find((r) => r.name === fullName(p))?.role ?? null,
      weeksWithEntries: new Set(work.map((r) => weekOf(r.date))).size,
      workHours: round6(hours),
      weeklyHours: round6(hours / WEEKS),
      nonWorkHours: round6(mine.filter((r) => r.nonWork).reduce((a, r) => a + r.hours, 0)),
    };
  });
  const dates = records.map((r) => r.date).sort();
  return {
    tool: spec.tool,
    layout: spec.layout,
    dateOrder: spec.dateOrder,
    entries: records.length,
    workEntries: records.length - nonWork.length,
    firstEntry: dates[0],
    lastEntry: dates[dates.length - 1],
    period: { start: FIRST_DAY, end: isoDate(addDays(FIRST_DAY, PERIOD_DAYS - 1)), days: PERIOD_DAYS, weeks: WEEKS },
    taskFrom: {
      task: records.filter((r) => r.from === 'task').length,
      description: records.filter((r) => r.from === 'description').length,
      project: records.filter((r) => r.from === 'project').length,
    },
    nonWork: {
      entries: nonWork.length,
      hours: round6(nonWork.reduce((a, r) => a + r.hours, 0)),
      tasks: [...new Set(nonWork.map((r) => r.task))].sort(),
      projects: [...new Set(nonWork.map((r) => r.project))].sort(),
    },
    absent: spec.absent.map((a) => ({ name: fullName(PEOPLE[a.person]), week: a.week + 1, weeksWithEntries: 3 })),
    people,
    weekly: weekly(false),
    weeklyWithNonWork: weekly(true),
  };
}

// ---------------------------------------------------------------------------------------------
// The five fixtures: each its own seed and its own gaps (a holiday week, a late joiner), time off
// logged the way each tool's users log it
// ---------------------------------------------------------------------------------------------

const SPECS = [
  { file: 'harvest-time-report.csv', tool: 'Harvest', layout: 'Harvest detailed time report', dateOrder: 'ymd', seed: 1301, write: writers.harvest, absent: [{ person: 1, week: 2 }], nonWork: [{ person: 0, day: 9, activity: 'Sick', project: 'Time Off' }, { person: 2, day: 7, activity: 'Holiday', project: 'Time Off' }, { person: 3, day: 15, activity: 'Holiday', project: 'Time Off', hours: 4 }], sunday: { person: 1, day: 27 } },
  { file: 'toggl-detailed.csv', tool: 'Toggl Track', layout: 'Toggl Track detailed report', dateOrder: 'ymd', seed: 1302, write: writers.toggl, absent: [{ person: 3, week: 0 }], nonWork: [{ person: 1, day: 16, activity: 'Sick', project: 'Time off' }, { person: 2, day: 22, activity: 'Sick', project: 'Time off', hours: 3.5 }], sunday: { person: 0, day: 13 } },
  { file: 'clockify-detailed.csv', tool: 'Clockify', layout: 'Clockify detailed report', dateOrder: 'mdy', seed: 1303, write: writers.clockify, absent: [{ person: 2, week: 3 }], nonWork: [{ person: 0, day: 21, activity: 'Vacation', project: 'Time Off' }, { person: 0, day: 22, activity: 'Vacation', project: 'Time Off' }, { person: 1, day: 3, activity: 'Sick leave', project: 'Time Off' }], sunday: { person: 1, day: 20 } },
  { file: 'generic-timesheet.xlsx', tool: 'Generic sheet (.xlsx)', layout: 'Date | Name | Role | Task | Hours', dateOrder: 'ymd', seed: 1304, write: (e) => writers.generic(e, 'xlsx'), absent: [{ person: 3, week: 2 }], nonWork: [{ person: 0, day: 7, activity: 'Holiday', project: '' }, { person: 1, day: 7, activity: 'Holiday', project: '' }, { person: 2, day: 7, activity: 'Holiday', project: '' }], sunday: { person: 2, day: 27 } },
  { file: 'generic-timesheet.ods', tool: 'Generic sheet (.ods)', layout: 'Date | Name | Role | Task | Hours', dateOrder: 'ymd', seed: 1305, write: (e) => writers.generic(e, 'ods'), absent: [{ person: 0, week: 3 }], nonWork: [{ person: 3, day: 1, activity: 'Sick', project: '' }, { person: 2, day: 10, activity: 'Vacation', project: '' }], sunday: { person: 1, day: 6 } },
];

mkdirSync(outDir, { recursive: true });
const expected = {
  description: 'Written by scripts/make-timesheet-fixtures.mjs: per fixture, each person × task’s hours summed from the entries written, ÷ the 4 weeks of Mon 2026-10-05 .. Sun 2026-11-01. Work only in `weekly`; with time off counted in `weeklyWithNonWork`.',
  fixtures: {},
};
for (const spec of SPECS) {
  const entries = generateEntries(mulberry32(spec.seed), { ...spec, people: PEOPLE });
  const { bytes, records } = spec.write(entries);
  writeFileSync(path.join(outDir, spec.file), bytes);
  expected.fixtures[spec.file] = expectedFor(spec, records);
  console.log(`${spec.file}: ${records.length} entries, ${(bytes.length / 1024).toFixed(1)} KB`);
}
writeFileSync(path.join(outDir, 'expected.json'), JSON.stringify(expected, null, 2) + '\n');
