/**
 * The whole merger a host asks for (the CLI's `merge`, the app's merger view): the organizations
 * pooled over their matches, the merged audit, the federated figures and, unless federated only,
 * the merged proposal with what it does to each side.
 */
import { buildAuditReport, type AuditReport } from '../analysis/auditReport';
import { defaultTolerance } from '../analysis/metrics';
import { disposePending, makeProposal, makeProposalPlan, type FullProposal, type ProposalSettings, type ProposalStep } from '../balance/fullProposal';
import type { Highs } from '../balance/types';
import type { Organization } from '../model/types';
import { federatedView, subOrganization, type FederatedView } from './federated';
import { mergeOutcome, type MergeOutcome } from './outcome';
import { poolOrganizations } from './pool';
import { separateByOrganization, toPooledHours } from './separate';
import type { MergeSource, PooledOrganization, TaskMatch } from './types';

export interface MergeSettings extends Omit<ProposalSettings, 'file'> {
  /** Only the federated view: each organization balanced within itself, no merged plan. */
  federated: boolean;
  /** The merged plan keeps each organization's hours on each task (no work passes between organizations). */
  noCrossTransfers: boolean;
  /** Shown as the merged audit's and proposal's file. */
  file: string;
  /** The merged plan alone: no options curve or learning cost (the app asks for them in a second step). */
  planOnly?: boolean;
}

/** One organization balanced within itself (federated view). */
export interface FederatedPlan {
  organization: string;
  status: string;
  /** Weekly hours that change hands in the organization's own plan. */
  movedHours: number;
  bound: number | null;
  transfers: number;
}

export interface MergerResult {
  pooled: PooledOrganization;
  matches: TaskMatch[];
  tolerance: number;
  audit: AuditReport;
  federated: FederatedView;
  /** Each organization's own plan: only in the federated view. */
  federatedPlans: FederatedPlan[] | null;
  /** The merged plan; null in the federated view. */
  proposal: FullProposal | null;
  /** With noCrossTransfers, why the band cannot be met: organizations whose own work averages outside ±τ of the pooled mean. Null otherwise. */
  noCrossNote: string | null;
  outcome: MergeOutcome;
}

export type MergeStep = 'pool' | 'federated' | ProposalStep;

export function planMerger(sources: readonly MergeSource[], matches: TaskMatch[], highs: Highs | null, settings: MergeSettings, onProgress: (step: MergeStep, done: number, total: number) => void = () => undefined): MergerResult {
  const scale = sources[0].organization.scale;
  const tolerance = settings.tolerance ?? defaultTolerance(scale);
  onProgress('pool', 0, 1);
  const pooled = poolOrganizations(sources, matches, { tolerance });
  const audit = buildAuditReport({ organization: pooled.organization, issues: [], layout: { layout: 'none', confidence: 0, sheets: [] }, file: settings.file, format: 'merger' }, { tolerance });
  const federated = federatedView(pooled, tolerance);
  const proposalSettings: ProposalSettings = { ...settings, tolerance };
  if (settings.federated || !highs) {
    const federatedPlans = highs
      ? pooled.organizations.map((name, i): FederatedPlan => {
          onProgress('federated', i, pooled.organizations.length);
          const made = makeProposal(subOrganization(pooled, name), highs, { ...proposalSettings, file: `${settings.file} — ${name}` });
          return { organization: name, status: made.report.status, movedHours: made.report.movedHours, bound: made.report.bound ?? null, transfers: made.report.transfers.length };
        })
      : null;
    return { pooled, matches, tolerance, audit, federated, federatedPlans, proposal: null, noCrossNote: null, outcome: mergeOutcome(pooled, null) };
  }
  const separated = settings.noCrossTransfers ? separateByOrganization(pooled) : null;
  const target = separated?.organization ?? pooled.organization;
  const proposal = settings.planOnly ? planAlone(target, highs, proposalSettings, onProgress) : makeProposal(target, highs, proposalSettings, onProgress);
  const planned = proposal.allocationIds ?? null;
  const after = planned && (proposal.report.status === 'optimal' || proposal.report.status === 'balanced') ? (separated ? toPooledHours(planned, separated.pooledTaskOf) : planned) : null;
  const noCrossNote = separated ? apartNote(audit, federated, tolerance) : null;
  return { pooled, matches, tolerance, audit, federated, federatedPlans: null, proposal, noCrossNote, outcome: mergeOutcome(pooled, after) };
}

function planAlone(org: Organization, highs: Highs, settings: ProposalSettings, onProgress: (step: ProposalStep, done: number, total: number) => void): FullProposal {
  const { proposal, pending } = makeProposalPlan(org, highs, settings, onProgress);
  disposePending(pending);
  return proposal;
}

/**
 * Kept apart, an organization's jobs average its own mean (its hours and tasks stay its own), so
 * when that mean is more than τ from the pooled mean no plan can bring all its jobs within the band.
 */
function apartNote(audit: AuditReport, federated: FederatedView, tolerance: number): string | null {
  const out: string[] = [];
  for (const dim of ['empowerment', 'desirability'] as const) {
    const pooledMean = audit.metrics[dim].mean;
    if (pooledMean === null) continue;
    for (const o of federated.organizations) {
      const m = o[dim].mean;
      if (m !== null && Math.abs(m - pooledMean) > tolerance + 1e-9) out.push(`${o.name}'s own work averages ${m.toFixed(1)} on ${dim}, ${Math.abs(m - pooledMean).toFixed(1)} points from the pooled mean of ${pooledMean.toFixed(1)}`);
    }
  }
  if (out.length === 0) return null;
  return `Without work crossing organizations, every job cannot come within ±${tolerance} of the pooled mean: ${out.join('; ')}. Let work cross, or widen the band past that gap.`;
}
