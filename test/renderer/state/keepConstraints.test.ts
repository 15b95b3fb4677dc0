/**
 * Re-importing keeps the proposal's constraints set in the app (locks, chores, requirements,
 * qualifications) over the new file's, and lets the file decide where the app never changed them.
 */
import { describe, expect, it } from 'vitest';
import { keepConstraints } from '../../../renderer/src/state/keepConstraints';
import type { Organization } from '../../../renderer/src/engine/model/types';
import { org, person, task, work } from '../../helpers/balance-orgs';

/** The file as read: two people, two tasks, nothing locked, no chores, no requirements. */
function file(): Organization {
  return org([person('ana'), person('bo', ['cdl'])], [task('van', 5), task('books', 15)], [work('ana', 'van', 10), work('bo', 'books', 20), work('ana', 'books', 5)]);
}

/** The project after edits in the app: ana's van hours locked, van a chore, books requiring finance held by ana. */
function edited(base: Organization): Organization {
  return {
    ...base,
    tasks: base.tasks.map((t) => (t.id === 'van' ? { ...t, chore: true } : t.id === 'books' ? { ...t, requires: ['finance'] } : t)),
    people: base.people.map((p) => (p.id === 'ana' ? { ...p, qualifications: ['finance'] } : p)),
    assignments: base.assignments.map((a) => (a.personId === 'ana' && a.taskId === 'van' ? { ...a, locked: true } : a)),
  };
}

describe('keepConstraints', () => {
  it('carries every constraint the app set into the new file, and counts them', () => {
    const next = file();
    next.assignments[0] = { ...next.assignments[0], hours: 12 }; // the new file changes hours
    const { organization: o, kept } = keepConstraints(edited(file()), file(), next);
    expect(kept).toBe(4);
    expect(o.tasks.find((t) => t.id === 'van')!.chore).toBe(true);
    expect(o.tasks.find((t) => t.id === 'books')!.requires).toEqual(['finance']);
    expect(o.people.find((p) => p.id === 'ana')!.qualifications).toEqual(['finance']);
    const van = o.assignments.find((a) => a.personId === 'ana' && a.taskId === 'van')!;
    expect(van).toEqual({ personId: 'ana', taskId: 'van', hours: 12, locked: true });
    // The file's own values elsewhere are untouched.
    expect(o.people.find((p) => p.id === 'bo')!.qualifications).toEqual(['cdl']);
  });

  it('lets the file decide what the app never changed (a qualification the new file drops)', () => {
    const next = file();
    next.people[1] = { ...next.people[1], qualifications: [] };
    const { organization: o, kept } = keepConstraints(file(), file(), next);
    expect(kept).toBe(0);
    expect(o).toBe(next);
  });

  it('an unlock in the app is kept over a file that locks', () => {
    const lockedFile = file();
    lockedFile.assignments[0] = { ...lockedFile.assignments[0], locked: true };
    const project = { ...lockedFile, assignments: lockedFile.assignments.map((a, i) => (i === 0 ? { ...a, locked: false } : a)) };
    const { organization: o } = keepConstraints(project, lockedFile, lockedFile);
    expect(o.assignments[0].locked).toBe(false);
  });

  it('without the last import (older projects) carries what the new file lacks', () => {
    const { organization: o, kept } = keepConstraints(edited(file()), undefined, file());
    expect(kept).toBe(4);
    expect(o.assignments.find((a) => a.personId === 'ana' && a.taskId === 'van')!.locked).toBe(true);
  });

  it('a person or assignment gone from the new file is not brought back', () => {
    const next = org([person('bo', ['cdl'])], [task('van', 5), task('books', 15)], [work('bo', 'books', 20)]);
    const { organization: o } = keepConstraints(edited(file()), file(), next);
    expect(o.people.map((p) => p.id)).toEqual(['bo']);
    expect(o.assignments).toHaveLength(1);
    expect(o.assignments[0].locked).toBe(false);
  });
});
