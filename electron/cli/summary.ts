/** The human-readable `fairshare audit` output: who was found, their hours and scores, issues by severity. */
import type { AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { oneLine } from './terminal';

function num(n: number | null, digits = 1): string {
  return n === null ? '—' : n.toFixed(digits);
}

function pad(s: string, w: number): string {
  return s.length >= w ? s.slice(0, w - 1) + '…' : s + ' '.repeat(w - s.length);
}

export function formatSummary(r: AuditReport, maxPeople = 25): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of r.issues) counts[i.severity]++;
  lines.push(`${r.file} (${r.format}): layout ${r.layout.layout}, confidence ${Math.round(r.layout.confidence * 100)}%`);
  for (const s of r.layout.sheets.filter((s) => s.role !== 'ignored')) {
    lines.push(`  sheet "${oneLine(s.sheet)}": ${s.role}, header on row ${s.headerRow}, ${s.dataRows} data rows${s.unit ? `, cells in ${s.unit}` : ''}`);
  }
  lines.push(`${r.totals.people} people, ${num(r.totals.hours)} hours a week, ${r.totals.tasks} tasks (${r.totals.unratedTasks} unrated); scale ${r.scale.min}–${r.scale.max}`);
  lines.push('');
  lines.push(`${pad('Person', 28)}${pad('Role', 22)}${pad('Department', 18)}${'Hours'.padStart(7)}${'E'.padStart(7)}${'D'.padStart(7)}`);
  const shown = [...r.people].sort((a, b) => (b.empowerment ?? -1) - (a.empowerment ?? -1)).slice(0, maxPeople);
  for (const p of shown) {
    lines.push(`${pad(p.name, 28)}${pad(p.role ?? '', 22)}${pad(p.department ?? '', 18)}${num(p.hours).padStart(7)}${num(p.empowerment).padStart(7)}${num(p.desirability).padStart(7)}`);
  }
  if (r.people.length > shown.length) lines.push(`… and ${r.people.length - shown.length} more (use --json for all)`);
  lines.push('');
  lines.push('Findings:');
  const keys = ['empowerment.gini', 'empowerment.top20Share', 'empowerment.hoover', 'empowerment.withinTolerance', 'coordinator', 'lowDesirability', 'jointAdvantage', 'pay'];
  for (const k of keys) {
    const reading = r.readings.find((x) => x.key === k);
    if (reading) lines.push(`  - ${reading.text}`);
  }
  lines.push('');
  lines.push(`Issues: ${counts.error} errors, ${counts.warning} warnings, ${counts.info} notes`);
  for (const i of r.issues.filter((i) => i.severity !== 'info').slice(0, 30)) {
    const where = [i.sheet && `sheet "${oneLine(i.sheet)}"`, i.row && `row ${i.row}`, i.column && `column ${i.column}`].filter(Boolean).join(', ');
    lines.push(`  ${i.severity}: ${i.message}${where ? ` (${where})` : ''}`);
  }
  return lines.join('\n');
}
