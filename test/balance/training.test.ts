/**
 * The training module on hand-made organizations (issue 14, "Training" and "Qualifications first"):
 * who needs training and how much, who trains them, which tasks usually need a qualification, the
 * hours a plan gives to people who never did similar work, and qualify-from-current as the
 * optimizer's model reads it.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../renderer/src/engine/balance/model';
import type { Allocation } from '../../renderer/src/engine/balance/types';
import {
  DEFAULT_TRAINING_POLICY, doesItNow, grantQualifications, qualificationFamiliesOf, qualificationGaps, qualifyFromCurrent, trainingNeeds, type QualificationFamily,
} from '../../renderer/src/engine/training';
import { org, person, task, work } from '../helpers/balance-orgs';

/** An organizer (mostly E 10), a manager (E 15–18) and a custodian (E 2), in that order; τ = 0.95 so 2τ = 1.9. */
const shop = () =>
  org(
    [person('o', [], 'Organizer'), person('m', [], 'Manager'), person('c', [], 'Custodian')],
    [
      task('hire', 18, 10, [], 'Hire and supervise staff'),
      task('plan', 17, 10, [], 'Strategic planning'),
      task('pay', 12, 10, [], 'Payroll processing'),
      task('budget', 15, 10, [], 'Budget decisions'),
      task('org', 10, 10, [], 'Tenant meetings'),
      task('near', 3.5, 10, [], 'Sort incoming mail'),
      task('edge', 3.9, 10, [], 'Greet visitors'),
      task('clean', 2, 10, [], 'Clean offices'),
      task('unrated', null, 10, [], 'Misc'),
    ],
    [work('m', 'hire', 10), work('m', 'plan', 6), work('o', 'hire', 4), work('m', 'budget', 4), work('o', 'org', 16), work('o', 'pay', 4), work('c', 'clean', 20)],
  );
const before = (o = shop()) => o.assignments;
const plan = (cells: [string, string, number][]): Allocation[] => cells.map(([personId, taskId, hours]) => ({ personId, taskId, hours }));

describe('trainingNeeds', () => {
  it('lists a new task more than 2τ above the person’s job score, with training hours and its current doers, most hours first', () => {
    const after = plan([['m', 'hire', 6], ['m', 'plan', 6], ['m', 'budget', 4], ['m', 'clean', 4], ['o', 'hire', 4], ['o', 'org', 16], ['o', 'pay', 4], ['c', 'clean', 16], ['c', 'hire', 4]]);
    const needs = trainingNeeds(shop(), before(), after);
    expect(needs.map((n) => [n.person, n.task])).toEqual([['Custodian', 'Hire and supervise staff']]);
    const [n] = needs;
    expect(n.weeklyHours).toBe(4);
    expect(n.trainingHours).toBe(DEFAULT_TRAINING_POLICY.baseHours + DEFAULT_TRAINING_POLICY.weeksAlongside * 4);
    expect(n.trainingHours).toBe(12);
    expect([n.personEmpowerment, n.taskEmpowerment]).toEqual([2, 18]);
    expect(n.gap).toBeCloseTo(16, 12);
    expect(n.trainers).toEqual([{ personId: 'm', name: 'Manager', hours: 10 }, { personId: 'o', name: 'Organizer', hours: 4 }]);
  });

  it('is strict at 2τ, leaves out tasks the person already does, unrated tasks and people without a rated job', () => {
    const o = shop();
    // Custodian (E 2): Sort mail 3.5 is 1.5 above (< 1.9), Greet visitors 3.9 is exactly 1.9 above (not more,
    // though 3.9 read back from 0–1 is 3.9 ± 4e-16).
    // Organizer already does Payroll; the unrated task has no E.
    const after = plan([['c', 'near', 2], ['c', 'edge', 2], ['c', 'clean', 16], ['o', 'pay', 6], ['o', 'unrated', 1], ['o', 'org', 13], ['m', 'hire', 10], ['m', 'plan', 6], ['m', 'budget', 4], ['o', 'hire', 4]]);
    expect(trainingNeeds(o, before(o), after, { tolerance: 0.95 })).toEqual([]);
    // A threshold of 1.8 points brings in Greet visitors (1.9 above), not Sort mail (1.5).
    expect(trainingNeeds(o, before(o), after, { threshold: 1.8 }).map((n) => n.task)).toEqual(['Greet visitors']);
    // Someone with no rated hours before has no job score to compare with.
    const blank = { ...o, people: [...o.people, person('n', [], 'Newcomer')], assignments: [...o.assignments, work('n', 'unrated', 5)] };
    expect(trainingNeeds(blank, blank.assignments, [...after, { personId: 'n', taskId: 'hire', hours: 5 }])).toEqual([]);
  });

  it('uses the job score of the file’s before (hours-weighted mean), and a task new to a person in several rows counts once', () => {
    const o = shop();
    // Organizer before: (4·18 + 16·10 + 4·12)/24 = 11.667; Budget decisions 15 is 3.33 above; Strategic planning 17 is 5.33 above.
    const after = plan([['o', 'budget', 1], ['o', 'budget', 1.5], ['o', 'plan', 2], ['o', 'org', 12.5], ['o', 'hire', 4], ['o', 'pay', 4], ['m', 'budget', 1.5], ['m', 'plan', 4], ['m', 'hire', 10], ['m', 'org', 4.5], ['c', 'clean', 20]]);
    const needs = trainingNeeds(o, before(o), after);
    expect(needs.map((n) => [n.task, n.weeklyHours])).toEqual([['Strategic planning', 2], ['Budget decisions', 2.5]]);
    expect(needs[0].personEmpowerment).toBeCloseTo((4 * 18 + 16 * 10 + 4 * 12) / 24, 12);
    expect(needs[1].trainers.map((t) => t.name)).toEqual(['Manager']);
  });

  it('caps the default training hours and takes a policy or a function instead', () => {
    const o = shop();
    const after = plan([['c', 'hire', 14], ['c', 'clean', 6], ['m', 'clean', 14], ['m', 'plan', 6], ['m', 'budget', 4], ['o', 'hire', 4], ['o', 'org', 16], ['o', 'pay', 4]]);
    expect(trainingNeeds(o, before(o), after)[0].trainingHours).toBe(DEFAULT_TRAINING_POLICY.capHours);
    expect(trainingNeeds(o, before(o), after, { policy: { capHours: 100 } })[0].trainingHours).toBe(4 + 2 * 14);
    expect(trainingNeeds(o, before(o), after, { policy: { baseHours: 0, weeksAlongside: 1 } })[0].trainingHours).toBe(14);
    expect(trainingNeeds(o, before(o), after, { trainingHoursFor: (w, gap) => w + gap })[0].trainingHours).toBeCloseTo(14 + 16, 12);
  });

  it('reads the project scale: on 1–10 the same tasks give the same pairs with gaps in 1–10 points', () => {
    const o = { ...shop(), scale: { min: 1, max: 10 } };
    const after = plan([['c', 'hire', 4], ['c', 'clean', 16], ['m', 'clean', 4], ['m', 'hire', 6], ['m', 'plan', 6], ['m', 'budget', 4], ['o', 'hire', 4], ['o', 'org', 16], ['o', 'pay', 4]]);
    const [n] = trainingNeeds(o, before(o), after);
    expect(n.gap).toBeCloseTo(16 * (9 / 19), 12);
  });
});

describe('tasks that usually need a qualification', () => {
  it('reads the task name with the task library’s grammar: the work done or overseen counts, context does not', () => {
    const ids = (name: string) => qualificationFamiliesOf(name).map((f) => f.id);
    expect(ids('Hire and supervise staff')).toEqual(['supervising']);
    expect(ids('Budget decisions')).toEqual(['finance']);
    expect(ids('Supervise bookkeeping')).toEqual(['finance', 'supervising']);
    expect(ids('Drive the van')).toEqual(['licensed']);
    expect(ids('Give medication')).toEqual(['clinical']);
    expect(ids('Legal advice clinic')).toEqual(['legal']);
    expect(ids('Childcare during meetings')).toEqual(['safeguarding']);
    for (const name of ['Van hire', 'Print budget reports', 'Set up chairs for finance committee', 'Fundraising drive', 'Load and unload the van', 'Manage social media', 'Pay electric bill', 'Clean offices']) {
      expect(ids(name), name).toEqual([]);
    }
  });

  it('an edited family list is used, and a label the task library does not have is refused', () => {
    const mine: QualificationFamily[] = [{ id: 'vans', why: 'van licence', libraryLabels: [], extra: [{ label: 'van', empowerment: 0.2, desirability: 0.4, pattern: ['load van*', 'unload van*'] }] }];
    expect(qualificationFamiliesOf('Load and unload the van', mine).map((f) => f.why)).toEqual(['van licence']);
    expect(qualificationFamiliesOf('Hire and supervise staff', mine)).toEqual([]);
    expect(() => qualificationFamiliesOf('x', [{ id: 'bad', why: 'bad', libraryLabels: ['no such label'], extra: [] }])).toThrow(/no such label/);
  });
});

describe('qualificationGaps', () => {
  it('names the flagged tasks and the hours given to people who never did similar work (same task or same family)', () => {
    const o = shop();
    // Custodian takes 3 h of Hire (never supervised: counted) and 2 h of Budget (never did finance: counted);
    // the Organizer takes 2 h of Budget but did Payroll (finance): not counted.
    const after = plan([['c', 'hire', 3], ['c', 'budget', 2], ['c', 'clean', 15], ['m', 'hire', 7], ['m', 'clean', 5], ['m', 'plan', 6], ['m', 'budget', 0], ['o', 'budget', 2], ['o', 'hire', 4], ['o', 'org', 14], ['o', 'pay', 4]]);
    const r = qualificationGaps(o, before(o), after)!;
    expect(r.noQualificationsInFile).toBe(true);
    expect(r.tasks.map((t) => [t.task, t.why, t.weeklyHours, t.hoursMovedToNewPeople])).toEqual([
      ['Hire and supervise staff', 'supervising others', 14, 3],
      ['Payroll processing', 'finance', 4, 0],
      ['Budget decisions', 'finance', 4, 2],
    ]);
    expect(r.tasks[2].newPeople).toEqual([{ personId: 'c', name: 'Custodian', hours: 2 }]);
    expect(r.totalHours).toBe(5);
    // The plan that changes nothing gives nobody new work.
    expect(qualificationGaps(o, before(o), before(o))!.totalHours).toBe(0);
  });

  it('is null when the file has a qualification, a requirement or a lock (the plan then honours the file)', () => {
    const o = shop();
    expect(qualificationGaps({ ...o, people: o.people.map((p, i) => (i === 0 ? { ...p, qualifications: ['CPA'] } : p)) }, o.assignments, o.assignments)).toBeNull();
    expect(qualificationGaps({ ...o, tasks: o.tasks.map((t, i) => (i === 0 ? { ...t, requires: ['CPA'] } : t)) }, o.assignments, o.assignments)).toBeNull();
    expect(qualificationGaps({ ...o, assignments: o.assignments.map((a, i) => (i === 0 ? { ...a, locked: true } : a)) }, o.assignments, o.assignments)).toBeNull();
    // A blank qualification cell is not a qualification.
    expect(qualificationGaps({ ...o, people: o.people.map((p) => ({ ...p, qualifications: ['  '] })) }, o.assignments, o.assignments)).not.toBeNull();
  });
});

describe('qualifyFromCurrent', () => {
  it('makes each flagged task require "does it now", held exactly by its current doers, as the optimizer’s model reads it', () => {
    const o = shop();
    const copy = structuredClone(o);
    const q = qualifyFromCurrent(o);
    expect(o).toEqual(copy);
    const req = new Map(q.tasks.map((t) => [t.id, t.requires]));
    expect(req.get('hire')).toEqual([doesItNow('Hire and supervise staff')]);
    expect(req.get('budget')).toEqual([doesItNow('Budget decisions')]);
    expect(req.get('plan')).toEqual([]);
    const model = buildModel(q, false);
    const mayTake = (personId: string, taskId: string) => model.groups.find((g) => g.personIds.includes(personId))!.qualified.includes(model.classOfTask.get(taskId)!);
    expect(['m', 'o', 'c'].map((p) => mayTake(p, 'hire'))).toEqual([true, true, false]);
    expect(['m', 'o', 'c'].map((p) => mayTake(p, 'budget'))).toEqual([true, false, false]);
    expect(['m', 'o', 'c'].map((p) => mayTake(p, 'plan'))).toEqual([true, true, true]);
    // Training widens who may take it.
    const trained = grantQualifications(q, [{ personId: 'c', taskId: 'budget' }]);
    expect(buildModel(trained, false).groups.find((g) => g.personIds.includes('c'))!.qualified).toContain(buildModel(trained, false).classOfTask.get('budget'));
  });

  it('takes explicit task ids, keeps the file’s requirements and qualifications, and refuses unknown ids', () => {
    const o = shop();
    const withReq = { ...o, tasks: o.tasks.map((t) => (t.id === 'clean' ? { ...t, requires: ['Safety'] } : t)), people: o.people.map((p) => (p.id === 'c' ? { ...p, qualifications: ['Safety'] } : p)) };
    const q = qualifyFromCurrent(withReq, ['clean']);
    expect(q.tasks.find((t) => t.id === 'clean')!.requires).toEqual(['Safety', doesItNow('Clean offices')]);
    expect(q.tasks.find((t) => t.id === 'hire')!.requires).toEqual([]);
    expect(q.people.find((p) => p.id === 'c')!.qualifications).toEqual(['Safety', doesItNow('Clean offices')]);
    expect(q.people.find((p) => p.id === 'm')!.qualifications).toEqual([]);
    expect(() => qualifyFromCurrent(o, ['nope'])).toThrow(/nope/);
    expect(() => grantQualifications(o, [{ personId: 'ghost', taskId: 'hire' }])).toThrow(/ghost/);
  });
});
