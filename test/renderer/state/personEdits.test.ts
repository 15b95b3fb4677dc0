// A person's role and department edited in Jobs (state/edits.ts setPersonFacts): trimmed, empty or
// over-long names refused with a message naming the field, a no-op returns the same organization.
import { describe, expect, it } from 'vitest';
import type { Organization, Person } from '../../../renderer/src/engine/model/types';
import { factError, MAX_GROUP_NAME, setPersonFacts } from '../../../renderer/src/state/edits';

function person(id: string, role: string | null, department: string | null): Person {
  return { id, name: id, role, department, fte: 1, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] };
}

function org(): Organization {
  return {
    people: [person('ada', 'Organizer', 'Operations'), person('bo', 'Organizer', 'Ops')],
    tasks: [],
    assignments: [],
    scale: { min: 1, max: 20 },
    hoursPerFte: 40,
  };
}

describe('setPersonFacts', () => {
  it('sets the department, trimmed and with spaces collapsed, without touching the input or the other people', () => {
    const before = org();
    const frozen = structuredClone(before);
    const after = setPersonFacts(before, 'bo', { department: '  Operations \t' });
    expect(after.people.map((p) => p.department)).toEqual(['Operations', 'Operations']);
    expect(after.people[0]).toBe(before.people[0]);
    expect(before).toEqual(frozen);
  });

  it('sets the role and the department together, or one alone keeping the other', () => {
    expect(setPersonFacts(org(), 'ada', { role: 'Lead  organizer', department: 'Field' }).people[0]).toMatchObject({ role: 'Lead organizer', department: 'Field' });
    expect(setPersonFacts(org(), 'ada', { role: 'Director' }).people[0]).toMatchObject({ role: 'Director', department: 'Operations' });
  });

  it('returns the same organization when nothing changes or the person is unknown', () => {
    const o = org();
    expect(setPersonFacts(o, 'ada', { department: 'Operations ' })).toBe(o);
    expect(setPersonFacts(o, 'ada', {})).toBe(o);
    expect(setPersonFacts(o, 'nobody', { department: 'Field' })).toBe(o);
    expect(setPersonFacts(o, 'ada', { role: 'Organizer' })).toBe(o);
    expect(setPersonFacts(o, 'ada', { role: 'Director' })).not.toBe(o);
    // An invalid name is a change to refuse, not a no-op: the caller gets the error.
    expect(() => setPersonFacts(o, 'ada', { role: ' ' })).toThrow();
  });

  it('a case change is stored (the audit groups case-insensitively, but the name is shown as typed)', () => {
    expect(setPersonFacts(org(), 'bo', { department: 'OPS' }).people[1].department).toBe('OPS');
  });

  it('refuses an empty or over-long name with a message naming the field', () => {
    expect(() => setPersonFacts(org(), 'ada', { department: '   ' })).toThrow('A department needs a name');
    expect(() => setPersonFacts(org(), 'ada', { role: '' })).toThrow('A role needs a name');
    const long = 'x'.repeat(MAX_GROUP_NAME + 1);
    expect(() => setPersonFacts(org(), 'ada', { role: long })).toThrow(`A role name must be at most ${MAX_GROUP_NAME} characters (this one has ${MAX_GROUP_NAME + 1})`);
    expect(setPersonFacts(org(), 'ada', { role: 'x'.repeat(MAX_GROUP_NAME) }).people[0].role).toHaveLength(MAX_GROUP_NAME);
    expect(factError('department', '')).toBe('A department needs a name');
    expect(factError('department', 'Field')).toBeNull();
  });
});
