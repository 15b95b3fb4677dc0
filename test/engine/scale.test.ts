/** Unit tests for rating scales (rating/scale.ts): DESIGN.md §4 "Scale and ratings". */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_SCALE, detectScale, median, normalize, toPoints } from '../../renderer/src/engine/rating/scale';

describe('detectScale', () => {
  it('picks the smallest of 1–5, 1–10, 1–20, 0–100 holding every value', () => {
    expect(detectScale([1, 5, 3], null)).toEqual({ min: 1, max: 5 });
    expect(detectScale([2, 6], null)).toEqual({ min: 1, max: 10 });
    expect(detectScale([10], null)).toEqual({ min: 1, max: 10 });
    expect(detectScale([11, 1], null)).toEqual({ min: 1, max: 20 });
    expect(detectScale([20], null)).toEqual({ min: 1, max: 20 });
    expect(detectScale([21], null)).toEqual({ min: 0, max: 100 });
    expect(detectScale([100], null)).toEqual({ min: 0, max: 100 });
  });

  it('a 0 forces 0–100', () => {
    expect(detectScale([0], null)).toEqual({ min: 0, max: 100 });
    expect(detectScale([0, 1, 2, 3], null)).toEqual({ min: 0, max: 100 });
  });

  it('no standard scale: null; no values: null', () => {
    expect(detectScale([101], null)).toBeNull();
    expect(detectScale([-1, 3], null)).toBeNull();
    expect(detectScale([], null)).toBeNull();
  });

  it('a header hint wins over the values', () => {
    expect(detectScale([2, 3], { min: 1, max: 10 })).toEqual({ min: 1, max: 10 });
    expect(detectScale([], { min: 0, max: 100 })).toEqual({ min: 0, max: 100 });
  });

  it('property: result is the first standard scale (by size) holding every value', () => {
    const standard = [
      { min: 1, max: 5 },
      { min: 1, max: 10 },
      { min: 1, max: 20 },
      { min: 0, max: 100 },
    ];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 30 }), (values) => {
        const lo = Math.min(...values);
        const hi = Math.max(...values);
        const expected = standard.find((s) => lo >= s.min && hi <= s.max)!;
        expect(detectScale(values, null)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('normalize / toPoints', () => {
  it('maps a scale linearly onto 0–1', () => {
    expect(DEFAULT_SCALE).toEqual({ min: 1, max: 20 });
    expect(normalize(1, { min: 1, max: 20 })).toBe(0);
    expect(normalize(20, { min: 1, max: 20 })).toBe(1);
    expect(normalize(3, { min: 1, max: 5 })).toBe(0.5);
    expect(normalize(25, { min: 0, max: 100 })).toBe(0.25);
    expect(toPoints(0.5, { min: 1, max: 10 })).toBe(5.5);
    // D of 50 on 0–100 onto E's 1–10 scale: 1 + 0.5 × 9.
    expect(toPoints(normalize(50, { min: 0, max: 100 }), { min: 1, max: 10 })).toBe(5.5);
  });

  it('property: toPoints inverts normalize', () => {
    fc.assert(
      fc.property(fc.constantFrom({ min: 1, max: 5 }, { min: 1, max: 10 }, { min: 1, max: 20 }, { min: 0, max: 100 }), fc.double({ min: 0, max: 1, noNaN: true }), (s, t) => {
        const v = s.min + t * (s.max - s.min);
        expect(toPoints(normalize(v, s), s)).toBeCloseTo(v, 9);
      }),
      { numRuns: 100 },
    );
  });

  it('median of odd and even lists', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
