// Shared pieces of the synthetic organizations the benchmarks generate (bench/generate-workbook.mjs,
// bench/lib/propose-org.mjs): the seeded PRNG, a realistic set of departments and roles (with
// seniority, so senior roles get empowering work), the task pool, weighted sampling and the split of
// a week into half-hours. Each generator draws from the PRNG in the same order as before these were
// shared, so a size still gives the same rows and the same organization.
import { mulberry32 } from '../../scripts/prng.mjs';

export { mulberry32 };

export const DEPARTMENTS = [
  'Operations', 'Finance', 'Sales', 'Engineering', 'Customer Support', 'Marketing', 'People', 'Facilities',
];

// [role, department index, seniority 0–1, relative headcount weight]
export const ROLES = [
  ['Operations Director', 0, 0.95, 1], ['Operations Manager', 0, 0.75, 3], ['Logistics Coordinator', 0, 0.45, 6], ['Warehouse Associate', 0, 0.15, 14],
  ['Finance Director', 1, 0.95, 1], ['Accountant', 1, 0.6, 4], ['Accounts Clerk', 1, 0.25, 5],
  ['Sales Director', 2, 0.95, 1], ['Account Executive', 2, 0.6, 6], ['Sales Representative', 2, 0.35, 9], ['Sales Assistant', 2, 0.15, 4],
  ['Chief Technology Officer', 3, 1.0, 1], ['Engineering Manager', 3, 0.8, 2], ['Senior Engineer', 3, 0.65, 5], ['Software Engineer', 3, 0.5, 8], ['QA Technician', 3, 0.3, 4],
  ['Support Manager', 4, 0.7, 1], ['Support Team Lead', 4, 0.5, 3], ['Support Agent', 4, 0.2, 14],
  ['Marketing Director', 5, 0.9, 1], ['Content Strategist', 5, 0.55, 3], ['Marketing Coordinator', 5, 0.35, 4], ['Graphic Designer', 5, 0.45, 2],
  ['HR Director', 6, 0.9, 1], ['HR Business Partner', 6, 0.6, 2], ['Recruiter', 6, 0.4, 3], ['HR Administrator', 6, 0.2, 2],
  ['Facilities Manager', 7, 0.7, 1], ['Maintenance Technician', 7, 0.25, 4], ['Cleaner', 7, 0.05, 6],
];

export const TASK_POOL_SIZE = 250;
/** The first SHARED_TASKS of the pool are done in every department; the rest are split among them. */
export const SHARED_TASKS = 30;

/** Fisher–Yates in place; returns `array`. */
export function shuffle(array, rand) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}

/**
 * The task pool: TASK_POOL_SIZE names drawn from verb × object, each with integer Empowerment and
 * Desirability ratings 1–20 and the index of the department that owns it (null = shared).
 */
export function taskPool(verbs, objects, rand) {
  const combos = [];
  for (const v of verbs) for (const o of objects) combos.push(`${v} ${o}`);
  return shuffle(combos, rand)
    .slice(0, TASK_POOL_SIZE)
    .map((name, i) => ({
      name,
      empowerment: 1 + Math.floor(rand() * 20),
      desirability: 1 + Math.floor(rand() * 20),
      department: i < SHARED_TASKS ? null : (i - SHARED_TASKS) % DEPARTMENTS.length,
    }));
}

/** How much a person of `seniority` (0–1) leans to a task rated `empowerment` (1–20): peaks where they match. */
export const affinity = (empowerment, seniority) => 0.15 + Math.exp(-(((empowerment - 1) / 19 - seniority) ** 2) / 0.08);

/** k distinct indices into `weights`, each drawn with probability ∝ its weight, without replacement. */
export function weightedSample(weights, k, rand) {
  const w = weights.slice();
  const picked = [];
  let total = w.reduce((s, x) => s + x, 0);
  for (let n = 0; n < k && total > 0; n++) {
    let r = rand() * total;
    let i = 0;
    while (i < w.length - 1 && (r -= w[i]) >= 0) i++;
    while (w[i] === 0) i--; // float edge: never land on an already-picked item
    picked.push(i);
    total -= w[i];
    w[i] = 0;
  }
  return picked;
}

/** Splits `units` half-hours into k amounts of at least one half-hour, random proportions, exact sum. */
export function splitHalfHours(units, k, rand) {
  const weights = Array.from({ length: k }, () => 0.25 + rand());
  const sum = weights.reduce((s, x) => s + x, 0);
  const free = units - k;
  const exact = weights.map((x) => (x / sum) * free);
  const base = exact.map(Math.floor);
  let left = free - base.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; left > 0; j++, left--) base[order[j][1]]++;
  return base.map((u) => u + 1);
}
