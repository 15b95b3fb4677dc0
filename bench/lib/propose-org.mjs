// Deterministic generator of Organization objects (renderer/src/engine/model/types.ts) for the
// rebalancing benchmark (bench/propose.mjs). No workbook: the organization is built in memory, so
// the benchmark times the optimizer and nothing else.
//
//   generateOrganization(people) → { org, summary }
//
// Shape (same spirit as bench/generate-workbook.mjs, but 6–14 tasks a person):
//   - 8 departments, 30 roles (each in one department) with realistic headcount weights and a
//     seniority 0–1;
//   - a pool of 250 distinct tasks — 30 shared by every department, 220 split among them — each with
//     integer Empowerment and Desirability ratings 1–20 (normalized 0–1 on the scale {min: 1, max: 20});
//   - each person does 6–14 distinct tasks (2–4 shared ones, the rest from their department); senior
//     roles lean towards empowering tasks, so jobs spread well beyond the tolerance and rebalancing
//     has real work to do;
//   - hours in half-hour steps, at least one half-hour per task, adding up to 20–45 h a week;
//   - every job is different: no two people have the same tasks with the same hours (a collision is
//     re-drawn), so the optimizer cannot merge people into groups — the worst case for aggregation;
//   - no qualifications, no locks, no unrated tasks.
// Everything comes from a seeded PRNG (mulberry32), so a size always gives the same organization.

import { affinity, DEPARTMENTS, mulberry32, ROLES, splitHalfHours, taskPool, weightedSample } from './synthetic.mjs';

export const GENERATOR_VERSION = 1;
const SEED = 20250404;
export const SCALE = { min: 1, max: 20 };


const VERBS = [
  'Review', 'Prepare', 'Plan', 'Update', 'Process', 'Approve', 'Draft', 'Schedule', 'Audit', 'Coordinate',
  'Negotiate', 'Clean', 'Inspect', 'File', 'Design', 'Analyse', 'Present', 'Train staff on', 'Restock', 'Reconcile',
];
const OBJECTS = [
  'invoices', 'purchase orders', 'quarterly forecast', 'shipping labels', 'supplier contracts', 'customer tickets',
  'release notes', 'payroll', 'job postings', 'meeting rooms', 'break room', 'inventory counts', 'sales pipeline',
  'marketing calendar', 'product roadmap', 'expense claims', 'safety checklist', 'onboarding packs', 'server alerts',
  'bug reports', 'code reviews', 'brand guidelines', 'newsletter', 'trade show booth', 'vendor quotes', 'floor plans',
  'training materials', 'performance reviews', 'travel bookings', 'delivery routes',
];

const normalize = (points) => (points - SCALE.min) / (SCALE.max - SCALE.min);

/**
 * The organization for `people` people.
 * @param {number} people
 * @param {number} [seed] another seed gives another organization (bench/merge.mjs merges two)
 * @returns {{ org: import('../../renderer/src/engine/model/types').Organization, summary: object }}
 */
export function generateOrganization(people, seed = SEED) {
  if (!Number.isInteger(people) || people < 1) throw new Error(`people must be a positive integer, got ${people}`);
  const rand = mulberry32(seed);

  const pool = taskPool(VERBS, OBJECTS, rand).map(({ name, empowerment, desirability, department }) => ({ name, id: name.toLowerCase(), e: empowerment, d: desirability, department }));
  const shared = pool.filter((t) => t.department === null);
  const byDept = DEPARTMENTS.map((_, d) => pool.filter((t) => t.department === d));
  const roleWeights = ROLES.map((r) => r[3]);

  const tasks = pool.map((t) => ({
    id: t.id,
    name: t.name,
    empowerment: normalize(t.e),
    desirability: normalize(t.d),
    empowermentFactors: {},
    desirabilityFactors: {},
    source: 'file',
    reason: null,
    requires: [],
    chore: false,
  }));

  const persons = [];
  const assignments = [];
  const jobs = new Set();
  let redraws = 0;
  let hoursTotal = 0;
  for (let p = 0; p < people; p++) {
    const [role, dept, seniority] = ROLES[weightedSample(roleWeights, 1, rand)[0]];
    // Seniority pulls towards empowering tasks: weight peaks where the task's empowerment matches it.
    const weight = (t) => affinity(t.e, seniority);
    let chosen;
    let halfHours;
    for (;;) {
      const k = 6 + Math.floor(rand() * 9); // 6–14 tasks
      const fromShared = 2 + Math.floor(rand() * 3); // 2–4 shared tasks, the rest from the department
      const own = byDept[dept];
      chosen = [
        ...weightedSample(own.map(weight), k - fromShared, rand).map((i) => own[i]),
        ...weightedSample(shared.map(weight), fromShared, rand).map((i) => shared[i]),
      ];
      const units = 40 + Math.floor(rand() * 51); // 20–45 h in half-hours
      halfHours = splitHalfHours(units, chosen.length, rand);
      const job = chosen.map((t, i) => `${t.id}\u0000${halfHours[i]}`).sort().join('\u0001');
      if (!jobs.has(job)) {
        jobs.add(job);
        break;
      }
      redraws++;
    }
    const id = `p${String(p + 1).padStart(5, '0')}`;
    persons.push({
      id,
      name: `Person ${p + 1}`,
      role,
      department: DEPARTMENTS[dept],
      fte: null,
      contractHours: null,
      annualPay: null,
      hourlyRate: null,
      qualifications: [],
    });
    chosen.forEach((t, i) => {
      assignments.push({ personId: id, taskId: t.id, hours: halfHours[i] / 2, locked: false });
      hoursTotal += halfHours[i] / 2;
    });
  }

  const used = new Set(assignments.map((a) => a.taskId));
  const org = { people: persons, tasks, assignments, scale: { ...SCALE }, hoursPerFte: 40 };
  return {
    org,
    summary: {
      people,
      assignments: assignments.length,
      taskPool: tasks.length,
      tasksUsed: used.size,
      distinctE: new Set(pool.filter((t) => used.has(t.id)).map((t) => t.e)).size,
      distinctED: new Set(pool.filter((t) => used.has(t.id)).map((t) => `${t.e},${t.d}`)).size,
      meanHours: hoursTotal / people,
      meanTasks: assignments.length / people,
      distinctJobs: jobs.size,
      redraws,
      generatorVersion: GENERATOR_VERSION,
    },
  };
}
