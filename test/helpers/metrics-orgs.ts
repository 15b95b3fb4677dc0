// Small organizations for the hand-computed metric tests (ratings normalized 0–1, scale 1–20).
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

