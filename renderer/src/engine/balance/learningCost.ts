/**
 * The "learning cost" trade-off of the options curve (issue 14, "Training"): the exact plan at the
 * proposal's τ re-solved with new hours on empowering tasks costing more — cost per new hour
 * 1 + λ·max(0, ê_task − Ê_person) (ratings normalized 0–1, Ê_person the person's current job E) —
 * for λ = 0, 1, 2, with the hours moved, hours new on tasks well above the person's work, and the
 * training each plan needs.
 *
 * Exact under the aggregation (model.ts): a group's members share their current class hours and
 * fixed load, so Ê is one number per group, and a class's tasks share ê, so the weight is constant
 * per group × class — the weighted LP over groups and classes has the person × task LP's optimum
 * (checked against the plain LP in test/balance/learningCost.test.ts).
 */
import type { Organization } from '../model/types';
import { defaultTolerance } from '../analysis/metrics';
import { trainingNeeds, TRAINING_GAP_IN_TOLERANCES } from '../training';
import { buildModel, type BalanceModel } from './model';
import { BalanceLp, type LpSolution, type NewCostWeight } from './lp';
import { handBack, mergeHours, movedHours, toAllocation } from './handBack';
import { exactTotals } from './exactTotals';
import { currentHours, withAllocation } from './propose';
import { TIME_LIMITS } from './solverRun';
import type { SharedExact } from './sharedExact';
import type { Allocation, Highs } from './types';

/** Issue 14 names these three weights: none (the plain exact plan), the gap counted once, twice. */
export const DEFAULT_LEARNING_LAMBDAS: readonly number[] = [0, 1, 2];

export interface LearningCostOptions {
  /** τ in points of the project scale; default 5% of its range (as propose). */
  tolerance?: number;
  /** Balance desirability too (as propose's `desirability`). */
  desirability?: boolean;
  /** Person id → weekly movable hours after a chore rotation (as propose's `personHours`). */
  personHours?: ReadonlyMap<string, number>;
  /** λ values, each ≥ 0 (dimensionless: cost per normalized point of E gap). Default 0, 1, 2. */
  lambdas?: readonly number[];
  /** Seconds per solve; default TIME_LIMITS.option (an options-curve point). */
  timeLimit?: number;
  /** The exact LP propose already solved (carryOut's): λ = 0 is that very LP, so it is not solved again when it fits. */
  shared?: SharedExact;
}

export interface LearningCostPoint {
  lambda: number;
  status: 'optimal' | 'infeasible' | 'time-limit' | 'failed';
  /** Hours a week that change hands (Σ new hours over people), null without an optimal plan. */
  movedHours: number | null;
  /** The objective: Σ new hours × (1 + λ·max(0, ê_task − Ê_person)), hours a week; = movedHours at λ = 0. */
  weightedCost: number | null;
  /**
   * What λ trades against hours moved: Σ new hours × max(0, ê_task − Ê_person), in points of the
   * project scale × hours a week (so weightedCost = movedHours + λ·weightedGap ÷ range). It never
   * grows with λ; newHoursOnEmpowering below can (see the README's method notes and the tests).
   */
  weightedGap: number | null;
  /** Σ new hours (a week) on tasks whose E is more than 2τ above the person's current E (the training threshold). */
  newHoursOnEmpowering: number | null;
  /** One-off training hours over the quarter the plan needs (training/trainingNeeds, default policy). */
  trainingHours: number | null;
}

/**
 * Each member's current job E (normalized 0–1) per group, over E-rated hours (fixed ones included),
 * as scorePeople computes it; null for a group with no rated hours now (no current E to compare
 * with: trainingNeeds skips such people too, so their new hours carry no learning weight).
 */
export function currentEByGroup(m: BalanceModel): (number | null)[] {
  return m.groups.map((g) => {
    let hours = g.ratedE - g.free;
    let mass = g.fixedMassE;
    for (const [c, h] of g.current) {
      hours += h;
      mass += h * m.classes[c].e;
    }
    return hours > 0 ? mass / hours : null;
  });
}

/** The E gap ê_class − Ê_group (normalized), or 0 where Ê is unknown. */
function gapOf(m: BalanceModel, ownE: (number | null)[], group: number, cls: number): number {
  const e = ownE[group];
  return e === null ? 0 : m.classes[cls].e - e;
}

interface Solved {
  sol: LpSolution;
  /** Person → task → weekly hours after (fixed hours included). */
  after: Map<string, Map<string, number>>;
}

/** One λ's exact plan, or the solver's status. λ = 0 builds the very LP propose builds (no weight function). */
function solveAt(org: Organization, highs: Highs, model: BalanceModel, tau: number, lambda: number, weight: NewCostWeight, options: LearningCostOptions): Solved | LpSolution['status'] {
  const shared = lambda === 0 && options.shared?.model === model ? options.shared : null;
  const lp = shared ? null : new BalanceLp(model, highs, tau, false, options.timeLimit ?? TIME_LIMITS.option, lambda === 0 ? undefined : weight);
  try {
    const sol = shared ? shared.solve(tau) : lp!.solve(tau);
    if (sol.status !== 'optimal') return sol.status;
    // As propose: a plan that moves nothing (solver noise below 1e-7 h) leaves everyone's hours as they are.
    const after = sol.moved <= 1e-7 ? currentHours(org) : mergeHours(model.fixed, exactTotals(handBack(model, sol), model.movable, options.personHours));
    return { sol, after };
  } finally {
    lp?.dispose();
  }
}

function setup(org: Organization, options: LearningCostOptions) {
  const tolerance = options.tolerance ?? defaultTolerance(org.scale);
  const range = org.scale.max - org.scale.min;
  const desirability = options.desirability ?? false;
  // The shared LP's model is the one buildModel would make here (same organization and settings).
  const model = options.shared?.fits(desirability, options.personHours) ? options.shared.model : buildModel(org, desirability, options.personHours);
  const ownE = currentEByGroup(model);
  const weightFor = (lambda: number): NewCostWeight => (g, c) => 1 + lambda * Math.max(0, gapOf(model, ownE, g, c));
  return { tolerance, range, tau: tolerance / range, model, ownE, weightFor };
}

/**
 * Solves the exact LP at `tolerance` once per λ (a fresh model each: the costs differ). A point
 * whose solve gives no optimum says so in `status`, with null figures. Nothing is rounded: these
 * are exact plans, like the options curve. `movedHours` is measured as propose measures it, so
 * λ = 0 reports propose's exact hours moved.
 */
export function learningCost(org: Organization, highs: Highs, options: LearningCostOptions = {}): LearningCostPoint[] {
  const { tolerance, range, tau, model, ownE, weightFor } = setup(org, options);
  // The training threshold in normalized units, with trainingNeeds' 1e-9-point allowance for float noise.
  const threshold = (TRAINING_GAP_IN_TOLERANCES * tolerance + 1e-9) / range;
  const beforeHours = currentHours(org);
  const before = org.assignments.filter((a) => a.hours > 0);
  return (options.lambdas ?? DEFAULT_LEARNING_LAMBDAS).map((lambda): LearningCostPoint => {
    const weight = weightFor(lambda);
    const solved = solveAt(org, highs, model, tau, lambda, weight, options);
    if (typeof solved === 'string') return { lambda, status: solved, movedHours: null, weightedCost: null, weightedGap: null, newHoursOnEmpowering: null, trainingHours: null };
    let weightedCost = 0;
    let gapMass = 0;
    let empowering = 0;
    for (const [g, row] of solved.sol.added) {
      const members = model.groups[g].personIds.length;
      for (const [c, h] of row) {
        weightedCost += members * h * weight(g, c);
        gapMass += members * h * Math.max(0, gapOf(model, ownE, g, c));
        if (ownE[g] !== null && gapOf(model, ownE, g, c) > threshold) empowering += members * h;
      }
    }
    const after = withAllocation(org, solved.after).assignments;
    const needs = trainingNeeds(org, before, after, { tolerance });
    return {
      lambda,
      status: 'optimal',
      movedHours: movedHours(beforeHours, solved.after),
      weightedCost,
      weightedGap: gapMass * range,
      newHoursOnEmpowering: empowering,
      trainingHours: needs.reduce((s, n) => s + n.trainingHours, 0),
    };
  });
}

/** One λ's plan as an allocation (every person × task with hours, fixed ones included), null without an optimum. */
export function learningCostAllocation(org: Organization, highs: Highs, lambda: number, options: LearningCostOptions = {}): Allocation[] | null {
  const { tau, model, weightFor } = setup(org, options);
  const solved = solveAt(org, highs, model, tau, lambda, weightFor(lambda), options);
  return typeof solved === 'string' ? null : toAllocation(solved.after);
}
