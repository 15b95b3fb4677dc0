/**
 * Big organizations stay a report (issue 18): the changed jobs, transfers and training rows are listed
 * up to the cap, then a sentence says how many more the workbook holds, never dropping a row silently;
 * totals are over every row, not the shown ones; a 2,000-person audit gives a bounded document quickly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import type { FullProposal } from '../../renderer/src/engine/balance/fullProposal';
import type { Organization } from '../../renderer/src/engine/model/types';
import { buildReportHtml, ROW_CAP } from '../../renderer/src/engine/report';
import { bare, idCounts, riverside, sectionText, type Sample } from './report.fixture';
// @ts-expect-error plain JavaScript helper shared with the benchmark
import { generateOrganization } from '../../bench/lib/propose-org.mjs';

let s: Sample;
beforeAll(async () => {
  s = await riverside();
});

/** The Riverside proposal with its lists grown to `n` entries each, every entry a distinct person. */
function grown(full: FullProposal, n: number): FullProposal {
  const r = full.report;
  const pick = <T,>(list: readonly T[], i: number) => list[i % list.length];
  const changed = r.jobs.filter((j) => j.gained.length > 0);
  return {
    ...full,
    care: { ...full.care, training: Array.from({ length: n }, (_, i) => ({ ...pick(full.care.training, i), person: `Trainee ${i}` })) },
    report: {
      ...r,
      jobs: Array.from({ length: n }, (_, i) => ({ ...pick(changed, i), name: `Person ${i}` })),
      transfers: Array.from({ length: n }, (_, i) => ({ ...pick(r.transfers, i), to: `Taker ${i}` })),
    },
  };
}

/** Body rows of the first table after `marker` in the document. */
function bodyRows(html: string, marker: string): number {
  const from = html.indexOf(marker);
  const body = html.slice(html.indexOf('<tbody>', from), html.indexOf('</tbody>', from));
  return (body.match(/<tr>/g) ?? []).length;
}

describe('long lists', () => {
  it('prints the cap, then says how many more rows the workbook holds', () => {
    const n = 2_000;
    const full = grown(s.proposal, n);
    const html = buildReportHtml({ ...bare(s.audit), proposal: { label: 'Proposal', full } });
    const left = n - ROW_CAP;
    expect(ROW_CAP).toBe(300);
    expect(bodyRows(html, '<h3>Changed jobs</h3>')).toBe(ROW_CAP);
    expect(bodyRows(html, '<h3>Transfers</h3>')).toBe(ROW_CAP);
    expect(bodyRows(html, '<h3>Training</h3>')).toBe(ROW_CAP);
    const changes = sectionText(html, 'proposal-changes');
    expect(changes).toContain(`… and ${left} more changed jobs: see the proposal workbook.`);
    expect(changes).toContain(`… and ${left} more transfers: see the proposal workbook.`);
    expect(changes).toContain(`Person ${ROW_CAP - 1} `);
    expect(changes).not.toContain(`Person ${ROW_CAP} `);
    expect(sectionText(html, 'proposal-care')).toContain(`… and ${left} more training rows: see the proposal workbook.`);
    // The sentence on all transfers sums every one of them, not the rows shown.
    const total = full.report.transfers.reduce((a, t) => a + t.hours, 0);
    expect(changes).toContain(`together they move ${total.toFixed(1)} hours a week`);
  });

  it('says nothing of more rows when every row fits', () => {
    const html = buildReportHtml({ ...bare(s.audit), proposal: { label: 'Proposal', full: s.proposal } });
    expect(html).not.toContain('more transfers');
    expect(bodyRows(html, '<h3>Transfers</h3>')).toBe(s.proposal.report.transfers.length);
  });

  it('builds the report of a 2,000-person organization quickly, bounded in size, every chart once', () => {
    const org = (generateOrganization(2_000) as { org: Organization }).org;
    const audit = buildAuditReport({ organization: org, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file: 'generated', format: 'generated' });
    const started = performance.now();
    const html = buildReportHtml(bare(audit));
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(5_000);
    expect(html.length).toBeLessThan(4_000_000);
    const ids = idCounts(html);
    for (const id of ['job-map', 'ranked-empowerment', 'ranked-desirability', 'lorenz', 'theil', 'onerous']) expect(ids.get(id), id).toBe(1);
    const members = audit.metrics.coordinator.members.length;
    const cluster = sectionText(html, 'cluster');
    if (members > ROW_CAP) expect(cluster).toContain(`… and ${members - ROW_CAP} more members: see the summary workbook.`);
    else expect(bodyRows(html, '<h3>Members</h3>')).toBe(members);
  });
});
