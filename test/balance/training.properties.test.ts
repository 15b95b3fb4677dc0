/**
 * Properties of the training module on random small organizations (fast-check): trainingNeeds lists
 * exactly the pairs an independent recomputation finds (new task, E more than the threshold above
 * the person's hours-weighted job score), with the default training hours and the current doers
 * most hours first; qualificationGaps adds up the hours given to people new to a family; and
 * qualifyFromCurrent leaves its input untouched and lets the optimizer's model give new hours of a
 * flagged task to its current doers only.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../renderer/src/engine/balance/model';
import type { Organization } from '../../renderer/src/engine/model/types';
import { qualificationFamiliesOf, qualificationGaps, qualifyFromCurrent, trainingNeeds, type HoursRow } from '../../renderer/src/engine/training';
import { org, person, task } from '../helpers/balance-orgs';

const NAMES = [
  'Hire and supervise staff', 'Budget decisions', 'Payroll processing', 'Bank reconciliation', 'Drive the van', 'Train volunteers',
  'Strategic planning', 'Clean offices', 'Answer phones', 'Door-to-door canvassing', 'Grant writing', 'Tenant meetings',
];

interface Gen {
  o: Organization;
  after: HoursRow[];
}

const half = fc.integer({ min: 1, max: 24 }).map((k) => k / 2);
const cells = (nPeople: number, nTasks: number) =>
  fc.array(fc.record({ p: fc.nat({ max: nPeople - 1 }), t: fc.nat({ max: nTasks - 1 }), h: half }), { maxLength: 14 });

const genOrg: fc.Arbitrary<Gen> = fc
  .record({
    names: fc.uniqueArray(fc.nat({ max: NAMES.length - 1 }), { minLength: 2, maxLength: 8 }),
    people: fc.integer({ min: 2, max: 6 }),
  })
  .chain(({ names, people }) =>
    fc.record({
      names: fc.constant(names),
      people: fc.constant(people),
      ratings: fc.array(fc.option(fc.integer({ min: 1, max: 20 }), { nil: null, freq: 6 }), { minLength: names.length, maxLength: names.length }),
      before: cells(people, names.length),
      after: cells(people, names.length),
    }),
  )
  .map(({ names, people, ratings, before, after }) => {
    const tasks = names.map((n, i) => task(`t${i}`, ratings[i], 10, [], NAMES[n]));
    const ps = Array.from({ length: people }, (_, i) => person(`p${i}`, [], `Person ${i}`));
    const row = (c: { p: number; t: number; h: number }) => ({ personId: `p${c.p}`, taskId: `t${c.t}`, hours: c.h });
    return { o: org(ps, tasks, before.map((c) => ({ ...row(c), locked: false }))), after: after.map(row) };
  });

/** Sums rows per person and task (the oracle's own, not the module's). */
function sums(rows: readonly HoursRow[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of rows) m.set(`${r.personId}|${r.taskId}`, (m.get(`${r.personId}|${r.taskId}`) ?? 0) + r.hours);
  return m;
}

const pts = (o: Organization, x: number) => o.scale.min + x * (o.scale.max - o.scale.min);

describe('trainingNeeds on random organizations', () => {
  it('lists exactly the new pairs more than the threshold above the person’s job score, with default hours and trainers', () => {
    fc.assert(
      fc.property(genOrg, fc.constantFrom(0.5, 0.95, 2), ({ o, after }, tolerance) => {
        const was = sums(o.assignments);
        const now = sums(after);
        const want: string[] = [];
        for (const p of o.people) {
          let mass = 0;
          let rated = 0;
          for (const t of o.tasks) {
            const h = was.get(`${p.id}|${t.id}`) ?? 0;
            if (t.empowerment !== null) (mass += h * pts(o, t.empowerment)), (rated += h);
          }
          if (rated === 0) continue;
          for (const t of o.tasks) {
            const k = `${p.id}|${t.id}`;
            if (t.empowerment === null || !((now.get(k) ?? 0) > 0) || (was.get(k) ?? 0) > 0) continue;
            if (pts(o, t.empowerment) - mass / rated > 2 * tolerance + 1e-9) want.push(k);
          }
        }
        const got = trainingNeeds(o, o.assignments, after, { tolerance });
        expect(got.map((n) => `${n.personId}|${n.taskId}`)).toEqual(want);
        for (const n of got) {
          expect(n.weeklyHours).toBe(now.get(`${n.personId}|${n.taskId}`));
          expect(n.trainingHours).toBe(Math.min(24, 4 + 2 * n.weeklyHours));
          const doers = o.people.map((p) => ({ personId: p.id, name: p.name, hours: was.get(`${p.id}|${n.taskId}`) ?? 0 })).filter((d) => d.hours > 0);
          expect(n.trainers).toEqual([...doers].sort((a, b) => b.hours - a.hours));
        }
        // A higher threshold never adds a pair; the plan that changes nothing trains nobody.
        const higher = new Set(trainingNeeds(o, o.assignments, after, { tolerance: tolerance * 2 }).map((n) => `${n.personId}|${n.taskId}`));
        for (const k of higher) expect(want).toContain(k);
        expect(trainingNeeds(o, o.assignments, o.assignments, { tolerance })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('qualificationGaps and qualifyFromCurrent on random organizations', () => {
  it('adds up the hours given to people who did neither the task nor any task of its family', () => {
    fc.assert(
      fc.property(genOrg, ({ o, after }) => {
        const was = sums(o.assignments);
        const now = sums(after);
        const fam = new Map(o.tasks.map((t) => [t.id, qualificationFamiliesOf(t.name).map((f) => f.id)]));
        const r = qualificationGaps(o, o.assignments, after)!;
        expect(r.tasks.map((t) => t.taskId)).toEqual(o.tasks.filter((t) => fam.get(t.id)!.length > 0).map((t) => t.id));
        let total = 0;
        for (const gt of r.tasks) {
          let want = 0;
          for (const p of o.people) {
            const h = now.get(`${p.id}|${gt.taskId}`) ?? 0;
            const similar = o.tasks.some((t) => (was.get(`${p.id}|${t.id}`) ?? 0) > 0 && (t.id === gt.taskId || fam.get(t.id)!.some((f) => gt.families.includes(f))));
            if (!similar) want += h;
          }
          expect(gt.hoursMovedToNewPeople).toBeCloseTo(want, 9);
          total += want;
        }
        expect(r.totalHours).toBeCloseTo(total, 9);
        expect(qualificationGaps(o, o.assignments, o.assignments)!.totalHours).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('qualifyFromCurrent: input untouched; the model lets exactly the current doers take new hours of a flagged task', () => {
    fc.assert(
      fc.property(genOrg, ({ o }) => {
        const copy = structuredClone(o);
        const q = qualifyFromCurrent(o);
        expect(o).toEqual(copy);
        const model = buildModel(q, false);
        const was = sums(o.assignments);
        for (const t of o.tasks) {
          const c = model.classOfTask.get(t.id);
          if (c === undefined) continue; // unrated: not in the model, stays where it is
          const flagged = qualificationFamiliesOf(t.name).length > 0;
          for (const p of o.people) {
            const mayTake = model.groups.find((g) => g.personIds.includes(p.id))!.qualified.includes(c);
            expect(mayTake, `${p.id} / ${t.name}`).toBe(!flagged || (was.get(`${p.id}|${t.id}`) ?? 0) > 0);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
