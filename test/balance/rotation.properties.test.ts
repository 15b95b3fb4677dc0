/**
 * Property tests (fast-check) for the chore rotation on random small organizations (1–30 people with
 * 0–40 h, 1–10 chores of 0.5–12 h, some restricted to a few people, 1–26 weeks): every person within
 * one slot of their fair share, every slot handed out once to an eligible person, hours exact,
 * repeats only when forced, the same rotation whatever the input order.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scheduleRotation, type RotationInput } from '../../renderer/src/engine/rotation';
import { brokenInvariants } from './rotation.helpers';

const RUNS = Number(process.env.ROT_RUNS ?? 300);

const genInput: fc.Arbitrary<RotationInput> = fc
  .record({
    people: fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 6, arbitrary: fc.integer({ min: 1, max: 80 }) }), { minLength: 1, maxLength: 30 }),
    chores: fc.array(
      fc.record({
        halves: fc.integer({ min: 1, max: 24 }),
        odd: fc.boolean(),
        d: fc.integer({ min: 1, max: 20 }),
        eligible: fc.option(fc.array(fc.nat(), { maxLength: 6 }), { nil: undefined, freq: 2 }),
      }),
      { minLength: 1, maxLength: 10 },
    ),
    weeks: fc.integer({ min: 1, max: 26 }),
  })
  .map(({ people, chores, weeks }) => ({
    weeks,
    people: people.map((halves, i) => ({ id: `p${String(i).padStart(2, '0')}`, name: `Person ${i}`, weeklyHours: halves / 2, nonChore: { hours: halves / 4, dHours: (halves / 4) * 10 } })),
    chores: chores.map((c, j) => ({
      taskId: `c${j}`,
      name: `Chore ${j}`,
      // Some hours off the half-hour grid (×1.1) so slot sizes like 3.3 h and 4.4 h / 2 occur.
      weeklyHours: c.odd ? (c.halves / 2) * 1.1 : c.halves / 2,
      desirability: c.d,
      eligible: c.eligible?.map((n) => `p${String(n % people.length).padStart(2, '0')}`),
    })),
  }));

/** Same people and chores in another order (reversed), to check order independence. */
function reversed(input: RotationInput): RotationInput {
  return { ...input, people: [...input.people].reverse(), chores: [...input.chores].reverse().map((c) => ({ ...c, eligible: c.eligible && [...c.eligible].reverse() })) };
}

describe('chore rotation properties', () => {
  it('keeps every person within one slot of their fair share, hands every slot out once, counts repeats right', () => {
    fc.assert(
      fc.property(genInput, (input) => {
        const r = scheduleRotation(input);
        expect(brokenInvariants(input, r)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('repeats a one-slot chore exactly as often as its shares force (the fewest possible), and never fewer than forced', () => {
    fc.assert(
      fc.property(genInput, (input) => {
        const r = scheduleRotation(input);
        for (const c of r.chores) {
          if (c.slotsPerWeek === 1) expect(c.repeats, c.name).toBe(c.forcedRepeats);
          else expect(c.repeats, c.name).toBeGreaterThanOrEqual(c.forcedRepeats);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('has zero repeats when every chore has two or more eligible people of equal hours and fits one slot', () => {
    const equalPools = fc.record({ people: fc.integer({ min: 2, max: 30 }), chores: fc.array(fc.record({ halves: fc.integer({ min: 1, max: 8 }), pool: fc.integer({ min: 2, max: 30 }), start: fc.nat() }), { minLength: 1, maxLength: 10 }), weeks: fc.integer({ min: 1, max: 26 }), hours: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(equalPools, ({ people, chores, weeks, hours }) => {
        const ids = Array.from({ length: people }, (_, i) => `p${String(i).padStart(2, '0')}`);
        const input: RotationInput = {
          weeks,
          people: ids.map((id) => ({ id, name: id, weeklyHours: hours })),
          chores: chores.map((c, j) => ({ taskId: `c${j}`, name: `Chore ${j}`, weeklyHours: c.halves / 2, desirability: 5, eligible: Array.from({ length: Math.min(c.pool, people) }, (_, k) => ids[(c.start + k) % people]) })),
        };
        const r = scheduleRotation(input);
        expect(r.repeats).toBe(0);
        expect(r.unavoidableRepeats).toBe(false);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same rotation for the same input, in any order', () => {
    fc.assert(
      fc.property(genInput, (input) => {
        const r = scheduleRotation(input);
        expect(scheduleRotation(input)).toEqual(r);
        expect(scheduleRotation(reversed(input))).toEqual(r);
      }),
      { numRuns: 100 },
    );
  });
});
