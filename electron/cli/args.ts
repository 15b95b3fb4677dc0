/** Parses the CLI's command line (DESIGN.md §4) into a typed request, or a usage error. */
import { DEFAULT_GRANULARITY } from '../../renderer/src/engine/balance/blocks/types';
import type { TimesheetPeriod } from '../../renderer/src/engine/import/types';

import { granularityValue, nameValue, positiveNumber, splitFlag, taskCount, UsageError } from './argValues';
import { parseMerge } from './mergeArgs';
import { categoryDeltaValue } from './proposeCategories';
import { parseRatings, type RatingsCollectArgs, type RatingsFormArgs } from './ratingsArgs';
import { parseReport, type ReportArgs } from './reportArgs';

export { UsageError };

/** Choices for time-tracking exports (issue 13), shared by audit and propose. */
export interface TimesheetArgs {
  /** --period START..END or --weeks N; absent: the whole weeks the entries span. */
  period?: TimesheetPeriod;
  /** --include-non-work: time off, holidays, sick leave… counted as work. */
  includeNonWork: boolean;
  /** --date-order: how to read ambiguous slashed dates. */
  dateOrder?: 'mdy' | 'dmy';
}

export interface AuditArgs extends TimesheetArgs {
  command: 'audit';
  file: string;
  sheet?: string;
  hoursPerFte?: number;
  tolerance?: number;
  noSuggest: boolean;
  pseudonymize: boolean;
  /** With --pseudonymize: roles and departments of one person written as "Other (hidden: one person each)". */
  hideSingleRoles: boolean;
  json: boolean;
  out?: string;
}

export interface ProposeArgs extends TimesheetArgs {
  command: 'propose';
  file: string;
  sheet?: string;
  hoursPerFte?: number;
  tolerance?: number;
  /** Balance desirability as well as empowerment: the default; false with --empowerment-only. */
  desirability: boolean;
  /** Tasks that usually need a qualification stay with (and go only to) the people who do them now. */
  qualifyFromCurrent: boolean;
  /** Task names to rotate as chores (besides tasks the file marks as chores). */
  chores?: string[];
  /** Weeks of the chore rotation (default 13, a quarter). */
  rotationWeeks?: number;
  /** Hours; 0 = the exact LP result. Default 0.5 (DEFAULT_GRANULARITY): a plan in whole blocks. */
  granularity: number;
  /** Hours a week a person takes of a task new to them, at least (default 1). */
  minBlock?: number;
  /** Most tasks new to a person (default 3). */
  maxNewTasks?: number;
  /** --categories: balance each person's mix of task categories instead of E/D (issue 17); --delta D: its band in share units. */
  categories?: boolean;
  categoryDelta?: number;
  noSuggest: boolean;
  json: boolean;
  out?: string;
}

export interface MergeArgs {
  command: 'merge';
  /** Two or more spreadsheets or projects, in order: the first's scale is the project scale. */
  files: string[];
  /** --names "A;B": the organizations' names (default: each project's name or file name). */
  names?: string[];
  /** --matches FILE: a reviewed list of matches (the shape `--json` prints). */
  matches?: string;
  /** Only the federated view: each organization balanced within itself, no merged plan. */
  federated: boolean;
  /** The merged plan keeps each organization's hours on each task. */
  noCrossTransfers: boolean;
  tolerance?: number;
  desirability: boolean;
  granularity: number;
  minBlock?: number;
  maxNewTasks?: number;
  noSuggest: boolean;
  json: boolean;
  out?: string;
}

export type CliRequest = AuditArgs | ProposeArgs | MergeArgs | RatingsFormArgs | RatingsCollectArgs | ReportArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  fairshare audit FILE [--sheet NAME] [--hours-per-fte H] [--tolerance T] [--no-suggest]
                       [--pseudonymize [--hide-single-roles]] [--json] [--out summary.xlsx]
                       [--period START..END | --weeks N] [--include-non-work] [--date-order mdy|dmy]
  fairshare propose FILE [--tolerance T] [--empowerment-only] [--qualify-from-current] [--sheet NAME]
                         [--granularity G] [--min-block H] [--max-new-tasks K] [--chores "TASK;TASK"] [--rotation-weeks N]
                         [--hours-per-fte H] [--no-suggest] [--json] [--out proposal.xlsx]
                         [--period START..END | --weeks N] [--include-non-work] [--date-order mdy|dmy]
                         [--categories [--delta D]]
  fairshare merge FILE FILE… [--names "A;B"] [--matches FILE] [--federated] [--no-cross-transfers]
                         [--tolerance T] [--empowerment-only] [--granularity G] [--min-block H]
                         [--max-new-tasks K] [--no-suggest] [--json] [--out merged.xlsx]
  fairshare ratings form PROJECT_OR_FILE (--raters "A;B;…" | --count N) [--factors] --out DIR
  fairshare ratings collect PROJECT_OR_FILE FORM… [--tolerance T] [--json] [--out project.fairshare]
  fairshare report FILE [--proposal | --scenario NAME] [--pseudonymize [--hide-single-roles]] [--page a4|letter]
                        [--name NAME] [--tolerance T] [--sheet NAME] [--no-suggest] [--chromium PATH] --out report.html|report.pdf
  fairshare --help | --version

Reads a staff/task spreadsheet (.xlsx .xlsm .xls .xlsb .ods .csv .tsv) or a saved Fairshare
project (.fairshare: its ratings and tolerance) and reports every person's weekly hours and
job scores (empowerment, desirability), how concentrated the empowering work is, and every
problem found, located by file, sheet, row and column. A time-tracking export (Harvest, Toggl
Track, Clockify, or any Date | Name | Task | Hours sheet) is read as weekly hours: each person's
entries per task summed over a period and divided by its weeks.
  --tolerance T     balance band in points of the rating scale (default 5% of its range)
  --no-suggest      leave unrated tasks unrated (no suggestions from the task library)
  --pseudonymize    replace names with stable codes (P-014); roles and departments kept (a warning
                    on stderr when one has a single person, whose code it gives away)
  --hide-single-roles  with --pseudonymize: write roles and departments of one person as
                    "Other (hidden: one person each)" in the text, JSON and workbook
  --out FILE.xlsx   also write the Excel summary (audit) or the proposal workbook (propose)
  --empowerment-only  propose: balance empowerment alone (by default every job is kept within the
                    band on empowerment and on desirability)
  --qualify-from-current  propose: when the file names no qualifications, tasks that usually need one
                    (finance, legal, licensed, clinical, supervising others) stay with the people who
                    do them now; training is then how others come to take them
  --granularity G   propose: every change of hours a whole number of G-hour blocks (default 0.5;
                    0 = the exact continuous plan)
  --min-block H     propose: a task new to someone is taken at H hours a week or more (default 1)
  --max-new-tasks K propose: at most K new tasks per person (default 3); who needs more is said
  --chores "A;B"    propose: rotate these tasks (besides those the file marks as chores) over the
                    quarter instead of splitting them: a schedule in which everyone's chore hours are
                    within one slot of their share, proportional to their hours
  --rotation-weeks N  propose: weeks of the chore rotation (default 13, a quarter)
  --categories      propose: balance each person's mix of task categories (a "Category" column)
                    within ±δ of the organization's, instead of empowerment and desirability
  --delta D         propose --categories: the band in points of share (default 10)
  --period START..END  time entries: average over these dates, inclusive (2026-10-05..2026-11-01);
                    default: the Monday of the first entry's week to the Sunday of the last's
  --weeks N         time entries: average over the last N whole weeks (Monday to Sunday), ending
                    on the Sunday of the last entry's week
  --include-non-work  time entries: count time off, holidays, sick leave… as work (left out by default)
  --date-order mdy|dmy  time entries: read slashed dates like 03/04/2026 month first (mdy, the
                    default) or day first (dmy) when the file's own dates do not settle it
  merge             pools two or more organizations (spreadsheets or projects): their tasks matched
                    by name (the same task written differently is matched; close variants are only
                    proposed, for a person to accept), rated on the first one's scale, and the jobs
                    re-divided in one merged plan (the practical plan, as propose makes it)
  --names "A;B"     merge: the organizations' names, in order (default: project names, file names)
  --matches FILE    merge: a reviewed list of matches, the shape --json prints (status accepted or
                    rejected; doneOnce and hours for a task the merged organization does once)
  --federated       merge: no merged plan; each organization balanced within itself
  --no-cross-transfers  merge: the merged plan keeps each organization's hours on each task
  ratings form      writes a rating form (.xlsx) per member: the tasks (their own first), cells for
                    empowerment and desirability limited to the scale, instructions, a hidden form ID
  ratings collect   reads returned forms: per task the raters, median, quartiles and whether it is
                    contested; agreement across raters (Krippendorff's alpha); how groups rate;
                    --out writes the project with the medians as the members' ratings
  report            writes the printable report (audit, charts, the plan, scenarios compared, method
                    notes) as one self-contained HTML file, or as a PDF printed by Chromium
  --proposal        report: include a proposal made as propose makes it by default
  --scenario NAME   report: include the project's kept scenario NAME as the plan (projects only)
  --page a4|letter  report: the paper size (default a4)
  --name NAME       report: the organization's name on the title page (default: the project's, else the file's)
  --chromium PATH   report --out FILE.pdf: the Chromium or Chrome to print with (default: $CHROME_PATH,
                    $CHROMIUM_PATH, then the usual install locations)
Exit codes: 0 at least one person imported, 1 nothing usable, 2 usage error.`;

/** A real calendar date written yyyy-mm-dd (2026-02-30 is not one). */
function isoDate(flag: string, text: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) throw new UsageError(`${flag}: "${text}" is not a date written yyyy-mm-dd (e.g. 2026-10-05)`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2026-02-30 over to March 2: a real date survives the round trip.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw new UsageError(`${flag}: ${m[0]} is not a real date`);
  return m[0];
}

/** "2026-10-05..2026-11-01": inclusive ISO dates, the start not after the end. */
export function parsePeriod(value: string | undefined): { start: string; end: string } {
  if (value === undefined || value.trim() === '') throw new UsageError('--period needs START..END, e.g. --period 2026-10-05..2026-11-01');
  const parts = value.split('..');
  if (parts.length !== 2) throw new UsageError(`--period must be START..END with two dates, e.g. 2026-10-05..2026-11-01, got "${value}"`);
  const start = isoDate('--period', parts[0]);
  const end = isoDate('--period', parts[1]);
  // ISO dates of the same width compare as strings.
  if (start > end) throw new UsageError(`--period starts after it ends (${start} is after ${end})`);
  return { start, end };
}

/** The importer's longest period in weeks (ten years; renderer/src/engine/import/timesheetPeriod.ts): more is refused here, not turned into an error issue. */
const MAX_WEEKS = 520;

/** A positive whole number of weeks, at most MAX_WEEKS. */
export function parseWeeks(value: string | undefined): number {
  const n = value === undefined || value.trim() === '' ? NaN : Number(value);
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_WEEKS) throw new UsageError(`--weeks must be a positive whole number of weeks, at most ${MAX_WEEKS}, got "${value ?? ''}"`);
  return n;
}

export function parseArgs(argv: string[]): CliRequest {
  if (argv.length === 0) throw new UsageError('no command given');
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command === 'merge') return parseMerge(rest);
  if (command === 'ratings') return parseRatings(rest);
  if (command === 'report') return parseReport(rest);
  if (command !== 'audit' && command !== 'propose') throw new UsageError(`unknown command "${command}"`);
  const out = { command, file: '', noSuggest: false, pseudonymize: false, hideSingleRoles: false, json: false, desirability: true, granularity: command === 'propose' ? DEFAULT_GRANULARITY : 0, includeNonWork: false, qualifyFromCurrent: false } as AuditArgs & Omit<ProposeArgs, 'command'> & { command: 'audit' | 'propose' };
  const only = (flag: string, cmd: 'audit' | 'propose') => {
    if (command !== cmd) throw new UsageError(`${flag} is an option of "${cmd}", not "${command}"`);
  };
  const files: string[] = [];
  let empowermentOnly = false;
  let desirabilityAsked = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = splitFlag(arg);
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case '--json': out.json = true; break;
      case '--no-suggest': out.noSuggest = true; break;
      case '--pseudonymize': only(flag, 'audit'); out.pseudonymize = true; break;
      case '--hide-single-roles': only(flag, 'audit'); out.hideSingleRoles = true; break;
      // Both dimensions are balanced by default (issue 14); --desirability is kept for old scripts.
      case '--desirability':
        only(flag, 'propose');
        if (empowermentOnly) throw new UsageError('--desirability and --empowerment-only contradict each other: give one');
        desirabilityAsked = true;
        break;
      case '--empowerment-only':
        only(flag, 'propose');
        if (desirabilityAsked) throw new UsageError('--desirability and --empowerment-only contradict each other: give one');
        empowermentOnly = true;
        out.desirability = false;
        break;
      case '--qualify-from-current': only(flag, 'propose'); out.qualifyFromCurrent = true; break;
      case '--chores': {
        only(flag, 'propose');
        const names = (value() ?? '').split(';').map((s) => s.trim()).filter(Boolean);
        if (names.length === 0) throw new UsageError('--chores needs task names separated by ";", e.g. --chores "Clean restrooms;Empty trash"');
        out.chores = names;
        break;
      }
      case '--min-block': only(flag, 'propose'); out.minBlock = positiveNumber(flag, value()); break;
      case '--max-new-tasks': only(flag, 'propose'); out.maxNewTasks = taskCount(flag, value()); break;
      case '--rotation-weeks': {
        only(flag, 'propose');
        const v = value();
        const n = Number(v);
        if (v === undefined || !Number.isInteger(n) || n < 1 || n > 520) throw new UsageError(`--rotation-weeks must be a whole number of weeks from 1 to 520, got "${v ?? ''}"`);
        out.rotationWeeks = n;
        break;
      }
      case '--granularity': only(flag, 'propose'); out.granularity = granularityValue(flag, value()); break;
      case '--sheet': {
        const v = value();
        if (v === undefined || v === '') throw new UsageError('--sheet needs a sheet name');
        out.sheet = v;
        break;
      }
      case '--hours-per-fte': out.hoursPerFte = positiveNumber(flag, value()); break;
      case '--categories': only(flag, 'propose'); out.categories = true; break;
      case '--delta': only(flag, 'propose'); out.categoryDelta = categoryDeltaValue(flag, value()); break;
      case '--tolerance': out.tolerance = positiveNumber(flag, value()); break;
      case '--period':
        if (out.period && 'weeks' in out.period) throw new UsageError('--period and --weeks both choose the period: give one');
        out.period = parsePeriod(value());
        break;
      case '--weeks':
        if (out.period && 'start' in out.period) throw new UsageError('--period and --weeks both choose the period: give one');
        out.period = { weeks: parseWeeks(value()) };
        break;
      case '--include-non-work': out.includeNonWork = true; break;
      case '--date-order': {
        const v = value();
        if (v !== 'mdy' && v !== 'dmy') throw new UsageError(`--date-order must be mdy (month first) or dmy (day first), got "${v ?? ''}"`);
        out.dateOrder = v;
        break;
      }
      case '--out': out.out = nameValue(flag, value()); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
        files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError(`${command} needs a FILE`);
  if (files.length > 1) throw new UsageError(`${command} takes one FILE, got ${files.length}`);
  out.file = files[0];
  // Without codes the names themselves are printed: hiding their roles would protect no one.
  if (out.hideSingleRoles && !out.pseudonymize) throw new UsageError('--hide-single-roles needs --pseudonymize');
  if (out.categoryDelta !== undefined && !out.categories) throw new UsageError('--delta is the band of --categories: give --categories too');
  return out as CliRequest;
}
