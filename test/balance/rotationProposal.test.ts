// Chores rotating inside a proposal (engine/rotation/withRotation.ts + propose's personHours): totals exact, every job's band counts its rotated chores.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { propose } from '../../renderer/src/engine/balance/propose';
import type { Highs } from '../../renderer/src/engine/balance/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { rotateChores } from '../../renderer/src/engine/rotation/withRotation';
import { hoursOf, violations } from '../helpers/balance-check';
import { org, person, task, work } from '../helpers/balance-orgs';
import { getHighs } from '../helpers/balance-run';

let highs: Highs;
beforeAll(async () => {
  highs = await getHighs();
});

const chore = (id: string, e: number, d: number) => ({ ...task(id, e, d), chore: true });

/** A director, two organizers and a custodian who does all the cleaning. */
function office(): Organization {
  return org(
    [person('dir', [], 'Director'), person('org1', [], 'Organizer A'), person('org2', [], 'Organizer B'), person('cus', [], 'Custodian')],
    [task('plan', 18, 14), task('outreach', 10, 11), task('files', 5, 7), chore('clean', 2, 3), chore('trash', 1, 2)],
    [
      work('dir', 'plan', 40),
      work('org1', 'outreach', 30), work('org1', 'files', 10),
      work('org2', 'outreach', 20), work('org2', 'files', 20),
      work('cus', 'clean', 30), work('cus', 'trash', 10),
    ],
  );
}

describe('rotating chores in a proposal', () => {
  it('gives each person their quarterly share of the chores and keeps every total and band exact', () => {
    const o = office();
    const r = rotateChores(o, { weeks: 13 });
    if (!r || 'error' in r) throw new Error('expected a rotation');
    expect(r.choreIds.sort()).toEqual(['clean', 'trash']);
    const p = propose(r.org, highs, { tolerance: 2, desirability: true, personHours: r.personHours, skipOptions: true });
    expect(p.status).toBe('optimal');
    // The rotated organization and the original give the same answer to every check: totals, band on E and D.
    expect(violations(o, p.allocation, { tolerance: 2, desirability: true, hoursSlack: 1e-9 })).toEqual([]);
    const after = hoursOf(p.allocation);
    const choreHours = (id: string) => (after.get(id)?.get('clean') ?? 0) + (after.get(id)?.get('trash') ?? 0);
    // 40 chore hours a week over 160: everyone, 40 h a week, does about 10 (within one slot, 4 h, over the quarter).
    for (const id of ['dir', 'org1', 'org2', 'cus']) expect(Math.abs(choreHours(id) * 13 - 130), id).toBeLessThanOrEqual(4 + 1e-9);
    for (const s of r.rotation.perPerson) expect(choreHours(s.personId) * 13).toBeCloseTo(s.choreHours, 9);
  });

  it('without the rotation the same band is reached by splitting chores, and the rotation changes who cleans', () => {
    const o = office();
    const plain = propose(o, highs, { tolerance: 2, desirability: true, skipOptions: true });
    expect(plain.status).toBe('optimal');
    const cleaners = new Set(plain.allocation.filter((a) => a.taskId === 'clean' && a.hours > 1e-9).map((a) => a.personId));
    const r = rotateChores(o) as Exclude<ReturnType<typeof rotateChores>, null | { error: string }>;
    const rotated = propose(r.org, highs, { tolerance: 2, desirability: true, personHours: r.personHours, skipOptions: true });
    const rotatedCleaners = new Set(rotated.allocation.filter((a) => a.taskId === 'clean' && a.hours > 1e-9).map((a) => a.personId));
    expect(rotatedCleaners.size).toBe(4);
    expect(cleaners.size).toBeLessThan(4);
  });

  it('says so when a rotation share cannot fit beside locked work, and rotates nothing without chores', () => {
    const o = office();
    const locked = { ...o, assignments: o.assignments.map((a) => (a.personId === 'dir' ? { ...a, locked: true } : a)) };
    const r = rotateChores(locked);
    expect(r && 'error' in r ? r.error : '').toMatch(/Director/);
    expect(rotateChores({ ...o, tasks: o.tasks.map((t) => ({ ...t, chore: false })) })).toBeNull();
    const lockedChore = { ...o, assignments: o.assignments.map((a) => (a.taskId === 'trash' ? { ...a, locked: true } : a)) };
    const partly = rotateChores(lockedChore);
    if (!partly || 'error' in partly) throw new Error('expected a rotation of the unlocked chore');
    expect(partly.choreIds).toEqual(['clean']);
    expect(partly.kept).toEqual([{ taskId: 'trash', why: 'someone holds it locked' }]);
  });

  it('on random small organizations: whenever a plan is found, totals and bands hold against the original organization', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }),
        fc.array(fc.record({ e: fc.integer({ min: 1, max: 20 }), d: fc.integer({ min: 1, max: 20 }), chore: fc.boolean() }), { minLength: 2, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 36, maxLength: 36 }),
        fc.integer({ min: 1, max: 13 }),
        (n, specs, hours, weeks) => {
          const people = Array.from({ length: n }, (_, i) => person(`p${i}`));
          const tasks = specs.map((s, i) => ({ ...task(`t${i}`, s.e, s.d), chore: s.chore }));
          // Each person works on two tasks (every task done by someone).
          const assignments = people.flatMap((p, i) => [work(p.id, tasks[i % tasks.length].id, hours[i]), work(p.id, tasks[(i + 1) % tasks.length].id, hours[i + n])]);
          for (let t = 0; t < tasks.length; t++) if (!assignments.some((a) => a.taskId === tasks[t].id)) assignments.push(work(people[0].id, tasks[t].id, hours[20 + t]));
          const o = org(people, tasks, assignments);
          const r = rotateChores(o, { weeks });
          if (!r || 'error' in r) return;
          const p = propose(r.org, highs, { tolerance: 3, desirability: true, personHours: r.personHours, skipOptions: true });
          if (p.status !== 'optimal' && p.status !== 'balanced') return;
          expect(violations(o, p.allocation, { tolerance: 3, desirability: true, hoursSlack: 1e-7, bandSlack: 1e-7 })).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
