/**
 * The test instruments themselves: the independent GLPK reference (test/helpers/balance-reference.ts)
 * and the feasibility checker (test/helpers/balance-check.ts) on cases worked out by hand, and the
 * checker catching every kind of violation planted in a feasible allocation. The optimizer's tests
 * lean on both, so both must be right on their own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GLPK } from 'glpk.js/node';
import { loadGlpk, referenceSolve, referenceTightest } from '../helpers/balance-reference';
import { currentOf, halfAbsDelta, hoursOf, moved, outsideBand, scores, spread, violations, type Cell } from '../helpers/balance-check';
import { org, person, task, work } from '../helpers/balance-orgs';

let g: GLPK;
beforeAll(async () => {
  g = await loadGlpk();
});

/** A does 10 h of a task rated 20, B 10 h of one rated 1: mean 10.5. */
const twoPeople = () => org([person('a'), person('b')], [task('hi', 20), task('lo', 1)], [work('a', 'hi', 10), work('b', 'lo', 10)]);

describe('the GLPK reference on cases worked by hand', () => {
  it('two people swapping: A keeps x hours of "hi" with 1 + 1.9x ≤ 11.5, so 2(10 − 10.5/1.9) = 170/19 h move', () => {
    const r = referenceSolve(g, twoPeople(), 1);
    expect(r.status).toBe('optimal');
    expect(r.moved).toBeCloseTo(170 / 19, 9);
    // The tightest band is 0: both can do half of each.
    expect(referenceTightest(g, twoPeople())).toBeCloseTo(0, 9);
  });

  it('a wider band moves fewer hours, and a band wider than the spread moves none', () => {
    expect(referenceSolve(g, twoPeople(), 5).moved).toBeCloseTo(2 * (10 - 14.5 / 1.9), 9);
    expect(referenceSolve(g, twoPeople(), 9.5).moved).toBeCloseTo(0, 9);
  });

  it('a lock on A makes the band unreachable; the tightest band is A’s distance from the mean', () => {
    const o = twoPeople();
    o.assignments[0].locked = true;
    expect(referenceSolve(g, o, 1).status).toBe('infeasible');
    expect(referenceTightest(g, o)).toBeCloseTo(9.5, 9);
  });

  it('a qualification only A holds keeps "hi" with A; ignoring it frees the band again', () => {
    const o = org([person('a', ['board']), person('b')], [task('hi', 20, 10, ['Board']), task('lo', 1)], [work('a', 'hi', 10), work('b', 'lo', 10)]);
    expect(referenceSolve(g, o, 1).status).toBe('infeasible');
    expect(referenceTightest(g, o)).toBeCloseTo(9.5, 9);
    expect(referenceTightest(g, o, false, true)).toBeCloseTo(0, 9);
    // Holding it ("BOARD " written differently) is enough.
    o.people[1].qualifications = ['BOARD '];
    expect(referenceSolve(g, o, 1).moved).toBeCloseTo(170 / 19, 9);
  });

  it('unrated hours stay put and do not count in E', () => {
    const o = org([person('a'), person('b')], [task('hi', 20), task('lo', 1), task('free', null)], [work('a', 'hi', 10), work('a', 'free', 30), work('b', 'lo', 10)]);
    expect(referenceSolve(g, o, 1).moved).toBeCloseTo(170 / 19, 9);
  });

  it('with desirability, tasks without D are frozen and count in the E band', () => {
    const o = org([person('a'), person('b')], [task('hi', 20, null), task('lo', 1, 10), task('mid', 10, 10)], [work('a', 'hi', 10), work('b', 'lo', 5), work('b', 'mid', 5)]);
    expect(referenceSolve(g, o, 1, false).status).toBe('optimal');
    expect(referenceSolve(g, o, 1, true).status).toBe('infeasible');
    // A's E is 20 for good; the mean is (200 + 5 + 50)/20 = 12.75.
    expect(referenceTightest(g, o, true)).toBeCloseTo(7.25, 9);
  });
});

describe('the independent checker', () => {
  it('scores jobs as hours-weighted means over rated hours, in points', () => {
    const o = org([person('a'), person('b')], [task('hi', 20, 4), task('lo', 1, 8), task('u', null, null)], [work('a', 'hi', 10), work('a', 'u', 5), work('b', 'lo', 30)]);
    const s = scores(o, currentOf(o));
    expect(s.jobs[0].e).toBeCloseTo(20, 12);
    expect(s.jobs[0].ratedE).toBe(10);
    expect(s.meanE).toBeCloseTo((200 + 30) / 40, 12);
    expect(s.meanD).toBeCloseTo((40 + 240) / 40, 12);
    expect(spread(o, currentOf(o))).toBeCloseTo(20 - 5.75, 12);
    expect(outsideBand(o, currentOf(o), 1)).toEqual(['a', 'b']);
  });

  it('counts moved hours as Σ new hours = ½ Σ |Δ|', () => {
    const before = hoursOf([{ personId: 'a', taskId: 'x', hours: 10 }, { personId: 'b', taskId: 'y', hours: 10 }]);
    const after = hoursOf([{ personId: 'a', taskId: 'x', hours: 6 }, { personId: 'a', taskId: 'y', hours: 4 }, { personId: 'b', taskId: 'y', hours: 6 }, { personId: 'b', taskId: 'x', hours: 4 }]);
    expect(moved(before, after)).toBe(8);
    expect(halfAbsDelta(before, after)).toBe(8);
  });

  // A feasible proposal for `base` at τ = 1: A keeps 5.5 of "hi", B takes 4.5.
  const base = () =>
    org([person('a'), person('b', ['lic']), person('c')], [task('hi', 20, 10, ['lic']), task('lo', 1), task('mid', 10.5), task('u', null)], [
      work('a', 'hi', 10), work('b', 'lo', 10), work('c', 'mid', 10, true), work('c', 'u', 3),
    ]);
  const good = (): Cell[] => [
    { personId: 'a', taskId: 'hi', hours: 5.5 }, { personId: 'a', taskId: 'lo', hours: 4.5 },
    { personId: 'b', taskId: 'lo', hours: 5.5 }, { personId: 'b', taskId: 'hi', hours: 4.5 },
    { personId: 'c', taskId: 'mid', hours: 10 }, { personId: 'c', taskId: 'u', hours: 3 },
  ];

  it('accepts a feasible allocation', () => {
    expect(violations(base(), good(), { tolerance: 1 })).toEqual([]);
  });

  it.each([
    ['a task loses hours', (c: Cell[]) => c.filter((x) => !(x.personId === 'b' && x.taskId === 'hi')).concat({ personId: 'b', taskId: 'lo', hours: 10 }), /task hi/],
    ['a person loses hours', (c: Cell[]) => c.map((x) => (x.personId === 'a' && x.taskId === 'lo' ? { ...x, hours: 4 } : x)), /person a/],
    ['a job leaves the band', (c: Cell[]) => c.map((x) => (x.taskId === 'hi' ? { ...x, hours: x.personId === 'a' ? 7 : 3 } : x.taskId === 'lo' ? { ...x, hours: x.personId === 'a' ? 3 : 7 } : x)), /E of a/],
    ['an unqualified person gains a task', (c: Cell[]) => [...c.filter((x) => x.personId !== 'c'), { personId: 'c', taskId: 'mid', hours: 10 }, { personId: 'c', taskId: 'u', hours: 2 }, { personId: 'c', taskId: 'hi', hours: 1 }], /without its qualification/],
    ['a lock is broken', (c: Cell[]) => c.map((x) => (x.personId === 'c' && x.taskId === 'mid' ? { ...x, hours: 9 } : x)), /locked c\/mid/],
    ['an unrated task moves', (c: Cell[]) => c.map((x) => (x.personId === 'c' && x.taskId === 'u' ? { ...x, hours: 2 } : x)).concat({ personId: 'a', taskId: 'u', hours: 1 }), /unrated u/],
    ['a negative cell', (c: Cell[]) => c.concat({ personId: 'a', taskId: 'mid', hours: -1 }), /bad hours/],
    ['an unknown person', (c: Cell[]) => c.concat({ personId: 'zz', taskId: 'u', hours: 0 }), /unknown person/],
  ])('rejects an allocation where %s', (_name, plant, message) => {
    const found = violations(base(), plant(good()), { tolerance: 1 });
    expect(found.join('\n')).toMatch(message);
  });

  it('checks the desirability band only when asked', () => {
    const o = org([person('a'), person('b')], [task('x', 10, 20), task('y', 10, 1)], [work('a', 'x', 10), work('b', 'y', 10)]);
    const cells = [{ personId: 'a', taskId: 'x', hours: 10 }, { personId: 'b', taskId: 'y', hours: 10 }];
    expect(violations(o, cells, { tolerance: 1 })).toEqual([]);
    expect(violations(o, cells, { tolerance: 1, desirability: true }).join('\n')).toMatch(/D of a/);
  });
});
