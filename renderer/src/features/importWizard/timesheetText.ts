/**
 * The words and checks of the wizard's Time entries section, kept pure for tests: the summary line,
 * the period's length, what was left out or recognized as time off, where tasks came from, and
 * whether a typed period can be read.
 */
import type { TimesheetReport } from '../../engine/import/types';
import { fmtHours } from '../../ui/figure-format';

const count = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, one: string, many: string): string => `${count(n)} ${n === 1 ? one : many}`;

/** Hours as the data gives them, at most 2 decimals, trimmed: "40", "37.5", "1,240.25". */
export const hoursText = (h: number): string => fmtHours(h);

/** A period's length: "4 weeks", "1 week", "3.57 weeks" (days / 7, at most 2 decimals). */
export function weeksText(weeks: number): string {
  return `${fmtHours(weeks)} ${weeks === 1 ? 'week' : 'weeks'}`;
}

/** "10-05" when `iso` falls in the year of `sameYearAs`, else the whole date: the year is said once. */
export function shortDate(iso: string, sameYearAs: string): string {
  return iso.slice(0, 4) === sameYearAs.slice(0, 4) ? iso.slice(5) : iso;
}

/** "1,240 entries from 2026-10-05 to 2026-11-01 (first entry 10-05, last 10-30): 4 weeks" — the period found. */
export function summaryLine(t: TimesheetReport): string {
  const { found } = t;
  const years = found.start.slice(0, 4) === found.end.slice(0, 4) ? found.start : '';
  const first = shortDate(t.firstEntry, years);
  const last = shortDate(t.lastEntry, years);
  const entries = t.firstEntry === t.lastEntry ? `the only date ${first}` : `first entry ${first}, last ${last}`;
  return `${plural(t.entries, 'entry', 'entries')} from ${found.start} to ${found.end} (${entries}): ${weeksText(found.weeks)}`;
}

/** The period used: "2026-10-12 to 2026-11-01: 3 weeks", with the days when they are not whole weeks. */
export function periodLine(p: TimesheetReport['period']): string {
  const days = Number.isInteger(p.weeks) ? '' : ` (${plural(p.days, 'day', 'days')})`;
  return `${p.start} to ${p.end}: ${weeksText(p.weeks)}${days}`;
}

/** "12 entries (34.5 h) before or after the period are left out", or null when none are. */
export function outsideText(outside: TimesheetReport['outside']): string | null {
  if (outside.entries === 0) return null;
  return `${plural(outside.entries, 'entry', 'entries')} (${hoursText(outside.hours)} h) before or after the period ${outside.entries === 1 ? 'is' : 'are'} left out.`;
}

/** What was recognized as time off: "Recognized: “Time off”, “Holiday” — 6 entries, 48 h, counted as work." */
export function nonWorkText(nonWork: TimesheetReport['nonWork']): string {
  if (nonWork.entries === 0) return 'No time off, holidays or sick leave were found among the entries.';
  const labels = nonWork.labels.map((l) => `“${l}”`).join(', ');
  const what = `${plural(nonWork.entries, 'entry', 'entries')}, ${hoursText(nonWork.hours)} h`;
  return `Recognized${labels ? ` ${labels}` : ''}: ${what}, ${nonWork.included ? 'counted as work' : 'left out of the work hours'}.`;
}

/** Where tasks came from when not all from the Task column, or null when they all did. */
export function taskFromText(from: TimesheetReport['taskFrom']): string | null {
  if (from.description === 0 && from.project === 0) return null;
  const fallback = [
    from.description > 0 && `the Description column for ${plural(from.description, 'entry', 'entries')}`,
    from.project > 0 && `the Project column for ${plural(from.project, 'entry', 'entries')}`,
  ].filter((p): p is string => !!p).join(' and ');
  return from.task > 0
    ? `Tasks come from the Task column for ${plural(from.task, 'entry', 'entries')}; where Task was empty, from ${fallback}.`
    : `No entry has a Task: tasks come from ${fallback}.`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar date written yyyy-mm-dd (what a date input gives). */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Why a typed period cannot be used, and which field to correct; null when it can be (both days inclusive). */
export function periodError(start: string, end: string): { field: 'start' | 'end'; message: string } | null {
  if (!isIsoDate(start)) return { field: 'start', message: 'Enter the first day of the period.' };
  if (!isIsoDate(end)) return { field: 'end', message: 'Enter the last day of the period.' };
  // ISO dates compare as text.
  if (end < start) return { field: 'end', message: `The period ends (${end}) before it starts (${start}): the last day must be on or after the first.` };
  return null;
}
