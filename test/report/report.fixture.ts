// The Riverside sample with a proposal (chores rotating), two kept scenarios and a merger with the partner sample, made once per test file, for the report tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { makeProposal, type FullProposal } from '../../renderer/src/engine/balance/fullProposal';
import { importOrganization } from '../../renderer/src/engine/import';
import { matchTasks } from '../../renderer/src/engine/merge/match';
import { planMerger, type MergerResult } from '../../renderer/src/engine/merge/planMerger';
import type { ImportResult } from '../../renderer/src/engine/import/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { makeScenario, type Scenario } from '../../renderer/src/engine/scenarios';
import type { ReportInput } from '../../renderer/src/engine/report';
import { getHighs } from '../helpers/balance-run';

export interface Sample {
  org: Organization;
  result: ImportResult;
  audit: AuditReport;
  proposal: FullProposal;
  scenarios: Scenario[];
  merger: MergerResult;
}

export function load(file: string): { org: Organization; result: ImportResult } {
  const full = path.join(__dirname, '..', '..', 'resources', file);
  const result = importOrganization(new Uint8Array(readFileSync(full)), full);
  return { org: applySuggestions(result.organization!), result };
}

export function auditOf(org: Organization, result: ImportResult, pseudonymize = false): AuditReport {
  return buildAuditReport({ organization: org, issues: result.issues, layout: result.layout, file: 'sample-organization.xlsx', format: result.format }, { pseudonymize });
}

let made: Promise<Sample> | null = null;

export function riverside(): Promise<Sample> {
  made ??= getHighs().then((highs) => {
    const { org, result } = load('sample-organization.xlsx');
    const choreIds = org.tasks.filter((t) => ['Mop and wax floors', 'Empty trash and recycling'].includes(t.name)).map((t) => t.id);
    const proposal = makeProposal(org, highs, { desirability: true, granularity: 0.5, file: 'sample', choreIds });
    const wide = makeProposal(org, highs, { desirability: true, granularity: 0.5, tolerance: 2, file: 'sample' });
    const meta = (id: string, name: string) => ({ id, name, createdAt: '2025-03-01T10:00:00.000Z' });
    const scenarios = [makeScenario(proposal, org, meta('a', 'Tight band')), makeScenario(wide, org, meta('b', 'Wide band ±2'))];
    const partner = load('sample-partner.xlsx');
    const sources = [{ name: 'Riverside', organization: org, file: 'sample-organization.xlsx' }, { name: 'Eastside', organization: partner.org, file: 'sample-partner.xlsx' }];
    const merger = planMerger(sources, matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks }))), highs, { federated: false, noCrossTransfers: false, desirability: true, granularity: 0.5, file: 'merger' });
    return { org, result, audit: auditOf(org, result), proposal, scenarios, merger };
  });
  return made;
}

/** The audit alone: no proposal, scenarios, merger or round. */
export function bare(audit: AuditReport): ReportInput {
  return { organization: 'Riverside Tenants Union', date: '2025-03-14', generator: 'Fairshare 0.1.0', pageSize: 'A4', audit, proposal: null, scenarios: [], merger: null, round: null };
}

/** Every id of an element in the document, with how many times each occurs. */
export function idCounts(html: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of html.matchAll(/\sid="([^"]*)"/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return counts;
}

/** The document's text as a reader sees it: tags dropped, the escapes the report writes decoded, spaces collapsed. */
export function textOf(html: string): string {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<title>[\s\S]*?<\/title>/, '');
  return body.replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

/** The text of one major section (by id), or '' when the report has none. */
export function sectionText(html: string, id: string): string {
  const start = html.indexOf(`<section class="major" id="${id}"`);
  if (start < 0) return '';
  return textOf(html.slice(start, html.indexOf('</section>', start)));
}
