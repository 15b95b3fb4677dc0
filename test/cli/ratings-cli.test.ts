/**
 * `fairshare ratings form|collect` through the built CLI (issue 17): the command line as a member of
 * staff would type it — forms written to a folder, the LibreOffice-saved fixture forms collected
 * (the JSON contract, a contested task), the round written into a project the audit then reads,
 * and usage errors with exit 2.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cli, ensureFreshCli } from '../helpers/balance-cli';
import { json } from '../helpers/propose-cli';

/* eslint-disable @typescript-eslint/no-explicit-any */
const RIVERSIDE = path.join('resources', 'sample-organization.xlsx');
const FIXTURES = path.join('test', 'fixtures', 'rating-forms');
const returned = () => readdirSync(FIXTURES).filter((f) => /\.(xlsx|ods)$/.test(f)).map((f) => path.join(FIXTURES, f));
let dir = '';

beforeAll(() => {
  ensureFreshCli();
  dir = mkdtempSync(path.join(tmpdir(), 'fairshare-ratings-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('fairshare ratings', () => {
  it('form --count writes one numbered workbook per form into the folder', () => {
    const out = path.join(dir, 'forms');
    const r = cli('ratings', 'form', RIVERSIDE, '--count', '3', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['form-01.xlsx', 'form-02.xlsx', 'form-03.xlsx']);
    expect(r.stdout).toContain('Wrote 3 forms (77 tasks, scale 1-20)');
  });

  it('collect --json reads the returned forms: per task the raters, median, quartiles and contested; alpha; groups', () => {
    const forms = returned();
    expect(forms).toHaveLength(3);
    const r = json(cli('ratings', 'collect', RIVERSIDE, ...forms, '--json'));
    const budgetE = r.tasks.find((t: any) => t.name === 'Budget decisions' && t.dimension === 'empowerment');
    // Rated 19, 3 and 18 (test/fixtures/rating-forms/README.md): a rater in each extreme third.
    expect(budgetE).toMatchObject({ raters: 3, median: 18, q1: 10.5, q3: 18.5, contested: true });
    expect(Object.keys(r.alpha).sort()).toEqual(['desirability', 'empowerment']);
    expect(Array.isArray(r.groups)).toBe(true);
    expect(Array.isArray(r.issues)).toBe(true);
  });

  it('collect --out writes a project whose audit rests on the members\' medians', () => {
    const project = path.join(dir, 'round.fairshare');
    const r = cli('ratings', 'collect', RIVERSIDE, ...returned(), '--out', project);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(project)).toBe(true);
    const audit = json(cli('audit', project, '--json'));
    const budget = audit.tasks.find((t: any) => t.name === 'Budget decisions');
    expect(budget).toMatchObject({ empowerment: 18, source: 'members' });
  });

  it('refuses a malformed command line with exit 2', () => {
    for (const args of [['ratings'], ['ratings', 'send', RIVERSIDE], ['ratings', 'form', RIVERSIDE, '--out', dir], ['ratings', 'form', RIVERSIDE, '--count', '2', '--raters', 'A;B', '--out', dir], ['ratings', 'collect', RIVERSIDE], ['ratings', 'collect', RIVERSIDE, 'x.xlsx', '--factors']]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0]).toMatch(/^fairshare: /);
    }
  });
});
