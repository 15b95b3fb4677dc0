/**
 * Readings say nothing about data that is not there and the cluster's break is height above the mean
 * (issue 11, reviewer's defects): the clear group is never larger than the cluster; the cluster names its
 * relative share's zero; no cluster verdict without E ratings; no department split with one department;
 * no shift remark on a Gini of 0; no "(none)" role; roles in the order of their highest member.
 */
import { describe, expect, it } from 'vitest';
import { readMetrics } from '../../renderer/src/engine/analysis/readings';
import { metricsOf, org, pt, S20, type PersonSpec } from '../helpers/metrics-orgs';

const at = (name: string, task: string, role: string | null = null, dept: string | null = null): PersonSpec => ({ name, role, dept, work: [[task, 40]] });
const range = (n: number, prefix: string, task: string, role: string | null = null, dept: string | null = null) =>
  Array.from({ length: n }, (_, i) => at(`${prefix}${String(i + 1).padStart(2, '0')}`, task, role, dept));

function reading(o: ReturnType<typeof org>, key: string) {
  return readMetrics(metricsOf(o), o.scale).find((r) => r.key === key);
}

describe('the coordinator break is height above the mean', () => {
  it('Boss at 18, 20 people at 11, 2 at 2: a clear group of 1, 7 points (not 21, 9 points)', () => {
    const o = org([{ name: 'Lead', e: pt(18) }, { name: 'Mid', e: pt(11) }, { name: 'Low', e: pt(2) }],
      [at('Boss', 'Lead'), ...range(20, 'M', 'Mid'), ...range(2, 'L', 'Low')]);
    const m = metricsOf(o);
    const c = m.coordinator;
    expect(c.members.map((x) => x.name)).toEqual(['Boss']);
    expect(c.kind).toBe('clear');
    expect(c.largestBreak).toMatchObject({ above: 1, lowestAbove: 'Boss', highestBelow: 'M01', toMean: false });
    expect(c.largestBreak!.gap).toBeCloseTo(7, 9);
    const text = reading(o, 'coordinator')!.text;
    expect(text).toContain('The ranked jobs show a clear group of 1, 7.0 points above everyone else.');
    expect(text).not.toContain('group of 21');
  });

  it('7 people at 16, everyone else at 5: a clear group of 7, measured down to the mean', () => {
    const o = org([{ name: 'Lead', e: pt(16) }, { name: 'Do', e: pt(5) }], [...range(7, 'A', 'Lead'), ...range(13, 'B', 'Do')]);
    const m = metricsOf(o);
    const c = m.coordinator;
    const mean = (7 * 16 + 13 * 5) / 20;
    expect(c.members).toHaveLength(7);
    expect(c.kind).toBe('clear');
    expect(c.largestBreak!.above).toBe(7);
    expect(c.largestBreak!.toMean).toBe(true);
    expect(c.largestBreak!.gap).toBeCloseTo(16 - mean, 9);
    expect(reading(o, 'coordinator')!.text).toContain(`a clear group of 7, ${c.largestBreak!.gap.toFixed(1)} points above the average (everyone else is at or below it).`);
  });

  it('a break exactly 2τ above the mean at the cluster\'s edge is not a clear group larger than the cluster', () => {
    // τ = 2: A at 10, B at 9, mean 5 (C at 3 for 45 h, so the mean is 5): B is 4 = 2τ above, not in the cluster.
    const o = org([{ name: 'Top', e: pt(10) }, { name: 'Next', e: pt(9) }, { name: 'Rest', e: pt(3) }],
      [{ name: 'A', work: [['Top', 10]] }, { name: 'B', work: [['Next', 10]] }, { name: 'C', work: [['Rest', 45]] }], S20);
    const m = metricsOf(o, 2);
    expect(m.empowerment.mean).toBeCloseTo(5, 9);
    expect(m.coordinator.members.map((x) => x.name)).toEqual(['A']);
    expect(m.coordinator.largestBreak!.above).toBe(2);
    expect(m.coordinator.kind).toBe('gradual');
  });
});

describe('readings about data that does not exist', () => {
  it('every task unrated for E: the cluster reading says nothing can be compared, and no E reading claims anything', () => {
    const o = org([{ name: 'A', e: null, d: pt(5) }, { name: 'B', e: null, d: pt(15) }], [at('Ana', 'A'), at('Bo', 'B')]);
    const rs = readMetrics(metricsOf(o), o.scale);
    const c = rs.find((r) => r.key === 'coordinator')!;
    expect(c.text).toContain('no job can be compared');
    expect(c.value).toBeNull();
    expect(rs.some((r) => r.text.includes('no coordinator cluster'))).toBe(false);
    const e = rs.filter((r) => r.key.startsWith('empowerment.'));
    expect(e.map((r) => r.key)).toEqual(['empowerment.mean']);
    expect(e[0].text).toMatch(/cannot be compared/);
    expect(rs.some((r) => r.key === 'lowDesirability' || r.key === 'jointAdvantage')).toBe(false);
  });

  it('no department column: no between-department reading; two departments: there is one', () => {
    const people = [at('Ana', 'A'), at('Bo', 'B'), at('Cy', 'B')];
    const tasks = [{ name: 'A', e: pt(15), d: pt(5) }, { name: 'B', e: pt(5), d: pt(12) }];
    const none = readMetrics(metricsOf(org(tasks, people)), S20);
    expect(none.some((r) => r.key.endsWith('.theilDepartment'))).toBe(false);
    expect(none.some((r) => /between departments/.test(r.text))).toBe(false);
    const one = readMetrics(metricsOf(org(tasks, people.map((p) => ({ ...p, dept: 'Ops' })))), S20);
    expect(one.some((r) => r.key.endsWith('.theilDepartment'))).toBe(false);
    const two = readMetrics(metricsOf(org(tasks, people.map((p, i) => ({ ...p, dept: i ? 'Ops' : 'Lead' })))), S20);
    expect(two.some((r) => r.key === 'empowerment.theilDepartment')).toBe(true);
  });

  it('a Gini of 0 says nothing about adding to every rating; a positive Gini does', () => {
    const flat = readMetrics(metricsOf(org([{ name: 'A', e: pt(8), d: pt(8) }], [at('Ana', 'A'), at('Bo', 'A')])), S20);
    const g = flat.find((r) => r.key === 'empowerment.gini')!;
    expect(g.figure).toBe('0.00');
    expect(g.text).not.toContain('Adding the same amount');
    const spread = readMetrics(metricsOf(org([{ name: 'A', e: pt(8) }, { name: 'B', e: pt(12) }], [at('Ana', 'A'), at('Bo', 'B')])), S20);
    expect(spread.find((r) => r.key === 'empowerment.gini')!.text).toContain('Adding the same amount to every rating would lower it');
  });

  it('the cluster reading leaves out people without a role and lists roles by their highest member', () => {
    const tasks = [{ name: 'T', e: pt(20) }, { name: 'U', e: pt(19) }, { name: 'V', e: pt(18) }, { name: 'W', e: pt(17) }, { name: 'X', e: pt(16) }, { name: 'Y', e: pt(15) }, { name: 'Do', e: pt(2) }];
    const noRoles = org(tasks, [at('Ana', 'T'), at('Bo', 'U'), ...range(20, 'P', 'Do')]);
    const t0 = reading(noRoles, 'coordinator')!.text;
    expect(t0).not.toContain('(none)');
    expect(t0).toMatch(/^2 people \(\d+% of hours\) are more than/);
    // Alphabetical order would list "Aide, Bookkeeper, Clerk, Director" and hide the highest, "Zeta Lead".
    const ranked = org(tasks, [at('Ana', 'T', 'Zeta Lead'), at('Bo', 'U', 'Yardmaster'), at('Cy', 'V', 'Director'), at('Di', 'W', 'Clerk'),
      at('Ed', 'X', 'Bookkeeper'), at('Fa', 'Y', 'Aide'), at('Gu', 'Y', null), ...range(30, 'P', 'Do', 'Worker')]);
    const t1 = reading(ranked, 'coordinator')!.text;
    expect(t1).toContain(' — Zeta Lead, Yardmaster, Director, Clerk and 2 more — ');
    expect(t1).not.toContain('(none)');
  });

  it('the cluster\'s share of the empowering work says where it measures from', () => {
    const o = org([{ name: 'T', e: pt(20) }, { name: 'Do', e: pt(2) }], [at('Ana', 'T'), ...range(10, 'P', 'Do')]);
    expect(reading(o, 'coordinator')!.text).toMatch(/hold(s)? \d+% of the empowering work \(measured from the bottom of the scale\)/);
  });
});
