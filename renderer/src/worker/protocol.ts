/** Messages between the UI and the engine worker: one request kind per engine job, typed end to end. */
import type { ImportOptions, ImportResult } from '../engine/import/types';
import type { CategoryPlan } from '../engine/categories/balance';
import type { AuditOptions, AuditReport } from '../engine/analysis/auditReport';
import type { ImportIssue, Organization } from '../engine/model/types';
import type { LayoutReport } from '../engine/import/types';
import type { ProposePhase } from '../engine/balance/types';
import type { ExtrasStep, ExtrasToCome, FullProposal, ProposalExtras, ProposalSettings, ProposalStep } from '../engine/balance/fullProposal';
import type { ProposalReport } from '../engine/balance/proposalReport';
import type { RoundResult } from '../engine/ratingRound/result';
import type { RoundSensitivity } from '../engine/ratingRound/sensitivity';
import type { ReportInput } from '../engine/report/types';
import type { Scenario } from '../engine/scenarios/types';

export interface AuditInputMessage {
  organization: Organization;
  issues: ImportIssue[];
  layout: LayoutReport;
  file: string;
  format: string;
}

/**
 * The audit's input by reference: the organization an import job kept (`keepAs`), still in the
 * worker, so confirming an import does not send thousands of people back across the boundary.
 */
export interface KeptImportRef {
  importRef: string;
}

/** The worker no longer holds the referenced import (a newer import replaced it, or the worker restarted): send the input instead. */
export const STALE_IMPORT_REF = 'stale import reference';

export type EngineJobs = {
  /**
   * Spreadsheet bytes → organization (with suggestions applied unless `suggest` is false). With
   * `keepAs`, the worker keeps the result for a later audit by reference and, with `prepareAudit`,
   * computes that audit while the user looks at the import wizard.
   */
  import: {
    args: { bytes: Uint8Array; fileName: string; options: Omit<ImportOptions, 'inflateCheck'>; suggest: boolean; keepAs?: string; prepareAudit?: AuditOptions };
    result: ImportResult;
  };
  audit: { args: { input: AuditInputMessage | KeptImportRef; options: AuditOptions }; result: AuditReport };
  /** The category LP (issue 17): the fewest hours moved so every share is within ±delta (share units) of the organization's. */
  balanceCategories: { args: { organization: Organization; delta: number }; result: CategoryPlan };
  /**
   * A proposal's plan (makeProposalPlan): all the results but the options curve and the learning cost,
   * which `extras` says are to come. The worker keeps the plan's exact LP under `token` for
   * `proposeExtras` (until it is asked for, a newer plan replaces it, or the worker stops). With
   * `pseudonymize`, people are named by their codes (P-001…) throughout.
   */
  propose: { args: { organization: Organization; settings: ProposalSettings; pseudonymize: boolean }; result: ProposedPlan };
  /** The options curve and the learning cost of the plan kept under `token` (proposalExtras); add them with addProposalExtras. */
  proposeExtras: { args: { token: number }; result: ProposalExtras };
  /** Loads the solver ahead of a proposal (the Proposal view asks when it opens), so the click does not wait for it. */
  prepareSolver: { args: Record<string, never>; result: null };
  summaryWorkbook: { args: { report: AuditReport; generatedAt: string | null; hoursBasis?: string | null }; result: Uint8Array };
  proposalWorkbook: { args: { report: ProposalReport; generatedAt: string | null }; result: Uint8Array };
  /** The round's sensitivity with the exact proposal (roundSensitivity with the solver: three LP solves). */
  roundSensitivity: { args: { organization: Organization; result: RoundResult; tolerance: number }; result: RoundSensitivity };
  /** The printable report (engine/report buildReportHtml) as one HTML document: 0.3 s at 2,000 people with a proposal. */
  reportHtml: { args: ReportJobArgs; result: string };
};

/**
 * The printable report's job: the input the UI gathered, and what the worker scores first (each a few
 * audits of `organization`): the scenarios compared beside it and the rating round's sensitivity.
 */
export interface ReportJobArgs {
  input: Omit<ReportInput, 'scenarios' | 'round'>;
  /** The organization the scenarios and the round are scored on (its people's real names). */
  organization: Organization;
  /** Kept scenarios to compare with the organization as it is; none: no comparison. */
  scenarios: Scenario[];
  /** The rating round's result, and the exact proposal's sensitivity when it was computed. */
  round: { result: RoundResult; proposal: RoundSensitivity['proposal'] } | null;
  /** τ in points of the project scale. */
  tolerance: number;
  /** Name the scenarios' and the round's people by the audit's codes. */
  pseudonymize: boolean;
}

export interface ProposedPlan {
  plan: FullProposal;
  /** What is still to come (null: the plan is final) and the token to ask for it with. */
  extras: { todo: ExtrasToCome; token: number } | null;
}

/** The worker no longer holds the plan `proposeExtras` asks about (a newer plan replaced it, or the worker restarted). */
export const STALE_PLAN = 'the plan is no longer held by the engine';

export type JobKind = keyof EngineJobs;

export type EngineRequest = { [K in JobKind]: { id: number; kind: K; args: EngineJobs[K]['args'] } }[JobKind];

export type EngineResponse =
  | { id: number; type: 'done'; value: unknown }
  | { id: number; type: 'failed'; message: string }
  | { id: number; type: 'progress'; phase: ProposePhase | ProposalStep | ExtrasStep | 'read'; done: number; total: number };
