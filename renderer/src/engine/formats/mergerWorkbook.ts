/**
 * The merger workbook (issue 16 `merge --out`): Merger (the organizations side by side, the Theil
 * split, tasks done once, contested ratings, work crossing organizations), Matches, Programme hours,
 * Control, People (each with their organization) and, when a merged plan was made, the proposal's
 * own sheets (its Summary named "Plan").
 */
import type { MergerResult } from '../merge/planMerger';
import { proposalSheets } from './proposalWorkbook';
import { tableHead, writeWorkbook, type SheetSpec } from './sheetBuilder';
import { bandsOf, ratingScales } from './ratingMarks';
import { num, type Out } from './sheetCells';

function mergerSheet(r: MergerResult, generatedAt: string | null): SheetSpec {
  const rows: Out[][] = [
    [`Merger of ${r.pooled.organizations.join(' and ')}`],
    [`Fairshare${generatedAt ? `, ${generatedAt}` : ''}. Ratings on the first organization's scale ${r.audit.scale.min}–${r.audit.scale.max}; tolerance ±${r.tolerance} points.`],
    [],
    tableHead(['Organization', 'People', 'Hours a week', 'E mean', 'E absolute Gini', 'Within ±τ (hours)', 'D mean']),
  ];
  for (const o of r.federated.organizations) rows.push([o.name, num(o.people, 'integer'), num(o.hours, 'hours'), num(o.empowerment.mean, 'score'), num(o.empowerment.absoluteGini, 'score'), num(o.empowerment.withinTolerance, 'share'), num(o.desirability.mean, 'score')]);
  const t = r.federated.theil.empowerment;
  rows.push([], ['Theil index, E (all)', num(t.total, 'index')], ['Between organizations', num(t.between, 'index')], ['Within organizations', num(t.within, 'index')]);
  if (r.federatedPlans) {
    rows.push([], tableHead(['Each balanced within itself', 'Status', 'Hours moved', 'Exact minimum', 'Transfers']));
    for (const f of r.federatedPlans) rows.push([f.organization, f.status, num(f.movedHours, 'hours'), num(f.bound, 'hours'), num(f.transfers, 'integer')]);
  }
  if (r.pooled.doneOnce.length) {
    rows.push([], tableHead(['Done once after the merger', 'Hours before', 'Hours after', 'Freed (h)']));
    for (const d of r.pooled.doneOnce) rows.push([d.task, num(d.before, 'hours'), num(d.after, 'hours'), num(d.freed, 'hours')]);
    rows.push(['Total freed', null, null, num(r.pooled.freedHours, 'hours')], ['The hours freed are for programme work, not people to cut.']);
  }
  if (r.pooled.contested.length) {
    rows.push([], tableHead(['Contested (more than ±τ apart)', 'Dimension', 'Ratings', 'Pooled (median)']));
    for (const c of r.pooled.contested) rows.push([c.task, c.dimension, c.ratings.map((x) => `${x.organization} ${x.value.toFixed(1)}`).join('; '), num(c.pooled, 'score')]);
  }
  const c = r.outcome.crossing;
  if (c) {
    rows.push([], tableHead(['Work crossing (merged plan)', 'Takes on (h)', 'Passes on (h)']));
    for (const b of c.byOrganization) rows.push([b.organization, num(b.took, 'hours'), num(b.gave, 'hours')]);
    rows.push(['Total crossing', num(c.hours, 'hours')]);
  }
  return { name: 'Merger', rows, headerRow: null, maxWidth: 30 };
}

function matchesSheet(r: MergerResult): SheetSpec {
  const rows: Out[][] = [['Task', 'Organization', 'Matched with', 'Organization of the match', 'Score', 'Status', 'Why', 'Done once', 'Hours done once']];
  for (const m of r.matches) rows.push([m.a, m.organizationA, m.b, m.organizationB, num(m.score, 'ratio'), m.status, m.reason, m.doneOnce ? 'Yes' : null, num(m.hours ?? null, 'hours')]);
  return { name: 'Matches', rows, headerRow: 1, maxWidth: 36 };
}

function programmeSheet(r: MergerResult): SheetSpec {
  const rows: Out[][] = [['Organization of origin', 'Department', 'Hours before', 'Hours after the merged plan']];
  for (const p of r.outcome.programme) rows.push([p.organization, p.department ?? '(whole organization)', num(p.before, 'hours'), num(p.after, 'hours')]);
  return { name: 'Programme hours', rows, headerRow: 1 };
}

function controlSheet(r: MergerResult): SheetSpec {
  const orgs = r.pooled.organizations;
  const rows: Out[][] = [['Control task', 'Kind', ...orgs.flatMap((o) => [`${o} h`, `${o} top 10%`]), 'All, top 10%', 'After h', 'After people', 'After top 10%']];
  for (const c of r.outcome.control) {
    rows.push([c.task, c.kinds.join(', ') || null, ...c.before.flatMap((b) => [num(b.hours, 'hours'), num(b.hours > 0 ? b.top10Share : null, 'share')]), num(c.pooledBefore.top10Share, 'share'), num(c.after?.hours ?? null, 'hours'), num(c.after?.people ?? null, 'integer'), num(c.after?.top10Share ?? null, 'share')]);
  }
  return { name: 'Control', rows, headerRow: 1, maxWidth: 36 };
}

function peopleSheet(r: MergerResult): SheetSpec {
  const rows: Out[][] = [['Name', 'Organization', 'Role', 'Department', 'Hours per week', 'Empowerment', 'Desirability']];
  for (const p of r.audit.people) rows.push([p.name, p.organization ?? null, p.role, p.department, num(p.hours, 'hours'), num(p.empowerment, 'score'), num(p.desirability, 'score')]);
  return { name: 'People', rows, headerRow: 1, scales: ratingScales(r.audit, [5], [6]), bands: bandsOf(r.audit, 5, 6) };
}

export function writeMergerWorkbook(r: MergerResult, generatedAt: string | null = null): Uint8Array {
  const plan = r.proposal ? proposalSheets(r.proposal.report, generatedAt).map((s) => (s.name === 'Summary' ? { ...s, name: 'Plan' } : s)) : [];
  return writeWorkbook([mergerSheet(r, generatedAt), matchesSheet(r), programmeSheet(r), controlSheet(r), peopleSheet(r), ...plan], 'Fairshare merger');
}
