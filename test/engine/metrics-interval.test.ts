/**
 * Interval-scale figures and the audit's method corrections (issue 11), against values worked out by hand:
 * absolute Gini and the top fifth's points above the mean, the coordinator cluster's distance, sensitivity
 * levels, largest break and clear/gradual kind, memberships resting on suggested ratings, the suggested
 * share of rated hours, and the pay audit's p-value. Notation as in metrics.test.ts; τ = 0.95 on 1–20.
 */
import { describe, expect, it } from 'vitest';
import { absoluteGini, gini, topMean } from '../../renderer/src/engine/analysis/metrics/weighted';
import { spearmanPValue } from '../../renderer/src/engine/analysis/metrics';
import { readMetrics } from '../../renderer/src/engine/analysis/readings';
import { D, S20, metricsOf, org, pt, type PersonSpec, type TaskSpec } from '../helpers/metrics-orgs';
import type { Organization } from '../../renderer/src/engine/model/types';

/** One task per person, each person 10 h, E in points on 1–20. */
function ladder(points: Record<string, number>): Organization {
  return org(
    Object.entries(points).map(([n, p]) => ({ name: `t${n}`, e: pt(p) })),
    Object.keys(points).map((n) => ({ name: n, work: [[`t${n}`, 10]] as [string, number][] })),
  );
}

function suggest(o: Organization, ...tasks: string[]): Organization {
  return { ...o, tasks: o.tasks.map((t) => (tasks.includes(t.name) ? { ...t, source: 'suggested' as const } : t)) };
}

describe('absolute Gini and the top fifth, in points', () => {
  // Ana 40 h at ê 0.75, Bo 20 h at ê 0.25: A = 2·40·20·0.5 / (2·60²) = 800/7200 = 1/9 normalized = 19/9 points.
  // Top fifth = 12 h, all Ana's: mean 0.75 vs μ = 35/60 = 7/12 → (0.75 − 7/12)·19 = 19/6 points.
  const two = org(
    [{ name: 'High', e: 0.75, d: 0.5 }, { name: 'Low', e: 0.25, d: 0.5 }],
    [{ name: 'Ana', work: [['High', 40]] }, { name: 'Bo', work: [['Low', 20]] }],
  );

  it('two people: A = 19/9 points, Gini = A/μ, top fifth 19/6 points above the mean; D all alike → 0', () => {
    const m = metricsOf(two);
    expect(m.empowerment.absoluteGini).toBeCloseTo(19 / 9, D);
    expect(m.empowerment.gini).toBeCloseTo(4 / 21, D);
    expect(m.empowerment.top20Gap).toBeCloseTo(19 / 6, D);
    expect(m.desirability.absoluteGini).toBeCloseTo(0, D);
    expect(m.desirability.top20Gap).toBeCloseTo(0, D);
  });

  it('weighted helpers: A on three entries equals the double sum; topMean splits the boundary entry', () => {
    // x = 0, 0.5, 1 with h = 1, 2, 1: ΣΣ = 2·(1·2·0.5 + 1·1·1 + 2·1·0.5) = 2·3 = 6; /(2·16) = 0.1875.
    const xs = [{ weight: 1, value: 0 }, { weight: 2, value: 0.5 }, { weight: 1, value: 1 }];
    expect(absoluteGini(xs)).toBeCloseTo(0.1875, 12);
    expect(gini(xs)).toBeCloseTo(0.1875 / 0.5, 12);
    // Top 50% of 4 h = 1 h at 1 + 1 h at 0.5 → mean 0.75.
    expect(topMean(xs, 0.5)).toBeCloseTo(0.75, 12);
    expect(topMean([], 0.2)).toBe(0);
  });

  it('adding 2 points to every rating leaves A and the top fifth gap unchanged but lowers the Gini', () => {
    const shifted = org(
      [{ name: 'High', e: 0.75 + 2 / 19, d: 0.5 }, { name: 'Low', e: 0.25 + 2 / 19, d: 0.5 }],
      [{ name: 'Ana', work: [['High', 40]] }, { name: 'Bo', work: [['Low', 20]] }],
    );
    const a = metricsOf(two).empowerment;
    const b = metricsOf(shifted).empowerment;
    expect(b.absoluteGini).toBeCloseTo(a.absoluteGini, 9);
    expect(b.top20Gap).toBeCloseTo(a.top20Gap, 9);
    expect(b.gini).toBeLessThan(a.gini - 0.01);
  });
});

describe('coordinator cluster: distance, levels at τ, 2τ, 3τ, largest break, kind', () => {
  it('Ann 16 (20 h), Ben 10 (40 h), Cat/Dan/Eve 4: gap 5 points; breaks of 6 and 3 (Ben down to the mean) → a gradual slope', () => {
    // Ē = 7; the cluster's hours-weighted mean = (16·20 + 10·40)/60 = 12 → 5 points above.
    // Above-mean neighbours: 16→10 (6), 10→max(4, Ē) = 7 (3: a break counts only as height above the mean).
    // The largest is Ann over Ben (1 above); the other gap (3) makes 6 ≥ 3·3 false → gradual.
    const o = org(
      [{ name: 'Strategy', e: pt(16) }, { name: 'Campaigns', e: pt(10) }, { name: 'Intake', e: pt(4) }],
      [
        { name: 'Ann', work: [['Strategy', 20]] }, { name: 'Ben', work: [['Campaigns', 40]] },
        { name: 'Eve', work: [['Intake', 20]] }, { name: 'Dan', work: [['Intake', 40]] }, { name: 'Cat', work: [['Intake', 40]] },
      ],
    );
    const c = metricsOf(o).coordinator;
    expect(c.gap).toBeCloseTo(5, D);
    expect(c.levels.map((l) => [l.multiple, l.names])).toEqual([[1, ['Ann', 'Ben']], [2, ['Ann', 'Ben']], [3, ['Ann', 'Ben']]]);
    expect(c.levels.map((l) => l.threshold)).toEqual([0.95, 1.9, 0.95 * 3].map((x) => expect.closeTo(x, 12)));
    expect(c.levels[1].hoursShare).toBeCloseTo(60 / 160, D);
    expect(c.largestBreak).toEqual({ gap: expect.closeTo(6, 9), toMean: false, above: 1, lowestAbove: 'Ann', highestBelow: 'Ben' });
    expect(c.kind).toBe('gradual');
  });

  it('a clear group: 7 people at 13, the others 10, 9.5 … 4 → a break of 3 points over 7 people', () => {
    // 20 people × 10 h. Ē = (7·13 + Σ_{k=0..12}(10 − k/2))/20 = (91 + 91)/20 = 9.1.
    // Above the mean: the seven 13s, 10 and 9.5. Neighbour gaps: six 0s, 13→10 = 3, 10→9.5 = 0.5, 9.5→9 = 0.5.
    // Largest 3 ≥ 2τ = 1.9 and ≥ 3 × median(0,0,0,0,0,0,0.5,0.5) = 0 → clear. Cluster (> 11): the seven.
    const points: Record<string, number> = {};
    for (let i = 0; i < 7; i++) points[`Lead${String.fromCharCode(65 + i)}`] = 13;
    for (let k = 0; k <= 12; k++) points[`Staff${String.fromCharCode(65 + k)}`] = 10 - k / 2;
    const m = metricsOf(ladder(points));
    const c = m.coordinator;
    expect(m.empowerment.mean).toBeCloseTo(9.1, D);
    expect(c.members).toHaveLength(7);
    expect(c.gap).toBeCloseTo(3.9, D);
    expect(c.largestBreak).toEqual({ gap: expect.closeTo(3, 9), toMean: false, above: 7, lowestAbove: 'LeadG', highestBelow: 'StaffA' });
    expect(c.kind).toBe('clear');
    expect(c.levels.map((l) => l.names.length)).toEqual([7, 7, 7]);
    const text = readMetrics(m, S20).find((r) => r.key === 'coordinator')!.text;
    expect(text).toContain('a clear group of 7, 3.0 points above everyone else');
  });

  it('a gradual slope: 20 people evenly 0.5 points apart (4 … 13.5) → 8, 6, 4 people above τ, 2τ, 3τ', () => {
    // Ē = 8.75. Above τ (> 9.7): 10 … 13.5 = 8 people; 2τ (> 10.65): 11 … 13.5 = 6; 3τ (> 11.6): 12 … 13.5 = 4.
    // Every neighbour gap is 0.5 < 1.9 → gradual.
    const points: Record<string, number> = {};
    for (let k = 0; k < 20; k++) points[`P${String.fromCharCode(65 + k)}`] = 4 + k / 2;
    const m = metricsOf(ladder(points));
    const c = m.coordinator;
    expect(c.levels.map((l) => l.names.length)).toEqual([8, 6, 4]);
    expect(c.levels[2].names).toEqual(['PT', 'PS', 'PR', 'PQ']);
    expect(c.largestBreak!.gap).toBeCloseTo(0.5, 9);
    expect(c.kind).toBe('gradual');
    const text = readMetrics(m, S20).find((r) => r.key === 'coordinator')!.text;
    expect(text).toContain('a gradual slope');
    expect(text).toContain('6 people are more than twice the tolerance above');
  });

  it('a wide break that is only the steepest part of a slope is not clear (gap < 3 × median of the others)', () => {
    // E = 16, 13.5, 11, 8.5, 6, 4, 4, 4 (10 h each): Ē = 8.375; above: 16, 13.5, 11, 8.5.
    // Gaps 2.5, 2.5, 2.5, 2.5 (8.5→6): all ≥ 1.9 but none ≥ 3 × 2.5 → gradual.
    const m = metricsOf(ladder({ A: 16, B: 13.5, C: 11, E: 8.5, F: 6, G: 4, H: 4, I: 4 }));
    expect(m.coordinator.members.map((x) => x.name)).toEqual(['A', 'B', 'C']);
    expect(m.coordinator.kind).toBe('gradual');
  });

  it('one person far above a flat organization is a clear group of one (no other gap to compare)', () => {
    // E = 16, then eight at 4: Ē = (16 + 32)/9 = 5.33; the only above-mean gap is 16 − max(4, Ē) = 10.67 → clear.
    const m = metricsOf(ladder({ Boss: 16, A: 4, B: 4, C: 4, E: 4, F: 4, G: 4, H: 4, I: 4 }));
    expect(m.coordinator.kind).toBe('clear');
    expect(m.coordinator.largestBreak).toEqual({ gap: expect.closeTo(16 - 48 / 9, 9), toMean: true, above: 1, lowestAbove: 'Boss', highestBelow: 'A' });
  });

  it('nobody above the mean (everyone alike) → no break, kind none, empty levels, gap null', () => {
    const c = metricsOf(ladder({ A: 7, B: 7, C: 7 })).coordinator;
    expect(c.largestBreak).toBeNull();
    expect(c.kind).toBe('none');
    expect(c.gap).toBeNull();
    expect(c.levels.every((l) => l.names.length === 0 && l.hoursShare === 0)).toBe(true);
  });
});

describe('suggested ratings downstream', () => {
  // Strategy (file, E 16), Comms (suggested, E 16), Intake (file, E 4).
  // Ann Strategy 20 h; Mo Comms 20 h; Bo Comms 15 h + Intake 5 h (E 13); Cat, Dan Intake 40 h.
  // With suggestions: Ē = (320 + 320 + 260 + 160 + 160)/140 = 8.714 → Ann, Mo (+7.29), Bo (+4.29) in the cluster.
  // Without: Mo has no rated hours; Bo is 4 over 5 h; Ē' = (320 + 20 + 320)/105 = 6.286 → Ann still in, Bo not.
  const tasks: TaskSpec[] = [{ name: 'Strategy', e: pt(16) }, { name: 'Comms', e: pt(16) }, { name: 'Intake', e: pt(4) }];
  const people: PersonSpec[] = [
    { name: 'Ann', work: [['Strategy', 20]] }, { name: 'Mo', work: [['Comms', 20]] }, { name: 'Bo', work: [['Comms', 15], ['Intake', 5]] },
    { name: 'Cat', work: [['Intake', 40]] }, { name: 'Dan', work: [['Intake', 40]] },
  ];

  it('members whose membership depends on suggestions are marked', () => {
    const m = metricsOf(suggest(org(tasks, people), 'Comms'));
    expect(m.coordinator.members.map((x) => [x.name, x.restsOnSuggestions])).toEqual([['Ann', false], ['Mo', true], ['Bo', true]]);
    // Without any suggested rating nobody's membership can rest on one.
    expect(metricsOf(org(tasks, people)).coordinator.members.map((x) => x.restsOnSuggestions)).toEqual([false, false, false]);
  });

  it('share of rated hours on suggested ratings, per dimension: 35/140 for E; no D ratings → 0', () => {
    const m = metricsOf(suggest(org(tasks, people), 'Comms'));
    expect(m.suggested.empowermentHoursShare).toBeCloseTo(35 / 140, D);
    expect(m.suggested.desirabilityHoursShare).toBe(0);
    const rs = readMetrics(m, S20);
    expect(rs[0].key).not.toBe('suggested');
    expect(rs.find((r) => r.key === 'suggested')!.text).toMatch(/^25% of the hours rated for empowerment/);
    expect(rs.find((r) => r.key === 'coordinator')!.text).toContain('2 of them are in it only because of suggested ratings');
  });

  it('more than half the rated hours by suggestion → the first reading says so', () => {
    // Comms and Intake suggested: (35 + 85)/140 = 6/7 of E-rated hours.
    const m = metricsOf(suggest(org(tasks, people), 'Comms', 'Intake'));
    expect(m.suggested.empowermentHoursShare).toBeCloseTo(120 / 140, D);
    const first = readMetrics(m, S20)[0];
    expect(first.key).toBe('suggested');
    expect(first.text).toMatch(/^More than half of the rated hours rest on suggested ratings: 86% of the hours rated for empowerment/);
  });
});

describe('pay audit p-value (one-sided, for pay rising with empowerment)', () => {
  it('exact for n ≤ 8: perfect order over 3, 4, 5 people → 1/6, 1/24, 1/120', () => {
    expect(spearmanPValue([1, 2, 3], [1, 2, 3])).toBeCloseTo(1 / 6, 12);
    expect(spearmanPValue([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1 / 24, 12);
    expect(spearmanPValue([1, 2, 3, 4, 5], [2, 4, 6, 8, 10])).toBeCloseTo(1 / 120, 12);
    // Reversed order: every ordering correlates at least as strongly → 1.
    expect(spearmanPValue([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(1, 12);
    expect(spearmanPValue([1, 2], [1, 2])).toBeNull();
    expect(spearmanPValue([1, 1, 1], [1, 2, 3])).toBeNull();
  });

  it('permutations for n > 8: deterministic, and close to the exact value enumerated here for n = 9', () => {
    const a = [3, 1, 4, 1.5, 5, 9, 2, 6, 5.5];
    const b = [2, 7, 1, 8, 2.8, 1.8, 2.9, 8.4, 5.9];
    const p = spearmanPValue(a, b)!;
    expect(spearmanPValue(a, b)).toBe(p);
    // Exact: share of the 9! orderings of b's ranks with Σ(ra − 5)(rb − 5) at least the observed.
    const rank = (xs: number[]) => xs.map((x) => xs.filter((y) => y < x).length + 1);
    const ra = rank(a);
    const rb = rank(b);
    const cov = (perm: number[]) => perm.reduce((s, j, i) => s + (ra[i] - 5) * (rb[j] - 5), 0);
    const observed = cov([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    let hits = 0;
    let total = 0;
    const permute = (prefix: number[], rest: number[]): void => {
      if (rest.length === 0) {
        total++;
        if (cov(prefix) >= observed - 1e-9) hits++;
        return;
      }
      rest.forEach((x, i) => permute([...prefix, x], [...rest.slice(0, i), ...rest.slice(i + 1)]));
    };
    permute([], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(total).toBe(362_880);
    expect(Math.abs(p - hits / total)).toBeLessThan(0.015);
  });

  it('red flag only when ρ > 0 and p < 0.05: 4 people in perfect order are one (1/24); 3 are not (1/6)', () => {
    const tasks: TaskSpec[] = [4, 8, 12, 16].map((e) => ({ name: `e${e}`, e: pt(e) }));
    const people: PersonSpec[] = [4, 8, 12, 16].map((e, i) => ({ name: `P${e}`, hourlyRate: 10 + i, work: [[`e${e}`, 40]] }));
    const four = metricsOf(org(tasks, people)).pay!;
    expect(four.spearmanEmpowerment).toBeCloseTo(1, 12);
    expect(four.pValue).toBeCloseTo(1 / 24, 12);
    expect(four.redFlag).toBe(true);
    const three = metricsOf(org(tasks.slice(1), people.slice(1))).pay!;
    expect(three.spearmanEmpowerment).toBeCloseTo(1, 12);
    expect(three.pValue).toBeCloseTo(1 / 6, 12);
    expect(three.redFlag).toBe(false);
    const text = readMetrics(metricsOf(org(tasks.slice(1), people.slice(1))), S20).find((r) => r.key === 'pay')!.text;
    expect(text).toContain('a positive tendency, too few people to be sure');
    expect(text).not.toContain('red flag');
  });
});
