// The CLI on the fuzzing finds of issue 11: absurd numbers (1e308 hours on two tasks, 10^11, 1e20,
// "Infinity"/"NaN", a billion in pay; CSV and xlsx) finish quickly with located errors, and a ~60 MB
// nested HTML table is refused quickly with bounded memory (it took 2.9 GB before the markup bound).
import { beforeAll, describe, expect, test } from 'vitest';
import { describeRun, ensureCliBuilt, runCli } from '../helpers/hostile-cli';
import { MAX_RSS_MB, QUICK_MS, useHostileFiles } from '../helpers/hostile-files';
import { absurdCases, nestedHtmlTable } from '../helpers/absurd-numbers';

const { write, expectRefusal } = useHostileFiles();

interface AuditJson {
  people: { name: string; hours: number }[];
  issues: { severity: string; message: string; file: string; sheet: string | null; row: number | null; column: string | null }[];
}

describe('absurd numbers: the audit finishes with the located errors', () => {
  beforeAll(() => ensureCliBuilt(), 240_000);

  test.each(absurdCases().map((c) => [c.name, c] as const))('%s', async (name, c) => {
    const file = write(name, c.bytes);
    const r = await runCli(['audit', file, '--json'], { timeoutMs: 30_000, maxOldSpaceMb: 512 });
    const info = describeRun(r);
    expect(r.timedOut, info).toBe(false);
    expect(r.code, info).toBe(0);
    expect(r.ms, info).toBeLessThan(QUICK_MS);
    const out = JSON.parse(r.stdout) as AuditJson;
    for (const want of c.errors) {
      const hit = out.issues.find((i) => i.severity === 'error' && i.row === want.row && i.column === want.column);
      expect(hit, info).toBeDefined();
      expect(hit!.message).toMatch(want.message);
      expect(hit!.file).toBe(name);
      expect(hit!.sheet).not.toBeNull();
    }
    expect(Object.fromEntries(out.people.map((p) => [p.name, p.hours]))).toEqual(c.hours);
  });
});

describe('HTML and XML get a memory bound', () => {
  beforeAll(() => ensureCliBuilt(), 240_000);

  test('a ~60 MB nested HTML table is refused quickly in a 512 MB heap', async () => {
    const html = nestedHtmlTable(60);
    expect(html.length).toBeGreaterThan(60 * 1024 * 1024);
    const file = write('nested-table.html', html);
    const r = await expectRefusal(file, [/tables nested more than 4 deep/]);
    expect(r.maxRssMb!).toBeLessThanOrEqual(MAX_RSS_MB);
  });

  test('the same bomb saved as .xls (HTML under an Excel name) is refused the same way', async () => {
    const file = write('nested-table.xls', nestedHtmlTable(20));
    await expectRefusal(file, [/tables nested more than 4 deep/]);
  });
});
