// @vitest-environment happy-dom
// The constraints a proposal honours, edited in the app (state/edits.ts): a locked assignment, a
// chore, what a task requires and who holds a qualification. Each edit is pure (the input is left
// as it was, an edit that changes nothing returns the same organization) and, as a workspace
// action, one undo step: undo brings back the previous organization, redo the edited one.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Organization, Person, Task } from '../../../renderer/src/engine/model/types';
import { createProject } from '../../../renderer/src/engine/formats/projectFile';
import {
  MAX_QUALIFICATION_NAME, parseQualifications, setAssignmentLocked, setQualification, setQualificationFor, setTaskChore, setTaskRequires,
} from '../../../renderer/src/state/edits';

vi.mock('../../../renderer/src/state/engineJobs', () => ({
  engineClient: () => { throw new Error('no worker in this test'); },
  importInWorker: () => { throw new Error('no worker in this test'); },
  auditInWorker: async () => ({}),
}));

const { actions, resetWorkspace, store } = await import('../../../renderer/src/state/workspace');

function person(id: string, qualifications: string[] = []): Person {
  return { id, name: id, role: null, department: null, fte: 1, contractHours: null, annualPay: null, hourlyRate: null, qualifications };
}
function task(id: string, over: Partial<Task> = {}): Task {
  return { id, name: id, empowerment: 0.5, desirability: 0.5, empowermentFactors: {}, desirabilityFactors: {}, source: 'file', reason: null, requires: [], chore: false, ...over };
}
function org(): Organization {
  return {
    people: [person('ada', ['Finance']), person('bo'), person('cy', ['driving'])],
    tasks: [task('budget', { requires: ['Finance'] }), task('cleaning'), task('driving')],
    assignments: [
      { personId: 'ada', taskId: 'budget', hours: 10, locked: false },
      { personId: 'bo', taskId: 'cleaning', hours: 20, locked: true },
      { personId: 'cy', taskId: 'driving', hours: 30, locked: false },
    ],
    scale: { min: 1, max: 20 },
    hoursPerFte: 40,
  };
}

/** Runs an edit on a fresh organization and checks the input was not mutated. */
function pure(edit: (o: Organization) => Organization): { before: Organization; after: Organization } {
  const before = org();
  const frozen = structuredClone(before);
  const after = edit(before);
  expect(before).toEqual(frozen);
  return { before, after };
}

describe('setAssignmentLocked', () => {
  it('locks and unlocks one assignment, leaving the others as they were', () => {
    const { before, after } = pure((o) => setAssignmentLocked(o, 'ada', 'budget', true));
    expect(after.assignments.map((a) => a.locked)).toEqual([true, true, false]);
    expect(after.assignments[0]).toMatchObject({ personId: 'ada', taskId: 'budget', hours: 10 });
    expect(after.assignments[1]).toBe(before.assignments[1]);
    expect(setAssignmentLocked(after, 'bo', 'cleaning', false).assignments.map((a) => a.locked)).toEqual([true, false, false]);
  });

  it('returns the same organization when already so, or for an assignment that does not exist', () => {
    const o = org();
    expect(setAssignmentLocked(o, 'bo', 'cleaning', true)).toBe(o);
    expect(setAssignmentLocked(o, 'ada', 'cleaning', true)).toBe(o);
    expect(setAssignmentLocked(o, 'nobody', 'budget', true)).toBe(o);
  });
});

describe('setTaskChore', () => {
  it('marks a task as a chore and back; a no-op returns the same organization', () => {
    const { before, after } = pure((o) => setTaskChore(o, 'cleaning', true));
    expect(after.tasks.map((t) => t.chore)).toEqual([false, true, false]);
    expect(after.tasks[0]).toBe(before.tasks[0]);
    expect(setTaskChore(after, 'cleaning', false).tasks.map((t) => t.chore)).toEqual([false, false, false]);
    expect(setTaskChore(before, 'cleaning', false)).toBe(before);
    expect(setTaskChore(before, 'no such task', true)).toBe(before);
  });
});

describe('setTaskRequires and parseQualifications', () => {
  it('splits a typed list at commas, semicolons and line breaks, dropping blanks', () => {
    expect(parseQualifications(' finance ,  legal\tadvice;; \n first aid ,')).toEqual(['finance', 'legal advice', 'first aid']);
    expect(parseQualifications('  ')).toEqual([]);
  });

  it('stores cleaned names, drops duplicates up to case (first spelling kept), and clears with an empty list', () => {
    const { after } = pure((o) => setTaskRequires(o, 'cleaning', ['  first   aid ', 'Driving', 'FIRST AID', '']));
    expect(after.tasks[1].requires).toEqual(['first aid', 'Driving']);
    expect(setTaskRequires(org(), 'budget', []).tasks[0].requires).toEqual([]);
  });

  it('returns the same organization for the same list or an unknown task; an over-long name is refused', () => {
    const o = org();
    expect(setTaskRequires(o, 'budget', ['Finance'])).toBe(o);
    expect(setTaskRequires(o, 'budget', [' Finance '])).toBe(o);
    expect(setTaskRequires(o, 'budget', ['finance'])).not.toBe(o);
    expect(setTaskRequires(o, 'nope', ['x'])).toBe(o);
    expect(() => setTaskRequires(o, 'budget', ['x'.repeat(MAX_QUALIFICATION_NAME + 1)])).toThrow(`at most ${MAX_QUALIFICATION_NAME} characters`);
  });
});

describe('setQualification and setQualificationFor', () => {
  it('gives a qualification to a person and takes it away, compared as the optimizer does (trimmed, any case)', () => {
    const { after } = pure((o) => setQualification(o, 'bo', ' finance ', true));
    expect(after.people[1].qualifications).toEqual(['finance']);
    const o = org();
    expect(setQualification(o, 'ada', 'FINANCE', true)).toBe(o);
    expect(setQualification(o, 'ada', 'finance', false).people[0].qualifications).toEqual([]);
    expect(setQualification(o, 'bo', 'finance', false)).toBe(o);
    expect(setQualification(o, 'nobody', 'finance', true)).toBe(o);
    expect(() => setQualification(o, 'bo', '  ', true)).toThrow('A qualification needs a name');
  });

  it('gives it to several people at once, skipping those who hold it and unknown ids', () => {
    const { before, after } = pure((o) => setQualificationFor(o, ['ada', 'bo', 'cy', 'ghost'], 'Finance', true));
    expect(after.people.map((p) => p.qualifications)).toEqual([['Finance'], ['Finance'], ['driving', 'Finance']]);
    expect(after.people[0]).toBe(before.people[0]);
    expect(setQualificationFor(after, ['ada', 'bo'], 'finance', false).people.map((p) => p.qualifications)).toEqual([[], [], ['driving', 'Finance']]);
  });
});

describe('the workspace actions: one undo step each', () => {
  beforeEach(() => {
    resetWorkspace();
    store.set({ project: createProject('Test', org()), revision: 1, reportRevision: 1 });
  });

  const current = () => store.get().project!.organization;
  const cases: [string, () => void, (o: Organization) => Organization][] = [
    ['setLocked', () => actions.setLocked('ada', 'budget', true), (o) => setAssignmentLocked(o, 'ada', 'budget', true)],
    ['setChore', () => actions.setChore('cleaning', true), (o) => setTaskChore(o, 'cleaning', true)],
    ['setRequires', () => actions.setRequires('cleaning', ['first aid', 'driving']), (o) => setTaskRequires(o, 'cleaning', ['first aid', 'driving'])],
    ['setQualification', () => actions.setQualification('bo', 'Finance', true), (o) => setQualification(o, 'bo', 'Finance', true)],
    ['setQualificationFor', () => actions.setQualificationFor(['bo', 'cy'], 'Finance', true), (o) => setQualificationFor(o, ['bo', 'cy'], 'Finance', true)],
  ];

  it.each(cases)('%s applies the edit, marks the project dirty; undo returns the previous organization, redo the edited one', (_, act, edit) => {
    const before = current();
    act();
    const after = current();
    expect(after).not.toBe(before);
    expect(after).toEqual(edit(before));
    expect(store.get().past).toHaveLength(1);
    expect(store.get().dirty).toBe(true);
    actions.undo();
    expect(current()).toBe(before);
    actions.redo();
    expect(current()).toBe(after);
  });

  it('an edit that changes nothing records no undo step; a refused one says why', () => {
    actions.setLocked('bo', 'cleaning', true);
    actions.setChore('budget', false);
    actions.setQualification('ada', 'finance', true);
    expect(store.get().past).toHaveLength(0);
    actions.setRequires('budget', ['x'.repeat(MAX_QUALIFICATION_NAME + 1)]);
    expect(store.get().past).toHaveLength(0);
    expect(store.get().notice).toMatchObject({ kind: 'error' });
    expect(store.get().notice!.text).toContain(`at most ${MAX_QUALIFICATION_NAME} characters`);
  });
});
