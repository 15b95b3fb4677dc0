/** Which forms a rating round sends (issue 17): own tasks first, anonymous forms, stable IDs, factors, refusals. */
import { describe, expect, it } from 'vitest';
import type { Organization, Task } from '../../renderer/src/engine/model/types';
import { FormRoundError, makeFormRound, makeFormSpecs, usedFactors } from '../../renderer/src/engine/ratingRound/formSpecs';
import { STANDARD_FACTORS } from '../../renderer/src/engine/rating/factors';

function task(name: string, extra: Partial<Task> = {}): Task {
  return { id: name.toLowerCase(), name, empowerment: null, desirability: null, empowermentFactors: {}, desirabilityFactors: {}, source: 'unrated', reason: null, requires: [], chore: false, ...extra };
}

function person(id: string, name: string): Organization['people'][number] {
  return { id, name, role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] };
}

const ORG: Organization = {
  people: [person('p1', 'Ann Lee'), person('p2', 'Bob Stone')],
  tasks: [task('Sweep floors'), task('Budget'), task('answer phones'), task('Cook lunch'), task('Accounts')],
  assignments: [
    { personId: 'p1', taskId: 'sweep floors', hours: 4, locked: false },
    { personId: 'p1', taskId: 'cook lunch', hours: 10, locked: false },
    // Listed twice: the form shows the sum.
    { personId: 'p1', taskId: 'budget', hours: 2, locked: false },
    { personId: 'p1', taskId: 'budget', hours: 2.5, locked: false },
    { personId: 'p2', taskId: 'accounts', hours: 30, locked: false },
  ],
  scale: { min: 1, max: 20 },
  hoursPerFte: 40,
};
const BASE = { project: 'Co-op', created: '2026-03-02' };

describe('named forms', () => {
  it('put the rater\'s own tasks first by hours, with their weekly hours, then the rest by name', () => {
    const [ann, bob] = makeFormSpecs(ORG, { ...BASE, raters: ['Ann Lee', 'Bob Stone'] });
    expect(ann.tasks).toEqual([
      { id: 'cook lunch', name: 'Cook lunch', ownHours: 10 },
      { id: 'budget', name: 'Budget', ownHours: 4.5 },
      { id: 'sweep floors', name: 'Sweep floors', ownHours: 4 },
      { id: 'accounts', name: 'Accounts', ownHours: null },
      { id: 'answer phones', name: 'answer phones', ownHours: null },
    ]);
    expect(bob.tasks.map((t) => t.name)).toEqual(['Accounts', 'answer phones', 'Budget', 'Cook lunch', 'Sweep floors']);
    expect(bob.tasks[0].ownHours).toBe(30);
    expect([ann.rater, ann.raterNumber, bob.rater, bob.raterNumber]).toEqual(['Ann Lee', 1, 'Bob Stone', 2]);
    expect(ann.scale).toEqual({ min: 1, max: 20 });
  });

  it('match a rater to the roster whatever the case and spacing, and write the roster\'s spelling', () => {
    const [f] = makeFormSpecs(ORG, { ...BASE, raters: ['  ann   LEE '] });
    expect(f.rater).toBe('Ann Lee');
    expect(f.tasks[0]).toEqual({ id: 'cook lunch', name: 'Cook lunch', ownHours: 10 });
  });

  it('give a rater not in the roster a form of every task by name, and say so', () => {
    const { forms, notes } = makeFormRound(ORG, { ...BASE, raters: ['Ann Lee', 'Zed  Nobody'] });
    expect(forms[1].rater).toBe('Zed Nobody');
    expect(forms[1].tasks.map((t) => t.name)).toEqual(['Accounts', 'answer phones', 'Budget', 'Cook lunch', 'Sweep floors']);
    expect(forms[1].tasks.every((t) => t.ownHours === null)).toBe(true);
    expect(notes).toEqual([expect.stringContaining('Zed Nobody is not in the roster')]);
  });
});

describe('anonymous forms', () => {
  it('are numbered, carry no name and list every task by name', () => {
    const forms = makeFormSpecs(ORG, { ...BASE, count: 3 });
    expect(forms.map((f) => [f.rater, f.raterNumber])).toEqual([[null, 1], [null, 2], [null, 3]]);
    for (const f of forms) expect(f.tasks.map((t) => [t.name, t.ownHours])).toEqual(['Accounts', 'answer phones', 'Budget', 'Cook lunch', 'Sweep floors'].map((n) => [n, null]));
  });
});

describe('form IDs', () => {
  it('are the round code and a padded number, unique within the round', () => {
    const forms = makeFormSpecs(ORG, { ...BASE, count: 3, roundCode: 'R7K2' });
    expect(forms.map((f) => f.formId)).toEqual(['R7K2-01', 'R7K2-02', 'R7K2-03']);
    const many = makeFormSpecs(ORG, { ...BASE, count: 120 });
    expect(new Set(many.map((f) => f.formId)).size).toBe(120);
    expect(many[0].formId).toMatch(/^[2-9A-Z]{4}-001$/);
  });

  it('are the same for the same inputs and differ for another round', () => {
    const ids = (o: Partial<Parameters<typeof makeFormSpecs>[1]>): string[] => makeFormSpecs(ORG, { ...BASE, count: 2, ...o }).map((f) => f.formId);
    expect(ids({})).toEqual(ids({}));
    expect(ids({ created: '2026-03-03' })[0]).not.toBe(ids({})[0]);
    expect(ids({ project: 'Other' })[0]).not.toBe(ids({})[0]);
    expect(ids({ count: 3 })[0]).not.toBe(ids({})[0]);
    const named = makeFormSpecs(ORG, { ...BASE, raters: ['Ann Lee'] })[0].formId;
    expect(makeFormSpecs(ORG, { ...BASE, raters: ['Bob Stone'] })[0].formId).not.toBe(named);
  });
});

describe('factors', () => {
  it('are none unless asked', () => {
    expect(makeFormSpecs(ORG, { ...BASE, count: 1 })[0].factors).toEqual([]);
  });

  it('are the standard ones when no task has any', () => {
    expect(makeFormSpecs(ORG, { ...BASE, count: 1, factors: true })[0].factors).toEqual([...STANDARD_FACTORS.empowerment, ...STANDARD_FACTORS.desirability]);
  });

  it('are those the tasks use, once each, empowerment standard-first then desirability, without scale hints', () => {
    const tasks = [
      task('A', { empowermentFactors: { 'Our own (1-5)': 0.5, 'Skill development': 0.2 }, desirabilityFactors: { Repetition: 0.1 } }),
      task('B', { empowermentFactors: { 'decision  authority': 1, 'skill development (1-5)': 0.3 } }),
    ];
    expect(usedFactors(tasks)).toEqual(['decision authority', 'Skill development', 'Our own', 'Repetition']);
    expect(makeFormSpecs({ ...ORG, tasks }, { ...BASE, count: 1, factors: true })[0].factors).toEqual(['decision authority', 'Skill development', 'Our own', 'Repetition']);
  });
});

describe('refusals', () => {
  it.each([
    [{ raters: ['Ann Lee'], count: 2 }, /not both/],
    [{}, /give named raters or a count/],
    [{ count: 0 }, /from 1 to 500, got 0/],
    [{ count: 501 }, /from 1 to 500, got 501/],
    [{ count: 1.5 }, /whole number/],
    [{ raters: [] }, /empty/],
    [{ raters: ['Ann Lee', ' '] }, /a rater name is empty/],
    [{ raters: ['Ann Lee', 'ann  lee'] }, /"ann lee" is named twice \(as "Ann Lee"\)/],
  ])('%j', (o, message) => {
    expect(() => makeFormSpecs(ORG, { ...BASE, ...o })).toThrow(FormRoundError);
    expect(() => makeFormSpecs(ORG, { ...BASE, ...o })).toThrow(message);
  });

  it('a project without tasks', () => {
    expect(() => makeFormSpecs({ ...ORG, tasks: [], assignments: [] }, { ...BASE, count: 1 })).toThrow('no tasks');
  });
});
