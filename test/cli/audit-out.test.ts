/**
 * `fairshare audit` end to end (DESIGN.md §4 "The CLI"): the built CLI on the sample organization with
 * --json, --out (Excel summary read back with SheetJS), --tolerance and --pseudonymize (with its warning
 * about one-person roles and --hide-single-roles), and usage errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { cliPath, ensureCliBuilt, repoRoot } from '../helpers/hostile-cli';

const SAMPLE = path.join('resources', 'sample-organization.xlsx');
let dir = '';

interface Run { code: number | null; stdout: string; stderr: string }

function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(r: Run): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

function cellsText(file: string): string[] {
  const wb = XLSX.read(readFileSync(file), { type: 'buffer' });
  return wb.SheetNames.flatMap((s) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[s], { header: 1 }).flat()).filter((v) => v !== null && v !== undefined).map(String);
}

/** Names from the sample's Roster sheet (column "Name"). */
function rosterNames(): string[] {
  const wb = XLSX.read(readFileSync(path.join(repoRoot, SAMPLE)), { type: 'buffer' });
  const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Roster, { header: 1 });
  const col = (rows[0] as string[]).indexOf('Name');
  return rows.slice(1).map((r) => r[col]).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
}

beforeAll(() => {
  ensureCliBuilt();
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-audit-out-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fairshare audit --json --out', () => {
  let report: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  let out = '';
  beforeAll(() => {
    out = path.join(dir, 's.xlsx');
    report = json(cli('audit', SAMPLE, '--out', out, '--json'));
  });

  it('exits 0 and prints the metrics object of DESIGN.md §4', () => {
    const m = report.metrics;
    for (const k of ['empowerment', 'desirability', 'coordinator', 'lowDesirability', 'jointAdvantage', 'pay']) expect(m, k).toHaveProperty(k);
    for (const dim of ['empowerment', 'desirability']) {
      const d = m[dim];
      for (const k of ['mean', 'gini', 'palma', 'hoover', 'topDecileShare', 'top20Share', 'concentrationRatio', 'withinTolerance']) {
        expect(typeof d[k], `${dim}.${k}`).toBe('number');
        expect(Number.isFinite(d[k]), `${dim}.${k}`).toBe(true);
      }
      for (const by of ['department', 'role']) {
        for (const part of ['total', 'between', 'within']) expect(typeof d.theil[by][part], `${dim}.theil.${by}.${part}`).toBe('number');
        expect(d.theil[by].total).toBeCloseTo(d.theil[by].between + d.theil[by].within, 12);
      }
      expect(Array.isArray(d.lorenz)).toBe(true);
      expect(d.lorenz[0]).toEqual({ hours: 0, mass: 0 });
      expect(d.lorenz.at(-1).hours).toBeCloseTo(1, 9);
      expect(d.lorenz.at(-1).mass).toBeCloseTo(1, 9);
    }
    // 40 people in the sample: the true Palma (top 10%).
    expect(m.empowerment.palmaKind).toBe('palma');
    expect(m.tolerance).toBeCloseTo(0.95, 12);
    expect(Array.isArray(m.coordinator.members)).toBe(true);
    expect(m.lowDesirability.byEmpowermentTercile).toHaveLength(3);
    expect(m.pay).not.toBeNull();
    expect(typeof m.pay.redFlag).toBe('boolean');
    expect(Array.isArray(report.readings)).toBe(true);
    expect(report.readings.length).toBeGreaterThan(3);
    for (const r of report.readings) for (const k of ['key', 'label', 'figure', 'text']) expect(typeof r[k]).toBe('string');
    expect(report.scale).toEqual({ min: 1, max: 20 });
    expect(report.people).toHaveLength(40);
    // Every task lists its factor ratings (the sample has none).
    for (const t of report.tasks) expect(t).toMatchObject({ empowermentFactors: {}, desirabilityFactors: {} });
  });

  it('interval-scale figures (issue 11): absolute Gini from the people\'s scores, Gini = A ÷ (mean − scale min), cluster levels', () => {
    const m = report.metrics;
    type P = { hours: number; ratedShare: number; empowerment: number | null; name: string };
    const rated = (report.people as P[]).filter((p) => p.empowerment !== null && p.hours * p.ratedShare > 0);
    const H = rated.reduce((a, p) => a + p.hours * p.ratedShare, 0);
    let sum = 0;
    for (const a of rated) for (const b of rated) sum += a.hours * a.ratedShare * b.hours * b.ratedShare * Math.abs(a.empowerment! - b.empowerment!);
    // People's scores are rounded to 4 decimals in the JSON: agreement to 1e-3 points.
    expect(Math.abs(m.empowerment.absoluteGini - sum / (2 * H * H))).toBeLessThan(1e-3);
    for (const dim of ['empowerment', 'desirability']) {
      const d = m[dim];
      expect(d.absoluteGini, dim).toBeGreaterThan(0);
      expect(d.gini * (d.mean - report.scale.min), `${dim}: G = A/(mean − min)`).toBeCloseTo(d.absoluteGini, 9);
      expect(d.top20Gap, dim).toBeGreaterThan(0);
    }
    const c = m.coordinator;
    expect(c.levels.map((l: { multiple: number }) => l.multiple)).toEqual([1, 2, 3]);
    for (const l of c.levels) {
      const want = rated.filter((p) => p.empowerment! - m.empowerment.mean > l.threshold + 1e-3).map((p) => p.name).sort();
      expect([...l.names].sort(), `above ${l.multiple}τ`).toEqual(want);
    }
    expect(c.levels[1].names).toEqual(c.members.map((x: { name: string }) => x.name));
    // The sample's largest break, recomputed from the people's E (rounded to 4 decimals in the JSON): rank
    // the rated people, take the neighbour gaps above the mean, the lowest measured down to max(next, mean).
    const mean = m.empowerment.mean;
    const ranked = [...rated].sort((a, b) => b.empowerment! - a.empowerment! || a.name.localeCompare(b.name));
    const nAbove = ranked.filter((p) => p.empowerment! > mean).length;
    const gaps = ranked.slice(0, nAbove).map((p, k) => p.empowerment! - (k === nAbove - 1 ? Math.max(ranked[k + 1].empowerment!, mean) : ranked[k + 1].empowerment!));
    const best = gaps.indexOf(Math.max(...gaps));
    expect(c.largestBreak.above).toBe(best + 1);
    expect(Math.abs(c.largestBreak.gap - gaps[best])).toBeLessThan(1e-3);
    expect(c.largestBreak.lowestAbove).toBe(ranked[best].name);
    expect(c.largestBreak.highestBelow).toBe(ranked[best + 1].name);
    // At least 2τ wide and ≥ 3× the median of the other gaps: the sample's leadership is a clear group, the
    // top 5 of a 7-person cluster (3.8 points between the Finance Director and the Grant Writer).
    const others = gaps.filter((_, k) => k !== best).sort((a, b) => a - b);
    const median = others.length % 2 ? others[others.length >> 1] : (others[others.length / 2 - 1] + others[others.length / 2]) / 2;
    expect(gaps[best]).toBeGreaterThanOrEqual(2 * m.tolerance);
    expect(gaps[best]).toBeGreaterThanOrEqual(3 * median);
    expect(c.kind).toBe('clear');
    expect(c.members).toHaveLength(7);
    expect(c.largestBreak.above).toBe(5);
    expect(c.largestBreak.above).toBeLessThanOrEqual(c.members.length);
    expect(typeof c.gap).toBe('number');
    for (const x of c.members) expect(typeof x.restsOnSuggestions).toBe('boolean');
    expect(m.pay.pValue).toBeGreaterThan(0);
    expect(m.pay.pValue).toBeLessThanOrEqual(1);
    expect(m.pay.redFlag).toBe(m.pay.spearmanEmpowerment > 0 && m.pay.pValue < 0.05);
    expect(m.suggested.empowermentHoursShare).toBeGreaterThanOrEqual(0);
    expect(m.suggested.empowermentHoursShare).toBeLessThan(0.5);
  });

  it('text: findings lead with the interval-scale figures; the cluster block lists τ, 2τ, 3τ and the largest break', () => {
    const r = cli('audit', SAMPLE);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).not.toMatch(/^NOTE/);
    const f = lines.indexOf('Findings:');
    expect(lines[f + 1]).toMatch(/^  - The absolute Gini is [\d.]+ points/);
    expect(r.stdout).toMatch(/measured from the bottom of the scale/);
    // Issue 12: every headline figure answers "Is this high?", says once where that comes from, and Palma gives its even share.
    expect(lines[f + 1]).toMatch(/ Is this high\? Yes: jobs all within twice the tolerance \(±1\.9 points\) could give at most 0\.95\.$/);
    expect(r.stdout).toMatch(/^  \("Is this high\?" comes from the tolerance τ = ±0\.95 points: .* There are no published norms for these figures\.\)$/m);
    expect(r.stdout).toMatch(/^  - Measured from the bottom of the scale, the top 10% of hours hold [\d.]+ times as much of the empowering work as the bottom 40%; if every hour were equally empowering it would be 0\.25 \(10% ÷ 40%\)\./m);
    expect(r.stdout).toMatch(/joint advantage, people high on both: Spearman rank correlation [\d.]+, where 1 means the same order on both and 0 no link/);
    expect(r.stdout).toMatch(/^  above 2τ \([\d.]+ points\): \d+ (people|person), \d+% of hours$/m);
    // On the sample the same 7 are above τ and 3τ: the text says so rather than leaving a bare count.
    for (const k of [1, 3]) expect(r.stdout).toMatch(new RegExp(`^  above ${k}τ \\([\\d.]+ points\\): 7 people, \\d+% of hours; the same people as at 2τ$`, 'm'));
    expect(r.stdout).toMatch(/^  largest break: [\d.]+ points, between /m);
    // 7 in the cluster, the clear break below 5 of them: the heading does not call all 7 a clear group.
    expect(r.stdout).toMatch(/^Coordinator cluster: 7 people, the clearest break below the top 5 \(more than 1\.90 points above the mean of [\d.]+\)$/m);
    expect(r.stdout).toMatch(/^  - 7 people .* The ranked jobs break most clearly below the top 5 \(a gap of 3\.8 points\); the other 2 are more than 1\.9 points above the average too, without such a gap\./m);
    expect(r.stdout).not.toMatch(/clear group of 5/);
    // One note (the About sheet), printed, in the singular.
    expect(r.stdout).toMatch(/^Issues: 0 errors, 0 warnings, 1 note$/m);
    expect(r.stdout).toMatch(/^  note: Sheet "About" has no recognizable header/m);
  });

  it('writes the summary workbook, which reads back with the same Gini and people', () => {
    expect(existsSync(out)).toBe(true);
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    expect(wb.SheetNames).toEqual(['Summary', 'People', 'Roles', 'Departments', 'Tasks', 'Metrics', 'Issues']);
    const ws = wb.Sheets.Metrics;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 });
    const gini = rows.find((r) => r[0] === 'Gini')!;
    expect(gini[1]).toBe(report.metrics.empowerment.gini);
    expect(gini[2]).toBe(report.metrics.desirability.gini);
    const people = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.People, { header: 1 }).slice(1);
    expect(people.map((r) => r[0])).toEqual(report.people.map((p: { name: string }) => p.name));
    // No temp file left beside the target.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('--tolerance 2 widens the band: withinTolerance ≥ the default\'s, the coordinator threshold is 4', () => {
    const wide = json(cli('audit', SAMPLE, '--json', '--tolerance', '2'));
    expect(wide.metrics.tolerance).toBe(2);
    expect(wide.metrics.coordinator.threshold).toBe(4);
    expect(wide.metrics.empowerment.withinTolerance).toBeGreaterThanOrEqual(report.metrics.empowerment.withinTolerance);
    expect(wide.metrics.empowerment.withinTolerance).not.toBe(report.metrics.empowerment.withinTolerance);
    expect(wide.metrics.coordinator.members.length).toBeLessThanOrEqual(report.metrics.coordinator.members.length);
    // Everything that does not depend on τ is unchanged.
    expect(wide.metrics.empowerment.gini).toBe(report.metrics.empowerment.gini);
    // --tolerance=2 is the same request.
    expect(json(cli('audit', SAMPLE, '--json', '--tolerance=2')).metrics.empowerment.withinTolerance).toBe(wide.metrics.empowerment.withinTolerance);
  });
});

describe('an audit resting mostly on suggested ratings', () => {
  it('says so first: the text\'s first line, the first reading, the Summary sheet\'s first row after the title', () => {
    const csv = path.join(dir, 'suggested.csv');
    writeFileSync(csv, 'Name,Task,Hours\nAna,Data entry,20\nAna,Cleaning,20\nBo,Strategic planning,30\nBo,Bookkeeping,10\nCy,Cleaning,35\nCy,Board meetings,5\n');
    const out = path.join(dir, 'suggested.xlsx');
    const rep = json(cli('audit', csv, '--json', '--out', out));
    expect(rep.metrics.suggested.empowermentHoursShare).toBe(1);
    expect(rep.readings[0].key).toBe('suggested');
    const text = cli('audit', csv);
    expect(text.stdout.split('\n')[0]).toBe(`NOTE: ${rep.readings[0].text}`);
    expect(text.stdout.split('\n')[0]).toMatch(/^NOTE: More than half of the rated hours rest on suggested ratings: 100%/);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(XLSX.read(readFileSync(out), { type: 'buffer' }).Sheets.Summary, { header: 1 });
    expect(rows[1]).toEqual(['Rated by suggestion', 1, rep.readings[0].text]);
  });
});

describe('fairshare audit --pseudonymize', () => {
  it('neither the JSON nor the written workbook contains a roster name; roles and departments stay', () => {
    const names = rosterNames();
    expect(names.length).toBe(40);
    const out = path.join(dir, 'pseudo.xlsx');
    const r = cli('audit', SAMPLE, '--json', '--pseudonymize', '--out', out);
    const rep = json(r);
    expect(rep.pseudonymized).toBe(true);
    const lower = r.stdout.toLowerCase();
    for (const n of names) expect(lower, n).not.toContain(n.toLowerCase());
    for (const p of rep.people) expect(p.name).toMatch(/^P-\d{3}$/);
    expect(new Set(rep.people.map((p: { name: string }) => p.name)).size).toBe(40);
    expect(rep.people.some((p: { role: string }) => p.role === 'Executive Director')).toBe(true);
    for (const m of rep.metrics.coordinator.members) expect(m.name).toMatch(/^P-\d{3}$/);
    const text = cellsText(out).join('\n').toLowerCase();
    for (const n of names) expect(text, n).not.toContain(n.toLowerCase());
    // The text summary (no --json) too.
    const plain = cli('audit', SAMPLE, '--pseudonymize');
    expect(plain.code).toBe(0);
    for (const n of names) expect(plain.stdout.toLowerCase(), n).not.toContain(n.toLowerCase());
  });

  it('warns on stderr when roles or departments have one person, counting them, and says how to hide them', () => {
    const r = cli('audit', SAMPLE, '--pseudonymize');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("fairshare: warning: 18 roles have one person: their pseudonyms can be identified; add --hide-single-roles to write 'Other (hidden: one person each)' instead\n");
    const csv = path.join(dir, 'singles.csv');
    writeFileSync(csv, [
      'Name,Role,Department,Task,Hours per week,Empowerment (1-20),Desirability (1-20)',
      'Ana,Director,Leadership,Strategy,40,18,15', 'Bo,Treasurer,Office,Books,40,9,8', 'Cy,Clerk,Office,Filing,40,4,5',
      'Dee,Organizer,Field,Canvassing,40,8,10', 'Eve,Organizer,Field,Canvassing,40,8,10',
    ].join('\n') + '\n');
    expect(cli('audit', csv, '--pseudonymize', '--json').stderr).toBe(
      "fairshare: warning: 3 roles and 1 department have one person: their pseudonyms can be identified; add --hide-single-roles to write 'Other (hidden: one person each)' instead\n");
    // Names printed as they are: nothing to warn about.
    expect(cli('audit', csv).stderr).toBe('');
  });

  it('--hide-single-roles: no one-person role in the text, JSON or workbook; the kept roles stay; no warning', () => {
    const report = json(cli('audit', SAMPLE, '--json', '--pseudonymize'));
    const counts = new Map<string, number>();
    for (const p of report.people as { role: string | null }[]) if (p.role) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
    const single = [...counts].filter(([, n]) => n === 1).map(([role]) => role);
    const kept = [...counts].filter(([, n]) => n > 1).map(([role]) => role);
    expect(single).toHaveLength(18);
    const word = (r: string) => new RegExp(`(?<![\\p{L}])${r.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'iu');
    const named = (text: string) => single.filter((r) => word(r).test(text));

    const out = path.join(dir, 'hidden.xlsx');
    const r = cli('audit', SAMPLE, '--json', '--pseudonymize', '--hide-single-roles', '--out', out);
    expect(r.stderr).toBe('');
    const rep = json(r);
    expect(named(JSON.stringify(rep)), 'JSON').toEqual([]);
    expect(rep.people.filter((p: { role: string }) => p.role === 'Other (hidden: one person each)')).toHaveLength(18);
    expect(rep.hiddenGroups).toEqual({ roles: 18, departments: 0 });
    for (const k of kept) expect(rep.roles.map((g: { role: string }) => g.role), k).toContain(k);
    const wb = XLSX.read(readFileSync(out), { type: 'buffer' });
    const cells = wb.SheetNames.flatMap((s) => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[s], { header: 1 }).flat()).map(String).join('\n');
    expect(named(cells), 'workbook').toEqual([]);
    const text = cli('audit', SAMPLE, '--pseudonymize', '--hide-single-roles');
    expect(text.code).toBe(0);
    expect(named(text.stdout), 'text').toEqual([]);
    expect(text.stdout).toContain('Other (hidden: one person each)');
  });

  it('codes are stable between runs', () => {
    const a = json(cli('audit', SAMPLE, '--json', '--pseudonymize'));
    const b = json(cli('audit', SAMPLE, '--json', '--pseudonymize', '--tolerance', '3'));
    expect(b.people.map((p: { name: string }) => p.name)).toEqual(a.people.map((p: { name: string }) => p.name));
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['audit', SAMPLE, '--tolerance', 'abc']],
    [['audit', SAMPLE, '--tolerance', '0']],
    [['audit', SAMPLE, '--tolerance', '-1']],
    [['audit', SAMPLE, '--tolerance']],
    [['audit', SAMPLE, '--out']],
    [['audit', SAMPLE, '--hide-single-roles']],
    [['propose', SAMPLE, '--hide-single-roles']],
  ])('%j', (args) => {
    const r = cli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^fairshare: /);
    expect(r.stderr).not.toMatch(/\bat .*\.(c?js|ts):\d+/); // no stack trace
  });

  it('--tolerance abc names the flag and the value', () => {
    const r = cli('audit', SAMPLE, '--tolerance', 'abc');
    expect(r.stderr).toContain('--tolerance');
    expect(r.stderr).toContain('abc');
  });
});
