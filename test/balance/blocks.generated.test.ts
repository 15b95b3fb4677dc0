/**
 * Issue 14 "What must hold" on the generated organizations of bench/lib/propose-org.mjs, with the
 * default block rules (τ 5% of the range, 0.5 h blocks, 1 h minimum, ≤ 3 new tasks): every job within
 * the band on E and D to 1e-9, every change a whole number of 0.5 h blocks, every new task ≥ 1 h,
 * totals exact per task and per person, ≤ 3 new tasks unless reported, plan ≥ bound — all checked by
 * test/helpers/plan-invariants.ts from the organization and the allocation, not by the engine. The
 * 600-person organization stands for a merged organization (issue 14's "merger-sized"); 2,000
 * people is the benchmark's largest (both dimensions at 2,000: blocks.generated2000.test.ts). A copy of the 200-person one with locks, requirements and
 * qualifications checks that locks are kept and nobody gains hours they are not qualified for.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { planInBlocks } from '../../renderer/src/engine/balance/blocks';
import type { Highs } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { prng } from '../helpers/balance-orgs';
import { getHighs } from '../helpers/balance-run';
import { EPS, planInvariantViolations } from '../helpers/plan-invariants';
import { generated, planAndCheck } from './generated.helpers';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

describe('generated organizations, default options (E and D)', () => {
  it('200 people', () => {
    planAndCheck(highs, generated(200));
  }, 60_000);

  it('600 people (a merged organization)', () => {
    planAndCheck(highs, generated(600));
  }, 120_000);
});

describe('generated organizations, empowerment only', () => {
  it('2,000 people', () => {
    planAndCheck(highs, generated(2000), { dimensions: 'empowerment' });
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
    const p = planAndCheck(highs, o);
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
