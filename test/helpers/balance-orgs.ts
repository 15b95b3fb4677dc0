/**
 * Organizations for the optimizer tests: a seeded random generator (small organizations with
 * integer ratings on 1–20, qualifications, requirements, locks, unrated tasks and identical
 * people/tasks so the aggregation has something to merge) and terse builders for hand-made cases.
 * Nothing here imports the engine: only its types.
 */
import type { Assignment, Organization, Person, Task } from '../../renderer/src/engine/model/types';
import { mulberry32 as prng } from '../../scripts/prng.mjs';

export const SCALE = { min: 1, max: 20 } as const;
export const RANGE = SCALE.max - SCALE.min;

/** mulberry32: a small deterministic PRNG (uniform in [0, 1)), shared with the scripts and benchmarks. */
export { prng };

export function person(id: string, qualifications: string[] = [], name = id): Person {
  return { id, name, role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications };
}

/** A task rated in points on 1–20 (null = unrated), stored normalized 0–1 as the engine expects. */
export function task(id: string, e: number | null, d: number | null = 10, requires: string[] = [], name = id): Task {
  return {
    id,
    name,
    empowerment: e === null ? null : (e - SCALE.min) / RANGE,
    desirability: d === null ? null : (d - SCALE.min) / RANGE,
    empowermentFactors: {},
    desirabilityFactors: {},
    source: e === null ? 'unrated' : 'file',
    reason: null,
    requires,
    chore: false,
  };
}

export function work(personId: string, taskId: string, hours: number, locked = false): Assignment {
  return { personId, taskId, hours, locked };
}

export function org(people: Person[], tasks: Task[], assignments: Assignment[]): Organization {
  return { people, tasks, assignments, scale: { ...SCALE }, hoursPerFte: 40 };
}

export interface GenOptions {
  minPeople?: number;
  maxPeople?: number;
  minTasks?: number;
  maxTasks?: number;
  /** Probability that a task requires a qualification (default 0.25). */
  requireRate?: number;
  /** Probability that an assignment is locked (default 0.08). */
  lockRate?: number;
  /** Probability that a task has no empowerment rating (default 0.08); D is missing at the same rate. */
  unratedRate?: number;
  /** Hours are whole multiples of this (default 0.25 h); 0 = any value with two decimals. */
  hoursStep?: number;
}

const QUALS = ['cdl', 'finance', 'legal'];
/** The same qualification as people and spreadsheets write it. */
const SPELLINGS: Record<string, string[]> = { cdl: ['cdl', 'CDL'], finance: ['finance', 'Finance ', ' FINANCE'], legal: ['legal', 'Legal'] };

/**
 * A random organization: 3–12 people, 4–15 tasks, integer ratings on 1–20 (some repeated so tasks
 * share a class), 1–4 tasks per person with random hours, some people cloned (same tasks, hours
 * and qualifications), some requirements, qualifications, locks and unrated tasks.
 */
export function randomOrg(seed: number, o: GenOptions = {}): Organization {
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const nPeople = int(o.minPeople ?? 3, o.maxPeople ?? 12);
  const nTasks = int(o.minTasks ?? 4, o.maxTasks ?? 15);
  const requireRate = o.requireRate ?? 0.25;
  const lockRate = o.lockRate ?? 0.08;
  const unratedRate = o.unratedRate ?? 0.08;
  const step = o.hoursStep ?? 0.25;

  const tasks: Task[] = [];
  for (let i = 0; i < nTasks; i++) {
    const prev = tasks.length && rnd() < 0.3 ? pick(tasks) : null;
    let e: number | null = prev && prev.empowerment !== null ? Math.round(prev.empowerment * RANGE + SCALE.min) : int(1, 20);
    let d: number | null = prev && prev.desirability !== null ? Math.round(prev.desirability * RANGE + SCALE.min) : int(1, 20);
    if (rnd() < unratedRate) e = null;
    if (rnd() < unratedRate) d = null;
    const requires = rnd() < requireRate ? [pick(SPELLINGS[pick(QUALS)])] : [];
    if (requires.length && rnd() < 0.2) requires.push(pick(SPELLINGS[pick(QUALS)]));
    tasks.push(task(`t${i}`, e, d, requires, `Task ${i}`));
  }

  const hours = () => {
    if (step > 0) return step * int(Math.ceil(1 / step), Math.floor(20 / step));
    return Math.round((0.5 + rnd() * 19.5) * 100) / 100;
  };
  const people: Person[] = [];
  const assignments: Assignment[] = [];
  for (let i = 0; i < nPeople; i++) {
    const id = `p${i}`;
    const clone = people.length && rnd() < 0.2 ? pick(people) : null;
    if (clone) {
      people.push(person(id, [...clone.qualifications], `Person ${i}`));
      for (const a of assignments.filter((x) => x.personId === clone.id)) assignments.push({ ...a, personId: id });
      continue;
    }
    const quals = QUALS.filter(() => rnd() < 0.4).map((q) => pick(SPELLINGS[q]));
    people.push(person(id, quals, `Person ${i}`));
    if (rnd() < 0.05) continue; // someone with no hours at all
    const k = int(1, Math.min(4, nTasks));
    const mine = new Set<number>();
    while (mine.size < k) mine.add(int(0, nTasks - 1));
    for (const t of mine) assignments.push(work(id, `t${t}`, hours(), rnd() < lockRate));
  }
  return org(people, tasks, assignments);
}

/** The tolerances (points on 1–20) the random tests draw from. */
export const TOLERANCES = [0.25, 0.5, 1, 2, 3, 6] as const;
