/**
 * The Summary sheet of the Excel summary: what was audited, the tolerance as a person reads it, how
 * much of the hours rest on each rating source (in numbers and a plain sentence), what was hidden
 * for privacy, and the key figures with their readings.
 */
import type { AuditReport } from '../analysis/auditReport';
import { mostlySuggested } from '../analysis/readings';
import { HIDDEN_GROUP } from '../analysis/singletons';
import { ratingSourceShares, ratingSourcesLine, sameSources, type SourceShares } from '../analysis/ratingSources';
import type { RatingSource } from '../model/types';
import { tableHead, type SheetSpec } from './sheetBuilder';
import { bandOf } from './ratingMarks';
import { num, tidyPoints, type Out } from './sheetCells';

const SOURCE_ROWS: [RatingSource, string][] = [
  ['council', 'Hours decided by the group'],
  ['members', 'Hours rated by the members'],
  ['file', 'Hours rated in the file'],
  ['suggested', 'Hours rated by suggestion'],
  ['unrated', 'Hours unrated'],
];

/**
 * The rating-source rows: one column of shares when both dimensions agree, one per dimension when they
 * differ, and the sentence in the column after them (on the first row, so it widens no label column).
 */
function sourceRows(r: AuditReport): Out[][] {
  const s = ratingSourceShares(r.tasks);
  const same = sameSources(s);
  const rows: Out[][] = [[], tableHead(['Where the ratings come from', ...(same ? ['Share of hours'] : ['Empowerment', 'Desirability']), 'In words'])];
  const cell = (x: SourceShares, k: RatingSource) => num(s.hours > 0 ? x[k] : null, 'share');
  SOURCE_ROWS.forEach(([k, label], i) => {
    const shares = same ? [cell(s.empowerment, k)] : [cell(s.empowerment, k), cell(s.desirability, k)];
    rows.push([label, ...shares, ...(i === 0 ? [ratingSourcesLine(s)] : [])]);
  });
  // Contested ratings cut across the sources (a group's decision still rests on a disagreement): shares of rated hours.
  const c = r.metrics.contested;
  const contested = r.readings.find((x) => x.key === 'contested');
  if (c.tasks > 0 && contested) {
    const shares = same ? [num(c.empowermentHoursShare, 'share')] : [num(c.empowermentHoursShare, 'share'), num(c.desirabilityHoursShare, 'share')];
    rows.push(['Rated hours on contested ratings', ...shares, contested.text]);
  }
  return rows;
}

/** The Names row: what names are, and (third column, where the explanations are) what was hidden. */
function namesRow(r: AuditReport): Out[] {
  if (!r.pseudonymized) return ['Names', 'As in the file'];
  const h = r.hiddenGroups;
  if (!h || h.roles + h.departments === 0) return ['Names', 'Pseudonymized', 'P-codes (P-014) instead of names; roles and departments kept'];
  const what = [h.roles ? `${h.roles} role${h.roles === 1 ? '' : 's'}` : '', h.departments ? `${h.departments} department${h.departments === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  return ['Names', 'Pseudonymized', `P-codes (P-014) instead of names; ${what} held by one person shown as "${HIDDEN_GROUP}", the other roles and departments kept`];
}

/**
 * The band each job is compared with, per dimension: its bounds in words (one decimal, as scores are
 * shown) and what the arrows on the People sheet mean. Shares the value column with the other rows,
 * so it says the bounds as text; the mean and the tolerance themselves are numeric cells.
 */
function bandRows(r: AuditReport): Out[][] {
  const rows: Out[][] = [];
  for (const [dimension, label] of [['empowerment', 'Empowerment'], ['desirability', 'Desirability']] as const) {
    const b = bandOf(r, dimension);
    if (!b) continue;
    const mean = r.metrics[dimension].mean!;
    rows.push([`${label} band (mean ± tolerance)`, `${b.low.toFixed(1)} to ${b.high.toFixed(1)}`,
      `${label} ${mean.toFixed(1)} ± ${tidyPoints(r.metrics.tolerance)} points. On the People sheet an arrow marks each job: ↑ above the band, → within it, ↓ below it.`]);
  }
  return rows;
}

/** `hoursBasis`: where the weekly hours come from when they are not the file's own (time entries averaged over a period). */
export function summarySheet(r: AuditReport, generatedAt: string | null, hoursBasis: string | null = null): SheetSpec {
  const suggested = r.readings.find((x) => x.key === 'suggested');
  const rows: Out[][] = [
    ['Fairshare audit'],
    ...(suggested && mostlySuggested(r.metrics) ? [[suggested.label, num(suggested.value, 'share'), suggested.text] as Out[]] : []),
    ['File', r.file.split(/[\\/]/).pop() ?? r.file],
    ...(generatedAt ? [['Generated', generatedAt] as Out[]] : []),
    ['Rating scale', `${r.scale.min}–${r.scale.max}`],
    ['Tolerance (points)', num(r.metrics.tolerance, 'tolerance')],
    ...bandRows(r),
    ['People', num(r.totals.people, 'integer')],
    ['Hours per week', num(r.totals.hours, 'hours')],
    ...(hoursBasis ? [['Hours are weekly averages of', hoursBasis] as Out[]] : []),
    ['Tasks', num(r.totals.tasks, 'integer')],
    ['Unrated tasks', num(r.totals.unratedTasks, 'integer')],
    namesRow(r),
    ...sourceRows(r),
    [],
    ['Key figure', 'Value', 'What it means'],
  ];
  const header = rows.length;
  for (const x of r.readings) rows.push([x.label, x.value === null || x.format === null ? x.figure : num(x.value, x.format), x.text]);
  return { name: 'Summary', rows, headerRow: header, maxWidth: 72 };
}
