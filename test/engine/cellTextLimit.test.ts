/**
 * Text longer than a spreadsheet cell holds (32,767 characters) is cut with a note in every export
 * (formats/sheetCells.ts fitCell, used by toCell), never an error with nothing written.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { CELL_TEXT_LIMIT, fitCell, toCell } from '../../renderer/src/engine/formats/sheetCells';
import { writeWorkbook } from '../../renderer/src/engine/formats/sheetBuilder';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { importCsv, orgOf } from './helpers';

describe('fitCell', () => {
  it('leaves text up to the limit alone', () => {
    const full = 'x'.repeat(CELL_TEXT_LIMIT);
    expect(fitCell(full)).toBe(full);
    expect(fitCell('Ana')).toBe('Ana');
  });

  it('cuts longer text to exactly the limit, saying how long it was', () => {
    const cut = fitCell('N'.repeat(40_000));
    expect(cut).toHaveLength(CELL_TEXT_LIMIT);
    expect(cut.endsWith('… [cut: 40,000 characters; a cell holds 32,767]')).toBe(true);
    expect(cut.startsWith('N'.repeat(32_000))).toBe(true);
  });

  it('never leaves half of a surrogate pair before the note', () => {
    const note = '… [cut: 40,000 characters; a cell holds 32,767]';
    // An emoji (two code units) straddles the cut position.
    const keep = CELL_TEXT_LIMIT - note.length;
    const text = 'a'.repeat(keep - 1) + '😀' + 'b'.repeat(40_000 - keep - 1);
    expect(text).toHaveLength(40_000);
    const cut = fitCell(text);
    expect(cut).toBe('a'.repeat(keep - 1) + note);
    expect(cut.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
  });

  it('counts the quote that neutralizes a formula-like text', () => {
    const cell = toCell('=' + 'x'.repeat(40_000));
    expect(cell?.v).toHaveLength(CELL_TEXT_LIMIT);
    expect(String(cell?.v).startsWith("'=")).toBe(true);
  });
});

describe('workbooks with 40,000-character text', () => {
  it('writeWorkbook writes them, cut with the note', () => {
    const bytes = writeWorkbook([{ name: 'People', rows: [['Name'], ['N'.repeat(40_000)]], headerRow: 1 }]);
    const wb = XLSX.read(bytes, { type: 'array' });
    const v = wb.Sheets.People.A2.v as string;
    expect(v).toHaveLength(CELL_TEXT_LIMIT);
    expect(v).toMatch(/… \[cut: 40,000 characters; a cell holds 32,767\]$/);
  });

  it('the Excel summary of an organization with a 40,000-character person and task name', () => {
    const long = 'N'.repeat(40_000);
    const r = importCsv([
      'Name,Role,Department,Task,Hours per week,Empowerment (1-20),Desirability (1-20)',
      `${long},Director,Lead,Strategy,30,18,15`,
      `Bo,Clerk,Office,${long}T,30,3,4`,
    ]);
    const report = buildAuditReport({ organization: orgOf(r), issues: r.issues, layout: r.layout, file: 'long.csv', format: r.format });
    const wb = XLSX.read(writeSummaryWorkbook(report, '2026-01-01'), { type: 'array' });
    const people = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.People, { header: 1 });
    const name = people.map((row) => row[0]).find((v): v is string => typeof v === 'string' && v.startsWith('NNN'));
    expect(name).toMatch(/^N{32000,}… \[cut: 40,000 characters; a cell holds 32,767\]$/);
    const tasks = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Tasks, { header: 1 });
    expect(tasks.map((row) => row[0])).toContainEqual(expect.stringMatching(/… \[cut: 40,001 characters; a cell holds 32,767\]$/));
  });
});
