/**
 * The category plan is a function of its input (issue 17): the same people, tasks and hours in
 * another order — people, tasks and assignment rows shuffled — give identical transfers, in the same
 * order, and the same allocation and figures. The LP is degenerate, so without a canonical order
 * simplex and the transfer splitting end on different optima of equal cost.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { balanceCategories, type CategoryPlan } from '../../renderer/src/engine/categories/balance';
import { importOrganization } from '../../renderer/src/engine/import';
import type { Highs } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { getHighs } from '../helpers/balance-run';
import { org, task } from './org.helpers';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

/** A seeded Fisher–Yates shuffle (a linear congruential generator: the same seed, the same order). */
function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const a = xs.slice();
  let s = seed >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** The same organization with its people, tasks and rows in another order (deep copies: nothing shared). */
function shuffled(o: Organization, seed: number): Organization {
  const copy = structuredClone(o);
  return { ...copy, people: shuffle(copy.people, seed), tasks: shuffle(copy.tasks, seed + 1), assignments: shuffle(copy.assignments, seed + 2) };
}

/** What a plan says, order included. */
const shape = (p: CategoryPlan) => ({
  status: p.status, movedHours: p.movedHours, lpMovedHours: p.lpMovedHours, blocks: p.blocks, shortTransfers: p.shortTransfers,
  transfers: p.transfers, allocation: p.allocation, blockers: p.blockers,
});

describe('the category plan does not depend on the order of its input', () => {
  const file = 'test/fixtures/categories/south-end-press.csv';
  const sep = importOrganization(new Uint8Array(readFileSync(file)), file, { hoursPerFte: 40, mapping: { sheets: {} } }).organization!;

  it('South End Press shuffled five ways: identical transfers, allocation and figures at ±5, ±10 and ±20 points', () => {
    for (const delta of [0.05, 0.1, 0.2]) {
      const first = shape(balanceCategories(sep, highs, delta));
      expect(first.status).toBe('optimal');
      expect(first.transfers.length).toBeGreaterThan(0);
      for (let seed = 1; seed <= 5; seed++) {
        const other = shuffled(sep, seed * 97);
        // The shuffle really changes the order (else the test would prove nothing).
        expect(other.people.map((p) => p.id)).not.toEqual(sep.people.map((p) => p.id));
        expect(shape(balanceCategories(other, highs, delta)), `δ ${delta}, seed ${seed}`).toEqual(first);
      }
      // And twice on the same input (the solver keeps no state between runs).
      expect(shape(balanceCategories(sep, highs, delta))).toEqual(first);
    }
  });

  it('random small organizations (fixed seed): a shuffle of people, tasks and rows gives the same plan', () => {
    const work = fc.array(
      fc.record({ p: fc.integer({ min: 0, max: 5 }), t: fc.integer({ min: 0, max: 6 }), h: fc.integer({ min: 1, max: 24 }).map((x) => x / 2 + (x % 3 === 0 ? 0.3 : 0)) }),
      { minLength: 3, maxLength: 16 },
    );
    const cats = fc.array(fc.constantFrom('Managerial', 'content', 'Content', 'Maintenance', undefined), { minLength: 7, maxLength: 7 });
    fc.assert(
      fc.property(work, cats, fc.boolean(), fc.constantFrom(0.05, 0.1, 0.2), fc.integer({ min: 1, max: 1e6 }), (rows, categories, lockOne, delta, seed) => {
        const o = org(categories.map((c, i) => task(`t${i}`, c)), rows.map((r, i) => [`p${r.p}`, `t${r.t}`, r.h, lockOne && i === 0]));
        expect(shape(balanceCategories(shuffled(o, seed), highs, delta))).toEqual(shape(balanceCategories(o, highs, delta)));
      }),
      { numRuns: 150, seed: 17_031 },
    );
  });
});
