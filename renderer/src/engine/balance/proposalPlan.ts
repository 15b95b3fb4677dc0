/**
 * The first of a proposal's two phases (fullProposal.ts composes them): everything the results need
 * to be shown — qualifications, chores rotated, the exact bound, the plan in whole blocks, training
 * and the report — leaving the options curve and the learning cost (a solve per point, most of the
 * time at a few hundred people) to proposalExtras.ts, which reuses this phase's exact LP.
 */
import { curveTooSlow, slowCurveNote } from './propose';
import type { Organization } from '../model/types';
import { defaultTolerance, isLowDesirability } from '../analysis/metrics';
import { qualifyFromCurrent } from '../training';
import { rotateChores } from '../rotation/withRotation';
import { rotationReport, type RotationReport } from '../rotation/rotationReport';
import { DEFAULT_MAX_NEW_TASKS, DEFAULT_MIN_BLOCK, type BlockPlan } from './blocks';
import { carryOut } from './carryOut';
import type { LpSolution } from './lp';
import { planCare, type PlanCare } from './planCare';
import { buildProposalReport, type ProposalReport } from './proposalReport';
import { SharedExact } from './sharedExact';
import { TIME_LIMITS } from './solverRun';
import type { Allocation, Highs } from './types';
import { invalidInput } from './validate';

/** Largest organization for which the learning-cost trade-off is traced (two more exact solves; λ = 0 is the plan's own). */
export const LEARNING_COST_MAX_PEOPLE = 600;

// propose.ts's rule for leaving the curve out, applied here because this phase solves the main LP
// before propose sees it (the cached answer takes propose no time to solve again).
export { SLOW_MAIN_SOLVE } from './propose';

export interface ProposalSettings {
  /** τ in points; default 5% of the scale's range. */
  tolerance?: number;
  /** Balance desirability too (the default in the CLI and the app). */
  desirability: boolean;
  /** Hours a week; 0 = the exact continuous plan. */
  granularity: number;
  minBlock?: number;
  maxNewTasks?: number;
  /** Treat "does it now" as the qualification for tasks that usually need one (training/qualifyFromCurrent). */
  qualifyFromCurrent?: boolean;
  /** Task ids that rotate as chores, besides the tasks marked as chores in the file; undefined = only those. */
  choreIds?: string[];
  /** Weeks of the rotation (default 13, a quarter). */
  rotationWeeks?: number;
  /** The file name shown in the report. */
  file: string;
}

export type ProposalStep = 'exact' | 'blocks' | 'learning' | 'care';

export interface FullProposal {
  report: ProposalReport;
  care: PlanCare;
  rotation: RotationReport | null;
  /** Why chores do not rotate although some were asked to (null when they rotate or none were asked). */
  rotationNote: string | null;
  /** The learning cost was not traced because the organization is larger than LEARNING_COST_MAX_PEOPLE. */
  learningSkipped: boolean;
  /** The plan's hours by person and task id (the report's `allocation` names them, and names need not be unique); absent in results made before it was kept. */
  allocationIds?: Allocation[];
}

/** What the second phase adds, when it has something to add. */
export interface ExtrasToCome {
  /** The options curve (report.options is empty until then). */
  options: boolean;
  /** The learning cost (report.learningCost is absent until then). */
  learning: boolean;
}

/** What proposalExtras works from: the organization as planned and the exact LP, still solved. */
export interface PendingExtras {
  readonly todo: ExtrasToCome;
  readonly planned: Organization;
  readonly highs: Highs;
  readonly exact: SharedExact;
  /** τ in points, as the plan was made (the report's, unrounded). */
  readonly tolerance: number;
  readonly desirability: boolean;
  readonly personHours: ReadonlyMap<string, number> | undefined;
}

export interface ProposalPlan {
  /** The proposal without what `pending` will add: report.options empty and no report.learningCost while they are to come. */
  proposal: FullProposal;
  /** Null when the plan is final; else hand it to proposalExtras (which disposes it) or to disposePending. */
  pending: PendingExtras | null;
}

/**
 * The shared exact LP whose solve at the proposal's own τ is kept whatever its answer (the base keeps
 * only definite ones) and timed: this phase solves it first, to know whether a curve will follow.
 */
class PlanExact extends SharedExact {
  main: { sol: LpSolution; seconds: number } | null = null;

  constructor(org: Organization, highs: Highs, balanceD: boolean, personHours: ReadonlyMap<string, number> | undefined, private readonly mainTau: number) {
    super(org, highs, balanceD, personHours, mainTau, TIME_LIMITS.main);
  }

  override solve(tau: number, timeLimit?: number): LpSolution {
    if (tau === this.mainTau && this.main) return this.main.sol;
    const start = Date.now();
    const sol = super.solve(tau, timeLimit);
    if (tau === this.mainTau) this.main = { sol, seconds: (Date.now() - start) / 1000 };
    return sol;
  }
}

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

/**
 * The plan, its bound, blocks, training and report. Progress: exact (0), blocks (1), care (2) of 3.
 * With an optimal exact plan the options curve and the learning cost are left to `pending`; an
 * infeasible one gets its curve here (a second phase would repeat the diagnosis).
 */
export function makeProposalPlan(organization: Organization, highs: Highs, settings: ProposalSettings, onProgress: (step: ProposalStep, done: number, total: number) => void = () => undefined): ProposalPlan {
  // With qualifyFromCurrent the solver sees tasks that usually need a qualification as requiring
  // "does it now"; the report and the care notes are about the organization as imported.
  const qualified = settings.qualifyFromCurrent ? qualifyFromCurrent(organization) : organization;
  const rotated = rotateChores(qualified, { choreIds: settings.choreIds, weeks: settings.rotationWeeks });
  const rotationNote = rotated && 'error' in rotated ? `Chores do not rotate: ${rotated.error}; they are divided like other tasks.` : null;
  const rotation = rotated && !('error' in rotated) ? rotated : null;
  const planned = rotation?.org ?? qualified;
  const personHours = rotation?.personHours;
  const tolerance = settings.tolerance ?? defaultTolerance(planned.scale);
  const range = planned.scale.max - planned.scale.min;
  const steps = 3;
  onProgress('exact', 0, steps);
  // Only an input propose accepts gets a model built ahead of it (propose explains the others).
  const shared = invalidInput(planned, tolerance, settings.granularity) === null && range > 0
    ? new PlanExact(planned, highs, settings.desirability, personHours, tolerance / range)
    : undefined;
  let pending: PendingExtras | null = null;
  let kept = false;
  try {
    // Solved first (propose then gets this very answer) so the curve can be left to the second phase.
    const main = shared ? (shared.solve(tolerance / range), shared.main!) : null;
    const slow = main !== null && curveTooSlow(main.seconds, TIME_LIMITS.option);
    const status = main?.sol.status;
    // propose traces the curve after an optimal or infeasible main solve, unless that solve was slow.
    const slowNote = slow && (status === 'optimal' || status === 'infeasible')
      ? slowCurveNote(main.seconds, TIME_LIMITS.option)
      : null;
    const curveLater = status === 'optimal' && !slow;
    const made = carryOut(planned, highs, {
      tolerance, desirability: settings.desirability, granularity: settings.granularity, personHours,
      minBlock: settings.minBlock, maxNewTasks: settings.maxNewTasks, shared, skipOptions: slow || curveLater,
      onProgress: (phase) => onProgress(phase === 'options' ? 'blocks' : 'exact', phase === 'options' ? 1 : 0, steps),
    });
    const proposal = slowNote ? { ...made.proposal, optionsNote: slowNote } : made.proposal;
    const optimal = made.bound !== null && proposal.status === 'optimal';
    const learningSkipped = optimal && organization.people.length > LEARNING_COST_MAX_PEOPLE;
    const todo: ExtrasToCome = { options: curveLater, learning: optimal && !learningSkipped };
    if (shared && (todo.options || todo.learning)) pending = { todo, planned, highs, exact: shared, tolerance: proposal.tolerance, desirability: settings.desirability, personHours };
    onProgress('care', 2, steps);
    const care = planCare(organization, proposal.allocation, { tolerance: proposal.tolerance, qualifiedFromCurrent: settings.qualifyFromCurrent });
    const rotationJson = rotation ? rotationReport(organization, rotation) : null;
    const flags = {
      tolerance: proposal.tolerance, dimensions: settings.desirability ? 'empowerment and desirability' : 'empowerment', granularity: settings.granularity,
      minBlock: made.blocks?.minBlock ?? settings.minBlock ?? DEFAULT_MIN_BLOCK, maxNewTasks: made.blocks?.maxNewTasks ?? settings.maxNewTasks ?? DEFAULT_MAX_NEW_TASKS,
      qualifyFromCurrent: settings.qualifyFromCurrent ?? false, chores: rotationJson?.chores.map((c) => c.task) ?? [], rotationWeeks: rotationJson?.weeks ?? null,
    };
    // The keys in the order the CLI's --json has always printed them (learningCost goes after blocks).
    const report: ProposalReport = {
      ...buildProposalReport(organization, proposal, settings.file, settings.granularity),
      bound: made.bound, gap: made.bound === null ? null : made.bound > 1e-9 ? proposal.movedHours / made.bound - 1 : 0,
      blocks: blocksJson(organization, made.blocks),
      training: care.training, trainingHours: care.trainingHours, qualifications: care.qualifications, rotation: rotationJson, flags,
      lowDesirabilityTasks: organization.tasks.filter(isLowDesirability).map((t) => t.name),
    };
    onProgress('care', steps, steps);
    kept = pending !== null;
    return { proposal: { report, care, rotation: rotationJson, rotationNote, learningSkipped, allocationIds: proposal.allocation }, pending };
  } finally {
    // Kept only when handed over with `pending`: a throw on the way frees it too.
    if (!kept) shared?.dispose();
  }
}

/** Frees the exact LP of a plan whose extras will not be asked for. */
export function disposePending(pending: PendingExtras | null): void {
  pending?.exact.dispose();
}
