/**
 * The Excel summary of an audit: Summary (the rating sources' shares of hours, key figures with their
 * readings; summaryWorkbookSummary.ts), People, Roles,
 * Departments, Tasks (rating and its source), Task factors (when any task has factor ratings),
 * Metrics (shift-free figures first, the relative ones under a line saying where they measure from,
 * the coordinator cluster at τ, 2τ and 3τ) and Issues. An audit resting mostly on suggested ratings
 * says so on the Summary's first line. Numbers are numeric cells with
 * formats, headers are filtered and frozen, text is neutralized against formula injection; E and D
 * columns carry colour scales and People marks each job against the band mean ± τ (sheetBuilder.ts).
 * Under the Summary's readings, on a printed page of its own, a native chart of the job map: every
 * rated job by empowerment and desirability, drawn from the People sheet's cells (nativeChart.ts).
 */
import type { AuditReport } from '../analysis/auditReport';
import type { DimensionMetrics } from '../analysis/metrics';
import { clusterShapeLabel } from '../analysis/readingsCluster';
import { sectionHead, tableHead, writeWorkbook, type SheetSpec } from './sheetBuilder';
import { num, type Out } from './sheetCells';
import { summarySheet } from './summaryWorkbookSummary';
import { addCharts, seriesRef, type SheetChart } from './nativeChart';
import { bandsOf, ratingScales } from './ratingMarks';
import { factorDirection, factorField, factorLabels, standardFirst, type FactorKind } from '../rating/factors';

/** People sheet columns (0-based) of the job scores; the chart reads them. */
const PEOPLE_E = 4;
const PEOPLE_D = 5;

function peopleSheet(r: AuditReport): SheetSpec {
  const rows: Out[][] = [['Name', 'Role', 'Department', 'Hours per week', 'Empowerment', 'Desirability', 'Rated share', 'Suggested share', 'Annual pay', 'Hourly pay']];
  for (const p of r.people) {
    rows.push([p.name, p.role, p.department, num(p.hours, 'hours'), num(p.empowerment, 'score'), num(p.desirability, 'score'), num(p.ratedShare, 'share'), num(p.suggestedShare, 'share'), num(p.pay, 'money'), num(p.hourlyPay, 'money')]);
  }
  return { name: 'People', rows, headerRow: 1, scales: ratingScales(r, [PEOPLE_E], [PEOPLE_D]), bands: bandsOf(r, PEOPLE_E, PEOPLE_D) };
}

function groupSheet(r: AuditReport, name: 'Roles' | 'Departments', groups: { name: string; people: number; hours: number; empowerment: number | null; desirability: number | null }[]): SheetSpec {
  const rows: Out[][] = [[name === 'Roles' ? 'Role' : 'Department', 'People', 'Hours per week', 'Empowerment', 'Desirability']];
  for (const g of groups) rows.push([g.name, num(g.people, 'integer'), num(g.hours, 'hours'), num(g.empowerment, 'score'), num(g.desirability, 'score')]);
  return { name, rows, headerRow: 1, scales: ratingScales(r, [3], [4]) };
}

function tasksSheet(r: AuditReport): SheetSpec {
  const rows: Out[][] = [['Task', 'Hours per week', 'People', 'Empowerment', 'Desirability', 'Rating source', 'Why']];
  for (const t of r.tasks) rows.push([t.name, num(t.hours, 'hours'), num(t.people, 'integer'), num(t.empowerment, 'score'), num(t.desirability, 'score'), t.source, t.reason]);
  return { name: 'Tasks', rows, headerRow: 1, maxWidth: 50, columnCaps: { 0: 36 }, scales: ratingScales(r, [3], [4]) };
}
/** Factor names of one kind used by any task, in the order to show them. */
function factorColumns(r: AuditReport, kind: FactorKind): string[] {
  const used = new Set<string>();
  for (const t of r.tasks) for (const name of Object.keys(t[factorField(kind)])) used.add(name);
  return standardFirst([...used], kind);
}

/** One row per task with factor ratings, one column per factor (on the project scale); null when no task has any. */
function factorsSheet(r: AuditReport): SheetSpec | null {
  const e = factorColumns(r, 'empowerment');
  const d = factorColumns(r, 'desirability');
  if (e.length + d.length === 0) return null;
  // Each header says which end of the scale is which: a D factor named after a burden is rated backwards from its name.
  const head = (names: string[], kind: FactorKind, letter: string) => factorLabels(names).map((l, i) => `${l} (${letter}): ${factorDirection(names[i], kind, r.scale)}`);
  const rows: Out[][] = [['Task', ...head(e, 'empowerment', 'E'), ...head(d, 'desirability', 'D')]];
  for (const t of r.tasks) {
    if (Object.keys(t.empowermentFactors).length + Object.keys(t.desirabilityFactors).length === 0) continue;
    const at = (factors: Record<string, number>, name: string) => num(Object.hasOwn(factors, name) ? factors[name] : null, 'score');
    rows.push([t.name, ...e.map((n) => at(t.empowermentFactors, n)), ...d.map((n) => at(t.desirabilityFactors, n))]);
  }
  const ecols = e.map((_, i) => 1 + i);
  return { name: 'Task factors', rows, headerRow: 1, maxWidth: 40, scales: ratingScales(r, ecols, d.map((_, i) => 1 + e.length + i)).filter((x) => x.columns.length > 0) };
}

/** The coordinator cluster: its figures, who is above τ, 2τ and 3τ, the largest break and the members. */
function clusterRows(r: AuditReport): Out[][] {
  const c = r.metrics.coordinator;
  const shape = r.metrics.empowerment.people === 0 ? 'no job rated for empowerment' : clusterShapeLabel(c);
  const rows: Out[][] = [sectionHead([`Coordinator cluster (more than ${c.threshold.toFixed(2)} points above the mean): ${shape === 'none' ? 'no cluster' : shape}`])];
  rows.push(['Share of hours', num(c.hoursShare, 'share')], ['Share of empowering work (measured from the bottom of the scale)', num(c.massShare, 'share')],
    ['Ratio: share of empowering work ÷ share of hours (measured from the bottom of the scale)', num(c.ratio, 'ratio')],
    ['Points above the mean (hours-weighted)', num(c.gap, 'score')]);
  rows.push(tableHead(['Above the mean by more than', 'Points', 'People', 'Share of hours', 'Who']));
  for (const l of c.levels) rows.push([`${l.multiple}τ`, num(l.threshold, 'tolerance'), num(l.names.length, 'integer'), num(l.hoursShare, 'share'), l.names.join(', ')]);
  const b = c.largestBreak;
  if (b) {
    const below = b.toMean ? `the mean (${b.highestBelow}, the next down, is below it)` : b.highestBelow;
    rows.push(['Largest break between neighbours (points)', num(b.gap, 'score'), num(b.above, 'integer'), null, `${b.above} above it, between ${b.lowestAbove} and ${below}`]);
  }
  rows.push(tableHead(['Name', 'Role', 'Department', 'Hours per week', 'Empowerment', 'In the cluster only because of suggested ratings']));
  for (const m of c.members) rows.push([m.name, m.role, m.department, num(m.hours, 'hours'), num(m.empowerment, 'score'), m.restsOnSuggestions ? 'Yes' : 'No']);
  return rows;
}

function metricsSheet(r: AuditReport): SheetSpec {
  const { empowerment: e, desirability: d } = r.metrics;
  const line = (label: string, pick: (m: DimensionMetrics) => number | null, f: Parameters<typeof num>[1]): Out[] => [label, num(pick(e), f), num(pick(d), f)];
  const rows: Out[][] = [
    ['Metric', 'Empowerment', 'Desirability'],
    line('Mean (points)', (m) => m.mean, 'score'),
    sectionHead(['Differences between jobs (do not depend on where the scale starts)']),
    line('Absolute Gini (points)', (m) => m.absoluteGini, 'score'),
    line('Top fifth of hours: points above the mean', (m) => m.top20Gap, 'score'),
    line('Hours within tolerance', (m) => m.withinTolerance, 'share'),
    sectionHead([`Measured from the bottom of the scale (a rating of ${r.scale.min} counts as none at all)`]),
    line('Gini', (m) => m.gini, 'index'),
    line('Top 10% share', (m) => m.topDecileShare, 'share'),
    line('Top 10% concentration ratio', (m) => m.topDecileRatio, 'ratio'),
    line('Top 20% share', (m) => m.top20Share, 'share'),
    line('Top 20% concentration ratio', (m) => m.concentrationRatio, 'ratio'),
    line('Bottom 40% share', (m) => m.bottom40Share, 'share'),
    line(e.palmaKind === 'palma' ? 'Palma ratio (top 10% ÷ bottom 40%)' : 'Palma-style ratio (top 20% ÷ bottom 40%)', (m) => m.palma, 'ratio'),
    line('Hoover index', (m) => m.hoover, 'share'),
    line('Theil T', (m) => m.theil.department.total, 'index'),
    // A split needs two groups: with one department (or none named) the cells stay empty.
    line('Theil between departments', (m) => (m.theil.department.groups >= 2 ? m.theil.department.between : null), 'index'),
    line('Theil within departments', (m) => (m.theil.department.groups >= 2 ? m.theil.department.within : null), 'index'),
    line('Theil between roles', (m) => (m.theil.role.groups >= 2 ? m.theil.role.between : null), 'index'),
    line('Theil within roles', (m) => (m.theil.role.groups >= 2 ? m.theil.role.within : null), 'index'),
    [],
    line('People counted', (m) => m.people, 'integer'),
    ['Rated hours resting on suggested ratings', num(r.metrics.suggested.empowermentHoursShare, 'share'), num(r.metrics.suggested.desirabilityHoursShare, 'share')],
    ...(r.metrics.contested.tasks > 0 ? [['Rated hours resting on contested ratings', num(r.metrics.contested.empowermentHoursShare, 'share'), num(r.metrics.contested.desirabilityHoursShare, 'share')] as Out[]] : []),
    [],
    ...clusterRows(r),
    [],
  ];
  rows.push(tableHead(['Low-desirability hours by empowerment tercile', 'Hours', 'Low-desirability hours', 'Share of tercile', 'Share of all low-desirability hours']));
  for (const t of r.metrics.lowDesirability.byEmpowermentTercile) {
    rows.push([`${t.tercile[0].toUpperCase()}${t.tercile.slice(1)} third`, num(t.hours, 'hours'), num(t.lowDesirabilityHours, 'hours'), num(t.shareOfTercile, 'share'), num(t.shareOfAll, 'share')]);
  }
  rows.push([]);
  rows.push(['Joint advantage (people high on both E and D): Spearman rank correlation of E and D (1 = same order, 0 = no link)', num(r.metrics.jointAdvantage.spearman, 'ratio')]);
  rows.push(['Top-E third hours also in top-D third', num(r.metrics.jointAdvantage.topTercileOverlap, 'share')]);
  const p = r.metrics.pay;
  if (p) {
    rows.push([]);
    rows.push(tableHead(['Pay audit (hourly pay)', 'Value']));
    rows.push(['People with pay', num(p.people, 'integer')], ['Highest ÷ lowest', num(p.maxMinRatio, 'ratio')], ['Highest ÷ median', num(p.topMedianRatio, 'ratio')]);
    const verdict = p.redFlag ? 'Yes: pay rises with empowerment (p < 0.05)'
      : (p.spearmanEmpowerment ?? 0) > 0 ? 'No: a positive tendency, too few people to be sure (p ≥ 0.05)' : 'No';
    rows.push(['Spearman rank correlation of hourly pay and empowerment (1 = same order, 0 = no link)', num(p.spearmanEmpowerment, 'ratio')], ['One-sided p-value (pay rising with empowerment)', num(p.pValue, 'index')],
      ['Spearman rank correlation of hourly pay and desirability (1 = same order, 0 = no link)', num(p.spearmanDesirability, 'ratio')], ['Red flag', verdict]);
  }
  // Labels, a verdict in the value column and the cluster's names wrap, so the sheet prints at about three quarters of full size.
  return { name: 'Metrics', rows, headerRow: 1, maxWidth: 50, columnCaps: { 0: 44, 1: 26, 4: 36 } };
}

function issuesSheet(r: AuditReport): SheetSpec {
  const rows: Out[][] = [['Severity', 'Message', 'File', 'Sheet', 'Row', 'Column']];
  for (const i of r.issues) rows.push([i.severity, i.message, i.file, i.sheet, num(i.row, 'integer'), i.column]);
  return { name: 'Issues', rows, headerRow: 1, maxWidth: 70 };
}

/**
 * The job map on the Summary sheet (sheet 1), `row` rows down: a point per person rated on both
 * dimensions, read from that person's People row (row 1 is the header); null when nobody is.
 */
function jobMapChart(r: AuditReport, row: number): SheetChart | null {
  const rated = r.people.flatMap((p, i) => (p.empowerment !== null && p.desirability !== null ? [{ row: i + 1, e: p.empowerment, d: p.desirability }] : []));
  if (rated.length === 0) return null;
  const rows = rated.map((p) => p.row);
  const scale = `${r.scale.min}–${r.scale.max}`;
  return {
    sheet: 1,
    row,
    width: 720,
    height: 540,
    description: `Scatter chart of ${rated.length} job${rated.length === 1 ? '' : 's'} from the People sheet: empowerment across, desirability up, both on the ${scale} scale.`,
    chart: {
      title: 'The job map: every job by empowerment and desirability',
      seriesName: 'Jobs',
      x: { ref: seriesRef('People', PEOPLE_E, rows), values: rated.map((p) => p.e), formatCode: '0.0' },
      y: { ref: seriesRef('People', PEOPLE_D, rows), values: rated.map((p) => p.d), formatCode: '0.0' },
      xTitle: 'Empowerment (points)',
      yTitle: 'Desirability (points)',
      min: r.scale.min,
      max: r.scale.max,
      color: '5B9BD5',
      outline: '2E75B6',
    },
  };
}

/**
 * Writes the summary workbook as .xlsx bytes. `generatedAt` is shown on the Summary sheet when given;
 * `hoursBasis` says what the weekly hours are averages of, for an import of time entries.
 */
export function writeSummaryWorkbook(report: AuditReport, generatedAt: string | null = null, hoursBasis: string | null = null): Uint8Array {
  const summary = summarySheet(report, generatedAt, hoursBasis);
  const specs = [summary, peopleSheet(report), groupSheet(report, 'Roles', report.roles.map((g) => ({ ...g, name: g.role }))),
    groupSheet(report, 'Departments', report.departments.map((g) => ({ ...g, name: g.department }))), tasksSheet(report), factorsSheet(report), metricsSheet(report), issuesSheet(report)];
  const bytes = writeWorkbook(specs.filter((s): s is SheetSpec => s !== null), 'Fairshare audit');
  // One empty row between the readings and the chart.
  const chart = jobMapChart(report, summary.rows.length + 1);
  return chart ? addCharts(bytes, [chart]) : bytes;
}
