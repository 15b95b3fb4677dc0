/** Pooling organizations (issue 16): the merged audit, median ratings and contested tasks, done once, Theil across organizations, control concentration. */
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { topShare } from '../../renderer/src/engine/merge/control';
import { federatedView } from '../../renderer/src/engine/merge/federated';
import { mergeOutcome } from '../../renderer/src/engine/merge/outcome';
import { poolOrganizations } from '../../renderer/src/engine/merge/pool';
import type { MergeSource, TaskMatch } from '../../renderer/src/engine/merge/types';
import type { Organization, Task } from '../../renderer/src/engine/model/types';

const SCALE = { min: 1, max: 20 };
const task = (name: string, e: number | null, d: number | null, extra: Partial<Task> = {}): Task => ({
  id: name.toLowerCase(), name, empowerment: e, desirability: d, empowermentFactors: {}, desirabilityFactors: {}, source: e === null ? 'unrated' : 'file', reason: null, requires: [], chore: false, ...extra,
});
const person = (id: string, name: string, department: string | null = null) => ({ id, name, role: null, department, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] });
const org = (people: [string, string, string?][], tasks: Task[], work: [string, string, number][]): Organization => ({
  people: people.map(([id, name, dept]) => person(id, name, dept ?? null)), tasks, scale: SCALE, hoursPerFte: 40,
  assignments: work.map(([personId, taskId, hours]) => ({ personId, taskId, hours, locked: false })),
});
const match = (a: string, b: string, status: TaskMatch['status'] = 'auto', extra: Partial<TaskMatch> = {}, orgs: [string, string] = ['A', 'B']): TaskMatch => ({
  a, b, organizationA: orgs[0], organizationB: orgs[1], score: 1, status, reason: 'test', ...extra,
});

// A: two people; B: two people whose IDs collide with A's (both rosters number from 1).
const A = org([['1', 'Ana', 'Leadership'], ['2', 'Bo', 'Operations']], [task('Budget decisions', 0.9, 0.5), task('Filing', 0.1, 0.2), task('Grant writing', 0.6, 0.6)], [['1', 'budget decisions', 10], ['1', 'grant writing', 20], ['2', 'filing', 30]]);
const B = org([['1', 'Cy'], ['2', 'Di']], [task('Budget Decisions', 0.7, 0.5), task('Filing', 0.1, 0.2), task('Unit repairs', 0.3, 0.3)], [['1', 'budget decisions', 8], ['2', 'filing', 12], ['2', 'unit repairs', 20]]);
const sources: MergeSource[] = [{ name: 'A', organization: A, file: 'a.xlsx' }, { name: 'B', organization: B, file: 'b.xlsx' }];
const matches = [match('Budget decisions', 'Budget Decisions'), match('Filing', 'Filing')];

describe('poolOrganizations', () => {
  const pooled = poolOrganizations(sources, matches, { tolerance: 0.95 });

  it('keeps every person with their organization; colliding IDs are told apart, unique ones kept', () => {
    const o = pooled.organization;
    expect(o.people.map((p) => [p.id, p.name, p.organization])).toEqual([['A/1', 'Ana', 'A'], ['A/2', 'Bo', 'A'], ['B/1', 'Cy', 'B'], ['B/2', 'Di', 'B']]);
    expect(pooled.personOrigin['B/2']).toBe('B');
  });

  it('pools matched tasks into one, at the median rating, and marks those rated more than τ apart as contested', () => {
    const o = pooled.organization;
    expect(o.tasks.map((t) => t.name)).toEqual(['Budget decisions', 'Filing', 'Grant writing', 'Unit repairs']);
    const budget = o.tasks[0];
    expect(budget.empowerment).toBeCloseTo(0.8, 12);
    // 0.2 of the 19-point range = 3.8 points apart > τ 0.95: contested; Filing is rated alike: not.
    expect(pooled.contested).toEqual([{ task: 'Budget decisions', dimension: 'empowerment', ratings: [{ organization: 'A', value: 1 + 0.9 * 19 }, { organization: 'B', value: 1 + 0.7 * 19 }], pooled: 1 + 0.8 * 19 }]);
    // Every hour is kept: 38 + 40 + 10 more… the totals per task add up.
    const hours = new Map<string, number>();
    for (const a of o.assignments) hours.set(a.taskId, (hours.get(a.taskId) ?? 0) + a.hours);
    expect(Object.fromEntries(hours)).toEqual({ 'budget decisions': 18, 'grant writing': 20, filing: 42, 'unit repairs': 20 });
    expect(pooled.taskOrigin['budget decisions']).toEqual({ A: 10, B: 8 });
  });

  it('takes the median of three organizations (not their mean)', () => {
    const C = org([['9', 'Ed']], [task('Budget decisions', 0.1, 0.5)], [['9', 'budget decisions', 5]]);
    const three = poolOrganizations([...sources, { name: 'C', organization: C, file: 'c.xlsx' }], [...matches, match('Budget decisions', 'Budget decisions', 'auto', {}, ['A', 'C'])], { tolerance: 0.95 });
    expect(three.organization.tasks[0].empowerment).toBeCloseTo(0.7, 12);
  });

  it('leaves proposed and rejected matches apart: two tasks with their own names', () => {
    const apart = poolOrganizations(sources, [match('Budget decisions', 'Budget Decisions', 'rejected'), match('Filing', 'Filing', 'proposed')], { tolerance: 0.95 });
    const names = apart.organization.tasks.map((t) => t.name);
    expect(names).toHaveLength(6);
    expect(new Set(apart.organization.tasks.map((t) => t.id)).size).toBe(6);
    expect(names).toContain('Filing (B)');
  });

  it('a task done once takes the larger total by default, and the rest is freed, by organization', () => {
    const once = poolOrganizations(sources, [match('Budget decisions', 'Budget Decisions', 'auto', { doneOnce: true }), matches[1]], { tolerance: 0.95 });
    expect(once.doneOnce).toEqual([{ task: 'Budget decisions', before: 18, after: 10, freed: 8, byOrganization: [{ organization: 'A', freed: 10 * (8 / 18) }, { organization: 'B', freed: 8 * (8 / 18) }] }]);
    expect(once.freedHours).toBe(8);
    const budget = once.organization.assignments.filter((a) => a.taskId === 'budget decisions').reduce((s, a) => s + a.hours, 0);
    expect(budget).toBeCloseTo(10, 12);
    const asked = poolOrganizations(sources, [match('Budget decisions', 'Budget Decisions', 'accepted', { doneOnce: true, hours: 12 })], { tolerance: 0.95 });
    expect(asked.doneOnce[0].after).toBe(12);
    // Never more hours than the task had: nobody is asked to work more.
    const more = poolOrganizations(sources, [match('Budget decisions', 'Budget Decisions', 'accepted', { doneOnce: true, hours: 40 })], { tolerance: 0.95 });
    expect(more.doneOnce[0]).toMatchObject({ after: 18, freed: 0 });
  });

  it('says which matches name a task or organization that is not there, and applies the rest', () => {
    const notes = poolOrganizations(sources, [...matches, match('Payroll', 'Filing'), match('Filing', 'Filing', 'accepted', {}, ['A', 'Z'])], { tolerance: 0.95 }).notes;
    expect(notes).toEqual(['match "Payroll": A has no task of that name', 'match "Filing": no organization named "Z" in this merger']);
  });
});

describe('the merged audit', () => {
  it('equals auditing the concatenated organization, each person with their organization', () => {
    const pooled = poolOrganizations(sources, matches, { tolerance: 0.95 });
    // The concatenation by hand: B's people renamed, shared tasks once at the pooled rating.
    const tasks = [task('Budget decisions', 0.8, 0.5), task('Filing', 0.1, 0.2), task('Grant writing', 0.6, 0.6), task('Unit repairs', 0.3, 0.3)];
    const concatenated = org([['a1', 'Ana', 'Leadership'], ['a2', 'Bo', 'Operations'], ['b1', 'Cy'], ['b2', 'Di']], tasks, [['a1', 'budget decisions', 10], ['a1', 'grant writing', 20], ['a2', 'filing', 30], ['b1', 'budget decisions', 8], ['b2', 'filing', 12], ['b2', 'unit repairs', 20]]);
    const input = (o: Organization) => ({ organization: o, issues: [], layout: { layout: 'none' as const, confidence: 0, sheets: [] }, file: 'x', format: 'x' });
    const merged = buildAuditReport(input(pooled.organization), { tolerance: 0.95 });
    const plain = buildAuditReport(input(concatenated), { tolerance: 0.95 });
    expect(merged.people.map(({ organization: _o, ...p }) => p)).toEqual(plain.people);
    expect(merged.people.map((p) => p.organization)).toEqual(['A', 'A', 'B', 'B']);
    expect(merged.metrics).toEqual(plain.metrics);
    expect(merged.tasks.map((t) => [t.name, t.hours])).toEqual(plain.tasks.map((t) => [t.name, t.hours]));
  });
});

describe('Theil across organizations', () => {
  it('matches an independent computation: between = Σ_g W_g (μ_g/μ) ln(μ_g/μ), within = Σ_g W_g (μ_g/μ) T_g', () => {
    const pooled = poolOrganizations(sources, matches, { tolerance: 0.95 });
    const t = federatedView(pooled, 0.95).theil.empowerment;
    // Jobs by hand (normalized E): Ana (10·0.8 + 20·0.6)/30, Bo 0.1, Cy 0.8, Di (12·0.1 + 20·0.3)/32.
    const jobs = [
      { org: 'A', h: 30, x: (10 * 0.8 + 20 * 0.6) / 30 }, { org: 'A', h: 30, x: 0.1 },
      { org: 'B', h: 8, x: 0.8 }, { org: 'B', h: 32, x: (12 * 0.1 + 20 * 0.3) / 32 },
    ];
    const H = jobs.reduce((s, j) => s + j.h, 0);
    const mu = jobs.reduce((s, j) => s + j.h * j.x, 0) / H;
    let total = 0;
    for (const j of jobs) total += (j.h / H) * (j.x / mu) * Math.log(j.x / mu);
    let between = 0;
    let within = 0;
    for (const g of ['A', 'B']) {
      const js = jobs.filter((j) => j.org === g);
      const Hg = js.reduce((s, j) => s + j.h, 0);
      const mg = js.reduce((s, j) => s + j.h * j.x, 0) / Hg;
      const Wg = Hg / H;
      between += Wg * (mg / mu) * Math.log(mg / mu);
      let Tg = 0;
      for (const j of js) Tg += (j.h / Hg) * (j.x / mg) * Math.log(j.x / mg);
      within += Wg * (mg / mu) * Tg;
    }
    expect(t.total).toBeCloseTo(total, 12);
    expect(t.between).toBeCloseTo(between, 12);
    expect(t.within).toBeCloseTo(within, 12);
    expect(t.between).toBeGreaterThan(0);
  });

  it("takes a group's decision (council) over the members' rating, and the members' over a file's", () => {
    const decided = (o: Organization, source: Task['source']) => ({ ...o, tasks: o.tasks.map((t) => (t.name.toLowerCase() === 'budget decisions' ? { ...t, source } : t)) });
    const budget = (a: Task['source'], b: Task['source']) => poolOrganizations([{ ...sources[0], organization: decided(A, a) }, { ...sources[1], organization: decided(B, b) }], matches, { tolerance: 0.95 }).organization.tasks[0];
    // A rates 0.9, B 0.7: the better source alone gives the rating; alike sources give the median 0.8.
    expect(budget('council', 'members')).toMatchObject({ empowerment: 0.9, source: 'council' });
    expect(budget('members', 'council')).toMatchObject({ empowerment: 0.7, source: 'council' });
    expect(budget('members', 'file').empowerment).toBe(0.9);
    expect(budget('council', 'council').empowerment).toBeCloseTo(0.8, 12);
  });

  it('gives each organization its own mean, spread and people', () => {
    const pooled = poolOrganizations(sources, matches, { tolerance: 0.95 });
    const [a, b] = federatedView(pooled, 0.95).organizations;
    expect([a.name, a.people, a.hours, b.name, b.people, b.hours]).toEqual(['A', 2, 60, 'B', 2, 40]);
    expect(a.empowerment.mean).toBeCloseTo(1 + 19 * ((10 * 0.8 + 20 * 0.6 + 30 * 0.1) / 60), 10);
  });
});

describe('who controls the money', () => {
  it('top 10% of people: the boundary person counts in part (10% of 13 is 1.3 people)', () => {
    expect(topShare([10, 5, 5], 13)).toBeCloseTo((10 + 0.3 * 5) / 20, 12);
    expect(topShare([10], 40)).toBe(1);
    expect(topShare([], 10)).toBe(0);
    // 10 people sharing equally: the top tenth holds a tenth; 20 people: two of them, a tenth again.
    expect(topShare(Array(10).fill(4), 10)).toBeCloseTo(0.1, 12);
    expect(topShare(Array(20).fill(4), 20)).toBeCloseTo(0.1, 12);
    // Under 10 people the top is one whole person, never a fraction of one.
    expect(topShare([6, 2], 3)).toBeCloseTo(0.75, 12);
  });

  it('lists control tasks per organization before, pooled before, and after a plan', () => {
    const pooled = poolOrganizations(sources, matches, { tolerance: 0.95 });
    const before = mergeOutcome(pooled, null);
    expect(before.control.map((c) => c.task)).toEqual(['Budget decisions']);
    const budget = before.control[0];
    expect(budget.kinds).toEqual(['money']);
    expect(budget.before).toEqual([{ organization: 'A', hours: 10, people: 1, top10Share: 1 }, { organization: 'B', hours: 8, people: 1, top10Share: 1 }]);
    // Pooled: 4 people, top 10% = 0.4 of a person, counted as one whole person: Ana (10 of 18 hours).
    expect(budget.pooledBefore.top10Share).toBeCloseTo(10 / 18, 12);
    expect(budget.after).toBeNull();
    // A plan that spreads the budget over all four people equally.
    const after = pooled.organization.assignments.filter((a) => a.taskId !== 'budget decisions').concat(['A/1', 'A/2', 'B/1', 'B/2'].map((personId) => ({ personId, taskId: 'budget decisions', hours: 4.5, locked: false })));
    const outcome = mergeOutcome(pooled, after);
    expect(outcome.control[0].after).toEqual({ hours: 18, people: 4, top10Share: expect.closeTo(0.25, 12) });
    // A person's word overrides the library: Filing marked as control, Budget not.
    const marked = poolOrganizations([{ ...sources[0], organization: { ...A, tasks: A.tasks.map((t) => (t.name === 'Filing' ? { ...t, control: true } : t.name === 'Budget decisions' ? { ...t, control: false } : t)) } }, sources[1]], matches, { tolerance: 0.95 });
    expect(mergeOutcome(marked, null).control.map((c) => c.task)).toEqual(['Filing']);
  });

  it('programme hours by organization and department of origin are kept by a plan that keeps every task\'s hours; crossing work is counted', () => {
    const pooled = poolOrganizations(sources, matches, { tolerance: 0.95 });
    // Cy (B) takes 5 h of Grant writing from Ana (A); Ana takes 5 h of Unit repairs from Di (B).
    const after = pooled.organization.assignments.map((a) => ({ ...a }));
    after.find((a) => a.personId === 'A/1' && a.taskId === 'grant writing')!.hours -= 5;
    after.push({ personId: 'B/1', taskId: 'grant writing', hours: 5, locked: false }, { personId: 'A/1', taskId: 'unit repairs', hours: 5, locked: false });
    after.find((a) => a.personId === 'B/2' && a.taskId === 'unit repairs')!.hours -= 5;
    const o = mergeOutcome(pooled, after);
    expect(o.programme.filter((p) => p.department === null)).toEqual([{ organization: 'A', department: null, before: 60, after: 60 }, { organization: 'B', department: null, before: 40, after: 40 }]);
    expect(o.programme.find((p) => p.department === 'Leadership')).toEqual({ organization: 'A', department: 'Leadership', before: 30, after: 30 });
    expect(o.crossing).toEqual({ hours: 10, byOrganization: [{ organization: 'A', took: 5, gave: 5 }, { organization: 'B', took: 5, gave: 5 }], tasks: [{ task: 'Grant writing', hours: 5 }, { task: 'Unit repairs', hours: 5 }] });
    // A plan that drops hours from a task shows it: the programme is not kept.
    const dropped = after.filter((a) => a.taskId !== 'unit repairs');
    expect(mergeOutcome(pooled, dropped).programme.find((p) => p.organization === 'B' && p.department === null)!.after).toBe(20);
  });
});
