/**
 * The optimizer defends itself (issue 11, "Hardening"): absurd or non-finite hours and ratings in
 * an Organization built directly give status 'invalid-input' with a message, within seconds, never
 * a hang or a throw (10¹¹ h made HiGHS spin, 10²⁰ h gave "passModel failed"); a solve that reaches
 * its time limit gives status 'time-limit'.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { org, person, task, work } from '../helpers/balance-orgs';
import { getHighs, tryPropose } from '../helpers/balance-run';
// @ts-expect-error plain JavaScript helper shared with the benchmark
import { generateOrganization } from '../../bench/lib/propose-org.mjs';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

/** Ann does strategy (E 20) and Bob filing (E 2): a proposal would move hours. */
const base = (annHours: number) => org([person('a', [], 'Ann'), person('b', [], 'Bob')], [task('s', 20, 10, [], 'Strategy'), task('f', 2, 10, [], 'Filing')], [work('a', 's', annHours), work('a', 'f', 10), work('b', 'f', 40)]);

describe('absurd hours and ratings: status invalid-input, within seconds, no throw', () => {
  const cases: [string, Organization, RegExp][] = [
    ['10¹¹ hours', base(1e11), /Ann.*beyond any real job/],
    ['10²⁰ hours', base(1e20), /Ann.*beyond any real job/],
    ['10³⁰⁸ hours', base(1e308), /Ann.*beyond any real job/],
    ['two 10³⁰⁸-hour tasks (their sum overflows)', { ...base(1e308), assignments: [...base(1e308).assignments, work('b', 's', 1e308)] }, /beyond any real job/],
    ['Infinity hours', base(Infinity), /Ann.*finite/],
    ['NaN hours', base(NaN), /Ann.*finite/],
    ['negative hours', base(-5), /Ann.*≥ 0/],
    ['a person at 10⁶ hours over many tasks', org([person('a', [], 'Ann'), person('b')], [task('s', 20), task('f', 2)], [...Array.from({ length: 4 }, () => work('a', 's', 300_000)), work('b', 'f', 40)]), /Ann.*in all/],
    ['a NaN rating', { ...base(30), tasks: [{ ...task('s', 20, 10, [], 'Strategy'), empowerment: NaN }, task('f', 2, 10, [], 'Filing')] }, /Strategy.*empowerment/],
    ['a rating beyond the scale', { ...base(30), tasks: [task('s', 20, 10, [], 'Strategy'), { ...task('f', 2, 10, [], 'Filing'), desirability: 1e20 }] }, /Filing.*desirability/],
    ['an empty scale', { ...base(30), scale: { min: 5, max: 5 } }, /scale/],
  ];
  it.each(cases)('%s', (_, o, message) => {
    const t0 = Date.now();
    const out = tryPropose(o, highs, { granularity: 0.5 });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(out.ok, out.ok ? '' : out.error).toBe(true);
    if (!out.ok) return;
    const p = out.proposal;
    expect(p.status).toBe('invalid-input');
    expect(p.statusMessage).toMatch(message);
    expect(p.movedHours).toBe(0);
    expect(p.transfers).toEqual([]);
    expect(p.rounded).toBe(false);
    expect(p.roundingNote).toMatch(/^Not rounded: /);
  });

  it('a tolerance or granularity that is not a number: invalid-input, not a throw', () => {
    for (const opts of [{ tolerance: NaN }, { tolerance: -1 }, { granularity: Infinity }]) {
      const out = tryPropose(base(30), highs, opts);
      expect(out.ok && out.proposal.status, JSON.stringify(opts)).toBe('invalid-input');
    }
  });

  it('the largest real organization still solves (a 100-hour week is not refused)', () => {
    const out = tryPropose(base(100), highs, { tolerance: 1, skipOptions: true });
    expect(out.ok && out.proposal.status).toBe('optimal');
  });
});

describe('solver time limits', () => {
  it('a main solve that reaches its time limit gives status time-limit with a message, not a throw', () => {
    const { org: o } = generateOrganization(300) as { org: Organization };
    const t0 = Date.now();
    const out = tryPropose(o, highs, { skipOptions: true, timeLimits: { main: 1e-6 } });
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(out.ok, out.ok ? '' : out.error).toBe(true);
    if (!out.ok) return;
    expect(out.proposal.status).toBe('time-limit');
    expect(out.proposal.statusMessage).toMatch(/time limit/);
    expect(out.proposal.movedHours).toBe(0);
  });

  it('an options solve that reaches its time limit is marked so, and the proposal itself stands', () => {
    const { org: o } = generateOrganization(300) as { org: Organization };
    const out = tryPropose(o, highs, { optionTolerances: [1], timeLimits: { option: 1e-6 } });
    expect(out.ok && out.proposal.status).toBe('optimal');
    if (!out.ok) return;
    expect(out.proposal.options.length).toBeGreaterThan(0);
    expect(out.proposal.options.some((x) => x.status === 'time-limit')).toBe(true);
  });
});
