/**
 * `fairshare merge` end to end (issue 16): the two samples pooled through the built CLI — the JSON
 * contract, the merged plan within the band recomputed from its allocation and the merged audit's
 * ratings, every task's and each organization's programme hours kept, a reviewed matches file fed
 * back (a rejection, a task done once), --federated, --no-cross-transfers, the workbook and usage errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, ensureFreshCli } from '../helpers/balance-cli';
import { jobScores, json, sheets, sum, totals } from '../helpers/propose-cli';

/* eslint-disable @typescript-eslint/no-explicit-any */
const RIVERSIDE = path.join('resources', 'sample-organization.xlsx');
const EASTSIDE = path.join('resources', 'sample-partner.xlsx');
const NAMES = ['--names', 'Riverside;Eastside'];
let dir = '';
let merged: any;

beforeAll(() => {
  ensureFreshCli();
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-merge-'));
  merged = json(cli('merge', RIVERSIDE, EASTSIDE, ...NAMES, '--json'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fairshare merge on the two samples', () => {
  it('prints the organizations, the matches, the merged audit with each person\'s organization and the Theil split', () => {
    expect(merged.organizations.map((o: any) => [o.name, o.people, o.hours])).toEqual([['Riverside', 40, 1510], ['Eastside', 13, 472]]);
    expect(merged.organizations[0].empowerment).toEqual({ mean: expect.closeTo(7.3882, 4), absoluteGini: expect.any(Number), withinTolerance: expect.any(Number) });
    // 15 tasks named the same, 5 written differently (resources/README.md): all found, none only proposed.
    const auto = merged.matches.filter((m: any) => m.status === 'auto');
    expect(auto).toHaveLength(20);
    expect(auto.map((m: any) => m.b)).toEqual(expect.arrayContaining(['Door to door canvassing', 'answer phones', 'Budget Decisions', 'Clean Offices', 'Hire & supervise staff']));
    for (const m of merged.matches) expect(Object.keys(m)).toEqual(expect.arrayContaining(['a', 'b', 'score', 'status']));
    expect(merged.audit.totals).toMatchObject({ people: 53, hours: 1982, tasks: 77 + 33 - 20 });
    expect(merged.audit.people.filter((p: any) => p.organization === 'Eastside')).toHaveLength(13);
    expect(merged.audit.people.every((p: any) => p.organization === 'Riverside' || p.organization === 'Eastside')).toBe(true);
    expect(merged.theil.between + merged.theil.within).toBeCloseTo(merged.theil.total, 4);
    expect(merged.theil.between).toBeGreaterThan(0);
    // The two ratings that differ (Board reporting 17 vs 15, One-on-one 9 vs 10): contested at τ 0.95, pooled at the median.
    expect(merged.contested.filter((c: any) => c.dimension === 'empowerment').map((c: any) => [c.task, c.pooled])).toEqual([['Board reporting', 16], ['One-on-one tenant conversations', 9.5]]);
  });

  it('re-divides the merged jobs within the band on both dimensions, keeping every task\'s hours and each side\'s programme', () => {
    const p = merged.proposal;
    expect(p.status).toBe('optimal');
    expect(p.movedHours).toBeGreaterThanOrEqual(p.bound - 1e-6);
    const { people, tasks } = totals(p.allocation);
    for (const t of merged.audit.tasks) expect(tasks.get(t.name) ?? 0, t.name).toBeCloseTo(t.hours, 6);
    for (const person of merged.audit.people) expect(people.get(person.name) ?? 0, person.name).toBeCloseTo(person.hours, 6);
    const tol = merged.tolerance;
    for (const dim of ['empowerment', 'desirability'] as const) {
      const scores = jobScores(p.allocation, merged.audit, dim);
      const values = [...scores.values()].filter((v): v is number => v !== null);
      const mean = merged.audit.metrics[dim].mean;
      const outside = values.filter((v) => Math.abs(v - mean) > tol + 1e-6);
      expect(outside, `${dim}: jobs outside ±${tol}`).toEqual([]);
      expect(values.length).toBe(53);
    }
    const byOrg = merged.programme.filter((r: any) => r.department === null);
    expect(byOrg).toEqual([{ organization: 'Riverside', department: null, before: 1510, after: 1510 }, { organization: 'Eastside', department: null, before: 472, after: 472 }]);
    for (const r of merged.programme) expect(r.after).toBeCloseTo(r.before, 3);
    expect(merged.crossing.hours).toBeGreaterThan(0);
    expect(sum(merged.crossing.byOrganization.map((b: any) => b.took))).toBeCloseTo(merged.crossing.hours, 3);
    // Who controls the money: the budget, hiring, strategy and board tasks, before in each organization and after.
    const control = new Map(merged.control.map((c: any) => [c.task, c]));
    for (const t of ['Strategic planning', 'Budget decisions', 'Board reporting', 'Hire and supervise staff', 'Fundraising strategy']) expect(control.has(t), t).toBe(true);
    const all: any = control.get('All control tasks');
    expect(all.before.map((b: any) => b.organization)).toEqual(['Riverside', 'Eastside']);
    expect(all.after.hours).toBeCloseTo(all.pooledBefore.hours, 6);
    // Riverside's control work sits with a few people; the merged plan spreads it.
    expect(all.after.top10Share).toBeLessThan(all.before[0].top10Share);
  });

  it('text: the matches, the federated view, the plan, programme hours and who controls the money', () => {
    const r = cli('merge', RIVERSIDE, EASTSIDE, ...NAMES);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Merging Riverside (40 people, 1510 h a week) and Eastside (13 people, 472 h a week)');
    expect(r.stdout).toContain('20 matches found automatically');
    expect(r.stdout).toMatch(/Theil index of empowerment over all 53 people: [\d.]+; between organizations [\d.]+ \(\d+%\)/);
    expect(r.stdout).toContain('Programme hours by organization of origin (all the work each brought), before → after the merged plan: Riverside 1510 h → 1510 h; Eastside 472 h → 472 h.');
    expect(r.stdout).toContain('Who controls the money, hiring and strategy');
    expect(r.stdout).toMatch(/change hands/);
  });
});

describe('fairshare merge options', () => {
  it('--matches: a reviewed list is applied (a rejection keeps two tasks; a task done once frees hours)', () => {
    const reviewed = merged.matches.map((m: any) =>
      m.a === 'Clean offices' ? { ...m, status: 'rejected' } : m.a === 'Board reporting' ? { ...m, doneOnce: true } : m,
    );
    const file = path.join(dir, 'matches.json');
    writeFileSync(file, JSON.stringify({ matches: reviewed }));
    const r = json(cli('merge', RIVERSIDE, EASTSIDE, ...NAMES, '--matches', file, '--federated', '--json'));
    expect(r.audit.totals.tasks).toBe(merged.audit.totals.tasks + 1);
    expect(r.matches.find((m: any) => m.a === 'Clean offices').status).toBe('rejected');
    // Board reporting: 11 h at Riverside, 10 h at Eastside; done once at the larger, 11 h.
    expect(r.doneOnce).toEqual([{ task: 'Board reporting', before: 21, after: 11, freed: 10, byOrganization: [{ organization: 'Riverside', freed: expect.closeTo(110 / 21, 3) }, { organization: 'Eastside', freed: expect.closeTo(100 / 21, 3) }] }]);
    expect(r.freedHours).toBe(10);
    expect(r.audit.totals.hours).toBeCloseTo(1972, 6);
  });

  it('--federated: each organization balanced within itself, no merged plan', () => {
    const r = json(cli('merge', RIVERSIDE, EASTSIDE, ...NAMES, '--federated', '--json'));
    expect(r.proposal).toBeUndefined();
    expect(r.federatedPlans.map((f: any) => [f.organization, f.status])).toEqual([['Riverside', 'optimal'], ['Eastside', 'optimal']]);
    expect(r.programme.every((p: any) => p.after === null)).toBe(true);
    expect(r.crossing).toBeNull();
  });

  it('--no-cross-transfers: no work passes between organizations; where a side\'s own mean is too far from the pooled one, it says so', () => {
    // Eastside's work averages 9.1 against the pooled 7.8: kept apart, its jobs cannot reach ±0.95.
    const apart = json(cli('merge', RIVERSIDE, EASTSIDE, ...NAMES, '--no-cross-transfers', '--json'));
    expect(apart.proposal.status).toBe('infeasible');
    expect(apart.noCrossNote).toMatch(/Eastside's own work averages 9\.1 on empowerment, 1\.3 points from the pooled mean of 7\.8/);
    // Within ±2 points both sides can balance on their own work: nothing crosses.
    const r = json(cli('merge', RIVERSIDE, EASTSIDE, ...NAMES, '--no-cross-transfers', '--tolerance', '2', '--json'));
    expect(r.proposal.status).toBe('optimal');
    expect(r.noCrossNote).toBeUndefined();
    expect(r.crossing.hours).toBe(0);
    for (const p of r.programme) expect(p.after).toBeCloseTo(p.before, 3);
    const free = json(cli('merge', RIVERSIDE, EASTSIDE, ...NAMES, '--tolerance', '2', '--json'));
    // Keeping each side's hours on each task costs at least the free plan's exact minimum.
    expect(r.proposal.bound).toBeGreaterThanOrEqual(free.proposal.bound - 1e-6);
    expect(free.crossing.hours).toBeGreaterThan(0);
  });

  it('--out writes the merger workbook with the plan\'s sheets', () => {
    const out = path.join(dir, 'merged.xlsx');
    const r = cli('merge', RIVERSIDE, EASTSIDE, ...NAMES, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    const s = sheets(out);
    expect(Object.keys(s).slice(0, 6)).toEqual(['Merger', 'Matches', 'Programme hours', 'Control', 'People', 'Plan']);
    expect(s.Matches).toHaveLength(1 + merged.matches.length);
    expect(s.People).toHaveLength(1 + 53);
    expect(s['Programme hours'][1]).toEqual(['Riverside', '(whole organization)', 1510, 1510]);
  });

  it('refuses what it cannot use, with one clear line', () => {
    expect(cli('merge', RIVERSIDE).stderr).toContain('merge needs two or more FILEs, got 1');
    expect(cli('merge', RIVERSIDE, EASTSIDE, '--names', 'A').stderr).toContain('--names gives 1 names for 2 files');
    expect(cli('merge', RIVERSIDE, EASTSIDE, '--federated', '--no-cross-transfers').code).toBe(2);
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify([{ a: 'x', b: 'y', organizationA: 'Riverside', organizationB: 'Eastside', score: 1, status: 'maybe', reason: '' }]));
    const r = cli('merge', RIVERSIDE, EASTSIDE, ...NAMES, '--matches', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.json: entry 1?0?.*status/);
    const missing = cli('merge', RIVERSIDE, path.join(dir, 'nope.xlsx'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no such file');
  });
});
