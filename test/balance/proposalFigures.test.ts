/**
 * The figures a proposal prints (issue 11, "Proposals"): every hour in `propose --json` adds up to
 * the input's exactly (to float-sum noise, not 4 decimals) on a 2,000-person organization; the
 * options curve's "within tolerance" is measured at each option's own tolerance; the hours moved on
 * tasks with suggested ratings are reported; the report says whether and how it rounded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { propose } from '../../renderer/src/engine/balance/propose';
import { buildProposalReport, type ProposalReport } from '../../renderer/src/engine/balance/proposalReport';
import type { Highs } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { currentOf, hoursOf, moved } from '../helpers/balance-check';
import { org, person, randomOrg, task, work } from '../helpers/balance-orgs';
import { describeOrg, getHighs, tryPropose } from '../helpers/balance-run';
// @ts-expect-error plain JavaScript helper shared with the benchmark
import { generateOrganization } from '../../bench/lib/propose-org.mjs';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The report as `propose --json` prints it. */
const printed = (o: Organization, granularity: number): ProposalReport => {
  const p = propose(o, highs, { granularity, skipOptions: true });
  return JSON.parse(JSON.stringify(buildProposalReport(o, p, 'generated', granularity))) as ProposalReport;
};

function expectExactTotals(o: Organization, r: ProposalReport): void {
  const names = new Map(o.people.map((p) => [p.id, p.name]));
  const tasks = new Map(o.tasks.map((t) => [t.id, t.name]));
  const want = { people: new Map<string, number>(), tasks: new Map<string, number>() };
  const got = { people: new Map<string, number>(), tasks: new Map<string, number>() };
  const add = (m: Map<string, number>, k: string, h: number) => m.set(k, (m.get(k) ?? 0) + h);
  for (const a of o.assignments) {
    add(want.people, names.get(a.personId)!, a.hours);
    add(want.tasks, tasks.get(a.taskId)!, a.hours);
  }
  for (const a of r.allocation) {
    add(got.people, a.person, a.hours);
    add(got.tasks, a.task, a.hours);
  }
  let worst = 0;
  for (const kind of ['people', 'tasks'] as const) {
    expect(got[kind].size, kind).toBe(want[kind].size);
    for (const [k, h] of want[kind]) worst = Math.max(worst, Math.abs((got[kind].get(k) ?? 0) - h) / h);
  }
  expect(worst, 'largest relative drift of a person’s or a task’s hours').toBeLessThan(1e-9);
  expect(Math.abs(sum(r.transfers.map((t) => t.hours)) - r.movedHours) / r.movedHours).toBeLessThan(1e-9);
  expect(Math.abs(sum(r.jobs.flatMap((j) => j.gained.map((g) => g.hours))) - r.movedHours) / r.movedHours).toBeLessThan(1e-9);
  expect(Math.abs(sum(r.jobs.map((j) => j.hours)) - r.totalHours) / r.totalHours).toBeLessThan(1e-9);
}

describe('every hour printed adds up', () => {
  it('2,000 people, exact LP: each person’s and each task’s hours in the JSON allocation equal the input’s', () => {
    const { org: o } = generateOrganization(2000) as { org: Organization };
    const r = printed(o, 0);
    expect(r.status).toBe('optimal');
    expectExactTotals(o, r);
  }, 120_000);

  it('500 people rounded to 0.5 h: the same', () => {
    const { org: o } = generateOrganization(500) as { org: Organization };
    const r = printed(o, 0.5);
    expect(r.status).toBe('optimal');
    expect(r.rounded).toBe(true);
    expectExactTotals(o, r);
  }, 120_000);
});

describe('the options curve', () => {
  it('reports "within tolerance" at each option’s own tolerance: every feasible option has every job within its band', () => {
    let wider = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const o = randomOrg(seed);
      const out = tryPropose(o, highs, { tolerance: 0.5, optionTolerances: [0.5, 1, 2, 3, 6] });
      if (!out.ok) continue;
      for (const x of out.proposal.options) {
        if (x.status !== 'optimal') continue;
        if (x.tolerance > 0.5) wider++;
        // The LP at τ puts every job with rated hours within ±τ, so all their hours count.
        expect(x.withinTolerance!, `option ±${x.tolerance} — ${describeOrg(o)}`).toBeGreaterThanOrEqual(1 - 1e-9);
      }
    }
    expect(wider).toBeGreaterThanOrEqual(50);
  });
});

describe('hours moved on suggested ratings', () => {
  it('are the new hours on tasks whose ratings are suggestions, in the proposal and its report', () => {
    const suggested = (t: ReturnType<typeof task>) => ({ ...t, source: 'suggested' as const });
    const o = org([person('a'), person('b'), person('c')], [task('hi', 20), suggested(task('lo', 2)), suggested(task('mid', 11)), task('x', 10)], [
      work('a', 'hi', 10), work('b', 'lo', 10), work('c', 'mid', 5), work('c', 'x', 5),
    ]);
    const p = propose(o, highs, { tolerance: 1, skipOptions: true });
    expect(p.status).toBe('optimal');
    const before = currentOf(o);
    const after = hoursOf(p.allocation);
    let onSuggested = 0;
    for (const [pid, ts] of after) for (const [t, h] of ts) if (t === 'lo' || t === 'mid') onSuggested += Math.max(0, h - (before.get(pid)?.get(t) ?? 0));
    // a must take some of b's "lo" hours to come down to the mean: a real share of what moves.
    expect(onSuggested).toBeGreaterThan(1);
    expect(onSuggested).toBeLessThan(moved(before, after));
    expect(p.movedOnSuggested).toBeCloseTo(onSuggested, 9);
    const r = buildProposalReport(o, p, 'x', 0);
    expect(r.movedOnSuggested).toBeCloseTo(onSuggested, 9);
  });
});

describe('the report says whether it rounded', () => {
  const o = org([person('a'), person('b')], [task('hi', 20), task('lo', 2)], [work('a', 'hi', 10), work('b', 'lo', 10)]);
  it.each([
    [0, false, /^$/],
    [0.5, true, /whole multiple of 0\.5 h/],
  ])('granularity %s: rounded %s', (granularity, rounded, note) => {
    const r = printed(o, granularity);
    expect(r.rounded).toBe(rounded);
    expect(r.roundingNote).toMatch(note);
  });

  it('infeasible: not rounded, and says why', () => {
    const locked = org([person('a'), person('b')], [task('hi', 20), task('lo', 2)], [work('a', 'hi', 10, true), work('b', 'lo', 10, true)]);
    const r = printed(locked, 0.5);
    expect(r.status).toBe('infeasible');
    expect(r.rounded).toBe(false);
    expect(r.roundingNote).toMatch(/^Not rounded: the tolerance cannot be met/);
  });
});
