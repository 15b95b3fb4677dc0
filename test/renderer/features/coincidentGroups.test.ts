/** The job map's grouping of jobs with the same scores (chartData.coincidentGroups) and its name lists. */
import { describe, expect, it } from 'vitest';
import { coincidentGroups, nameList } from '../../../renderer/src/features/charts/chartData';

interface Job { name: string; e: number; d: number }
const group = (jobs: Job[]) => coincidentGroups(jobs, (j) => j.e, (j) => j.d).map((g) => g.members.map((m) => m.name));

describe('coincidentGroups: one group per point at the precision shown (one decimal)', () => {
  it('identical scores share a group, in input order; groups come in the order of their first member', () => {
    expect(group([
      { name: 'A', e: 3.7, d: 5.7 }, { name: 'B', e: 7.5, d: 10.8 }, { name: 'C', e: 3.7, d: 5.7 }, { name: 'D', e: 3.7, d: 5.7 },
    ])).toEqual([['A', 'C', 'D'], ['B']]);
  });

  it('scores that differ below the shown decimal are one point; scores a shown step apart are two', () => {
    expect(group([{ name: 'A', e: 3.71, d: 5.7 }, { name: 'B', e: 3.74, d: 5.66 }])).toEqual([['A', 'B']]);
    expect(group([{ name: 'A', e: 3.7, d: 5.7 }, { name: 'B', e: 3.8, d: 5.7 }])).toEqual([['A'], ['B']]);
    expect(group([{ name: 'A', e: 3.7, d: 5.7 }, { name: 'B', e: 3.7, d: 5.8 }])).toEqual([['A'], ['B']]);
  });

  it('the same empowerment alone is not enough: both scores must match', () => {
    expect(group([{ name: 'A', e: 10, d: 4 }, { name: 'B', e: 10, d: 14 }])).toEqual([['A'], ['B']]);
  });

  it('a group sits at its members\' mean position', () => {
    const [g] = coincidentGroups([{ e: 3.71, d: 5.7 }, { e: 3.73, d: 5.68 }], (j) => j.e, (j) => j.d);
    expect(g.x).toBeCloseTo(3.72, 12);
    expect(g.y).toBeCloseTo(5.69, 12);
  });

  it('either side of zero is one point (no "-0" key)', () => {
    expect(group([{ name: 'A', e: -0.04, d: 0 }, { name: 'B', e: 0.04, d: 0 }])).toEqual([['A', 'B']]);
  });

  it('other precisions: two decimals for money', () => {
    expect(coincidentGroups([{ e: 5, p: 18.001 }, { e: 5, p: 18.004 }, { e: 5, p: 18.01 }], (j) => j.e, (j) => j.p, 2).map((g) => g.members.length)).toEqual([2, 1]);
  });
});

describe('nameList', () => {
  it('joins with "and", and cuts long lists with a count', () => {
    expect(nameList(['A'])).toBe('A');
    expect(nameList(['A', 'B'])).toBe('A and B');
    expect(nameList(['A', 'B', 'C'])).toBe('A, B and C');
    expect(nameList(['A', 'B', 'C', 'D', 'E', 'F', 'G'], 5)).toBe('A, B, C, D, E and 2 more');
  });
});
