/**
 * The training module against the real optimizer (issue 14): qualifyFromCurrent keeps a task that
 * usually needs a qualification with its current doers under `propose` (and only with it), and on
 * the Riverside sample the "qualifications first" report and the training list say what the default
 * plan does with "Hire and supervise staff" and "Budget decisions".
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { propose } from '../../renderer/src/engine/balance/propose';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { importOrganization } from '../../renderer/src/engine/import';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { qualificationGaps, qualifyFromCurrent, tasksUsuallyQualified, trainingNeeds } from '../../renderer/src/engine/training';
import { hoursOf, violations } from '../helpers/balance-check';
import { org, person, task, work } from '../helpers/balance-orgs';
import { getHighs } from '../helpers/balance-run';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

const get = (h: Map<string, Map<string, number>>, p: string, t: string) => h.get(p)?.get(t) ?? 0;

describe('qualifyFromCurrent under the real propose', () => {
  // Manager: 10 h Hire (E 18) + 10 h Strategic planning (E 17); Custodian: 20 h Clean (E 2). Mean 9.75.
  // Within τ = 1 the manager must shed ≥ 135 points·h: 8.44 h of Hire (16 a swap) or 9 h of planning (15).
  const small = () =>
    org(
      [person('m', [], 'Manager'), person('c', [], 'Custodian')],
      [task('hire', 18, 10, [], 'Hire and supervise staff'), task('plan', 17, 10, [], 'Strategic planning'), task('clean', 2, 10, [], 'Clean offices')],
      [work('m', 'hire', 10), work('m', 'plan', 10), work('c', 'clean', 20)],
    );

  it('without it the custodian takes Hire and supervise staff; with it Hire stays with the manager and planning moves instead', () => {
    const o = small();
    expect(tasksUsuallyQualified(o).map((x) => x.task.id)).toEqual(['hire']);
    const plain = propose(o, highs, { tolerance: 1, skipOptions: true });
    expect(plain.status).toBe('optimal');
    const a = hoursOf(plain.allocation);
    expect(get(a, 'c', 'hire')).toBeCloseTo(135 / 16, 6);
    expect(plain.movedHours).toBeCloseTo(2 * (135 / 16), 6);

    const q = qualifyFromCurrent(o);
    const qualified = propose(q, highs, { tolerance: 1, skipOptions: true });
    expect(qualified.status).toBe('optimal');
    const b = hoursOf(qualified.allocation);
    expect(get(b, 'c', 'hire')).toBe(0);
    expect(get(b, 'm', 'hire')).toBeCloseTo(10, 9);
    expect(get(b, 'c', 'plan')).toBeCloseTo(9, 6);
    expect(violations(q, qualified.allocation, { tolerance: 1 })).toEqual([]);
    // The report agrees: hours handed to people who never did similar work only without it.
    expect(qualificationGaps(o, o.assignments, plain.allocation)!.totalHours).toBeCloseTo(135 / 16, 6);
    expect(qualificationGaps(o, o.assignments, qualified.allocation)!.totalHours).toBe(0);
  });

  it('with rounding to 0.5 h the qualified task still never reaches someone who does not do it now', () => {
    const q = qualifyFromCurrent(small());
    const p = propose(q, highs, { tolerance: 1, granularity: 0.5, skipOptions: true });
    expect(get(hoursOf(p.allocation), 'c', 'hire')).toBe(0);
  });
});

describe('the Riverside sample (resources/sample-organization.xlsx), default tolerance', () => {
  let o: Organization;
  beforeAll(() => {
    const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
    o = applySuggestions(importOrganization(new Uint8Array(readFileSync(file)), file).organization!);
  });

  it('names the tasks that usually need a qualification, with why', () => {
    const flagged = tasksUsuallyQualified(o).map((x) => [x.task.name, x.families.map((f) => f.why).join(', ')]);
    expect(flagged).toContainEqual(['Hire and supervise staff', 'supervising others']);
    expect(flagged).toContainEqual(['Budget decisions', 'finance']);
    expect(flagged).toContainEqual(['Payroll processing', 'finance']);
    for (const rote of ['Clean offices', 'Door-to-door canvassing', 'Answer phones', 'Strategic planning']) expect(flagged.map((f) => f[0])).not.toContain(rote);
  });

  it('the default plan hands supervising and budget hours to people who never did such work, and lists their training', () => {
    const p = propose(o, highs, { skipOptions: true });
    expect(p.status).toBe('optimal');
    const r = qualificationGaps(o, o.assignments, p.allocation)!;
    expect(r.noQualificationsInFile).toBe(true);
    const hire = r.tasks.find((t) => t.task === 'Hire and supervise staff')!;
    expect(hire.hoursMovedToNewPeople).toBeGreaterThan(1);
    // Whoever is named never did any supervising task before (the report's "similar work" rule, checked from the file).
    const supervisingTasks = new Set(tasksUsuallyQualified(o).filter((x) => x.families.some((f) => f.id === 'supervising')).map((x) => x.task.id));
    expect(supervisingTasks.size).toBeGreaterThan(1);
    for (const n of hire.newPeople) expect(o.assignments.filter((a) => a.personId === n.personId && supervisingTasks.has(a.taskId))).toEqual([]);
    // Today's exact plan gives it to the night custodian (issue 14 quotes "the Custodian takes 13.9 h").
    expect(hire.newPeople.map((n) => o.people.find((x) => x.id === n.personId)!.role)).toContain('Night Custodian');
    expect(r.totalHours).toBeCloseTo(r.tasks.reduce((s, t) => s + t.hoursMovedToNewPeople, 0), 9);

    const needs = trainingNeeds(o, o.assignments, p.allocation);
    expect(needs.length).toBeGreaterThan(0);
    const supervise = needs.filter((n) => n.task === 'Hire and supervise staff');
    expect(supervise.map((n) => n.personId).sort()).toEqual(hire.newPeople.map((n) => n.personId).sort());
    for (const n of needs) {
      expect(n.trainers.length).toBeGreaterThan(0);
      expect(n.gap).toBeGreaterThan(2 * 0.95);
      expect(n.trainingHours).toBeGreaterThanOrEqual(4);
      expect(n.trainingHours).toBeLessThanOrEqual(24);
    }
    // Hire and supervise staff is trained by the people who do it now, most hours first.
    const trainers = supervise[0].trainers;
    expect(trainers.map((t) => t.hours)).toEqual([...trainers.map((t) => t.hours)].sort((x, y) => y - x));
    expect(trainers.reduce((s, t) => s + t.hours, 0)).toBeCloseTo(hire.weeklyHours, 9);
  });

  it('with qualify-from-current the plan still reaches the band and every flagged task stays with its current doers', () => {
    const q = qualifyFromCurrent(o);
    const p = propose(q, highs, { skipOptions: true });
    expect(p.status).toBe('optimal');
    expect(violations(q, p.allocation, { tolerance: 0.95 })).toEqual([]);
    const before = hoursOf(o.assignments);
    const after = hoursOf(p.allocation);
    for (const { task: t } of tasksUsuallyQualified(o)) {
      for (const [pid, tasks] of after) if ((tasks.get(t.id) ?? 0) > 0) expect(get(before, pid, t.id), `${pid} / ${t.name}`).toBeGreaterThan(0);
    }
    expect(qualificationGaps(o, o.assignments, p.allocation)!.totalHours).toBe(0);
  });
});
