/**
 * The engine worker's `reportHtml` job (issue 18): the scenarios compared and the rating round's
 * sensitivity scored here first (each a few audits of the organization, kept off the UI thread),
 * people named by the audit's codes when pseudonymized, then the report document.
 */
import { pseudonymizer } from '../engine/analysis/pseudonymize';
import { roundSensitivity } from '../engine/ratingRound/sensitivity';
import { buildReportHtml, reportRound, reportScenarios } from '../engine/report';
import type { ReportJobArgs } from './protocol';

export function reportJob({ input, organization, scenarios, round, tolerance, pseudonymize }: ReportJobArgs): string {
  // The same codes the audit gives (people in the organization's order).
  const alias = pseudonymize ? pseudonymizer(organization.people.map((p) => p.name)) : null;
  const rename = alias ? (n: string) => alias.name(n) : undefined;
  // The round's cluster at the contested quartiles (no solver); the proposal's part as the Rating round view computed it.
  const sensitivity = round && { ...roundSensitivity(organization, round.result, tolerance), proposal: round.proposal };
  return buildReportHtml({
    ...input,
    scenarios: scenarios.length ? reportScenarios(organization, scenarios, tolerance, rename) : [],
    round: round && sensitivity ? reportRound(round.result, organization, sensitivity, rename) : null,
  });
}
