/**
 * The report's print rules and its omissions (issue 18): the page size from the input, the running
 * header and "Page N of M" in @page margin boxes, no chart or table row cut, repeated table headers,
 * the title page alone and each major section on a new page; sections without data left out, headings
 * and contents entries too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportHtml, reportScenarios, type ReportInput } from '../../renderer/src/engine/report';
import { cssString } from '../../renderer/src/engine/report/css';
import { auditOf, bare, load, riverside, sectionText, textOf, type Sample } from './report.fixture';

let s: Sample;
beforeAll(async () => {
  s = await riverside();
});

const styleOf = (html: string) => html.slice(html.indexOf('<style>'), html.indexOf('</style>'));
const sectionIds = (html: string) => [...html.matchAll(/<section class="major" id="([^"]+)"/g)].map((m) => m[1]);

/** Headings with nothing under them: followed at once by a heading of their level or above, or by the end of their section. */
function emptyHeadings(html: string): string[] {
  return [...html.matchAll(/<h([234])[^>]*>([^<]*)<\/h\1>\s*(?:<\/div>\s*)?(<h([234])|<\/section>|$)/g)]
    .filter((m) => m[3] === '</section>' || m[3] === '' || Number(m[4]) <= Number(m[1]))
    .map((m) => m[2]);
}

describe('print rules', () => {
  it('takes the page size from the input: A4 or US Letter', () => {
    const a4 = styleOf(buildReportHtml(bare(s.audit)));
    const letter = styleOf(buildReportHtml({ ...bare(s.audit), pageSize: 'Letter' }));
    expect(a4).toMatch(/@page \{\s*size: A4;/);
    expect(a4).not.toContain('size: letter');
    expect(letter).toMatch(/@page \{\s*size: letter;/);
    expect(letter).not.toContain('size: A4');
  });

  it('runs a header (organization · report title) and "Page N of M" in margin boxes, none on the title page', () => {
    const css = styleOf(buildReportHtml(bare(s.audit)));
    expect(css).toContain(`@top-left { content: ${cssString('Riverside Tenants Union · Work audit')};`);
    expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
    expect(css).toMatch(/@page :first \{\s*@top-left \{ content: none; \}\s*@bottom-right \{ content: none; \}/);
    const withPlan = styleOf(buildReportHtml({ ...bare(s.audit), proposal: { label: 'Proposal', full: s.proposal } }));
    expect(withPlan).toContain(cssString('Riverside Tenants Union · Work audit and proposal'));
  });

  it('never cuts a chart or a row, repeats table headers, puts the title page alone and each major section on a new page', () => {
    const css = styleOf(buildReportHtml(bare(s.audit)));
    expect(css).toMatch(/\.keep, figure, tr, [^{]*\{ break-inside: avoid;/);
    expect(css).toContain('thead { display: table-header-group; }');
    expect(css).toContain('section.major { break-before: page;');
    expect(css).toMatch(/\.title-page \{ break-after: page;/);
    expect(css).toMatch(/h1, h2, h3, h4 \{[^}]*break-after: avoid;/);
  });
});

describe('sections left out when their data is absent', () => {
  it('the audit alone: no proposal, scenario or merger section, heading or contents entry', () => {
    const html = buildReportHtml(bare(s.audit));
    expect(sectionIds(html)).toEqual(['key-figures', 'charts', 'cluster', 'onerous-work', 'pay-audit', 'method']);
    const text = textOf(html);
    for (const absent of ['The proposal', 'Scenarios compared', 'The merger', 'The merged plan', 'Training and chore rotation', 'Sensitivity to the contested ratings', 'A rating round']) expect(text).not.toContain(absent);
    expect(emptyHeadings(html)).toEqual([]);
    // "Current" alone compares nothing.
    const current = buildReportHtml({ ...bare(s.audit), scenarios: reportScenarios(s.org, [], s.audit.metrics.tolerance) });
    expect(sectionIds(current)).not.toContain('scenarios');
  });

  it('no pay in the roster: no pay audit and no pay chart', () => {
    const { org, result } = load('sample-organization.xlsx');
    const unpaid = { ...org, people: org.people.map((p) => ({ ...p, annualPay: null, hourlyRate: null })) };
    const html = buildReportHtml(bare(auditOf(unpaid, result)));
    expect(sectionIds(html)).not.toContain('pay-audit');
    expect(html).not.toContain('id="pay"');
    expect(textOf(html)).not.toContain('The pay audit');
  });

  it('nothing rated: key figures say so; no charts, cluster or onerous work, the pay audit without its chart', () => {
    const { org, result } = load('sample-organization.xlsx');
    const unrated = { ...org, tasks: org.tasks.map((t) => ({ ...t, empowerment: null, desirability: null, source: 'unrated' as const })) };
    const audit = auditOf(unrated, result);
    const html = buildReportHtml(bare(audit));
    // Pay ratios need no rating; the chart of pay against empowerment has nothing to draw.
    expect(sectionIds(html)).toEqual(['key-figures', 'pay-audit', 'method']);
    expect(html).not.toContain('<figure');
    const mean = audit.readings.find((r) => r.key === 'empowerment.mean')!;
    expect(mean.figure).toBe('—');
    expect(sectionText(html, 'key-figures')).toContain(mean.text);
    expect(emptyHeadings(html)).toEqual([]);
  });

  it('a proposal that cannot be met: its reason, and no plan tables or plan charts', () => {
    const r = s.proposal.report;
    const message = 'A tolerance of ±0.1 points cannot be met; the tightest reachable is ±0.4.';
    const failed: ReportInput = { ...bare(s.audit), proposal: { label: 'Tight', full: { ...s.proposal, report: { ...r, status: 'infeasible', diagnosis: { tightestTolerance: 0.4, blockers: [], message } } } } };
    const html = buildReportHtml(failed);
    expect(sectionIds(html)).toEqual(['key-figures', 'charts', 'cluster', 'onerous-work', 'pay-audit', 'proposal', 'method']);
    expect(sectionText(html, 'proposal')).toContain(`This cannot be met. ${message}`);
    expect(html).not.toContain('id="proposal-map"');
    expect(emptyHeadings(html)).toEqual([]);
  });

  it('the full report has no heading without content either', () => {
    const html = buildReportHtml({ ...bare(s.audit), proposal: { label: 'Proposal', full: s.proposal }, scenarios: reportScenarios(s.org, s.scenarios, s.audit.metrics.tolerance), merger: s.merger });
    expect(emptyHeadings(html)).toEqual([]);
  });
});
