/**
 * Issue 14 "What must hold" on the generated organizations of bench/lib/propose-org.mjs, with the
 * default block rules (τ 5% of the range, 0.5 h blocks, 1 h minimum, ≤ 3 new tasks): every job within
 * the band on E and D to 1e-9, every change a whole number of 0.5 h blocks, every new task ≥ 1 h,
 * totals exact per task and per person, ≤ 3 new tasks unless reported, plan ≥ bound — all checked by
 * test/helpers/plan-invariants.ts from the organization and the allocation, not by the engine. The
 * 600-person organization stands for a merged organization (issue 14's "merger-sized"); 2,000
 * people is the benchmark's largest. A copy of the 200-person one with locks, requirements and
 * qualifications checks that locks are kept and nobody gains hours they are not qualified for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type BlockOptions, type BlockPlan, planInBlocks } from '../../renderer/src/engine/balance/blocks';
import type { Highs } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { prng } from '../helpers/balance-orgs';
import { getHighs } from '../helpers/balance-run';
import { EPS, planInvariantViolations } from '../helpers/plan-invariants';
// @ts-expect-error plain JavaScript helper shared with the benchmark
import { generateOrganization } from '../../bench/lib/propose-org.mjs';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

const generated = (n: number): Organization => (generateOrganization(n) as { org: Organization }).org;

/** Plans `o` and checks every invariant; returns the plan for case-specific checks. */
function planAndCheck(o: Organization, options: BlockOptions = {}): BlockPlan {
  const p = planInBlocks(o, highs, options);
  expect(p.status, p.message ?? '').toBe('complete');
  expect(p.granularity).toBe(0.5);
  expect(p.minBlock).toBe(1);
  expect(p.maxNewTasks).toBe(3);
  const desirability = (options.dimensions ?? 'both') === 'both';
  expect(p.dimensions).toBe(desirability ? 'both' : 'empowerment');
  expect(planInvariantViolations(o, p, { tolerance: p.tolerance, desirability, granularity: 0.5, minBlock: 1, maxNewTasks: 3 })).toEqual([]);
  // Not vacuous: the generated jobs spread well beyond the band, so a lot must move.
  expect(p.bound!).toBeGreaterThan(o.people.length);
  expect(p.movedHours).toBeGreaterThanOrEqual(p.bound! - EPS);
  expect(p.newTasks.length).toBeGreaterThan(o.people.length / 10);
  return p;
}

describe('generated organizations, default options (E and D)', () => {
  it('200 people', () => {
    planAndCheck(generated(200));
  }, 60_000);

  it('600 people (a merged organization)', () => {
    planAndCheck(generated(600));
  }, 120_000);

  // Measured at 2,000 people, both dimensions, default limits: the bound LP reaches its 30 s limit
  // and the plan ends 'best-found' with nothing moved (32 s, load 0.7). With the LP limit raised to
  // 600 s it completes, all 2,000 jobs in band, in 44 s (bound LP 37 s, load 3): over this file's
  // budget, and not the default options.
  // enabled when the fast LP lands (lead)
  it.skip('2,000 people', () => {
    planAndCheck(generated(2000));
  }, 180_000);
});

describe('generated organizations, empowerment only', () => {
  it('2,000 people', () => {
    planAndCheck(generated(2000), { dimensions: 'empowerment' });
  }, 120_000);
});

/** A copy of `o` with ~10% of assignments locked, a quarter of the tasks requiring a qualification, and 40% of people holding some. */
function withLocksAndQualifications(o: Organization, seed: number): Organization {
  const rnd = prng(seed);
  const quals = ['finance', 'cdl', 'first aid'];
  // Spelled as files do (case, spaces); the engine and the checker both compare trimmed, case-folded.
  const spell = (q: string) => (rnd() < 0.3 ? ` ${q.toUpperCase()}` : q);
  const tasks = o.tasks.map((t) => (rnd() < 0.25 ? { ...t, requires: [spell(quals[Math.floor(rnd() * quals.length)])] } : t));
  const people = o.people.map((p) => (rnd() < 0.4 ? { ...p, qualifications: quals.filter(() => rnd() < 0.5).map(spell) } : p));
  const assignments = o.assignments.map((a) => (rnd() < 0.1 ? { ...a, locked: true } : a));
  return { ...o, tasks, people, assignments };
}

describe('200 generated people with locks, requirements and qualifications', () => {
  it('keeps every lock, gives new hours only to qualified people, and every other invariant', () => {
    const o = withLocksAndQualifications(generated(200), 14_200);
    const p = planAndCheck(o);
    // Not vacuous: locks and unqualified holders exist, and hours of restricted tasks do move.
    const restricted = new Set(o.tasks.filter((t) => t.requires.length).map((t) => t.id));
    const qualified = (personId: string, taskId: string) => {
      const held = new Set(o.people.find((x) => x.id === personId)!.qualifications.map((q) => q.trim().toLowerCase()));
      return o.tasks.find((t) => t.id === taskId)!.requires.every((r) => held.has(r.trim().toLowerCase()));
    };
    expect(o.assignments.filter((a) => a.locked).length).toBeGreaterThan(100);
    expect(o.assignments.filter((a) => restricted.has(a.taskId) && !qualified(a.personId, a.taskId)).length).toBeGreaterThan(50);
    const before = new Map(o.assignments.map((a) => [`${a.personId}\u0000${a.taskId}`, a.hours]));
    const gained = p.allocation.filter((c) => restricted.has(c.taskId) && c.hours > (before.get(`${c.personId}\u0000${c.taskId}`) ?? 0) + EPS);
    expect(gained.length).toBeGreaterThan(0);
    // The same plan on the original organization would break these rules; the checker sees it.
    const unrestricted = planInBlocks(generated(200), highs);
    const bad = planInvariantViolations(o, unrestricted, { tolerance: unrestricted.tolerance, desirability: true, granularity: 0.5, minBlock: 1, maxNewTasks: 3 });
    expect(bad.some((b) => /without the qualification/.test(b))).toBe(true);
    expect(bad.some((b) => /locked/.test(b))).toBe(true);
  }, 60_000);
});
