/**
 * The whole proposal a host asks for (the CLI's `propose`, a merger's plan): qualifications first,
 * chores rotated, the plan in whole blocks against its exact bound, training and the report
 * (proposalPlan.ts), then the options curve and the learning-cost trade-off (proposalExtras.ts) —
 * with one exact LP shared by every step that needs it. The app runs the two phases as two worker
 * jobs, so the plan is on screen while the curve is traced; this is them in one call.
 */
import type { Organization } from '../model/types';
import { addProposalExtras, proposalExtras } from './proposalExtras';
import { makeProposalPlan, type FullProposal, type ProposalSettings, type ProposalStep } from './proposalPlan';
import type { Highs } from './types';

export { LEARNING_COST_MAX_PEOPLE, makeProposalPlan, disposePending } from './proposalPlan';
export type { ExtrasToCome, FullProposal, PendingExtras, ProposalPlan, ProposalSettings, ProposalStep } from './proposalPlan';
export { addProposalExtras, proposalExtras } from './proposalExtras';
export type { ExtrasStep, ProposalExtras } from './proposalExtras';

/** Progress: the plan's exact (0), blocks (1) and care (2) of 4, then the curve and learning cost (3) until done (4). */
export function makeProposal(organization: Organization, highs: Highs, settings: ProposalSettings, onProgress: (step: ProposalStep, done: number, total: number) => void = () => undefined): FullProposal {
  const steps = 4;
  const { proposal, pending } = makeProposalPlan(organization, highs, settings, (step, done) => onProgress(step, done === 3 ? 3 : done, steps));
  if (!pending) {
    onProgress('care', steps, steps);
    return proposal;
  }
  const extras = proposalExtras(pending, (_step, done) => onProgress('learning', done === 2 ? steps : 3, steps));
  return addProposalExtras(proposal, extras);
}
