/**
 * Concentration metrics (DESIGN.md §4 "Metrics") against values worked out by hand on small
 * organizations built directly as Organization objects (ratings normalized 0–1, scale 1–20).
 *
 * Notation: h_i hours, ê normalized rating, Ê_i = Σ h·ê / Σ h, H = Σ h_i, M = Σ h_i·Ê_i (mass),
 * μ = M/H, w_i = h_i/H, m_i = h_i·Ê_i/M. Points on 1–20: p = 1 + 19·ê.
 * Default τ = 5% of the range = 0.05·19 = 0.95 points; the coordinator threshold is 2τ = 1.9.
 */
import { describe, expect, it } from 'vitest';
import { computeMetrics, defaultTolerance, type Metrics } from '../../renderer/src/engine/analysis/metrics';
import { scorePeople } from '../../renderer/src/engine/analysis/jobScores';
import { readMetrics } from '../../renderer/src/engine/analysis/readings';
import {
  averageRanks, gini, groupMassShare, hoover, lorenz, spearman, theil, theilDecomposition, topFractions, weightedMean,
} from '../../renderer/src/engine/analysis/metrics/weighted';
import type { Organization, Person, Scale, Task } from '../../renderer/src/engine/model/types';

const S20: Scale = { min: 1, max: 20 };
const D = 9; // digits for toBeCloseTo: |x − y| < 0.5e-9

/** Normalized rating of a point value on 1–20. */
const pt = (p: number): number => (p - 1) / 19;

interface TaskSpec { name: string; e: number | null; d?: number | null }
interface PersonSpec {
  name: string;
  role?: string | null;
  dept?: string | null;
  annualPay?: number | null;
  hourlyRate?: number | null;
  /** [task name, hours per week] */
  work: [string, number][];
}

function person(s: PersonSpec): Person {
  return {
    id: s.name.toLowerCase(), name: s.name, role: s.role ?? null, department: s.dept ?? null, fte: null, contractHours: null,
    annualPay: s.annualPay ?? null, hourlyRate: s.hourlyRate ?? null, qualifications: [],
  };
}

function task(s: TaskSpec): Task {
  const rated = s.e !== null || (s.d ?? null) !== null;
  return {
    id: s.name.toLowerCase(), name: s.name, empowerment: s.e, desirability: s.d ?? null, factors: {},
    source: rated ? 'file' : 'unrated', reason: null, requires: [], chore: false,
  };
}

function org(tasks: TaskSpec[], people: PersonSpec[], scale: Scale = S20): Organization {
  return {
    people: people.map(person),
    tasks: tasks.map(task),
    assignments: people.flatMap((p) => p.work.map(([t, hours]) => ({ personId: p.name.toLowerCase(), taskId: t.toLowerCase(), hours, locked: false }))),
    scale,
    hoursPerFte: 40,
  };
}

function metricsOf(o: Organization, tolerance?: number): Metrics {
  return computeMetrics(o, scorePeople(o), tolerance);
}

describe('defaultTolerance: 5% of the scale range', () => {
  it('0.95 points on 1–20, 0.45 on 1–10, 0.2 on 1–5, 5 on 0–100', () => {
    expect(defaultTolerance({ min: 1, max: 20 })).toBeCloseTo(0.95, 12); // 0.05·19
    expect(defaultTolerance({ min: 1, max: 10 })).toBeCloseTo(0.45, 12); // 0.05·9
    expect(defaultTolerance({ min: 1, max: 5 })).toBeCloseTo(0.2, 12); // 0.05·4
    expect(defaultTolerance({ min: 0, max: 100 })).toBeCloseTo(5, 12);
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
    expect(e.theil.department).toEqual({ total: 0, between: 0, within: 0 });
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

describe('Theil T split by department and by role', () => {
  // Mgmt: A 10 h ê 0.8 (Director), B 10 h ê 0.4 (Organizer); Prog: C 10 h ê 0.2 (organizer), D 10 h ê 0.2 (Clerk).
  // μ = (8 + 4 + 2 + 2)/40 = 0.4; r = (2, 1, 0.5, 0.5).
  // T = 0.25·(2 ln2 + 0 + 0.5 ln0.5 + 0.5 ln0.5) = 0.25·(2 ln2 − ln2) = 0.25 ln2 ≈ 0.173287.
  // Departments: Mgmt W 0.5, μ_g 0.6 (r 1.5); Prog W 0.5, μ_g 0.2 (r 0.5).
  //   between = 0.5·1.5·ln1.5 + 0.5·0.5·ln0.5 = 0.75 ln1.5 − 0.25 ln2 ≈ 0.304099 − 0.173287 = 0.130812;
  //   within = T − between = 0.5 ln2 − 0.75 ln1.5 ≈ 0.042475
  //   (= Σ_g W_g (μ_g/μ) T_g: Mgmt T_g = 0.5(4/3 ln4/3 + 2/3 ln2/3) ≈ 0.056633, × 0.5·1.5 = 0.042475; Prog T_g = 0).
  // Roles (case-insensitive): Director {A} W .25 r 2; Organizer {B, C} W .5 μ .3 r .75; Clerk {D} W .25 r .5.
  //   between = 0.25·2·ln2 + 0.5·0.75·ln0.75 + 0.25·0.5·ln0.5 = 0.375 ln2 + 0.375 ln0.75 = 0.375 ln1.5 ≈ 0.152050;
  //   within = 0.25 ln2 − 0.375 ln1.5 ≈ 0.021237.
  const o = org(
    [{ name: 'Run', e: 0.8 }, { name: 'Organize', e: 0.4 }, { name: 'Enter', e: 0.2 }],
    [
      { name: 'A', role: 'Director', dept: 'Mgmt', work: [['Run', 10]] },
      { name: 'B', role: 'Organizer', dept: 'mgmt', work: [['Organize', 10]] },
      { name: 'C', role: 'organizer', dept: 'Prog', work: [['Enter', 10]] },
      { name: 'D', role: 'Clerk', dept: 'Prog', work: [['Enter', 10]] },
    ],
  );
  const e = metricsOf(o).empowerment;

  it('department: total 0.25 ln2, between 0.75 ln1.5 − 0.25 ln2, within 0.5 ln2 − 0.75 ln1.5', () => {
    const t = e.theil.department;
    expect(t.total).toBeCloseTo(0.25 * Math.log(2), D);
    expect(t.between).toBeCloseTo(0.75 * Math.log(1.5) - 0.25 * Math.log(2), D);
    expect(t.within).toBeCloseTo(0.5 * Math.log(2) - 0.75 * Math.log(1.5), D);
    expect(t.total).toBeCloseTo(t.between + t.within, 12);
  });

  it('role: between 0.375 ln1.5 ≈ 0.152050, within ≈ 0.021237 ("Organizer" = "organizer")', () => {
    const t = e.theil.role;
    expect(t.total).toBeCloseTo(0.25 * Math.log(2), D);
    expect(t.between).toBeCloseTo(0.375 * Math.log(1.5), D);
    expect(t.within).toBeCloseTo(0.25 * Math.log(2) - 0.375 * Math.log(1.5), D);
    expect(t.total).toBeCloseTo(t.between + t.within, 12);
  });

  it('theilDecomposition: within equals Σ_g W_g (μ_g/μ) T_g computed independently', () => {
    const xs = [
      { weight: 10, value: 0.8, group: 'm' }, { weight: 10, value: 0.4, group: 'm' },
      { weight: 10, value: 0.2, group: 'p' }, { weight: 10, value: 0.2, group: 'p' },
    ];
    const mgmt = theil(xs.slice(0, 2));
    expect(mgmt).toBeCloseTo(0.5 * ((4 / 3) * Math.log(4 / 3) + (2 / 3) * Math.log(2 / 3)), D);
    expect(theilDecomposition(xs).within).toBeCloseTo(0.5 * 1.5 * mgmt, D);
  });
});

describe('coordinator cluster and tolerance (τ = 0.95 points on 1–20, cluster above 2τ = 1.9)', () => {
  // Points: Ann 16 (20 h), Ben 10 (40 h), Cat 4 (40 h), Dan 4 (40 h), Eve 4 (20 h).
  // Ē = (320 + 400 + 160 + 160 + 80)/160 = 1120/160 = 7. Ann +9, Ben +3 > 1.9 → cluster {Ann, Ben}.
  // Mass ∝ h·(p − 1): Ann 20·15 = 300, Ben 40·9 = 360, Cat 120, Dan 120, Eve 60 → 960.
  // hoursShare = 60/160 = 0.375, massShare = 660/960 = 0.6875, ratio = 0.6875/0.375 = 11/6.
  const o = org(
    [{ name: 'Strategy', e: pt(16) }, { name: 'Campaigns', e: pt(10) }, { name: 'Intake', e: pt(4) }],
    [
      { name: 'Ann', role: 'Director', dept: 'Leadership', work: [['Strategy', 20]] },
      { name: 'Ben', role: 'Lead Organizer', dept: 'Organizing', work: [['Campaigns', 40]] },
      { name: 'Cat', role: 'Organizer', dept: 'Organizing', work: [['Intake', 40]] },
      { name: 'Dan', role: 'Organizer', dept: 'Organizing', work: [['Intake', 40]] },
      { name: 'Eve', role: 'Clerk', dept: 'Office', work: [['Intake', 20]] },
    ],
  );
  const m = metricsOf(o);

  it('members, named with role and department, sorted by E; hours share, mass share, ratio', () => {
    const c = m.coordinator;
    expect(m.empowerment.mean).toBeCloseTo(7, D);
    expect(c.threshold).toBeCloseTo(1.9, 12);
    expect(c.members.map((x) => [x.name, x.role, x.department, x.hours])).toEqual([
      ['Ann', 'Director', 'Leadership', 20],
      ['Ben', 'Lead Organizer', 'Organizing', 40],
    ]);
    expect(c.members[0].empowerment).toBeCloseTo(16, D);
    expect(c.members[1].empowerment).toBeCloseTo(10, D);
    expect(c.hoursShare).toBeCloseTo(0.375, D);
    expect(c.massShare).toBeCloseTo(0.6875, D);
    expect(c.ratio).toBeCloseTo(11 / 6, D);
    expect(c.roles).toEqual([{ name: 'Director', people: 1 }, { name: 'Lead Organizer', people: 1 }]);
    expect(c.departments).toEqual([{ name: 'Leadership', people: 1 }, { name: 'Organizing', people: 1 }]);
  });

  it('within tolerance: |E − 7| ≤ 0.95 holds for nobody here (Cat/Dan/Eve at −3)', () => {
    expect(m.empowerment.withinTolerance).toBe(0);
  });

  it('boundaries: |E − Ē| = τ is within; E − Ē = 2τ is not in the cluster (strictly above)', () => {
    // 7 people × 10 h at X 10.95, Y 9.05, Z 10, W 12, V 8, U 11.9, T 8.1 points → Ē = 70/7 = 10.
    // Within ±0.95: X, Y (exactly τ) and Z → 30/70 = 3/7. Cluster (> 1.9): W (+2) only; U is exactly +1.9.
    // Mass ∝ h(p − 1): X 99.5, Y 80.5, Z 90, W 110, V 70, U 109, T 71 → 630.
    const pts = { X: 10.95, Y: 9.05, Z: 10, W: 12, V: 8, U: 11.9, T: 8.1 };
    const b = org(
      Object.entries(pts).map(([n, p]) => ({ name: `t${n}`, e: pt(p) })),
      Object.keys(pts).map((n) => ({ name: n, work: [[`t${n}`, 10]] as [string, number][] })),
    );
    const mm = metricsOf(b);
    expect(mm.empowerment.mean).toBeCloseTo(10, D);
    expect(mm.empowerment.withinTolerance).toBeCloseTo(3 / 7, D);
    expect(mm.coordinator.members.map((x) => x.name)).toEqual(['W']);
    expect(mm.coordinator.hoursShare).toBeCloseTo(1 / 7, D);
    expect(mm.coordinator.massShare).toBeCloseTo(110 / 630, D);
    // τ = 2 points: everyone within (largest gap is 2); the cluster needs > 4 → empty.
    const wide = metricsOf(b, 2);
    expect(wide.tolerance).toBe(2);
    expect(wide.empowerment.withinTolerance).toBe(1);
    expect(wide.coordinator.members).toEqual([]);
    expect(wide.coordinator.ratio).toBeNull();
    // τ = 1: X, Y, Z within (W, V, U, T are 2, 2, 1.9, 1.9 away) → 3/7; cluster > 2 → W at exactly 2 is out.
    const one = metricsOf(b, 1);
    expect(one.empowerment.withinTolerance).toBeCloseTo(3 / 7, D);
    expect(one.coordinator.members).toEqual([]);
  });

  it('tolerance works in points of the project scale: the same organization on 0–100 with τ = 5', () => {
    // Normalized ratings are unchanged, so Ē is 0.47368… (= 9/19) normalized → 47.368 on 0–100; τ = 5 = 0.05 normalized
    // vs 0.95/19 = 0.05 on 1–20: membership is identical.
    const o100 = { ...o, scale: { min: 0, max: 100 } };
    const m100 = metricsOf(o100);
    expect(m100.tolerance).toBeCloseTo(5, 12);
    expect(m100.coordinator.members.map((x) => x.name)).toEqual(['Ann', 'Ben']);
    expect(m100.coordinator.threshold).toBeCloseTo(10, 12);
    expect(m100.empowerment.mean).toBeCloseTo(100 * (6 / 19), D); // Ē = 7 points on 1–20 → (7−1)/19 normalized
    expect(m100.empowerment.gini).toBeCloseTo(m.empowerment.gini, 12);
  });
});

describe('low-desirability hours (tasks with d̂ ≤ 1/3) by empowerment tercile', () => {
  it('three people × 10 h, one per tercile; d̂ exactly 1/3 counts, 0.34 does not', () => {
    // Ana: Strategy (ê 1, d̂ 0.9) 8 h + Cleaning (ê 0, d̂ 0.2) 2 h → Ê 0.8, low 2.
    // Bo: Reports (ê 0.5, d̂ 0.5) 6 h + Filing (ê 0.1, d̂ 1/3) 4 h → Ê 0.34, low 4.
    // Cy: Mail (ê 0.2, d̂ 0.34) 2 h + Cleaning 8 h → Ê 0.04, low 8. Total low = 14.
    const o = org(
      [
        { name: 'Strategy', e: 1, d: 0.9 }, { name: 'Cleaning', e: 0, d: 0.2 }, { name: 'Reports', e: 0.5, d: 0.5 },
        { name: 'Filing', e: 0.1, d: 1 / 3 }, { name: 'Mail', e: 0.2, d: 0.34 },
      ],
      [
        { name: 'Cy', work: [['Mail', 2], ['Cleaning', 8]] },
        { name: 'Ana', work: [['Strategy', 8], ['Cleaning', 2]] },
        { name: 'Bo', work: [['Reports', 6], ['Filing', 4]] },
      ],
    );
    const low = metricsOf(o).lowDesirability;
    expect(low.threshold).toBeCloseTo(1 / 3, 12);
    expect(low.totalHours).toBeCloseTo(14, D);
    const by = Object.fromEntries(low.byEmpowermentTercile.map((t) => [t.tercile, t]));
    expect(low.byEmpowermentTercile.map((t) => t.tercile)).toEqual(['bottom', 'middle', 'top']);
    expect(by.top.hours).toBeCloseTo(10, D);
    expect(by.top.lowDesirabilityHours).toBeCloseTo(2, D);
    expect(by.top.shareOfTercile).toBeCloseTo(0.2, D);
    expect(by.top.shareOfAll).toBeCloseTo(2 / 14, D);
    expect(by.middle.lowDesirabilityHours).toBeCloseTo(4, D);
    expect(by.middle.shareOfAll).toBeCloseTo(4 / 14, D);
    expect(by.bottom.hours).toBeCloseTo(10, D);
    expect(by.bottom.lowDesirabilityHours).toBeCloseTo(8, D);
    expect(by.bottom.shareOfTercile).toBeCloseTo(0.8, D);
    expect(by.bottom.shareOfAll).toBeCloseTo(8 / 14, D);
  });

  it('a person straddling tercile boundaries is split proportionally', () => {
    // Ana 20 h: Strategy (ê 1, d̂ 0.9) 15 h + Cleaning (ê 0, d̂ 0.2) 5 h → Ê 0.75, low 5. Bo 10 h Cleaning → Ê 0, low 10.
    // H = 30, terciles of 10 h: top = half of Ana (10 h, low 2.5); middle = the other half (10 h, low 2.5); bottom = Bo (10, 10).
    const o = org(
      [{ name: 'Strategy', e: 1, d: 0.9 }, { name: 'Cleaning', e: 0, d: 0.2 }],
      [{ name: 'Ana', work: [['Strategy', 15], ['Cleaning', 5]] }, { name: 'Bo', work: [['Cleaning', 10]] }],
    );
    const low = metricsOf(o).lowDesirability;
    const by = Object.fromEntries(low.byEmpowermentTercile.map((t) => [t.tercile, t]));
    expect(low.totalHours).toBeCloseTo(15, D);
    expect(by.top.hours).toBeCloseTo(10, D);
    expect(by.top.lowDesirabilityHours).toBeCloseTo(2.5, D);
    expect(by.middle.hours).toBeCloseTo(10, D);
    expect(by.middle.lowDesirabilityHours).toBeCloseTo(2.5, D);
    expect(by.bottom.lowDesirabilityHours).toBeCloseTo(10, D);
    expect(by.top.shareOfAll).toBeCloseTo(1 / 6, D);
    expect(by.bottom.shareOfAll).toBeCloseTo(2 / 3, D);
    expect(by.bottom.shareOfTercile).toBe(1);
  });

  // Suspected bug: people with equal Ê on a tercile boundary are cut in input order (topFractions breaks ties by
  // index), so the tercile figures depend on the order of the roster. DESIGN.md §4 / weighted.ts promise order
  // independence.
  it('does not depend on people order when tied people straddle a tercile boundary', () => {
    // Top 10 h: Ana (ê 1, 10 h). Bo and Cy tie at ê 0.5 (10 h each), Dee ê 0 (0 low hours, 10 h).
    // H = 40, terciles of 13.33 h: top = Ana 10 h + 3.33 h of {Bo, Cy}. Bo does 10 low-D hours, Cy none.
    // Fair (order-free) split of the tie: Bo and Cy each 1.667 h in the top → top low = 1.667 h (Bo's ê-tie share).
    const tasks = [{ name: 'Lead', e: 1, d: 0.9 }, { name: 'Halfway', e: 0.5, d: 0.9 }, { name: 'Dirty', e: 0.5, d: 0.1 }, { name: 'Rest', e: 0, d: 0.9 }];
    const people: PersonSpec[] = [
      { name: 'Ana', work: [['Lead', 10]] }, { name: 'Bo', work: [['Dirty', 10]] },
      { name: 'Cy', work: [['Halfway', 10]] }, { name: 'Dee', work: [['Rest', 10]] },
    ];
    const a = metricsOf(org(tasks, people)).lowDesirability.byEmpowermentTercile;
    const b = metricsOf(org(tasks, [people[0], people[2], people[1], people[3]])).lowDesirability.byEmpowermentTercile;
    for (let i = 0; i < 3; i++) {
      expect(b[i].lowDesirabilityHours, `${a[i].tercile} tercile`).toBeCloseTo(a[i].lowDesirabilityHours, 9);
    }
    // The order-free value: top tercile = 10 h of Ana (0 low) + 1.667 h of Bo (1.667 low) + 1.667 h of Cy (0 low).
    expect(a.find((t) => t.tercile === 'top')!.lowDesirabilityHours).toBeCloseTo(10 / 6, 9);
  });
});

describe('joint advantage: Spearman with average ranks for ties', () => {
  it('averageRanks: ties share the mean of their positions', () => {
    expect(averageRanks([1, 2, 2, 3])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([10, 20, 20, 30, 20])).toEqual([1, 3, 3, 5, 3]);
    expect(averageRanks([5, 5, 5])).toEqual([2, 2, 2]);
    expect(averageRanks([])).toEqual([]);
  });

  it('E = [1,2,2,3], D = [1,3,2,4]: ranks (1,2.5,2.5,4) vs (1,3,2,4); cov 4.5, var 4.5 and 5 → 4.5/√22.5 = 3/√10', () => {
    // deviations from 2.5: dE = (−1.5, 0, 0, 1.5), dD = (−1.5, 0.5, −0.5, 1.5)
    // cov = 2.25 + 0 + 0 + 2.25 = 4.5; ΣdE² = 4.5; ΣdD² = 2.25 + 0.25 + 0.25 + 2.25 = 5.
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])).toBeCloseTo(3 / Math.sqrt(10), 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 2], [1, 2])).toBeNull(); // < 3 pairs
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNull(); // no variance
  });

  it('through computeMetrics: four people with those E and D points', () => {
    const eds: [number, number][] = [[1, 1], [2, 3], [2, 2], [3, 4]];
    const o = org(
      eds.map(([e, d], i) => ({ name: `t${i}`, e: pt(e), d: pt(d) })),
      eds.map((_, i) => ({ name: `p${i}`, work: [[`t${i}`, 10]] as [string, number][] })),
    );
    expect(metricsOf(o).jointAdvantage.spearman).toBeCloseTo(3 / Math.sqrt(10), 12);
  });

  it('top-tercile overlap: 3 people × 10 h, top E = top D → 1; top E = bottom D → 0', () => {
    const same = org(
      [{ name: 'a', e: 0.9, d: 0.9 }, { name: 'b', e: 0.5, d: 0.5 }, { name: 'c', e: 0.1, d: 0.1 }],
      [{ name: 'A', work: [['a', 10]] }, { name: 'B', work: [['b', 10]] }, { name: 'C', work: [['c', 10]] }],
    );
    expect(metricsOf(same).jointAdvantage.topTercileOverlap).toBeCloseTo(1, 12);
    expect(metricsOf(same).jointAdvantage.spearman).toBeCloseTo(1, 12);
    const opposite = org(
      [{ name: 'a', e: 0.9, d: 0.1 }, { name: 'b', e: 0.5, d: 0.5 }, { name: 'c', e: 0.1, d: 0.9 }],
      [{ name: 'A', work: [['a', 10]] }, { name: 'B', work: [['b', 10]] }, { name: 'C', work: [['c', 10]] }],
    );
    expect(metricsOf(opposite).jointAdvantage.topTercileOverlap).toBeCloseTo(0, 12);
    expect(metricsOf(opposite).jointAdvantage.spearman).toBeCloseTo(-1, 12);
  });

  // Suspected bug (same root cause as the tercile test above): ties in E on the tercile boundary are cut by
  // input order, so the overlap changes when the roster is reordered.
  it('top-tercile overlap does not depend on people order when E ties straddle the boundary', () => {
    // E = [1,2,2,3], D = [1,3,2,4] points, 10 h each. Top third = 13.33 h: p3 (10 h) + 3.33 h of the tie {p1, p2}.
    // By D the top third is p3 + 3.33 h of p1 (D 3). Order-free split of the E tie: p1, p2 1.667 h each →
    // overlap = (10 + 1.667)/13.333 = 0.875. The implementation gives 1 with p1 listed first and 0.75 with p2 first.
    const eds: [number, number][] = [[1, 1], [2, 3], [2, 2], [3, 4]];
    const tasks = eds.map(([e, d], i) => ({ name: `t${i}`, e: pt(e), d: pt(d) }));
    const people = eds.map((_, i) => ({ name: `p${i}`, work: [[`t${i}`, 10]] as [string, number][] }));
    const a = metricsOf(org(tasks, people)).jointAdvantage.topTercileOverlap!;
    const b = metricsOf(org(tasks, [people[0], people[2], people[1], people[3]])).jointAdvantage.topTercileOverlap!;
    expect(b).toBeCloseTo(a, 9);
    expect(a).toBeCloseTo(0.875, 9);
  });

  // Suspected bug: Ê_i = Σh·ê/Σh is not bit-exact across hours (7.5·(1/19)/7.5 = 0.052631578947368425 but
  // 10·(1/19)/10 = 0.05263157894736842), and averageRanks compares with ===, so people doing exactly the same
  // work get different ranks and Spearman reports a perfect correlation out of rounding noise.
  it('ties up to rounding: three people doing only the same task have no rank variance → Spearman null', () => {
    // Everyone does only Filing (E 2, D 2 points): Ê = D̂ = 1/19 for all → no variance → null (not 1).
    const o = org([{ name: 'Filing', e: pt(2), d: pt(2) }], [
      { name: 'Ana', work: [['Filing', 7.5]] }, { name: 'Bo', work: [['Filing', 10]] }, { name: 'Cy', work: [['Filing', 10]] },
    ]);
    expect(metricsOf(o).jointAdvantage.spearman).toBeNull();
  });

  it('topFractions gives identical entries (same hours, same value) the same fraction', () => {
    // Two identical entries straddling the top-20% boundary of 20 h: 4 h must be split 2 + 2.
    const xs = [{ weight: 10, value: 0.5 }, { weight: 10, value: 0.5 }];
    const f = topFractions(xs, 0.2);
    expect(f[0]).toBeCloseTo(f[1], 12);
    expect(f[0]).toBeCloseTo(0.2, 12);
  });
});

describe('pay audit', () => {
  // Ana annual 52 000, 40 h → 52000/52/40 = 25 /h; E 16, D 15.
  // Bo annual 31 200, 30 h → 31200/52/30 = 20 /h; E 10, D 12.
  // Cy hourly rate 15 (given), 20 h; E 4, D 3.
  // Dee annual 20 800, 20 h → 20800/52/20 = 20 /h; E 7, D 3.
  // Sorted hourly: 15, 20, 20, 25 → max/min = 25/15 = 5/3; median = (20+20)/2 = 20 → top/median = 1.25.
  // Spearman(pay, E): pay ranks (4, 2.5, 1, 2.5), E ranks (4, 3, 1, 2); dP = (1.5, 0, −1.5, 0), dE = (1.5, .5, −1.5, −.5)
  //   cov = 2.25 + 2.25 = 4.5; ΣdP² = 4.5; ΣdE² = 5 → 4.5/√22.5 = 3/√10 ≈ 0.949 > 0.2 → red flag.
  // Spearman(pay, D): D ranks (4, 3, 1.5, 1.5); dD = (1.5, .5, −1, −1); cov = 2.25 + 0 + 1.5 + 0 = 3.75;
  //   ΣdD² = 2.25 + .25 + 1 + 1 = 4.5 → 3.75/4.5 = 5/6.
  const tasks = [
    { name: 'e16', e: pt(16), d: pt(15) }, { name: 'e10', e: pt(10), d: pt(12) },
    { name: 'e4', e: pt(4), d: pt(3) }, { name: 'e7', e: pt(7), d: pt(3) },
  ];
  const people: PersonSpec[] = [
    { name: 'Ana', annualPay: 52000, work: [['e16', 40]] },
    { name: 'Bo', annualPay: 31200, work: [['e10', 30]] },
    { name: 'Cy', hourlyRate: 15, work: [['e4', 20]] },
    { name: 'Dee', annualPay: 20800, work: [['e7', 20]] },
  ];

  it('hourly pay = annual ÷ 52 ÷ weekly hours, or the rate given', () => {
    const o = org(tasks, people);
    expect(scorePeople(o).map((s) => s.hourlyPay)).toEqual([25, 20, 15, 20]);
  });

  it('ratios, Spearman with E and D, red flag', () => {
    const p = metricsOf(org(tasks, people)).pay!;
    expect(p.people).toBe(4);
    expect(p.maxMinRatio).toBeCloseTo(25 / 15, 12);
    expect(p.topMedianRatio).toBeCloseTo(1.25, 12);
    expect(p.spearmanEmpowerment).toBeCloseTo(3 / Math.sqrt(10), 12);
    expect(p.spearmanDesirability).toBeCloseTo(5 / 6, 12);
    expect(p.redFlag).toBe(true);
  });

  it('pay falling with empowerment is no red flag; odd count median is the middle value', () => {
    // Ana 10/h (E 16), Bo 20/h (E 10), Cy 30/h (E 4): ranks reversed → Spearman −1; max/min 3; median 20 → 1.5.
    const p = metricsOf(org(tasks.slice(0, 3), [
      { name: 'Ana', hourlyRate: 10, work: [['e16', 40]] },
      { name: 'Bo', hourlyRate: 20, work: [['e10', 40]] },
      { name: 'Cy', hourlyRate: 30, work: [['e4', 40]] },
    ])).pay!;
    expect(p.spearmanEmpowerment).toBeCloseTo(-1, 12);
    expect(p.redFlag).toBe(false);
    expect(p.maxMinRatio).toBeCloseTo(3, 12);
    expect(p.topMedianRatio).toBeCloseTo(1.5, 12);
  });

  it('no pay in the roster → pay is null', () => {
    expect(metricsOf(org(tasks, people.map((p) => ({ ...p, annualPay: null, hourlyRate: null })))).pay).toBeNull();
  });
});

describe('readings (plain-language sentences)', () => {
  it('two-person organization: figures match the metrics', () => {
    const o = org(
      [{ name: 'High', e: 0.75, d: 0.5 }, { name: 'Low', e: 0.25, d: 0.5 }],
      [{ name: 'Ana', role: 'Director', dept: 'Leadership', work: [['High', 40]] }, { name: 'Bo', role: 'Clerk', dept: 'Office', work: [['Low', 20]] }],
    );
    const m = metricsOf(o);
    const r = new Map(readMetrics(m, S20).map((x) => [x.key, x]));
    expect(r.get('empowerment.gini')!.figure).toBe('0.19'); // 4/21 = 0.1905
    expect(r.get('empowerment.top20Share')!.figure).toBe('26%'); // 9/35 = 25.7%
    expect(r.get('empowerment.top20Share')!.text).toContain('1.3×'); // 9/7
    expect(r.get('empowerment.palma')!.label).toBe('Palma-style ratio');
    expect(Number(r.get('empowerment.palma')!.figure)).toBeCloseTo(1.125, 2); // 9/8
    expect(r.get('empowerment.palma')!.text).toContain('fewer than 30 people');
    expect(r.get('empowerment.withinTolerance')!.text).toContain('±0.95 points');
    // Suspected (cosmetic) bug: the figure reads "1 people"; the sentence itself says "1 person".
    expect(r.get('coordinator')!.text).toMatch(/^1 person \(/);
    expect(r.get('coordinator')!.figure).toBe('1 person');
    expect(r.get('coordinator')!.text).toContain('Director');
    expect(r.get('coordinator')!.text).toContain('1.9 points');
  });

  it('identical jobs: "no coordinator cluster"; an unrated dimension gets one explanatory line', () => {
    const o = org([{ name: 'A', e: 0.6 }], [{ name: 'P1', work: [['A', 10]] }, { name: 'P2', work: [['A', 30]] }]);
    const rs = readMetrics(metricsOf(o), S20);
    expect(rs.find((x) => x.key === 'coordinator')!.text).toContain('no coordinator cluster');
    const d = rs.filter((x) => x.key.startsWith('desirability.'));
    expect(d).toHaveLength(1);
    expect(d[0].figure).toBe('—');
  });
});
