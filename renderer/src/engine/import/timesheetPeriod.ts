/**
 * Turns dated time entries into weekly hours (DESIGN.md §3): each person's hours on each task are
 * summed over a period and divided by its length in weeks. The default period is the whole weeks
 * from the Monday of the first entry's week to the Sunday of the last entry's week; entries
 * outside a chosen period, and time off unless chosen, are left out and counted.
 */
import { nameKey, type Extracted, type IssueLog, type Loc } from './records';
import { entryLoc, type TimeEntry, type TimesheetEntries } from './timesheet';
import { dayFromIso, isoDate, mondayOf, slashedDay, sundayOf, type DayNumber } from './timesheetDates';
import type { TimesheetMapping, TimesheetPeriod, TimesheetReport } from './types';

function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** Hours as a message shows them: at most two decimals, trimmed ("1.5", "40"). */
function hoursText(h: number): string {
  return String(Math.round(h * 100) / 100);
}

function weeksText(weeks: number, days: number): string {
  return Number.isInteger(weeks) ? count(weeks, 'week') : `${hoursText(weeks)} weeks (${days} days)`;
}

/** Settles the order of slashed dates from the file: a first number over 12 is a day, a second over 12 too. */
function dateOrder(entries: TimeEntry[], choice: TimesheetMapping['dateOrder']): TimesheetReport['dateOrder'] {
  let firstOver12 = false;
  let secondOver12 = false;
  let any = false;
  for (const e of entries) {
    if (!('slashed' in e.date)) continue;
    any = true;
    if (e.date.slashed.a > 12) firstOver12 = true;
    if (e.date.slashed.b > 12) secondOver12 = true;
  }
  if (!any) return { order: 'ymd', assumed: false };
  if (firstOver12 !== secondOver12) return { order: firstOver12 ? 'dmy' : 'mdy', assumed: false };
  // Neither settles it (or both, a file of mixed formats): the user's choice, else month first.
  return { order: choice ?? 'mdy', assumed: !firstOver12 };
}

function chosenPeriod(period: TimesheetPeriod | undefined, found: { start: DayNumber; end: DayNumber }, log: IssueLog, at: Loc | null): { start: DayNumber; end: DayNumber } | null {
  if (!period) return null;
  if ('weeks' in period) {
    if (Number.isInteger(period.weeks) && period.weeks >= 1 && period.weeks <= 520) return { start: found.end - 7 * period.weeks + 1, end: found.end };
    log.add('error', `A period of ${period.weeks} weeks is not a whole number of weeks from 1 to 520; the whole weeks of the entries are used`, at);
    return null;
  }
  const start = dayFromIso(period.start);
  const end = dayFromIso(period.end);
  if (start !== null && end !== null && start <= end) return { start, end };
  log.add('error', `The period ${period.start} to ${period.end} is not two dates with the start first (write 2026-10-05..2026-11-01); the whole weeks of the entries are used`, at);
  return null;
}

/**
 * Sums the entries into `out.work` as weekly hours per person and task, writes the summary notes
 * and returns the report; null when no entry had a readable date.
 */
export function weeklyHours(acc: TimesheetEntries, out: Extracted, log: IssueLog, mapping: TimesheetMapping = {}, period?: TimesheetPeriod): TimesheetReport | null {
  const at = acc.at;
  const order = dateOrder(acc.entries, mapping.dateOrder);
  const days: (DayNumber | null)[] = acc.entries.map((e) => ('day' in e.date ? e.date.day : slashedDay(e.date.slashed, order.order === 'dmy' ? 'dmy' : 'mdy')));
  let first = Infinity;
  let last = -Infinity;
  acc.entries.forEach((e, i) => {
    const day = days[i];
    if (day === null) {
      const s = 'slashed' in e.date ? e.date.slashed : null;
      log.add('error', `${s ? `${s.a}/${s.b}/${s.y}` : 'This date'} is not a date when read as ${order.order === 'dmy' ? 'day/month/year' : 'month/day/year'}, as the file's other dates are; the entry for "${e.task}" is not counted`, entryLoc(acc, e));
      return;
    }
    if (day < first) first = day;
    if (day > last) last = day;
  });
  if (first === Infinity) return null;
  const found = { start: mondayOf(first), end: sundayOf(last) };
  const chosen = chosenPeriod(period, found, log, at);
  const { start, end } = chosen ?? found;
  const periodDays = end - start + 1;
  const weeks = periodDays / 7;
  const periodWeeks = Math.ceil(periodDays / 7);
  const includeNonWork = mapping.includeNonWork === true;

  const outside = { entries: 0, hours: 0 };
  const nonWork = { entries: 0, hours: 0, included: includeNonWork, labels: [] as string[] };
  const labels = new Set<string>();
  const sums = acc.people.map(() => new Map<string, { task: string; hours: number; entry: TimeEntry }>());
  const weeksOf = acc.people.map(() => new Set<number>());
  const offHours = acc.people.map(() => 0);
  let counted = 0;
  acc.entries.forEach((e, i) => {
    const day = days[i];
    if (day === null) return;
    if (day < start || day > end) {
      outside.entries++;
      outside.hours += e.hours;
      return;
    }
    if (e.nonWork !== null) {
      nonWork.entries++;
      nonWork.hours += e.hours;
      offHours[e.person] += e.hours;
      if (labels.size < 12) labels.add(e.nonWork);
      if (!includeNonWork) return;
    }
    counted++;
    weeksOf[e.person].add(Math.floor((day - start) / 7));
    const key = nameKey(e.task);
    const sum = sums[e.person].get(key);
    if (sum) sum.hours += e.hours;
    else sums[e.person].set(key, { task: e.task, hours: e.hours, entry: e });
  });
  nonWork.labels = [...labels];

  const people: TimesheetReport['people'] = [];
  acc.people.forEach((p, i) => {
    let hours = 0;
    for (const s of sums[i].values()) {
      hours += s.hours;
      out.work.push({ personId: p.id, personName: p.name, task: s.task, amount: s.hours / weeks, unit: 'hours', rowFte: null, locked: false, loc: entryLoc(acc, s.entry), personLoc: p.loc });
    }
    const name = p.name ?? p.id ?? '';
    people.push({ name, weeksWithEntries: weeksOf[i].size, periodWeeks, hours, weeklyHours: hours / weeks });
    const logged = weeksOf[i].size;
    if (logged < periodWeeks) {
      const missing = [...Array(periodWeeks).keys()].filter((w) => !weeksOf[i].has(w)).map((w) => isoDate(start + 7 * w));
      const shown = missing.slice(0, 3).join(', ') + (missing.length > 3 ? ` and ${missing.length - 3} more` : '');
      const off = offHours[i] > 0 && !includeNonWork ? `; ${hoursText(offHours[i])} h of time off left out` : '';
      log.add('info', logged === 0
        ? `"${name}" has no work entries in the period ${isoDate(start)} to ${isoDate(end)}${off}`
        : `"${name}" logged work in ${logged} of the period's ${periodWeeks} weeks (none in the week${missing.length > 1 ? "s" : ""} of ${shown})${off}; their weekly hours are the average over all ${weeksText(weeks, periodDays)}`, p.loc, [name]);
    }
  });

  const entries = acc.entries.length;
  const span = chosen ? `the chosen period ${isoDate(start)} to ${isoDate(end)}` : `the whole weeks from Monday ${isoDate(start)} to Sunday ${isoDate(end)}`;
  log.add('info', `${count(entries, 'time entry', 'time entries')} from ${isoDate(first)} to ${isoDate(last)}: each person's hours on each task are summed over ${span} and divided by ${weeksText(weeks, periodDays)} to give weekly hours`, at);
  if (outside.entries > 0) log.add('info', `${count(outside.entries, 'entry', 'entries')} (${hoursText(outside.hours)} h) fall outside the period ${isoDate(start)} to ${isoDate(end)} and are left out`, at);
  if (nonWork.entries > 0) {
    log.add('info', `Time off, holidays and sick leave: ${count(nonWork.entries, 'entry', 'entries')}, ${hoursText(nonWork.hours)} h (${nonWork.labels.map((l) => `"${l}"`).join(', ')}) ${includeNonWork ? 'are counted as work, as chosen' : 'are left out of work hours'}`, at);
  }
  const { task, description, project } = acc.taskFrom;
  if (description + project > 0) {
    const from = [description ? `"${acc.taskHeaders.description}" on ${count(description, 'entry', 'entries')}` : '', project ? `"${acc.taskHeaders.project}" on ${count(project, 'entry', 'entries')}` : ''].filter(Boolean).join(' and ');
    log.add('info', acc.taskHeaders.task === null
      ? `There is no Task column: tasks were taken from ${from}`
      : `The "${acc.taskHeaders.task}" column is empty on ${count(description + project, 'entry', 'entries')}: their task was taken from ${from}${task ? `; ${count(task, 'entry', 'entries')} have a task` : ''}`, at);
  }
  if (order.assumed && mapping.dateOrder === undefined) log.add('info', 'Dates such as 03/04/2026 could be month/day or day/month, and no date in the file settles it: they were read as month/day/year; choose day/month/year if that is wrong', at);
  return {
    sheets: acc.sheets, entries, counted, firstEntry: isoDate(first), lastEntry: isoDate(last),
    found: { start: isoDate(found.start), end: isoDate(found.end), weeks: (found.end - found.start + 1) / 7 },
    period: { start: isoDate(start), end: isoDate(end), days: periodDays, weeks, chosen: chosen !== null },
    outside, nonWork, taskFrom: { ...acc.taskFrom }, dateOrder: order, people,
  };
}
