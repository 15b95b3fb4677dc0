/**
 * "Checked against an independent solver on organizations you have not seen" (issue 4).
 *
 * Seeded random small organizations (3–12 people, 4–15 tasks, integer ratings on 1–20, random
 * hours, qualifications and requirements, locks, unrated tasks, identical people and tasks) are
 * solved twice: by `propose` (HiGHS over the aggregated model) and by the plain person × task LP
 * written separately in test/helpers/balance-reference.ts and solved by GLPK. They must agree on
 * feasibility; when feasible, the proposal's hours moved must be within 1% (and 1e-6 h) of GLPK's
 * optimum and the proposal must pass the independent checker (test/helpers/balance-check.ts);
 * when not, the diagnosis's tightest tolerance must match GLPK's tightest band. The options curve
 * is checked point by point on a share of them.
 *
 * Every mismatch is collected with its seed, so one run reports all of them. Set
 * FAIRSHARE_BALANCE_SEED to try another batch of organizations.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GLPK } from 'glpk.js/node';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { loadGlpk, referenceSolve, referenceTightest } from '../helpers/balance-reference';
import { currentOf, hoursOf, moved, violations } from '../helpers/balance-check';
import { randomOrg, TOLERANCES } from '../helpers/balance-orgs';
import { describeOrg, getHighs, tryPropose } from '../helpers/balance-run';

const BASE = Number(process.env.FAIRSHARE_BALANCE_SEED ?? 731_000);
const COUNT = 300;

let highs: Highs;
let g: GLPK;
beforeAll(async () => {
  [highs, g] = await Promise.all([getHighs(), loadGlpk()]);
});

const within = (got: number, want: number) => Math.abs(got - want) <= Math.max(1e-6, 0.01 * Math.abs(want));

describe('propose against GLPK on random organizations', () => {
  const problems: string[] = [];
  const thrown: string[] = [];
  const stats = { optimal: 0, balanced: 0, infeasible: 0, 'invalid-input': 0, 'time-limit': 0, 'solver-failed': 0, aggregated: 0, options: 0, desirability: 0 };

  beforeAll(() => {
    for (let i = 0; i < COUNT; i++) {
      const seed = BASE + i;
      const o = randomOrg(seed);
      const tolerance = TOLERANCES[i % TOLERANCES.length];
      const desirability = i % 4 === 3;
      const withOptions = i % 5 === 0;
      const tag = `seed ${seed} (τ ${tolerance}${desirability ? ', with D' : ''})`;
      const ref = referenceSolve(g, o, tolerance, desirability);
      const out = tryPropose(o, highs, { tolerance, desirability, skipOptions: !withOptions });
      if (!out.ok) {
        thrown.push(`${tag}: propose threw "${out.error}" where GLPK says ${ref.status}${ref.status === 'optimal' ? ` (${ref.moved} h)` : ''} — ${describeOrg(o)}`);
        continue;
      }
      const p = out.proposal;
      stats[p.status]++;
      if (desirability) stats.desirability++;
      if (p.model.groups < p.model.people || p.model.classes < p.model.tasks - p.frozenTaskIds.length) stats.aggregated++;

      if ((p.status === 'infeasible') !== (ref.status === 'infeasible')) {
        problems.push(`${tag}: propose says ${p.status}, GLPK says ${ref.status} — ${describeOrg(o)}`);
        continue;
      }
      if (ref.status === 'optimal') {
        if (!within(p.movedHours, ref.moved!)) problems.push(`${tag}: propose moves ${p.movedHours} h, GLPK's optimum is ${ref.moved} h — ${describeOrg(o)}`);
        // Nothing feasible moves fewer hours than the optimum.
        if (p.movedHours < ref.moved! - 1e-6 * (1 + ref.moved!)) problems.push(`${tag}: propose moves ${p.movedHours} h, below GLPK's optimum ${ref.moved} h`);
        // movedHours is what the allocation actually moves.
        const m = moved(currentOf(o), hoursOf(p.allocation));
        if (Math.abs(m - p.movedHours) > 1e-9 * (1 + m)) problems.push(`${tag}: movedHours ${p.movedHours} but the allocation moves ${m} h`);
        if (p.status === 'balanced' && p.movedHours > 1e-6) problems.push(`${tag}: status balanced but ${p.movedHours} h move`);
        for (const v of violations(o, p.allocation, { tolerance, desirability })) problems.push(`${tag}: ${v}`);
        if (p.diagnosis !== null) problems.push(`${tag}: a diagnosis on a feasible proposal`);
      } else {
        if (!p.diagnosis) problems.push(`${tag}: infeasible without a diagnosis`);
        else {
          const tight = referenceTightest(g, o, desirability)!;
          const got = p.diagnosis.tightestTolerance;
          // Reported rounded up to 0.01 point.
          if (got === null || got < tolerance || got < tight - 1e-6 || got > tight + 0.01 + 1e-6) problems.push(`${tag}: tightest tolerance ${got}, GLPK's tightest band is ${tight}`);
        }
      }
      if (withOptions) {
        stats.options++;
        for (const point of p.options) {
          const r = referenceSolve(g, o, point.tolerance, desirability);
          if ((point.status === 'infeasible') !== (r.status === 'infeasible')) problems.push(`${tag}: option ±${point.tolerance} is ${point.status}, GLPK says ${r.status}`);
          else if (r.status === 'optimal' && !within(point.movedHours ?? NaN, r.moved!)) problems.push(`${tag}: option ±${point.tolerance} moves ${point.movedHours} h, GLPK ${r.moved} h`);
        }
      }
    }
  });

  it('draws a useful mix: feasible and infeasible, already balanced, aggregated, with D', () => {
    expect(stats.optimal, JSON.stringify(stats)).toBeGreaterThanOrEqual(COUNT * 0.25);
    expect(stats.infeasible, JSON.stringify(stats)).toBeGreaterThanOrEqual(COUNT * 0.1);
    expect(stats.balanced, JSON.stringify(stats)).toBeGreaterThanOrEqual(5);
    expect(stats.aggregated, JSON.stringify(stats)).toBeGreaterThanOrEqual(COUNT * 0.2);
    expect(stats.options, JSON.stringify(stats)).toBeGreaterThanOrEqual(20);
  });

  it('agrees with GLPK on feasibility, hours moved (within 1%), options and the tightest band; every proposal passes the independent checker', () => {
    expect(problems, problems.slice(0, 20).join('\n')).toEqual([]);
  });

  it('answers every organization without throwing (infeasible is an answer)', () => {
    expect(thrown, thrown.join('\n')).toEqual([]);
  });
});
