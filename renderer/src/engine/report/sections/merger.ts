/**
 * The merger: who is merged, how their tasks matched, each organization on its own (the federated
 * view, with the Theil split between and within organizations), then the merged plan (mergerPlan.ts).
 */
import type { MergerResult } from '../../merge/planMerger';
import { groupMeansChart, theilChart } from '../charts';
import { count, esc, figure, hours, index, pct, score, table, titled, type Section } from '../html';
import { toleranceText } from '../input';
import { mergerPlanSection } from './mergerPlan';

function matchesText(m: MergerResult): string {
  const by = (s: string) => m.matches.filter((x) => x.status === s).length;
  const parts = [`${count(by('auto'), 'match', 'matches')} found automatically (the same task by ID or by name, however it is written)`];
  if (by('accepted')) parts.push(`${by('accepted')} accepted by hand`);
  if (by('rejected')) parts.push(`${by('rejected')} rejected`);
  if (by('proposed')) parts.push(`${by('proposed')} close ${by('proposed') === 1 ? 'variant' : 'variants'} proposed and kept apart until a person accepts ${by('proposed') === 1 ? 'it' : 'them'}`);
  return `${count(m.pooled.organization.tasks.length, 'task')} after pooling: ${parts.join(', ')}.`;
}

function federatedTable(m: MergerResult): string {
  const rows = m.federated.organizations.map((o) => [esc(o.name), String(o.people), hours(o.hours), score(o.empowerment.mean), score(o.empowerment.absoluteGini), pct(o.empowerment.withinTolerance), score(o.desirability.mean), score(o.desirability.absoluteGini)]);
  return table([
    { label: 'Organization', width: '22%' }, { label: 'People', num: true }, { label: 'Hours', num: true }, { label: 'Mean E', num: true }, { label: 'Absolute Gini E', num: true },
    { label: `Within ${toleranceText(m.tolerance)} of its own mean`, num: true }, { label: 'Mean D', num: true }, { label: 'Absolute Gini D', num: true },
  ], rows, { cap: Infinity });
}

function theilText(m: MergerResult): string {
  const rows = (['empowerment', 'desirability'] as const).map((d) => {
    const t = m.federated.theil[d];
    return [d === 'empowerment' ? 'Empowerment' : 'Desirability', index(t.total, 4), index(t.between, 4), t.total > 0 ? pct(t.between / t.total) : '—', index(t.within, 4)];
  });
  const chart = theilChart((['empowerment', 'desirability'] as const).map((d) => ({ label: d === 'empowerment' ? 'Empowerment' : 'Desirability', between: m.federated.theil[d].between, within: m.federated.theil[d].within })), { id: 'merger-theil', title: 'Inequality between and within the organizations (Theil index)' });
  return titled('Between and within the organizations', `<p>The Theil index over all the merged people, measured from the bottom of the scale, split into the part between the organizations (their averages differ) and the part within them.</p>`
    + table([{ label: 'Dimension' }, { label: 'Theil T', num: true }, { label: 'Between', num: true }, { label: 'Share between', num: true }, { label: 'Within', num: true }], rows, { cap: Infinity })
    + figure(chart));
}

function federatedPlansTable(m: MergerResult): string {
  if (!m.federatedPlans?.length) return '';
  const rows = m.federatedPlans.map((f) => [esc(f.organization), f.status === 'optimal' ? 'Plan found' : f.status === 'balanced' ? 'Already balanced' : esc(f.status), f.status === 'optimal' ? hours(f.movedHours) : '—', hours(f.bound), String(f.transfers)]);
  return titled('Each organization balanced within itself', table([{ label: 'Organization' }, { label: 'Status' }, { label: 'Hours moved', num: true }, { label: 'Exact minimum', num: true }, { label: 'Transfers', num: true }], rows, { cap: Infinity }));
}

/** The lowest and highest job score of an organization's people in the merged audit; undefined with none rated. */
function spread(m: MergerResult, organization: string, dim: 'empowerment' | 'desirability'): { min: number; max: number } | undefined {
  const scores = m.audit.people.filter((p) => p.organization === organization).map((p) => p[dim]).filter((x): x is number => x !== null && Number.isFinite(x));
  return scores.length ? { min: Math.min(...scores), max: Math.max(...scores) } : undefined;
}

export function mergerSections(m: MergerResult | null): Section[] {
  if (!m) return [];
  const orgs = m.federated.organizations;
  const people = orgs.reduce((s, o) => s + o.people, 0);
  const total = orgs.reduce((s, o) => s + o.hours, 0);
  const parts = [`<p class="lead">${esc(`Merging ${orgs.map((o) => `${o.name} (${count(o.people, 'person', 'people')}, ${hours(o.hours)} hours a week)`).join(' and ')}: one organization of ${count(people, 'person', 'people')} and ${hours(total)} hours a week.`)}</p>`];
  parts.push(`<p>${esc(matchesText(m))}</p>`);
  const scale = m.audit.scale;
  parts.push(`<p>${esc(m.pooled.contested.length
    ? `${count(m.pooled.contested.length, 'shared task rating', 'shared task ratings')} differed by more than ${toleranceText(m.tolerance)} between the organizations; the pooled rating is their median. Ratings on the ${scale.min}–${scale.max} scale.`
    : `No shared task is rated more than ${toleranceText(m.tolerance)} apart by the organizations. Ratings on the ${scale.min}–${scale.max} scale.`)}</p>`);
  if (m.pooled.doneOnce.length) {
    parts.push(`<p>${esc(`Done once after the merger: ${m.pooled.doneOnce.map((d) => d.task).join(', ')}, freeing ${hours(m.pooled.freedHours)} hours a week for programme work (not people to cut).`)}</p>`);
  }
  for (const n of m.pooled.notes) parts.push(`<p class="note">${esc(`Not applied: ${n}`)}</p>`);
  parts.push(titled('Each organization on its own (federated view)', `<p>Each organization's jobs on the pooled ratings, against its own average.</p>${federatedTable(m)}`));
  for (const dim of ['empowerment', 'desirability'] as const) {
    const mean = m.audit.metrics[dim].mean;
    const groups = orgs.filter((o) => o[dim].mean !== null).map((o) => ({ name: o.name, mean: o[dim].mean, hours: o.hours, spread: spread(m, o.name, dim) }));
    if (groups.length === 0) continue;
    parts.push(figure(groupMeansChart(groups, {
      id: `merger-means-${dim}`, title: `Average ${dim} of each organization`, scale, band: mean === null ? null : { mean, tolerance: m.tolerance }, dimension: dim,
    })));
  }
  parts.push(theilText(m), federatedPlansTable(m));
  const sections: Section[] = [{ id: 'merger', title: 'The merger', html: parts.join('') }];
  const plan = mergerPlanSection(m);
  if (plan) sections.push(plan);
  return sections;
}
