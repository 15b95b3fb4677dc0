// Returned rating forms: ratings read by the hidden ID sheet and header labels, and every problem located by file, sheet, row and column while the rest is used.
import { describe, expect, it } from 'vitest';
import type { RawWorkbook } from '../../renderer/src/engine/formats/readWorkbook';
import { readReturnedForm } from '../../renderer/src/engine/formats/returnedForm';
import { readRatingForm } from '../../renderer/src/engine/ratingRound/readForm';
import { FORM_HEADER_ROW, FORM_ID_SHEET, FORM_SHEET, type ReadForm } from '../../renderer/src/engine/ratingRound/types';
import { xlsxBytes } from '../engine/helpers';
import { formBook, idRows, type BookSpec } from './formBooks';

const PROJECT = {
  scale: { min: 1, max: 20 },
  tasks: [
    { id: 'grant writing', name: 'Grant writing' },
    { id: 'cleaning', name: 'Cleaning' },
    { id: 'payroll', name: 'Payroll' },
  ],
};
const TASKS: [string, string][] = [['grant writing', 'Grant writing'], ['cleaning', 'Cleaning'], ['payroll', 'Payroll']];
/** 1-based row of the n-th task row (0-based) under the header. */
const rowOf = (n: number, inserted = 0) => FORM_HEADER_ROW + inserted + 1 + n;
/** Errors and warnings only: a form listing fewer rows than tasks also carries an info note. */
const problems = (form: ReadForm) => form.issues.filter((i) => i.severity !== 'info');

function read(spec: BookSpec): ReadForm {
  return readRatingForm(formBook(spec), 'ann.xlsx', PROJECT);
}

function rating(form: ReadForm, taskId: string, dimension: string): number | undefined {
  return form.ratings.find((r) => r.taskId === taskId && r.dimension === dimension)?.value;
}

describe('readRatingForm', () => {
  it('reads a clean form: ids, rater, blanks left out, numbers typed as text kept', () => {
    const form = read({ rater: 'Ann Lee', raterNumber: 3, tasks: TASKS, rows: [['Grant writing', 16, '12.5'], ['Cleaning', null, ' 3 '], ['Payroll', '7,5', null]] });
    expect(form).toMatchObject({ file: 'ann.xlsx', formId: 'R7K2-01', rater: 'Ann Lee', raterNumber: 3 });
    expect(form.issues).toEqual([]);
    expect(form.ratings).toHaveLength(4);
    expect(rating(form, 'grant writing', 'empowerment')).toBe(16);
    expect(rating(form, 'grant writing', 'desirability')).toBe(12.5);
    expect(rating(form, 'cleaning', 'empowerment')).toBeUndefined();
    expect(rating(form, 'cleaning', 'desirability')).toBe(3);
    expect(rating(form, 'payroll', 'empowerment')).toBe(7.5);
    expect(form.ratings.every((r) => r.formId === 'R7K2-01' && r.rater === 'Ann Lee')).toBe(true);
  });

  it('matches rows by the task name however written, in any order, and an anonymous form has no rater', () => {
    const form = read({ tasks: TASKS, rows: [['  PAYROLL ', 4, 5], ['grant-writing', 18, 17]] });
    expect(form.rater).toBeNull();
    expect(rating(form, 'payroll', 'empowerment')).toBe(4);
    expect(rating(form, 'grant writing', 'empowerment')).toBe(18);
  });

  it('finds the header by its labels when a member inserted rows above it, and columns by label', () => {
    const book = formBook({ tasks: TASKS, rows: [['Cleaning', 2, 3]], insertedRows: 2 });
    const form = readRatingForm(book, 'ann.xlsx', PROJECT);
    expect(problems(form)).toEqual([]);
    expect(rating(form, 'cleaning', 'empowerment')).toBe(2);
    // Desirability moved before Empowerment: still read by its label.
    const sheet = book.sheets[0];
    const h = FORM_HEADER_ROW + 1;
    for (const r of [h, h + 1]) [sheet.rows[r][2], sheet.rows[r][3]] = [sheet.rows[r][3], sheet.rows[r][2]];
    const swapped = readRatingForm(book, 'ann.xlsx', PROJECT);
    expect(rating(swapped, 'cleaning', 'empowerment')).toBe(2);
    expect(rating(swapped, 'cleaning', 'desirability')).toBe(3);
  });

  it('reports a value off the scale and a value that is not a number at their cell, and uses the rest', () => {
    const form = read({ tasks: TASKS, rows: [['Grant writing', 25, 'high'], ['Cleaning', 0, 4], ['Payroll', 9, 10]] });
    const errors = form.issues.filter((i) => i.severity === 'error');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatchObject({ file: 'ann.xlsx', sheet: FORM_SHEET, row: rowOf(0), column: 'C' });
    expect(errors[0].message).toMatch(/25, off the 1–20 scale/);
    expect(errors[1]).toMatchObject({ sheet: FORM_SHEET, row: rowOf(0), column: 'D' });
    expect(errors[1].message).toMatch(/"high", not a number/);
    expect(errors[2]).toMatchObject({ row: rowOf(1), column: 'C' });
    expect(form.ratings.map((r) => `${r.taskId}/${r.dimension}=${r.value}`).sort()).toEqual(['cleaning/desirability=4', 'payroll/desirability=10', 'payroll/empowerment=9']);
  });

  it('is not a form without the hidden sheet, and not readable at another layout version', () => {
    const book = formBook({ tasks: TASKS, rows: [['Cleaning', 2, 3]] });
    const noId: RawWorkbook = { ...book, sheets: [book.sheets[0]] };
    const notForm = readRatingForm(noId, 'notes.xlsx', PROJECT);
    expect(notForm.formId).toBeNull();
    expect(notForm.ratings).toEqual([]);
    expect(notForm.issues).toEqual([expect.objectContaining({ severity: 'error', file: 'notes.xlsx', sheet: null })]);
    expect(notForm.issues[0].message).toMatch(/not a Fairshare rating form/);

    const v2 = read({ layout: 2, tasks: TASKS, rows: [['Cleaning', 2, 3]] });
    expect(v2.ratings).toEqual([]);
    expect(v2.issues).toEqual([expect.objectContaining({ severity: 'error', sheet: FORM_ID_SHEET, row: 1, column: 'B' })]);
    expect(v2.issues[0].message).toMatch(/layout 2.*reads layout 1/);
  });

  it('skips a listed task the project no longer has (warning), notes project tasks missing from the form (info)', () => {
    const form = read({
      tasks: [['grant writing', 'Grant writing'], ['old task', 'Old task']],
      rows: [['Grant writing', 10, 11], ['Old task', 5, 6]],
    });
    expect(form.ratings).toHaveLength(2);
    const warning = form.issues.find((i) => i.severity === 'warning')!;
    expect(warning).toMatchObject({ sheet: FORM_SHEET, row: rowOf(1), column: 'A' });
    expect(warning.message).toMatch(/"Old task" is on the form but not in the project/);
    const info = form.issues.find((i) => i.severity === 'info')!;
    expect(info.message).toMatch(/does not list 2 of the project's tasks.*"Cleaning", "Payroll"/);
    expect(info.sheet).toBe(FORM_ID_SHEET);
  });

  it('reports a row whose task is not on the hidden list (an edited task list) and a task listed twice', () => {
    const form = read({ tasks: TASKS, rows: [['Grant writing', 10, 11], ['Fundraising gala', 15, 2], ['Cleaning', 3, 3], ['Grant writing', 1, 1]] });
    const warnings = form.issues.filter((i) => i.severity === 'warning');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatchObject({ sheet: FORM_SHEET, row: rowOf(1), column: 'A' });
    expect(warnings[0].message).toMatch(/"Fundraising gala" is not on the form's task list/);
    expect(warnings[1]).toMatchObject({ row: rowOf(3) });
    expect(warnings[1].message).toMatch(new RegExp(`rows ${rowOf(0)} and ${rowOf(3)}`));
    expect(rating(form, 'grant writing', 'empowerment')).toBe(10);
    expect(form.ratings).toHaveLength(4);
  });

  it('converts a form made on another scale linearly, with a warning, after checking values on its own scale', () => {
    const form = read({ scale: { min: 1, max: 10 }, tasks: TASKS, rows: [['Grant writing', 10, 1], ['Cleaning', 5.5, 15]] });
    expect(rating(form, 'grant writing', 'empowerment')).toBe(20);
    expect(rating(form, 'grant writing', 'desirability')).toBe(1);
    expect(rating(form, 'cleaning', 'empowerment')).toBeCloseTo(10.5, 12);
    const warning = form.issues.find((i) => i.severity === 'warning')!;
    expect(warning.message).toMatch(/made for the 1–10 scale.*converted linearly/);
    const error = form.issues.find((i) => i.severity === 'error')!;
    expect(error).toMatchObject({ row: rowOf(1), column: 'D' });
    expect(error.message).toMatch(/15, off the 1–10 scale/);
  });

  it('notes listed tasks whose row was deleted from the form', () => {
    const form = read({ tasks: TASKS, rows: [['Payroll', 4, 5]] });
    expect(form.issues).toEqual([expect.objectContaining({ severity: 'info', sheet: FORM_SHEET, row: null })]);
    expect(form.issues[0].message).toMatch(/2 of the form's tasks have no row.*"Grant writing", "Cleaning"/);
    expect(form.ratings).toHaveLength(2);
  });

  it('reads factor columns named on the hidden sheet', () => {
    const form = read({ factors: ['Decision authority'], factorHeaders: ['Decision authority (1-20)'], tasks: TASKS, rows: [['Payroll', 6, 7, 14]] });
    expect(problems(form)).toEqual([]);
    expect(rating(form, 'payroll', 'Decision authority')).toBe(14);
  });

  it('lists the first problems of a mangled form and counts the rest, quoting long cells cut short', () => {
    const junk = 'x'.repeat(5000);
    const rows = Array.from({ length: 500 }, () => ['Cleaning', junk, null]);
    const form = read({ tasks: TASKS, rows });
    expect(form.issues.filter((i) => i.row !== null)).toHaveLength(200);
    expect(form.issues.find((i) => /more problems on its rows are not listed/.test(i.message))!.message).toMatch(/ann\.xlsx: 300 more/);
    expect(Math.max(...form.issues.map((i) => i.message.length))).toBeLessThan(400);
    expect(rating(form, 'cleaning', 'empowerment')).toBeUndefined();
  });

  it('says when no header row can be found', () => {
    const book = formBook({ tasks: TASKS, rows: [['Cleaning', 2, 3]] });
    book.sheets[0].rows[FORM_HEADER_ROW - 1] = ['Job', 'Hours', 'E', 'D'];
    const form = readRatingForm(book, 'ann.xlsx', PROJECT);
    expect(form.ratings).toEqual([]);
    expect(form.issues).toEqual([expect.objectContaining({ severity: 'error', sheet: FORM_SHEET })]);
  });
});

describe('readReturnedForm (bytes)', () => {
  it('reads an .xlsx written by SheetJS', () => {
    const book = formBook({ rater: 'Bo', tasks: TASKS, rows: [['Payroll', 4, 9]] });
    const bytes = xlsxBytes({ [FORM_SHEET]: book.sheets[0].rows as (string | number | null)[][], [FORM_ID_SHEET]: idRows({ rater: 'Bo', tasks: TASKS, rows: [] }) as (string | number | null)[][] });
    const form = readReturnedForm(bytes, 'bo.xlsx', PROJECT);
    expect(problems(form)).toEqual([]);
    expect(form.rater).toBe('Bo');
    expect(rating(form, 'payroll', 'desirability')).toBe(9);
  });

  it('turns a file that is not a workbook into one error instead of a crash', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n%…');
    const form = readReturnedForm(pdf, 'scan.pdf', PROJECT);
    expect(form.formId).toBeNull();
    expect(form.issues).toEqual([expect.objectContaining({ severity: 'error', file: 'scan.pdf' })]);
    expect(form.issues[0].message).toMatch(/scan\.pdf is a PDF document.*not used/);
    const zip = readReturnedForm(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx', PROJECT);
    expect(zip.issues[0].severity).toBe('error');
  });
});
