/**
 * `propose`: the whole rebalancing — build the aggregated model, solve it exactly, hand class hours
 * back to tasks, optionally round, explain infeasibility, and trace the options curve. Progress is
 * reported between phases; HiGHS cannot report or cancel mid-solve, so a host cancels by
 * terminating the worker that runs this.
 */
import type { Organization } from '../model/types';
import { scorePeople } from '../analysis/jobScores';
import { computeMetrics, defaultTolerance } from '../analysis/metrics';
import { buildModel } from './model';
import { BalanceLp } from './lp';
import { handBack, mergeHours, movedHours, toAllocation, transfersBetween } from './handBack';
import { roundToGranularity } from './rounding';
import { diagnose } from './diagnose';
import type { Highs, OptionPoint, Proposal, ProposeOptions } from './types';

type HoursMap = Map<string, Map<string, number>>;

/** The organization with its assignments replaced by `hours` (locks kept where the pair survives). */
export function withAllocation(org: Organization, hours: HoursMap): Organization {
  const locked = new Set(org.assignments.filter((a) => a.locked).map((a) => `${a.personId}\u0000${a.taskId}`));
  const assignments = [];
  for (const [personId, tasks] of hours) {
    for (const [taskId, h] of tasks) if (h > 0) assignments.push({ personId, taskId, hours: h, locked: locked.has(`${personId}\u0000${taskId}`) });
  }
  return { ...org, assignments };
}

export function currentHours(org: Organization): HoursMap {
  const out: HoursMap = new Map();
  for (const a of org.assignments) {
    if (a.hours <= 0) continue;
    let m = out.get(a.personId);
    if (!m) out.set(a.personId, (m = new Map()));
    m.set(a.taskId, (m.get(a.taskId) ?? 0) + a.hours);
  }
  return out;
}

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
  const range = org.scale.max - org.scale.min;
  const tau = tolerance / range;
  const before = currentHours(org);
  const steps = options.skipOptions ? 4 : 5;

  progress('build', 0, steps);
  const model = buildModel(org, balanceD);
  const lp = new BalanceLp(model, highs, tau);
  const size = { people: org.people.length, groups: model.groups.length, tasks: org.tasks.length, classes: model.classes.length, ...lp.size };
  try {
    progress('solve', 1, steps);
    const sol = lp.solve(tau);
    let after = before;
    let diagnosis = null;
    let status: Proposal['status'] = 'optimal';
    let roundingFailed = false;
    if (sol.status === 'infeasible') {
      progress('diagnose', 2, steps);
      diagnosis = diagnose(org, balanceD, tolerance, highs);
      status = 'infeasible';
    } else {
      progress('hand-back', 2, steps);
      if (sol.moved <= 1e-7) {
        // Already balanced: nothing moves, and nothing is rounded either.
        status = 'balanced';
      } else {
        let movable = handBack(model, sol);
        if (options.granularity && options.granularity > 0) {
          progress('round', 3, steps);
          const rounded = roundToGranularity(movable, options.granularity, highs, mayHold(org, model.movable));
          if (rounded) movable = rounded;
          else roundingFailed = true;
        }
        after = mergeHours(model.fixed, movable);
      }
    }

    const roundingViolations: Proposal['roundingViolations'] = [];
    if (status === 'optimal' && !roundingFailed && options.granularity && options.granularity > 0) {
      const proposed = withAllocation(org, after);
      const m = computeMetrics(proposed, scorePeople(proposed), tolerance);
      for (const s of scorePeople(proposed)) {
        const e = s.empowerment === null ? null : org.scale.min + s.empowerment * range;
        const d = s.desirability === null ? null : org.scale.min + s.desirability * range;
        const offE = e !== null && m.empowerment.mean !== null && Math.abs(e - m.empowerment.mean) > tolerance + 1e-6;
        const offD = balanceD && d !== null && m.desirability.mean !== null && Math.abs(d - m.desirability.mean) > tolerance + 1e-6;
        if (offE || offD) roundingViolations.push({ personId: s.person.id, empowerment: e ?? NaN, desirability: d });
      }
    }

    const optionPoints: OptionPoint[] = [];
    if (!options.skipOptions) {
      progress('options', steps - 1, steps);
      const spread = currentSpread(org, balanceD);
      const list = [...new Set([...(options.optionTolerances ?? DEFAULT_OPTION_TOLERANCES), Math.ceil(spread * 100) / 100])].filter((t) => t >= 0).sort((a, b) => a - b);
      for (const t of list) {
        const s = lp.solve(t / range);
        if (s.status === 'infeasible') {
          optionPoints.push({ tolerance: t, status: 'infeasible', movedHours: null, gini: null, hoover: null, withinTolerance: null });
          continue;
        }
        const proposed = withAllocation(org, mergeHours(model.fixed, handBack(model, s)));
        const m = computeMetrics(proposed, scorePeople(proposed), tolerance);
        optionPoints.push({ tolerance: t, status: 'optimal', movedHours: s.moved, gini: m.empowerment.gini, hoover: m.empowerment.hoover, withinTolerance: m.empowerment.withinTolerance });
      }
    }
    progress('options', steps, steps);
    return {
      status,
      tolerance,
      desirability: balanceD,
      movedHours: movedHours(before, after),
      allocation: toAllocation(after),
      transfers: transfersBetween(before, after),
      roundingViolations,
      rounded: status === 'optimal' && !roundingFailed && (options.granularity ?? 0) > 0,
      diagnosis,
      options: optionPoints,
      model: size,
      frozenTaskIds: model.frozenTaskIds,
    };
  } finally {
    lp.dispose();
  }
}
