/**
 * Category shares and balance (issue 17 quick category mode) against hand computations: the
 * organization's mix S_c, each person's s_pc, the score ½Σ|s_pc − S_c|, balanced within ±δ, the share
 * of hours in balanced jobs, the people furthest off; categories compared case-insensitively.
 */
import { describe, expect, it } from 'vitest';
import { categoryShares, DEFAULT_CATEGORY_DELTA } from '../../renderer/src/engine/categories/shares';
import { org, task } from './org.helpers';

// Managerial 10 h (Strategy 6+2, Budget 2), Content 17.5, Administrative 10, (none) 12.5: H = 50,
// S = .2, .35, .2, .25. Di's job is exactly that mix.
const o = org(
  [task('Strategy', 'Managerial'), task('Budget', 'MANAGERIAL '), task('Editing', 'Content'), task('Filing', 'Administrative'), task('Cleaning')],
  [
    ['Ann', 'Strategy', 6], ['Ann', 'Editing', 4],
    ['Bob', 'Editing', 10], ['Bob', 'Cleaning', 10],
    ['Cy', 'Budget', 2], ['Cy', 'Filing', 8],
    ['Di', 'Strategy', 2], ['Di', 'Editing', 3.5], ['Di', 'Filing', 2], ['Di', 'Cleaning', 2.5],
  ],
);

describe('categoryShares', () => {
  const a = categoryShares(o);
  const person = (id: string) => a.people.find((p) => p.personId === id)!;

  it('gives the organization’s mix, largest first, ties by name, "(none)" last, one category however it is capitalized', () => {
    expect(a.delta).toBe(DEFAULT_CATEGORY_DELTA);
    expect(DEFAULT_CATEGORY_DELTA).toBe(0.1);
    expect(a.totalHours).toBe(50);
    expect(a.hasCategories).toBe(true);
    expect(a.categories.map((c) => [c.name, c.hours])).toEqual([['Content', 17.5], ['Administrative', 10], ['Managerial', 10], ['(none)', 12.5]]);
    a.categories.forEach((c, i) => expect(c.share).toBeCloseTo([0.35, 0.2, 0.2, 0.25][i], 12));
  });

  it('scores each person ½Σ|s_pc − S_c| with the worst gap signed', () => {
    // Ann: M .6, C .4 → |.4| + |.05| + |−.2| + |−.25| = .9 → .45.
    expect(person('Ann').score).toBeCloseTo(0.45, 12);
    expect(person('Ann').worst.key).toBe('managerial');
    expect(person('Ann').worst.gap).toBeCloseTo(0.4, 12);
    expect(person('Ann').shares.managerial).toBeCloseTo(0.6, 12);
    expect(person('Ann').hoursBy).toEqual({ content: 4, administrative: 0, managerial: 6, '': 0 });
    // Bob: .2 + .15 + .2 + .25 = .8 → .4; Cy: 0 + .35 + .6 + .25 = 1.2 → .6; Di: 0.
    expect(person('Bob').score).toBeCloseTo(0.4, 12);
    expect(person('Cy').score).toBeCloseTo(0.6, 12);
    expect(person('Cy').worst).toEqual({ key: 'administrative', gap: expect.closeTo(0.6, 12) });
    expect(person('Di').score).toBeCloseTo(0, 12);
  });

  it('calls a person balanced when every share is within δ, and counts the hours in balanced jobs', () => {
    expect(a.people.map((p) => [p.personId, p.balanced])).toEqual([['Ann', false], ['Bob', false], ['Cy', false], ['Di', true]]);
    expect(a.balancedPeople).toBe(1);
    expect(a.balancedHoursShare).toBeCloseTo(10 / 50, 12);
    expect(a.furthest.map((p) => p.personId)).toEqual(['Cy', 'Ann', 'Bob']);

    const wide = categoryShares(o, 0.5);
    expect(wide.people.map((p) => p.balanced)).toEqual([true, true, false, true]);
    expect(wide.balancedHoursShare).toBeCloseTo(40 / 50, 12);
    expect(wide.furthest.map((p) => p.personId)).toEqual(['Cy']);
    // A gap of exactly δ is within the band: Ann's worst is .4.
    expect(categoryShares(o, 0.4).people[0].balanced).toBe(true);
    expect(categoryShares(o, 0.39).people[0].balanced).toBe(false);
  });

  it('reports an organization without categories as having none, everyone at the mix "(none)"', () => {
    const plain = categoryShares(org([task('A'), task('B')], [['x', 'A', 5], ['y', 'B', 3]]));
    expect(plain.hasCategories).toBe(false);
    expect(plain.categories).toEqual([{ key: '', name: '(none)', hours: 8, share: 1 }]);
    expect(plain.people.every((p) => p.balanced && p.score === 0)).toBe(true);
  });

  it('leaves people without hours out and ignores zero-hour rows', () => {
    const z = categoryShares(org([task('A', 'X'), task('B', 'Y')], [['x', 'A', 5], ['y', 'B', 5], ['z', 'A', 0]]));
    expect(z.people.map((p) => p.personId)).toEqual(['x', 'y']);
    expect(z.people.every((p) => p.score === 0.5)).toBe(true);
    expect(z.balancedHoursShare).toBe(0);
  });
});
