// Krippendorff's interval alpha: the paper's own example, an independent brute force by the coincidence matrix, and the reading's thresholds.
import { describe, expect, it } from 'vitest';
import { intervalAlpha, readAlpha } from '../../renderer/src/engine/ratingRound/alpha';
import { bruteForceAlpha } from './independent';

/**
 * K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C: 4 observers ×
 * 12 units, values 1–5, null = missing. The paper gives α = 0.743 nominal, 0.815 ordinal, 0.849
 * interval, 0.797 ratio. The same matrix is the test data of the `krippendorff` Python package
 * (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py: ordinal 0.815, ratio 0.797).
 */
const OBSERVERS: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];

function unitsOf(observers: (number | null)[][]): number[][] {
  return observers[0].map((_, u) => observers.map((o) => o[u]).filter((v): v is number => v !== null));
}

/** A small seeded generator, so the random matrices are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('intervalAlpha', () => {
  it("gives the paper's 0.849 on its 4 × 12 example with missing values", () => {
    const alpha = intervalAlpha(unitsOf(OBSERVERS));
    expect(alpha).not.toBeNull();
    expect(alpha!).toBeCloseTo(0.849, 3);
    expect(alpha!).toBeCloseTo(bruteForceAlpha(unitsOf(OBSERVERS))!, 12);
  });

  it('drops units with one value (unit 12 of the example): adding more of them changes nothing', () => {
    const base = intervalAlpha(unitsOf(OBSERVERS))!;
    expect(intervalAlpha([...unitsOf(OBSERVERS), [5], [1], [3]])).toBeCloseTo(base, 12);
  });

  it('equals the coincidence-matrix brute force on 200 random rounds with missing ratings', () => {
    const next = rng(17);
    for (let trial = 0; trial < 200; trial++) {
      const coders = 2 + Math.floor(next() * 6);
      const tasks = 1 + Math.floor(next() * 15);
      const units = Array.from({ length: tasks }, () =>
        Array.from({ length: coders }, () => (next() < 0.25 ? null : 1 + Math.floor(next() * 20))).filter((v): v is number => v !== null),
      );
      const brute = bruteForceAlpha(units);
      const fast = intervalAlpha(units);
      if (brute === null) expect(fast).toBeNull();
      else expect(fast!).toBeCloseTo(brute, 9);
    }
  });

  it('is 1 for perfect agreement, negative for systematic disagreement, and the same after a linear change of scale', () => {
    expect(intervalAlpha([[1, 1, 1], [3, 3], [5, 5, 5, 5]])).toBe(1);
    expect(intervalAlpha([[1, 5], [5, 1], [1, 5], [5, 1]])!).toBeLessThan(0);
    const units = unitsOf(OBSERVERS);
    const rescaled = units.map((u) => u.map((v) => 1 + ((v - 1) * 19) / 4)); // 1–5 → 1–20
    expect(intervalAlpha(rescaled)!).toBeCloseTo(intervalAlpha(units)!, 12);
  });

  it('is null when nothing pairs or nothing varies', () => {
    expect(intervalAlpha([])).toBeNull();
    expect(intervalAlpha([[1], [2], [3]])).toBeNull();
    expect(intervalAlpha([[4, 4, 4], [4, 4]])).toBeNull();
  });
});

describe('readAlpha', () => {
  const units = [[1, 2], [3, 3]];
  it("uses Krippendorff's thresholds: 0.800 reliable, 0.667 tentative, below that not yet shared", () => {
    expect(readAlpha('empowerment', 0.8, units).level).toBe('reliable');
    expect(readAlpha('empowerment', 0.7999, units).level).toBe('tentative');
    expect(readAlpha('empowerment', 0.667, units).level).toBe('tentative');
    expect(readAlpha('empowerment', 0.6669, units).level).toBe('unshared');
    expect(readAlpha('desirability', 0.5, units).text).toMatch(/does not yet share a reading of desirability/);
  });

  it('says why there is no alpha', () => {
    expect(readAlpha('empowerment', null, [[1], [2]])).toMatchObject({ level: 'none', units: 0 });
    expect(readAlpha('empowerment', null, [[1], [2]]).text).toMatch(/two members/);
    expect(readAlpha('empowerment', null, [[4, 4]]).text).toMatch(/same value/);
  });
});
