/**
 * The merged plan on the two samples (issue 16 "What must hold"): every invariant of a practical
 * plan checked independently on the pooled organization (totals, the band on both dimensions,
 * whole blocks, new-task limit), programme hours kept, and with transfers across organizations
 * forbidden, each organization's hours on each task exactly kept.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { importOrganization } from '../../renderer/src/engine/import';
import { matchTasks } from '../../renderer/src/engine/merge/match';
import { planMerger } from '../../renderer/src/engine/merge/planMerger';
import type { MergeSource } from '../../renderer/src/engine/merge/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { getHighs } from '../helpers/balance-run';
import { EPS, planInvariantViolations } from '../helpers/plan-invariants';

const sample = (file: string): Organization => {
  const full = path.join(__dirname, '..', '..', 'resources', file);
  return applySuggestions(importOrganization(new Uint8Array(readFileSync(full)), full).organization!);
};

let highs: Highs;
let sources: MergeSource[];
beforeAll(async () => {
  highs = await getHighs();
  sources = [
    { name: 'Riverside', organization: sample('sample-organization.xlsx'), file: 'sample-organization.xlsx' },
    { name: 'Eastside', organization: sample('sample-partner.xlsx'), file: 'sample-partner.xlsx' },
  ];
});

const settings = { federated: false, noCrossTransfers: false, desirability: true, granularity: 0.5, file: 'merger' };

describe('the merged plan of the two samples', () => {
  it('holds every invariant of a plan people can carry out, and keeps each side\'s programme hours', () => {
    const r = planMerger(sources, matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks }))), highs, settings);
    const p = r.proposal!;
    expect(p.report.status).toBe('optimal');
    const b = p.report.blocks!;
    const violations = planInvariantViolations(r.pooled.organization, {
      allocation: p.allocationIds!, movedHours: p.report.movedHours, bound: p.report.bound ?? null,
      overNewTasks: b.overNewTasks.map((o) => ({ personId: r.pooled.organization.people.find((x) => x.name === o.person)!.id })),
    }, { tolerance: r.tolerance, desirability: true, granularity: b.granularity, minBlock: b.minBlock, maxNewTasks: b.maxNewTasks });
    expect(violations).toEqual([]);
    expect(p.report.movedHours).toBeGreaterThanOrEqual((p.report.bound ?? Infinity) - EPS);
    // Not vacuous: the merged organization needs real rebalancing.
    expect(p.report.movedHours).toBeGreaterThan(100);
    for (const row of r.outcome.programme) expect(Math.abs(row.after! - row.before), `${row.organization} ${row.department}`).toBeLessThan(1e-6);
    expect(r.outcome.crossing!.hours).toBeGreaterThan(0);
  });

  it('with transfers across organizations forbidden, each organization keeps its hours on every task', () => {
    const r = planMerger(sources, matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks }))), highs, { ...settings, noCrossTransfers: true, tolerance: 2 });
    expect(r.proposal!.report.status).toBe('optimal');
    expect(r.outcome.crossing!.hours).toBe(0);
    const origin = r.pooled.personOrigin;
    const pooledTask = new Map(r.pooled.organization.tasks.map((t) => [t.name, t.id]));
    const after = new Map<string, number>();
    // The plan's tasks are the per-organization copies ("Grant writing (Eastside)"): back to pooled tasks.
    for (const a of r.proposal!.report.allocation) {
      const person = r.pooled.organization.people.find((p) => p.name === a.person)!;
      const task = pooledTask.get(a.task) ?? pooledTask.get(a.task.replace(/ \((Riverside|Eastside)\)$/, ''))!;
      const key = `${task}\u0000${origin[person.id]}`;
      after.set(key, (after.get(key) ?? 0) + a.hours);
    }
    for (const [task, byOrg] of Object.entries(r.pooled.taskOrigin)) {
      for (const [o, h] of Object.entries(byOrg)) expect(after.get(`${task}\u0000${o}`) ?? 0, `${task} at ${o}`).toBeCloseTo(h, 6);
    }
  });
});
