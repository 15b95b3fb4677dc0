/** Shared by the generated-organization tests: the bench's organizations and a plan checked against every issue-14 invariant. */
import { expect } from 'vitest';
import { type BlockOptions, type BlockPlan, planInBlocks } from '../../renderer/src/engine/balance/blocks';
import type { Highs } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { EPS, planInvariantViolations } from '../helpers/plan-invariants';
// @ts-expect-error plain JavaScript helper shared with the benchmark
import { generateOrganization } from '../../bench/lib/propose-org.mjs';

export const generated = (n: number): Organization => (generateOrganization(n) as { org: Organization }).org;

/** Plans `o` and checks every invariant; returns the plan for case-specific checks. */
export function planAndCheck(highs: Highs, o: Organization, options: BlockOptions = {}): BlockPlan {
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

