/**
 * The CLI's words for a time-tracking import (issue 13): how many entries over which period, what was
 * left out (outside the period, time off), where tasks came from, how dates were read, and who
 * logged fewer weeks than the period has — so weekly averages are never read without their basis.
 */
import type { TimesheetReport } from '../../renderer/src/engine/import/types';
import { oneLine } from './terminal';

/** People listed with fewer weeks than the period's before "… and N more (use --json)". */
const MAX_PEOPLE = 10;
/** Non-work labels named before "…". */
const MAX_LABELS = 5;

/** 1,240 — whole counts with thousands separators. */
function int(n: number): string {
  return n.toLocaleString('en-US');
}

/** Hours or weeks as the data gives them: at most 2 decimals, trailing zeros trimmed (40, 37.5, 4.29). */
export function trimmed(n: number): string {
  // Rounded half up first, like the CLI's other hours (toLocaleString alone rounds half to even).
  return (Math.round(n * 100) / 100).toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function plural(n: number, one: string, many = `${one}s`, show: (n: number) => string = int): string {
  return `${show(n)} ${n === 1 ? one : many}`;
}

function weeks(n: number): string {
  return plural(n, 'week', 'weeks', trimmed);
}

/** The entries and the period they were averaged over: "48 entries over 4 weeks (…)". */
export function headline(r: TimesheetReport): string {
  const p = r.period;
  const entries = plural(r.entries, 'entry', 'entries');
  const counted = `${plural(r.counted, 'entry', 'entries')} counted as work`;
  if (!p.chosen) return `${entries} over ${weeks(p.weeks)} (${p.start} to ${p.end}, from the first entry's Monday to the last entry's Sunday); ${counted}`;
  // A chosen period may hold only some of the entries: their own dates are given apart from it.
  return `${entries} from ${r.firstEntry} to ${r.lastEntry}; weekly hours over the chosen ${weeks(p.weeks)}, ${p.start} to ${p.end}; ${counted}`;
}

function labels(xs: readonly string[]): string {
  const shown = xs.slice(0, MAX_LABELS).map(oneLine).join(', ');
  return xs.length > MAX_LABELS ? `${shown}, …` : shown;
}

/** Where tasks were taken from when the Task column was empty or absent; null when all came from Task. */
function taskFromText(r: TimesheetReport): string | null {
  const { description, project } = r.taskFrom;
  const parts = [description > 0 && `from Description on ${plural(description, 'entry', 'entries')}`, project > 0 && `from Project on ${plural(project, 'entry', 'entries')}`].filter(Boolean);
  return parts.length ? `task taken ${parts.join(' and ')} (no Task given)` : null;
}

function dateOrderText(r: TimesheetReport): string | null {
  const { order, assumed } = r.dateOrder;
  if (order === 'ymd') return null;
  const how = order === 'mdy' ? 'month first (mm/dd/yyyy)' : 'day first (dd/mm/yyyy)';
  if (!assumed) return `slashed dates read ${how}, as the file's dates show`;
  const other = order === 'mdy' ? 'dmy' : 'mdy';
  return `slashed dates read ${how}: an assumption, no date in the file settles it (--date-order ${other} reads them the other way)`;
}

/**
 * The block printed near the top of the text report. `people` names may already be pseudonyms.
 * Lines are indented under the first, like the layout's sheet lines.
 */
export function timesheetLines(r: TimesheetReport): string[] {
  const lines = [`Time entries: ${headline(r)}`];
  if (r.outside.entries > 0) {
    lines.push(`  ${plural(r.outside.entries, 'entry', 'entries')} (${trimmed(r.outside.hours)} h) outside the period left out`);
  }
  const nw = r.nonWork;
  if (nw.entries > 0) {
    const what = nw.included ? 'counted as work (--include-non-work)' : 'left out (--include-non-work counts them)';
    lines.push(`  time off: ${plural(nw.entries, 'entry', 'entries')}, ${trimmed(nw.hours)} h ${what}${nw.labels.length ? `: ${labels(nw.labels)}` : ''}`);
  }
  const from = taskFromText(r);
  if (from) lines.push(`  ${from}`);
  const dates = dateOrderText(r);
  if (dates) lines.push(`  ${dates}`);
  const short = r.people.filter((p) => p.weeksWithEntries < p.periodWeeks);
  if (short.length) {
    lines.push(`  weeks with entries, where fewer than the period's (weekly hours are averaged over the whole period):`);
    for (const p of short.slice(0, MAX_PEOPLE)) {
      lines.push(`    ${oneLine(p.name)}: ${trimmed(p.weeksWithEntries)} of ${weeks(p.periodWeeks)}, ${trimmed(p.hours)} h, ${trimmed(p.weeklyHours)} h a week`);
    }
    if (short.length > MAX_PEOPLE) lines.push(`    … and ${short.length - MAX_PEOPLE} more (use --json)`);
  }
  return lines;
}
