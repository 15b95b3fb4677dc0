// Scenarios (engine/scenarios): a kept proposal holds the plan by id exactly as the engine made it, its
// figures recomputed from the plan equal the report's after-figures, applying it gives the organization
// that plan (locks kept where the pair survives), and a plan that no longer fits is refused in words.
import { beforeAll, describe, expect, it } from 'vitest';
import type { FullProposal } from '../../renderer/src/engine/balance/fullProposal';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applyScenario, checkScenarioName, hoursMoved, makeScenario, scenarioFigures, scenarioOutcome, type Scenario } from '../../renderer/src/engine/scenarios';
import { hoursMap } from '../../renderer/src/engine/model/hours';
import { riverside, type Riverside } from './scenarios.fixture';

let R: Riverside;
let kept: Scenario;
const meta = { id: 's1', name: 'Default', createdAt: '2026-01-05T10:00:00.000Z' };
beforeAll(async () => {
  R = await riverside();
  kept = makeScenario(R.proposal, R.org, meta);
});

const r4 = (n: number) => Math.round(n * 10_000) / 10_000;
const pairs = (rows: readonly { personId: string; taskId: string; hours: number }[]) => new Map([...hoursMap(rows)].flatMap(([p, m]) => [...m].map(([t, h]) => [`${p}/${t}`, h] as const)));

describe('makeScenario', () => {
  it('keeps the plan by id, every row the report names, with the same hours', () => {
    expect(kept.allocation).toEqual(R.proposal.allocationIds!.filter((a) => a.hours > 0));
    const person = new Map(R.org.people.map((p) => [p.id, p.name]));
    const task = new Map(R.org.tasks.map((t) => [t.id, t.name]));
    const named = kept.allocation.map((a) => ({ person: person.get(a.personId), task: task.get(a.taskId), hours: a.hours }));
    expect(named).toEqual(R.proposal.report.allocation);
    const total = kept.allocation.reduce((s, a) => s + a.hours, 0);
    expect(total).toBeCloseTo(R.proposal.report.totalHours, 9);
  });

  it('keeps the settings it was made with and the report’s summary', () => {
    const f = R.proposal.report.flags!;
    expect(kept.settings).toEqual({ tolerance: f.tolerance, desirability: true, granularity: 0.5, minBlock: f.minBlock, maxNewTasks: f.maxNewTasks, qualifyFromCurrent: false, chores: [], rotationWeeks: null });
    expect(kept.summary).toEqual({ movedHours: R.proposal.report.movedHours, bound: R.proposal.report.bound, tolerance: 0.95, before: R.proposal.report.before, after: R.proposal.report.after });
    expect(makeScenario(R.wide, R.org, meta).settings.tolerance).toBe(2);
    expect(kept).toMatchObject(meta);
  });

  it('refuses a proposal without a plan, one from before plans were kept by id, and one made for another organization', () => {
    const balanced: FullProposal = { ...R.proposal, report: { ...R.proposal.report, status: 'balanced' } };
    expect(() => makeScenario(balanced, R.org, meta)).toThrow('Only a proposal with a plan can be kept');
    const { allocationIds: _, ...old } = R.proposal;
    expect(() => makeScenario(old, R.org, meta)).toThrow('propose again');
    const other: Organization = { ...R.org, people: R.org.people.slice(1) };
    expect(() => makeScenario(R.proposal, other, meta)).toThrow('made for another organization');
  });
});

describe('checkScenarioName', () => {
  it('trims and collapses spaces, refuses empty, over-long and taken names (any case)', () => {
    expect(checkScenarioName('  Wide   band ')).toEqual({ name: 'Wide band' });
    expect(checkScenarioName('   ')).toEqual({ error: 'A scenario needs a name.' });
    expect(checkScenarioName('x'.repeat(121))).toEqual({ error: 'A scenario name must be at most 120 characters (this one has 121).' });
    expect(checkScenarioName('x'.repeat(120))).toEqual({ name: 'x'.repeat(120) });
    expect(checkScenarioName('default', ['Default'])).toHaveProperty('error');
    expect(checkScenarioName('Default 2', ['Default'])).toEqual({ name: 'Default 2' });
  });
});

describe('scenarioFigures', () => {
  it('the plan’s figures equal the report’s after-figures, and scenario zero’s its before-figures', () => {
    const { before, after, movedHours } = R.proposal.report;
    const f = scenarioFigures(R.org, kept.allocation, kept.summary.tolerance);
    expect([r4(f.empowermentGini), r4(f.withinBand), f.coordinatorPeople, r4(f.desirabilityGini)]).toEqual([after.absoluteGini, after.withinTolerance, after.coordinatorPeople, after.desirabilityAbsoluteGini]);
    expect(f.movedHours).toBeCloseTo(movedHours, 9);
    expect(r4(f.empowermentMean!)).toBe(after.mean);
    const zero = scenarioFigures(R.org, null, kept.summary.tolerance);
    expect([r4(zero.empowermentGini), r4(zero.withinBand), zero.coordinatorPeople, r4(zero.desirabilityGini), zero.movedHours]).toEqual([before.absoluteGini, before.withinTolerance, before.coordinatorPeople, before.desirabilityAbsoluteGini, 0]);
    // A wider band moves fewer hours than the default one.
    const wide = scenarioFigures(R.org, makeScenario(R.wide, R.org, meta).allocation, 2);
    expect(wide.movedHours).toBeCloseTo(R.wide.report.movedHours, 9);
    expect(wide.movedHours).toBeLessThan(f.movedHours);
  });

  it('each job’s scores equal the report’s after-scores, in points', () => {
    const { jobs } = scenarioOutcome(R.org, kept.allocation, 0.95);
    expect(jobs.map((j) => [j.name, r4(j.empowerment!), r4(j.desirability!), j.hours])).toEqual(R.proposal.report.jobs.map((j) => [j.name, j.empowermentAfter, j.desirabilityAfter, j.hours]));
  });

  it('hours moved is half the absolute change over person × task, whichever side a pair is missing from', () => {
    const a = hoursMap([{ personId: 'p', taskId: 'x', hours: 10 }, { personId: 'q', taskId: 'y', hours: 10 }]);
    const b = hoursMap([{ personId: 'p', taskId: 'x', hours: 6 }, { personId: 'p', taskId: 'y', hours: 4 }, { personId: 'q', taskId: 'y', hours: 6 }, { personId: 'q', taskId: 'x', hours: 4 }]);
    expect(hoursMoved(a, b)).toBe(8);
    expect(hoursMoved(b, a)).toBe(8);
    expect(hoursMoved(a, a)).toBe(0);
  });
});

describe('applyScenario', () => {
  it('gives the organization the plan’s hours, people and tasks unchanged, and its figures become the scenario’s', () => {
    const res = applyScenario(R.org, kept);
    if (!res.ok) throw new Error(res.error);
    expect(res.note).toBeNull();
    expect(pairs(res.organization.assignments)).toEqual(pairs(kept.allocation));
    expect(res.organization.people).toBe(R.org.people);
    expect(res.organization.tasks).toBe(R.org.tasks);
    const applied = scenarioFigures(res.organization, null, 0.95);
    expect(applied).toEqual({ ...scenarioFigures(R.org, kept.allocation, 0.95), movedHours: 0 });
    // Applying it again changes nothing; the current organization is then 0 hours from it.
    expect(scenarioFigures(res.organization, kept.allocation, 0.95).movedHours).toBe(0);
  });

  it('keeps a lock where the person keeps the task, drops it where the plan moves the task away, and says so', () => {
    const alloc = pairs(kept.allocation);
    const stays = R.org.assignments.find((a) => alloc.get(`${a.personId}/${a.taskId}`) === a.hours)!;
    const goes = R.org.assignments.find((a) => !alloc.has(`${a.personId}/${a.taskId}`))!;
    const locked: Organization = { ...R.org, assignments: R.org.assignments.map((a) => (a === stays || a === goes ? { ...a, locked: true } : a)) };
    const res = applyScenario(locked, kept);
    if (!res.ok) throw new Error(res.error);
    const find = (p: string, t: string) => res.organization.assignments.find((a) => a.personId === p && a.taskId === t);
    expect(find(stays.personId, stays.taskId)!.locked).toBe(true);
    expect(find(goes.personId, goes.taskId)).toBeUndefined();
    expect(res.organization.assignments.filter((a) => a.locked)).toHaveLength(1);
    expect(res.note).toBe('1 locked assignment changed (locked after the scenario was kept; a lock stays only where the person keeps the task).');
  });

  it('says whose hours become the scenario’s when they changed since it was kept', () => {
    const first = R.org.assignments[0];
    const edited: Organization = { ...R.org, assignments: R.org.assignments.map((a) => (a === first ? { ...a, hours: a.hours + 2 } : a)) };
    const res = applyScenario(edited, kept);
    expect(res.ok && res.note).toBe('1 person’s weekly hours became the scenario’s (they changed since it was kept); 1 task’s weekly hours became the scenario’s.');
  });

  it('refuses a plan naming people or tasks no longer there, or leaving someone’s work or a task undone', () => {
    const person = R.org.people[3];
    const noPerson: Organization = { ...R.org, people: R.org.people.filter((p) => p !== person), assignments: R.org.assignments.filter((a) => a.personId !== person.id) };
    expect(applyScenario(noPerson, kept)).toEqual({ ok: false, error: '“Default” cannot be applied: it gives work to 1 person who is no longer in the organization. Propose again for the organization as it is now.' });
    const task = R.org.tasks.find((t) => kept.allocation.some((a) => a.taskId === t.id))!;
    const noTask: Organization = { ...R.org, tasks: R.org.tasks.filter((t) => t !== task), assignments: R.org.assignments.filter((a) => a.taskId !== task.id) };
    const refused = applyScenario(noTask, kept);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toContain(`it names 1 task no longer in the organization (${task.id})`);
    const newcomer = { ...R.org.people[0], id: 'newcomer', name: 'New Comer' };
    const joined: Organization = { ...R.org, people: [...R.org.people, newcomer], assignments: [...R.org.assignments, { personId: 'newcomer', taskId: task.id, hours: 10, locked: false }] };
    const lost = applyScenario(joined, kept);
    expect(!lost.ok && lost.error).toContain('1 person who has hours now has none in it (added since it was kept), and their work would be lost');
    const newTask = { ...R.org.tasks[0], id: 'new-task', name: 'New task' };
    const added: Organization = { ...R.org, tasks: [...R.org.tasks, newTask], assignments: [...R.org.assignments, { personId: R.org.people[0].id, taskId: 'new-task', hours: 1, locked: false }] };
    const undone = applyScenario(added, kept);
    expect(!undone.ok && undone.error).toContain('1 task that is done now has no hours in it, and would be left undone');
  });
});
