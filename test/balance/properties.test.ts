/**
 * Property tests of the optimizer on random organizations (issue 4, "What must hold"): proposals
 * are feasible; hours moved never increase as τ grows; a balanced organization needs no moves; the
 * aggregated model's optimum equals the plain person × task model's; rounding to a granularity
 * keeps every total exact and reports exactly the jobs it pushes out of the band.
 *
 * Inputs on which `propose` throws are counted and skipped here (they are the subject of
 * independent.test.ts and infeasible.test.ts), so each property fails only for its own reason; each
 * property also checks that enough inputs were really tested.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildModel } from '../../renderer/src/engine/balance/model';
import { BalanceLp } from '../../renderer/src/engine/balance/lp';
import { solvePlainLp } from '../../renderer/src/engine/balance/plainLp';
import type { Highs } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { currentOf, get, hoursOf, moved, outsideBand, personTotals, scores, spread, taskTotals, violations } from '../helpers/balance-check';
import { org, person, prng, randomOrg, RANGE, task, TOLERANCES, work } from '../helpers/balance-orgs';
import { describeOrg, getHighs, tryPropose } from '../helpers/balance-run';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

const FC = { seed: 4_242_017, endOnFailure: true } as const;
const seedArb = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const tolArb = fc.constantFrom(...TOLERANCES);

describe('feasibility', () => {
  it('every proposal keeps task and person hours, every job in the band, qualifications, locks and unrated tasks', () => {
    let tested = 0;
    fc.assert(
      fc.property(seedArb, tolArb, fc.boolean(), (seed, tolerance, desirability) => {
        const o = randomOrg(seed);
        const out = tryPropose(o, highs, { tolerance, desirability, skipOptions: true });
        if (!out.ok || out.proposal.status === 'infeasible') return;
        tested++;
        const p = out.proposal;
        expect(violations(o, p.allocation, { tolerance, desirability }), describeOrg(o)).toEqual([]);
        expect(p.movedHours).toBeCloseTo(moved(currentOf(o), hoursOf(p.allocation)), 9);
        expect(p.roundingViolations).toEqual([]);
      }),
      { ...FC, numRuns: 80 },
    );
    expect(tested).toBeGreaterThanOrEqual(25);
  });

  it('larger organizations with few distinct tasks (heavy aggregation) too', () => {
    let tested = 0;
    fc.assert(
      fc.property(seedArb, tolArb, (seed, tolerance) => {
        const o = randomOrg(seed, { minPeople: 20, maxPeople: 40, minTasks: 4, maxTasks: 8, lockRate: 0.03 });
        const out = tryPropose(o, highs, { tolerance, skipOptions: true });
        if (!out.ok || out.proposal.status === 'infeasible') return;
        tested++;
        expect(violations(o, out.proposal.allocation, { tolerance }), describeOrg(o)).toEqual([]);
      }),
      { ...FC, numRuns: 40 },
    );
    expect(tested).toBeGreaterThanOrEqual(10);
  });
});

describe('hours moved never increase as τ grows', () => {
  it('solving at τ1 < τ2: feasible at τ1 ⇒ feasible at τ2, with no more hours moved', () => {
    let compared = 0;
    fc.assert(
      fc.property(seedArb, tolArb, tolArb, fc.boolean(), (seed, a, b, desirability) => {
        fc.pre(a !== b);
        const [t1, t2] = a < b ? [a, b] : [b, a];
        const o = randomOrg(seed);
        const p1 = tryPropose(o, highs, { tolerance: t1, desirability, skipOptions: true });
        const p2 = tryPropose(o, highs, { tolerance: t2, desirability, skipOptions: true });
        if (!p1.ok || !p2.ok) return;
        if (p1.proposal.status !== 'infeasible') {
          expect(p2.proposal.status, describeOrg(o)).not.toBe('infeasible');
          expect(p2.proposal.movedHours, describeOrg(o)).toBeLessThanOrEqual(p1.proposal.movedHours + 1e-7);
          compared++;
        }
      }),
      { ...FC, numRuns: 70 },
    );
    expect(compared).toBeGreaterThanOrEqual(20);
  });

  it('the options curve: once feasible, feasible at every wider τ, with hours moved non-increasing', () => {
    let curves = 0;
    fc.assert(
      fc.property(seedArb, fc.boolean(), (seed, desirability) => {
        const o = randomOrg(seed);
        const out = tryPropose(o, highs, { tolerance: 1, desirability, optionTolerances: [...TOLERANCES] });
        if (!out.ok) return;
        const pts = out.proposal.options;
        expect(pts.map((x) => x.tolerance)).toEqual([...pts.map((x) => x.tolerance)].sort((x, y) => x - y));
        for (const t of TOLERANCES) expect(pts.some((x) => x.tolerance === t)).toBe(true);
        for (let i = 1; i < pts.length; i++) {
          if (pts[i - 1].status === 'optimal') {
            expect(pts[i].status, describeOrg(o)).toBe('optimal');
            expect(pts[i].movedHours!, describeOrg(o)).toBeLessThanOrEqual(pts[i - 1].movedHours! + 1e-7);
          }
        }
        // The last point is the current spread: nothing needs to move there.
        const last = pts.at(-1)!;
        expect(last.status).toBe('optimal');
        expect(last.movedHours!).toBeLessThanOrEqual(1e-7);
        curves++;
      }),
      { ...FC, numRuns: 40 },
    );
    expect(curves).toBeGreaterThanOrEqual(25);
  });
});

describe('a balanced organization needs no moves', () => {
  const expectNoMoves = (o: Organization, tolerance: number, desirability: boolean) => {
    const out = tryPropose(o, highs, { tolerance, desirability, skipOptions: true });
    expect(out.ok, out.ok ? '' : `${out.error} — ${describeOrg(o)}`).toBe(true);
    if (!out.ok) return;
    const p = out.proposal;
    expect(p.status, describeOrg(o)).toBe('balanced');
    expect(p.movedHours).toBeLessThanOrEqual(1e-9);
    expect(p.transfers).toEqual([]);
    expect(p.diagnosis).toBeNull();
    const before = currentOf(o);
    const after = hoursOf(p.allocation);
    for (const [pid, ts] of before) for (const [tid, h] of ts) expect(get(after, pid, tid), `${pid}/${tid}`).toBeCloseTo(h, 9);
    expect(p.allocation.length).toBe([...before.values()].reduce((s, m) => s + m.size, 0));
  };

  it('random organizations with τ just above their current spread', () => {
    let n = 0;
    fc.assert(
      fc.property(seedArb, fc.boolean(), (seed, desirability) => {
        const o = randomOrg(seed);
        const tolerance = Math.max(0.01, spread(o, currentOf(o), desirability) + 0.01);
        expectNoMoves(o, tolerance, desirability);
        n++;
      }),
      { ...FC, numRuns: 60 },
    );
    expect(n).toBe(60);
  });

  it('organizations where everyone does the same mix of tasks, at a tight τ', () => {
    fc.assert(
      fc.property(seedArb, fc.boolean(), (seed, desirability) => {
        const rnd = prng(seed);
        const nTasks = 2 + Math.floor(rnd() * 6);
        const tasks = Array.from({ length: nTasks }, (_, i) => task(`t${i}`, 1 + Math.floor(rnd() * 20), 1 + Math.floor(rnd() * 20), rnd() < 0.3 ? ['legal'] : []));
        const mix = tasks.map(() => 0.5 + rnd() * 4);
        const people = Array.from({ length: 3 + Math.floor(rnd() * 8) }, (_, i) => person(`p${i}`, rnd() < 0.3 ? ['legal'] : []));
        // Everyone's hours are a multiple of the same mix (part-timers too), some of them locked.
        const work_ = people.flatMap((p) => {
          const scale = [0.5, 1, 1, 2][Math.floor(rnd() * 4)];
          return tasks.map((t, i) => work(p.id, t.id, mix[i] * scale, rnd() < 0.1));
        });
        expectNoMoves(org(people, tasks, work_), 0.25, desirability);
      }),
      { ...FC, numRuns: 40 },
    );
  });
});

describe('the aggregated model has the plain person × task model’s optimum', () => {
  const compare = (o: Organization, tolerance: number, desirability: boolean) => {
    const tau = tolerance / RANGE;
    let agg: { status: string; moved: number; groups: number; classes: number };
    let plain: ReturnType<typeof solvePlainLp>;
    try {
      const m = buildModel(o, desirability);
      const lp = new BalanceLp(m, highs, tau);
      try {
        const s = lp.solve(tau);
        agg = { status: s.status, moved: s.moved, groups: m.groups.length, classes: m.classes.length };
      } finally {
        lp.dispose();
      }
      plain = solvePlainLp(o, tau, desirability, highs);
    } catch {
      return null; // a solver exception: see independent.test.ts / infeasible.test.ts
    }
    expect(plain.status, describeOrg(o)).toBe(agg.status);
    if (agg.status === 'optimal') expect(Math.abs(agg.moved - plain.moved!), `aggregated ${agg.moved}, plain ${plain.moved} — ${describeOrg(o)}`).toBeLessThanOrEqual(1e-6 * Math.max(1, plain.moved!));
    return agg;
  };

  it('on random small organizations', () => {
    let optimal = 0;
    let merged = 0;
    fc.assert(
      fc.property(seedArb, tolArb, fc.boolean(), (seed, tolerance, desirability) => {
        const o = randomOrg(seed);
        const r = compare(o, tolerance, desirability);
        if (r?.status === 'optimal') optimal++;
        if (r && (r.groups < o.people.length || r.classes < o.tasks.length)) merged++;
      }),
      { ...FC, numRuns: 100 },
    );
    expect(optimal).toBeGreaterThanOrEqual(30);
    expect(merged).toBeGreaterThanOrEqual(30);
  });

  it('on larger organizations made of many identical people and tasks', () => {
    let optimal = 0;
    fc.assert(
      fc.property(seedArb, tolArb, (seed, tolerance) => {
        const o = randomOrg(seed, { minPeople: 25, maxPeople: 40, minTasks: 5, maxTasks: 10, lockRate: 0.02 });
        const r = compare(o, tolerance, false);
        if (r?.status === 'optimal') {
          optimal++;
          expect(r.groups).toBeLessThan(o.people.length);
        }
      }),
      { ...FC, numRuns: 30 },
    );
    expect(optimal).toBeGreaterThanOrEqual(8);
  });
});

describe('rounding to a granularity', () => {
  const isMultiple = (h: number, g: number) => Math.abs(h / g - Math.round(h / g)) <= 1e-9;

  /** Totals exact to 1e-9, locks/unrated/qualifications respected, violations reported exactly. */
  const checkRounded = (o: Organization, tolerance: number, desirability: boolean, G: number) => {
    const out = tryPropose(o, highs, { tolerance, desirability, granularity: G, skipOptions: true });
    if (!out.ok || out.proposal.status === 'infeasible') return null;
    const p = out.proposal;
    const before = currentOf(o);
    const after = hoursOf(p.allocation);
    const tb = taskTotals(before), ta = taskTotals(after);
    for (const [t, h] of tb) expect(Math.abs((ta.get(t) ?? 0) - h), `task ${t} — ${describeOrg(o)}`).toBeLessThanOrEqual(1e-9);
    const pb = personTotals(before), pa = personTotals(after);
    for (const [pid, h] of pb) expect(Math.abs((pa.get(pid) ?? 0) - h), `person ${pid} — ${describeOrg(o)}`).toBeLessThanOrEqual(1e-9);
    // Exactly the jobs outside the band after rounding are reported, with their E.
    const outside = outsideBand(o, after, tolerance, desirability).sort();
    expect(p.roundingViolations.map((v) => v.personId).sort(), describeOrg(o)).toEqual(outside);
    const s = scores(o, after);
    for (const v of p.roundingViolations) expect(v.empowerment).toBeCloseTo(s.jobs.find((j) => j.personId === v.personId)!.e!, 9);
    expect(p.movedHours).toBeCloseTo(moved(before, after), 9);
    return p;
  };

  it('hours already in multiples of G: every cell is a multiple of G, totals exact, violations listed exactly', () => {
    let rounded = 0;
    let withViolations = 0;
    fc.assert(
      fc.property(seedArb, tolArb, fc.boolean(), fc.constantFrom(0.25, 0.5, 1), (seed, tolerance, desirability, G) => {
        const o = randomOrg(seed, { hoursStep: G });
        const p = checkRounded(o, tolerance, desirability, G);
        if (!p) return;
        rounded++;
        if (p.roundingViolations.length) withViolations++;
        for (const a of p.allocation) expect(isMultiple(a.hours, G), `${a.personId}/${a.taskId} = ${a.hours} h, G ${G} — ${describeOrg(o)}`).toBe(true);
        // Rounding keeps locks, unrated tasks and qualifications (not the band).
        expect(violations(o, p.allocation, { tolerance, desirability, skipBand: true, hoursSlack: 1e-9 }), describeOrg(o)).toEqual([]);
      }),
      { ...FC, numRuns: 60 },
    );
    expect(rounded).toBeGreaterThanOrEqual(20);
    expect(withViolations).toBeGreaterThanOrEqual(3);
  });

  it('any hours: totals stay exact and violations are listed exactly', () => {
    let rounded = 0;
    fc.assert(
      fc.property(seedArb, tolArb, fc.constantFrom(0.25, 0.5, 1), (seed, tolerance, G) => {
        const p = checkRounded(randomOrg(seed, { hoursStep: 0 }), tolerance, false, G);
        if (p) rounded++;
      }),
      { ...FC, numRuns: 60 },
    );
    expect(rounded).toBeGreaterThanOrEqual(25);
  });

  it('any hours: rounding never gives an unqualified person new hours, breaks a lock or moves an unrated task', () => {
    const found: string[] = [];
    fc.assert(
      fc.property(seedArb, tolArb, fc.constantFrom(0.25, 0.5, 1), (seed, tolerance, G) => {
        const o = randomOrg(seed, { hoursStep: 0 });
        const out = tryPropose(o, highs, { tolerance, granularity: G, skipOptions: true });
        if (!out.ok || out.proposal.status === 'infeasible') return;
        const v = violations(o, out.proposal.allocation, { tolerance, skipBand: true, hoursSlack: 1e-9 });
        if (v.length) found.push(`seed ${seed} τ ${tolerance} G ${G}: ${v.join('; ')} — ${describeOrg(o)}`);
      }),
      { ...FC, numRuns: 60 },
    );
    expect(found.length, found.slice(0, 3).join('\n')).toBe(0);
  });

  it('rounding does not hand an unqualified person hours of a task they merely kept', () => {
    // "a" keeps 0.9 h of x (which requires "lic", which a lacks); c and d swap hi/lo to get within ±1 of 12.
    const o = org([person('a'), person('b', ['lic']), person('c'), person('d')], [task('x', 12, 10, ['lic']), task('y', 12), task('hi', 20), task('lo', 4)], [
      work('a', 'x', 0.9), work('a', 'y', 1.1), work('b', 'x', 1.1), work('b', 'y', 0.9), work('c', 'hi', 2), work('d', 'lo', 2),
    ]);
    const exact = tryPropose(o, highs, { tolerance: 1, skipOptions: true });
    expect(exact.ok && exact.proposal.allocation.find((c) => c.personId === 'a' && c.taskId === 'x')?.hours).toBeCloseTo(0.9, 9);
    const out = tryPropose(o, highs, { tolerance: 1, granularity: 0.5, skipOptions: true });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const ax = out.proposal.allocation.find((c) => c.personId === 'a' && c.taskId === 'x')?.hours ?? 0;
    expect(ax, 'a holds no "lic", so may keep at most the 0.9 h of x they had').toBeLessThanOrEqual(0.9 + 1e-9);
  });

  it('an organization that is already balanced stays untouched when rounding (status "balanced" means no moves)', () => {
    // Everyone is within ±1 of the mean (≈ 10.67); hours are not multiples of 0.5.
    const o = org([person('a'), person('b'), person('c')], [task('x', 12), task('y', 8), task('z', 12)], [
      work('a', 'x', 2.3), work('a', 'y', 2.2), work('b', 'x', 1.7), work('b', 'y', 1.8), work('c', 'z', 4.1), work('c', 'x', 1.3), work('c', 'y', 0.7),
    ]);
    expect(spread(o, currentOf(o))).toBeLessThan(1);
    const out = tryPropose(o, highs, { tolerance: 1, granularity: 0.5, skipOptions: true });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.proposal.status).toBe('balanced');
    expect(out.proposal.transfers, 'a "balanced" proposal that moves hours').toEqual([]);
    expect(out.proposal.movedHours).toBe(0);
  });
});

describe('shifting every rating by a constant leaves every proposal unchanged (issue 11, "What must hold")', () => {
  /** Adds `k` points to every E and D rating (normalized: k / range); ratings stay inside the scale. */
  const shifted = (o: Organization, k: number): Organization => ({
    ...o,
    tasks: o.tasks.map((t) => ({ ...t, empowerment: t.empowerment === null ? null : t.empowerment + k / RANGE, desirability: t.desirability === null ? null : t.desirability + k / RANGE })),
  });
  const room = (o: Organization) => {
    const rated = o.tasks.flatMap((t) => [t.empowerment, t.desirability]).filter((x): x is number => x !== null);
    return rated.length ? { down: Math.round(Math.min(...rated) * RANGE), up: Math.round((1 - Math.max(...rated)) * RANGE) } : { down: 0, up: 0 };
  };

  it('same status, hours moved and allocation after adding k points to every E and D rating', () => {
    let compared = 0;
    fc.assert(
      fc.property(seedArb, tolArb, fc.boolean(), fc.constantFrom(0, 0.5), fc.integer({ min: 0, max: 1000 }), (seed, tolerance, desirability, granularity, pick) => {
        const o = randomOrg(seed);
        const { down, up } = room(o);
        fc.pre(down + up > 0);
        const k = -down + (pick % (down + up + 1));
        fc.pre(k !== 0);
        const a = tryPropose(o, highs, { tolerance, desirability, granularity });
        const b = tryPropose(shifted(o, k), highs, { tolerance, desirability, granularity });
        const tag = `k ${k} — ${describeOrg(o)}`;
        if (!a.ok || !b.ok) throw new Error(`propose threw: ${a.ok ? '' : a.error} ${b.ok ? '' : b.error} — ${tag}`);
        expect(b.proposal.status, tag).toBe(a.proposal.status);
        expect(Math.abs(b.proposal.movedHours - a.proposal.movedHours), tag).toBeLessThanOrEqual(1e-6 * (1 + a.proposal.movedHours));
        const ha = hoursOf(a.proposal.allocation);
        const hb = hoursOf(b.proposal.allocation);
        for (const cells of [a.proposal.allocation, b.proposal.allocation]) {
          for (const c of cells) expect(Math.abs(get(ha, c.personId, c.taskId) - get(hb, c.personId, c.taskId)), `${c.personId}/${c.taskId} ${tag}`).toBeLessThanOrEqual(1e-6);
        }
        // The options curve too: the same tolerances, statuses, hours moved and share within tolerance.
        // (Not each option's allocation: an option can have several optimal allocations moving the same
        // hours, and rounding noise in the shifted ratings may pick another one, with another Gini.)
        expect(b.proposal.options.map((x) => [x.tolerance, x.status]), tag).toEqual(a.proposal.options.map((x) => [x.tolerance, x.status]));
        a.proposal.options.forEach((x, i) => {
          const y = b.proposal.options[i];
          for (const key of ['movedHours', 'withinTolerance'] as const) {
            if (x[key] === null) expect(y[key], `${key} ${tag}`).toBeNull();
            else expect(Math.abs(y[key]! - x[key]!), `option ±${x.tolerance} ${key} ${tag}`).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(x[key]!)));
          }
        });
        compared++;
      }),
      { ...FC, numRuns: 40 },
    );
    expect(compared).toBeGreaterThanOrEqual(20);
  });
});
