#!/usr/bin/env node
// Deterministic generator of long-layout benchmark workbooks.
//
//   node bench/generate-workbook.mjs N [N…] [--force]
//
// Writes bench/data/long-<N>.xlsx (skipped when the file already exists, unless
// --force): one sheet "Work" with the header
//   Name | Role | Department | Task | Hours per week | Empowerment | Desirability
// and one row per person × task. Everything comes from a seeded PRNG, so the
// same N always gives the same rows (and the same bytes: no dates are written).
//
// Shape: 8 departments, 30 roles (each in one department), a pool of 250 task
// names (30 shared by every department, 220 split among the departments),
// integer ratings 1–20 fixed per task, 10–14 tasks per person (12 on average),
// hours in half-hour steps adding up to a per-person total of 20–45 h a week.
// Senior roles lean towards highly empowering tasks, so the audit has real
// concentration to find rather than uniform noise.
import * as XLSX from 'xlsx';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { affinity, DEPARTMENTS, mulberry32, ROLES, splitHalfHours, taskPool, weightedSample } from './lib/synthetic.mjs';

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = join(BENCH_DIR, 'data');
export const SHEET_NAME = 'Work';
export const HEADER = ['Name', 'Role', 'Department', 'Task', 'Hours per week', 'Empowerment', 'Desirability'];

/** Bump when the generated content changes, so stale files are easy to spot in results. */
export const GENERATOR_VERSION = 1;
const SEED = 20250101;


const VERBS = [
  'Review', 'Prepare', 'Plan', 'Update', 'Process', 'Approve', 'Draft', 'Schedule', 'Audit', 'Coordinate',
  'Negotiate', 'Clean', 'Inspect', 'File', 'Design', 'Analyse', 'Present', 'Train staff on', 'Restock', 'Reconcile',
  'Answer questions on', 'Archive', 'Test', 'Monitor', 'Budget for',
];
const OBJECTS = [
  'invoices', 'purchase orders', 'quarterly forecast', 'shipping labels', 'supplier contracts', 'customer tickets',
  'release notes', 'payroll', 'job postings', 'meeting rooms', 'break room', 'inventory counts', 'sales pipeline',
  'marketing calendar', 'product roadmap', 'expense claims', 'safety checklist', 'onboarding packs', 'server alerts',
  'bug reports', 'code reviews', 'brand guidelines', 'newsletter', 'trade show booth', 'vendor quotes', 'floor plans',
  'training materials', 'performance reviews', 'travel bookings', 'delivery routes', 'returns', 'tax filings',
  'price lists', 'customer surveys', 'social media posts', 'fire drills', 'loading dock', 'printer supplies',
  'backup tapes', 'board minutes',
];

const FIRST_NAMES = [
  'Ada', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jamal', 'Kira', 'Luca', 'Maya', 'Nia',
  'Omar', 'Priya', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Aiden', 'Bea',
  'Carlos', 'Dana', 'Emil', 'Fatima', 'Gus', 'Hana', 'Ivan', 'June', 'Kofi', 'Lena', 'Milo', 'Noor', 'Oscar', 'Pia',
  'Rafael', 'Sofia', 'Theo', 'Uma', 'Victor', 'Wanda', 'Xavier', 'Yara', 'Zane', 'Amara', 'Bruno', 'Cleo', 'Diego',
  'Esme', 'Felix', 'Gemma', 'Hugo', 'Isla',
];
const LAST_NAMES = [
  'Abbott', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen', 'Kowalski', 'Lopez',
  'Mensah', 'Novak', 'Okafor', 'Patel', 'Quist', 'Rossi', 'Silva', 'Tanaka', 'Usman', 'Varga', 'Weber', 'Xu', 'Yilmaz',
  'Zhang', 'Andersen', 'Brennan', 'Costa', 'Dubois', 'Eriksen', 'Ferreira', 'Gupta', 'Horvat', 'Ivanova', 'Jovanovic',
  'Kim', 'Larsen', 'Moreau', 'Nakamura', 'Olsen', 'Petrov', 'Reyes', 'Schmidt', 'Torres', 'Ueda', 'Vogel', 'Walsh',
  'Young', 'Zimmermann', 'Alvarez', 'Bauer', 'Castro', 'Dang', 'Ekström', 'Fontaine', 'Gallo', 'Hughes', 'Iqbal', 'Kaur',
];

/**
 * All rows of the "Work" sheet for `people` people, header first.
 * Also returns a summary so callers need not re-read the file.
 */
export function generateRows(people) {
  if (!Number.isInteger(people) || people < 1) throw new Error(`people must be a positive integer, got ${people}`);
  const rand = mulberry32(SEED);
  const tasks = taskPool(VERBS, OBJECTS, rand);
  const shared = tasks.filter((t) => t.department === null);
  const byDept = DEPARTMENTS.map((_, d) => tasks.filter((t) => t.department === d));
  const roleWeights = ROLES.map((r) => r[3]);
  const rows = [HEADER];
  const names = new Set();
  let hoursTotal = 0;

  for (let p = 0; p < people; p++) {
    let name;
    do {
      const first = FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)];
      const last = LAST_NAMES[Math.floor(rand() * LAST_NAMES.length)];
      const initial = String.fromCharCode(65 + Math.floor(rand() * 26));
      name = `${first} ${initial}. ${last}`;
    } while (names.has(name));
    names.add(name);

    const [role, dept, seniority] = ROLES[weightedSample(roleWeights, 1, rand)[0]];
    const k = 10 + Math.floor(rand() * 5); // 10–14, mean 12
    const fromShared = 2 + Math.floor(rand() * 3); // 2–4 shared tasks, the rest from the department
    // Seniority pulls towards empowering tasks: weight peaks where the task's empowerment matches it.
    const weight = (t) => affinity(t.empowerment, seniority);
    const own = byDept[dept];
    const chosen = [
      ...weightedSample(own.map(weight), k - fromShared, rand).map((i) => own[i]),
      ...weightedSample(shared.map(weight), fromShared, rand).map((i) => shared[i]),
    ];
    const total = 20 + Math.floor(rand() * 26); // 20–45 h a week
    const hours = splitHalfHours(total * 2, chosen.length, rand).map((u) => u / 2);
    hoursTotal += total;
    chosen.forEach((t, i) => {
      rows.push([name, role, DEPARTMENTS[dept], t.name, hours[i], t.empowerment, t.desirability]);
    });
  }
  return {
    rows,
    summary: {
      people,
      dataRows: rows.length - 1,
      tasksUsed: new Set(rows.slice(1).map((r) => r[3])).size,
      roles: new Set(rows.slice(1).map((r) => r[1])).size,
      departments: new Set(rows.slice(1).map((r) => r[2])).size,
      meanHours: hoursTotal / people,
    },
  };
}

export function workbookPath(people) {
  return join(DATA_DIR, `long-${people}.xlsx`);
}

/** Builds the .xlsx bytes for `people` people. */
export function buildWorkbook(people) {
  const { rows, summary } = generateRows(people);
  const ws = XLSX.utils.aoa_to_sheet(rows, { dense: true });
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, SHEET_NAME);
  // Like Excel writes: a DEFLATE-compressed ZIP (SheetJS stores by default) with a shared-strings table.
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true, bookSST: true });
  return { bytes, summary };
}

/**
 * Makes sure bench/data/long-<people>.xlsx exists. Generates it (atomically) when missing or when
 * `force` is set. Returns the path, size and row summary either way.
 */
export function ensureWorkbook(people, { force = false } = {}) {
  const file = workbookPath(people);
  let generated = false;
  let summary;
  if (force || !existsSync(file)) {
    const built = buildWorkbook(people);
    summary = built.summary;
    mkdirSync(DATA_DIR, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, built.bytes);
    renameSync(tmp, file);
    generated = true;
  } else {
    summary = generateRows(people).summary; // cheap, and avoids trusting a re-read of the file
  }
  return { file, bytes: statSync(file).size, generated, generatorVersion: GENERATOR_VERSION, ...summary };
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const sizes = args.filter((a) => !a.startsWith('--')).map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('usage: node bench/generate-workbook.mjs N [N…] [--force]   (N = number of people)');
    process.exit(2);
  }
  for (const n of sizes) {
    const r = ensureWorkbook(n, { force });
    console.log(
      `${r.generated ? 'wrote  ' : 'exists '} ${r.file}  people=${r.people} rows=${r.dataRows} ` +
        `tasks=${r.tasksUsed} roles=${r.roles} departments=${r.departments} ` +
        `mean hours=${r.meanHours.toFixed(1)} size=${(r.bytes / 1024).toFixed(0)} KiB`,
    );
  }
}
