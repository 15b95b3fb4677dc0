/**
 * Concentration metrics (DESIGN.md §4 "Metrics") against values worked out by hand on small
 * organizations built directly as Organization objects (ratings normalized 0–1, scale 1–20).
 *
 * Notation: h_i hours, ê normalized rating, Ê_i = Σ h·ê / Σ h, H = Σ h_i, M = Σ h_i·Ê_i (mass),
 * μ = M/H, w_i = h_i/H, m_i = h_i·Ê_i/M. Points on 1–20: p = 1 + 19·ê.
 * Default τ = 5% of the range = 0.05·19 = 0.95 points; the coordinator threshold is 2τ = 1.9.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics, defaultTolerance } from '../../renderer/src/engine/analysis/metrics';
import { readMetrics } from '../../renderer/src/engine/analysis/readings';
import {
  averageRanks, gini, groupMassShare, hoover, lorenz, spearman, theil, theilDecomposition, topFractions, weightedMean,
} from '../../renderer/src/engine/analysis/metrics/weighted';
import { D, S20, metricsOf, org, person, pt, task, type PersonSpec } from '../helpers/metrics-orgs';
import { scorePeople } from '../../renderer/src/engine/analysis/jobScores';

describe('defaultTolerance: 5% of the scale range', () => {
  it('0.95 points on 1–20, 0.45 on 1–10, 0.2 on 1–5, 5 on 0–100', () => {
    expect(defaultTolerance({ min: 1, max: 20 })).toBeCloseTo(0.95, 12); // 0.05·19
    expect(defaultTolerance({ min: 1, max: 10 })).toBeCloseTo(0.45, 12); // 0.05·9
    expect(defaultTolerance({ min: 1, max: 5 })).toBeCloseTo(0.2, 12); // 0.05·4
    expect(defaultTolerance({ min: 0, max: 100 })).toBeCloseTo(5, 12);
  });

  it('is the number a person reads: 0.95 exactly as JSON and in a cell, not 0.9500000000000001', () => {
    expect(String(defaultTolerance({ min: 1, max: 20 }))).toBe('0.95');
    expect(String(defaultTolerance({ min: 1, max: 10 }))).toBe('0.45');
    expect(String(defaultTolerance({ min: 1, max: 7 }))).toBe('0.3');
  });
});

describe('two people', () => {
  // Ana 40 h on High (ê = 0.75); Bo 20 h on Low (ê = 0.25). D̂ = 0.5 for both tasks.
  // H = 60, M = 40·0.75 + 20·0.25 = 30 + 5 = 35, μ = 35/60 = 7/12.
  const o = org(
    [{ name: 'High', e: 0.75, d: 0.5 }, { name: 'Low', e: 0.25, d: 0.5 }],
    [{ name: 'Ana', role: 'Director', dept: 'Leadership', work: [['High', 40]] }, { name: 'Bo', role: 'Clerk', dept: 'Office', work: [['Low', 20]] }],
  );
  const m = metricsOf(o);
  const e = m.empowerment;

  it('mean in points: 1 + 19·7/12 = 12.08333…', () => {
    expect(e.mean).toBeCloseTo(1 + (19 * 7) / 12, D);
    expect(e.people).toBe(2);
  });

  it('Gini = ΣΣ h_i h_j |Ê_i − Ê_j| / (2H²μ) = 2·40·20·0.5 / (2·3600·7/12) = 800/4200 = 4/21', () => {
    expect(e.gini).toBeCloseTo(4 / 21, D);
  });

  it('Hoover: m = (6/7, 1/7), w = (2/3, 1/3) → ½(4/21 + 4/21) = 4/21', () => {
    expect(e.hoover).toBeCloseTo(4 / 21, D);
  });

  it('Theil: r = Ê/μ = (9/7, 3/7) → (2/3)(9/7)ln(9/7) + (1/3)(3/7)ln(3/7) = (6/7)ln(9/7) + (1/7)ln(3/7) ≈ 0.094369', () => {
    const t = (6 / 7) * Math.log(9 / 7) + (1 / 7) * Math.log(3 / 7);
    expect(t).toBeCloseTo(0.094369, 5);
    expect(e.theil.department.total).toBeCloseTo(t, D);
    // Each department holds one person: all of the inequality is between departments.
    expect(e.theil.department.between).toBeCloseTo(t, D);
    expect(e.theil.department.within).toBeCloseTo(0, D);
    expect(e.theil.role.between).toBeCloseTo(t, D);
  });

  it('top shares: top 10% = 6 h of Ana = 4.5/35; top 20% = 12 h = 9/35; bottom 40% = 20 h Bo + 4 h Ana = 8/35', () => {
    expect(e.topDecileShare).toBeCloseTo(4.5 / 35, D);
    expect(e.top20Share).toBeCloseTo(9 / 35, D);
    expect(e.bottom40Share).toBeCloseTo(8 / 35, D);
    expect(e.concentrationRatio).toBeCloseTo(9 / 35 / 0.2, D); // 9/7
    expect(e.topDecileRatio).toBeCloseTo(4.5 / 35 / 0.1, D); // 9/7
    // Palma-style (2 < 30 people): top 20% ÷ bottom 40% = 9/8.
    expect(e.palmaKind).toBe('palma-style');
    expect(e.palma).toBeCloseTo(9 / 8, D);
  });

  it('Lorenz: (0,0), (1/3, 5/35), (1,1)', () => {
    expect(e.lorenz).toHaveLength(3);
    expect(e.lorenz[0]).toEqual({ hours: 0, mass: 0 });
    expect(e.lorenz[1].hours).toBeCloseTo(1 / 3, D);
    expect(e.lorenz[1].mass).toBeCloseTo(1 / 7, D);
    expect(e.lorenz[2].hours).toBeCloseTo(1, D);
    expect(e.lorenz[2].mass).toBeCloseTo(1, D);
  });

  it('tolerance and coordinator: Ana 15.25, Bo 5.75 points, mean 12.083 → nobody within ±0.95; Ana is 3.17 > 1.9 above', () => {
    expect(m.tolerance).toBeCloseTo(0.95, 12);
    expect(e.withinTolerance).toBe(0);
    expect(m.coordinator.threshold).toBeCloseTo(1.9, 12);
    expect(m.coordinator.members.map((x) => x.name)).toEqual(['Ana']);
    expect(m.coordinator.members[0]).toMatchObject({ role: 'Director', department: 'Leadership', hours: 40 });
    expect(m.coordinator.members[0].empowerment).toBeCloseTo(15.25, D);
    expect(m.coordinator.hoursShare).toBeCloseTo(2 / 3, D); // 40/60
    expect(m.coordinator.massShare).toBeCloseTo(6 / 7, D); // 30/35
    expect(m.coordinator.ratio).toBeCloseTo(9 / 7, D);
    expect(m.coordinator.roles).toEqual([{ name: 'Director', people: 1 }]);
    expect(m.coordinator.departments).toEqual([{ name: 'Leadership', people: 1 }]);
  });

  it('desirability is equal for everyone: Gini 0, all within tolerance, no low-desirability hours (0.5 > 1/3)', () => {
    expect(m.desirability.gini).toBeCloseTo(0, 12);
    expect(m.desirability.withinTolerance).toBe(1);
    expect(m.desirability.mean).toBeCloseTo(10.5, D); // 1 + 19·0.5
    expect(m.lowDesirability.totalHours).toBe(0);
    // Spearman needs ≥ 3 pairs.
    expect(m.jointAdvantage.spearman).toBeNull();
    expect(m.pay).toBeNull();
  });
});

describe('three people with ties', () => {
  // Ana 10 h ê 0.8, Bo 10 h ê 0.8, Cy 20 h ê 0.2. H = 40, M = 8 + 8 + 4 = 20, μ = 0.5.
  const o = org(
    [{ name: 'Plan', e: 0.8 }, { name: 'Sort', e: 0.2 }],
    [{ name: 'Ana', work: [['Plan', 10]] }, { name: 'Bo', work: [['Plan', 10]] }, { name: 'Cy', work: [['Sort', 20]] }],
  );
  const e = metricsOf(o).empowerment;

  it('Gini: pairs Ana–Cy, Bo–Cy each 10·20·0.6 = 120, Ana–Bo 0; ordered pairs 2·240 = 480 / (2·1600·0.5) = 0.3', () => {
    expect(e.gini).toBeCloseTo(0.3, D);
  });

  it('Hoover: m = (0.4, 0.4, 0.2), w = (0.25, 0.25, 0.5) → ½(0.15 + 0.15 + 0.3) = 0.3', () => {
    expect(e.hoover).toBeCloseTo(0.3, D);
  });

  it('Theil: r = (1.6, 1.6, 0.4) → 2·0.25·1.6·ln1.6 + 0.5·0.4·ln0.4 = 0.8 ln1.6 + 0.2 ln0.4 ≈ 0.192745', () => {
    expect(e.theil.department.total).toBeCloseTo(0.8 * Math.log(1.6) + 0.2 * Math.log(0.4), D);
    expect(e.theil.department.total).toBeCloseTo(0.192745, 5);
  });

  it('tied top people share the top: top 10% = 4 h at 0.8 = 3.2/20; top 20% = 6.4/20; bottom 40% = 16 h of Cy = 3.2/20', () => {
    expect(e.topDecileShare).toBeCloseTo(0.16, D);
    expect(e.top20Share).toBeCloseTo(0.32, D);
    expect(e.bottom40Share).toBeCloseTo(0.16, D);
    expect(e.palma).toBeCloseTo(2, D);
  });

  it('Lorenz: (0,0), Cy (0.5, 0.2), then the tied pair (0.75, 0.6), (1, 1)', () => {
    const pts = e.lorenz.map((p) => [p.hours, p.mass]);
    expect(pts).toHaveLength(4);
    [[0, 0], [0.5, 0.2], [0.75, 0.6], [1, 1]].forEach(([h, mm], i) => {
      expect(pts[i][0]).toBeCloseTo(h, D);
      expect(pts[i][1]).toBeCloseTo(mm, D);
    });
  });
});

describe('zero ratings', () => {
  it('a person with Ê = 0 adds no Theil term: Ana 20 h ê 0, Bo 20 h ê 0.5 → μ = 0.25, T = 0.5·2·ln2 = ln2', () => {
    const e = metricsOf(org(
      [{ name: 'Sweep', e: 0 }, { name: 'Lead', e: 0.5 }],
      [{ name: 'Ana', work: [['Sweep', 20]] }, { name: 'Bo', work: [['Lead', 20]] }],
    )).empowerment;
    expect(e.theil.department.total).toBeCloseTo(Math.log(2), D);
    expect(Number.isFinite(e.theil.role.total)).toBe(true);
    // Gini = 2·20·20·0.5 / (2·1600·0.25) = 400/800 = 0.5. Hoover: m = (0, 1), w = (½, ½) → 0.5.
    expect(e.gini).toBeCloseTo(0.5, D);
    expect(e.hoover).toBeCloseTo(0.5, D);
    // Bottom 40% = 16 h of Ana, mass 0 → Palma undefined (null, not Infinity).
    expect(e.bottom40Share).toBe(0);
    expect(e.palma).toBeNull();
    expect(e.lorenz.map((p) => [p.hours, p.mass])).toEqual([[0, 0], [0.5, 0], [1, 1]]);
  });

  it('everyone at ê = 0 (μ = 0): Gini 0, Theil 0, Hoover 0; shares fall back to hours shares; Lorenz is the diagonal', () => {
    const m = metricsOf(org(
      [{ name: 'Sweep', e: 0 }],
      [{ name: 'Ana', work: [['Sweep', 20]] }, { name: 'Bo', work: [['Sweep', 10]] }],
    ));
    const e = m.empowerment;
    expect(e.gini).toBe(0);
    expect(e.theil.department).toEqual({ total: 0, between: 0, within: 0, groups: 0 });
    expect(e.hoover).toBe(0);
    expect(e.mean).toBe(1);
    expect(e.topDecileShare).toBeCloseTo(0.1, 12);
    expect(e.top20Share).toBeCloseTo(0.2, 12);
    expect(e.withinTolerance).toBe(1);
    expect(m.coordinator.members).toEqual([]);
    for (const p of e.lorenz) expect(p.mass).toBeCloseTo(p.hours, 12);
    for (const v of [e.gini, e.hoover, e.palma ?? 0, e.concentrationRatio]) expect(Number.isFinite(v)).toBe(true);
  });

  it('weighted.ts directly: gini/theil/hoover of all-zero values are 0, and of no entries are 0', () => {
    expect(gini([{ weight: 3, value: 0 }, { weight: 1, value: 0 }])).toBe(0);
    expect(theil([{ weight: 3, value: 0 }])).toBe(0);
    expect(hoover([{ weight: 3, value: 0 }])).toBe(0);
    expect(gini([])).toBe(0);
    expect(theil([])).toBe(0);
    expect(hoover([])).toBe(0);
    expect(weightedMean([])).toBe(0);
    expect(lorenz([])).toEqual([{ hours: 0, mass: 0 }]);
    expect(groupMassShare([], 0.2, 'top')).toBe(0);
  });
});

describe('who is counted: each person weighs with their hours on tasks rated in that dimension', () => {
  it('unrated hours do not weigh: Ana 20 h ê 0.75 + 20 h unrated, Bo 20 h ê 0.25 → weights 20/20, Gini 0.25 (not 0.19)', () => {
    // μ = (20·0.75 + 20·0.25)/40 = 0.5; G = 2·20·20·0.5 / (2·1600·0.5) = 0.25.
    // (Weighing Ana with all 40 h would give 2·40·20·0.5 / (2·3600·35/60) = 0.190.)
    const o = org(
      [{ name: 'High', e: 0.75 }, { name: 'Low', e: 0.25 }, { name: 'Mystery', e: null }],
      [{ name: 'Ana', work: [['High', 20], ['Mystery', 20]] }, { name: 'Bo', work: [['Low', 20]] }],
    );
    const e = metricsOf(o).empowerment;
    expect(e.gini).toBeCloseTo(0.25, D);
    expect(e.mean).toBeCloseTo(1 + 19 * 0.5, D);
    expect(e.people).toBe(2);
  });

  it('people with no rated hours (or no hours) are left out of that dimension', () => {
    const base = org([{ name: 'High', e: 0.75 }, { name: 'Low', e: 0.25 }], [{ name: 'Ana', work: [['High', 40]] }, { name: 'Bo', work: [['Low', 20]] }]);
    const more = org(
      [{ name: 'High', e: 0.75 }, { name: 'Low', e: 0.25 }, { name: 'Mystery', e: null }],
      [{ name: 'Ana', work: [['High', 40]] }, { name: 'Bo', work: [['Low', 20]] }, { name: 'Cy', work: [['Mystery', 30]] }, { name: 'Dee', work: [] }],
    );
    const a = metricsOf(base);
    const b = metricsOf(more);
    expect(b.empowerment.people).toBe(2);
    expect(b.desirability.people).toBe(0);
    expect(b.desirability.mean).toBeNull();
    for (const k of ['gini', 'hoover', 'topDecileShare', 'top20Share', 'bottom40Share', 'withinTolerance', 'mean'] as const) {
      expect(b.empowerment[k], k).toBeCloseTo(a.empowerment[k] as number, 12);
    }
  });
});

describe('a single person', () => {
  // Ana: 10 h at ê 1 + 27.5 h at ê 0.2 → Ê = (10 + 5.5)/37.5 = 0.41333…
  const m = metricsOf(org([{ name: 'Plan', e: 1 }, { name: 'Do', e: 0.2 }], [{ name: 'Ana', work: [['Plan', 10], ['Do', 27.5]] }]));
  const e = m.empowerment;
  it('Gini 0, Hoover 0, Theil 0, every group share equals its hours share', () => {
    expect(e.mean).toBeCloseTo(1 + (19 * 15.5) / 37.5, D);
    expect(e.gini).toBeCloseTo(0, 12);
    expect(e.hoover).toBeCloseTo(0, 12);
    expect(e.theil.department.total).toBeCloseTo(0, 12);
    expect(e.topDecileShare).toBeCloseTo(0.1, 12);
    expect(e.top20Share).toBeCloseTo(0.2, 12);
    expect(e.bottom40Share).toBeCloseTo(0.4, 12);
    expect(e.concentrationRatio).toBeCloseTo(1, 12);
    expect(e.palma).toBeCloseTo(0.5, 12); // 0.2/0.4
    expect(e.withinTolerance).toBe(1);
    expect(m.coordinator.members).toEqual([]);
    expect(m.coordinator.ratio).toBeNull();
    expect(e.lorenz.map((p) => [p.hours, p.mass])).toEqual([[0, 0], [1, 1]]);
  });
});

describe('everyone identical (Ê = 0.6 reached through different tasks and hours)', () => {
  // P1 10 h at 0.6; P2 20 h at 1.0 + 20 h at 0.2 → 24/40; P3 30 h at 0.6; P4 5 h at 0.9 + 5 h at 0.3 → 6/10.
  const m = metricsOf(org(
    [{ name: 'A', e: 0.6, d: 0.5 }, { name: 'B', e: 1, d: 0.5 }, { name: 'C', e: 0.2, d: 0.5 }, { name: 'E', e: 0.9, d: 0.5 }, { name: 'F', e: 0.3, d: 0.5 }],
    [
      { name: 'P1', dept: 'X', work: [['A', 10]] },
      { name: 'P2', dept: 'Y', work: [['B', 20], ['C', 20]] },
      { name: 'P3', dept: 'X', work: [['A', 30]] },
      { name: 'P4', dept: 'Z', work: [['E', 5], ['F', 5]] },
    ],
  ));
  const e = m.empowerment;
  it('Gini 0, Hoover 0, Theil 0 (and its parts), withinTolerance 1, no coordinator cluster, shares = hours shares', () => {
    expect(e.mean).toBeCloseTo(1 + 19 * 0.6, D);
    expect(e.gini).toBeCloseTo(0, 12);
    expect(e.hoover).toBeCloseTo(0, 12);
    expect(e.theil.department.total).toBeCloseTo(0, 12);
    expect(e.theil.department.between).toBeCloseTo(0, 12);
    expect(e.theil.department.within).toBeCloseTo(0, 12);
    expect(e.withinTolerance).toBe(1);
    expect(m.coordinator.members).toEqual([]);
    expect(m.coordinator.hoursShare).toBe(0);
    expect(e.top20Share).toBeCloseTo(0.2, 12);
    expect(e.topDecileShare).toBeCloseTo(0.1, 12);
    expect(e.bottom40Share).toBeCloseTo(0.4, 12);
    for (const p of e.lorenz) expect(p.mass).toBeCloseTo(p.hours, 12);
  });
});

describe('group boundaries split the boundary person proportionally', () => {
  // P1 3 h ê 1.0, P2 12 h ê 0.8, P3 13 h ê 0.5, P4 8 h ê 0.2, P5 14 h ê 0. H = 50.
  // M = 3 + 9.6 + 6.5 + 1.6 + 0 = 20.7.
  const tasks = [{ name: 'T10', e: 1 }, { name: 'T8', e: 0.8 }, { name: 'T5', e: 0.5 }, { name: 'T2', e: 0.2 }, { name: 'T0', e: 0 }];
  const people: PersonSpec[] = [
    { name: 'P3', work: [['T5', 13]] }, { name: 'P1', work: [['T10', 3]] }, { name: 'P5', work: [['T0', 14]] },
    { name: 'P2', work: [['T8', 12]] }, { name: 'P4', work: [['T2', 8]] },
  ];
  const e = metricsOf(org(tasks, people)).empowerment;
  const xs = [{ weight: 13, value: 0.5 }, { weight: 3, value: 1 }, { weight: 14, value: 0 }, { weight: 12, value: 0.8 }, { weight: 8, value: 0.2 }];

  it('top 10% = 5 h: 3 h of P1 (3) + 2 h of P2 (1.6) = 4.6 → 4.6/20.7', () => {
    expect(e.topDecileShare).toBeCloseTo(4.6 / 20.7, D);
    expect(groupMassShare(xs, 0.1, 'top')).toBeCloseTo(4.6 / 20.7, D);
  });

  it('top 20% = 10 h: 3 + 7·0.8 = 8.6 → 8.6/20.7; concentration ratio = (8.6/20.7)/0.2', () => {
    expect(e.top20Share).toBeCloseTo(8.6 / 20.7, D);
    expect(e.concentrationRatio).toBeCloseTo(8.6 / 20.7 / 0.2, D);
  });

  it('bottom 40% = 20 h: 14 h of P5 (0) + 6 of P4\'s 8 h (1.2) → 1.2/20.7; Palma-style = 8.6/1.2', () => {
    expect(e.bottom40Share).toBeCloseTo(1.2 / 20.7, D);
    expect(groupMassShare(xs, 0.4, 'bottom')).toBeCloseTo(1.2 / 20.7, D);
    expect(e.palmaKind).toBe('palma-style');
    expect(e.palma).toBeCloseTo(8.6 / 1.2, D);
  });

  it('Gini: Σ_{i<j} h_i h_j |Δ| = 7.2+19.5+19.2+42+46.8+57.6+134.4+31.2+91+22.4 = 471.3; G = 2·471.3/(2·50·20.7) = 0.455362…', () => {
    expect(e.gini).toBeCloseTo(942.6 / 2070, D);
  });

  it('Hoover = Σ_{Ê<μ}(w − m) = (0.28 − 0) + (0.16 − 1.6/20.7) = 0.44 − 1.6/20.7', () => {
    expect(e.hoover).toBeCloseTo(0.44 - 1.6 / 20.7, D);
  });

  it('Lorenz in ascending Ê: (0.28, 0), (0.44, 1.6/20.7), (0.70, 8.1/20.7), (0.94, 17.7/20.7), (1, 1)', () => {
    const want = [[0, 0], [0.28, 0], [0.44, 1.6 / 20.7], [0.7, 8.1 / 20.7], [0.94, 17.7 / 20.7], [1, 1]];
    expect(e.lorenz).toHaveLength(want.length);
    want.forEach(([h, mm], i) => {
      expect(e.lorenz[i].hours).toBeCloseTo(h, D);
      expect(e.lorenz[i].mass).toBeCloseTo(mm, D);
    });
  });

  it('topFractions: top 20% = 10 h → P1 all, P2 7/12; top third = 16.67 h → P1, P2 all, P3 1.667/13', () => {
    const f20 = topFractions(xs, 0.2);
    expect(f20[1]).toBeCloseTo(1, D);
    expect(f20[3]).toBeCloseTo(7 / 12, D);
    expect(f20[0]).toBe(0);
    expect(f20[2]).toBe(0);
    expect(f20[4]).toBe(0);
    const f3 = topFractions(xs, 1 / 3);
    expect(f3[1]).toBeCloseTo(1, D);
    expect(f3[3]).toBeCloseTo(1, D);
    expect(f3[0]).toBeCloseTo((50 / 3 - 15) / 13, D);
  });
});

describe('Palma (top 10% ÷ bottom 40%) from 30 people; Palma-style (top 20%) under 30', () => {
  // 30 people × 10 h: 3 at ê 1, 9 at ê 0.5, 18 at ê 0.25. H = 300, M = 30 + 45 + 45 = 120.
  // top 10% = 30 h = the three at 1 → 30/120 = 0.25; top 20% = 60 h → 30 + 30·0.5 = 45 → 0.375;
  // bottom 40% = 120 h at 0.25 → 30 → 0.25. Palma = 0.25/0.25 = 1 (Palma-style would be 1.5).
  const group = (n: number, t: string, prefix: string): PersonSpec[] => Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}`, work: [[t, 10]] }));
  const tasks = [{ name: 'Hi', e: 1 }, { name: 'Mid', e: 0.5 }, { name: 'Lo', e: 0.25 }];

  it('30 people → palma', () => {
    const e = metricsOf(org(tasks, [...group(3, 'Hi', 'h'), ...group(9, 'Mid', 'm'), ...group(18, 'Lo', 'l')])).empowerment;
    expect(e.people).toBe(30);
    expect(e.palmaKind).toBe('palma');
    expect(e.topDecileShare).toBeCloseTo(0.25, D);
    expect(e.top20Share).toBeCloseTo(0.375, D);
    expect(e.bottom40Share).toBeCloseTo(0.25, D);
    expect(e.palma).toBeCloseTo(1, D);
  });

  it('29 people → palma-style: H = 290, M = 117.5; top 20% = 58 h → 30 + 28·0.5 = 44; bottom 40% = 116 h → 29; 44/29', () => {
    const e = metricsOf(org(tasks, [...group(3, 'Hi', 'h'), ...group(9, 'Mid', 'm'), ...group(17, 'Lo', 'l')])).empowerment;
    expect(e.people).toBe(29);
    expect(e.palmaKind).toBe('palma-style');
    expect(e.top20Share).toBeCloseTo(44 / 117.5, D);
    expect(e.bottom40Share).toBeCloseTo(29 / 117.5, D);
    expect(e.palma).toBeCloseTo(44 / 29, D);
  });
});
