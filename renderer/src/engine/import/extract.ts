/** Reads each recognized sheet, by its role, into person, work and rating records. */
import type { RawSheet } from '../formats/readWorkbook';
import { HEADCOUNT, MAX_POSITIONS, showBound } from './bounds';
import { cellText, columnLetter } from './cells';
import { columnsOf, type RecognizedSheet } from './recognize';
import { cleanName, type Extracted, type IssueLog, type PersonRecord, type WorkRecord } from './records';
import { peekAmounts, personFromRow, ratingFromRow, readAmount, shareDivisor } from './rowRecords';
import { QuietReadings } from './quietReadings';
import { dataRows, reportKeylessRow, type RowContext } from './sheetRows';
import { newTimesheetEntries, readTimesheet } from './timesheet';
import { weeklyHours } from './timesheetPeriod';
import type { TimesheetMapping, TimesheetPeriod } from './types';

function sameList(a: string[], b: string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameFacts(a: PersonRecord, b: PersonRecord | null): boolean {
  return b !== null && a.id === b.id && a.name === b.name && a.role === b.role && a.department === b.department && a.fte === b.fte &&
    a.contractHours === b.contractHours && a.annualPay === b.annualPay && a.hourlyRate === b.hourlyRate &&
    sameList(a.qualifications, b.qualifications);
}

function readLong(ctx: RowContext, out: Extracted): void {
  const { rec } = ctx;
  const hoursCol = columnsOf(rec, 'hours')[0] ?? null;
  const percentCol = columnsOf(rec, 'percent')[0] ?? null;
  const fteCol = columnsOf(rec, 'taskFte')[0] ?? null;
  const divisor = percentCol !== null ? shareDivisor(ctx, [percentCol]) : 100;
  let lastPerson: { id: string | null; name: string | null } | null = null;
  let lastPushed: PersonRecord | null = null;
  let filledDown = false;
  for (const row of dataRows(ctx)) {
    const task = row.text('task');
    let person = personFromRow(row, ctx, false);
    if (person.id === null && person.name === null) {
      if (task !== null && lastPerson) {
        // Grouped or merged cells: the name is written once above its tasks.
        person = { ...person, id: lastPerson.id, name: lastPerson.name };
        if (!filledDown) ctx.log.add('info', 'Blank names were taken from the row above (grouped or merged cells)', row.loc(row.col('person') ?? row.col('personId')));
        filledDown = true;
      } else {
        reportKeylessRow(ctx, row, 'person');
        continue;
      }
    } else {
      lastPerson = { id: person.id, name: person.name };
    }
    // Long sheets repeat a person's details on each of their rows; identical repeats add nothing.
    if (!sameFacts(person, lastPushed)) out.people.push(person);
    lastPushed = person;
    if (task === null) {
      reportKeylessRow(ctx, row, 'task');
      continue;
    }
    const rating = ratingFromRow(row, rec, task);
    if (rating) out.ratings.push(rating);
    const amountCol = hoursCol ?? percentCol ?? fteCol;
    if (amountCol === null) {
      ctx.log.add('error', `No hours, % of time or FTE column on this sheet; "${task}" has no time`, row.loc(null));
      continue;
    }
    const unit = amountCol === hoursCol ? 'hours' : amountCol === percentCol ? 'percent' : 'fte';
    let amount = readAmount(row, amountCol, unit, divisor);
    // Sheets with both columns: fall back to the share when the hours cell is blank.
    if (!amount && amountCol === hoursCol && percentCol !== null) amount = readAmount(row, percentCol, 'percent', divisor);
    if (!amount) {
      if (cellText(row.cells[amountCol]) === '') ctx.log.add('warning', `No time given for "${task}"; the row is not counted`, row.loc(amountCol));
      continue;
    }
    out.work.push({
      personId: person.id, personName: person.name, task, amount: amount.amount, unit: amount.unit,
      rowFte: person.fte, locked: row.flag('locked') ?? false, loc: row.loc(amountCol), personLoc: person.loc,
    });
  }
}

function readRoster(ctx: RowContext, out: Extracted): void {
  for (const row of dataRows(ctx)) {
    const person = personFromRow(row, ctx, true);
    if (person.id === null && person.name === null) {
      reportKeylessRow(ctx, row, 'person');
      continue;
    }
    out.people.push(person);
  }
  out.hasRoster = true;
}

function readRatings(ctx: RowContext, out: Extracted): void {
  for (const row of dataRows(ctx)) {
    const task = row.text('task');
    if (task === null) {
      reportKeylessRow(ctx, row, 'task');
      continue;
    }
    const rating = ratingFromRow(row, ctx.rec, task);
    if (rating) out.ratings.push(rating);
  }
}

/**
 * The unit a matrix's title rows or corner header name: "% of time", "Hours per week", "FTE".
 * Header cells of other fields are left out: a roster's "FTE %" or "Contract hours" column says
 * nothing about the matrix cells.
 */
function unitWritten(ctx: RowContext, cols: readonly number[]): 'percent' | 'hours' | 'fte' | null {
  const headerRow = ctx.rec.headerRow ?? 0;
  const texts = ctx.sheet.rows.slice(0, Math.max(0, headerRow - 1)).flat().map(cellText);
  const keys = new Set<number>([...columnsOf(ctx.rec, 'task'), ...columnsOf(ctx.rec, 'person'), ...columnsOf(ctx.rec, 'personId')]);
  const header = ctx.sheet.rows[headerRow - 1] ?? [];
  header.forEach((cell, c) => {
    if (keys.has(c) || (!ctx.rec.fieldAt.has(c) && !cols.includes(c))) texts.push(cellText(cell));
  });
  const text = texts.join(' ');
  if (/%|percent|\bshare of\b/i.test(text)) return 'percent';
  if (/\b(hours?|hrs|h\/wk)\b/i.test(text)) return 'hours';
  if (/\bfte\b/i.test(text)) return 'fte';
  return null;
}

function matrixUnit(ctx: RowContext, cols: readonly number[], byRow: boolean): { unit: 'hours' | 'percent' | 'fte'; divisor: number } {
  const forced = ctx.rec.unit;
  const totals = new Map<number, number>();
  let explicitPercent = false;
  let max = 0;
  for (const a of peekAmounts(ctx, cols)) {
    if (a.percent) explicitPercent = true;
    else max = Math.max(max, a.value);
    const key = byRow ? a.r : a.c;
    totals.set(key, (totals.get(key) ?? 0) + (a.percent ? a.value * 100 : a.value));
  }
  const said = unitWritten(ctx, cols);
  const percent = { unit: 'percent', divisor: max <= 1 ? 1 : 100 } as const;
  if (forced === 'percent') return percent;
  if (forced === 'hours') return { unit: 'hours', divisor: 1 };
  if (explicitPercent || said === 'percent') return percent;
  if (said === 'hours') return { unit: 'hours', divisor: 1 };
  if (said === 'fte') return { unit: 'fte', divisor: 1 };
  const sums = [...totals.values()];
  const all = (lo: number, hi: number) => sums.length > 0 && sums.every((s) => s >= lo && s <= hi);
  if (all(99, 101)) return { unit: 'percent', divisor: 100 };
  if (max <= 1 && all(0.99, 1.01)) return { unit: 'percent', divisor: 1 };
  return { unit: 'hours', divisor: 1 };
}

function readMatrix(ctx: RowContext, out: Extracted): void {
  const { rec } = ctx;
  const tasksByRow = columnsOf(rec, 'personColumn').length > 0;
  const cols = columnsOf(rec, tasksByRow ? 'personColumn' : 'taskColumn');
  const { unit, divisor } = matrixUnit(ctx, cols, !tasksByRow);
  rec.unit = unit;
  const headerRow = rec.headerRow ?? 1;
  if (tasksByRow) {
    for (const c of cols) {
      const name = cleanName(rec.headerAt.get(c) ?? '');
      out.people.push({ id: null, name, role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [], fromRoster: false, loc: { sheet: ctx.sheet.name, row: headerRow, column: columnLetter(c) } });
    }
  }
  for (const row of dataRows(ctx)) {
    const key = tasksByRow ? row.text('task') : null;
    const person = tasksByRow ? null : personFromRow(row, ctx, false);
    if (tasksByRow ? key === null : person!.id === null && person!.name === null) {
      reportKeylessRow(ctx, row, tasksByRow ? 'task' : 'person');
      continue;
    }
    if (person) out.people.push(person);
    if (tasksByRow) {
      const rating = ratingFromRow(row, rec, key!);
      if (rating) out.ratings.push(rating);
    }
    for (const c of cols) {
      const amount = readAmount(row, c, unit, divisor);
      if (!amount || amount.amount === 0) continue;
      const header = cleanName(rec.headerAt.get(c) ?? '');
      out.work.push({
        personId: person?.id ?? null,
        personName: tasksByRow ? header : person!.name,
        task: tasksByRow ? key! : header,
        amount: amount.amount, unit: amount.unit, rowFte: person?.fte ?? null, locked: false, loc: row.loc(c),
        personLoc: person?.loc ?? { sheet: ctx.sheet.name, row: headerRow, column: columnLetter(c) },
      });
    }
  }
}

function readRoleHeadcount(ctx: RowContext, out: Extracted): void {
  interface RoleGroup { role: string; headcount: number; department: string | null; rows: { task: string; amount: number; unit: WorkRecord['unit']; loc: WorkRecord['loc'] }[]; loc: WorkRecord['loc']; departmentLoc: WorkRecord['loc'] }
  const groups = new Map<string, RoleGroup>();
  const hoursCol = columnsOf(ctx.rec, 'hours')[0] ?? null;
  const percentCol = columnsOf(ctx.rec, 'percent')[0] ?? null;
  const fteCol = columnsOf(ctx.rec, 'taskFte')[0] ?? null;
  const divisor = percentCol !== null ? shareDivisor(ctx, [percentCol]) : 100;
  for (const row of dataRows(ctx)) {
    const role = row.text('role');
    const task = row.text('task');
    if (role === null || task === null) {
      reportKeylessRow(ctx, row, role === null ? 'role' : 'task');
      continue;
    }
    const key = role.toLowerCase();
    const hcCol = row.col('headcount');
    let headcount = hcCol === null ? 1 : row.numberAt(hcCol, HEADCOUNT);
    if (headcount !== null && (!Number.isInteger(headcount) || headcount < 1)) {
      ctx.log.add('error', `Headcount ${headcount} is not a whole number of people; 1 is used`, row.loc(hcCol));
      headcount = 1;
    }
    let group = groups.get(key);
    if (!group) {
      group = { role, headcount: headcount ?? 1, department: row.text('department'), rows: [], loc: row.loc(row.col('role')), departmentLoc: row.loc(row.col('department')) };
      groups.set(key, group);
    } else if (headcount !== null && headcount !== group.headcount) {
      ctx.log.add('warning', `Role "${role}" has headcount ${headcount} here but ${group.headcount} above; the larger is used`, row.loc(hcCol));
      group.headcount = Math.max(group.headcount, headcount);
    }
    const rating = ratingFromRow(row, ctx.rec, task);
    if (rating) out.ratings.push(rating);
    const amountCol = hoursCol ?? percentCol ?? fteCol;
    if (amountCol === null) continue;
    const amount = readAmount(row, amountCol, amountCol === hoursCol ? 'hours' : amountCol === percentCol ? 'percent' : 'fte', divisor);
    if (amount) group.rows.push({ task, amount: amount.amount, unit: amount.unit, loc: row.loc(amountCol) });
  }
  let positions = 0;
  for (const [, g] of groups) {
    const role = g.role;
    // Each head is a person in memory: many large roles together are bounded like one.
    if (positions + g.headcount > MAX_POSITIONS) {
      ctx.log.add('error', `Role "${role}" with headcount ${g.headcount} brings the positions past ${showBound(MAX_POSITIONS)}, more than any real organization; 1 is used`, g.loc);
      g.headcount = 1;
    }
    positions += g.headcount;
    for (let i = 1; i <= g.headcount; i++) {
      const name = g.headcount === 1 ? role : `${role} ${i}`;
      out.people.push({ id: null, name, role, department: g.department, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [], fromRoster: false, loc: g.loc, roleLoc: g.loc, departmentLoc: g.departmentLoc });
      for (const r of g.rows) out.work.push({ personId: null, personName: name, task: r.task, amount: r.amount, unit: r.unit, rowFte: null, locked: false, loc: r.loc, personLoc: g.loc });
    }
  }
}

/** A time-tracking sheet's export columns we do not use (Client, Email, Billable…), in one note rather than one each. */
function noteUnusedTimesheetColumns(rec: RecognizedSheet, sheet: RawSheet, log: IssueLog): void {
  // Time entries carry no task categories: a "Category" column there is reported as unused, as before it was recognized.
  const unused = [...rec.unused, ...columnsOf(rec, 'category')].sort((a, b) => a - b);
  if (unused.length === 0) return;
  const names = unused.map((c) => `"${rec.headerAt.get(c) || columnLetter(c)}"`);
  log.add('info', `Columns not used for time entries: ${names.join(', ')}`, { sheet: sheet.name, row: rec.headerRow, column: columnLetter(unused[0]) });
}

/** Reads every recognized sheet; roster sheets first so the roster is the authority on people. */
export function extractRecords(
  sheets: { sheet: RawSheet; rec: RecognizedSheet }[], log: IssueLog, decimalComma: boolean,
  timesheet: { mapping?: TimesheetMapping; period?: TimesheetPeriod } = {},
): Extracted {
  const out: Extracted = { people: [], work: [], ratings: [], hasRoster: false };
  const entries = newTimesheetEntries();
  const order = [...sheets].sort((a, b) => Number(b.rec.role === 'roster') - Number(a.rec.role === 'roster'));
  for (const { sheet, rec } of order) {
    const readings = new QuietReadings();
    const ctx: RowContext = { sheet, rec, log, decimalComma, readings };
    switch (rec.role) {
      case 'long': readLong(ctx, out); break;
      case 'roster': readRoster(ctx, out); break;
      case 'ratings': readRatings(ctx, out); break;
      case 'matrix': readMatrix(ctx, out); break;
      case 'role-headcount': readRoleHeadcount(ctx, out); break;
      case 'timesheet': readTimesheet(ctx, entries, out.people); break;
      case 'ignored': break;
    }
    readings.flush(log);
    if (rec.role === 'timesheet') noteUnusedTimesheetColumns(rec, sheet, log);
    else if (rec.role !== 'ignored') {
      for (const c of rec.unused) {
        const header = rec.headerAt.get(c) || '(no header)';
        log.add('info', `Column "${header}" was not recognized and is not used`, { sheet: sheet.name, row: rec.headerRow, column: columnLetter(c) });
      }
    }
  }
  if (entries.sheets.length > 0) out.timesheet = weeklyHours(entries, out, log, timesheet.mapping, timesheet.period);
  return out;
}
