/**
 * planInBlocks: a plan a group can carry out (issue 14 "The plan") — whole blocks, few new tasks,
 * every job within the band on E and D — with the exact LP minimum as its yardstick. Pipeline: the
 * exact LP at τ (the bound); the plan's LP at τ·(1 − margin); class hours handed to concrete tasks
 * concentrating each receiver's new hours (handout.ts); rounding to whole blocks by a network LP
 * (round.ts); block swaps until every job is in band (repair.ts); the engine's job scores check the
 * result (report.ts). A wider margin is tried when repair leaves a job out of band, and on a small
 * organization always (EVERY_MARGIN_UP_TO), the best plan kept.
 * With chores rotating (`personHours`), every person ends with their rotation's movable hours; the
 * part of a share that is not whole blocks sits in a few documented cells (remainder.ts).
 */
import type { Organization } from '../../model/types';
import { defaultTolerance } from '../../analysis/metrics';
import type { LpSolution } from '../lp';
import { SharedExact } from '../sharedExact';
import { currentHours } from '../propose';
import { exactTotals } from '../exactTotals';
import { mergeHours, movedHours, toAllocation } from '../handBack';
import { invalidInput } from '../validate';
import type { Highs } from '../types';
import { BlockState } from './state';
import { departmentShares, handOut } from './handout';
import { roundToBlocks } from './round';
import { repair } from './repair';
import { countNewTasks, outOfBand, remainderCells } from './report';
import { pairTransfers } from './transfers';
import { placeRemainders } from './remainder';
import { trim } from './trim';
import { BLOCK_TIME_LIMITS, type BlockOptions, type BlockPhase, type BlockPlan, DEFAULT_GRANULARITY, DEFAULT_MAX_NEW_TASKS, DEFAULT_MIN_BLOCK, EVERY_MARGIN_UP_TO, PLAN_MARGINS } from './types';

export * from './types';

type HoursMap = Map<string, Map<string, number>>;
const PHASES = 6;

export function planInBlocks(org: Organization, highs: Highs, options: BlockOptions = {}): BlockPlan {
  const tolerance = options.tolerance ?? defaultTolerance(org.scale);
  const dimensions = options.dimensions ?? 'both';
  const balanceD = dimensions === 'both';
  const g = options.granularity ?? DEFAULT_GRANULARITY;
  const minBlock = options.minBlock ?? DEFAULT_MIN_BLOCK;
  const maxNew = options.maxNewTasks ?? DEFAULT_MAX_NEW_TASKS;
  const limits = { ...BLOCK_TIME_LIMITS, ...options.timeLimits };
  const progress = options.onProgress ?? (() => undefined);
  const timings: BlockPlan['timings'] = [];
  let clock = Date.now();
  const phase = (name: BlockPhase, done: number) => {
    const now = Date.now();
    timings.push({ phase: name, ms: now - clock });
    clock = now;
    progress(name, done, PHASES);
  };
  const before = currentHours(org);
  const result = (status: BlockPlan['status'], message: string | null, after: HoursMap, bound: number | null, margin: number, lpTimedOut = false, state: BlockState | null = null): BlockPlan => {
    const moved = movedHours(before, after);
    const paired = pairTransfers(before, after, minBlock);
    const newTasks = countNewTasks(before, after);
    const newBy = new Map(newTasks.map((n) => [n.personId, n.newTasks]));
    const bad = status === 'invalid-input' ? [] : outOfBand(org, after, tolerance, balanceD, newBy, maxNew, g);
    phase('verify', PHASES);
    let final = status;
    if (status === 'complete' && (bad.length || lpTimedOut)) final = lpTimedOut ? 'best-found' : 'out-of-band';
    return {
      status: final,
      message: message ?? (final === 'out-of-band' ? `${bad.length} job score${bad.length === 1 ? ' is' : 's are'} outside the band with whole blocks; see outOfBand.` : null),
      tolerance, dimensions, granularity: g, minBlock, maxNewTasks: maxNew,
      allocation: toAllocation(after),
      transfers: paired.transfers,
      shortTransfers: paired.short,
      movedHours: moved,
      bound,
      gap: bound === null ? null : bound > 1e-9 ? moved / bound - 1 : moved > 1e-9 ? Infinity : 0,
      newTasks,
      overNewTasks: newTasks.filter((n) => n.newTasks > maxNew).map((n) => ({ ...n, message: `takes ${n.newTasks} new tasks, more than ${maxNew}: the band could not be reached with fewer` })),
      outOfBand: bad,
      remainders: state ? remainderCells(state) : [],
      margin,
      timings,
    };
  };
  const invalid = invalidInput(org, tolerance, g) ?? (Number.isFinite(minBlock) && minBlock >= 0 ? null : `The minimum block ${minBlock} is not a number of hours ≥ 0.`) ?? (Number.isInteger(maxNew) && maxNew >= 0 ? null : `The most new tasks ${maxNew} is not a whole number ≥ 0.`);
  if (invalid) return result('invalid-input', invalid, before, null, 0);

  const range = org.scale.max - org.scale.min;
  const tau = tolerance / range;
  // The exact LP the caller already solved (carryOut), when it is this one; else our own.
  const given = options.shared?.fits(balanceD, options.personHours) ? options.shared : null;
  const lp = given ?? new SharedExact(org, highs, balanceD, options.personHours, tau, limits.lp);
  const model = lp.model;
  try {
    const exact = lp.solve(tau);
    phase('bound', 1);
    if (exact.status === 'infeasible') return result('infeasible', 'No plan keeps every job within this tolerance, even in fractions of an hour; nothing moves.', before, null, 0);
    if (exact.status !== 'optimal') {
      const why = exact.status === 'time-limit' ? `The exact solve reached its ${limits.lp} s time limit; nothing moves.` : 'The solver could not handle the numbers in this organization; nothing moves.';
      return result(exact.status === 'time-limit' ? 'best-found' : 'solver-failed', why, before, null, 0);
    }
    const bound = exact.moved;
    if (bound <= 1e-7) return result('balanced', 'Every job is already within the band; nothing moves.', before, bound, 0);
    const shares = departmentShares(org);
    const continuous = (sol: LpSolution): HoursMap => {
      const st = new BlockState(org, model, 1, minBlock, tau, balanceD);
      const delta = handOut(st, sol, shares);
      const cells: HoursMap = new Map();
      for (const p of st.people) {
        const row = new Map<string, number>();
        p.task.forEach((ti, s) => row.set(st.tasks[ti].id, p.cur[s]));
        for (const [ti, h] of delta.get(st.personIndex.get(p.id)!) ?? []) row.set(st.tasks[ti].id, (row.get(st.tasks[ti].id) ?? 0) + h);
        cells.set(p.id, row);
      }
      return exactTotals(cells, model.movable, options.personHours);
    };
    // A state in blocks of `block` with the plan's offsets placed (null and why, when they cannot be).
    const fresh = (block: number, sol: LpSolution): { state: BlockState; delta: Map<number, Map<number, number>>; why: string | null } => {
      const state = new BlockState(org, model, block, minBlock, tau, balanceD);
      const delta = handOut(state, sol, shares);
      return { state, delta, why: placeRemainders(state, delta) };
    };
    if (g === 0) {
      phase('hand-out', 3);
      return result('complete', null, mergeHours(model.fixed, continuous(exact)), bound, 0);
    }

    const deadline = Date.now() + limits.repair * 1000;
    let best: { state: BlockState; excess: number; moved: number; margin: number } | null = null;
    // Rounded and repaired first in blocks of the minimum (a multiple of g), so every change is 0 or
    // ≥ minBlock; then repaired in g-blocks under the same rule (state.allowed) where still needed.
    const coarse = g * Math.max(1, Math.ceil(minBlock / g - 1e-9));
    let timedOut = false;
    let remainderWhy: string | null = null;
    for (const margin of PLAN_MARGINS) {
      const sol = margin === 0 ? exact : lp.solve(tau * (1 - margin));
      phase('plan-lp', 2);
      if (sol.status !== 'optimal') {
        timedOut ||= sol.status === 'time-limit';
        continue;
      }
      let { state, delta, why } = fresh(coarse, sol);
      phase('hand-out', 3);
      if (why) {
        remainderWhy = why;
        continue;
      }
      let rounded = roundToBlocks(state, delta, maxNew, highs, limits.round, false);
      // Forced new tasks may not balance among the people the plan changes: widen to everyone, then
      // (last resort, feasible without a rotation) take no new tasks and leave the band to repair.
      for (const allowNew of [true, false]) {
        if (rounded.status === 'optimal' || rounded.status === 'time-limit') break;
        ({ state, delta } = fresh(coarse, sol));
        rounded = roundToBlocks(state, delta, maxNew, highs, limits.round, true, allowNew);
      }
      phase('round', 4);
      if (rounded.status !== 'optimal') {
        timedOut ||= rounded.status === 'time-limit';
        continue;
      }
      timedOut ||= repair(state, maxNew, deadline);
      if (coarse > g && !timedOut) {
        const fine = new BlockState(org, model, g, minBlock, tau, balanceD);
        fine.copyPlan(state);
        state = fine;
        if (state.people.some((p) => state.excess(p) > 0)) timedOut ||= repair(state, maxNew, deadline);
        timedOut ||= trim(state, deadline);
      }
      phase('repair', 5);
      const excess = state.people.reduce((s, p) => s + state.excess(p), 0);
      const moved = state.moved();
      if (!best || excess < best.excess - 1e-12 || (Math.abs(excess - best.excess) <= 1e-12 && moved < best.moved)) best = { state, excess, moved, margin };
      if ((excess === 0 && org.people.length > EVERY_MARGIN_UP_TO) || timedOut) break;
    }
    if (!best) {
      const why = timedOut ? 'A time limit was reached before any block plan was found; nothing moves.' : remainderWhy ? `No block plan: ${remainderWhy}; nothing moves.`
        : options.personHours ? 'No block plan could be rounded: with the chore rotation, some people’s new totals could not be reached in whole blocks under the minimum-block and new-task rules; nothing moves.' : 'No block plan could be rounded; nothing moves.';
      return result(timedOut ? 'best-found' : 'solver-failed', why, before, bound, 0);
    }
    return result('complete', null, mergeHours(model.fixed, best.state.hours()), bound, best.margin, timedOut, best.state);
  } finally {
    if (!given) lp.dispose();
  }
}
