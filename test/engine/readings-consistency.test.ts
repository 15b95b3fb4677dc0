/**
 * Every reading states the figures it is about and nothing else (issue 11, "Readings never contradict each
 * other"): for generated organizations and the sample, the numbers parsed out of each reading's text are
 * exactly the metrics' figures in the readings' formats, in order; the reading's value is the metric; and
 * no two readings contradict each other (a coordinator layer without a cluster, a red flag without
 * significance, a clear group that is a slope, …).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readMetrics, type Reading } from '../../renderer/src/engine/analysis/readings';
import type { DimensionMetrics, Metrics } from '../../renderer/src/engine/analysis/metrics';
import { scorePeople } from '../../renderer/src/engine/analysis/jobScores';
import { computeMetrics } from '../../renderer/src/engine/analysis/metrics';
import { importOrganization } from '../../renderer/src/engine/import/index';
import type { Scale } from '../../renderer/src/engine/model/types';
import { buildGen, genOrg, metricsOf } from '../helpers/metrics-orgs';

// The formats the readings promise: whole percents, settings in points with up to two decimals, measured gaps and means with one.
// Snapped to 1e-9 as the readings do: the test derives the band limits its own way, equal up to the last bits.
const snap = (x: number) => Math.round(x * 1e9) / 1e9;
const pct = (x: number) => String(Math.round(snap(x) * 100));
const pts = (x: number) => String(Math.round(snap(x) * 100) / 100);
const one = (x: number) => x.toFixed(1);
const gap1 = one;

function level(m: Metrics, k: 1 | 2 | 3): number {
  return m.coordinator.levels.find((l) => l.multiple === k)!.names.length;
}

/** The numbers a reading's text must state, in order, computed from the metrics. */
function expectedNumbers(r: Reading, m: Metrics, scale: Scale): string[] {
  const [dim, what] = r.key.includes('.') ? (r.key.split('.') as ['empowerment' | 'desirability', string]) : [null, r.key];
  const t = m.tolerance;
  if (dim) {
    const d: DimensionMetrics = m[dim];
    if (d.mean === null) return [];
    switch (what) {
      case 'mean': return [one(d.mean), String(scale.min), String(scale.max)];
      case 'absoluteGini': return [gap1(d.absoluteGini), gap1(2 * d.absoluteGini), '0'];
      case 'withinTolerance': return [pct(d.withinTolerance), pts(t), one(d.mean)];
      case 'top20Gap': return [gap1(d.top20Gap), one(d.mean + d.top20Gap), one(d.mean)];
      case 'gini': return [d.gini.toFixed(2), String(scale.min), '0', '1'];
      case 'top20Share': return [pct(d.top20Share), d.concentrationRatio.toFixed(1)];
      case 'topDecileShare': return [pct(d.topDecileShare), d.topDecileRatio.toFixed(1)];
      case 'palma': {
        const top = d.palmaKind === 'palma' ? '10' : '20';
        // The even-share reference: the top's share of hours ÷ the bottom 40%'s (0.25, or 0.50 Palma-style).
        return [top, d.palma!.toFixed(2), '40', ...(d.palmaKind === 'palma-style' ? ['20', '30'] : []), (Number(top) / 40).toFixed(2), top, '40'];
      }
      case 'hoover': return [pct(d.hoover)];
      case 'theilDepartment': return [pct(d.theil.department.between / d.theil.department.total)];
    }
  }
  const c = m.coordinator;
  switch (what) {
    case 'suggested': return [pct(m.suggested.empowermentHoursShare), pct(m.suggested.desirabilityHoursShare)];
    case 'coordinator': {
      const n1 = level(m, 1);
      const n3 = level(m, 3);
      if (m.empowerment.people === 0) return [];
      if (c.members.length === 0) return [pts(c.threshold), ...(n1 > 0 ? [String(n1), pts(t)] : [])];
      const b = c.largestBreak;
      const n = c.members.length;
      const shape = c.kind === 'clear' && b!.above < n
        ? [String(b!.above), gap1(b!.gap), String(n - b!.above), pts(c.threshold), String(n1), pts(t), String(n3), pts(3 * t)]
        : c.kind === 'clear'
        ? [String(b!.above), gap1(b!.gap), String(n1), pts(t), String(n3), pts(3 * t)]
        : [...(b ? [gap1(b.gap)] : []), String(c.members.length), String(n1), pts(t), String(n3), pts(3 * t)];
      const k = c.members.filter((x) => x.restsOnSuggestions).length;
      return [String(c.members.length), pct(c.hoursShare), pts(c.threshold), gap1(c.gap!), pct(c.massShare), ...shape, ...(k > 0 ? [String(k)] : [])];
    }
    case 'lowDesirability': {
      const low = m.lowDesirability;
      return [pct(low.byEmpowermentTercile[0].shareOfAll), String(Math.round(low.totalHours))];
    }
    case 'jointAdvantage': {
      const j = m.jointAdvantage;
      // The rank correlation's scale in words: 1 = the same order, 0 = no link.
      return [j.spearman!.toFixed(2), '1', '0', ...(j.topTercileOverlap !== null ? [pct(j.topTercileOverlap)] : [])];
    }
    case 'pay': {
      const p = m.pay!;
      const rho = p.spearmanEmpowerment;
      const pv = p.pValue === null ? [] : [p.pValue < 0.001 ? '0.001' : p.pValue.toFixed(3)];
      return [p.maxMinRatio!.toFixed(1), ...(p.topMedianRatio !== null ? [p.topMedianRatio.toFixed(1)] : []), ...(rho !== null ? [rho.toFixed(2), '1', '0', ...pv] : [])];
    }
  }
  throw new Error(`no expectation for reading ${r.key}`);
}

/**
 * The largest value of a figure when every job is within ±spread points of the mean (Infinity: no limit),
 * written out again here from DESIGN.md's definitions rather than imported, so a wrong limit fails.
 */
function limitOf(what: string, d: DimensionMetrics, spread: number, scale: Scale): number {
  // Up to a billionth (of the range, and of 1 for x), as the bands say: nearer than that, shares are float noise.
  const m0 = d.mean! - scale.min;
  const m = m0 > 1e-9 * (scale.max - scale.min) ? m0 : 0;
  const x = spread / m;
  switch (what) {
    case 'absoluteGini': return spread / 2;
    case 'top20Gap': return spread;
    case 'gini': return m > 0 ? Math.min(1, x / 2) : Infinity;
    case 'hoover': return m > 0 ? Math.min(1, x / 2) : Infinity;
    case 'top20Share': return m > 0 ? Math.min(1, 0.2 + 0.2 * x) : Infinity;
    case 'topDecileShare': return m > 0 ? Math.min(1, 0.1 + 0.1 * x) : Infinity;
    case 'palma': return m > 0 && x < 1 - 1e-9 ? ((d.palmaKind === 'palma' ? 0.1 : 0.2) * (m + spread)) / (0.4 * (m - spread)) : Infinity;
  }
  return Infinity;
}

/** The numbers of the "Is this high?" phrase that ends a banded reading, and its level; null without a band. */
function expectedBand(r: Reading, m: Metrics, scale: Scale): { level: string; numbers: string[] } | null {
  const [dim, what] = r.key.includes('.') ? (r.key.split('.') as ['empowerment' | 'desirability', string]) : [null, r.key];
  const t = m.tolerance;
  if (r.key === 'coordinator') {
    if (m.empowerment.people === 0) return null;
    if (m.coordinator.members.length > 0) return { level: 'high', numbers: [pts(2 * t)] };
    return level(m, 1) > 0 ? { level: 'noticeable', numbers: [pts(2 * t), pts(t)] } : { level: 'low', numbers: [pts(t)] };
  }
  if (!dim || m[dim].mean === null || r.value === null) return null;
  const d = m[dim];
  if (what === 'withinTolerance') {
    const outside = String(100 - Math.round(r.value * 100));
    return r.value >= 1 - 1e-9 ? { level: 'low', numbers: [] } : { level: r.value >= 0.5 ? 'noticeable' : 'high', numbers: [outside] };
  }
  if (!['absoluteGini', 'top20Gap', 'gini', 'hoover', 'top20Share', 'topDecileShare', 'palma'].includes(what)) return null;
  const one = limitOf(what, d, t, scale);
  const two = limitOf(what, d, 2 * t, scale);
  if (!Number.isFinite(one)) return null;
  const fmt = (x: number) => (what === 'absoluteGini' || what === 'top20Gap' ? pts(x) : what === 'gini' || what === 'palma' ? snap(x).toFixed(2) : pct(x));
  if (r.value <= one + 1e-12) return { level: 'low', numbers: [pts(t), fmt(one)] };
  if (r.value <= two + 1e-12) return { level: 'noticeable', numbers: [fmt(one), pts(t), ...(Number.isFinite(two) ? [fmt(two), pts(2 * t)] : [])] };
  return { level: 'high', numbers: [pts(2 * t), fmt(two)] };
}

/** The metric a reading's `value` must equal. */
function expectedValue(r: Reading, m: Metrics): number | null {
  const [dim, what] = r.key.includes('.') ? (r.key.split('.') as ['empowerment' | 'desirability', string]) : [null, r.key];
  if (dim) {
    const d = m[dim];
    if (d.mean === null) return null;
    const t = d.theil.department;
    const map: Record<string, number | null> = {
      mean: d.mean, absoluteGini: d.absoluteGini, withinTolerance: d.withinTolerance, top20Gap: d.top20Gap, gini: d.gini,
      top20Share: d.top20Share, topDecileShare: d.topDecileShare, palma: d.palma, hoover: d.hoover, theilDepartment: t.total > 0 ? t.between / t.total : null,
    };
    return map[what];
  }
  const map: Record<string, number | null> = {
    suggested: m.suggested.empowermentHoursShare, coordinator: m.empowerment.people === 0 ? null : m.coordinator.members.length,
    lowDesirability: m.lowDesirability.byEmpowermentTercile[0].shareOfAll, jointAdvantage: m.jointAdvantage.spearman,
    pay: m.pay?.spearmanEmpowerment ?? m.pay?.maxMinRatio ?? null,
  };
  return map[what];
}

/** Numbers in a text; the coordinator's role list (between its two dashes) names roles, not figures. */
function numbersIn(r: Reading): string[] {
  const text = r.key === 'coordinator' ? r.text.replace(/ — .*? — /, ' ') : r.text;
  return text.match(/-?\d+(?:\.\d+)?/g) ?? [];
}

function has(readings: Reading[], phrase: string): boolean {
  return readings.some((r) => r.text.includes(phrase));
}

/** Checks every reading's figures and the contradiction pairs. */
function checkReadings(m: Metrics, scale: Scale): void {
  const rs = readMetrics(m, scale);
  for (const r of rs) {
    const band = expectedBand(r, m, scale);
    expect(r.band?.level ?? null, `${r.key}: band`).toBe(band?.level ?? null);
    expect(numbersIn(r), `${r.key}: ${r.text}`).toEqual([...expectedNumbers(r, m, scale), ...(band?.numbers ?? [])]);
    if (band) expect(r.text.endsWith(r.band!.phrase), r.key).toBe(true);
    const v = expectedValue(r, m);
    if (v === null) expect(r.value, r.key).toBeNull();
    else expect(r.value, r.key).toBeCloseTo(v, 12);
  }
  const c = m.coordinator;
  const coord = rs.find((r) => r.key === 'coordinator')!.text;
  if (m.empowerment.people === 0) {
    // Nothing rated for E: no verdict either way, and no E reading beyond "cannot be compared".
    expect(coord).toContain('no job can be compared');
    for (const phrase of ['coordinator cluster:', 'no coordinator cluster', 'coordinator layer', 'clear group', 'gradual slope']) expect(has(rs, phrase), phrase).toBe(false);
    expect(rs.filter((r) => r.key.startsWith('empowerment.')).map((r) => r.key)).toEqual(['empowerment.mean']);
  } else if (c.members.length === 0) {
    expect(coord).toContain('there is no coordinator cluster');
    for (const phrase of ['coordinator layer', 'a coordinator cluster', 'clear group', 'gradual slope']) expect(has(rs, phrase), phrase).toBe(false);
  } else {
    expect(has(rs, 'no coordinator cluster')).toBe(false);
    const group = /a clear group of (\d+),/.exec(coord);
    const top = /break most clearly below the top (\d+) /.exec(coord);
    expect(group !== null || top !== null).toBe(c.kind === 'clear');
    expect(coord.includes('a gradual slope')).toBe(c.kind === 'gradual');
    // The group named clear is never larger than the cluster, and its count is the break's.
    if (c.kind === 'clear') expect(c.largestBreak!.above, coord).toBeLessThanOrEqual(c.members.length);
    if (group) expect(Number(group[1])).toBe(c.largestBreak!.above);
    if (group) expect(Number(group[1])).toBe(c.members.length);
    if (top) expect(Number(top[1])).toBe(c.largestBreak!.above);
    if (top) expect(Number(top[1])).toBeLessThan(c.members.length);
    expect(coord).toContain('of the empowering work (measured from the bottom of the scale)');
    expect(coord).not.toContain('(none)');
  }
  // A split between departments needs two of them; a Gini of 0 has nothing to lower.
  for (const dim of ['empowerment', 'desirability'] as const) {
    const t = m[dim].theil.department;
    expect(rs.some((r) => r.key === `${dim}.theilDepartment`), `${dim}.theilDepartment`).toBe(m[dim].mean !== null && t.total > 0 && t.groups >= 2);
    const g = rs.find((r) => r.key === `${dim}.gini`);
    if (g) expect(g.text.includes('Adding the same amount'), g.text).toBe(m[dim].gini > 0);
  }
  const theil = rs.find((r) => r.key === 'empowerment.theilDepartment');
  if (theil) {
    expect(theil.text.includes('departments differ')).toBe(theil.value! > 0.5);
    expect(theil.text.includes('coordinator layer')).toBe(theil.value! > 0.5 && c.members.length > 0);
  }
  const pay = rs.find((r) => r.key === 'pay');
  expect(has(rs, 'red flag')).toBe(m.pay?.redFlag === true);
  if (pay) {
    const rho = m.pay!.spearmanEmpowerment;
    expect(pay.text.includes('too few people to be sure')).toBe(rho !== null && rho > 0 && !m.pay!.redFlag);
    expect(pay.text.includes('rises with empowerment')).toBe(rho !== null && rho > 0);
    expect(pay.text.includes('falls with empowerment')).toBe(rho !== null && rho < 0);
  }
  const mostly = Math.max(m.suggested.empowermentHoursShare, m.suggested.desirabilityHoursShare) > 0.5;
  expect(rs[0].key === 'suggested', 'suggested first').toBe(mostly);
  expect(has(rs, 'More than half of the rated hours rest on suggested ratings')).toBe(mostly);
  // Relative figures always say where they measure from.
  for (const r of rs.filter((x) => /\.(gini|top20Share|topDecileShare|palma|hoover|theilDepartment)$/.test(x.key))) {
    expect(r.text.toLowerCase(), r.key).toContain('measured from the bottom of the scale');
  }
  const keys = rs.map((r) => r.key);
  expect(new Set(keys).size, 'keys are unique').toBe(keys.length);
}

describe('readings state the metrics\' figures and never contradict each other', () => {
  it('generated organizations (up to 40 people, suggested ratings, pay, any tolerance)', () => {
    fc.assert(
      fc.property(genOrg(), fc.constantFrom(undefined, 0.3, 0.95, 2, 4), (g, tol) => {
        const o = buildGen(g);
        checkReadings(metricsOf(o, tol), o.scale);
      }),
      { numRuns: 300 },
    );
  });

  it('the same organizations on 0–100 and 1–5 (points and the scale named in the text follow the scale)', () => {
    fc.assert(
      fc.property(genOrg(1, 5, 20), fc.constantFrom({ min: 0, max: 100 }, { min: 1, max: 5 }), (g, scale) => {
        const o = buildGen(g, { min: 1, max: 5 });
        const on = { ...o, scale };
        checkReadings(metricsOf(on), scale);
      }),
      { numRuns: 100 },
    );
  });

  it('the sample organization', () => {
    const bytes = readFileSync(path.join(__dirname, '../../resources/sample-organization.xlsx'));
    const o = importOrganization(new Uint8Array(bytes), 'sample-organization.xlsx').organization!;
    const m = computeMetrics(o, scorePeople(o));
    checkReadings(m, o.scale);
    // The sample's leadership stands apart: a clear group, its break at least 2τ wide (3.78 points when written).
    const c = m.coordinator;
    expect(c.members.length).toBeGreaterThan(0);
    expect(c.kind).toBe('clear');
    expect(c.largestBreak!.gap).toBeGreaterThanOrEqual(2 * m.tolerance);
    // The break sits below fewer people than the cluster holds: the reading says so rather than calling them a clear group.
    expect(c.largestBreak!.above).toBeLessThan(c.members.length);
    expect(readMetrics(m, o.scale).find((r) => r.key === 'coordinator')!.text).toContain(`break most clearly below the top ${c.largestBreak!.above} (a gap of `);
  });
});
