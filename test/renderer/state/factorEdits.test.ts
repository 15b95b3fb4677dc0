// Factor edits of a task (state/edits.ts): the E or D becomes the equal-weight mean of its factors
// of that kind, clearing the last factor keeps the overall rating, an overall edit wins over the
// factors; and a re-import keeps the members' factor edits (state/reimport.ts).
import { describe, expect, it } from 'vitest';
import type { Organization, Task } from '../../../renderer/src/engine/model/types';
import type { RatingOverride } from '../../../renderer/src/engine/formats/projectFile';
import { normalize, toPoints } from '../../../renderer/src/engine/rating/scale';
import { setTaskFactor, setTaskRating } from '../../../renderer/src/state/edits';
import { applyOverrides, recordFactorEdit } from '../../../renderer/src/state/reimport';

const SCALE = { min: 1, max: 20 };

function task(id: string, over: Partial<Task> = {}): Task {
  return { id, name: id[0].toUpperCase() + id.slice(1), empowerment: null, desirability: null, empowermentFactors: {}, desirabilityFactors: {}, source: 'unrated', reason: null, requires: [], chore: false, ...over };
}

/** Strategy as a file rated it (overall E and two empowerment factors), and an unrated filing task. */
function org(): Organization {
  return {
    people: [{ id: 'ada', name: 'Ada', role: null, department: null, fte: 1, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] }],
    tasks: [
      task('strategy', { empowerment: 0.9, desirability: 0.7, empowermentFactors: { 'Decision authority (1-5)': 0.75, 'Planning and problem solving': 1 }, source: 'file', reason: 'Rated in the file (Ratings, row 2)' }),
      task('filing'),
    ],
    assignments: [{ personId: 'ada', taskId: 'strategy', hours: 10, locked: false }, { personId: 'ada', taskId: 'filing', hours: 30, locked: false }],
    scale: SCALE,
    hoursPerFte: 40,
  };
}

const get = (o: Organization, id: string) => o.tasks.find((t) => t.id === id)!;

describe('setTaskFactor', () => {
  it('sets a factor and makes E the mean of the empowerment factors (hand-computed)', () => {
    const before = org();
    const frozen = structuredClone(before);
    const after = setTaskFactor(before, 'strategy', 'empowerment', 'Skill development', 0.5);
    const t = get(after, 'strategy');
    expect(t.empowermentFactors).toEqual({ 'Decision authority (1-5)': 0.75, 'Planning and problem solving': 1, 'Skill development': 0.5 });
    expect(t.empowerment).toBeCloseTo((0.75 + 1 + 0.5) / 3, 12); // 0.75
    expect(t.desirability).toBe(0.7); // the other kind is untouched
    expect(t.source).toBe('members');
    expect(t.reason).toBe('Mean of 3 empowerment factors, edited in Fairshare');
    expect(before).toEqual(frozen); // pure
    expect(get(after, 'filing')).toBe(get(before, 'filing'));
    // A desirability factor next: the reason names both ratings that are now means.
    const both = get(setTaskFactor(after, 'strategy', 'desirability', 'Schedule', 0.2), 'strategy');
    expect(both.desirability).toBe(0.2);
    expect(both.empowerment).toBeCloseTo(0.75, 12);
    expect(both.reason).toBe('Mean of 3 empowerment factors and of 1 desirability factor, edited in Fairshare');
  });

  it('re-rates an existing factor under its own key, whatever case or scale hint the name has', () => {
    const after = setTaskFactor(org(), 'strategy', 'empowerment', '  decision   AUTHORITY ', 0.25);
    const t = get(after, 'strategy');
    expect(Object.keys(t.empowermentFactors)).toEqual(['Decision authority (1-5)', 'Planning and problem solving']);
    expect(t.empowermentFactors['Decision authority (1-5)']).toBe(0.25);
    expect(t.empowerment).toBeCloseTo(0.625, 12);
  });

  it('keeps desirability factors apart and derives D from them only', () => {
    let o = setTaskFactor(org(), 'filing', 'desirability', 'Repetition', normalize(4, SCALE));
    o = setTaskFactor(o, 'filing', 'desirability', 'Intrinsic interest', normalize(8, SCALE));
    o = setTaskFactor(o, 'filing', 'desirability', 'Schedule', normalize(15, SCALE));
    const t = get(o, 'filing');
    expect(t.desirabilityFactors).toEqual({ Repetition: 3 / 19, 'Intrinsic interest': 7 / 19, Schedule: 14 / 19 });
    expect(t.empowermentFactors).toEqual({});
    expect(toPoints(t.desirability!, SCALE)).toBeCloseTo(9, 12); // (4 + 8 + 15) / 3 on the 1–20 scale
    expect(t.empowerment).toBeNull();
    expect(t.reason).toBe('Mean of 3 desirability factors, edited in Fairshare');
  });

  it('clears a factor (the mean of the rest), and clearing the last one keeps the overall rating', () => {
    let o = setTaskFactor(org(), 'strategy', 'empowerment', 'Planning and problem solving', null);
    expect(get(o, 'strategy').empowermentFactors).toEqual({ 'Decision authority (1-5)': 0.75 });
    expect(get(o, 'strategy').empowerment).toBe(0.75);
    expect(get(o, 'strategy').reason).toBe('Mean of 1 empowerment factor, edited in Fairshare');
    o = setTaskFactor(o, 'strategy', 'empowerment', 'decision authority', null);
    const t = get(o, 'strategy');
    expect(t.empowermentFactors).toEqual({});
    expect(t.empowerment).toBe(0.75);
    expect(t.source).toBe('members');
    expect(t.reason).toMatch(/^Empowerment kept at its last value/);
    // Clearing a factor the task does not have changes nothing.
    expect(setTaskFactor(o, 'strategy', 'empowerment', 'Coordinating others', null)).toBe(o);
    expect(setTaskFactor(o, 'nope', 'empowerment', 'Coordinating others', 0.5)).toBe(o);
  });

  it('refuses ratings outside the scale and unusable names', () => {
    const o = org();
    for (const bad of [1.01, -0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => setTaskFactor(o, 'strategy', 'empowerment', 'Skill development', bad)).toThrow(/within the rating scale/);
    }
    expect(() => setTaskFactor(o, 'strategy', 'empowerment', '   ', 0.5)).toThrow(/needs a name/);
    expect(() => setTaskFactor(o, 'strategy', 'empowerment', '__proto__', 0.5)).toThrow(/reserved/);
    expect(() => setTaskFactor(o, 'strategy', 'empowerment', 'x'.repeat(201), 0.5)).toThrow(/200 characters/);
    expect(get(setTaskFactor(o, 'strategy', 'empowerment', 'Skill development', 0), 'strategy').empowerment).toBeCloseTo(1.75 / 3, 12);
    expect(get(setTaskFactor(o, 'strategy', 'empowerment', 'Skill development', 1), 'strategy').empowerment).toBeCloseTo(2.75 / 3, 12);
  });

  it('an overall rating keeps the factors but wins, and says so; a later factor edit derives E again', () => {
    let o = setTaskRating(org(), 'strategy', { empowerment: 0.3 });
    let t = get(o, 'strategy');
    expect(t.empowerment).toBe(0.3);
    expect(t.empowermentFactors).toEqual(get(org(), 'strategy').empowermentFactors);
    expect(t.reason).toBe('Rated by the members in Fairshare: the overall empowerment is used, not the mean of its 2 empowerment factors');
    // No desirability factors: an overall D is said plainly.
    expect(get(setTaskRating(org(), 'strategy', { desirability: 0.4 }), 'strategy').reason).toBe('Rated by the members in Fairshare');
    o = setTaskFactor(o, 'strategy', 'empowerment', 'Planning and problem solving', 0.25);
    t = get(o, 'strategy');
    expect(t.empowerment).toBeCloseTo(0.5, 12);
    expect(t.reason).toBe('Mean of 2 empowerment factors, edited in Fairshare');
  });
});

describe('re-import keeps factor edits', () => {
  /** Makes factor edits as the store does: the organization and the overrides together. */
  function edit(state: { org: Organization; overrides: Record<string, RatingOverride> | undefined }, id: string, kind: 'empowerment' | 'desirability', name: string, value: number | null) {
    const next = setTaskFactor(state.org, id, kind, name, value);
    return { org: next, overrides: recordFactorEdit(state.overrides, get(state.org, id), get(next, id), kind, name, value) };
  }

  it('re-applies set and cleared factors to the fresh import and derives E and D from them', () => {
    let s: { org: Organization; overrides: Record<string, RatingOverride> | undefined } = { org: org(), overrides: undefined };
    s = edit(s, 'strategy', 'empowerment', 'Decision authority', 0.25);
    s = edit(s, 'strategy', 'empowerment', 'planning and problem solving', null);
    s = edit(s, 'strategy', 'desirability', 'Repetition', 0.1);
    s = edit(s, 'strategy', 'empowerment', 'Decision authority', 0.5); // a second edit replaces the first
    expect(s.overrides).toEqual({ strategy: { empowermentFactors: { 'Decision authority (1-5)': 0.5, 'Planning and problem solving': null }, desirabilityFactors: { Repetition: 0.1 } } });

    // The file is imported again, unchanged except for the case of a header.
    const fresh = org();
    fresh.tasks[0].empowermentFactors = { 'DECISION AUTHORITY (1-5)': 0.75, 'Planning and problem solving': 1 };
    const { organization, applied } = applyOverrides(fresh, s.overrides);
    const t = get(organization, 'strategy');
    expect(applied).toBe(1);
    expect(t.empowermentFactors).toEqual({ 'DECISION AUTHORITY (1-5)': 0.5 });
    expect(t.empowerment).toBe(0.5);
    expect(t.desirabilityFactors).toEqual({ Repetition: 0.1 });
    expect(t.desirability).toBe(0.1);
    expect(t.source).toBe('members');
    expect(get(organization, 'strategy')).toMatchObject({ empowerment: get(s.org, 'strategy').empowerment, desirability: get(s.org, 'strategy').desirability });
  });

  it('an overall rating made after factor edits still wins after the re-import', () => {
    let s: { org: Organization; overrides: Record<string, RatingOverride> | undefined } = { org: org(), overrides: undefined };
    s = edit(s, 'strategy', 'empowerment', 'Skill development', 0);
    // What actions.rateTask records: the overall value merged into the task's override.
    const overrides = { ...s.overrides, strategy: { ...s.overrides!.strategy, empowerment: 0.6 } };
    const t = get(applyOverrides(org(), overrides).organization, 'strategy');
    expect(t.empowermentFactors).toEqual({ 'Decision authority (1-5)': 0.75, 'Planning and problem solving': 1, 'Skill development': 0 });
    expect(t.empowerment).toBe(0.6);
    expect(t.reason).toMatch(/overall empowerment is used, not the mean of its 3 empowerment factors/);
    // A factor edit after that makes the factors count again.
    s = { org: setTaskRating(s.org, 'strategy', { empowerment: 0.6 }), overrides };
    s = edit(s, 'strategy', 'empowerment', 'Skill development', 0.25);
    expect(s.overrides!.strategy.empowerment).toBeUndefined();
    expect(get(applyOverrides(org(), s.overrides).organization, 'strategy').empowerment).toBeCloseTo(2 / 3, 12);
  });

  it('clearing the last factor records the kept rating, which the re-import keeps', () => {
    let s: { org: Organization; overrides: Record<string, RatingOverride> | undefined } = { org: org(), overrides: undefined };
    s = edit(s, 'filing', 'desirability', 'Schedule', 0.3);
    s = edit(s, 'filing', 'desirability', 'Schedule', null);
    expect(get(s.org, 'filing').desirability).toBe(0.3);
    expect(s.overrides).toEqual({ filing: { desirabilityFactors: { Schedule: null }, desirability: 0.3 } });
    const fresh = org();
    fresh.tasks[1] = { ...fresh.tasks[1], desirability: 0.8, desirabilityFactors: { Schedule: 0.8 }, source: 'file' };
    const t = get(applyOverrides(fresh, s.overrides).organization, 'filing');
    expect(t.desirabilityFactors).toEqual({});
    expect(t.desirability).toBe(0.3);
  });

  it('still applies plain overall ratings as before', () => {
    const t = get(applyOverrides(org(), { filing: { empowerment: 0.2 } }).organization, 'filing');
    expect(t).toMatchObject({ empowerment: 0.2, desirability: null, source: 'members', reason: 'Rated by the members in Fairshare' });
  });

  it('keeps a group decision (source council, its note) and a round\'s contested verdict through a re-import', () => {
    const t = get(applyOverrides(org(), { strategy: { empowerment: 0.5, council: 'settled at the June meeting', contested: true } }).organization, 'strategy');
    expect(t).toMatchObject({ empowerment: 0.5, source: 'council', reason: 'Decided by the group: settled at the June meeting', contested: true });
    const judged = get(applyOverrides(org(), { filing: { empowerment: 0.2, contested: false } }).organization, 'filing');
    expect(judged).toMatchObject({ source: 'members', contested: false });
  });
});
