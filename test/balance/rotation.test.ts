/**
 * Hand-made cases for the chore rotation: fair shares by hours and by eligibility, the slot-size
 * rule, repeats forced by a pool of one, the quarterly D against the band, the grid, edge cases.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKS, MAX_SLOT_HOURS, rotationGrid, scheduleRotation, type RotationInput } from '../../renderer/src/engine/rotation';
import { org as makeOrg, person as orgPerson, task, work } from '../helpers/balance-orgs';
import { rotationInputFromOrganization } from '../../renderer/src/engine/rotation';
import { brokenInvariants } from './rotation.helpers';

const person = (id: string, weeklyHours: number) => ({ id, name: id.toUpperCase(), weeklyHours });
const chore = (taskId: string, weeklyHours: number, desirability = 3, eligible?: string[]) => ({ taskId, name: `Chore ${taskId}`, weeklyHours, desirability, eligible });

describe('scheduleRotation', () => {
  it('shares chores in proportion to hours over a quarter; a person of 0 h gets none; no repeats', () => {
    const input: RotationInput = { people: [person('a', 40), person('b', 40), person('c', 20), person('z', 0)], chores: [chore('clean', 2), chore('trash', 1)] };
    const r = scheduleRotation(input);
    expect(r.weeks).toBe(DEFAULT_WEEKS);
    expect(brokenInvariants(input, r)).toEqual([]);
    // total = 3 h × 13 = 39 h; shares 40/100, 40/100, 20/100, 0.
    [15.6, 15.6, 7.8, 0].forEach((share, i) => expect(r.perPerson[i].fairShare).toBeCloseTo(share, 12));
    for (const p of r.perPerson) expect(Math.abs(p.difference)).toBeLessThanOrEqual(2);
    expect(r.perPerson.find((p) => p.personId === 'z')?.choreHours).toBe(0);
    expect(r.slots).toHaveLength(26);
    expect(r.repeats).toBe(0);
    expect(r.unavoidableRepeats).toBe(false);
    expect(r.largestSlot).toBe(2);
    // Ordered by week, then chore id.
    expect(r.slots.slice(0, 4).map((s) => [s.week, s.taskId])).toEqual([[1, 'clean'], [1, 'trash'], [2, 'clean'], [2, 'trash']]);
  });

  it('stays within one slot where the week-by-week greedy does not (eligibility: c1 open to B and C only)', () => {
    const input: RotationInput = { weeks: 7, people: [person('a', 40), person('b', 40), person('c', 40)], chores: [chore('c1', 1, 3, ['b', 'c']), chore('c2', 1)] };
    const r = scheduleRotation(input);
    expect(brokenInvariants(input, r)).toEqual([]);
    [7 / 3, 7 / 3 + 3.5, 7 / 3 + 3.5].forEach((share, i) => expect(r.perPerson[i].fairShare).toBeCloseTo(share, 12));
    // The greedy gives B 7 h; within one slot means 5 or 6 h for B and C, 2 or 3 h for A.
    expect(r.perPerson.map((p) => Math.abs(p.difference) <= 1)).toEqual([true, true, true]);
    expect(r.perPerson.map((p) => p.choreHours).reduce((s, x) => s + x, 0)).toBe(14);
    expect(r.slots.filter((s) => s.taskId === 'c1').every((s) => s.personId !== 'a')).toBe(true);
    expect(r.notes.join(' ')).toMatch(/only some people may take are shared among those people alone/);
  });

  it('reports repeats as unavoidable when one person alone may take a chore', () => {
    const input: RotationInput = { weeks: 5, people: [person('a', 40), person('b', 40)], chores: [chore('van', 2, 3, ['b']), chore('mop', 1)] };
    const r = scheduleRotation(input);
    expect(brokenInvariants(input, r)).toEqual([]);
    expect(r.slots.filter((s) => s.taskId === 'van').map((s) => s.personId)).toEqual(['b', 'b', 'b', 'b', 'b']);
    expect(r.chores.find((c) => c.taskId === 'van')).toMatchObject({ repeats: 4, forcedRepeats: 4 });
    expect(r.chores.find((c) => c.taskId === 'mop')?.repeats).toBe(0);
    expect(r.repeats).toBe(4);
    expect(r.unavoidableRepeats).toBe(true);
    expect(r.notes.join(' ')).toMatch(/Only B may take Chore van/);
  });

  it('cuts a chore over the largest slot into equal slots that add up to its hours every week', () => {
    expect(MAX_SLOT_HOURS).toBe(4);
    const input: RotationInput = { weeks: 4, people: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => person(id, 40)), chores: [chore('big', 10), chore('eight', 8)] };
    const r = scheduleRotation(input);
    expect(brokenInvariants(input, r)).toEqual([]);
    expect(r.chores.map((c) => [c.slotsPerWeek, c.slotHours])).toEqual([[3, 10 / 3], [2, 4]]);
    for (let w = 1; w <= 4; w++) {
      const big = r.slots.filter((s) => s.week === w && s.taskId === 'big');
      expect(big.reduce((s, x) => s + x.hours, 0)).toBeCloseTo(10, 12);
      expect(new Set(big.map((s) => s.personId)).size).toBe(3);
    }
    expect(r.largestSlot).toBe(4);
    expect(scheduleRotation({ ...input, maxSlotHours: 5 }).chores.map((c) => c.slotsPerWeek)).toEqual([2, 2]);
  });

  it('reports the quarterly-average D of each job with its chores, and who falls outside the band', () => {
    const people = [
      { ...person('a', 40), nonChore: { hours: 38, dHours: 380 } },
      { ...person('b', 40), nonChore: { hours: 38, dHours: 456 } },
    ];
    const input: RotationInput = { weeks: 2, people, chores: [chore('mop', 2, 4)], band: { centre: 10, tolerance: 0.2 } };
    const r = scheduleRotation(input);
    // Each does the 2 h mop once: a (2·380 + 2·4) / (2·38 + 2) = 9.846…, b (2·456 + 8) / 78 = 11.79…
    expect(r.quarterlyD[0].d).toBeCloseTo(768 / 78, 12);
    expect(r.quarterlyD[1].d).toBeCloseTo(920 / 78, 12);
    expect(r.outOfBand).toEqual(['b']);
    expect(scheduleRotation({ ...input, band: { centre: 10, tolerance: 0.1 } }).outOfBand).toEqual(['a', 'b']);
    expect(scheduleRotation({ ...input, band: undefined }).outOfBand).toEqual([]);
    expect(scheduleRotation({ ...input, people: [person('a', 40), person('b', 0)] }).quarterlyD).toEqual([{ personId: 'a', d: 4 }, { personId: 'b', d: null }]);
  });

  it('handles no chores, chores nobody may take, unknown ids, and pools of 0 h', () => {
    const none = scheduleRotation({ people: [person('a', 40)], chores: [] });
    expect(none).toMatchObject({ slots: [], repeats: 0, unavoidableRepeats: false, largestSlot: 0, outOfBand: [] });
    expect(none.perPerson).toEqual([{ personId: 'a', choreHours: 0, fairShare: 0, difference: 0 }]);
    expect(none.notes).toContain('No chores to rotate.');

    const odd = scheduleRotation({ weeks: 4, people: [person('a', 40), person('b', 0), person('c', 0)], chores: [chore('x', 1, 3, []), chore('y', 0), chore('z', 1, 3, ['b', 'c', 'ghost'])] });
    expect(odd.unassigned).toEqual(['x', 'y']);
    expect(odd.slots.every((s) => s.taskId === 'z')).toBe(true);
    // z's pool works 0 h: shared equally, 2 h each over 4 weeks, alternating.
    expect(odd.perPerson.map((p) => p.choreHours)).toEqual([0, 2, 2]);
    expect(odd.repeats).toBe(0);
    expect(odd.notes.join(' ')).toMatch(/Nobody may take Chore x.*no hours a week.*not among the people.*0 weekly hours/s);
  });

  it('refuses weeks ≤ 0, fractional weeks, negative hours and duplicate ids', () => {
    const base: RotationInput = { people: [person('a', 40)], chores: [chore('mop', 1)] };
    expect(() => scheduleRotation({ ...base, weeks: 0 })).toThrow(RangeError);
    expect(() => scheduleRotation({ ...base, weeks: -3 })).toThrow(/weeks/);
    expect(() => scheduleRotation({ ...base, weeks: 2.5 })).toThrow(/weeks/);
    expect(() => scheduleRotation({ ...base, weeks: 521 })).toThrow(/weeks/);
    expect(() => scheduleRotation({ ...base, people: [person('a', -1)] })).toThrow(/weekly hours/);
    expect(() => scheduleRotation({ ...base, people: [person('a', 1), person('a', 2)] })).toThrow(/twice/);
    expect(() => scheduleRotation({ ...base, chores: [chore('m', Number.NaN)] })).toThrow(/weekly hours/);
    expect(() => scheduleRotation({ ...base, maxSlotHours: 0 })).toThrow(/slot/);
    expect(() => scheduleRotation({ ...base, band: { centre: 10, tolerance: -1 } })).toThrow(/band/);
  });

  it('keeps a large organization (2,000 people, 10 chores, a quarter) within one slot', () => {
    const people = Array.from({ length: 2000 }, (_, i) => person(`p${String(i).padStart(4, '0')}`, [40, 37.5, 20, 0, 30][i % 5]));
    const chores = Array.from({ length: 10 }, (_, j) => chore(`c${j}`, [1, 2, 3.5, 6, 0.5][j % 5], 2, j % 3 === 0 ? people.filter((_, i) => i % 7 === j % 7).map((p) => p.id) : undefined));
    const r = scheduleRotation({ people, chores });
    for (const p of r.perPerson) expect(Math.abs(p.difference)).toBeLessThanOrEqual(r.largestSlot + 1e-9);
    expect(r.slots.reduce((s, x) => s + x.hours, 0)).toBeCloseTo(13 * chores.reduce((s, c) => s + c.weeklyHours, 0), 9);
    expect(r.repeats).toBe(0);
  });
});

describe('rotationGrid', () => {
  it('gives a weeks × people grid of chore names with quarter totals', () => {
    const r = scheduleRotation({ weeks: 3, people: [person('a', 40), person('b', 40)], chores: [chore('big', 6), chore('mop', 1)] });
    const g = rotationGrid(r);
    expect(g.header).toEqual(['Week', 'A', 'B']);
    expect(g.rows.map((row) => row[0])).toEqual([1, 2, 3]);
    expect(g.rows.every((row) => row.length === 3)).toBe(true);
    // Every slot appears in its cell; the totals are the chore hours.
    for (const s of r.slots) expect(String(g.rows[s.week - 1][s.personId === 'a' ? 1 : 2])).toContain(s.taskId === 'big' ? 'Chore big' : 'Chore mop');
    expect(g.totals).toEqual(r.perPerson.map((p) => p.choreHours));
    expect(g.totals.reduce((s, x) => s + x, 0)).toBeCloseTo(21, 12);
    const lone = rotationGrid(scheduleRotation({ weeks: 1, people: [person('a', 40)], chores: [chore('big', 6)] }));
    expect(lone.rows).toEqual([[1, 'Chore big ×2']]);
  });
});

describe('rotationInputFromOrganization', () => {
  it('rotates the chores of an allocation: qualifications limit who may take them, locked hours stay, D on the project scale', () => {
    const o = makeOrg(
      [orgPerson('ann', ['Licence']), orgPerson('bo'), orgPerson('cy', ['licence'])],
      [{ ...task('plan', 18, 16), chore: false }, { ...task('mop', 3, 2), chore: true }, { ...task('van', 4, 5, ['licence']), chore: true }, { ...task('misc', 5, null), chore: false }],
      [work('ann', 'plan', 30), work('ann', 'mop', 2, true), work('bo', 'mop', 4), work('bo', 'misc', 36), work('cy', 'van', 6), work('cy', 'plan', 34)],
    );
    const input = rotationInputFromOrganization(o, { weeks: 4 });
    expect(input.weeks).toBe(4);
    // mop: only bo's 4 unlocked hours rotate; van needs the licence (case-insensitive): ann and cy.
    expect(input.chores).toEqual([
      { taskId: 'mop', name: 'mop', weeklyHours: 4, desirability: 2, eligible: ['ann', 'bo', 'cy'] },
      { taskId: 'van', name: 'van', weeklyHours: 6, desirability: 5, eligible: ['ann', 'cy'] },
    ]);
    // Ann's locked 2 h of mopping stay in her job without chores; Bo's misc is unrated, so only rated hours count for D.
    expect(input.people).toEqual([
      { id: 'ann', name: 'ann', weeklyHours: 32, nonChore: { hours: 32, dHours: 30 * 16 + 2 * 2 } },
      { id: 'bo', name: 'bo', weeklyHours: 40, nonChore: { hours: 0, dHours: 0 } },
      { id: 'cy', name: 'cy', weeklyHours: 40, nonChore: { hours: 34, dHours: 34 * 16 } },
    ]);
    const r = scheduleRotation(input);
    expect(brokenInvariants(input, r)).toEqual([]);
    expect(r.slots.filter((x) => x.taskId === 'van').every((x) => x.personId !== 'bo')).toBe(true);
    // Bo's job is only the rated mop slots he holds, so his D is the mop's 2 (null if he held none).
    const bo = r.quarterlyD.find((q) => q.personId === 'bo')!;
    expect(bo.d === null || bo.d === 2).toBe(true);
    // A proposal's allocation replaces the jobs, but never the locked cells.
    const moved = rotationInputFromOrganization(o, { allocation: [work('ann', 'plan', 30), work('ann', 'mop', 0), work('bo', 'misc', 40), work('cy', 'mop', 4), work('cy', 'van', 6), work('cy', 'plan', 30)] });
    expect(moved.chores.map((c) => c.weeklyHours)).toEqual([4, 6]);
    expect(moved.people.map((p) => p.weeklyHours)).toEqual([32, 40, 40]);
    expect(rotationInputFromOrganization(o, { choreIds: ['plan'] }).chores.map((c) => [c.taskId, c.weeklyHours])).toEqual([['plan', 64]]);
  });
});
