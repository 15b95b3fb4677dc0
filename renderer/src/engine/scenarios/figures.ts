/**
 * What a plan gives the organization, for the compare table and charts: its figures with the audit's
 * own scoring (scorePeople, computeMetrics) and every job's E and D in points. Scenario zero — the
 * current organization — is the plan `null`.
 */
import { scorePeople } from '../analysis/jobScores';
import { computeMetrics } from '../analysis/metrics';
import type { Organization } from '../model/types';
import { toPoints } from '../rating/scale';
import { hoursMap, withAllocation } from '../model/hours';
import { hoursMoved } from './allocation';
import type { ScenarioRow } from './types';

export interface ScenarioFigures {
  /** Absolute Gini of empowerment, points. */
  empowermentGini: number;
  /** Share of hours (0–1) in jobs within ±τ of the mean empowerment. */
  withinBand: number;
  /** People in the coordinator cluster (more than 2τ above the mean empowerment). */
  coordinatorPeople: number;
  /** Absolute Gini of desirability, points. */
  desirabilityGini: number;
  /** Hours a week that change hands from the current organization (0 for it). */
  movedHours: number;
  /** Hours-weighted means, points (null with nothing rated). */
  empowermentMean: number | null;
  desirabilityMean: number | null;
}

/** One job under a plan: scores in points (null when unrated), weekly hours. */
export interface ScenarioJob {
  id: string;
  name: string;
  role: string | null;
  department: string | null;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
}

export interface ScenarioOutcome {
  figures: ScenarioFigures;
  jobs: ScenarioJob[];
}

/** Ids of the tasks with these names. */
function choreIds(org: Organization, names: readonly string[]): ReadonlySet<string> {
  const chores = new Set(names);
  return new Set(org.tasks.filter((t) => chores.has(t.name)).map((t) => t.id));
}

/**
 * The organization under the plan (null: as it is), its figures at tolerance τ (points) and its jobs.
 * `rotatedChores` (task names, a kept scenario's settings.chores) are left out of the hours moved, as
 * the plan counts them: the allocation spreads their weekly average over everyone, a rota, not hours
 * changing hands (counted, the sample's plan read 304.8 h moved against its own 291.0 h).
 */
export function scenarioOutcome(org: Organization, allocation: readonly ScenarioRow[] | null, tolerance: number, rotatedChores: readonly string[] = []): ScenarioOutcome {
  const current = hoursMap(org.assignments);
  const plan = allocation === null ? current : hoursMap(allocation);
  // Pay is left out: no figure here uses it, and its permutation test is most of the metrics' time (~0.3 s at 2,000 people).
  const unpaid = { ...org, people: org.people.map((p) => (p.annualPay === null && p.hourlyRate === null ? p : { ...p, annualPay: null, hourlyRate: null })) };
  const planned = allocation === null ? unpaid : withAllocation(unpaid, plan);
  const scores = scorePeople(planned);
  const m = computeMetrics(planned, scores, tolerance);
  const pts = (x: number | null) => (x === null ? null : toPoints(x, org.scale));
  return {
    figures: {
      empowermentGini: m.empowerment.absoluteGini,
      withinBand: m.empowerment.withinTolerance,
      coordinatorPeople: m.coordinator.members.length,
      desirabilityGini: m.desirability.absoluteGini,
      movedHours: allocation === null ? 0 : hoursMoved(current, plan, choreIds(org, rotatedChores)),
      empowermentMean: m.empowerment.mean,
      desirabilityMean: m.desirability.mean,
    },
    jobs: scores.map((s) => ({
      id: s.person.id, name: s.person.name, role: s.person.role, department: s.person.department, hours: s.hours,
      empowerment: pts(s.empowerment), desirability: pts(s.desirability),
    })),
  };
}

/** The figures of a plan (null: the organization as it is) at tolerance τ in points. */
export function scenarioFigures(org: Organization, allocation: readonly ScenarioRow[] | null, tolerance: number): ScenarioFigures {
  return scenarioOutcome(org, allocation, tolerance).figures;
}
