/** The merged organization: the merged plan's summary, work crossing organizations, programme hours kept, and who controls the money before and after. */
import type { MergerResult } from '../../merge/planMerger';
import { esc, hours, pct, table, titled, type Section } from '../html';
import { proposalSummary } from './proposal';

function programmeTable(m: MergerResult): string {
  const rows = m.outcome.programme.map((p) => [
    p.department === null ? `<strong>${esc(p.organization)}</strong>` : esc(p.organization),
    p.department === null ? '<strong>All its work</strong>' : esc(p.department),
    hours(p.before),
    p.after === null ? '—' : hours(p.after),
  ]);
  return titled('Programme hours by organization of origin', `<p>The weekly hours of the work each organization (and each of its departments) brought, before and after the merged plan, whoever does it then.</p>`
    + table([{ label: 'Organization' }, { label: 'Department' }, { label: 'Before', num: true }, { label: 'After', num: true }], rows, { more: (n) => `… and ${n} more departments: see the merger workbook.` }));
}

function controlTable(m: MergerResult): string {
  const control = m.outcome.control;
  if (control.length === 0) return `<p>${esc('No task is recognized as carrying control over money, hiring or strategy.')}</p>`;
  const orgs = m.pooled.organizations;
  const share = (c: { hours: number; top10Share: number }) => (c.hours > 0 ? `${pct(c.top10Share)} of ${hours(c.hours)}` : '—');
  const rows = control.map((c) => [
    c.task === 'All control tasks' ? `<strong>${esc(c.task)}</strong>` : esc(c.task),
    esc(c.task === 'All control tasks' ? '' : c.kinds.join(', ') || 'marked by hand'),
    ...orgs.map((o) => share(c.before.find((b) => b.organization === o) ?? { hours: 0, top10Share: 0 })),
    share(c.pooledBefore),
    c.after ? share(c.after) : '—',
  ]);
  return titled('Who controls the money, hiring and strategy', `<p>${esc('For each task that carries control, the share of its weekly hours held by the top 10% of people (of each organization before, of the merged organization after).')}</p>`
    + table([{ label: 'Task', width: '26%' }, { label: 'Kind' }, ...orgs.map((o) => ({ label: `${o} before`, num: true })), { label: 'Together before', num: true }, { label: 'After the plan', num: true }], rows, { more: (n) => `… and ${n} more control tasks: see the merger workbook.` }));
}

export function mergerPlanSection(m: MergerResult): Section | null {
  const parts: string[] = [];
  if (m.proposal) {
    parts.push(`<p class="lead">${esc(proposalSummary(m.proposal.report))}</p>`);
    if (m.noCrossNote) parts.push(`<p>${esc(m.noCrossNote)}</p>`);
    const x = m.outcome.crossing;
    if (x) {
      parts.push(`<p>${esc(`Work crossing organizations: ${hours(x.hours)} hours a week. ${x.byOrganization.map((b) => `${b.organization} takes on ${hours(b.took)} hours of work others did and passes on ${hours(b.gave)}`).join('; ')}.`)}</p>`);
    }
    const r = m.proposal.report;
    if (r.status === 'optimal') {
      parts.push(table([{ label: 'Figure' }, { label: 'Before', num: true }, { label: 'With the merged plan', num: true }], [
        ['Absolute Gini, empowerment (points)', r.before.absoluteGini.toFixed(1), r.after.absoluteGini.toFixed(1)],
        ['Hours within the tolerance', pct(r.before.withinTolerance), pct(r.after.withinTolerance)],
        ['People in the coordinator cluster', String(r.before.coordinatorPeople), String(r.after.coordinatorPeople)],
        ['Absolute Gini, desirability (points)', r.before.desirabilityAbsoluteGini.toFixed(1), r.after.desirabilityAbsoluteGini.toFixed(1)],
      ].map(([a, b, c]) => [esc(a), b, c]), { cap: Infinity }));
    }
    parts.push(programmeTable(m));
  }
  parts.push(controlTable(m));
  return { id: 'merged-plan', title: m.proposal ? 'The merged plan' : 'Control in the merged organization', html: parts.join('') };
}
