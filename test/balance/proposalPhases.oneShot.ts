/**
 * The oracle of test/balance/proposalPhases.test.ts: makeProposal as it was before the app split it
 * into a plan and its extras (commit 803b67d), verbatim but for the imports — one call that solves
 * the exact LP, traces the options curve inside propose, puts the plan in blocks, weighs the
 * learning cost and builds the report. The composed makeProposal must give the very same result.
 */
import type { Organization } from '../../renderer/src/engine/model/types';
import { defaultTolerance, isLowDesirability } from '../../renderer/src/engine/analysis/metrics';
import { qualifyFromCurrent } from '../../renderer/src/engine/training';
import { rotateChores } from '../../renderer/src/engine/rotation/withRotation';
import { rotationReport } from '../../renderer/src/engine/rotation/rotationReport';
import { DEFAULT_MAX_NEW_TASKS, DEFAULT_MIN_BLOCK, type BlockPlan } from '../../renderer/src/engine/balance/blocks';
import { carryOut } from '../../renderer/src/engine/balance/carryOut';
import { learningCost } from '../../renderer/src/engine/balance/learningCost';
import { planCare } from '../../renderer/src/engine/balance/planCare';
import { buildProposalReport, type ProposalReport } from '../../renderer/src/engine/balance/proposalReport';
import { SharedExact } from '../../renderer/src/engine/balance/sharedExact';
import { TIME_LIMITS } from '../../renderer/src/engine/balance/solverRun';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { invalidInput } from '../../renderer/src/engine/balance/validate';
import type { FullProposal, ProposalSettings, ProposalStep } from '../../renderer/src/engine/balance/fullProposal';

/** Largest organization for which the learning-cost trade-off is traced (two more exact solves; λ = 0 is the plan's own). */
const LEARNING_COST_MAX_PEOPLE = 600;

/** The block plan's rules and who is over K or out of band, by name (null when the plan is the exact one). */
function blocksJson(org: Organization, b: BlockPlan | null): ProposalReport['blocks'] {
  if (!b) return null;
  const name = new Map(org.people.map((p) => [p.id, p.name]));
  const task = new Map(org.tasks.map((t) => [t.id, t.name]));
  return {
    remainders: b.remainders.map((r) => ({ person: name.get(r.personId) ?? r.personId, task: task.get(r.taskId) ?? r.taskId, change: r.change, nonBlock: r.nonBlock, why: r.why })),
    status: b.status, granularity: b.granularity, minBlock: b.minBlock, maxNewTasks: b.maxNewTasks, shortTransfers: b.shortTransfers,
    overNewTasks: b.overNewTasks.map((o) => ({ person: name.get(o.personId) ?? o.personId, newTasks: o.newTasks, message: o.message })),
    outOfBand: b.outOfBand.map((o) => ({ person: name.get(o.personId) ?? o.personId, dimension: o.dimension, score: o.score, mean: o.mean, excess: o.excess, fix: o.fix, neededTolerance: o.neededTolerance, message: o.message })),
  };
}

export function oneShotProposal(organization: Organization, highs: Highs, settings: ProposalSettings, onProgress: (step: ProposalStep, done: number, total: number) => void = () => undefined): FullProposal {
  // With qualifyFromCurrent the solver sees tasks that usually need a qualification as requiring
  // "does it now"; the report and the care notes are about the organization as imported.
  const qualified = settings.qualifyFromCurrent ? qualifyFromCurrent(organization) : organization;
  const rotated = rotateChores(qualified, { choreIds: settings.choreIds, weeks: settings.rotationWeeks });
  const rotationNote = rotated && 'error' in rotated ? `Chores do not rotate: ${rotated.error}; they are divided like other tasks.` : null;
  const rotation = rotated && !('error' in rotated) ? rotated : null;
  const planned = rotation?.org ?? qualified;
  const tolerance = settings.tolerance ?? defaultTolerance(planned.scale);
  const range = planned.scale.max - planned.scale.min;
  const steps = 4;
  onProgress('exact', 0, steps);
  // Only an input propose accepts gets a model built ahead of it (propose explains the others).
  const shared = invalidInput(planned, tolerance, settings.granularity) === null && range > 0
    ? new SharedExact(planned, highs, settings.desirability, rotation?.personHours, tolerance / range, TIME_LIMITS.main)
    : undefined;
  try {
    const made = carryOut(planned, highs, {
      tolerance, desirability: settings.desirability, granularity: settings.granularity, personHours: rotation?.personHours,
      minBlock: settings.minBlock, maxNewTasks: settings.maxNewTasks, shared,
      onProgress: (phase) => onProgress(phase === 'options' ? 'blocks' : 'exact', phase === 'options' ? 1 : 0, steps),
    });
    const proposal = made.proposal;
    onProgress('learning', 2, steps);
    const optimal = made.bound !== null && proposal.status === 'optimal';
    const learningSkipped = optimal && organization.people.length > LEARNING_COST_MAX_PEOPLE;
    const learning = optimal && !learningSkipped
      ? learningCost(planned, highs, { tolerance: proposal.tolerance, desirability: settings.desirability, personHours: rotation?.personHours, shared })
      : undefined;
    onProgress('care', 3, steps);
    const care = planCare(organization, proposal.allocation, { tolerance: proposal.tolerance, qualifiedFromCurrent: settings.qualifyFromCurrent });
    const rotationJson = rotation ? rotationReport(organization, rotation) : null;
    const flags = {
      tolerance: proposal.tolerance, dimensions: settings.desirability ? 'empowerment and desirability' : 'empowerment', granularity: settings.granularity,
      minBlock: made.blocks?.minBlock ?? settings.minBlock ?? DEFAULT_MIN_BLOCK, maxNewTasks: made.blocks?.maxNewTasks ?? settings.maxNewTasks ?? DEFAULT_MAX_NEW_TASKS,
      qualifyFromCurrent: settings.qualifyFromCurrent ?? false, chores: rotationJson?.chores.map((c) => c.task) ?? [], rotationWeeks: rotationJson?.weeks ?? null,
    };
    const report: ProposalReport = {
      ...buildProposalReport(organization, proposal, settings.file, settings.granularity),
      bound: made.bound, gap: made.bound === null ? null : made.bound > 1e-9 ? proposal.movedHours / made.bound - 1 : 0,
      blocks: blocksJson(organization, made.blocks),
      ...(learning ? { learningCost: learning } : {}),
      training: care.training, trainingHours: care.trainingHours, qualifications: care.qualifications, rotation: rotationJson, flags,
      lowDesirabilityTasks: organization.tasks.filter(isLowDesirability).map((t) => t.name),
    };
    onProgress('care', steps, steps);
    return { report, care, rotation: rotationJson, rotationNote, learningSkipped, allocationIds: proposal.allocation };
  } finally {
    shared?.dispose();
  }
}
