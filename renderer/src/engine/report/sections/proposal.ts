/**
 * The proposal: what it does in one paragraph (hours moved against the exact bound, status), the
 * figures before and after, the before/after charts, then its tables (proposalTables.ts).
 */
import type { AuditReport } from '../../analysis/auditReport';
import type { FullProposal } from '../../balance/fullProposal';
import type { ProposalReport } from '../../balance/proposalReport';
import { beforeAfterMapChart, rankedJobsChart } from '../charts';
import type { ChartJob } from '../charts/api';
import { esc, figure, hours, index, pct, score, setting, table, titled, type Section } from '../html';
import { toleranceText } from '../input';
import { changedJobsTable, rotationTables, trainingTables, transfersTable } from './proposalTables';

/** The plan in one paragraph: hours moved of the total, against the exact LP minimum, or why there is no plan. */
export function proposalSummary(r: ProposalReport): string {
  const aim = `Every job brought within ${toleranceText(r.tolerance)} of the mean empowerment${r.desirability ? ' and desirability' : ''}.`;
  if (r.before.mean === null) return `${aim} No task is rated for empowerment, so no two jobs can be compared and nothing can be balanced.`;
  if (r.status === 'balanced') return `${aim} Every job is already within the band: nothing needs to move.`;
  if (r.status === 'infeasible') return `${aim} This cannot be met. ${r.diagnosis?.message ?? ''}`.trim();
  if (r.status !== 'optimal') return `${aim} No proposal (${r.status})${r.statusMessage ? `: ${r.statusMessage}` : '.'}`;
  const share = r.totalHours > 0 ? ` (${pct(r.movedHours / r.totalHours)})` : '';
  const bound = r.bound !== null && r.bound !== undefined
    ? ` The exact minimum, with hours split as finely as needed, is ${hours(r.bound)} hours${r.gap !== null && r.gap !== undefined ? `; this plan moves ${pct(r.gap)} more, the price of ${r.rounded ? 'whole blocks people can carry out' : 'its rounding'}` : ''}.`
    : '';
  const suggested = r.movedOnSuggested > 0 ? ` ${hours(r.movedOnSuggested)} of the hours moved are on tasks with suggested ratings.` : '';
  return `${aim} ${hours(r.movedHours)} of ${hours(r.totalHours)} weekly hours change hands${share}, in ${r.transfers.length.toLocaleString('en-US')} transfers.${bound}${suggested}`;
}

/** The before → after figures: shift-free ones first, then those measured from the bottom of the scale. */
function figuresTable(r: ProposalReport): string {
  const b = r.before;
  const a = r.after;
  const rows: [string, string, string][] = [
    ['Mean empowerment', score(b.mean), score(a.mean)],
    ['Absolute Gini, empowerment (points)', score(b.absoluteGini), score(a.absoluteGini)],
    [`Hours within ${toleranceText(r.tolerance)}`, pct(b.withinTolerance), pct(a.withinTolerance)],
    ['People in the coordinator cluster', String(b.coordinatorPeople), String(a.coordinatorPeople)],
    ['Absolute Gini, desirability (points)', score(b.desirabilityAbsoluteGini), score(a.desirabilityAbsoluteGini)],
    ['Gini, empowerment (from the bottom of the scale)', index(b.gini), index(a.gini)],
    ['Top 20% share of empowering work (from the bottom)', pct(b.top20Share), pct(a.top20Share)],
    ['Hoover index, empowerment (from the bottom)', pct(b.hoover), pct(a.hoover)],
    ['Gini, desirability (from the bottom of the scale)', index(b.desirabilityGini), index(a.desirabilityGini)],
  ];
  return table([{ label: 'Figure' }, { label: 'Now', num: true }, { label: 'With the proposal', num: true }], rows.map((x) => [esc(x[0]), x[1], x[2]]));
}

/** The other tolerances the plan was traced at (the options curve). */
function optionsTable(r: ProposalReport): string {
  if (r.options.length === 0) return '';
  const rows = r.options.map((o) => [`±${setting(o.tolerance)}`, o.status === 'optimal' ? hours(o.movedHours) : o.status === 'time-limit' ? 'no answer in time' : 'cannot be met', score(o.absoluteGini), pct(o.withinTolerance)]);
  return titled('Other tolerances (the exact plan at each)', table([{ label: 'Tolerance (points)' }, { label: 'Hours moved', num: true }, { label: 'Absolute Gini after', num: true }, { label: 'Within that tolerance', num: true }], rows));
}

function planCharts(r: ProposalReport, audit: AuditReport): string {
  const members = new Set(audit.metrics.coordinator.members.map((m) => m.name));
  const before: ChartJob[] = r.jobs.map((j) => ({ name: j.name, hours: j.hours, empowerment: j.empowermentBefore, desirability: j.desirabilityBefore, marked: members.has(j.name) }));
  const after: ChartJob[] = r.jobs.map((j) => ({ name: j.name, hours: j.hours, empowerment: j.empowermentAfter, desirability: j.desirabilityAfter, marked: members.has(j.name) }));
  const e = r.before.mean === null ? null : { mean: r.before.mean, tolerance: r.tolerance };
  const dMean = audit.metrics.desirability.mean;
  const d = r.desirability && dMean !== null ? { mean: dMean, tolerance: r.tolerance } : null;
  return figure(beforeAfterMapChart(before, after, { id: 'proposal-map', title: 'Every job now and with the proposal', scale: r.scale, empowerment: e, desirability: d }))
    + figure(rankedJobsChart(before, { id: 'proposal-ranked', title: 'Empowerment of each job, now and with the proposal', scale: r.scale, dimension: 'empowerment', band: e, after }));
}

/** The proposal's sections: the plan (summary, figures, charts), then its changes and what carrying it out takes. */
export function proposalSections(p: { label: string; full: FullProposal } | null, audit: AuditReport): Section[] {
  if (!p) return [];
  const r = p.full.report;
  const planned = r.status === 'optimal';
  const parts = [`<p class="lead">${esc(proposalSummary(r))}</p>`];
  if (planned && r.roundingNote) parts.push(`<p>${esc(r.roundingNote)}</p>`);
  if (r.blocks && planned) {
    const over = r.blocks.overNewTasks.length;
    const out = r.blocks.outOfBand.length;
    if (over) parts.push(`<p>${esc(`${over} ${over === 1 ? 'person takes' : 'people take'} on more than ${r.blocks.maxNewTasks} new tasks.`)}</p>`);
    if (out) parts.push(`<p class="flag">${esc(`${out} ${out === 1 ? 'job ends' : 'jobs end'} outside the band: ${r.blocks.outOfBand.slice(0, 5).map((o) => o.message).join(' ')}${out > 5 ? ` … and ${out - 5} more.` : ''}`)}</p>`);
  }
  if (r.before.mean !== null) parts.push(titled('Before and after', figuresTable(r)));
  if (planned) parts.push(planCharts(r, audit));
  parts.push(optionsTable(r));
  const named = p.label.trim() !== '' && p.label.trim().toLowerCase() !== 'proposal';
  const sections: Section[] = [{ id: 'proposal', title: named ? `The proposal: ${p.label}` : 'The proposal', html: parts.join('') }];
  if (!planned) return sections;
  const chores = new Set(p.full.rotation?.chores.map((c) => c.task) ?? []);
  const changes = [changedJobsTable(r, chores), transfersTable(r)].filter(Boolean).join('');
  if (changes) sections.push({ id: 'proposal-changes', title: 'What changes for each person', html: changes });
  const training = trainingTables(p.full);
  const rotation = rotationTables(p.full);
  const careTitle = training && rotation ? 'Training and chore rotation' : training ? 'Training' : 'Chore rotation';
  if (training || rotation) sections.push({ id: 'proposal-care', title: careTitle, html: training + rotation });
  return sections;
}
