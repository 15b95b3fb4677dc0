// Small organizations for the hand-computed metric tests (ratings normalized 0–1, scale 1–20).
import fc from 'fast-check';
import { computeMetrics, type Metrics } from '../../renderer/src/engine/analysis/metrics';
import { scorePeople } from '../../renderer/src/engine/analysis/jobScores';
import type { Organization, Person, Scale, Task } from '../../renderer/src/engine/model/types';

export const S20: Scale = { min: 1, max: 20 };
export const D = 9; // digits for toBeCloseTo: |x − y| < 0.5e-9

/** Normalized rating of a point value on 1–20. */
export const pt = (p: number): number => (p - 1) / 19;

export interface TaskSpec { name: string; e: number | null; d?: number | null }
export interface PersonSpec {
  name: string;
  role?: string | null;
  dept?: string | null;
  annualPay?: number | null;
  hourlyRate?: number | null;
  /** [task name, hours per week] */
  work: [string, number][];
}

export function person(s: PersonSpec): Person {
  return {
    id: s.name.toLowerCase(), name: s.name, role: s.role ?? null, department: s.dept ?? null, fte: null, contractHours: null,
    annualPay: s.annualPay ?? null, hourlyRate: s.hourlyRate ?? null, qualifications: [],
  };
}

export function task(s: TaskSpec): Task {
  const rated = s.e !== null || (s.d ?? null) !== null;
  return {
    id: s.name.toLowerCase(), name: s.name, empowerment: s.e, desirability: s.d ?? null, empowermentFactors: {}, desirabilityFactors: {},
    source: rated ? 'file' : 'unrated', reason: null, requires: [], chore: false,
  };
}

export function org(tasks: TaskSpec[], people: PersonSpec[], scale: Scale = S20): Organization {
  return {
    people: people.map(person),
    tasks: tasks.map(task),
    assignments: people.flatMap((p) => p.work.map(([t, hours]) => ({ personId: p.name.toLowerCase(), taskId: t.toLowerCase(), hours, locked: false }))),
    scale,
    hoursPerFte: 40,
  };
}

export function metricsOf(o: Organization, tolerance?: number): Metrics {
  return computeMetrics(o, scorePeople(o), tolerance);
}


/** A generated organization for property tests: tasks with point ratings (or none) and a source, people with work and pay. */
export interface GenOrg {
  tasks: { e: number | null; d: number | null; suggested: boolean }[];
  people: { dept: number; role: number; rate: number | null; work: { task: number; halves: number }[] }[];
}

const DEPTS = ['Leadership', 'Programs', 'Operations'];
const ROLES = ['Director', 'Organizer', 'Clerk', 'Caretaker'];

/**
 * Organizations with ratings in points on [lo, hi] (integers), up to `maxPeople` people, 1–8 tasks, hours
 * in half hours, optional hourly pay, some tasks rated by suggestion.
 */
export function genOrg(lo = 1, hi = 20, maxPeople = 40): fc.Arbitrary<GenOrg> {
  const rating = fc.option(fc.integer({ min: lo, max: hi }), { nil: null, freq: 6 });
  return fc.record({
    tasks: fc.array(fc.record({ e: rating, d: rating, suggested: fc.boolean() }), { minLength: 1, maxLength: 8 }),
    people: fc.array(
      fc.record({
        dept: fc.integer({ min: 0, max: 2 }),
        role: fc.integer({ min: 0, max: 3 }),
        rate: fc.option(fc.integer({ min: 12, max: 80 }), { nil: null, freq: 3 }),
        work: fc.array(fc.record({ task: fc.nat(), halves: fc.integer({ min: 0, max: 60 }) }), { maxLength: 4 }),
      }),
      { minLength: 1, maxLength: maxPeople },
    ),
  });
}

/** The organization of a generated spec on `scale`, every rating shifted by `shift` points. */
export function buildGen(g: GenOrg, scale: Scale = S20, shift = 0): Organization {
  const norm = (p: number | null) => (p === null ? null : (p + shift - scale.min) / (scale.max - scale.min));
  return {
    people: g.people.map((p, i) => ({
      id: `p${i}`, name: `Person ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? String.fromCharCode(65 + Math.floor(i / 26)) : ''}`,
      role: ROLES[p.role], department: DEPTS[p.dept], fte: null, contractHours: null, annualPay: null, hourlyRate: p.rate, qualifications: [],
    })),
    tasks: g.tasks.map((t, i) => ({
      id: `t${i}`, name: `Task ${i}`, empowerment: norm(t.e), desirability: norm(t.d), empowermentFactors: {}, desirabilityFactors: {},
      source: t.e === null && t.d === null ? 'unrated' : t.suggested ? 'suggested' : 'file', reason: null, requires: [], chore: false,
    })),
    assignments: g.people.flatMap((p, i) => p.work.map((w) => ({ personId: `p${i}`, taskId: `t${w.task % g.tasks.length}`, hours: w.halves / 2, locked: false }))),
    scale,
    hoursPerFte: 40,
  };
}
