/**
 * The second of a proposal's two phases: the options curve (tolerance → hours moved, a solve per
 * point) and the learning-cost trade-off (two more solves), on the exact LP the plan phase left
 * solved — then added to the plan's report where makeProposal has always put them.
 */
import { learningCost, type LearningCostPoint } from './learningCost';
import { propose } from './propose';
import type { FullProposal, PendingExtras } from './proposalPlan';
import type { OptionPoint } from './types';

export type ExtrasStep = 'options' | 'learning';

/** What the second phase computed; a part left out was not to come (the plan's stands). */
export interface ProposalExtras {
  options?: { points: OptionPoint[]; note: string | null };
  learningCost?: LearningCostPoint[];
}

/** Computes what `pending` says is to come, then frees its exact LP (also on a throw). Progress: options (0), learning (1) of 2. */
export function proposalExtras(pending: PendingExtras, onProgress: (step: ExtrasStep, done: number, total: number) => void = () => undefined): ProposalExtras {
  const { todo, planned, highs, exact, tolerance, desirability, personHours } = pending;
  const out: ProposalExtras = {};
  try {
    if (todo.options) {
      onProgress('options', 0, 2);
      // The exact plan again, as carryOut asked for it: its main solve is the LP's kept answer, so
      // what runs is the hand-back (milliseconds) and the curve's own solves.
      const again = propose(planned, highs, { tolerance, desirability, granularity: 0, personHours, shared: exact });
      out.options = { points: again.options, note: again.optionsNote ?? null };
    }
    if (todo.learning) {
      onProgress('learning', 1, 2);
      out.learningCost = learningCost(planned, highs, { tolerance, desirability, personHours, shared: exact });
    }
    onProgress('learning', 2, 2);
    return out;
  } finally {
    exact.dispose();
  }
}

/**
 * The plan with the extras in place: the same report makeProposal made in one go, keys in the same
 * order (the CLI prints it as JSON), learningCost right after blocks.
 */
export function addProposalExtras(plan: FullProposal, extras: ProposalExtras): FullProposal {
  const report: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(plan.report)) {
    if (key === 'learningCost') continue;
    report[key] = key === 'options' && extras.options ? extras.options.points : key === 'optionsNote' && extras.options ? extras.options.note : value;
    if (key === 'blocks') {
      const learning = extras.learningCost ?? plan.report.learningCost;
      if (learning) report.learningCost = learning;
    }
  }
  return { ...plan, report: report as unknown as FullProposal['report'] };
}
