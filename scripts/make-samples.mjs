// Writes the sample workbooks and blank import templates under resources/ (see resources/README.md).
// Deterministic: a seeded PRNG (prng.mjs) for the little variation there is, fixed workbook dates, no clock.
// Run: node scripts/make-samples.mjs [--out DIR]   (DIR defaults to resources/; the tests use it to
// check that the committed files are what this script makes)
import * as XLSX from 'xlsx';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './prng.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outAt = process.argv.indexOf('--out');
if (outAt >= 0 && !process.argv[outAt + 1]) throw new Error('--out needs a folder');
const resources = outAt >= 0 ? path.resolve(process.argv[outAt + 1]) : path.join(root, 'resources');
const SEED = 20240501;
const HOURS_PER_FTE = 40;
/** Fixed creation date written into every workbook, so re-running gives identical bytes. */
const FIXED_DATE = new Date(Date.UTC(2025, 0, 15, 12, 0, 0));

const rand = mulberry32(SEED);
const pick = (n) => Math.floor(rand() * n);
function shuffle(list) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
/** A salary varied by up to ±spread, rounded to $250. */
const salary = (base, spread = 0) => Math.round((base + (rand() * 2 - 1) * spread) / 250) * 250;

// ---------------------------------------------------------------------------------------------
// Riverside Tenants & Workers Alliance
// ---------------------------------------------------------------------------------------------

/**
 * Task catalogue: [name, empowerment, desirability] on 1–20; null = not rated yet (left for the
 * members / suggested ratings). Empowerment: decision authority, strategic information, skill
 * growth, coordinating others, representing the organization. Desirability: strain, repetition,
 * control of pace, emotional load, schedule, intrinsic interest.
 */
const ORG_TASKS = [
  // Direction and management
  ['Strategic planning', 19, 16],
  ['Budget decisions', 19, 13],
  ['Campaign strategy', 18, 16],
  ['Fundraising strategy', 18, 14],
  ['Represent organization to press and officials', 18, 14],
  ['Board reporting', 17, 11],
  ['Hire and supervise staff', 17, 10],
  ['Negotiate with landlords', 17, 10],
  ['Major donor meetings', 16, 12],
  ['Coalition meetings', 15, 13],
  ['Policy analysis', 15, 15],
  ['Train new organizers', 15, 14],
  ['Program evaluation', 14, 12],
  ['Staff meeting facilitation', 14, 12],
  ['Vendor contract negotiation', 14, 10],
  ['Financial reporting', 13, 9],
  ['Payroll approval', 12, 8],
  ['Audit preparation', 11, 5],
  ['Supervise canvass shifts', null, null],
  // Development and communications
  ['Grant writing', 12, 11],
  ['Plan fundraising events', 11, 12],
  ['Research funders', 10, 12],
  ['Newsletter writing', 10, 13],
  ['Grant reports', 9, 7],
  ['Recruit and schedule volunteers', 8, 10],
  ['Write press releases', null, null],
  ['Post on social media', null, null],
  ['Gift acknowledgment letters', 5, 7],
  ['Process donation checks', 5, 6],
  ['Donor database entry', 4, 5],
  ['Stuff mailings', null, null],
  // Organizing and canvassing
  ['Plan direct actions', 12, 15],
  ['Building committee leadership training', 12, 13],
  ['Tenant association meetings', 11, 14],
  ['One-on-one tenant conversations', 9, 15],
  ['Youth outreach', 8, 14],
  ['Translate outreach materials', null, null],
  ['Prepare meeting materials', 6, 9],
  ['Canvass shift debrief', 5, 9],
  ['Door-to-door canvassing', 4, 6],
  ['Turnout phone banking', 4, 5],
  ['Literature drops', 3, 6],
  ['Data entry of contacts', 3, 4],
  // Tenant services
  ['Case review meetings', 11, 12],
  ['Housing court accompaniment', 9, 7],
  ['Tenant case intake', 8, 10],
  ['Benefits application assistance', 7, 11],
  ['Casework follow-up calls', 6, 9],
  ['Case notes documentation', 4, 5],
  // Operations
  ['Coordinate office operations', 10, 10],
  ['Data reports for management', 10, 11],
  ['Maintain database', 9, 10],
  ['Vendor coordination', 8, 9],
  ['IT helpdesk support', 7, 8],
  ['Backups and security updates', 7, 7],
  ['Bank reconciliation', 7, 7],
  ['Email and correspondence', 7, 9],
  ['Computer setup and repairs', 6, 9],
  ['Maintain personnel files', 6, 6],
  ['Accounts payable', 6, 6],
  ['Payroll processing', 6, 6],
  ['Schedule staff calendars', 6, 9],
  ['Expense reports', 4, 5],
  ['Schedule appointments', 4, 8],
  ['Greet visitors', 4, 10],
  ['Answer phones', 3, 6],
  ['Order office supplies', null, null],
  ['Sort incoming mail', null, null],
  ['Photocopying and filing', null, null],
  // Facilities
  ['Set up meeting rooms', 3, 8],
  ['Night building checks', 3, 4],
  ['Clean offices', 2, 4],
  ['Clean restrooms', 1, 2],
  ['Mop and wax floors', null, null],
  ['Empty trash and recycling', null, null],
  ['Clean break room', null, null],
  ['Shovel snow and salt walkways', null, null],
];

/** Organizers share a core and each takes 10 more hours of specialties. */
const ORGANIZER_CORE = [
  ['Tenant association meetings', 8],
  ['One-on-one tenant conversations', 8],
  ['Door-to-door canvassing', 6],
  ['Turnout phone banking', 4],
  ['Data entry of contacts', 4],
];
const ORGANIZER_EXTRAS = [
  ['Plan direct actions', 4],
  ['Building committee leadership training', 4],
  ['Housing court accompaniment', 4],
  ['Youth outreach', 4],
  ['Translate outreach materials', 4],
  ['Prepare meeting materials', 2],
  ['Literature drops', 2],
  ['Stuff mailings', 2],
  ['Canvass shift debrief', 2],
  ['Supervise canvass shifts', 2],
];
function organizerJob() {
  const extras = [];
  let sum = 0;
  for (const [task, h] of shuffle(ORGANIZER_EXTRAS)) {
    if (sum + h <= 10 && extras.length < 3) {
      extras.push([task, h]);
      sum += h;
    }
    if (sum === 10) break;
  }
  if (sum !== 10) {
    // Three tasks that do not reach 10 h: top up the core's one-on-ones.
    return [...ORGANIZER_CORE.map(([t, h]) => [t, t === 'One-on-one tenant conversations' ? h + 10 - sum : h]), ...extras];
  }
  return [...ORGANIZER_CORE, ...extras];
}

function caseWorkerJob(i) {
  const shift = [0, 2, -2, 1][i % 4];
  return [
    ['Tenant case intake', 10 + shift],
    ['Housing court accompaniment', 7],
    ['Casework follow-up calls', 8 - shift],
    ['Benefits application assistance', 6],
    ['Case notes documentation', 6],
    ['Email and correspondence', 3],
  ];
}

const CANVASSER_FT = [
  ['Door-to-door canvassing', 22],
  ['Turnout phone banking', 6],
  ['Literature drops', 4],
  ['Data entry of contacts', 4],
  ['Canvass shift debrief', 2],
  ['Stuff mailings', 2],
];
const CANVASSER_PT = [
  ['Door-to-door canvassing', 12],
  ['Turnout phone banking', 4],
  ['Literature drops', 2],
  ['Canvass shift debrief', 2],
];

/** [name, role, department, fte, annual salary, job as [task, hours per week][]] */
const ORG_PEOPLE = [
  ['Margaret Okafor', 'Executive Director', 'Leadership', 1, salary(118000), [
    ['Strategic planning', 8], ['Budget decisions', 6], ['Board reporting', 5], ['Hire and supervise staff', 6],
    ['Represent organization to press and officials', 5], ['Coalition meetings', 3], ['Major donor meetings', 4], ['Email and correspondence', 3]]],
  ['Daniel Reyes', 'Deputy Director', 'Leadership', 1, salary(96000, 1000), [
    ['Strategic planning', 6], ['Hire and supervise staff', 8], ['Program evaluation', 6], ['Policy analysis', 6],
    ['Budget decisions', 3], ['Coalition meetings', 4], ['Staff meeting facilitation', 4], ['Email and correspondence', 3]]],
  ['Priya Raman', 'Finance Director', 'Leadership', 1, salary(92000, 1000), [
    ['Budget decisions', 8], ['Financial reporting', 8], ['Audit preparation', 5], ['Board reporting', 3],
    ['Payroll approval', 3], ['Vendor contract negotiation', 5], ['Strategic planning', 4], ['Email and correspondence', 4]]],

  ['Jonathan Whitfield', 'Development Director', 'Development', 1, salary(88000, 1000), [
    ['Fundraising strategy', 10], ['Major donor meetings', 10], ['Grant writing', 6], ['Board reporting', 3],
    ['Hire and supervise staff', 4], ['Strategic planning', 3], ['Email and correspondence', 4]]],
  ['Aisha Bello', 'Grant Writer', 'Development', 1, salary(58000, 1000), [
    ['Grant writing', 20], ['Grant reports', 10], ['Research funders', 7], ['Email and correspondence', 3]]],
  ['Kevin Tran', 'Donor Database Assistant', 'Development', 1, salary(42000, 500), [
    ['Donor database entry', 20], ['Gift acknowledgment letters', 8], ['Process donation checks', 5], ['Stuff mailings', 5],
    ['Email and correspondence', 2]]],
  ['Sofia Marchetti', 'Events & Volunteer Coordinator', 'Development', 1, salary(50000, 1000), [
    ['Plan fundraising events', 12], ['Recruit and schedule volunteers', 12], ['Stuff mailings', 4], ['Set up meeting rooms', 4],
    ['Prepare meeting materials', 4], ['Email and correspondence', 4]]],
  ['Malik Johnson', 'Communications Coordinator', 'Development', 1, salary(52000, 1000), [
    ['Newsletter writing', 10], ['Post on social media', 12], ['Write press releases', 8], ['Translate outreach materials', 4],
    ['Prepare meeting materials', 3], ['Email and correspondence', 3]]],

  ['Rosa Delgado', 'Lead Organizer', 'Organizing', 1, salary(74000, 1000), [
    ['Campaign strategy', 10], ['Negotiate with landlords', 6], ['Train new organizers', 6], ['Hire and supervise staff', 5],
    ['Supervise canvass shifts', 4], ['Coalition meetings', 3], ['Represent organization to press and officials', 3],
    ['Tenant association meetings', 3]]],
  ...['Marcus Greene', 'Linh Nguyen', 'Fatima Al-Sayed', 'Tomás Herrera', 'Keisha Washington', 'Dmitri Volkov', 'Grace Kim',
    'Jamal Carter', 'Ana Lucía Morales', 'Samuel Osei'].map((name) => [name, 'Organizer', 'Organizing', 1, salary(52000, 1500), organizerJob()]),

  ...[['Tyler Brooks', 1], ['Destiny Alvarez', 1], ['Omar Haddad', 0.5], ['Hannah Schultz', 1], ['Luis Castillo', 0.5],
    ['Mei Chen', 1], ['Jordan Ellis', 0.5], ['Yusuf Abdi', 1]].map(([name, fte]) =>
    [name, 'Canvasser', 'Canvass', fte, Math.round(18 * 52 * HOURS_PER_FTE * fte), fte === 1 ? CANVASSER_FT : CANVASSER_PT]),

  ['Carmen Ortiz', 'Senior Case Worker', 'Tenant Services', 1, salary(56000, 1000), [
    ['Case review meetings', 8], ['Tenant case intake', 6], ['Housing court accompaniment', 8], ['Casework follow-up calls', 6],
    ['Benefits application assistance', 4], ['Case notes documentation', 5], ['Email and correspondence', 3]]],
  ...['Ibrahim Diallo', 'Rachel Goldberg', 'Thanh Pham', 'Nadia Petrova'].map((name, i) =>
    [name, 'Case Worker', 'Tenant Services', 1, salary(50000, 1500), caseWorkerJob(i)]),

  ['Beverly Thompson', 'Office Manager', 'Operations', 1, salary(56000, 1000), [
    ['Coordinate office operations', 10], ['Vendor coordination', 6], ['Order office supplies', 4], ['Maintain personnel files', 6],
    ['Schedule staff calendars', 4], ['Answer phones', 4], ['Email and correspondence', 6]]],
  ['Julio Santos', 'Receptionist', 'Operations', 1, salary(39000, 500), [
    ['Answer phones', 16], ['Greet visitors', 10], ['Sort incoming mail', 4], ['Photocopying and filing', 4], ['Schedule appointments', 6]]],
  ['Eleanor Walsh', 'Bookkeeper', 'Operations', 1, salary(54000, 1000), [
    ['Accounts payable', 12], ['Bank reconciliation', 8], ['Payroll processing', 8], ['Process donation checks', 6], ['Expense reports', 6]]],
  ['Arjun Mehta', 'IT & Data Coordinator', 'Operations', 1, salary(62000, 1000), [
    ['IT helpdesk support', 12], ['Maintain database', 10], ['Data reports for management', 8], ['Computer setup and repairs', 4],
    ['Backups and security updates', 6]]],
  ['Patricia Nwosu', 'Administrative Assistant', 'Operations', 0.75, salary(30000, 500), [
    ['Answer phones', 8], ['Greet visitors', 4], ['Expense reports', 4], ['Maintain personnel files', 4], ['Photocopying and filing', 4],
    ['Sort incoming mail', 3], ['Stuff mailings', 3]]],
  ['Chloe Martin', 'Data Entry Clerk', 'Operations', 0.5, salary(19500, 250), [
    ['Donor database entry', 8], ['Data entry of contacts', 6], ['Photocopying and filing', 4], ['Sort incoming mail', 2]]],

  ['Roberto Vargas', 'Custodian', 'Facilities', 1, salary(38000, 500), [
    ['Clean offices', 16], ['Clean restrooms', 8], ['Empty trash and recycling', 6], ['Clean break room', 4], ['Set up meeting rooms', 6]]],
  ['Winston Clarke', 'Night Custodian', 'Facilities', 1, salary(39500, 500), [
    ['Clean offices', 14], ['Night building checks', 10], ['Clean restrooms', 6], ['Mop and wax floors', 6],
    ['Empty trash and recycling', 2], ['Shovel snow and salt walkways', 2]]],
];

// ---------------------------------------------------------------------------------------------
// Eastside Housing Co-op (merger partner): flatter, every job mixes empowering work and chores.
// ---------------------------------------------------------------------------------------------

/** Same names as Riverside where the work is the same; a few spelled differently; a few rated a little differently. */
const PARTNER_TASKS = [
  ['Strategic planning', 19, 16],
  ['Budget Decisions', 19, 13], // capitalised differently
  ['Board reporting', 15, 12], // rated a little lower here
  ['Hire & supervise staff', 17, 10], // "&" for "and"
  ['Negotiate with landlords', 17, 10],
  ['Co-op general assembly facilitation', 16, 14],
  ['Financial reporting', 13, 9],
  ['Co-op education workshops', 13, 16],
  ['Conflict mediation between members', 13, 6],
  ['Grant writing', 12, 11],
  ['Tenant association meetings', 11, 14],
  ['New member orientation', 10, 14],
  ['Newsletter writing', 10, 13],
  ['One-on-one tenant conversations', 10, 15], // rated one point higher here
  ['Housing court accompaniment', 9, 7],
  ['Tenant case intake', 8, 10],
  ['Maintenance request triage', 8, 8],
  ['Bank reconciliation', 7, 7],
  ['Email and correspondence', 7, 9],
  ['Purchase building supplies', 7, 8],
  ['Accounts payable', 6, 6],
  ['Unit repairs', 6, 9],
  ['Move-in inspections', 6, 8],
  ['Rent collection', 5, 4],
  ['Committee minutes', 5, 6],
  ['Door to door canvassing', 4, 6], // no hyphens
  ['Member dues records', 4, 5],
  ['answer phones', 3, 6], // lower case
  ['Grounds and landscaping', 3, 11],
  ['Clean Offices', 2, 4], // capitalised differently
  ['Clean restrooms', 1, 2],
  ['Stuff mailings', null, null],
  ['Snow removal', null, null],
];

function partnerOrganizer(i) {
  const writing = [['Newsletter writing', 3], ['Grant writing', 3], ['Committee minutes', 3]][i];
  return [
    ['Tenant association meetings', 8], ['One-on-one tenant conversations', 8], ['Door to door canvassing', 6],
    ['Negotiate with landlords', 6], ['Co-op education workshops', 4], writing, ['Clean Offices', 3], ['Stuff mailings', 2]];
}
function partnerMaintenance(i) {
  return [
    ['Unit repairs', 14 - i * 2], ['Maintenance request triage', 6 + i * 2], ['Purchase building supplies', 4], ['Grounds and landscaping', 4],
    ['Snow removal', 2], ['Budget Decisions', 3], ['Co-op general assembly facilitation', 3], ['Strategic planning', 2], ['Move-in inspections', 2]];
}
const PARTNER_OUTREACH = [
  ['Door to door canvassing', 8], ['One-on-one tenant conversations', 4], ['Tenant association meetings', 3],
  ['Co-op education workshops', 2], ['Stuff mailings', 3]];

const HOURLY = 25; // one rate for everyone: $25 an hour
const PARTNER_PEOPLE = [
  ['Imani Crawford', 'General Coordinator', 'Coordination', 1, [
    ['Strategic planning', 6], ['Co-op general assembly facilitation', 6], ['Budget Decisions', 4], ['Board reporting', 4],
    ['Hire & supervise staff', 4], ['Email and correspondence', 4], ['answer phones', 4], ['Clean Offices', 3], ['Stuff mailings', 3],
    ['Clean restrooms', 2]]],
  ['Hector Ruiz', 'Finance Coordinator', 'Coordination', 1, [
    ['Financial reporting', 8], ['Budget Decisions', 6], ['Accounts payable', 8], ['Bank reconciliation', 6], ['Rent collection', 4],
    ['Strategic planning', 4], ['Clean restrooms', 2], ['Committee minutes', 2]]],
  ['Mariam Yusuf', 'Member Services Coordinator', 'Member Services', 1, [
    ['Tenant case intake', 10], ['New member orientation', 6], ['Conflict mediation between members', 6], ['Member dues records', 6],
    ['Co-op education workshops', 4], ['Board reporting', 2], ['Clean Offices', 3], ['answer phones', 3]]],
  ['Peter Kowalski', 'Member Services Coordinator', 'Member Services', 1, [
    ['Tenant case intake', 8], ['Housing court accompaniment', 8], ['Move-in inspections', 6], ['Member dues records', 4],
    ['Conflict mediation between members', 4], ['Co-op general assembly facilitation', 4], ['Clean restrooms', 3], ['Stuff mailings', 3]]],
  ...['Ngozi Eze', 'Diego Fuentes', 'Sarah Lindqvist'].map((name, i) => [name, 'Organizer', 'Organizing', 1, partnerOrganizer(i)]),
  ...["Andre Baptiste", 'Kenji Watanabe'].map((name, i) => [name, 'Maintenance Coordinator', 'Maintenance', 1, partnerMaintenance(i)]),
  ...['Lucía Romero', "Brendan O'Neill"].map((name) => [name, 'Outreach Worker', 'Organizing', 0.5, PARTNER_OUTREACH]),
  ['Farah Siddiqui', 'Office Coordinator', 'Coordination', 1, [
    ['answer phones', 8], ['Committee minutes', 6], ['Email and correspondence', 6], ['Member dues records', 4], ['Budget Decisions', 3],
    ['Strategic planning', 3], ['Co-op general assembly facilitation', 4], ['Co-op education workshops', 2], ['Clean Offices', 4]]],
  ['Naomi Feldman', 'Development Coordinator', 'Coordination', 0.8, [
    ['Grant writing', 14], ['Newsletter writing', 6], ['Board reporting', 4], ['Strategic planning', 2], ['Committee minutes', 2],
    ['Clean restrooms', 2], ['Stuff mailings', 2]]],
].map(([name, role, dept, fte, job]) => [name, role, dept, fte, Math.round(HOURLY * 52 * HOURS_PER_FTE * fte), job]);

// ---------------------------------------------------------------------------------------------
// Checks: the data must be what the README promises.
// ---------------------------------------------------------------------------------------------

function check(label, tasks, people) {
  const names = new Set(tasks.map(([t]) => t));
  if (names.size !== tasks.length) throw new Error(`${label}: a task is listed twice in the catalogue`);
  const used = new Set();
  const seen = new Set();
  for (const [name, , , fte, pay, job] of people) {
    if (seen.has(name)) throw new Error(`${label}: ${name} twice`);
    seen.add(name);
    const hours = job.reduce((a, [, h]) => a + h, 0);
    if (Math.abs(hours - fte * HOURS_PER_FTE) > 1e-9) throw new Error(`${label}: ${name} has ${hours} h, FTE ${fte}`);
    if (job.length < 4 || job.length > 10) throw new Error(`${label}: ${name} has ${job.length} tasks`);
    if (new Set(job.map(([t]) => t)).size !== job.length) throw new Error(`${label}: ${name} has a task twice`);
    if (!(pay > 0)) throw new Error(`${label}: ${name} has no pay`);
    for (const [t, h] of job) {
      if (!names.has(t)) throw new Error(`${label}: ${name}'s task "${t}" is not in the catalogue`);
      if (!(h > 0)) throw new Error(`${label}: ${name}'s "${t}" has ${h} h`);
      used.add(t);
    }
  }
  for (const t of names) if (!used.has(t)) throw new Error(`${label}: nobody does "${t}"`);
}

/** Hours-weighted mean empowerment over rated hours, for the console summary. */
function meanE(tasks, people, filter = () => true) {
  const e = new Map(tasks.map(([t, em]) => [t, em]));
  let num = 0;
  let den = 0;
  for (const p of people.filter(filter)) {
    for (const [t, h] of p[5]) {
      if (e.get(t) == null) continue;
      num += h * e.get(t);
      den += h;
    }
  }
  return den ? num / den : NaN;
}

// ---------------------------------------------------------------------------------------------
// Workbook writing
// ---------------------------------------------------------------------------------------------

/** A sheet from rows, with column widths fitted to the longest cell (headers included). */
function sheet(rows, { minWidth = 8, maxWidth = 60, widths } = {}) {
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const ncols = Math.max(...rows.map((r) => r.length));
  ws['!cols'] = Array.from({ length: ncols }, (_, c) => {
    if (widths?.[c]) return { wch: widths[c] };
    const longest = Math.max(...rows.map((r) => (r[c] == null ? 0 : String(r[c]).length)));
    return { wch: Math.min(maxWidth, Math.max(minWidth, longest + 2)) };
  });
  return ws;
}

/** Sets a number format on every numeric cell of one column below the header. */
function formatColumn(ws, col, fmt) {
  const range = XLSX.utils.decode_range(ws['!ref']);
  for (let r = 1; r <= range.e.r; r++) {
    const cell = ws[XLSX.utils.encode_cell({ r, c: col })];
    if (cell && cell.t === 'n') cell.z = fmt;
  }
}

function workbook(title, sheets) {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  wb.Props = { Title: title, Author: 'Fairshare sample generator', CreatedDate: FIXED_DATE, ModifiedDate: FIXED_DATE };
  return wb;
}

function save(wb, rel) {
  const file = path.join(resources, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true });
  writeFileSync(file, bytes);
  return { rel, bytes: bytes.length };
}

/** About sheet: one column of text (one cell per row, so no row reads as a table header). */
function aboutSheet(lines) {
  return sheet(lines.map((l) => [l]), { widths: [110] });
}

function sampleWorkbook({ title, idPrefix, tasks, people, about }) {
  const ids = people.map((_, i) => `${idPrefix}-${String(i + 1).padStart(3, '0')}`);
  const roster = sheet([
    ['ID', 'Name', 'Role', 'Department', 'FTE', 'Annual salary'],
    ...people.map(([name, role, dept, fte, pay], i) => [ids[i], name, role, dept, fte, pay]),
  ]);
  formatColumn(roster, 5, '"$"#,##0');
  formatColumn(roster, 4, '0.00');
  const work = sheet([
    ['ID', 'Name', 'Task', 'Hours per week'],
    ...people.flatMap(([name, , , , , job], i) => job.map(([task, h]) => [ids[i], name, task, h])),
  ]);
  // Rated tasks first; tasks nobody has rated yet at the bottom with empty cells.
  const rated = tasks.filter(([, e]) => e !== null);
  const unrated = tasks.filter(([, e]) => e === null);
  const ratings = sheet([
    ['Task', 'Empowerment (1-20)', 'Desirability (1-20)'],
    ...rated.map(([t, e, d]) => [t, e, d]),
    ...unrated.map(([t]) => [t]),
  ]);
  return workbook(title, [['About', aboutSheet(about)], ['Roster', roster], ['Tasks', work], ['Ratings', ratings]]);
}

// ---------------------------------------------------------------------------------------------
// Build
// ---------------------------------------------------------------------------------------------

check('sample-organization', ORG_TASKS, ORG_PEOPLE);
check('sample-partner', PARTNER_TASKS, PARTNER_PEOPLE);

const orgUnrated = ORG_TASKS.filter(([, e]) => e === null).map(([t]) => t);
const partnerUnrated = PARTNER_TASKS.filter(([, e]) => e === null).map(([t]) => t);
const written = [];

written.push(save(sampleWorkbook({
  title: 'Riverside Tenants & Workers Alliance (fictional sample)',
  idPrefix: 'RTW',
  tasks: ORG_TASKS,
  people: ORG_PEOPLE,
  about: [
    'Riverside Tenants & Workers Alliance — sample organization for Fairshare',
    '',
    'FICTIONAL DATA. The organization, every person and every figure here are invented for demonstration; any resemblance to real people is coincidental.',
    `A tenant-organizing nonprofit of ${ORG_PEOPLE.length} staff: leadership, development, organizers, canvassers, case workers, operations and custodial staff.`,
    '',
    'Sheets',
    'Roster — one row per person: ID, name, role, department, FTE (1.00 = 40 hours a week) and annual salary.',
    'Tasks — one row per person and task: the hours per week that person spends on it. Each person\'s hours add up to FTE × 40.',
    'Ratings — each task rated for Empowerment and Desirability on a 1–20 scale (20 = most empowering / most desirable).',
    `  ${orgUnrated.length} of ${ORG_TASKS.length} tasks are listed without ratings (the staff have not rated them yet): ${orgUnrated.join(', ')}.`,
    '',
    'What an audit should find',
    'Empowering work (strategy, budgets, hiring, representing the organization) sits with the leadership team, the development director and the lead organizer;',
    'canvassers, reception and custodial staff do mostly rote, low-empowerment, low-desirability work; and pay rises with empowerment.',
    '',
    'Generated by scripts/make-samples.mjs (seeded, deterministic). Edit that script, not this file.',
  ],
}), 'sample-organization.xlsx'));

written.push(save(sampleWorkbook({
  title: 'Eastside Housing Co-op (fictional sample)',
  idPrefix: 'EHC',
  tasks: PARTNER_TASKS,
  people: PARTNER_PEOPLE,
  about: [
    'Eastside Housing Co-op — sample merger partner for Fairshare',
    '',
    'FICTIONAL DATA. The organization, every person and every figure here are invented for demonstration; any resemblance to real people is coincidental.',
    `A housing co-op of ${PARTNER_PEOPLE.length} staff with a flat structure: everyone is paid $${HOURLY} an hour, and every job mixes planning and decisions with chores.`,
    'Use it with sample-organization.xlsx (Riverside Tenants & Workers Alliance) to plan a merger: many task names are the same,',
    'some are written differently ("Door to door canvassing", "answer phones", "Budget Decisions", "Clean Offices", "Hire & supervise staff"),',
    'two shared tasks are rated a little differently ("Board reporting", "One-on-one tenant conversations"), and the rest are the co-op\'s own.',
    '',
    'Sheets: Roster (ID, name, role, department, FTE, annual salary), Tasks (hours per week per person and task),',
    `Ratings (Empowerment and Desirability, 1–20; ${partnerUnrated.length} tasks not rated yet: ${partnerUnrated.join(', ')}).`,
    '',
    'Generated by scripts/make-samples.mjs (seeded, deterministic). Edit that script, not this file.',
  ],
}), 'sample-partner.xlsx'));

// Templates ----------------------------------------------------------------------------------

/**
 * The standard factors with what each end of a 1–20 scale means: the same words as
 * renderer/src/engine/rating/factors.ts (test/resources/templateFactors.test.ts holds them equal).
 * A higher number is always more empowering or more desirable, so burdens are rated backwards.
 */
const FACTOR_ENDS = [
  ['E', 'Decision authority', 'decides nothing', 'decides for the whole organization'],
  ['E', 'Access to strategic information', 'none', 'sees all that shapes strategy'],
  ['E', 'Skill development', 'learns nothing new', 'builds new skills all the time'],
  ['E', 'Coordinating others', 'coordinates no one', 'coordinates many people'],
  ['E', 'External representation', 'never speaks for the organization', 'speaks for it in public'],
  ['E', 'Planning and problem solving', 'follows set steps', 'plans and solves open problems'],
  ['D', 'Physical strain and hazard', 'very heavy', 'none'],
  ['D', 'Environment', 'harsh or unsafe', 'pleasant'],
  ['D', 'Repetition', 'the same steps all day', 'varied'],
  ['D', 'Control of pace', 'pace set by others', 'sets own pace'],
  ['D', 'Emotional load and conflict', 'very heavy', 'none'],
  ['D', 'Schedule', 'unsocial or unpredictable hours', "regular hours of one's choosing"],
  ['D', 'Intrinsic interest', 'dull', 'absorbing'],
];
const RATING_LINES = [
  'Empowerment (1-20) — how much the task builds skills, confidence, information and say over decisions: 1 = none, 20 = the most. Optional.',
  'Desirability (1-20) — how pleasant the task is to do, judged on strain, repetition, stress, schedule and interest: 1 = the least pleasant, 20 = the most pleasant. Higher is better. Optional.',
];
const FACTOR_LINES = [
  '',
  'Finer rating (optional): add a column per factor, headed with its name and scale, e.g. "Physical strain and hazard (1-20)"; a task\'s Empowerment (or Desirability) becomes the mean of its factors.',
  'On every factor a HIGHER number is more empowering (E) or BETTER (D): rate burdens backwards (no strain at all = 20).',
  ...FACTOR_ENDS.map(([letter, name, low, high]) => `  ${name} (${letter}): 1 = ${low}, 20 = ${high}; ${letter === 'D' ? 'higher is better' : 'higher is more empowering'}`),
];

const LONG_HEADERS = ['Name', 'Role', 'Department', 'Task', 'Hours per week', 'Empowerment (1-20)', 'Desirability (1-20)', 'Notes'];
const longTemplate = sheet([
  LONG_HEADERS,
  ['Example Person', 'Organizer', 'Organizing', 'Door-to-door canvassing', 10, 4, 6, 'EXAMPLE ROW: replace it with your own data or delete it before importing'],
], { widths: [24, 20, 18, 34, 16, 20, 20, 70] });
written.push(save(workbook('Fairshare import template (one row per person and task)', [
  ['Tasks', longTemplate],
  ['Instructions', aboutSheet([
    'Fairshare import template: one row per person and task ("long" layout)',
    '',
    'Fill in the "Tasks" sheet, one row for each task a person does. Keep the header row as it is.',
    'The second row is an EXAMPLE: replace it with your own data or delete it. (Left in, it is imported as a person called "Example Person".)',
    '',
    'Name — the person. Write a name the same way on every row (capitals and extra spaces do not matter).',
    'Role — job title, e.g. Organizer. Department — team or department. Repeat both on each of the person\'s rows, or fill in the first row only.',
    'Task — a short name for the work, e.g. "Answer phones". Use the same name for the same work across people.',
    'Hours per week — hours this person spends on this task in an average week. A full-time person\'s rows add up to about 40.',
    ...RATING_LINES,
    '  Rate each task once; on later rows of the same task the rating cells may be left empty. Unrated tasks can be rated in Fairshare.',
    'Notes — anything else; Fairshare does not use it.',
    ...FACTOR_LINES,
    '',
    'Another rating scale (1-5, 1-10, 0-100) works too: write it in the header, e.g. "Empowerment (1-10)".',
    'Instead of hours you may give a share of time in a column headed "% of time" (25%, 0.25 or 25).',
  ])],
]), 'templates/long-template.xlsx'));

const PERSON_COLUMNS = 8;
const matrixTemplate = sheet([
  ['Task', 'Empowerment (1-20)', 'Desirability (1-20)', ...Array.from({ length: PERSON_COLUMNS }, (_, i) => `Person ${i + 1}`)],
], { widths: [34, 20, 20, ...Array(PERSON_COLUMNS).fill(12)] });
written.push(save(workbook('Fairshare import template (tasks × people grid)', [
  ['Hours', matrixTemplate],
  ['Instructions', aboutSheet([
    'Fairshare import template: tasks down the side, people across the top ("matrix" layout)',
    '',
    'In the "Hours" sheet, write each task on its own row in the Task column, and replace "Person 1", "Person 2", … with the names of the people.',
    'Add more person columns to the right if you need them; delete the ones you do not use.',
    'Each cell is the HOURS PER WEEK that person spends on that task in an average week. Leave a cell empty (or 0) when they do not do it.',
    'A full-time person\'s column adds up to about 40.',
    '',
    ...RATING_LINES,
    'Tasks left unrated can be rated in Fairshare.',
    ...FACTOR_LINES,
    '',
    'Cells may hold shares of time instead (25%, or columns that each add up to 100%); Fairshare then asks for hours per FTE.',
    'Roles, departments and pay go on a separate roster sheet (columns Name, Role, Department, FTE, Annual salary) if you want them.',
    'Until at least one person column has hours, Fairshare has nobody to import and says so.',
  ])],
]), 'templates/matrix-template.xlsx'));

// Summary ------------------------------------------------------------------------------------

const isLeader = (p) => p[2] === 'Leadership';
const orgHours = ORG_PEOPLE.reduce((a, p) => a + p[3] * HOURS_PER_FTE, 0);
console.log(`sample-organization: ${ORG_PEOPLE.length} people, ${orgHours} h/week, ${ORG_TASKS.length} tasks (${orgUnrated.length} unrated), ` +
  `mean E ${meanE(ORG_TASKS, ORG_PEOPLE).toFixed(2)}, leadership ${meanE(ORG_TASKS, ORG_PEOPLE, isLeader).toFixed(2)}`);
const partnerNames = new Set(PARTNER_TASKS.map(([t]) => t));
const identical = ORG_TASKS.filter(([t]) => partnerNames.has(t)).length;
console.log(`sample-partner: ${PARTNER_PEOPLE.length} people, ${PARTNER_TASKS.length} tasks (${partnerUnrated.length} unrated, ${identical} named exactly as in the organization), ` +
  `mean E ${meanE(PARTNER_TASKS, PARTNER_PEOPLE).toFixed(2)}`);
for (const w of written) {
  const file = path.join(resources, w.rel);
  const shown = path.relative(process.cwd(), file);
  console.log(`wrote ${shown.startsWith('..') ? file : shown} (${w.bytes} bytes)`);
}
