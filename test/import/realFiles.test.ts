/**
 * Acceptance test: workbooks made by other programs (LibreOffice-written .xlsx/.xlsm/.xls/.ods,
 * hand-written CSV/TSV) of every kind in DESIGN.md §3, imported through the built CLI exactly as a
 * new user would run it (`fairshare audit FILE --json`). Every person, their total hours and their
 * E and D must come back to 0.01 hours / 0.01 scale points, on the expected scale, with no extra
 * people, and the listed issues present at their spreadsheet row and column.
 *
 * Fixtures and their hand-computed answers live in test/fixtures/import/ (FILE + FILE.expected.json);
 * test/fixtures/import/make-fixtures.py regenerates them (needs LibreOffice, so CI uses the stored files).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'import');
const cliPath = path.join(repoRoot, 'out', 'cli', 'fairshare.cjs');
const CLI_TIMEOUT_MS = 60_000;

interface ExpectedPerson {
  name: string;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
  ratedShare?: number;
}

interface ExpectedIssue {
  severity: 'error' | 'warning' | 'info';
  row: number;
  column: string;
  sheet?: string;
}

interface Expected {
  description?: string;
  args?: string[];
  scale: { min: number; max: number };
  people: ExpectedPerson[];
  issues?: ExpectedIssue[];
}

interface CliPerson {
  name: string;
  hours: number;
  empowerment: number | null;
  desirability: number | null;
  ratedShare?: number;
  [key: string]: unknown;
}

interface CliIssue {
  severity: string;
  message: string;
  file?: string | null;
  sheet?: string | null;
  row: number | null;
  column: string | null;
}

interface CliAudit {
  scale: { min: number; max: number };
  people: CliPerson[];
  issues?: CliIssue[];
}

/** Names are compared as DESIGN.md §4 says people are identified: trimmed, spaces collapsed, case-insensitive. */
function normName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

const expectedFiles = readdirSync(fixturesDir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort();

function loadExpected(expectedFile: string): { fixture: string; expected: Expected } {
  const fixture = expectedFile.slice(0, -'.expected.json'.length);
  const expected = JSON.parse(readFileSync(path.join(fixturesDir, expectedFile), 'utf8')) as Expected;
  return { fixture, expected };
}

function runAudit(fixture: string, args: string[]): CliAudit {
  const file = path.join(fixturesDir, fixture);
  const r = spawnSync(process.execPath, [cliPath, 'audit', file, '--json', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: CLI_TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const cmd = `fairshare audit ${fixture} --json ${args.join(' ')}`.trim();
  if (r.error) throw new Error(`${cmd}: could not run (${r.error.message})`);
  expect(
    r.status,
    `${cmd} exited ${r.status ?? r.signal}; stderr: ${(r.stderr || '').trim().slice(0, 2000)}`,
  ).toBe(0);
  try {
    return JSON.parse(r.stdout) as CliAudit;
  } catch (e) {
    throw new Error(`${cmd}: stdout is not one JSON object (${(e as Error).message}): ${r.stdout.slice(0, 500)}`);
  }
}

function checkNumber(label: string, actual: unknown, expected: number | null): void {
  if (expected === null) {
    expect.soft(actual ?? null, `${label} should be null`).toBeNull();
    return;
  }
  expect.soft(typeof actual, `${label} should be a number, got ${JSON.stringify(actual)}`).toBe('number');
  if (typeof actual === 'number') expect.soft(actual, label).toBeCloseTo(expected, 2);
}

beforeAll(() => {
  if (existsSync(cliPath)) return;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-cli.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (r.status !== 0 || !existsSync(cliPath)) {
    throw new Error(
      `could not build the CLI: node scripts/build-cli.mjs exited ${r.status ?? r.signal}` +
        `${existsSync(cliPath) ? '' : ', and out/cli/fairshare.cjs is still missing'}; ` +
        `stderr: ${(r.stderr || '').trim().slice(0, 2000)}`,
    );
  }
}, 300_000);

describe('importing real files made by other programs (DESIGN.md §3)', () => {
  it('has a fixture and an expected answer for every kind of input', () => {
    const fixtures = expectedFiles.map((f) => loadExpected(f).fixture);
    for (const f of fixtures) expect(existsSync(path.join(fixturesDir, f)), `${f} is missing`).toBe(true);
    const exts = new Set(fixtures.map((f) => path.extname(f).toLowerCase()));
    for (const ext of ['.xlsx', '.xlsm', '.xls', '.ods', '.csv', '.tsv']) {
      expect(exts.has(ext), `no ${ext} fixture`).toBe(true);
    }
    for (const stem of [
      'long-basic',
      'matrix-tasks-by-people',
      'matrix-people-by-tasks',
      'matrix-percent-roster',
      'roster-tasks-by-id',
      'roster-tasks-by-name',
      'role-headcount',
      'percent-long',
      'bad-rows',
    ]) {
      expect(fixtures.some((f) => f.startsWith(stem + '.')), `no ${stem} fixture`).toBe(true);
    }
  });

  it.each(expectedFiles)('%s', (expectedFile) => {
    const { fixture, expected } = loadExpected(expectedFile);
    const out = runAudit(fixture, expected.args ?? []);

    expect.soft(out.scale, `${fixture}: scale`).toEqual(expected.scale);

    expect(Array.isArray(out.people), `${fixture}: people[] missing`).toBe(true);
    const byName = new Map<string, CliPerson>();
    for (const p of out.people) {
      const key = normName(String(p.name));
      expect.soft(byName.has(key), `${fixture}: person "${p.name}" listed twice`).toBe(false);
      byName.set(key, p);
    }
    const gotNames = out.people.map((p) => p.name).join(', ');

    for (const want of expected.people) {
      const got = byName.get(normName(want.name));
      expect.soft(got, `${fixture}: person "${want.name}" missing (got: ${gotNames})`).toBeDefined();
      if (!got) continue;
      const label = `${fixture}: ${want.name}`;
      checkNumber(`${label} hours`, got.hours, want.hours);
      checkNumber(`${label} empowerment`, got.empowerment, want.empowerment);
      checkNumber(`${label} desirability`, got.desirability, want.desirability);
      if (want.ratedShare !== undefined) checkNumber(`${label} ratedShare`, got.ratedShare, want.ratedShare);
    }

    const wanted = new Set(expected.people.map((p) => normName(p.name)));
    const extra = out.people.filter((p) => !wanted.has(normName(String(p.name)))).map((p) => p.name);
    expect.soft(extra, `${fixture}: people that should not be there`).toEqual([]);

    const issues = out.issues ?? [];
    const shown = issues
      .map((i) => `${i.severity} ${i.sheet ?? '-'}!${i.column ?? '?'}${i.row ?? '?'} ${i.message}`)
      .join('\n  ');
    for (const want of expected.issues ?? []) {
      const hit = issues.find(
        (i) =>
          i.severity === want.severity &&
          i.row === want.row &&
          i.column === want.column &&
          (want.sheet === undefined || i.sheet === want.sheet),
      );
      expect
        .soft(
          hit,
          `${fixture}: expected ${want.severity === 'error' ? 'an' : 'a'} ${want.severity} at ${want.sheet ? want.sheet + '!' : ''}${want.column}${want.row}; ` +
            `issues were:\n  ${shown || '(none)'}`,
        )
        .toBeDefined();
    }
  });
});
