/**
 * `fairshare ratings form` (electron/cli/ratingsForm.ts, issue 17): one workbook per form in the
 * folder, safe file names, a line per form, and clear refusals.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formFileName, ratingsForm, ratingsFormProblem, safeFilePart, splitRaters, type RatingsFormArgs } from '../../electron/cli/ratingsForm';
import { Unusable } from '../../electron/cli/io';
import { FORM_ID_SHEET } from '../../renderer/src/engine/ratingRound/types';

const SAMPLE = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');

afterEach(() => vi.restoreAllMocks());

async function run(args: Partial<RatingsFormArgs>): Promise<{ code: number; out: string; err: string; dir: string }> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'forms-')), 'round', 'one');
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  const code = await ratingsForm({ file: SAMPLE, factors: false, out: dir, noSuggest: false, ...args });
  vi.restoreAllMocks();
  return { code, out, err, dir: args.out ?? dir };
}

function formIdOf(file: string): unknown {
  const wb = XLSX.read(readFileSync(file));
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[FORM_ID_SHEET], { header: 1 })[1][1];
}

describe('ratings form', () => {
  it('writes a form per named rater into a new folder, says where, and warns of a name not in the roster', async () => {
    const r = await run({ raters: splitRaters(' margaret okafor; Tomás Herrera;;Guest / Rater;') });
    expect(r.code).toBe(0);
    expect(readdirSync(r.dir).sort()).toEqual(['form-01-Margaret_Okafor.xlsx', 'form-02-Tomas_Herrera.xlsx', 'form-03-Guest_Rater.xlsx'].sort());
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^form-01-Margaret_Okafor\.xlsx {2}([2-9A-Z]{4})-01 {2}Margaret Okafor, 8 own tasks first$/);
    expect(lines[2]).toMatch(/^form-03-Guest_Rater\.xlsx {2}[2-9A-Z]{4}-03 {2}Guest \/ Rater$/);
    expect(lines.at(-1)).toBe(`Wrote 3 forms (77 tasks, scale 1-20) to ${r.dir}`);
    expect(r.err).toBe('fairshare: warning: Guest / Rater is not in the roster: the form lists every task by name, none as theirs\n');
    expect(formIdOf(path.join(r.dir, 'form-02-Tomas_Herrera.xlsx'))).toBe(lines[1].split(/\s+/)[1]);
  });

  it('writes numbered anonymous forms with --count, with factor columns on --factors', async () => {
    const r = await run({ count: 3, factors: true });
    expect(r.code).toBe(0);
    expect(readdirSync(r.dir).sort()).toEqual(['form-01.xlsx', 'form-02.xlsx', 'form-03.xlsx']);
    expect(r.out).toMatch(/^form-02\.xlsx {2}[2-9A-Z]{4}-02 {2}anonymous form 2$/m);
    expect(r.out).toMatch(/Wrote 3 forms \(77 tasks, scale 1-20, 13 factors\)/);
  });

  it.each([
    [{ raters: ['Ann'], count: 2 }, 'ratings form: give either --raters or --count N, not both'],
    [{}, 'ratings form: give --raters or --count N'],
    [{ count: 0 }, 'ratings form: the count of forms must be a whole number from 1 to 500, got 0'],
    [{ count: 501 }, 'ratings form: the count of forms must be a whole number from 1 to 500, got 501'],
    [{ raters: ['Ann Lee', 'ANN  LEE'] }, 'ratings form: the rater "ANN LEE" is named twice (as "Ann Lee"): each member gets one form'],
  ])('refuses %j (exit 2, nothing written)', async (args, message) => {
    expect(ratingsFormProblem(args)).toBe(message);
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`fairshare: ${message}\n`);
    expect(existsSync(r.dir)).toBe(false);
  });

  it('refuses an --out that is a file', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'forms-')), 'taken.xlsx');
    writeFileSync(file, 'x');
    await expect(run({ count: 1, out: file })).rejects.toThrow(Unusable);
    await expect(run({ count: 1, out: file })).rejects.toThrow(`--out ${file} is a file: give a folder for the forms`);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('file names', () => {
  it('keep letters (accents dropped), digits, dots and dashes; the rest becomes "_"', () => {
    expect(safeFilePart('Ana Lucía Morales')).toBe('Ana_Lucia_Morales');
    expect(safeFilePart('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFilePart('李雷')).toBe('');
    expect(safeFilePart('x'.repeat(200))).toHaveLength(60);
    const spec = { formId: 'R7K2-07', rater: '李雷' } as Parameters<typeof formFileName>[0];
    expect(formFileName(spec)).toBe('form-07.xlsx');
    expect(formFileName({ ...spec, rater: 'Ann Lee' })).toBe('form-07-Ann_Lee.xlsx');
    expect(formFileName({ ...spec, rater: null })).toBe('form-07.xlsx');
  });
});
