/**
 * Handing class hours back to concrete tasks, and who hands what to whom (handBack.ts): transfers
 * per task add up to the hours that task moves; movedHours = ½ Σ |Δ|; keepers keep their largest
 * tasks of a class; gainers take leftovers of tasks they already do first. Hand-made LP solutions
 * for the ordering rules, random proposals for the sums.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildModel } from '../../renderer/src/engine/balance/model';
import { BalanceLp, type LpSolution } from '../../renderer/src/engine/balance/lp';
import { handBack, movedHours, transfersBetween } from '../../renderer/src/engine/balance/handBack';
import type { Highs, Transfer } from '../../renderer/src/engine/balance/types';
import { currentOf, get, halfAbsDelta, hoursOf, type Hours } from '../helpers/balance-check';
import { org, person, randomOrg, RANGE, task, TOLERANCES, work } from '../helpers/balance-orgs';
import { describeOrg, getHighs, tryPropose } from '../helpers/balance-run';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

const H = (rows: Record<string, Record<string, number>>): Hours => new Map(Object.entries(rows).map(([p, ts]) => [p, new Map(Object.entries(ts))]));

/** Checks transfers against before → after: per task they add up to the hours it moves, givers give what they lose, takers get what they gain. */
function expectTransfersMatch(before: Hours, after: Hours, transfers: Transfer[]) {
  const delta = new Map<string, Map<string, number>>(); // task → person → Δ
  const note = (h: Hours, sign: number) => {
    for (const [p, ts] of h) for (const [t, v] of ts) {
      if (!delta.has(t)) delta.set(t, new Map());
      delta.get(t)!.set(p, (delta.get(t)!.get(p) ?? 0) + sign * v);
    }
  };
  note(after, 1);
  note(before, -1);
  for (const tr of transfers) {
    expect(tr.hours).toBeGreaterThan(0);
    expect(tr.fromId).not.toBe(tr.toId);
  }
  for (const [t, people] of delta) {
    const gained = [...people.values()].reduce((s, d) => s + Math.max(0, d), 0);
    const halfAbs = [...people.values()].reduce((s, d) => s + Math.abs(d), 0) / 2;
    const mine = transfers.filter((x) => x.taskId === t);
    expect(mine.reduce((s, x) => s + x.hours, 0), `task ${t}`).toBeCloseTo(gained, 6);
    // A task's hours are conserved, so what it gains is half of what changes.
    expect(gained, `task ${t}`).toBeCloseTo(halfAbs, 6);
    for (const [p, d] of people) {
      const given = mine.filter((x) => x.fromId === p).reduce((s, x) => s + x.hours, 0);
      const taken = mine.filter((x) => x.toId === p).reduce((s, x) => s + x.hours, 0);
      expect(given, `${p} gives ${t}`).toBeCloseTo(Math.max(0, -d), 6);
      expect(taken, `${p} takes ${t}`).toBeCloseTo(Math.max(0, d), 6);
    }
  }
}

describe('transfersBetween and movedHours on hand-made hours', () => {
  it('a swap: each task moves 4 h, one transfer each way', () => {
    const before = H({ a: { x: 10 }, b: { y: 10 } });
    const after = H({ a: { x: 6, y: 4 }, b: { y: 6, x: 4 } });
    const tr = transfersBetween(before, after);
    expect(tr).toEqual(expect.arrayContaining([{ taskId: 'x', fromId: 'a', toId: 'b', hours: 4 }, { taskId: 'y', fromId: 'b', toId: 'a', hours: 4 }]));
    expect(tr).toHaveLength(2);
    expect(movedHours(before, after)).toBe(8);
    expect(movedHours(before, after)).toBe(halfAbsDelta(before, after));
    expectTransfersMatch(before, after, tr);
  });

  it('several givers and takers of one task', () => {
    const before = H({ a: { x: 6, y: 1 }, b: { x: 4, y: 2 }, c: { y: 5 }, d: { y: 3 } });
    const after = H({ a: { x: 2, y: 5 }, b: { y: 6 }, c: { x: 5 }, d: { x: 3 } });
    const tr = transfersBetween(before, after);
    expectTransfersMatch(before, after, tr);
    expect(tr.filter((t) => t.taskId === 'x').reduce((s, t) => s + t.hours, 0)).toBe(8);
    expect(movedHours(before, after)).toBe(16);
    expect(halfAbsDelta(before, after)).toBe(16);
  });

  it('no change, no transfers, nothing moved', () => {
    const h = H({ a: { x: 3.5 }, b: { x: 1, y: 2 } });
    expect(transfersBetween(h, H({ a: { x: 3.5 }, b: { x: 1, y: 2 } }))).toEqual([]);
    expect(movedHours(h, h)).toBe(0);
  });
});

describe('handBack on a hand-made LP solution', () => {
  // A and B are one class (same E, no requirement); C another.
  // P1: A 4, C 6 · P2: A 5, C 5 · P3: B 10 · P4: C 10.
  const o = org([person('P1'), person('P2'), person('P3'), person('P4')], [task('A', 10), task('B', 10), task('C', 15)], [
    work('P1', 'A', 4), work('P1', 'C', 6), work('P2', 'A', 5), work('P2', 'C', 5), work('P3', 'B', 10), work('P4', 'C', 10),
  ]);
  const m = buildModel(o, false);
  const g = (p: string) => m.groups.findIndex((x) => x.personIds.includes(p));
  const c0 = m.classOfTask.get('A')!;
  const c1 = m.classOfTask.get('C')!;
  const rows = (entries: [string, [number, number][]][]) => new Map(entries.map(([p, cs]) => [g(p), new Map(cs)]));
  // P2 gives up 1 h of A and P3 3 h of B (leftovers: A 1, B 3); P1 and P4 each gain 2 h of the class
  // and give up 2 h of C, which P2 (1 h) and P3 (3 h) take.
  const sol: LpSolution = {
    status: 'optimal',
    kept: rows([['P1', [[c0, 4], [c1, 4]]], ['P2', [[c0, 4], [c1, 5]]], ['P3', [[c0, 7]]], ['P4', [[c1, 8]]]]),
    added: rows([['P1', [[c0, 2]]], ['P2', [[c1, 1]]], ['P3', [[c1, 3]]], ['P4', [[c0, 2]]]]),
    moved: 8,
    tau: 0,
  };

  it('the model has the classes and groups this example assumes', () => {
    expect(m.classOfTask.get('B')).toBe(c0);
    expect(c1).not.toBe(c0);
    expect(new Set(['P1', 'P2', 'P3', 'P4'].map(g)).size).toBe(4);
  });

  it('a gainer takes leftovers of a task they already do first (P1 takes the 1 h of A before any B, though B has more left)', () => {
    const after = handBack(m, sol);
    expect(get(after, 'P1', 'A')).toBeCloseTo(5, 9);
    expect(get(after, 'P1', 'B')).toBeCloseTo(1, 9);
    expect(get(after, 'P4', 'B')).toBeCloseTo(2, 9);
    expect(get(after, 'P4', 'A')).toBe(0);
  });

  it('hands back exactly the LP’s hours: class and person totals kept, hours moved = the LP’s', () => {
    const after = handBack(m, sol);
    const before = currentOf(o);
    for (const p of ['P1', 'P2', 'P3', 'P4']) {
      const sum = (h: Hours) => [...(h.get(p) ?? new Map()).values()].reduce((s, v) => s + v, 0);
      expect(sum(after), p).toBeCloseTo(sum(before), 9);
    }
    for (const t of ['A', 'B', 'C']) {
      const sum = (h: Hours) => [...h.values()].reduce((s, ts) => s + (ts.get(t) ?? 0), 0);
      expect(sum(after), t).toBeCloseTo(sum(before), 9);
    }
    expect(movedHours(before, after)).toBeCloseTo(sol.moved, 9);
    expect(halfAbsDelta(before, after)).toBeCloseTo(sol.moved, 9);
    expectTransfersMatch(before, after, transfersBetween(before, after));
  });

  it('a keeper keeps their largest tasks of a class first', () => {
    // Q does A 6 and B 2 (one class); the LP keeps 6 h of the class and moves 2 h to R, who does C.
    const o2 = org([person('Q'), person('R')], [task('A', 10), task('B', 10), task('C', 15)], [work('Q', 'A', 6), work('Q', 'B', 2), work('R', 'C', 8)]);
    const m2 = buildModel(o2, false);
    const gq = m2.groups.findIndex((x) => x.personIds.includes('Q'));
    const gr = m2.groups.findIndex((x) => x.personIds.includes('R'));
    const a = m2.classOfTask.get('A')!;
    const c = m2.classOfTask.get('C')!;
    const after = handBack(m2, {
      status: 'optimal',
      kept: new Map([[gq, new Map([[a, 6]])], [gr, new Map([[c, 6]])]]),
      added: new Map([[gq, new Map([[c, 2]])], [gr, new Map([[a, 2]])]]),
      moved: 4,
      tau: 0,
    });
    expect(get(after, 'Q', 'A')).toBeCloseTo(6, 9);
    expect(get(after, 'Q', 'B')).toBe(0);
    expect(get(after, 'R', 'B')).toBeCloseTo(2, 9);
  });
});

describe('on random proposals', () => {
  it('transfers per task add up to that task’s hours moved; movedHours = ½ Σ |Δ| = Σ transfers = the LP’s optimum', () => {
    let tested = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.constantFrom(...TOLERANCES), fc.boolean(), (seed, tolerance, desirability) => {
        const o = randomOrg(seed);
        const out = tryPropose(o, highs, { tolerance, desirability, skipOptions: true });
        if (!out.ok || out.proposal.status === 'infeasible') return;
        tested++;
        const p = out.proposal;
        const before = currentOf(o);
        const after = hoursOf(p.allocation);
        expectTransfersMatch(before, after, p.transfers);
        expect(p.movedHours).toBeCloseTo(halfAbsDelta(before, after), 6);
        expect(p.transfers.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(p.movedHours, 6);
        // Handing back moves exactly what the LP moved.
        const lp = new BalanceLp(buildModel(o, desirability), highs, tolerance / RANGE);
        try {
          const sol = lp.solve(tolerance / RANGE);
          expect(p.movedHours, describeOrg(o)).toBeCloseTo(sol.moved, 6);
        } finally {
          lp.dispose();
        }
      }),
      { seed: 5150, numRuns: 60 },
    );
    expect(tested).toBeGreaterThanOrEqual(20);
  });
});
