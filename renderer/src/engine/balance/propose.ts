/**
 * `propose`: the whole rebalancing — build the aggregated model, solve it exactly, hand class hours
 * back to tasks, optionally round, explain infeasibility, and trace the options curve. Input no real
 * organization has is refused and every solve has a time limit, so propose returns a status rather
 * than hanging or throwing. Progress is
 * reported between phases; HiGHS cannot report or cancel mid-solve, so a host cancels by
 * terminating the worker that runs this.
 */
import type { Organization } from '../model/types';
import { scorePeople } from '../analysis/jobScores';
import { computeMetrics, defaultTolerance } from '../analysis/metrics';
import type { BalanceModel } from './model';
import type { LpSolution } from './lp';
import { SharedExact } from './sharedExact';
import { handBack, mergeHours, movedHours, toAllocation, transfersBetween } from './handBack';
import { roundChanges, type RoundingResult } from './rounding';
import { diagnose } from './diagnose';
import { exactTotals } from './exactTotals';
import { TIME_LIMITS } from './solverRun';
import { invalidInput } from './validate';
import type { Highs, OptionPoint, Proposal, ProposeOptions } from './types';

import { currentHours, withAllocation, type HoursMap } from '../model/hours';

export { currentHours, withAllocation };

/** Largest distance of any job from the mean, in points (E, and D when balanced). */
function currentSpread(org: Organization, balanceD: boolean): number {
  const scores = scorePeople(org);
  const m = computeMetrics(org, scores);
  const range = org.scale.max - org.scale.min;
  const meanE = m.empowerment.mean;
  const meanD = m.desirability.mean;
  let spread = 0;
  for (const s of scores) {
    if (s.empowerment !== null && meanE !== null) spread = Math.max(spread, Math.abs(org.scale.min + s.empowerment * range - meanE));
    if (balanceD && s.desirability !== null && meanD !== null) spread = Math.max(spread, Math.abs(org.scale.min + s.desirability * range - meanD));
  }
  return spread;
}

const DEFAULT_OPTION_TOLERANCES = [0.5, 1, 2, 3];
/** Seconds: a main solve slower than this (and than an options point's limit) means the curve's points would each hit their limit. */
export const SLOW_MAIN_SOLVE = 10;

/** Whether a main solve of `seconds` is too slow to trace the options curve after, with points limited to `optionLimit` s each. */
export function curveTooSlow(seconds: number, optionLimit: number): boolean {
  return seconds > Math.max(optionLimit, SLOW_MAIN_SOLVE);
}

/** Why the options curve is left out after a slow main solve. */
export function slowCurveNote(seconds: number, optionLimit: number): string {
  return `The options curve is left out: the exact plan took ${Math.round(seconds)} s, and each point of the curve is a solve as large (limit ${optionLimit} s each).`;
}

/** Rounding may not give anyone more of a task they are not qualified for than they hold now. */
function mayHold(org: Organization, movable: HoursMap): (personId: string, taskId: string) => number {
  const quals = new Map(org.people.map((p) => [p.id, new Set(p.qualifications.map((q) => q.trim().toLowerCase()))]));
  const requires = new Map(org.tasks.map((t) => [t.id, t.requires.map((r) => r.trim().toLowerCase())]));
  return (personId, taskId) => {
    const held = quals.get(personId) ?? new Set<string>();
    return (requires.get(taskId) ?? []).every((r) => held.has(r)) ? Infinity : movable.get(personId)?.get(taskId) ?? 0;
  };
}

export function propose(org: Organization, highs: Highs, options: ProposeOptions = {}): Proposal {
  const progress = options.onProgress ?? (() => undefined);
  const balanceD = options.desirability ?? false;
  const tolerance = options.tolerance ?? defaultTolerance(org.scale);
  const granularity = options.granularity ?? 0;
  const limits = { ...TIME_LIMITS, ...options.timeLimits };
  const before = currentHours(org);
  const empty = (status: Proposal['status'], statusMessage: string): Proposal => ({
    status, statusMessage, tolerance, desirability: balanceD, movedHours: 0, movedOnSuggested: 0,
    allocation: toAllocation(before), transfers: [], roundingViolations: [], rounded: false,
    roundingNote: granularity > 0 ? `Not rounded: ${statusMessage}` : '', diagnosis: null, options: [],
    model: { people: org.people.length, groups: 0, tasks: org.tasks.length, classes: 0, columns: 0, rows: 0 }, frozenTaskIds: [],
  });
  const invalid = invalidInput(org, tolerance, granularity);
  if (invalid) return empty('invalid-input', invalid);

  const range = org.scale.max - org.scale.min;
  const tau = tolerance / range;
  const steps = options.skipOptions ? 4 : 5;
  progress('build', 0, steps);
  const given = options.shared?.fits(balanceD, options.personHours) ? options.shared : null;
  const exact = given ?? new SharedExact(org, highs, balanceD, options.personHours, tau, limits.main);
  const model = exact.model;
  const size = { people: org.people.length, groups: model.groups.length, tasks: org.tasks.length, classes: model.classes.length, ...exact.lp.size };
  try {
    progress('solve', 1, steps);
    const solveStart = Date.now();
    const sol = exact.solve(tau);
    const solveSeconds = (Date.now() - solveStart) / 1000;
    if (sol.status === 'time-limit' || sol.status === 'failed') {
      const why = sol.status === 'time-limit'
        ? `the solver reached its ${limits.main} s time limit before finding a proposal; try a wider tolerance`
        : 'the solver could not handle the numbers in this organization; check its hours and ratings';
      return { ...empty(sol.status === 'time-limit' ? 'time-limit' : 'solver-failed', why), model: size, frozenTaskIds: model.frozenTaskIds };
    }
    let after = before;
    let diagnosis = null;
    let status: Proposal['status'] = 'optimal';
    let rounding: RoundingResult | null = null;
    if (sol.status === 'infeasible') {
      progress('diagnose', 2, steps);
      diagnosis = diagnose(org, balanceD, tolerance, highs, limits.diagnosis);
      status = 'infeasible';
    } else {
      progress('hand-back', 2, steps);
      if (sol.moved <= 1e-7) {
        // Already balanced: nothing moves, and nothing is rounded either.
        status = 'balanced';
      } else {
        let movable = exactTotals(handBack(model, sol), model.movable, options.personHours);
        // Rounding keeps every person's current total; with a rotation the totals move, so it is skipped.
        if (granularity > 0 && !options.personHours) {
          progress('round', 3, steps);
          rounding = roundChanges(movable, model.movable, granularity, highs, { mayHold: mayHold(org, model.movable), timeLimit: limits.rounding });
          if (rounding.status === 'rounded') movable = exactTotals(rounding.cells, model.movable);
        }
        after = mergeHours(model.fixed, movable);
      }
    }
    const rounded = rounding?.status === 'rounded';
    const roundingViolations = rounded ? bandViolations(org, after, tolerance, balanceD) : [];
    // Each point of the curve is a solve like the main one: after a main solve slower than a point may
    // take, every point would run into its limit, so the curve is left out and the report says why.
    const slow = curveTooSlow(solveSeconds, limits.option);
    const optionPoints = options.skipOptions || slow ? [] : optionsCurve(org, model, exact, balanceD, options.optionTolerances, limits.option, () => progress('options', steps - 1, steps));
    const optionsNote = !options.skipOptions && slow ? slowCurveNote(solveSeconds, limits.option) : null;
    progress('options', steps, steps);
    return {
      status,
      statusMessage: null,
      tolerance,
      desirability: balanceD,
      movedHours: movedHours(before, after),
      movedOnSuggested: movedOnSuggested(org, before, after),
      allocation: toAllocation(after),
      transfers: transfersBetween(before, after),
      roundingViolations,
      rounded,
      roundingNote: granularity <= 0 ? ''
        : options.personHours && status === 'optimal'
          ? 'Not rounded: with chores rotating, everyone\'s other hours change by their rotation share, which rounding (it keeps current totals) cannot follow; the hours are the exact result.'
          : roundingNote(org, status, rounding, granularity, roundingViolations.length, limits.rounding),
      diagnosis,
      options: optionPoints,
      optionsNote,
      model: size,
      frozenTaskIds: model.frozenTaskIds,
    };
  } finally {
    if (!given) exact.dispose();
  }
}

/** People whose job ends outside the band (E, and D when balanced), with their scores in points. */
function bandViolations(org: Organization, after: HoursMap, tolerance: number, balanceD: boolean): Proposal['roundingViolations'] {
  const range = org.scale.max - org.scale.min;
  const proposed = withAllocation(org, after);
  const scores = scorePeople(proposed);
  const m = computeMetrics(proposed, scores, tolerance);
  const out: Proposal['roundingViolations'] = [];
  for (const s of scores) {
    const e = s.empowerment === null ? null : org.scale.min + s.empowerment * range;
    const d = s.desirability === null ? null : org.scale.min + s.desirability * range;
    const offE = e !== null && m.empowerment.mean !== null && Math.abs(e - m.empowerment.mean) > tolerance + 1e-6;
    const offD = balanceD && d !== null && m.desirability.mean !== null && Math.abs(d - m.desirability.mean) > tolerance + 1e-6;
    if (offE || offD) out.push({ personId: s.person.id, empowerment: e ?? NaN, desirability: d });
  }
  return out;
}

/** The options curve: one solve per tolerance; "within tolerance" is measured at each option's own. */
function optionsCurve(org: Organization, model: BalanceModel, lp: { solve(tau: number, timeLimit: number): LpSolution }, balanceD: boolean, tolerances: number[] | undefined, timeLimit: number, start: () => void): OptionPoint[] {
  start();
  const range = org.scale.max - org.scale.min;
  const spread = currentSpread(org, balanceD);
  // The current spread rounded up to 0.01 points, after dropping float noise below 10⁻⁶ points (so
  // ratings shifted by a constant, which score with different rounding, give the same curve).
  const widest = Math.ceil(Math.round(spread * 1e6) / 1e4) / 100;
  const list = [...new Set([...(tolerances ?? DEFAULT_OPTION_TOLERANCES), widest])].filter((t) => t >= 0).sort((a, b) => a - b);
  const points: OptionPoint[] = [];
  for (const t of list) {
    const s = lp.solve(t / range, timeLimit);
    if (s.status !== 'optimal') {
      points.push({ tolerance: t, status: s.status === 'infeasible' ? 'infeasible' : 'time-limit', movedHours: null, absoluteGini: null, gini: null, hoover: null, withinTolerance: null });
      continue;
    }
    const proposed = withAllocation(org, mergeHours(model.fixed, handBack(model, s)));
    const m = computeMetrics(proposed, scorePeople(proposed), t);
    points.push({ tolerance: t, status: 'optimal', movedHours: s.moved, absoluteGini: m.empowerment.absoluteGini, gini: m.empowerment.gini, hoover: m.empowerment.hoover, withinTolerance: m.empowerment.withinTolerance });
  }
  return points;
}

/** Σ new hours on tasks whose ratings are suggestions (source 'suggested'). */
export function movedOnSuggested(org: Organization, before: HoursMap, after: HoursMap): number {
  const suggested = new Set(org.tasks.filter((t) => t.source === 'suggested').map((t) => t.id));
  let total = 0;
  for (const [p, tasks] of after) for (const [t, h] of tasks) if (suggested.has(t)) total += Math.max(0, h - (before.get(p)?.get(t) ?? 0));
  return total;
}

/** One sentence on what rounding did, or why it did not round. */
function roundingNote(org: Organization, status: Proposal['status'], r: RoundingResult | null, g: number, violations: number, limit: number): string {
  if (status === 'balanced') return 'Not rounded: every job is already within the band, so nothing moves.';
  if (status === 'infeasible') return 'Not rounded: the tolerance cannot be met, so nothing moves.';
  if (!r) return 'Not rounded.';
  if (r.status === 'time-limit') return `Not rounded: the rounding solver reached its ${limit} s time limit; the hours are the exact result.`;
  if (r.status !== 'rounded') return 'Not rounded: the rounding solver gave no answer; the hours are the exact result.';
  const band = violations ? ` ${violations === 1 ? '1 job ends' : `${violations} jobs end`} outside the band after rounding; the exact plan (not rounded) keeps every job within it.` : '';
  if (!r.fractional.length) return `Every change is a whole multiple of ${g} h, as close to the exact plan as rounding allows; jobs the exact plan left alone are unchanged.${band}`;
  const person = new Map(org.people.map((p) => [p.id, p.name]));
  const task = new Map(org.tasks.map((t) => [t.id, t.name]));
  const listed = r.fractional.slice(0, 3).map((f) => `${person.get(f.personId) ?? f.personId} ${f.change < 0 ? 'gives up' : 'takes'} ${Math.round(Math.abs(f.change) * 1e4) / 1e4} h of ${task.get(f.taskId) ?? f.taskId}`);
  return `Every change is a whole multiple of ${g} h except ${r.fractional.length} (${listed.join('; ')}${r.fractional.length > 3 ? '; …' : ''}), where someone holds a fraction of ${g} h they cannot take more of or give up in part; jobs the exact plan left alone are unchanged.${band}`;
}
