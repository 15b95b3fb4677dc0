/**
 * "Infeasible is an answer" (issue 4; DESIGN.md §1): when τ cannot be met, `propose` returns status
 * 'infeasible' with a diagnosis — the tightest tolerance reachable and what blocks the one asked
 * for (which qualification, lock or person) — never an exception. Cases designed to be truly
 * infeasible (each checked with the GLPK reference too), organizations where the LP has nothing
 * to move, and random infeasible organizations whose named blockers are verified by relaxing them
 * in the reference.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { GLPK } from 'glpk.js/node';
import type { Highs, Proposal } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { loadGlpk, referenceSolve, referenceTightest } from '../helpers/balance-reference';
import { currentOf, scores } from '../helpers/balance-check';
import { org, person, randomOrg, task, TOLERANCES, work } from '../helpers/balance-orgs';
import { describeOrg, getHighs, tryPropose } from '../helpers/balance-run';

let highs: Highs;
let g: GLPK;
beforeAll(async () => {
  [highs, g] = await Promise.all([getHighs(), loadGlpk()]);
});

/** propose must answer; returns the proposal (fails the test with the exception otherwise). */
function answer(o: Organization, tolerance: number, extra: { desirability?: boolean; skipOptions?: boolean } = {}): Proposal {
  const out = tryPropose(o, highs, { tolerance, skipOptions: true, ...extra });
  if (!out.ok) expect.fail(`propose threw instead of answering: ${out.error}`);
  return out.proposal;
}

/** Asserts the case really is infeasible at `tolerance` (GLPK) and returns the tightest band in points. */
function trulyInfeasible(o: Organization, tolerance: number, desirability = false): number {
  expect(referenceSolve(g, o, tolerance, desirability).status).toBe('infeasible');
  const tight = referenceTightest(g, o, desirability)!;
  expect(tight).toBeGreaterThan(tolerance);
  return tight;
}

function expectDiagnosis(p: Proposal, tolerance: number, tight: number) {
  expect(p.status).toBe('infeasible');
  expect(p.diagnosis).not.toBeNull();
  const d = p.diagnosis!;
  expect(d.tightestTolerance).not.toBeNull();
  expect(d.tightestTolerance!).toBeGreaterThanOrEqual(tolerance);
  // Rounded up to 0.01 point.
  expect(d.tightestTolerance!).toBeGreaterThanOrEqual(tight - 1e-6);
  expect(d.tightestTolerance!).toBeLessThanOrEqual(tight + 0.01 + 1e-6);
  expect(d.message).toMatch(/cannot be met/);
  expect(d.message).toContain(String(d.tightestTolerance));
  // An infeasible proposal proposes nothing: the allocation is the current one.
  expect(p.movedHours).toBe(0);
  expect(p.transfers).toEqual([]);
}

describe('designed infeasible cases get a diagnosis naming the cause', () => {
  it('a person whose locked hours put them far above the mean', () => {
    const o = org([person('ada', [], 'Ada Boss'), person('ben', [], 'Ben Low'), person('cara', [], 'Cara Mid'), person('dan', [], 'Dan Base')],
      [task('plan', 20, 15, [], 'Strategic planning'), task('file', 2, 5, [], 'Filing'), task('budget', 12, 10, [], 'Budget review'), task('out', 8, 10, [], 'Outreach'), task('clean', 1, 3, [], 'Cleaning')],
      [work('ada', 'plan', 40, true), work('ben', 'file', 30), work('ben', 'budget', 10), work('cara', 'file', 20), work('cara', 'out', 20), work('dan', 'clean', 40)]);
    const tight = trulyInfeasible(o, 1);
    // Ada's E is 20 for good: the tightest band is her distance from the mean.
    const s = scores(o, currentOf(o));
    expect(tight).toBeCloseTo(20 - s.meanE!, 6);
    const p = answer(o, 1, { skipOptions: false });
    expectDiagnosis(p, 1, tight);
    expect(p.diagnosis!.blockers).toContainEqual(expect.objectContaining({ kind: 'lock', name: 'Ada Boss' }));
    expect(p.diagnosis!.message).toContain('Ada Boss');
    // The options curve says the same: infeasible below the tightest band.
    for (const pt of p.options) expect(pt.status, `±${pt.tolerance}`).toBe(pt.tolerance < tight - 1e-9 ? 'infeasible' : 'optimal');
  });

  it('a person with part of their hours locked on empowering work, beyond what their free hours can offset', () => {
    // Ada: 30 h locked at 20, 10 h free at 20; even with 10 h of the lowest task (1) her E is 15.25.
    const o = org([person('ada', [], 'Ada Boss'), person('ben', [], 'Ben Low'), person('cara', [], 'Cara Mid')],
      [task('plan', 20), task('board', 20), task('clean', 1), task('out', 8)],
      [work('ada', 'plan', 30, true), work('ada', 'board', 10), work('ben', 'clean', 40), work('cara', 'out', 40)]);
    const tight = trulyInfeasible(o, 2);
    const p = answer(o, 2);
    expectDiagnosis(p, 2, tight);
    expect(p.diagnosis!.blockers).toContainEqual(expect.objectContaining({ kind: 'lock', name: 'Ada Boss' }));
  });

  it('an empowering task requiring a qualification nobody else holds (its holder cannot shed it)', () => {
    const o = org([person('x', ['Board'], 'Xena'), person('y', [], 'Yuri'), person('z', ['cdl'], 'Zoe')],
      [task('strat', 20, 10, ['board'], 'Strategy'), task('file', 1, 10, [], 'Filing')],
      [work('x', 'strat', 40), work('y', 'file', 40), work('z', 'file', 40)]);
    const tight = trulyInfeasible(o, 1);
    expect(referenceTightest(g, o, false, true)).toBeCloseTo(0, 6); // without qualifications anything is reachable
    const p = answer(o, 1);
    expectDiagnosis(p, 1, tight);
    expect(p.diagnosis!.blockers).toContainEqual(expect.objectContaining({ kind: 'qualification', name: 'board' }));
  });

  it('an empowering task requiring a qualification nobody holds at all (its current holder may keep it, nobody may take it)', () => {
    const o = org([person('x', [], 'Xena'), person('y', [], 'Yuri')],
      [task('strat', 20, 10, ['Board'], 'Strategy'), task('plan', 18, 10, ['board'], 'Planning'), task('file', 1, 10, [], 'Filing')],
      [work('x', 'strat', 20), work('x', 'plan', 20), work('y', 'file', 40)]);
    const tight = trulyInfeasible(o, 1);
    const p = answer(o, 1);
    expectDiagnosis(p, 1, tight);
    expect(p.diagnosis!.blockers).toContainEqual(expect.objectContaining({ kind: 'qualification', name: 'board' }));
    expect(p.diagnosis!.message).toMatch(/Strategy|Planning/);
  });

  it('the smallest such case: one qualified person on an empowering task, one unqualified person below the mean', () => {
    const o = org([person('a', ['cdl'], 'Ann'), person('b', [], 'Bob')], [task('hi', 16, 10, ['CDL'], 'Dispatch'), task('mid', 10, 10, [], 'Routing')],
      [work('a', 'hi', 8), work('b', 'mid', 8)]);
    const tight = trulyInfeasible(o, 0.5);
    const p = answer(o, 0.5);
    expectDiagnosis(p, 0.5, tight);
    expect(p.diagnosis!.blockers).toContainEqual(expect.objectContaining({ kind: 'qualification', name: 'cdl' }));
  });

  it('the same with two identical unqualified people (1 h each): answered, not "run failed with HiGHS status -1"', () => {
    // Mean 12; Cy (16, the only "cdl" holder) must come down to 12.5, Ann and Bob (10) cannot take "Dispatch".
    // HiGHS's interior-point solver without presolve fails on this infeasible LP (simplex reports it infeasible).
    const o = org([person('a', [], 'Ann'), person('c', ['cdl'], 'Cy'), person('b', [], 'Bob')], [task('mid', 10, 10, [], 'Routing'), task('hi', 16, 10, ['cdl'], 'Dispatch')],
      [work('a', 'mid', 1), work('c', 'hi', 1), work('b', 'mid', 1)]);
    const tight = trulyInfeasible(o, 0.5);
    const p = answer(o, 0.5);
    expectDiagnosis(p, 0.5, tight);
    expect(p.diagnosis!.blockers).toContainEqual(expect.objectContaining({ kind: 'qualification', name: 'cdl' }));
  });

  it('two people whose locks each put them out of reach are both named', () => {
    const o = org([person('a', [], 'Ann'), person('b', [], 'Bob'), person('c', [], 'Cy')], [task('x', 20), task('y', 1), task('w', 5)],
      [work('a', 'x', 40, true), work('b', 'y', 40, true), work('c', 'w', 10)]);
    const tight = trulyInfeasible(o, 1);
    const p = answer(o, 1);
    expectDiagnosis(p, 1, tight);
    const named = p.diagnosis!.blockers.filter((b) => b.kind === 'lock').map((b) => b.name);
    expect(named, p.diagnosis!.message).toEqual(expect.arrayContaining(['Ann', 'Bob']));
  });

  it('balancing desirability too: a task without a D rating stays put, and the diagnosis still names a cause', () => {
    // "Strategy" has no D rating, so with --desirability its 40 h stay with Ann: her E is 20 for good.
    const o = org([person('a', [], 'Ann'), person('b', [], 'Bob')], [task('x', 20, null, [], 'Strategy'), task('y', 1, 10, [], 'Filing'), task('z', 10, 10, [], 'Outreach')],
      [work('a', 'x', 40), work('b', 'y', 20), work('b', 'z', 20)]);
    expect(referenceSolve(g, o, 1, false).status).toBe('optimal');
    const tight = trulyInfeasible(o, 1, true);
    const p = answer(o, 1, { desirability: true });
    expect(p.frozenTaskIds).toEqual(['x']);
    expectDiagnosis(p, 1, tight);
    expect(p.diagnosis!.blockers.length, `no blocker named: "${p.diagnosis!.message}"`).toBeGreaterThanOrEqual(1);
    expect(p.diagnosis!.message).toMatch(/Ann|Strategy/);
  });
});

describe('a lock is named only when it blocks the tolerance given the qualifications', () => {
  it('qualifications block, a lock does not: the qualification is named, the lock is not', () => {
    // Only Ada holds "mba", which Strategy requires: her 40 h of it cannot move. Her locked 2 h of
    // Filing change nothing: unlocked, with "mba" still required, ±1 stays out of reach.
    const o = org([person('ada', ['mba'], 'Ada Boss'), person('ben', [], 'Ben Low'), person('cara', [], 'Cara Mid')],
      [task('plan', 20, 15, ['mba'], 'Strategy'), task('file', 2, 5, [], 'Filing'), task('out', 8, 10, [], 'Outreach')],
      [work('ada', 'plan', 40), work('ada', 'file', 2, true), work('ben', 'file', 40), work('cara', 'out', 40)]);
    const tight = trulyInfeasible(o, 1);
    const unlocked = { ...o, assignments: o.assignments.map((a) => ({ ...a, locked: false })) };
    expect(referenceTightest(g, unlocked)!, 'unlocking Ada does not unblock ±1 with the qualification kept').toBeGreaterThan(1);
    expect(referenceTightest(g, o, false, true)!, 'dropping the qualification unblocks ±1').toBeLessThanOrEqual(1);
    const p = answer(o, 1);
    expectDiagnosis(p, 1, tight);
    expect(p.diagnosis!.blockers).toContainEqual(expect.objectContaining({ kind: 'qualification', name: 'mba' }));
    expect(p.diagnosis!.blockers.filter((b) => b.kind === 'lock')).toEqual([]);
    expect(p.diagnosis!.message).not.toMatch(/locked/);
  });
});

describe('organizations where the LP has nothing to move', () => {
  it('everything locked and everyone within the band: balanced, not an exception', () => {
    const o = org([person('a'), person('b')], [task('x', 10), task('y', 11)], [work('a', 'x', 40, true), work('b', 'y', 40, true)]);
    const p = answer(o, 1, { skipOptions: false });
    expect(p.status).toBe('balanced');
    expect(p.movedHours).toBe(0);
    expect(p.allocation).toHaveLength(2);
  });

  it('everything locked and someone out of the band: infeasible with the locks named, not an exception', () => {
    const o = org([person('a', [], 'Ann'), person('b', [], 'Bob')], [task('x', 20), task('y', 1)], [work('a', 'x', 40, true), work('b', 'y', 40, true)]);
    const tight = trulyInfeasible(o, 1);
    const p = answer(o, 1);
    expectDiagnosis(p, 1, tight);
    expect(p.diagnosis!.blockers.some((b) => b.kind === 'lock')).toBe(true);
  });

  it('people but no hours at all: balanced, nothing to propose', () => {
    const o = org([person('a'), person('b')], [task('x', 10)], []);
    const p = answer(o, 1, { skipOptions: false });
    expect(p.status).toBe('balanced');
    expect(p.allocation).toEqual([]);
  });

  it('every task unrated: balanced, every task frozen', () => {
    const o = org([person('a'), person('b')], [task('x', null), task('y', null)], [work('a', 'x', 10), work('b', 'y', 20)]);
    const p = answer(o, 1, { skipOptions: false });
    expect(p.status).toBe('balanced');
    expect(p.frozenTaskIds.sort()).toEqual(['x', 'y']);
    expect(p.allocation).toHaveLength(2);
  });
});

describe('random infeasible organizations', () => {
  it('get status infeasible and a diagnosis whose tightest band matches GLPK and whose every named blocker really unblocks', () => {
    let infeasible = 0;
    let named = 0;
    const problems: string[] = [];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...TOLERANCES.slice(0, 4)), (seed, tolerance) => {
        const o = randomOrg(seed, { lockRate: 0.15, requireRate: 0.35 });
        if (referenceSolve(g, o, tolerance).status !== 'infeasible') return;
        infeasible++;
        const tag = `seed ${seed} τ ${tolerance}`;
        const out = tryPropose(o, highs, { tolerance, skipOptions: true });
        if (!out.ok) {
          problems.push(`${tag}: propose threw "${out.error}" — ${describeOrg(o)}`);
          return;
        }
        const p = out.proposal;
        const tight = referenceTightest(g, o)!;
        const d = p.diagnosis;
        if (p.status !== 'infeasible' || !d) {
          problems.push(`${tag}: status ${p.status}, diagnosis ${JSON.stringify(d)}`);
          return;
        }
        if (d.tightestTolerance === null || d.tightestTolerance < tolerance || d.tightestTolerance < tight - 1e-6 || d.tightestTolerance > tight + 0.01 + 1e-6) problems.push(`${tag}: tightest ${d.tightestTolerance}, GLPK ${tight}`);
        // Without D balancing only locks and qualifications can block, so one must be named.
        if (d.blockers.length === 0) problems.push(`${tag}: no blocker — ${d.message}`);
        for (const b of d.blockers) {
          if (b.kind === 'qualification' && b.name !== 'qualifications') {
            named++;
            const relaxed = { ...o, tasks: o.tasks.map((t) => ({ ...t, requires: t.requires.filter((q) => q.trim().toLowerCase() !== b.name) })) };
            if (!o.tasks.some((t) => t.requires.some((q) => q.trim().toLowerCase() === b.name))) problems.push(`${tag}: blocker names "${b.name}", which no task requires`);
            else if (referenceTightest(g, relaxed)! > tolerance + 1e-7) problems.push(`${tag}: dropping "${b.name}" does not unblock ±${tolerance} (GLPK ${referenceTightest(g, relaxed)})`);
          } else if (b.kind === 'lock' && b.jointly) {
            // Named together: unlocking all of the jointly named people must unblock, with every
            // qualification kept unless the qualifications are named jointly with them.
            named++;
            const withQualifications = d.blockers.some((x) => x.kind === 'qualification' && x.jointly);
            const together = new Set(d.blockers.filter((x) => x.kind === 'lock' && x.jointly).map((x) => o.people.find((q) => q.name === x.name)?.id));
            const relaxed = { ...o, assignments: o.assignments.map((a) => (together.has(a.personId) ? { ...a, locked: false } : a)) };
            const t = referenceTightest(g, relaxed, false, withQualifications)!;
            if (t > tolerance + 1e-7) problems.push(`${tag}: unlocking ${[...together].join(', ')} together does not unblock ±${tolerance} (GLPK ${t})`);
          } else if (b.kind === 'lock') {
            named++;
            const who = o.people.find((x) => x.name === b.name);
            if (!who || !o.assignments.some((a) => a.personId === who.id && a.locked)) problems.push(`${tag}: blocker names "${b.name}", who has no lock`);
            else {
              const relaxed = { ...o, assignments: o.assignments.map((a) => (a.personId === who.id ? { ...a, locked: false } : a)) };
              // A lock is named alone only when unlocking it unblocks with every qualification kept.
              const t = referenceTightest(g, relaxed, false, false)!;
              if (t > tolerance + 1e-7) problems.push(`${tag}: unlocking ${b.name} (qualifications kept) does not unblock ±${tolerance} (GLPK ${t})`);
            }
          }
        }
      }),
      { seed: 90_210, numRuns: 100 },
    );
    expect(infeasible).toBeGreaterThanOrEqual(20);
    expect(named).toBeGreaterThanOrEqual(8);
    expect(problems, problems.slice(0, 5).join('\n')).toEqual([]);
  });
});
