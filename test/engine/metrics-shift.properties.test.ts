/**
 * Ratings are an interval scale (issue 11): shifting every rating by the same number of points, inside the
 * scale, must leave the figures that depend only on differences unchanged — absolute Gini (E and D), the
 * top fifth's points above the mean, within tolerance, and the coordinator cluster (members, distance,
 * levels at τ, 2τ, 3τ, largest break, kind, memberships resting on suggestions). Organizations are rated
 * 1–15 on a 1–20 scale and shifted by 1–5 points.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildGen, genOrg, metricsOf } from '../helpers/metrics-orgs';

const close = (a: number | null, b: number | null, what: string) => {
  if (a === null || b === null) return expect(b, what).toBe(a);
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
};

describe('shifting every rating by a constant', () => {
  it('leaves absoluteGini, top20Gap, withinTolerance and the coordinator cluster unchanged', () => {
    fc.assert(
      fc.property(genOrg(1, 15), fc.integer({ min: 1, max: 5 }), fc.constantFrom(undefined, 0.5, 1, 2), (g, k, tol) => {
        const a = metricsOf(buildGen(g), tol);
        const b = metricsOf(buildGen(g, undefined, k), tol);
        for (const dim of ['empowerment', 'desirability'] as const) {
          close(a[dim].absoluteGini, b[dim].absoluteGini, `${dim}.absoluteGini`);
          close(a[dim].top20Gap, b[dim].top20Gap, `${dim}.top20Gap`);
          close(a[dim].withinTolerance, b[dim].withinTolerance, `${dim}.withinTolerance`);
          if (a[dim].mean !== null) close(a[dim].mean! + k, b[dim].mean, `${dim}.mean moves by k`);
        }
        const [ca, cb] = [a.coordinator, b.coordinator];
        expect(cb.members.map((m) => [m.name, m.restsOnSuggestions])).toEqual(ca.members.map((m) => [m.name, m.restsOnSuggestions]));
        close(ca.gap, cb.gap, 'coordinator.gap');
        close(ca.hoursShare, cb.hoursShare, 'coordinator.hoursShare');
        expect(cb.levels.map((l) => [l.multiple, l.names])).toEqual(ca.levels.map((l) => [l.multiple, l.names]));
        cb.levels.forEach((l, i) => close(ca.levels[i].hoursShare, l.hoursShare, `level ${l.multiple} hoursShare`));
        expect(cb.largestBreak === null).toBe(ca.largestBreak === null);
        if (ca.largestBreak && cb.largestBreak) {
          close(ca.largestBreak.gap, cb.largestBreak.gap, 'largestBreak.gap');
          expect([cb.largestBreak.above, cb.largestBreak.lowestAbove, cb.largestBreak.highestBelow])
            .toEqual([ca.largestBreak.above, ca.largestBreak.lowestAbove, ca.largestBreak.highestBelow]);
        }
        expect(cb.kind).toBe(ca.kind);
      }),
      { numRuns: 200 },
    );
  });

  it('the relative Gini does move: a shift of 2 points lowers it whenever there is any inequality', () => {
    fc.assert(
      fc.property(genOrg(1, 15), (g) => {
        const a = metricsOf(buildGen(g)).empowerment;
        fc.pre(a.absoluteGini > 1e-6);
        expect(metricsOf(buildGen(g, undefined, 2)).empowerment.gini).toBeLessThan(a.gini);
      }),
      { numRuns: 100 },
    );
  });
});
