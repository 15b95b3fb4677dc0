/**
 * The shipped sample workbooks and import templates (resources/, made by scripts/make-samples.mjs):
 * they import through the CLI as a user would, their hours match the roster, the sample shows the
 * coordinator class it is meant to show, and the committed files are exactly what the script makes.
 *
 * Templates, by decision (see resources/README.md): the long template ships with one example row,
 * which imports as a single person called "Example Person"; the matrix template ships blank and is
 * refused with exit 1 and one plain line on stderr.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cliPath = path.join(repoRoot, 'out', 'cli', 'fairshare.cjs');
const resources = path.join(repoRoot, 'resources');
const ORG = path.join(resources, 'sample-organization.xlsx');
const PARTNER = path.join(resources, 'sample-partner.xlsx');
const LONG_TEMPLATE = path.join(resources, 'templates', 'long-template.xlsx');
const MATRIX_TEMPLATE = path.join(resources, 'templates', 'matrix-template.xlsx');
const HOURS_PER_FTE = 40;

interface Person {
  name: string;
  role: string | null;
  department: string | null;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
  ratedShare: number;
  pay: number | null;
  hourlyPay: number | null;
}
interface Issue {
  severity: 'error' | 'warning' | 'info';
  message: string;
}
interface Audit {
  scale: { min: number; max: number };
  people: Person[];
  issues: Issue[];
}
interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function audit(file: string): Audit {
  const r = cli('audit', file, '--json');
  expect(r.code, `exit code for ${path.basename(file)}; stderr: ${r.stderr}`).toBe(0);
  return JSON.parse(r.stdout) as Audit;
}

/** A sheet as rows of cells, read with SheetJS directly (independently of the engine). */
function sheetRows(file: string, sheet: string): unknown[][] {
  const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(`${path.basename(file)} has no sheet "${sheet}" (has ${wb.SheetNames.join(', ')})`);
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, blankrows: false });
}

/** Rows of a sheet as objects keyed by its first-row headers. */
function records(file: string, sheet: string): Record<string, unknown>[] {
  const [header, ...rows] = sheetRows(file, sheet);
  return rows.map((row) => Object.fromEntries((header as string[]).map((h, i) => [h, row[i]])));
}

/** Expected weekly hours by name: roster FTE × 40. */
function rosterHours(file: string): Map<string, number> {
  return new Map(records(file, 'Roster').map((r) => [String(r['Name']), Number(r['FTE']) * HOURS_PER_FTE]));
}

/** Hours-weighted mean E over people with a score. */
function meanE(people: Person[]): number {
  let num = 0;
  let den = 0;
  for (const p of people) {
    if (p.empowerment === null) continue;
    num += p.hours * p.empowerment;
    den += p.hours;
  }
  return num / den;
}

function ranks(xs: number[]): number[] {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const out = new Array<number>(xs.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    for (let k = i; k <= j; k++) out[order[k][1]] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return out;
}

function spearman(xs: number[], ys: number[]): number {
  const rx = ranks(xs);
  const ry = ranks(ys);
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const mx = mean(rx);
  const my = mean(ry);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < rx.length; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my);
    sxx += (rx[i] - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/** Task names compared the way a merge should: case, spacing and punctuation ignored, "&" = "and". */
function looseKey(name: string): string {
  return name.toLowerCase().replace(/&/g, ' and ').replace(/[^a-z0-9]+/g, ' ').trim();
}

beforeAll(() => {
  if (existsSync(cliPath)) return;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-cli.mjs')], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  if (r.status !== 0 || !existsSync(cliPath)) throw new Error(`could not build the CLI: ${(r.stderr || '').trim().slice(0, 2000)}`);
});

describe('sample-organization.xlsx (Riverside Tenants & Workers Alliance)', () => {
  let report: Audit;
  beforeAll(() => {
    report = audit(ORG);
  });

  test('imports about 40 people with no error issues', () => {
    expect(report.people.length).toBeGreaterThanOrEqual(38);
    expect(report.people.length).toBeLessThanOrEqual(45);
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([]);
    expect(report.scale).toEqual({ min: 1, max: 20 });
  });

  test("every person's hours equal their roster FTE × 40", () => {
    const expected = rosterHours(ORG);
    expect(expected.size).toBe(report.people.length);
    for (const p of report.people) {
      expect(expected.has(p.name), `${p.name} is on the roster`).toBe(true);
      expect(Math.abs(p.hours - expected.get(p.name)!), `${p.name}: ${p.hours} h vs FTE × 40 = ${expected.get(p.name)}`).toBeLessThanOrEqual(0.01);
    }
    // Some part-timers, so per-hour comparison matters.
    expect([...expected.values()].filter((h) => h < HOURS_PER_FTE).length).toBeGreaterThanOrEqual(3);
  });

  test('leadership holds the empowering work: its mean E is at least 4 points above the organization', () => {
    const org = meanE(report.people);
    const leadership = meanE(report.people.filter((p) => p.department === 'Leadership'));
    expect(leadership - org).toBeGreaterThanOrEqual(4);
  });

  test('the five highest-E jobs are leadership, the development director and the lead organizer', () => {
    const top = [...report.people].sort((a, b) => (b.empowerment ?? 0) - (a.empowerment ?? 0)).slice(0, 5);
    expect(top.map((p) => p.role).sort()).toEqual(['Deputy Director', 'Development Director', 'Executive Director', 'Finance Director', 'Lead Organizer']);
    const org = meanE(report.people);
    for (const p of top) expect(p.empowerment! - org, p.name).toBeGreaterThan(2);
  });

  test('canvassers, reception and custodial staff do low-E, low-D work for the lowest pay', () => {
    const org = meanE(report.people);
    const rote = report.people.filter((p) => ['Canvasser', 'Receptionist', 'Custodian', 'Night Custodian'].includes(p.role ?? ''));
    expect(rote.length).toBeGreaterThanOrEqual(9);
    for (const p of rote) {
      expect(p.empowerment!, p.name).toBeLessThan(org - 2);
      expect(p.desirability!, p.name).toBeLessThan(8);
    }
    // Pay rises with empowerment: the red flag the remuneration audit should raise.
    const paid = report.people.filter((p) => p.hourlyPay !== null && p.empowerment !== null);
    expect(paid.length).toBe(report.people.length);
    expect(spearman(paid.map((p) => p.hourlyPay!), paid.map((p) => p.empowerment!))).toBeGreaterThan(0.6);
  });

  test('about 15% of tasks are left unrated in the Ratings sheet', () => {
    const ratings = records(ORG, 'Ratings');
    const worked = new Set(records(ORG, 'Tasks').map((r) => String(r['Task'])));
    expect(worked.size).toBeGreaterThanOrEqual(60);
    expect(worked.size).toBeLessThanOrEqual(80);
    expect(new Set(ratings.map((r) => String(r['Task'])))).toEqual(worked);
    const unrated = ratings.filter((r) => r['Empowerment (1-20)'] === undefined).length;
    expect(unrated / ratings.length).toBeGreaterThan(0.1);
    expect(unrated / ratings.length).toBeLessThan(0.2);
    // Each person does 4–10 tasks.
    const perPerson = new Map<string, number>();
    for (const r of records(ORG, 'Tasks')) perPerson.set(String(r['ID']), (perPerson.get(String(r['ID'])) ?? 0) + 1);
    for (const [id, n] of perPerson) expect(n, id).toBeGreaterThanOrEqual(4);
    for (const [id, n] of perPerson) expect(n, id).toBeLessThanOrEqual(10);
  });

  test('the text summary shows the people and no errors', () => {
    const r = cli('audit', ORG);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\b40 people\b/);
    expect(r.stdout).toMatch(/Margaret Okafor\s+Executive Director/);
    expect(r.stdout).toMatch(/\b0 errors\b/);
  });
});

describe('sample-partner.xlsx (Eastside Housing Co-op)', () => {
  let report: Audit;
  beforeAll(() => {
    report = audit(PARTNER);
  });

  test('imports 12–15 people with hours matching the roster and no error issues', () => {
    expect(report.people.length).toBeGreaterThanOrEqual(12);
    expect(report.people.length).toBeLessThanOrEqual(15);
    expect(report.issues.filter((i) => i.severity === 'error').map((i) => i.message)).toEqual([]);
    const expected = rosterHours(PARTNER);
    for (const p of report.people) expect(Math.abs(p.hours - expected.get(p.name)!), p.name).toBeLessThanOrEqual(0.01);
  });

  test('is flatter than the organization', () => {
    const spread = (a: Audit) => {
      const es = a.people.map((p) => p.empowerment!);
      return Math.max(...es) - Math.min(...es);
    };
    expect(spread(report)).toBeLessThan(spread(audit(ORG)) / 2);
  });

  test('shares about half its task names with the organization, some spelled differently', () => {
    const orgTasks = records(ORG, 'Ratings').map((r) => String(r['Task']));
    const partnerTasks = records(PARTNER, 'Ratings').map((r) => String(r['Task']));
    const exact = partnerTasks.filter((t) => orgTasks.includes(t));
    const orgLoose = new Set(orgTasks.map(looseKey));
    const loose = partnerTasks.filter((t) => !orgTasks.includes(t) && orgLoose.has(looseKey(t)));
    expect(exact.length / partnerTasks.length).toBeGreaterThanOrEqual(0.35);
    expect(exact.length / partnerTasks.length).toBeLessThanOrEqual(0.6);
    expect(loose).toContain('Door to door canvassing');
    expect(loose.length).toBeGreaterThanOrEqual(3);
    expect(partnerTasks.length - exact.length - loose.length).toBeGreaterThanOrEqual(8);
  });
});

describe('import templates', () => {
  test('long template: headers are readable and its one example row imports as "Example Person"', () => {
    const [header, example, ...rest] = sheetRows(LONG_TEMPLATE, 'Tasks');
    expect(header).toEqual(['Name', 'Role', 'Department', 'Task', 'Hours per week', 'Empowerment (1-20)', 'Desirability (1-20)', 'Notes']);
    expect(String(example[7])).toMatch(/example/i);
    expect(rest).toEqual([]);
    const report = audit(LONG_TEMPLATE);
    expect(report.people).toHaveLength(1);
    expect(report.people[0]).toMatchObject({ name: 'Example Person', role: 'Organizer', department: 'Organizing', hours: 10, empowerment: 4, desirability: 6 });
    expect(report.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  test('matrix template: blank, refused with exit 1 and one plain line naming the file', () => {
    const [header, ...rest] = sheetRows(MATRIX_TEMPLATE, 'Hours');
    expect(header.slice(0, 4)).toEqual(['Task', 'Empowerment (1-20)', 'Desirability (1-20)', 'Person 1']);
    expect(rest).toEqual([]);
    const r = cli('audit', MATRIX_TEMPLATE, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^fairshare: /);
    expect(lines[0]).toContain('matrix-template.xlsx');
    expect(lines[0]).toMatch(/\bno\b/i);
    expect(lines[0]).not.toMatch(/internal error|TypeError|\bat .*:\d+:\d+/);
  });

  test('every template and sample sets column widths wide enough for its headers', () => {
    for (const file of [ORG, PARTNER, LONG_TEMPLATE, MATRIX_TEMPLATE]) {
      const wb = XLSX.read(readFileSync(file), { type: 'buffer', cellStyles: true });
      for (const name of wb.SheetNames) {
        const ws = wb.Sheets[name];
        const cols = ws['!cols'] ?? [];
        const [header] = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
        (header ?? []).forEach((h, c) => {
          const width = cols[c]?.width ?? cols[c]?.wch ?? 0;
          expect(width, `${path.basename(file)} "${name}" column ${c + 1}`).toBeGreaterThanOrEqual(Math.min(String(h).length, 60));
        });
      }
    }
  });
});

describe('scripts/make-samples.mjs', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'fairshare-samples-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the committed files are exactly what the script makes (deterministic, up to date)', () => {
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'make-samples.mjs'), '--out', dir], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const rel of ['sample-organization.xlsx', 'sample-partner.xlsx', 'templates/long-template.xlsx', 'templates/matrix-template.xlsx']) {
      const made = readFileSync(path.join(dir, rel));
      const committed = readFileSync(path.join(resources, rel));
      expect(made.equals(committed), `resources/${rel} differs from the script's output: run node scripts/make-samples.mjs`).toBe(true);
    }
  });
});
