/**
 * The report for the Riverside sample with a proposal, two scenarios and a merger with the partner
 * sample (issue 18): every figure printed is the engine's own (readings, hours moved against the exact
 * bound, before → after, the scenario table recomputed independently, the federated view and Theil
 * split), every chart is there once, and the sections come in order.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterShapeLabel } from '../../renderer/src/engine/analysis/readingsCluster';
import { scenarioFigures } from '../../renderer/src/engine/scenarios';
import { buildReportHtml, reportScenarios, type ReportInput } from '../../renderer/src/engine/report';
import { idCounts, riverside, sectionText, textOf, type Sample } from './report.fixture';

let s: Sample;
let input: ReportInput;
let html: string;
let text: string;
const pct = (x: number) => `${Math.round(x * 100)}%`;

beforeAll(async () => {
  s = await riverside();
  input = {
    organization: 'Riverside Tenants Union', date: '2025-03-14', generator: 'Fairshare 0.1.0', pageSize: 'A4', audit: s.audit,
    proposal: { label: 'Proposal', full: s.proposal }, scenarios: reportScenarios(s.org, s.scenarios, s.audit.metrics.tolerance), merger: s.merger,
    round: { forms: 12, raters: 11, alpha: { empowerment: 0.81, desirability: 0.62 }, contestedTasks: 3, decidedTasks: 1, sensitivity: 'The coordinator cluster has 6–8 people depending on how the contested tasks are rated.' },
  };
  html = buildReportHtml(input);
  text = textOf(html);
});

describe('the report of the Riverside sample', () => {
  it('prints every reading of the audit in the engine\'s words, with its figure', () => {
    const figures = sectionText(html, 'key-figures');
    expect(s.audit.readings.length).toBeGreaterThan(10);
    for (const r of s.audit.readings) {
      expect(figures, r.key).toContain(r.text);
      expect(figures, r.key).toContain(`${r.label} ${r.figure}`);
    }
    const gini = s.audit.readings.find((r) => r.key === 'empowerment.absoluteGini')!;
    expect(gini.figure).toBe(s.audit.metrics.empowerment.absoluteGini.toFixed(1));
  });

  it('states the proposal\'s hours moved, of the total, against the exact bound, and its figures before and after', () => {
    const r = s.proposal.report;
    const plan = sectionText(html, 'proposal');
    expect(r.status).toBe('optimal');
    expect(plan).toContain(`${r.movedHours.toFixed(1)} of ${r.totalHours.toFixed(1)} weekly hours change hands (${pct(r.movedHours / r.totalHours)}), in ${r.transfers.length} transfers.`);
    expect(plan).toContain(`The exact minimum, with hours split as finely as needed, is ${r.bound!.toFixed(1)} hours; this plan moves ${pct(r.gap!)} more`);
    expect(plan).toContain(`Hours within ±0.95 points ${pct(r.before.withinTolerance)} ${pct(r.after.withinTolerance)}`);
    expect(plan).toContain(`Absolute Gini, empowerment (points) ${r.before.absoluteGini.toFixed(1)} ${r.after.absoluteGini.toFixed(1)}`);
    expect(plan).toContain(`People in the coordinator cluster ${r.before.coordinatorPeople} ${r.after.coordinatorPeople}`);
    const care = sectionText(html, 'proposal-care');
    expect(care).toContain(`${s.proposal.care.trainingHours.toFixed(1)} hours of training over the quarter`);
    // Every transfer is a row (fewer than the cap here), each with its hours.
    const changes = sectionText(html, 'proposal-changes');
    for (const t of r.transfers) expect(changes).toContain(`${t.task} ${t.from} ${t.to} ${t.hours.toFixed(1)}`);
    // Each changed job counts what its person keeps (the workbook lists those tasks) and lists what they take on.
    const chores = new Set(s.proposal.rotation?.chores.map((c) => c.task) ?? []);
    const job = r.jobs.find((j) => j.gained.some((g) => !chores.has(g.task)) && j.kept.filter((k) => !chores.has(k.task)).length > 1)!;
    const kept = job.kept.filter((k) => !chores.has(k.task));
    expect(changes).toContain(`${kept.length} tasks, ${kept.reduce((a, k) => a + k.hours, 0).toFixed(1)} h`);
    for (const g of job.gained.filter((x) => !chores.has(x.task))) expect(changes).toContain(`${g.hours.toFixed(1)} ${g.task}`);
  });

  it('draws the chore rotation grid with every slot of the weeks shown', () => {
    const rot = s.proposal.rotation!;
    expect(rot.slots.length).toBeGreaterThan(0);
    const grid = html.slice(html.indexOf('<table class="grid'));
    const body = grid.slice(grid.indexOf('<tbody>'), grid.indexOf('</tbody>'));
    const letters = [...body.matchAll(/<td>([A-Z ]+)<\/td>/g)].flatMap((m) => m[1].split(' ').filter(Boolean));
    expect(letters.length).toBe(rot.slots.filter((x) => x.week <= 13).length);
    expect((body.match(/<tr>/g) ?? []).length).toBe(rot.perPerson.length);
  });

  it('compares the scenarios with figures recomputed independently of the report', () => {
    const table = sectionText(html, 'scenarios');
    const tau = s.audit.metrics.tolerance;
    const f = [null, ...s.scenarios].map((x) => scenarioFigures(s.org, x ? x.allocation : null, tau));
    // Hours moved as each plan counted them (rotated chores are a rota, not hours changing hands).
    expect(table).toContain(`Hours moved a week 0.0 ${s.scenarios.map((x) => x.summary.movedHours.toFixed(1)).join(' ')}`);
    expect(table).toContain(`Absolute Gini, empowerment (points) ${f.map((x) => x.empowermentGini.toFixed(1)).join(' ')}`);
    expect(table).toContain(`of the mean empowerment ${f.map((x) => pct(x.withinBand)).join(' ')}`);
    expect(table).toContain(`People in the coordinator cluster ${f.map((x) => x.coordinatorPeople).join(' ')}`);
    expect(f[1].movedHours).toBeGreaterThan(0);
  });

  it('reports the merger: each organization on its own, the Theil split, the merged plan and programme hours', () => {
    const m = s.merger;
    const merger = sectionText(html, 'merger');
    expect(merger).toContain(`${m.matches.filter((x) => x.status === 'auto').length} matches found automatically`);
    for (const o of m.federated.organizations) {
      expect(merger).toContain(`${o.name} ${o.people} ${o.hours.toFixed(1)} ${o.empowerment.mean!.toFixed(1)} ${o.empowerment.absoluteGini.toFixed(1)} ${pct(o.empowerment.withinTolerance)}`);
    }
    const t = m.federated.theil.empowerment;
    expect(merger).toContain(`Empowerment ${t.total.toFixed(4)} ${t.between.toFixed(4)} ${pct(t.between / t.total)} ${t.within.toFixed(4)}`);
    const plan = sectionText(html, 'merged-plan');
    const r = m.proposal!.report;
    expect(plan).toContain(`${r.movedHours.toFixed(1)} of ${r.totalHours.toFixed(1)} weekly hours change hands`);
    for (const p of m.outcome.programme.filter((x) => x.department === null)) expect(plan).toContain(`${p.organization} All its work ${p.before.toFixed(1)} ${p.after!.toFixed(1)}`);
    expect(m.outcome.control.length).toBeGreaterThan(0);
    for (const c of m.outcome.control) expect(plan).toContain(c.task);
  });

  it('lists the coordinator cluster\'s members, its shape and its levels at τ, 2τ and 3τ', () => {
    const c = s.audit.metrics.coordinator;
    const cluster = sectionText(html, 'cluster');
    expect(c.members.length).toBeGreaterThan(0);
    expect(cluster).toContain(`Shape of the ranked jobs: ${clusterShapeLabel(c)}.`);
    for (const m of c.members) expect(cluster).toContain(`${m.name} ${m.role} ${m.department} ${m.hours.toFixed(1)} ${m.empowerment.toFixed(1)} ${(m.empowerment - s.audit.metrics.empowerment.mean!).toFixed(1)}`);
    for (const l of c.levels) expect(cluster).toContain(`${l.multiple}τ ${Math.round(l.threshold * 100) / 100} ${l.names.length} ${pct(l.hoursShare)}`);
  });

  it('has every chart once, as a figure with its own id', () => {
    const expected = ['job-map', 'ranked-empowerment', 'ranked-desirability', 'lorenz', 'theil', 'onerous', 'pay', 'proposal-map', 'proposal-ranked',
      'scenario-map-0', 'scenario-map-1', 'scenario-map-2', 'merger-means-empowerment', 'merger-means-desirability', 'merger-theil'];
    const ids = idCounts(html);
    for (const id of expected) expect(ids.get(id), id).toBe(1);
    const figures = [...html.matchAll(/<figure class="chart" id="([^"]+)"/g)].map((m) => m[1]);
    expect(figures.sort()).toEqual([...expected].sort());
    for (const id of figures) expect(html.slice(html.indexOf(`id="${id}"`)).split('</figure>')[0]).toMatch(/<svg[^>]*role="img"/);
  });

  it('puts the sections in order, the contents listing exactly them, the title page first', () => {
    const sections = [...html.matchAll(/<section class="major" id="([^"]+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['key-figures', 'charts', 'cluster', 'onerous-work', 'pay-audit', 'proposal', 'proposal-changes', 'proposal-care', 'scenarios', 'merger', 'merged-plan', 'method']);
    const contents = [...html.matchAll(/<li><a href="#([^"]+)">/g)].map((m) => m[1]);
    expect(contents).toEqual(sections);
    expect(html.indexOf('class="title-page"')).toBeLessThan(html.indexOf('<nav class="contents'));
    expect(text).toContain('Riverside Tenants Union Merger report Date 2025-03-14');
    expect(text).toContain('A merger of Riverside and Eastside');
    expect(text).toContain('A rating round: 12 forms returned by 11 raters; agreement between raters (Krippendorff\'s alpha) 0.81 for empowerment and 0.62 for desirability; 3 tasks contested; 1 task decided by the group.');
    expect(sectionText(html, 'cluster')).toContain(input.round!.sensitivity!);
  });

  it('names the pooling, not the first organization\'s file, when the audit is of the merged organization itself', () => {
    const title = (h: string) => textOf(h.slice(h.indexOf('class="title-page"'), h.indexOf('</header>')));
    expect(title(html)).toContain(`An audit of ${s.audit.totals.people} people’s jobs`);
    const merged = buildReportHtml({ ...input, audit: s.merger.audit });
    const a = s.merger.audit.totals;
    expect(title(merged)).toContain(`An audit of ${a.people} people’s jobs: ${a.hours.toFixed(1)} hours a week over ${a.tasks} tasks, the organizations below pooled.`);
  });

  it('says who rated how, from the audit\'s own rating sources', () => {
    const tasks = s.audit.tasks;
    const total = tasks.reduce((a, t) => a + t.hours, 0);
    const share = (source: string) => Math.round((100 * tasks.filter((t) => t.source === source).reduce((a, t) => a + t.hours, 0)) / total);
    expect(text).toContain(`${share('file')}% of hours rated in the file, ${share('suggested')}% by suggestion.`);
    const method = sectionText(html, 'method');
    expect(method).toContain(`${pct(s.audit.metrics.suggested.empowermentHoursShare)} of the hours rated for empowerment`);
    expect(method).toContain('τ = ±0.95 points');
  });
});
