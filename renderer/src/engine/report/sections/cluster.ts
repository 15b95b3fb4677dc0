/** The coordinator cluster: who is well above the average empowerment, its shape, its levels at τ, 2τ and 3τ, and its sensitivity. */
import type { AuditReport } from '../../analysis/auditReport';
import { clusterShapeLabel } from '../../analysis/readingsCluster';
import { esc, hours, nameList, pct, score, setting, table, titled, type Section } from '../html';
import type { ReportRound } from '../types';

export function clusterSection(audit: AuditReport, round: ReportRound | null): Section | null {
  const c = audit.metrics.coordinator;
  const reading = audit.readings.find((r) => r.key === 'coordinator');
  if (!reading || audit.metrics.empowerment.people === 0) return null;
  const mean = audit.metrics.empowerment.mean;
  const parts = [`<p class="lead">${esc(reading.text)}</p>`];
  if (c.members.length > 0) {
    parts.push(`<p>Shape of the ranked jobs: ${esc(clusterShapeLabel(c))}. The cluster holds ${pct(c.hoursShare)} of the hours and, measured from the bottom of the scale, ${pct(c.massShare)} of the empowering work${c.gap !== null ? `; its members average ${score(c.gap)} points above the mean` : ''}.</p>`);
    const members = c.members.map((m) => [esc(m.name), esc(m.role ?? '—'), esc(m.department ?? '—'), hours(m.hours), score(m.empowerment), mean === null ? '—' : score(m.empowerment - mean), m.restsOnSuggestions ? 'Yes' : '']);
    parts.push(titled('Members', table(
      [{ label: 'Person', width: '22%' }, { label: 'Role', width: '24%' }, { label: 'Department', width: '18%' }, { label: 'Hours', num: true }, { label: 'Empowerment', num: true }, { label: 'Above the mean', num: true }, { label: 'Rests on suggestions' }],
      members,
      { more: (n) => `… and ${n} more members: see the summary workbook.` },
    )));
  }
  const levels = c.levels.map((l) => [`${l.multiple}τ`, `${setting(l.threshold)}`, String(l.names.length), pct(l.hoursShare), nameList(l.names, 6)]);
  if (levels.length) {
    parts.push(titled('How the cluster depends on the threshold', `<p>People more than τ, 2τ (the cluster) and 3τ above the average empowerment${mean === null ? '' : ` of ${score(mean)}`}; τ is ${setting(audit.metrics.tolerance)} points.</p>`
      + table([{ label: 'Threshold' }, { label: 'Points above', num: true }, { label: 'People', num: true }, { label: 'Share of hours', num: true }, { label: 'Who' }], levels)));
  }
  const groups = (list: { name: string; people: number }[]) => list.map((g) => `${esc(g.name)} (${g.people})`).join(', ');
  const where = [c.roles.length ? `<dt>Roles</dt><dd>${groups(c.roles)}</dd>` : '', c.departments.length ? `<dt>Departments</dt><dd>${groups(c.departments)}</dd>` : ''].join('');
  if (where) parts.push(titled('Roles and departments in the cluster', `<dl class="pairs">${where}</dl>`));
  if (round?.sensitivity) parts.push(titled('Sensitivity to the contested ratings', `<p>${esc(round.sensitivity)}</p>`));
  return { id: 'cluster', title: 'The coordinator cluster', html: parts.join('') };
}
