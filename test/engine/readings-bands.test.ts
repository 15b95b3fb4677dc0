/**
 * The "Is this high?" bands (readingsBands.ts): every limit really is the largest value a figure can take
 * when every job is within ±spread of the average (generated organizations), the limits are reached (so
 * they are not loose), the band boundaries sit exactly at the limits, and the wording says where the band
 * comes from.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bandFor, formatLimit, limitAt, LIMITED_FIGURES } from '../../renderer/src/engine/analysis/readingsBands';
import type { DimensionMetrics, Metrics } from '../../renderer/src/engine/analysis/metrics';
import { metricsOf, org, pt, S20 } from '../helpers/metrics-orgs';

/** One person per rating (in points of 1–20), each doing one task of that rating for the given hours. */
function flat(jobs: { e: number; hours: number }[]) {
  const tasks = jobs.map((j, i) => ({ name: `T${i}`, e: pt(j.e), d: pt(j.e) }));
  const people = jobs.map((j, i) => ({ name: `P${i}`, work: [[`T${i}`, j.hours]] as [string, number][] }));
  return metricsOf(org(tasks, people));
}

const figureOf = (d: DimensionMetrics, f: (typeof LIMITED_FIGURES)[number]): number => (f === 'palma' ? d.palma ?? 0 : d[f]);

describe('the limits: the most a figure can be when every job is within ±spread of the average', () => {
  it('hold for generated organizations, with spread = the largest distance of any job from the average', () => {
    const job = fc.record({ e: fc.double({ min: 1, max: 20, noNaN: true }), hours: fc.integer({ min: 1, max: 60 }) });
    fc.assert(
      fc.property(fc.array(job, { minLength: 2, maxLength: 45 }), (jobs) => {
        const m = flat(jobs);
        const d = m.empowerment;
        const spread = Math.max(...jobs.map((j) => Math.abs(j.e - d.mean!)));
        // Above the bottom of the scale, how far the lowest job can be from nothing: when it is almost
        // nothing, the Palma limit divides by a difference of nearly equal numbers and carries no exact digits.
        const margin = d.mean! - S20.min - spread;
        for (const f of LIMITED_FIGURES) {
          if (f === 'palma' && margin < 1e-6 * (d.mean! - S20.min)) continue;
          const limit = limitAt(f, d, spread, S20);
          // Relative slack: near x = 1 the Palma limit divides by almost nothing.
          expect(figureOf(d, f), f).toBeLessThanOrEqual(limit * (1 + 1e-9) + 1e-9);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('are reached: half the hours at +τ and half at −τ give the absolute Gini, relative Gini and Hoover limits', () => {
    // Average 10.5 (9.5 points above the bottom of 1–20), jobs at 10.5 ± 0.95.
    const m = flat([{ e: 11.45, hours: 40 }, { e: 9.55, hours: 40 }]);
    const d = m.empowerment;
    expect(d.absoluteGini).toBeCloseTo(limitAt('absoluteGini', d, 0.95, S20), 9);
    expect(d.gini).toBeCloseTo(limitAt('gini', d, 0.95, S20), 9);
    expect(d.hoover).toBeCloseTo(limitAt('hoover', d, 0.95, S20), 9);
  });

  it('are reached: the top 10% at +τ, the bottom 40% at −τ and the middle at +0.6τ give the Palma and top-share limits', () => {
    // 40 people of 10 hours (a true Palma), mean 10.5: 4 at 11.45, 16 at 9.55, 20 at 10.5 + 0.57.
    const jobs = [...Array(4).fill(11.45), ...Array(16).fill(9.55), ...Array(20).fill(10.5 + 0.6 * 0.95)].map((e: number) => ({ e, hours: 10 }));
    const d = flat(jobs).empowerment;
    expect(d.mean).toBeCloseTo(10.5, 9);
    expect(d.palmaKind).toBe('palma');
    expect(d.palma!).toBeCloseTo(limitAt('palma', d, 0.95, S20), 9);
    expect(d.topDecileShare).toBeCloseTo(limitAt('topDecileShare', d, 0.95, S20), 9);
  });

  it('Palma has no limit once the average is within the spread of the bottom of the scale (the bottom 40% could hold nothing)', () => {
    const d = flat([{ e: 1.5, hours: 10 }, { e: 2, hours: 10 }]).empowerment;
    expect(limitAt('palma', d, 0.95, S20)).toBe(Infinity);
    expect(Number.isFinite(limitAt('palma', d, 0.2, S20))).toBe(true);
  });

  it('are written in the figure\'s own precision', () => {
    expect(formatLimit('absoluteGini', 0.475)).toBe('0.48');
    expect(formatLimit('top20Gap', 1.9000000000000001)).toBe('1.9');
    expect(formatLimit('gini', 0.14925)).toBe('0.15');
    expect(formatLimit('palma', 0.25)).toBe('0.25');
    expect(formatLimit('top20Share', 0.2597)).toBe('26%');
  });
});

describe('the bands: low up to the ±τ limit, noticeable up to the ±2τ limit, high beyond', () => {
  const base = flat([{ e: 11.45, hours: 40 }, { e: 9.55, hours: 40 }]);
  const at = (key: string, value: number, m: Metrics = base) => bandFor(key, value, m, S20)!;

  it('the absolute Gini: 0.475 is low (the τ limit), just above it noticeable, above 0.95 high', () => {
    expect(at('empowerment.absoluteGini', 0.475).level).toBe('low');
    expect(at('empowerment.absoluteGini', 0.476).level).toBe('noticeable');
    expect(at('empowerment.absoluteGini', 0.95).level).toBe('noticeable');
    expect(at('empowerment.absoluteGini', 0.951).level).toBe('high');
    expect(at('empowerment.absoluteGini', 0.3).phrase).toBe('Is this high? No: jobs all within the tolerance of the average (±0.95 points) could give up to 0.48.');
    expect(at('empowerment.absoluteGini', 0.6).phrase).toBe('Is this high? Noticeable: more than the 0.48 that jobs all within the tolerance (±0.95 points) could give, but no more than the 0.95 of jobs within twice it (±1.9).');
    expect(at('empowerment.absoluteGini', 2).phrase).toBe('Is this high? Yes: jobs all within twice the tolerance (±1.9 points) could give at most 0.95.');
    expect(at('empowerment.absoluteGini', 2).label).toBe('High');
  });

  it('the top fifth\'s gap: up to τ low, up to 2τ noticeable', () => {
    expect(at('empowerment.top20Gap', 0.95).level).toBe('low');
    expect(at('empowerment.top20Gap', 1.5).level).toBe('noticeable');
    expect(at('empowerment.top20Gap', 6.3).level).toBe('high');
  });

  it('says where the band comes from: the tolerance, no published norms; the relative Gini adds income Ginis as a comparison, not a norm', () => {
    const s = at('empowerment.absoluteGini', 2).source;
    expect(s).toContain('no published norms');
    expect(s).toContain('τ = ±0.95 points');
    expect(s).toContain('at most 0.48; within ±2τ (±1.9), at most 0.95');
    expect(s).not.toContain('OECD');
    const g = at('empowerment.gini', 0.3).source;
    expect(g).toContain('For comparison only, and about money, not work');
    expect(g).toContain('OECD');
  });

  it('within tolerance: all hours is the goal, half or more mostly balanced, under half mostly unbalanced; the shares add up to 100', () => {
    expect(at('empowerment.withinTolerance', 1)).toMatchObject({ level: 'low', label: 'All balanced' });
    expect(at('empowerment.withinTolerance', 0.5)).toMatchObject({ level: 'noticeable', label: 'Mostly balanced' });
    expect(at('empowerment.withinTolerance', 0.485)).toMatchObject({ level: 'high', label: 'Mostly unbalanced' });
    // 48.5% is shown as 49%, so the rest is 51%, not 52%.
    expect(at('empowerment.withinTolerance', 0.485).phrase).toBe('Is this enough? No: most hours (51%) are in jobs outside the tolerance; the method\'s goal is all of them within it.');
    expect(at('empowerment.withinTolerance', 0.88).phrase).toContain('12% are not');
  });

  it('the coordinator cluster: anyone above 2τ is high, someone above τ only noticeable, no one above τ low', () => {
    const cluster = flat([{ e: 16, hours: 40 }, { e: 5, hours: 40 }, { e: 5, hours: 40 }]);
    expect(bandFor('coordinator', cluster.coordinator.members.length, cluster, S20)!.level).toBe('high');
    const near = flat([{ e: 11.5, hours: 40 }, { e: 10, hours: 40 }, { e: 10, hours: 40 }]);
    expect(near.coordinator.members).toHaveLength(0);
    expect(bandFor('coordinator', 0, near, S20)!.level).toBe('noticeable');
    expect(bandFor('coordinator', 0, base, S20)!.level).toBe('low');
  });

  it('no band for figures without one, nothing rated, or no finite limit', () => {
    expect(bandFor('empowerment.mean', 7, base, S20)).toBeNull();
    expect(bandFor('empowerment.theilDepartment', 0.7, base, S20)).toBeNull();
    expect(bandFor('pay', 0.8, base, S20)).toBeNull();
    expect(bandFor('empowerment.gini', null, base, S20)).toBeNull();
    const low = flat([{ e: 1.5, hours: 10 }, { e: 1.6, hours: 10 }]);
    // The average (1.55) is within τ of the bottom: balanced jobs could give any Palma-style ratio.
    expect(bandFor('empowerment.palma', low.empowerment.palma, low, S20)).toBeNull();
  });
});
