/**
 * What the report covers, taken from the other views' state (issue 18): the proposal on screen when
 * it is current, the scenarios the Scenarios view compares, the merger on screen as the engine's
 * MergerResult, and the rating round's result with the proposal sensitivity computed for it. Pure but
 * for the pooled audit, which the caller computes (in the worker).
 */
import type { AuditReport } from '../engine/analysis/auditReport';
import type { FullProposal } from '../engine/balance/fullProposal';
import type { Project } from '../engine/formats/projectFile';
import { federatedView } from '../engine/merge/federated';
import { mergeOutcome } from '../engine/merge/outcome';
import type { MergerResult } from '../engine/merge/planMerger';
import type { Organization } from '../engine/model/types';
import { collectRound } from '../engine/ratingRound/collect';
import type { RoundResult } from '../engine/ratingRound/result';
import type { RoundSensitivity } from '../engine/ratingRound/sensitivity';
import type { ReadForm } from '../engine/ratingRound/types';
import { MAX_COMPARED, type Scenario } from '../engine/scenarios';
import { openNameOf, type MergerState } from './merger';
import { afterPlan, findMatches, isMerged, mergerFigures, mergeSources, pooledInWorkspace } from './mergerFigures';
import type { ProposalState } from './proposal';
import type { ProposalSensitivityState } from './ratingRoundSensitivity';
import { comparedScenarios, scenariosOf } from './scenarios';

/** The parts of the report besides the audit, each of which the person may leave out. */
export type ReportPart = 'proposal' | 'scenarios' | 'merger' | 'round';
export const REPORT_PARTS: readonly ReportPart[] = ['proposal', 'scenarios', 'merger', 'round'];

type ProposalView = Pick<ProposalState, 'result' | 'resultRevision' | 'resultPseudonymized'>;

/** The proposal on screen when it was made for this revision of the project and this Pseudonymize setting (as the proposal export checks), else null. */
export function currentProposal(p: ProposalView, revision: number, pseudonymize: boolean): FullProposal | null {
  return p.result && p.resultRevision === revision && p.resultPseudonymized === pseudonymize ? p.result : null;
}

/** The plan of a current proposal that has one (a balanced or planned status), for the merger's figures after it. */
function plannedHours(full: FullProposal | null): FullProposal['allocationIds'] | null {
  const ok = full?.report.status === 'optimal' || full?.report.status === 'balanced';
  return ok ? full?.allocationIds ?? null : null;
}

/** The scenarios compared: those ticked in the Scenarios view, else (none ticked, e.g. a project just reopened) the first kept ones. */
export function scenariosForReport(project: Project | null, compare: readonly string[]): Scenario[] {
  const kept = scenariosOf(project);
  const ticked = comparedScenarios(kept, compare);
  return (ticked.length ? ticked : kept).slice(0, MAX_COMPARED);
}

/** The round's result when the forms read give at least one rating of the project's tasks, else null. */
export function roundResultFor(forms: readonly ReadForm[], org: Organization, tolerance: number): RoundResult | null {
  if (forms.length === 0) return null;
  const result = collectRound(forms, org, tolerance);
  return result.spreads.some((s) => s.raters > 0) ? result : null;
}

/**
 * The exact proposal's sensitivity when the Rating round view computed it for this organization, τ and
 * round (the view's round is its own object: the same forms give the same spreads).
 */
export function proposalSensitivityFor(s: ProposalSensitivityState, org: Organization, result: RoundResult, tolerance: number): RoundSensitivity['proposal'] {
  const key = s.key;
  if (!key || !s.value || key.org !== org || key.tolerance !== tolerance) return null;
  return JSON.stringify(key.result.spreads) === JSON.stringify(result.spreads) ? s.value.proposal : null;
}

/** What the merger view holds for the report: nothing, the merger being planned, or the merged organization in the workspace. */
export function mergerOnScreen(project: Project | null, merger: Pick<MergerState, 'partners'>): boolean {
  return !!project && (merger.partners.length > 0 || isMerged(project.organization));
}

export interface MergerSources {
  project: Project;
  revision: number;
  pseudonymize: boolean;
  /** The workspace's audit as the report uses it (pseudonymized, groups hidden): the merged audit when the workspace holds the merger. */
  audit: AuditReport;
  merger: Pick<MergerState, 'partners' | 'openName' | 'reviewed' | 'applied'>;
  proposal: ProposalView;
  /** τ in points. */
  tolerance: number;
}

/**
 * The merger on screen as the engine's MergerResult, or null. Planned but not used: the pooled
 * organization, its audit (`auditPooled`), the federated view and programme hours before. In the
 * workspace: the same for the organization it holds, with the current proposal's plan and its outcome.
 */
export async function mergerForReport(s: MergerSources, auditPooled: (org: Organization) => Promise<AuditReport>): Promise<MergerResult | null> {
  const org = s.project.organization;
  const merged = isMerged(org);
  const base = merged ? s.merger.applied?.base ?? null : org;
  const sources = base && s.merger.partners.length ? mergeSources(base, openNameOf(s.merger, s.project.name), s.merger.partners) : null;
  const figures = sources ? mergerFigures(sources, findMatches(sources), s.merger.reviewed, s.tolerance) : null;
  if (merged) {
    const pooled = pooledInWorkspace(org, s.merger.applied);
    if (!pooled) return null;
    const proposal = currentProposal(s.proposal, s.revision, s.pseudonymize);
    const plan = plannedHours(proposal);
    return {
      pooled, matches: figures?.matches ?? [], tolerance: s.tolerance, audit: s.audit,
      federated: federatedView(pooled, s.tolerance), federatedPlans: null,
      proposal, noCrossNote: null,
      outcome: plan ? afterPlan(pooled, plan) : mergeOutcome(pooled, null),
    };
  }
  if (!figures) return null;
  return {
    pooled: figures.pooled, matches: figures.matches, tolerance: s.tolerance, audit: await auditPooled(figures.pooled.organization),
    federated: figures.federated, federatedPlans: null, proposal: null, noCrossNote: null, outcome: figures.before,
  };
}

/** Replaces hidden role and department names (a masker from analysis/singletons) in the proposal's job cards. */
export function maskProposal(full: FullProposal, mask: (name: string) => string): FullProposal {
  const m = (name: string | null) => (name === null ? null : mask(name));
  return { ...full, report: { ...full.report, jobs: full.report.jobs.map((j) => ({ ...j, role: m(j.role), department: m(j.department) })) } };
}

/** Replaces hidden department names in the merger's programme table (the one place it names a group). */
export function maskMerger(merger: MergerResult, mask: (name: string) => string): MergerResult {
  const programme = merger.outcome.programme.map((p) => (p.department === null ? p : { ...p, department: mask(p.department) }));
  return { ...merger, outcome: { ...merger.outcome, programme } };
}
