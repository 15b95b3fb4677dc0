/**
 * The written rating form (issue 17) read back: the documented layout, the hidden form ID sheet,
 * data validation on exactly the rating cells, neutralized names, anonymous forms without a name.
 */
import { strFromU8, unzipSync } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import type { Organization, Scale, Task } from '../../renderer/src/engine/model/types';
import { makeFormSpecs } from '../../renderer/src/engine/ratingRound/formSpecs';
import { FORM_COLUMNS, FORM_HEADER_ROW, FORM_ID_SHEET, FORM_SHEET, type RatingFormSpec } from '../../renderer/src/engine/ratingRound/types';
import { formCellText, formHeader, writeRatingForm } from '../../renderer/src/engine/formats/ratingFormWorkbook';
import { DEFAULT_LIMITS, readWorkbook } from '../../renderer/src/engine/formats/readWorkbook';
import { filledForm } from '../helpers/rating-forms';
import { cellXf, openXml } from '../helpers/xlsx-styles';

function task(name: string): Task {
  return { id: name.toLowerCase(), name, empowerment: null, desirability: null, empowermentFactors: {}, desirabilityFactors: {}, source: 'unrated', reason: null, requires: [], chore: false };
}
const person = (id: string, name: string): Organization['people'][number] => ({ id, name, role: null, department: null, fte: null, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] });

function org(scale: Scale = { min: 1, max: 20 }): Organization {
  return {
    people: [person('p1', 'Ann Lee'), person('p2', 'Bob Stone')],
    tasks: [task('Sweep floors'), task('Budget'), task('=HYPERLINK("http://x","y")'), task('Cook lunch')],
    assignments: [
      { personId: 'p1', taskId: 'cook lunch', hours: 10, locked: false },
      { personId: 'p1', taskId: 'budget', hours: 2.25, locked: false },
      { personId: 'p2', taskId: 'sweep floors', hours: 30, locked: false },
    ],
    scale,
    hoursPerFte: 40,
  };
}
const BASE = { project: 'Co-op', created: '2026-03-02' };

function read(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array' });
}
function rowsOf(ws: XLSX.WorkSheet): unknown[][] {
  return XLSX.utils.sheet_to_json(ws, { header: 1, defval: null, blankrows: true });
}
function sheetXml(bytes: Uint8Array, n = 1): string {
  return strFromU8(unzipSync(bytes)[`xl/worksheets/sheet${n}.xml`]);
}
/** Every cell a list of sqref ranges covers, as "C11". */
function cellsOf(sqrefs: string[]): Set<string> {
  const out = new Set<string>();
  for (const ref of sqrefs.flatMap((s) => s.split(' '))) {
    const r = XLSX.utils.decode_range(ref);
    for (let row = r.s.r; row <= r.e.r; row++) for (let c = r.s.c; c <= r.e.c; c++) out.add(XLSX.utils.encode_cell({ r: row, c }));
  }
  return out;
}
function validations(xml: string): { type: string; sqref: string; f1: string; f2: string | null; error: string }[] {
  return [...xml.matchAll(/<dataValidation ([^>]*)>(.*?)<\/dataValidation>/g)].map((m) => ({
    type: /type="(\w+)"/.exec(m[1])![1],
    sqref: /sqref="([^"]+)"/.exec(m[1])![1],
    f1: /<formula1>(.*?)<\/formula1>/.exec(m[2])![1],
    f2: /<formula2>(.*?)<\/formula2>/.exec(m[2])?.[1] ?? null,
    error: /error="([^"]*)"/.exec(m[1])![1],
  }));
}

describe('the form sheet', () => {
  const [ann] = makeFormSpecs(org(), { ...BASE, raters: ['Ann Lee'] });
  const bytes = writeRatingForm(ann);
  const wb = read(bytes);

  it('has the form sheet, then the ID sheet hidden', () => {
    expect(wb.SheetNames).toEqual([FORM_SHEET, FORM_ID_SHEET]);
    expect(wb.Workbook?.Sheets?.map((s) => s.Hidden ?? 0)).toEqual([0, 1]);
    expect(strFromU8(unzipSync(bytes)['xl/workbook.xml'])).toMatch(/<sheet name="_form"[^>]*state="hidden"/);
  });

  it('has the instructions above the header row, the header, and the tasks own first with their hours', () => {
    const rows = rowsOf(wb.Sheets[FORM_SHEET]);
    const instructions = rows.slice(0, FORM_HEADER_ROW - 1).map((r) => r[0] ?? '').join('\n');
    expect(instructions).toMatch(/Empowerment \(E\).*1 = least empowering, 20 = most empowering/);
    expect(instructions).toMatch(/Desirability \(D\).*1 = least pleasant, 20 = most pleasant: higher is better/);
    expect(instructions).toMatch(/blank/);
    expect(instructions).toMatch(/For Ann Lee/);
    expect(rows[FORM_HEADER_ROW - 1]).toEqual([...FORM_COLUMNS]);
    expect(rows.slice(FORM_HEADER_ROW).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['Cook lunch', 10, null, null, null],
      ['Budget', 2.25, null, null, null],
      ['\'=HYPERLINK("http://x","y")', null, null, null, null],
      ['Sweep floors', null, null, null, null],
    ]);
  });

  it('restricts exactly the rating cells to the scale, with a 1–20 dropdown and an error message', () => {
    const dv = validations(sheetXml(bytes));
    expect(dv.map((v) => [v.type, v.f1])).toEqual([['list', `"${Array.from({ length: 20 }, (_, i) => i + 1).join(',')}"`], ['list', expect.any(String)]]);
    expect([...cellsOf(dv.map((v) => v.sqref))].sort()).toEqual(['C11', 'C12', 'C13', 'C14', 'D11', 'D12', 'D13', 'D14']);
    expect(dv[0].error).toMatch(/from 1 to 20/);
  });

  it('keeps CT_Worksheet order: validation after the merges and before the page margins', () => {
    const xml = sheetXml(bytes);
    const at = (tag: string): number => xml.indexOf(`<${tag}`);
    expect(at('sheetData')).toBeLessThan(at('mergeCells'));
    expect(at('mergeCells')).toBeLessThan(at('dataValidations'));
    expect(at('dataValidations')).toBeLessThan(at('pageMargins'));
    expect(at('pageMargins')).toBeLessThan(at('pageSetup'));
    // Five columns fit a page upright; one page wide, as many down as it takes.
    expect(xml).toMatch(/<pageSetup orientation="portrait" fitToWidth="1" fitToHeight="0"\/>/);
    expect(xml).toMatch(/<sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr>/);
  });

  it('repeats the header row on every printed page', () => {
    expect(wb.Workbook?.Names).toContainEqual(expect.objectContaining({ Name: '_xlnm.Print_Titles', Sheet: 0, Ref: `'${FORM_SHEET}'!$10:$10` }));
  });
});

describe('the hidden ID sheet', () => {
  it('holds the keys of the layout and the task list in form order', () => {
    const [ann] = makeFormSpecs(org(), { ...BASE, raters: ['Ann Lee'], factors: true, roundCode: 'R7K2' });
    const rows = rowsOf(read(writeRatingForm(ann)).Sheets[FORM_ID_SHEET]);
    expect(rows.slice(0, 10)).toEqual([
      ['layout', 1], ['formId', 'R7K2-01'], ['project', 'Co-op'], ['rater', 'Ann Lee'], ['raterNumber', 1],
      ['scaleMin', 1], ['scaleMax', 20], ['factors', ann.factors.join('; ')], ['created', '2026-03-02'], ['tasks', null],
    ]);
    // Both columns are neutralized as every written text is; formCellText gives them back.
    expect(rows.slice(10).map((r) => [formCellText(String(r[0])), formCellText(String(r[1]))])).toEqual(ann.tasks.map((t) => [t.id, t.name]));
    expect(rows[12][0]).toBe('\'=hyperlink("http://x","y")');
  });
});

describe('scales and factors', () => {
  it.each([
    [{ min: 1, max: 5 }, 'list', '"1,2,3,4,5"', null],
    [{ min: 0, max: 19 }, 'list', `"${Array.from({ length: 20 }, (_, i) => i).join(',')}"`, null],
    [{ min: 0, max: 20 }, 'whole', '0', '20'],
    [{ min: 0, max: 100 }, 'whole', '0', '100'],
    [{ min: 0.5, max: 10 }, 'decimal', '0.5', '10'],
  ])('%j: %s', (scale, type, f1, f2) => {
    const [f] = makeFormSpecs(org(scale), { ...BASE, count: 1 });
    const dv = validations(sheetXml(writeRatingForm(f)));
    expect(dv.map((v) => [v.type, v.f1, v.f2])).toEqual([[type, f1, f2], [type, f1, f2]]);
  });

  it('adds a validated column per factor between Desirability and Comment', () => {
    const [f] = makeFormSpecs(org(), { ...BASE, count: 1, factors: true });
    const bytes = writeRatingForm(f);
    const header = rowsOf(read(bytes).Sheets[FORM_SHEET])[FORM_HEADER_ROW - 1];
    expect(header).toEqual(formHeader(f.factors, f.scale));
    expect(header.slice(4, 6)).toEqual(['Decision authority (1-20)', 'Access to strategic information (1-20)']);
    expect(header.at(-1)).toBe('Comment');
    const xml = sheetXml(bytes);
    const dv = validations(xml);
    expect(dv).toHaveLength(2 + 13);
    const last = XLSX.utils.encode_col(3 + 13);
    expect(cellsOf(dv.map((v) => v.sqref))).toEqual(cellsOf([`C11:${last}14`]));
    // A burden is rated backwards from its name: the prompt says which end is which.
    expect(xml).toMatch(/promptTitle="Physical strain and hazard" prompt="1 = very heavy, 20 = none; higher is better/);
  });

  it('prints a wide factor form one page wide on a landscape page, the header row repeated, the instructions across the whole width', () => {
    const [f] = makeFormSpecs(org(), { ...BASE, count: 1, factors: true });
    const bytes = writeRatingForm(f);
    const xml = sheetXml(bytes);
    // Issue 17 printed it over pages side by side, repeating column A, and LibreOffice printed a sliver of
    // the instructions on every right-hand page: now one page across, only the header row repeated.
    expect(xml).toMatch(/<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
    const titles = read(bytes).Workbook?.Names?.filter((n) => n.Name === '_xlnm.Print_Titles');
    expect(titles).toEqual([expect.objectContaining({ Sheet: 0, Ref: `'${FORM_SHEET}'!$10:$10` })]);
    const last = XLSX.utils.encode_col(4 + 13);
    for (let r = 1; r < FORM_HEADER_ROW; r++) expect(xml).toContain(`<mergeCell ref="A${r}:${last}${r}"/>`);
    // The 13 factor heads are turned upright in narrow columns; Task, hours, E, D and Comment read across.
    const book = openXml(bytes);
    for (let c = 4; c < 4 + 13; c++) expect(cellXf(book, 1, `${XLSX.utils.encode_col(c)}10`), `factor head ${c}`).toContain('textRotation="90"');
    for (const ref of ['A10', 'C10', 'D10', `${last}10`]) expect(cellXf(book, 1, ref), ref).not.toContain('textRotation');
    // Factor columns are narrower than E and D: 13 of them fit one page at about two thirds of full size.
    const cols = XLSX.read(bytes, { type: 'array', cellStyles: true }).Sheets[FORM_SHEET]['!cols']!;
    expect(cols[4].wch!).toBeLessThan(cols[2].wch!);
    expect(cols.reduce((a, c) => a + c.wch!, 0)).toBeLessThan(200);
  });
});

describe('names', () => {
  it('are neutralized against formula injection on both sheets', () => {
    const [f] = makeFormSpecs(org(), { ...BASE, raters: ['=cmd|" /c calc"!A0'] });
    const wb = read(writeRatingForm(f));
    const cells = [...Object.values(wb.Sheets[FORM_SHEET]), ...Object.values(wb.Sheets[FORM_ID_SHEET])]
      .filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 'v' in c);
    expect(cells.some((c) => typeof c.v === 'string' && /^[=+\-@]/.test(c.v))).toBe(false);
    expect(cells.some((c) => c.f !== undefined)).toBe(false);
    expect(rowsOf(wb.Sheets[FORM_ID_SHEET])[3]).toEqual(['rater', '\'=cmd|" /c calc"!A0']);
  });

  it('are nowhere in an anonymous form', () => {
    const forms = makeFormSpecs(org(), { ...BASE, count: 2 });
    const parts = unzipSync(writeRatingForm(forms[1]));
    const all = Object.values(parts).map((p) => strFromU8(p)).join('\n');
    expect(all).not.toMatch(/Ann Lee|Bob Stone/);
    const rows = rowsOf(read(writeRatingForm(forms[1])).Sheets[FORM_ID_SHEET]);
    expect(rows[3]).toEqual(['rater', null]);
    expect(rows[4]).toEqual(['raterNumber', 2]);
    expect(rowsOf(read(writeRatingForm(forms[1])).Sheets[FORM_SHEET]).slice(FORM_HEADER_ROW).every((r) => r[1] === null)).toBe(true);
  });
});

describe('a filled form', () => {
  it('reads back through the bounded reader with the values where they were typed', () => {
    const [ann]: RatingFormSpec[] = makeFormSpecs(org(), { ...BASE, raters: ['Ann Lee'] });
    const bytes = filledForm(ann, { 'cook lunch': { e: 4, d: 12 }, budget: { e: 18, comment: 'only the yearly part' }, 'sweep floors': { d: 'seven' } });
    const book = readWorkbook(bytes, 'ann.xlsx', DEFAULT_LIMITS);
    const form = book.sheets.find((s) => s.name === FORM_SHEET)!;
    expect(form.rows.slice(FORM_HEADER_ROW).map((r) => [0, 1, 2, 3, 4].map((i) => r[i] ?? null))).toEqual([
      ['Cook lunch', 10, 4, 12, null],
      ['Budget', 2.25, 18, null, 'only the yearly part'],
      ['\'=HYPERLINK("http://x","y")', null, null, null, null],
      ['Sweep floors', null, null, 'seven', null],
    ]);
    expect(book.sheets.map((s) => s.name)).toContain(FORM_ID_SHEET);
    // Filling keeps the validation and the hidden sheet, as a spreadsheet saving the form would.
    expect(validations(sheetXml(bytes))).toHaveLength(2);
    expect(read(bytes).Workbook?.Sheets?.[1].Hidden).toBe(1);
  });
});
