/**
 * Reads the rows of a time-tracking export (Harvest, Toggl Track, Clockify, a dated timesheet)
 * into dated entries: who, which task, when and for how long. The entries of every such sheet
 * are gathered here and turned into weekly hours by timesheetPeriod.ts once all are read.
 */
import type { Cell } from '../formats/readWorkbook';
import { MAX_HOURS, showBound, showNumber } from './bounds';
import { cellText, columnLetter, isBlank } from './cells';
import { isNonWorkLabel } from './nonWork';
import { cleanName, nameKey, type Loc, type PersonRecord } from './records';
import { personFromRow } from './rowRecords';
import { dataRows, type DataRow, type RowContext } from './sheetRows';
import { readDate, readDuration, type DateReading } from './timesheetDates';

/** Hours in one entry beyond which a timer was probably left running (noted, counted as given). */
const LONG_ENTRY_HOURS = 24;

/** One entry; kept small, as a year of a large organization has hundreds of thousands. */
export interface TimeEntry {
  date: NonNullable<DateReading>;
  /** Index into TimesheetEntries.people. */
  person: number;
  task: string;
  hours: number;
  /** The label that marks it as time off, or null for work. */
  nonWork: string | null;
  /** Where its duration is: the sheet's index in TimesheetEntries.sheets, the 0-based row and column. */
  sheet: number;
  row: number;
  column: number;
}

/** Where an entry's duration is, as issues name it. */
export function entryLoc(acc: TimesheetEntries, e: TimeEntry): Loc {
  return { sheet: acc.sheets[e.sheet], row: e.row + 1, column: columnLetter(e.column) };
}

export interface TimesheetPerson {
  key: string;
  id: string | null;
  name: string | null;
  loc: Loc;
  /** The facts last pushed for this person, so identical repeats add nothing. */
  facts: string;
}

/** Every entry of the file's time-tracking sheets, and what the reading found on the way. */
export interface TimesheetEntries {
  sheets: string[];
  entries: TimeEntry[];
  people: TimesheetPerson[];
  byKey: Map<string, number>;
  taskFrom: { task: number; description: number; project: number };
  /** Headers the fallbacks were read from, for messages: "Description", "Project". */
  taskHeaders: { description: string | null; project: string | null; task: string | null };
  /** Where the summary notes go: the first sheet's header row. */
  at: Loc | null;
}

export function newTimesheetEntries(): TimesheetEntries {
  return { sheets: [], entries: [], people: [], byKey: new Map(), taskFrom: { task: 0, description: 0, project: 0 }, taskHeaders: { description: null, project: null, task: null }, at: null };
}

/** Date readings by cell text: a year of entries names a few hundred dates, a hundred thousand times. */
const dateCache = new Map<string, DateReading>();

function readDateCached(cell: Cell | undefined): DateReading {
  if (typeof cell !== 'string') return readDate(cell);
  let date = dateCache.get(cell);
  if (date === undefined) {
    if (dateCache.size > 10_000) dateCache.clear();
    dateCache.set(cell, (date = readDate(cell)));
  }
  return date;
}

/** The person named on the row: their name, or First Name + Last Name joined (Harvest). */
function personName(row: DataRow): string | null {
  const name = row.text('person');
  if (name !== null) return cleanName(name);
  const parts = [row.text('firstName'), row.text('lastName')].filter((p): p is string => p !== null);
  return parts.length ? cleanName(parts.join(' ')) : null;
}

/** The row's task: its Task, else its Description, else its Project (Toggl plans without tasks log the activity in Description). */
function taskOf(row: DataRow, acc: TimesheetEntries): string | null {
  const task = row.text('task');
  if (task !== null) {
    acc.taskFrom.task++;
    return task;
  }
  const description = row.text('description');
  if (description !== null) {
    acc.taskFrom.description++;
    return description;
  }
  const project = row.text('project');
  if (project !== null) acc.taskFrom.project++;
  return project;
}

function nonWorkLabel(row: DataRow): string | null {
  for (const field of ['project', 'task', 'description'] as const) {
    const t = row.text(field);
    if (t !== null && isNonWorkLabel(t)) return t;
  }
  return null;
}

function notePerson(row: DataRow, ctx: RowContext, acc: TimesheetEntries, people: PersonRecord[], name: string | null): number {
  const id = row.text('personId');
  const key = id !== null ? `id:${id.toLowerCase()}` : `name:${nameKey(name!)}`;
  const role = row.text('role');
  const department = row.text('department');
  const facts = `${id}\u0000${name}\u0000${role}\u0000${department}`;
  let index = acc.byKey.get(key);
  const person = index === undefined ? undefined : acc.people[index];
  if (person && person.facts === facts) return index!;
  // Each person's details repeat on every entry: pushed again only when they differ (the registry reports the conflict).
  const record = personFromRow(row, ctx, false);
  record.name = name;
  record.loc = row.loc(row.col('person') ?? row.col('firstName') ?? row.col('lastName') ?? row.col('personId'));
  people.push(record);
  if (person) {
    person.facts = facts;
    return index!;
  }
  index = acc.people.length;
  acc.people.push({ key, id, name, loc: record.loc, facts });
  acc.byKey.set(key, index);
  return index;
}

/** Reads one time-tracking sheet's rows into `acc`; the people it names go to `people` as the other readers' do. */
export function readTimesheet(ctx: RowContext, acc: TimesheetEntries, people: PersonRecord[]): void {
  const { rec, log } = ctx;
  const sheetIndex = acc.sheets.push(ctx.sheet.name) - 1;
  acc.at ??= { sheet: ctx.sheet.name, row: rec.headerRow ?? 1, column: null };
  const header = (field: 'task' | 'description' | 'project') => {
    const c = [...rec.fieldAt].find(([, f]) => f === field)?.[0];
    return c === undefined ? null : rec.headerAt.get(c) || field;
  };
  acc.taskHeaders = { task: acc.taskHeaders.task ?? header('task'), description: acc.taskHeaders.description ?? header('description'), project: acc.taskHeaders.project ?? header('project') };
  for (const row of dataRows(ctx)) {
    const name = personName(row);
    if (name === null && row.text('personId') === null) {
      log.add(row.hasNumbers() ? 'error' : 'info', `No person on this row; the entry is not counted${row.hasNumbers() ? '' : ` (looks like a note: "${row.cells.map(cellText).filter(Boolean).join(' ').slice(0, 60)}")`}`, row.loc(row.col('person') ?? row.col('firstName')));
      continue;
    }
    const person = notePerson(row, ctx, acc, people, name ?? row.text('personId'));
    const task = taskOf(row, acc);
    if (task === null) {
      log.add('error', 'No task, description or project on this entry; it is not counted', row.loc(row.col('task') ?? row.col('description') ?? row.col('project')));
      continue;
    }
    const dateCol = row.col('date')!;
    const hoursCol = row.col('hours')!;
    const dateCell = row.cells[dateCol];
    const date = readDateCached(dateCell);
    if (date === null) {
      log.add('error', isBlank(dateCell)
        ? `No date on this entry for "${task}"; it is not counted`
        : `"${cellText(dateCell).slice(0, 40)}" is not a date (write it as 2026-10-05, 10/05/2026 or 05.10.2026); the entry for "${task}" is not counted`, row.loc(dateCol));
      continue;
    }
    const durationCell = row.cells[hoursCol];
    if (isBlank(durationCell)) {
      log.add('warning', `No duration on this entry for "${task}" (a timer still running?); it is not counted`, row.loc(hoursCol));
      continue;
    }
    const hours = readDuration(durationCell, ctx.decimalComma);
    if (hours === null) {
      log.add('error', `"${cellText(durationCell).slice(0, 40)}" is not a duration (write decimal hours such as 1.5, or 1:30 or 1:30:00); the entry for "${task}" is not counted`, row.loc(hoursCol));
      continue;
    }
    if (hours >= MAX_HOURS) {
      log.add('error', `${showNumber(hours)} hours is too long for one entry (the limit is ${showBound(MAX_HOURS)}); it is not counted`, row.loc(hoursCol));
      continue;
    }
    if (hours > LONG_ENTRY_HOURS) log.add('warning', `One entry of ${showNumber(Math.round(hours * 100) / 100)} hours for "${task}", more than a day (a timer left running?); counted as given`, row.loc(hoursCol));
    acc.entries.push({ date, person, task, hours, nonWork: nonWorkLabel(row), sheet: sheetIndex, row: row.index, column: hoursCol });
  }
}
