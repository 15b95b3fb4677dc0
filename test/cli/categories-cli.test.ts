/**
 * Category mode on the command line (issue 17): `fairshare audit` adds a "Categories" section (and
 * `categories` in --json) only when a task has a category, pseudonymized like the rest; `fairshare
 * propose --categories [--delta D]` balances the mix and prints the moves, which keep every
 * person's and task's hours and leave everyone balanced. Run on test/fixtures/categories/.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliPath, ensureCliBuilt, repoRoot } from '../helpers/hostile-cli';

const FIXTURE = path.join('test', 'fixtures', 'categories', 'south-end-press.csv');
const PLAIN = path.join('test', 'fixtures', 'import', 'long-basic.xlsx');

interface Run { code: number | null; stdout: string; stderr: string }
function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [cliPath, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function json(r: Run): any { // eslint-disable-line @typescript-eslint/no-explicit-any
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(() => ensureCliBuilt());

describe('fairshare audit: the Categories section', () => {
  it('prints the mix (hand-computed from the fixture), balanced hours and the people furthest off, with δ', () => {
    const r = cli('audit', FIXTURE);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Categories (balanced: every share within ±10 points');
    // 142, 80, 62, 36, 4 of 324 h.
    expect(r.stdout).toContain("The organization's mix: Content 44% (142 h), Administrative 25% (80 h), Maintenance 19% (62 h), Managerial 11% (36 h), (none) 1% (4 h)");
    expect(r.stdout).toContain('0 of 10 people balanced; 0% of hours are in balanced jobs');
    // Ken does only maintenance: ½(|1 − 62/324| + 142/324 + 80/324 + 36/324 + 4/324) = 1 − 62/324 = 81%.
    expect(r.stdout).toMatch(/Furthest off[^\n]*\n {4}Ken Brandt: 81% of hours off the mix \(Maintenance 100% against 19%\)/);
  });

  it('adds categories to --json with shares 0–1', () => {
    const c = json(cli('audit', FIXTURE, '--json')).categories;
    expect(c.delta).toBe(0.1);
    expect(c.totalHours).toBe(324);
    expect(c.categories.map((x: { name: string; hours: number }) => [x.name, x.hours])).toEqual([['Content', 142], ['Administrative', 80], ['Maintenance', 62], ['Managerial', 36], ['(none)', 4]]);
    expect(c.categories[0].share).toBeCloseTo(142 / 324, 12);
    expect(c.jobs).toHaveLength(10);
    expect(c.furthest[0]).toEqual({ name: 'Ken Brandt', score: expect.closeTo(1 - 62 / 324, 12), category: 'Maintenance', gap: expect.closeTo(1 - 62 / 324, 12) });
  });

  it('leaves the section and the key out when no task has a category', () => {
    const r = cli('audit', PLAIN);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('Categories');
    expect('categories' in json(cli('audit', PLAIN, '--json'))).toBe(false);
  });

  it('names people by their pseudonyms with --pseudonymize', () => {
    const r = cli('audit', FIXTURE, '--pseudonymize');
    expect(r.code, r.stderr).toBe(0);
    const section = r.stdout.slice(r.stdout.indexOf('Categories ('));
    expect(section).toContain('Furthest off');
    for (const name of ['Ken Brandt', 'Rosa Chen', 'Sam Ortiz', 'Lena Sorel']) expect(r.stdout).not.toContain(name);
    const j = json(cli('audit', FIXTURE, '--pseudonymize', '--json'));
    const reportNames = new Set(j.people.map((p: { name: string }) => p.name));
    expect(j.categories.jobs.every((p: { name: string }) => reportNames.has(p.name))).toBe(true);
  });
});

describe('fairshare propose --categories', () => {
  it('balances every job and keeps every person’s and task’s hours (--json)', () => {
    const c = json(cli('propose', FIXTURE, '--categories', '--json')).categories;
    expect(c.status).toBe('optimal');
    expect(c.delta).toBe(0.1);
    expect(c.blocks).toBe(true);
    expect(c.before.balancedPeople).toBe(0);
    expect(c.after.balancedPeople).toBe(10);
    expect(c.after.balancedHoursShare).toBe(1);
    const moved = c.transfers.reduce((s: number, t: { hours: number }) => s + t.hours, 0);
    expect(c.movedHours).toBeCloseTo(moved, 9);
    expect(c.movedHours).toBeGreaterThanOrEqual(c.lpMovedHours - 1e-9);
    const net = new Map<string, number>();
    for (const t of c.transfers) {
      expect(t.hours % 0.5).toBe(0);
      net.set(t.fromName, (net.get(t.fromName) ?? 0) - t.hours);
      net.set(t.toName, (net.get(t.toName) ?? 0) + t.hours);
    }
    for (const [, n] of net) expect(n).toBeCloseTo(0, 9);
    const jobHours = (j: { name: string; hours: number }[]) => Object.fromEntries(j.map((x) => [x.name, x.hours]));
    expect(jobHours(c.after.jobs)).toEqual(jobHours(c.before.jobs));
    expect(c.after.categories).toEqual(c.before.categories);
  });

  it('prints the moves as text, and a tighter --delta moves more', () => {
    const r = cli('propose', FIXTURE, '--categories');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("balancing categories of work to ±10 points of the organization's mix");
    expect(r.stdout).toMatch(/of 324 weekly hours change hands \(\d+%\), in \d+ transfers \(in whole 0\.5-h blocks; the exact minimum is [\d.]+ h\)/);
    expect(r.stdout).toContain('Balanced jobs: 0 → 10 of 10; hours in balanced jobs 0% → 100%.');
    expect(r.stdout).toMatch(/\n {2}Mailroom: Ken Brandt → \S[^\n]* [\d.]+ h/);
    const wide = json(cli('propose', FIXTURE, '--categories', '--delta', '20', '--json')).categories;
    const tight = json(cli('propose', FIXTURE, '--categories', '--delta=5%', '--json')).categories;
    expect(wide.delta).toBe(0.2);
    expect(tight.delta).toBe(0.05);
    expect(tight.movedHours).toBeGreaterThan(wide.movedHours);
    expect(json(cli('propose', FIXTURE, '--categories', '--delta', '100', '--json')).categories).toMatchObject({ status: 'balanced', movedHours: 0, transfers: [] });
  });

  it('says there is nothing to balance on a file without categories', () => {
    expect(json(cli('propose', PLAIN, '--categories', '--json')).categories.status).toBe('no-categories');
    expect(cli('propose', PLAIN, '--categories').stdout).toContain('No task has a category');
  });

  it('refuses --delta without --categories, a fraction for points, the flags on audit, and --out', () => {
    for (const args of [['propose', FIXTURE, '--delta', '10'], ['propose', FIXTURE, '--categories', '--delta', '0.1'], ['propose', FIXTURE, '--categories', '--delta', '-5'], ['audit', FIXTURE, '--categories']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--delta|--categories/);
    }
    const out = cli('propose', FIXTURE, '--categories', '--out', 'x.xlsx');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--out is not written in category mode');
  });
});
