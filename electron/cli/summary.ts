/**
 * The human-readable `fairshare audit` output: who was found, their hours and scores, the findings
 * (interval-scale figures first, each with its "Is this high?" band and, once, where the bands come
 * from), the coordinator cluster's sensitivity, issues by severity. An audit
 * resting mostly on suggested ratings says so on its first line.
 */
import type { AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import type { TimesheetReport } from '../../renderer/src/engine/import/types';
import type { ImportIssue } from '../../renderer/src/engine/model/types';
import { mostlySuggested } from '../../renderer/src/engine/analysis/readings';
import { clusterShapeLabel } from '../../renderer/src/engine/analysis/readingsCluster';
import { pts } from '../../renderer/src/engine/analysis/readingsFormat';
import { oneLine } from './terminal';
import { timesheetLines } from './timesheetText';

function num(n: number | null, digits = 1): string {
  return n === null ? '—' : n.toFixed(digits);
}

/** "1 error", "2 errors". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Issues printed per severity before "… and N more (use --json)". */
const MAX_ISSUES = 30;

function pad(s: string, w: number): string {
  return s.length >= w ? s.slice(0, w - 1) + '…' : s + ' '.repeat(w - s.length);
}

/** The coordinator cluster at τ, 2τ and 3τ, its largest break and its members (* = membership rests on suggested ratings). */
function clusterLines(r: AuditReport): string[] {
  const c = r.metrics.coordinator;
  if (r.metrics.empowerment.people === 0) return [];
  const out = ['', `Coordinator cluster: ${clusterShapeLabel(c)} (more than ${num(c.threshold, 2)} points above the mean of ${num(r.metrics.empowerment.mean)})`];
  // Who the line takes in or leaves out, against the 2τ cluster listed below (names, not just counts).
  const cluster = new Set(c.levels.find((l) => l.multiple === 2)?.names ?? []);
  const names = (xs: string[]) => (xs.length > 6 ? `${xs.slice(0, 6).map(oneLine).join(', ')} and ${xs.length - 6} more` : xs.map(oneLine).join(', '));
  for (const l of c.levels) {
    const added = l.names.filter((n) => !cluster.has(n));
    const dropped = [...cluster].filter((n) => !l.names.includes(n));
    const who = l.multiple === 2 ? '' : added.length ? `; also ${names(added)}` : dropped.length ? `; not ${names(dropped)}` : '; the same people as at 2τ';
    out.push(`  above ${l.multiple}τ (${num(l.threshold, 2)} points): ${l.names.length} ${l.names.length === 1 ? 'person' : 'people'}, ${Math.round(l.hoursShare * 100)}% of hours${who}`);
  }
  const b = c.largestBreak;
  if (b) {
    const below = b.toMean ? `the mean (${oneLine(b.highestBelow)}, the next down, is below it)` : oneLine(b.highestBelow);
    out.push(`  largest break: ${num(b.gap, 1)} points, between ${oneLine(b.lowestAbove)} (lowest of the ${b.above} above it) and ${below}`);
  }
  for (const m of c.members) {
    out.push(`  ${m.restsOnSuggestions ? '*' : ' '} ${pad(oneLine(m.name), 28)}${pad(oneLine(m.role ?? ''), 22)}${pad(oneLine(m.department ?? ''), 18)}${num(m.empowerment).padStart(7)}`);
  }
  if (c.members.some((m) => m.restsOnSuggestions)) out.push('  * in the cluster only because of suggested ratings');
  return out;
}

/** One issue on one line, located: "  error: … (sheet "Tasks", row 4, column C)". */
export function issueLine(i: ImportIssue): string {
  const where = [i.sheet && `sheet "${oneLine(i.sheet)}"`, i.row && `row ${i.row}`, i.column && `column ${i.column}`].filter(Boolean).join(', ');
  return `  ${i.severity === 'info' ? 'note' : i.severity}: ${oneLine(i.message)}${where ? ` (${where})` : ''}`;
}

/** `timesheet`: what a time-tracking import found (its block follows the layout). */
export function formatSummary(r: AuditReport, maxPeople = 25, timesheet?: TimesheetReport): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of r.issues) counts[i.severity]++;
  const suggested = r.readings.find((x) => x.key === 'suggested');
  const first = suggested && mostlySuggested(r.metrics);
  if (first) lines.push(`NOTE: ${suggested.text}`, '');
  // A saved project has no layout to report: it was recognized when its spreadsheet was imported.
  lines.push(r.layout.layout === 'none' && r.layout.sheets.length === 0
    ? `${r.file} (${r.format}): a saved project`
    : `${r.file} (${r.format}): layout ${r.layout.layout}, confidence ${Math.round(r.layout.confidence * 100)}%`);
  for (const s of r.layout.sheets.filter((s) => s.role !== 'ignored')) {
    lines.push(`  sheet "${oneLine(s.sheet)}": ${s.role}, header on row ${s.headerRow}, ${count(s.dataRows, 'data row')}${s.unit ? `, cells in ${s.unit}` : ''}`);
  }
  if (timesheet) lines.push(...timesheetLines(timesheet));
  lines.push(`${count(r.totals.people, 'person', 'people')}, ${num(r.totals.hours)} hours a week, ${count(r.totals.tasks, 'task')} (${r.totals.unratedTasks} unrated); scale ${r.scale.min}–${r.scale.max}`);
  lines.push('');
  lines.push(`${pad('Person', 28)}${pad('Role', 22)}${pad('Department', 18)}${'Hours'.padStart(7)}${'E'.padStart(7)}${'D'.padStart(7)}`);
  const shown = [...r.people].sort((a, b) => (b.empowerment ?? -1) - (a.empowerment ?? -1)).slice(0, maxPeople);
  for (const p of shown) {
    lines.push(`${pad(p.name, 28)}${pad(p.role ?? '', 22)}${pad(p.department ?? '', 18)}${num(p.hours).padStart(7)}${num(p.empowerment).padStart(7)}${num(p.desirability).padStart(7)}`);
  }
  if (r.people.length > shown.length) lines.push(`… and ${r.people.length - shown.length} more (use --json for all)`);
  lines.push('');
  lines.push('Findings:');
  const keys = [
    'empowerment.absoluteGini', 'empowerment.withinTolerance', 'empowerment.top20Gap', 'coordinator', ...(first ? [] : ['suggested']), 'contested',
    'empowerment.gini', 'empowerment.top20Share', 'empowerment.palma', 'empowerment.hoover', 'empowerment.theilDepartment', 'lowDesirability', 'jointAdvantage', 'pay',
    'desirability.absoluteGini', 'desirability.withinTolerance',
  ];
  for (const k of keys) {
    const reading = r.readings.find((x) => x.key === k);
    if (reading) lines.push(`  - ${oneLine(reading.text)}`);
  }
  // The "Is this high?" bands come from the tolerance, not from published norms: said once, under the findings.
  if (r.metrics.empowerment.people > 0) lines.push(`  ("Is this high?" comes from the tolerance τ = ±${pts(r.metrics.tolerance)} points: low if jobs all within ±τ of the average could give the figure, noticeable within ±2τ, high beyond. There are no published norms for these figures.)`);
  lines.push(...clusterLines(r));
  lines.push('');
  lines.push(`Issues: ${count(counts.error, 'error')}, ${count(counts.warning, 'warning')}, ${count(counts.info, 'note')}`);
  // Errors and warnings first, then notes, each capped: a note (a near-duplicate task, …) is as visible as in --json.
  for (const severity of ['error', 'warning', 'info'] as const) {
    const these = r.issues.filter((i) => i.severity === severity);
    for (const i of these.slice(0, MAX_ISSUES)) lines.push(issueLine(i));
    if (these.length > MAX_ISSUES) lines.push(`  … and ${these.length - MAX_ISSUES} more ${severity === 'info' ? 'notes' : `${severity}s`} (use --json)`);
  }
  return lines.join('\n');
}
