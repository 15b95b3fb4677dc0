/**
 * A saved scenario as the report's proposal: the FullProposal `propose` would have given for its plan,
 * rebuilt from the plan by id and the settings it was kept with (engine/scenarios keeps no report).
 * Rebuilt with the engine's own pieces: the report, transfers, training and the chore rotation are
 * recomputed from the plan; the options curve, the learning cost and the block plan's notes are not
 * kept with a scenario, so they are absent (the exact bound is the one kept).
 */
import { isLowDesirability } from '../../renderer/src/engine/analysis/metrics';
import type { FullProposal } from '../../renderer/src/engine/balance/fullProposal';
import { movedHours, transfersBetween } from '../../renderer/src/engine/balance/handBack';
import { planCare } from '../../renderer/src/engine/balance/planCare';
import { movedOnSuggested } from '../../renderer/src/engine/balance/propose';
import { buildProposalReport, type ProposalReport } from '../../renderer/src/engine/balance/proposalReport';
import type { Proposal } from '../../renderer/src/engine/balance/types';
import { nameKey } from '../../renderer/src/engine/import/records';
import { currentHours, hoursMap } from '../../renderer/src/engine/model/hours';
import type { Organization } from '../../renderer/src/engine/model/types';
import { rotationReport } from '../../renderer/src/engine/rotation/rotationReport';
import { rotateChores } from '../../renderer/src/engine/rotation/withRotation';
import { applyScenario, type Scenario } from '../../renderer/src/engine/scenarios';
import { qualifyFromCurrent } from '../../renderer/src/engine/training';
import { Unusable } from './io';

/** A --scenario name the project does not keep: a usage error (exit 2), as a --chores name that is no task. */
export class UnknownScenario extends Error {}

/** The scenario of that name (case- and spacing-insensitive), or UnknownScenario naming the ones there are. */
export function findScenario(scenarios: readonly Scenario[], name: string, file: string): Scenario {
  const found = scenarios.find((s) => nameKey(s.name) === nameKey(name));
  if (found) return found;
  const kept = scenarios.length ? `its scenarios are ${scenarios.map((s) => `"${s.name}"`).join(', ')}` : 'it keeps no scenarios (keep a proposal as a scenario in the app first)';
  throw new UnknownScenario(`${file} has no scenario named "${name}": ${kept}`);
}

/**
 * The chore rotation the plan was made with, rebuilt the way the proposal made it (it depends on the
 * organization and the chores only): its report, and the organization with the chores as quarterly
 * averages, which is what the plan's hours moved and transfers are counted from.
 */
function rotationOf(org: Organization, scenario: Scenario): { report: NonNullable<FullProposal['rotation']>; baseline: Organization } | null {
  const { chores, rotationWeeks, qualifyFromCurrent: fromCurrent } = scenario.settings;
  if (chores.length === 0) return null;
  const byKey = new Map(org.tasks.map((t) => [nameKey(t.name), t.id]));
  const ids = chores.map((c) => byKey.get(nameKey(c))).filter((id): id is string => id !== undefined);
  const rotated = rotateChores(fromCurrent ? qualifyFromCurrent(org) : org, { choreIds: ids, weeks: rotationWeeks ?? undefined });
  return rotated && !('error' in rotated) ? { report: rotationReport(org, rotated), baseline: rotated.org } : null;
}

/**
 * The scenario's plan for `org` as a FullProposal (people named as `org` names them, so a
 * pseudonymized organization gives a pseudonymized proposal). Throws Unusable when the plan no
 * longer fits the organization; `note` says what changed since it was kept, when something did.
 */
export function scenarioProposal(org: Organization, scenario: Scenario, file: string): { full: FullProposal; note: string | null } {
  const applied = applyScenario(org, scenario);
  if (!applied.ok) throw new Unusable(applied.error);
  const s = scenario.settings;
  const rotation = rotationOf(org, scenario);
  // As propose counts them: with chores rotating, from the organization with its chores already rotated.
  const baseline = rotation?.baseline ?? org;
  const before = currentHours(baseline);
  const plan = hoursMap(scenario.allocation);
  const moved = movedHours(before, plan);
  const tasks = new Map(org.tasks.map((t) => [t.id, t]));
  // Tasks the optimizer leaves where they are: unrated in a dimension it balances (balance/model.ts).
  const frozenTaskIds = org.tasks.filter((t) => t.empowerment === null || (s.desirability && t.desirability === null)).map((t) => t.id);
  const proposal: Proposal = {
    status: 'optimal',
    statusMessage: null,
    tolerance: s.tolerance,
    desirability: s.desirability,
    movedHours: moved,
    allocation: scenario.allocation.map((a) => ({ ...a })),
    transfers: transfersBetween(before, plan),
    roundingViolations: [],
    rounded: s.granularity > 0,
    roundingNote: `The plan as kept in the scenario "${scenario.name}" on ${scenario.createdAt.slice(0, 10)}${s.granularity > 0 ? `, in blocks of ${s.granularity} h` : ''}.`,
    movedOnSuggested: movedOnSuggested(baseline, before, plan),
    diagnosis: null,
    options: [],
    optionsNote: 'A kept scenario holds its plan, not the options curve: propose again to trace it.',
    model: { people: org.people.length, groups: 0, tasks: tasks.size, classes: 0, columns: 0, rows: 0 },
    frozenTaskIds,
  };
  const care = planCare(org, proposal.allocation, { tolerance: s.tolerance, qualifiedFromCurrent: s.qualifyFromCurrent });
  const bound = scenario.summary.bound;
  const report: ProposalReport = {
    ...buildProposalReport(org, proposal, file, s.granularity),
    bound,
    gap: bound === null ? null : bound > 1e-9 ? moved / bound - 1 : 0,
    blocks: null,
    training: care.training,
    trainingHours: care.trainingHours,
    qualifications: care.qualifications,
    rotation: rotation?.report ?? null,
    flags: {
      tolerance: s.tolerance, dimensions: s.desirability ? 'empowerment and desirability' : 'empowerment', granularity: s.granularity,
      minBlock: s.minBlock, maxNewTasks: s.maxNewTasks, qualifyFromCurrent: s.qualifyFromCurrent, chores: [...s.chores], rotationWeeks: s.rotationWeeks,
    },
    lowDesirabilityTasks: org.tasks.filter(isLowDesirability).map((t) => t.name),
  };
  return { full: { report, care, rotation: rotation?.report ?? null, rotationNote: null, learningSkipped: false, allocationIds: proposal.allocation }, note: applied.note };
}
