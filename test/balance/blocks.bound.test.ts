/**
 * The block plan's yardstick (issue 14 "What must hold"): `bound`, from planInBlocks and from
 * carryOut (what `propose` prints), equals the optimum of an independent LP — the plain person ×
 * task formulation of test/helpers/balance-reference.ts solved by GLPK with presolve off — to
 * 1e-6 relative (and 1e-6 h), and no plan with every job in band moves fewer hours than it. On both
 * samples (suggestions applied, as the app does), both dimensions and empowerment only, where every
 * invariant of test/helpers/plan-invariants.ts is also checked; and on 100 seeded random small
 * organizations (FAIRSHARE_BOUND_SEED picks another batch).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GLPK } from 'glpk.js/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { planInBlocks } from '../../renderer/src/engine/balance/blocks';
import { carryOut } from '../../renderer/src/engine/balance/carryOut';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { importOrganization } from '../../renderer/src/engine/import';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { randomOrg, TOLERANCES } from '../helpers/balance-orgs';
import { loadGlpk, referenceSolve } from '../helpers/balance-reference';
import { describeOrg, getHighs } from '../helpers/balance-run';
import { EPS, planInvariantViolations } from '../helpers/plan-invariants';

const BASE = Number(process.env.FAIRSHARE_BOUND_SEED ?? 1_414_000);
const COUNT = 100;

let highs: Highs;
let g: GLPK;
beforeAll(async () => {
  [highs, g] = await Promise.all([getHighs(), loadGlpk()]);
});

/** Equal to 1e-6 relative, or 1e-6 h when the optimum is under 1 h. */
const same = (got: number, want: number) => Math.abs(got - want) <= 1e-6 * Math.max(1, Math.abs(want));

const sample = (file: string): Organization => {
  const full = path.join(__dirname, '..', '..', 'resources', file);
  return applySuggestions(importOrganization(new Uint8Array(readFileSync(full)), full).organization!);
};

describe.each([
  ['Riverside', 'sample-organization.xlsx'],
  ['Eastside', 'sample-partner.xlsx'],
])('the %s sample (%s), default block rules', (_name, file) => {
  let o: Organization;
  beforeAll(() => {
    o = sample(file);
  });

  it.each(['both', 'empowerment'] as const)('%s: bound = GLPK optimum, plan ≥ bound, every invariant holds', (dimensions) => {
    const desirability = dimensions === 'both';
    const p = planInBlocks(o, highs, { dimensions });
    const ref = referenceSolve(g, o, p.tolerance, desirability);
    expect(ref.status).toBe('optimal');
    // Not vacuous: both samples need real rebalancing at the default band.
    expect(ref.moved!).toBeGreaterThan(10);
    expect(p.bound).not.toBeNull();
    expect(same(p.bound!, ref.moved!), `bound ${p.bound} vs GLPK ${ref.moved}`).toBe(true);
    expect(p.movedHours).toBeGreaterThanOrEqual(p.bound! - EPS);
    expect(p.status).toBe('complete');
    expect(planInvariantViolations(o, p, { tolerance: p.tolerance, desirability, granularity: p.granularity, minBlock: p.minBlock, maxNewTasks: p.maxNewTasks })).toEqual([]);

    // What the CLI reports: carryOut's bound is the exact plan's hours, at the same τ.
    const c = carryOut(o, highs, { granularity: 0.5, desirability });
    expect(c.proposal.tolerance).toBe(p.tolerance);
    expect(c.bound).not.toBeNull();
    expect(same(c.bound!, ref.moved!), `carryOut bound ${c.bound} vs GLPK ${ref.moved}`).toBe(true);
    expect(c.blocks).not.toBeNull();
    expect(c.proposal.movedHours).toBeGreaterThanOrEqual(c.bound! - EPS);
    expect(planInvariantViolations(o, { ...c.proposal, bound: c.bound, overNewTasks: c.blocks!.overNewTasks }, { tolerance: p.tolerance, desirability, granularity: 0.5, minBlock: c.blocks!.minBlock, maxNewTasks: c.blocks!.maxNewTasks })).toEqual([]);
  });
});

describe('bound against GLPK on random small organizations', () => {
  it(`${COUNT} seeded organizations from ${BASE}: bound = GLPK optimum (planInBlocks, and carryOut on every 4th); plan ≥ bound when in band`, () => {
    const problems: string[] = [];
    const stats = { optimal: 0, infeasible: 0, inBand: 0, carryOut: 0, nonzero: 0 };
    for (let i = 0; i < COUNT; i++) {
      const seed = BASE + i;
      const o = randomOrg(seed);
      const tolerance = TOLERANCES[i % TOLERANCES.length];
      const desirability = i % 2 === 1;
      const tag = `seed ${seed} (τ ${tolerance}, ${desirability ? 'E and D' : 'E only'})`;
      const ref = referenceSolve(g, o, tolerance, desirability);
      const p = planInBlocks(o, highs, { tolerance, dimensions: desirability ? 'both' : 'empowerment' });
      stats[ref.status]++;
      if (ref.status === 'infeasible') {
        if (p.status !== 'infeasible' || p.bound !== null) problems.push(`${tag}: GLPK infeasible, planInBlocks ${p.status} with bound ${p.bound} — ${describeOrg(o)}`);
      } else {
        if (ref.moved! > 1e-6) stats.nonzero++;
        if (p.bound === null || !same(p.bound, ref.moved!)) problems.push(`${tag}: planInBlocks bound ${p.bound} (${p.status}), GLPK ${ref.moved} — ${describeOrg(o)}`);
        // Every invariant but the band holds whatever the status; the band, whenever the plan says complete.
        const bad = planInvariantViolations(o, p, { tolerance, desirability, granularity: p.granularity, minBlock: p.minBlock, maxNewTasks: p.maxNewTasks });
        const band = bad.filter((b) => / beyond ±/.test(b));
        for (const b of bad) if (!band.includes(b) || p.status === 'complete') problems.push(`${tag}, ${p.status}: ${b} — ${describeOrg(o)}`);
        if (band.length === 0) stats.inBand++;
        // Any plan with every job in band is feasible for the LP, so it moves at least its minimum.
        if (p.bound !== null && band.length === 0 && p.movedHours < p.bound - EPS) problems.push(`${tag}: in band with ${p.movedHours} h moved < bound ${p.bound}`);
      }
      if (i % 4 === 0) {
        stats.carryOut++;
        const c = carryOut(o, highs, { tolerance, desirability, granularity: 0.5, skipOptions: true });
        if ((c.bound === null) !== (ref.status === 'infeasible') || (c.bound !== null && !same(c.bound, ref.moved!))) problems.push(`${tag}: carryOut bound ${c.bound} (${c.proposal.status}), GLPK ${ref.status} ${ref.moved} — ${describeOrg(o)}`);
      }
    }
    expect(problems).toEqual([]);
    // Not vacuous: most organizations need hours moved, some are infeasible, most plans pass every invariant.
    expect(stats.nonzero).toBeGreaterThan(COUNT / 3);
    expect(stats.infeasible).toBeGreaterThan(0);
    expect(stats.inBand).toBeGreaterThan(COUNT / 3);
    expect(stats.carryOut).toBe(COUNT / 4);
  });
});
