// Pure data for comparing scenarios: scenario zero (the organization as it is) and each compared
// scenario with its figures at one shared tolerance, its jobs in the Proposal charts' shape (now →
// under the plan), and why it no longer fits the organization when it does not.
import type { JobChange } from '../../engine/balance/proposalReport';
import type { Organization } from '../../engine/model/types';
import { applyScenario, scenarioOutcome, type Scenario, type ScenarioFigures, type ScenarioJob } from '../../engine/scenarios';

export interface CompareColumn {
  /** 'current' for scenario zero, else the scenario's id. */
  key: string;
  title: string;
  scenario: Scenario | null;
  figures: ScenarioFigures;
  /** Each person's job now (before) and under this plan (after); both the same for scenario zero. */
  jobs: JobChange[];
  /** Why applying it would be refused (the organization changed since it was kept); null when it fits. */
  misfit: string | null;
}

export const CURRENT_TITLE = 'Now (scenario 0)';

function jobChange(now: ScenarioJob, then: ScenarioJob, name: string): JobChange {
  return {
    name, role: now.role, department: now.department, hours: now.hours,
    empowermentBefore: now.empowerment, empowermentAfter: then.empowerment,
    desirabilityBefore: now.desirability, desirabilityAfter: then.desirability,
    kept: [], gained: [], givenUp: [], newTasks: 0,
  };
}

type Outcome = ReturnType<typeof scenarioOutcome>;
/** Outcomes by organization and scenario (both immutable), so ticking one more scenario computes only its own. */
const outcomes = new WeakMap<Organization, WeakMap<object, { tolerance: number; out: Outcome }>>();
const fitness = new WeakMap<Organization, WeakMap<Scenario, string | null>>();
const ZERO = {};

function outcome(org: Organization, s: Scenario | null, tolerance: number): Outcome {
  let byScenario = outcomes.get(org);
  if (!byScenario) outcomes.set(org, (byScenario = new WeakMap()));
  const hit = byScenario.get(s ?? ZERO);
  if (hit && hit.tolerance === tolerance) return hit.out;
  const out = scenarioOutcome(org, s ? s.allocation : null, tolerance, s?.settings.chores);
  byScenario.set(s ?? ZERO, { tolerance, out });
  return out;
}

/** Why applying the scenario would be refused, or null. */
function fits(org: Organization, s: Scenario): { ok: true } | { ok: false; error: string } {
  let byScenario = fitness.get(org);
  if (!byScenario) fitness.set(org, (byScenario = new WeakMap()));
  if (!byScenario.has(s)) {
    const r = applyScenario(org, s);
    byScenario.set(s, r.ok ? null : r.error);
  }
  const error = byScenario.get(s)!;
  return error === null ? { ok: true } : { ok: false, error };
}

/**
 * Scenario zero then each scenario, figures at tolerance τ (points); `alias` renames people (the
 * Pseudonymize switch). Jobs pair by person, in the organization's order.
 */
export function compareColumns(org: Organization, scenarios: readonly Scenario[], tolerance: number, alias: ((name: string) => string) | null): CompareColumn[] {
  const zero = outcome(org, null, tolerance);
  const name = (j: ScenarioJob) => (alias ? alias(j.name) : j.name);
  const columns: CompareColumn[] = [
    { key: 'current', title: CURRENT_TITLE, scenario: null, figures: zero.figures, jobs: zero.jobs.map((j) => jobChange(j, j, name(j))), misfit: null },
  ];
  for (const s of scenarios) {
    const out = outcome(org, s, tolerance);
    const applied = fits(org, s);
    columns.push({
      key: s.id, title: s.name, scenario: s, figures: out.figures,
      jobs: zero.jobs.map((j, i) => jobChange(j, out.jobs[i], name(j))),
      misfit: applied.ok ? null : applied.error,
    });
  }
  return columns;
}
