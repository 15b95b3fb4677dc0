/**
 * The committed filled rating forms re-saved by LibreOffice (test/fixtures/rating-forms/, issue 17)
 * hold what their expected.json says. MAKE_RATING_FIXTURES=1 regenerates them (needs soffice).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importOrganization } from '../../renderer/src/engine/import';
import { makeFormSpecs } from '../../renderer/src/engine/ratingRound/formSpecs';
import { FORM_HEADER_ROW, FORM_ID_SHEET, FORM_SHEET } from '../../renderer/src/engine/ratingRound/types';
import { formCellText } from '../../renderer/src/engine/formats/ratingFormWorkbook';
import { DEFAULT_LIMITS, readWorkbook } from '../../renderer/src/engine/formats/readWorkbook';
import { filledForm, type FilledTask } from '../helpers/rating-forms';

const DIR = path.join(__dirname, '..', 'fixtures', 'rating-forms');

interface Expected {
  file: string;
  formId: string;
  rater: string | null;
  raterNumber: number;
  /** Task id and name, E and D as typed (null = left blank); tasks not listed are blank. */
  ratings: { task: string; name: string; e: number | null; d: number | null }[];
  comments: { task: string; comment: string }[];
}

/** The round: three raters of the Riverside sample, one not in its roster; "budget decisions" E is contested (19, 3, 18). */
const RATERS = ['Margaret Okafor', 'Daniel Reyes', 'Guest Rater'];
const VALUES: Record<string, FilledTask>[] = [
  { 'strategic planning': { e: 18, d: 15 }, 'budget decisions': { e: 19, d: 12 }, 'clean restrooms': { e: 2, d: 3 }, 'answer phones': { e: 5, d: 9 }, 'grant writing': { e: 14, d: 11, comment: 'only the large grants' }, 'mop and wax floors': { e: 2 } },
  { 'strategic planning': { e: 17, d: 14 }, 'budget decisions': { e: 3, d: 10 }, 'clean restrooms': { e: 1, d: 4 }, 'answer phones': { e: 6, d: 8 }, 'mop and wax floors': { e: 3, d: 5 } },
  { 'strategic planning': { e: 19, d: 16 }, 'budget decisions': { e: 18, d: 6 }, 'clean restrooms': { e: 2, d: 2 }, 'answer phones': { e: 4, d: 10 }, 'grant writing': { e: 13, d: 12 }, 'mop and wax floors': { e: 1, d: 3 } },
];
const FORMATS = ['xlsx', 'xlsx', 'ods'];

function sample(): ReturnType<typeof importOrganization>['organization'] & object {
  const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
  return importOrganization(new Uint8Array(readFileSync(file)), file).organization!;
}

describe.runIf(process.env.MAKE_RATING_FIXTURES === '1')('making the fixtures', () => {
  it('writes, fills and re-saves each form through LibreOffice', () => {
    const forms = makeFormSpecs(sample(), { project: 'Riverside', raters: RATERS, created: '2026-03-02' });
    const tmp = mkdtempSync(path.join(tmpdir(), 'rating-forms-'));
    forms.forEach((spec, i) => {
      const stem = `riverside-${String(i + 1).padStart(2, '0')}-${spec.rater!.toLowerCase().replace(/\s+/g, '-')}`;
      const filled = path.join(tmp, `${stem}.xlsx`);
      writeFileSync(filled, filledForm(spec, VALUES[i]));
      const outdir = path.join(tmp, 'out');
      execFileSync('soffice', ['--headless', '--convert-to', FORMATS[i], '--outdir', outdir, filled], { stdio: 'ignore', timeout: 120_000 });
      copyFileSync(path.join(outdir, `${stem}.${FORMATS[i]}`), path.join(DIR, `${stem}.${FORMATS[i]}`));
      const byId = new Map(spec.tasks.map((t) => [t.id, t.name]));
      const expected: Expected = {
        file: `${stem}.${FORMATS[i]}`, formId: spec.formId, rater: spec.rater, raterNumber: spec.raterNumber,
        ratings: Object.entries(VALUES[i]).map(([task, v]) => ({ task, name: byId.get(task)!, e: (v.e as number | undefined) ?? null, d: (v.d as number | undefined) ?? null })),
        comments: Object.entries(VALUES[i]).filter(([, v]) => v.comment).map(([task, v]) => ({ task, comment: v.comment! })),
      };
      writeFileSync(path.join(DIR, `${stem}.expected.json`), JSON.stringify(expected, null, 2) + '\n');
    });
  });
});

// While making them, the fixtures are not there to check yet.
const EXPECTED: Expected[] = process.env.MAKE_RATING_FIXTURES === '1' ? [] : ['riverside-01-margaret-okafor', 'riverside-02-daniel-reyes', 'riverside-03-guest-rater']
  .map((stem) => JSON.parse(readFileSync(path.join(DIR, `${stem}.expected.json`), 'utf8')) as Expected);

describe.each(EXPECTED)('fixture $file', (expected) => {
  const bytes = new Uint8Array(readFileSync(path.join(DIR, expected.file)));
  const book = readWorkbook(bytes, expected.file, DEFAULT_LIMITS);

  it('keeps the form ID sheet and its task list', () => {
    const id = book.sheets.find((s) => s.name === FORM_ID_SHEET)!;
    const keys = new Map(id.rows.slice(0, 9).map((r) => [r[0], r[1] ?? null]));
    expect(keys.get('formId')).toBe(expected.formId);
    expect(keys.get('rater')).toBe(expected.rater);
    expect(keys.get('raterNumber')).toBe(expected.raterNumber);
    expect(id.rows[9][0]).toBe('tasks');
    expect(id.rows.length - 10).toBe(77);
  });

  it('holds the ratings and comments of expected.json, and nothing else', () => {
    const form = book.sheets.find((s) => s.name === FORM_SHEET)!;
    const tasks = book.sheets.find((s) => s.name === FORM_ID_SHEET)!.rows.slice(10).map((r) => formCellText(String(r[0])));
    const found: Expected['ratings'] = [];
    const comments: Expected['comments'] = [];
    form.rows.slice(FORM_HEADER_ROW).forEach((r, i) => {
      const [name, , e, d, comment] = [0, 1, 2, 3, 4].map((c) => r[c] ?? null);
      if (e !== null || d !== null) found.push({ task: tasks[i], name: name as string, e: e as number | null, d: d as number | null });
      if (comment !== null) comments.push({ task: tasks[i], comment: comment as string });
    });
    const order = (a: { task: string }, b: { task: string }): number => a.task.localeCompare(b.task);
    expect(found.sort(order)).toEqual([...expected.ratings].sort(order));
    expect(comments).toEqual(expected.comments);
  });

  it('is still hidden where it should be, and still validated (xlsx)', () => {
    const parts = unzipSync(bytes);
    if (expected.file.endsWith('.ods')) {
      const content = strFromU8(parts['content.xml']);
      expect(content).toMatch(/<table:content-validation\b/);
      const style = /<table:table table:name="_form" table:style-name="([^"]+)"/.exec(content)![1];
      expect(content).toMatch(new RegExp(`<style:style style:name="${style}"[^>]*><style:table-properties table:display="false"`));
      return;
    }
    expect(strFromU8(parts['xl/workbook.xml'])).toMatch(/<sheet name="_form"[^>]*state="hidden"/);
    expect(strFromU8(parts['xl/worksheets/sheet1.xml'])).toMatch(/<dataValidation [^>]*type="list"/);
  });
});
