/**
 * Property tests (fast-check) for the concentration metrics of DESIGN.md §4 on generated organizations
 * (1–14 people, 1–7 tasks rated 1–20 or unrated, hours in half hours, 3 departments, 4 roles, optional pay):
 * invariance to people order and to scaling every hour by k > 0; bounds (Hoover in [0,1], Gini in [0,1),
 * Lorenz monotone from (0,0) to (1,1) under the diagonal, top shares ≥ hours shares, top 10% ≤ top 20%,
 * withinTolerance in [0,1], Theil between ≤ total); and agreement with naive reference formulas.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeMetrics, type DimensionMetrics, type Metrics } from '../../renderer/src/engine/analysis/metrics';
import { scorePeople } from '../../renderer/src/engine/analysis/jobScores';
import { gini, groupMassShare, hoover, lorenz, theil, theilDecomposition, type Weighted } from '../../renderer/src/engine/analysis/metrics/weighted';
import type { Organization, Person, Task } from '../../renderer/src/engine/model/types';

const RUNS = 150;
const EPS = 1e-9;

interface GenTask { e: number | null; d: number | null }
interface GenPerson { dept: number; role: number; pay: number | null; work: { task: number; halves: number }[] }
interface Gen { tasks: GenTask[]; people: GenPerson[] }

const rating = fc.option(fc.integer({ min: 1, max: 20 }), { nil: null, freq: 6 });
const genOrg: fc.Arbitrary<Gen> = fc.record({
  tasks: fc.array(fc.record({ e: rating, d: rating }), { minLength: 1, maxLength: 7 }),
  people: fc.array(
    fc.record({
      dept: fc.integer({ min: 0, max: 2 }),
      role: fc.integer({ min: 0, max: 3 }),
      pay: fc.option(fc.integer({ min: 15_000, max: 150_000 }), { nil: null }),
      work: fc.array(fc.record({ task: fc.nat(), halves: fc.integer({ min: 0, max: 60 }) }), { maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 14 },
  ),
});

const DEPTS = ['Leadership', 'Programs', 'Operations'];
const ROLES = ['Director', 'Organizer', 'Clerk', 'Caretaker'];

/** The organization of a generated spec, with people listed in `order` and every hour multiplied by k. */
function build(g: Gen, order: number[] = g.people.map((_, i) => i), k = 1): Organization {
  const tasks: Task[] = g.tasks.map((t, i) => ({
    id: `t${i}`, name: `Task ${i}`, empowerment: t.e === null ? null : (t.e - 1) / 19, desirability: t.d === null ? null : (t.d - 1) / 19,
    empowermentFactors: {}, desirabilityFactors: {}, source: t.e === null && t.d === null ? 'unrated' : 'file', reason: null, requires: [], chore: false,
  }));
  const people: Person[] = order.map((i) => ({
    id: `p${i}`, name: `Person ${i}`, role: ROLES[g.people[i].role], department: DEPTS[g.people[i].dept], fte: null, contractHours: null,
    annualPay: g.people[i].pay, hourlyRate: null, qualifications: [],
  }));
  const assignments = order.flatMap((i) => g.people[i].work.map((w) => ({ personId: `p${i}`, taskId: `t${w.task % g.tasks.length}`, hours: (w.halves / 2) * k, locked: false })));
  return { people, tasks, assignments, scale: { min: 1, max: 20 }, hoursPerFte: 40 };
}

function metrics(o: Organization, tolerance?: number): Metrics {
  return computeMetrics(o, scorePeople(o), tolerance);
}

/** A permutation of 0..n−1 from fast-check. */
const withOrder = genOrg.chain((g) => fc.tuple(fc.constant(g), fc.shuffledSubarray(g.people.map((_, i) => i), { minLength: g.people.length, maxLength: g.people.length })));

/** The Lorenz curve (piecewise linear through its points) evaluated at x. */
function lorenzAt(pts: { hours: number; mass: number }[], x: number): number {
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1];
    const b = pts[i];
    if (x <= b.hours + 1e-12) return b.hours - a.hours > 0 ? a.mass + ((b.mass - a.mass) * (x - a.hours)) / (b.hours - a.hours) : b.mass;
  }
  return pts[pts.length - 1].mass;
}

const SCALARS = ['mean', 'gini', 'palma', 'hoover', 'topDecileShare', 'top20Share', 'concentrationRatio', 'topDecileRatio', 'bottom40Share', 'withinTolerance', 'people'] as const;

function close(a: number | null, b: number | null, what: string, tol = 1e-9): void {
  if (a === null || b === null) {
    expect(a, what).toBe(b);
    return;
  }
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(a), Math.abs(b)));
}

function sameDimension(a: DimensionMetrics, b: DimensionMetrics, dim: string): void {
  for (const k of SCALARS) close(a[k], b[k], `${dim}.${k}`);
  expect(b.palmaKind).toBe(a.palmaKind);
  for (const by of ['department', 'role'] as const) {
    for (const part of ['total', 'between', 'within'] as const) close(a.theil[by][part], b.theil[by][part], `${dim}.theil.${by}.${part}`);
  }
  // Ties may place the intermediate Lorenz points differently, but the curve is the same.
  for (const p of [...a.lorenz, ...b.lorenz]) {
    close(lorenzAt(a.lorenz, p.hours), lorenzAt(b.lorenz, p.hours), `${dim}.lorenz at ${p.hours}`, 1e-9);
  }
}

function sameCoordinator(a: Metrics, b: Metrics, k = 1): void {
  const names = (m: Metrics) => m.coordinator.members.map((x) => x.name).sort();
  expect(names(b)).toEqual(names(a));
  close(a.coordinator.hoursShare, b.coordinator.hoursShare, 'coordinator.hoursShare');
  close(a.coordinator.massShare, b.coordinator.massShare, 'coordinator.massShare');
  close(a.coordinator.ratio, b.coordinator.ratio, 'coordinator.ratio');
  expect(b.coordinator.roles).toEqual(a.coordinator.roles);
  expect(b.coordinator.departments).toEqual(a.coordinator.departments);
  const hours = (m: Metrics) => new Map(m.coordinator.members.map((x) => [x.name, x.hours]));
  const ha = hours(a);
  for (const [n, h] of hours(b)) close(ha.get(n)! * k, h, `coordinator hours of ${n}`);
}

function samePay(a: Metrics, b: Metrics): void {
  if (a.pay === null || b.pay === null) {
    expect(b.pay).toBe(a.pay);
    return;
  }
  close(a.pay.maxMinRatio, b.pay.maxMinRatio, 'pay.maxMin');
  close(a.pay.topMedianRatio, b.pay.topMedianRatio, 'pay.topMedian');
  close(a.pay.pValue, b.pay.pValue, 'pay.pValue');
  close(a.pay.spearmanEmpowerment, b.pay.spearmanEmpowerment, 'pay.spearmanE');
  close(a.pay.spearmanDesirability, b.pay.spearmanDesirability, 'pay.spearmanD');
  expect(b.pay.redFlag).toBe(a.pay.redFlag);
}

/** True when no two values are within 1e-9 of each other (equal up to floating-point noise counts as a tie). */
function apart(xs: number[]): boolean {
  const s = [...xs].sort((a, b) => a - b);
  for (let i = 1; i < s.length; i++) if (s[i] - s[i - 1] <= 1e-9) return false;
  return true;
}

/** True when the people counted for E all have distinct Ê (and, with `andD`, distinct D̂): no ties on group boundaries. */
function distinctScores(o: Organization, andD: boolean): boolean {
  const s = scorePeople(o);
  if (!apart(s.filter((x) => x.ratedHoursE > 0).map((x) => x.empowerment!))) return false;
  const both = s.filter((x) => x.hours > 0 && x.empowerment !== null && x.desirability !== null);
  return !andD || (apart(both.map((x) => x.empowerment!)) && apart(both.map((x) => x.desirability!)));
}

describe('invariance to people order', () => {
  it('dimension metrics, Theil splits, Lorenz curve, coordinator cluster, pay audit and Spearman', () => {
    fc.assert(
      fc.property(withOrder, ([g, order]) => {
        const a = metrics(build(g));
        const b = metrics(build(g, order));
        sameDimension(a.empowerment, b.empowerment, 'empowerment');
        sameDimension(a.desirability, b.desirability, 'desirability');
        sameCoordinator(a, b);
        samePay(a, b);
        close(a.jointAdvantage.spearman, b.jointAdvantage.spearman, 'jointAdvantage.spearman');
        close(a.lowDesirability.totalHours, b.lowDesirability.totalHours, 'lowDesirability.totalHours');
      }),
      { numRuns: RUNS },
    );
  });

  it('low-desirability terciles and top-tercile overlap when no two people tie (ties: see metrics.test.ts)', () => {
    fc.assert(
      fc.property(withOrder, ([g, order]) => {
        const oa = build(g);
        fc.pre(distinctScores(oa, true));
        const a = metrics(oa);
        const b = metrics(build(g, order));
        a.lowDesirability.byEmpowermentTercile.forEach((t, i) => {
          const u = b.lowDesirability.byEmpowermentTercile[i];
          for (const f of ['hours', 'lowDesirabilityHours', 'shareOfTercile', 'shareOfAll'] as const) close(t[f], u[f], `${t.tercile}.${f}`);
        });
        close(a.jointAdvantage.topTercileOverlap, b.jointAdvantage.topTercileOverlap, 'topTercileOverlap');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('invariance to scaling every hour by k > 0', () => {
  const k = fc.oneof(fc.constantFrom(0.5, 2, 3, 0.1, 40), fc.double({ min: 0.05, max: 20, noNaN: true }));

  it('every share, index and ratio is unchanged; hours scale by k', () => {
    fc.assert(
      fc.property(genOrg, k, (g, kk) => {
        const oa = build(g);
        const ob = build(g, undefined, kk);
        const a = metrics(oa);
        const b = metrics(ob);
        // Spearman too, with ties: scores equal up to floating-point noise (Σh·ê/Σh is not bit-exact across hours) rank as ties.
        sameDimension(a.empowerment, b.empowerment, 'empowerment');
        sameDimension(a.desirability, b.desirability, 'desirability');
        sameCoordinator(a, b, kk);
        samePay(a, b); // annual pay only: hourly pay scales by 1/k for everyone, ranks and ratios do not move
        close(a.jointAdvantage.spearman, b.jointAdvantage.spearman, 'jointAdvantage.spearman');
        close(a.lowDesirability.totalHours * kk, b.lowDesirability.totalHours, 'lowDesirability.totalHours');
      }),
      { numRuns: RUNS },
    );
  });

  it('tercile shares scale-free when no two people tie', () => {
    fc.assert(
      fc.property(genOrg, k, (g, kk) => {
        const oa = build(g);
        fc.pre(distinctScores(oa, true));
        const a = metrics(oa);
        const b = metrics(build(g, undefined, kk));
        a.lowDesirability.byEmpowermentTercile.forEach((t, i) => {
          const u = b.lowDesirability.byEmpowermentTercile[i];
          close(t.hours * kk, u.hours, `${t.tercile}.hours`, 1e-8);
          close(t.shareOfTercile, u.shareOfTercile, `${t.tercile}.shareOfTercile`, 1e-8);
          close(t.shareOfAll, u.shareOfAll, `${t.tercile}.shareOfAll`, 1e-8);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('bounds and shapes', () => {
  it('Hoover in [0,1]; Gini in [0,1) and ≥ Hoover; Lorenz monotone (0,0)→(1,1) under the diagonal; top shares; tolerance; Theil', () => {
    fc.assert(
      fc.property(genOrg, fc.double({ min: 0.01, max: 19, noNaN: true }), (g, tol) => {
        const m = metrics(build(g), tol);
        for (const [dim, d] of [['E', m.empowerment], ['D', m.desirability]] as const) {
          expect(d.hoover, dim).toBeGreaterThanOrEqual(-EPS);
          expect(d.hoover, dim).toBeLessThanOrEqual(1 + EPS);
          expect(d.gini, dim).toBeGreaterThanOrEqual(-EPS);
          expect(d.gini, dim).toBeLessThan(1);
          expect(d.gini + EPS, dim).toBeGreaterThanOrEqual(d.hoover);
          const L = d.lorenz;
          expect(L[0]).toEqual({ hours: 0, mass: 0 });
          if (d.people > 0) {
            close(L[L.length - 1].hours, 1, `${dim} lorenz end hours`);
            close(L[L.length - 1].mass, 1, `${dim} lorenz end mass`);
          }
          let maxGap = 0;
          for (let i = 1; i < L.length; i++) {
            expect(L[i].hours + EPS).toBeGreaterThanOrEqual(L[i - 1].hours);
            expect(L[i].mass + EPS).toBeGreaterThanOrEqual(L[i - 1].mass);
            expect(L[i].mass).toBeLessThanOrEqual(L[i].hours + EPS);
            maxGap = Math.max(maxGap, L[i].hours - L[i].mass);
          }
          // Hoover is the largest vertical gap between the diagonal and the Lorenz curve.
          close(d.hoover, maxGap, `${dim} hoover vs Lorenz gap`);
          if (d.people > 0) {
            expect(d.top20Share + EPS, dim).toBeGreaterThanOrEqual(0.2);
            expect(d.topDecileShare + EPS, dim).toBeGreaterThanOrEqual(0.1);
            expect(d.topDecileShare, dim).toBeLessThanOrEqual(d.top20Share + EPS);
            expect(d.top20Share, dim).toBeLessThanOrEqual(1 + EPS);
            expect(d.bottom40Share, dim).toBeLessThanOrEqual(0.4 + EPS);
            expect(d.concentrationRatio + EPS, dim).toBeGreaterThanOrEqual(1);
          }
          expect(d.withinTolerance).toBeGreaterThanOrEqual(0);
          expect(d.withinTolerance).toBeLessThanOrEqual(1);
          for (const t of [d.theil.department, d.theil.role]) {
            expect(t.between, dim).toBeLessThanOrEqual(t.total + EPS);
            expect(t.between, dim).toBeGreaterThanOrEqual(-EPS);
            expect(t.within, dim).toBeGreaterThanOrEqual(-EPS);
            close(t.total, t.between + t.within, `${dim} theil parts`);
          }
          if (d.mean !== null) {
            expect(d.mean).toBeGreaterThanOrEqual(1 - EPS);
            expect(d.mean).toBeLessThanOrEqual(20 + EPS);
          }
        }
        const c = m.coordinator;
        expect(c.hoursShare).toBeGreaterThanOrEqual(0);
        expect(c.hoursShare).toBeLessThanOrEqual(1 + EPS);
        if (c.members.length > 0) {
          // Everyone in the cluster is above the mean, so the cluster holds more mass than hours.
          expect(c.massShare + EPS).toBeGreaterThanOrEqual(c.hoursShare);
          expect(c.hoursShare + m.empowerment.withinTolerance).toBeLessThanOrEqual(1 + EPS);
          for (const x of c.members) expect(x.empowerment - (m.empowerment.mean ?? 0)).toBeGreaterThan(2 * tol - 1e-6);
        }
        const low = m.lowDesirability;
        const sumLow = low.byEmpowermentTercile.reduce((a, t) => a + t.lowDesirabilityHours, 0);
        close(sumLow, low.totalHours, 'low-desirability terciles add up');
        for (const t of low.byEmpowermentTercile) {
          expect(t.shareOfTercile).toBeGreaterThanOrEqual(-EPS);
          expect(t.shareOfTercile).toBeLessThanOrEqual(1 + EPS);
        }
        const j = m.jointAdvantage;
        if (j.spearman !== null) {
          expect(Math.abs(j.spearman)).toBeLessThanOrEqual(1 + EPS);
        }
        if (j.topTercileOverlap !== null) {
          expect(j.topTercileOverlap).toBeGreaterThanOrEqual(-EPS);
          expect(j.topTercileOverlap).toBeLessThanOrEqual(1 + EPS);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('withinTolerance grows with τ and is 1 once τ covers the whole scale', () => {
    fc.assert(
      fc.property(genOrg, fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0, max: 10, noNaN: true }), (g, t1, dt) => {
        const o = build(g);
        const a = metrics(o, t1);
        const b = metrics(o, t1 + dt);
        expect(b.empowerment.withinTolerance + EPS).toBeGreaterThanOrEqual(a.empowerment.withinTolerance);
        expect(b.coordinator.members.length).toBeLessThanOrEqual(a.coordinator.members.length);
        const all = metrics(o, 19);
        if (all.empowerment.people > 0) expect(all.empowerment.withinTolerance).toBe(1);
        expect(all.coordinator.members).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('weighted.ts against naive reference formulas', () => {
  const entries = fc.array(
    // Values on a 1e-4 grid: subnormal doubles would only test floating-point underflow, not the formula.
    fc.record({ weight: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })), value: fc.integer({ min: 0, max: 10_000 }).map((v) => v / 10_000) }),
    { minLength: 1, maxLength: 25 },
  );

  it('gini equals the O(N²) double sum ΣΣ h_i h_j |x_i − x_j| / (2H²μ)', () => {
    fc.assert(
      fc.property(entries, (xs) => {
        const H = xs.reduce((a, x) => a + x.weight, 0);
        const M = xs.reduce((a, x) => a + x.weight * x.value, 0);
        let s = 0;
        for (const a of xs) for (const b of xs) s += a.weight * b.weight * Math.abs(a.value - b.value);
        const ref = H > 0 && M > 0 ? s / (2 * H * M) : 0;
        close(gini(xs), ref, 'gini', 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('groupMassShare: bottom f = L(f) and top f = 1 − L(1 − f) on the Lorenz curve', () => {
    fc.assert(
      fc.property(entries, fc.double({ min: 0, max: 1, noNaN: true }), (xs, f) => {
        const M = xs.reduce((a, x) => a + x.weight * x.value, 0);
        const H = xs.reduce((a, x) => a + x.weight, 0);
        fc.pre(M > 1e-9 && H > 0);
        const L = lorenz(xs);
        close(groupMassShare(xs, f, 'bottom'), lorenzAt(L, f), 'bottom share', 1e-9);
        close(groupMassShare(xs, f, 'top'), 1 - lorenzAt(L, 1 - f), 'top share', 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('Theil within = Σ_g W_g (μ_g/μ) T_g; hoover = ½Σ|m − w|', () => {
    const grouped = fc.array(
      fc.record({ weight: fc.double({ min: 0.01, max: 100, noNaN: true }), value: fc.integer({ min: 0, max: 10_000 }).map((v) => v / 10_000), group: fc.constantFrom('a', 'b', 'c') }),
      { minLength: 1, maxLength: 20 },
    );
    fc.assert(
      fc.property(grouped, (xs: (Weighted & { group: string })[]) => {
        const H = xs.reduce((a, x) => a + x.weight, 0);
        const M = xs.reduce((a, x) => a + x.weight * x.value, 0);
        fc.pre(M > 1e-9);
        const mu = M / H;
        let within = 0;
        for (const g of ['a', 'b', 'c']) {
          const gs = xs.filter((x) => x.group === g);
          const Hg = gs.reduce((a, x) => a + x.weight, 0);
          const Mg = gs.reduce((a, x) => a + x.weight * x.value, 0);
          if (Hg > 0 && Mg > 0) within += (Hg / H) * (Mg / Hg / mu) * theil(gs);
        }
        const t = theilDecomposition(xs);
        close(t.within, within, 'theil within', 1e-8);
        let hv = 0;
        for (const x of xs) hv += Math.abs((x.weight * x.value) / M - x.weight / H);
        close(hoover(xs), hv / 2, 'hoover', 1e-9);
      }),
      { numRuns: 300 },
    );
  });
});
