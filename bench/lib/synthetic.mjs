// Shared pieces of the synthetic organizations the benchmarks generate: a seeded PRNG and a
// realistic set of departments and roles (with seniority, so senior roles get empowering work).
/** mulberry32: small, fast, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
