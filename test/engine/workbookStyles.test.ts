/**
 * The finished look of the exported workbooks (issue 18), read from the written XML, since SheetJS
 * reads back values but not styles: frozen header, number formats, colour scales over exactly the E
 * and D cells, band arrows at the engine's mean ± τ (classifying every job as the engine does), print
 * titles, fit to width, bold shaded heads, wrapped long text; and the values still read back equal.
 * Merger and proposal sheets: workbookStylesPlan.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import { writeWorkbook } from '../../renderer/src/engine/formats/sheetBuilder';
import { importOrganization } from '../../renderer/src/engine/import';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { cellXf, fontOf, numFmtOf, openXml, rules, type Rule, type WrittenBook } from '../helpers/xlsx-styles';

const file = path.join(__dirname, '..', '..', 'resources', 'sample-organization.xlsx');
const imported = importOrganization(new Uint8Array(readFileSync(file)), file);
const report = buildAuditReport({ organization: applySuggestions(imported.organization!), issues: imported.issues, layout: imported.layout, file, format: imported.format });
const bytes = writeSummaryWorkbook(report, '2026-01-31');
const book = openXml(bytes);
const wb = XLSX.read(bytes, { type: 'array', cellStyles: true });
/** 1-based sheet index as in xl/worksheets/sheetN.xml. */
const sheet = (name: string): number => wb.SheetNames.indexOf(name) + 1;
const n = report.people.length;

describe('the summary workbook of the sample, styled', () => {
  it('reads back the engine\'s numbers (styles do not change a value)', () => {
    const people = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.People, { header: 1 }).slice(1);
    expect(people).toHaveLength(n);
    report.people.forEach((p, i) => {
      expect(people[i][0]).toBe(p.name);
      expect(people[i][3]).toBe(p.hours);
      expect(people[i][4]).toBe(p.empowerment);
      expect(people[i][5]).toBe(p.desirability);
    });
  });

  it('freezes the header row of the People sheet and repeats it on every printed page; not on the Summary', () => {
    expect(book.sheet(sheet('People'))).toMatch(/<sheetView [^>]*><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/);
    expect(book.workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="${sheet('People') - 1}">&apos;People&apos;!$1:$1</definedName>`);
    expect(book.workbook).not.toMatch(new RegExp(`_xlnm.Print_Titles" localSheetId="${sheet('Summary') - 1}"`));
    expect(book.sheet(sheet('Summary'))).not.toContain('state="frozen"');
  });

  it('shows hours and scores to one decimal and shares in whole percents', () => {
    const p = sheet('People');
    expect(numFmtOf(book, p, 'D2')).toBe('0.0');
    expect(numFmtOf(book, p, 'E2')).toBe('0.0');
    expect(numFmtOf(book, p, 'F2')).toBe('0.0');
    expect(numFmtOf(book, p, 'G2')).toBe('0%');
    expect(numFmtOf(book, sheet('Tasks'), 'B2')).toBe('0.0');
    // The tolerance as a person wrote it (0.95, not 1.0).
    const s = sheet('Summary');
    const tol = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Summary, { header: 1, blankrows: true }).findIndex((r) => r[0] === 'Tolerance (points)');
    expect(numFmtOf(book, s, `B${tol + 1}`)).toBe('0.0##');
  });

  it('puts a colour scale over exactly the E and D cells of People, Roles, Departments and Tasks, on the 1–20 scale', () => {
    const spans: [string, string, string, number][] = [['People', 'E', 'F', n], ['Roles', 'D', 'E', report.roles.length], ['Departments', 'D', 'E', report.departments.length], ['Tasks', 'D', 'E', report.tasks.length]];
    for (const [name, e, d, count] of spans) {
      const scales = rules(book.sheet(sheet(name))).filter((r) => r.type === 'colorScale');
      expect(scales.map((r) => r.sqref), name).toEqual([`${e}2:${e}${count + 1}`, `${d}2:${d}${count + 1}`]);
      expect(scales[0].values, name).toEqual([1, 20]);
      expect(scales[1].values, name).toEqual([1, 10.5, 20]);
    }
  });

  it('marks each job against the band mean ± τ with arrows that classify it as the engine does', () => {
    const arrows = rules(book.sheet(sheet('People'))).filter((r) => r.type === 'iconSet');
    expect(arrows.map((r) => r.sqref)).toEqual([`E2:E${n + 1}`, `F2:F${n + 1}`]);
    const tau = report.metrics.tolerance;
    for (const [rule, dim, col] of [[arrows[0], 'empowerment', 'empowerment'], [arrows[1], 'desirability', 'desirability']] as [Rule, 'empowerment' | 'desirability', 'empowerment' | 'desirability'][]) {
      const mean = report.metrics[dim].mean!;
      const [low, high] = rule.values.slice(1);
      expect(low).toBeCloseTo(mean - tau, 8);
      expect(high).toBeCloseTo(mean + tau, 8);
      // The icon rule: → from low up (inclusive), ↑ strictly above high (gte="0"), ↓ below low.
      expect(rule.xml).toMatch(/iconSet="3ArrowsGray"/);
      expect(rule.xml).toMatch(/<cfvo type="num" val="[^"]+" gte="0"\/>/);
      const within = report.people.filter((p) => p[col] !== null && p[col]! >= low && !(p[col]! > high));
      const hours = report.people.reduce((a, p) => a + p.hours, 0);
      expect(within.reduce((a, p) => a + p.hours, 0) / hours, dim).toBeCloseTo(report.metrics[dim].withinTolerance, 9);
      // Not vacuous: jobs on both sides of the band.
      expect(report.people.some((p) => p[col]! > high) && report.people.some((p) => p[col]! < low), dim).toBe(true);
    }
    // The Summary states the band.
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Summary, { header: 1 });
    const band = rows.find((r) => r[0] === 'Empowerment band (mean ± tolerance)')!;
    expect(band[1]).toBe(`${(report.metrics.empowerment.mean! - tau).toFixed(1)} to ${(report.metrics.empowerment.mean! + tau).toFixed(1)}`);
  });

  it('prints every sheet one page wide, landscape only where wide, with a footer of the sheet name and page numbers', () => {
    wb.SheetNames.forEach((name, i) => {
      const xml = book.sheet(i + 1);
      expect(xml, name).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      expect(xml, name).toMatch(/<pageSetup orientation="(landscape|portrait)" fitToWidth="1" fitToHeight="0"\/>/);
      expect(xml, name).toContain('<oddFooter>&amp;LFairshare audit · &amp;A&amp;RPage &amp;P of &amp;N</oddFooter>');
    });
    const width = (name: string) => wb.Sheets[name]['!cols']!.reduce((a, c) => a + c.wch!, 0);
    expect(width('People')).toBeGreaterThan(95);
    expect(book.sheet(sheet('People'))).toContain('orientation="landscape"');
    expect(width('Roles')).toBeLessThanOrEqual(95);
    expect(book.sheet(sheet('Roles'))).toContain('orientation="portrait"');
  });

  it('makes table heads bold and shaded, numeric heads right-aligned over their numbers', () => {
    const p = sheet('People');
    expect(fontOf(book, p, 'A1')).toContain('<b/>');
    expect(cellXf(book, p, 'A1')).toMatch(/fillId="[1-9]\d*"/);
    expect(cellXf(book, p, 'A1')).not.toContain('horizontal="right"');
    expect(cellXf(book, p, 'D1')).toContain('horizontal="right"');
    expect(fontOf(book, p, 'A2')).not.toContain('<b/>');
    // A table further down the Metrics sheet gets the same head.
    const m = sheet('Metrics');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Metrics, { header: 1, blankrows: true });
    const members = rows.findIndex((r) => r[0] === 'Name' && r[1] === 'Role') + 1;
    expect(fontOf(book, m, `A${members}`)).toContain('<b/>');
    expect(cellXf(book, m, `A${members}`)).toMatch(/fillId="[1-9]\d*"/);
  });

  it('wraps the long readings of the Summary in a column narrow enough to print, their rows as tall as their lines', () => {
    const s = sheet('Summary');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Summary, { header: 1, blankrows: true });
    const k = rows.findIndex((r) => r[0] === 'Key figure');
    expect(wb.Sheets.Summary['!cols']![2].wch!).toBeLessThanOrEqual(72);
    const heights = wb.Sheets.Summary['!rows']!;
    let checked = 0;
    report.readings.forEach((x, i) => {
      const r = k + 1 + i;
      expect(rows[r][2]).toBe(x.text);
      if (x.text.length <= 80) return;
      checked++;
      expect(cellXf(book, s, `C${r + 1}`), x.label).toContain('wrapText="1"');
      // At least one line per 90 characters (the column holds fewer), 15.5 points a line.
      expect(heights[r]?.hpt ?? 0, x.label).toBeGreaterThanOrEqual(Math.ceil(x.text.length / 90) * 15.5);
      // The value beside it sits at the top too, and keeps its number format.
      if (x.value !== null && x.format === 'share') expect(numFmtOf(book, s, `B${r + 1}`), x.label).toBe('0%');
      expect(cellXf(book, s, `B${r + 1}`), x.label).toContain('vertical="top"');
    });
    expect(checked).toBeGreaterThan(5);
  });
});

describe('what the styling must not undo', () => {
  it('a 40,000-character name is cut to a cell\'s 32,767 characters, its row no taller than Excel allows (409 points)', () => {
    const long = writeWorkbook([{ name: 'People', rows: [['Name', 'Hours'], ['N '.repeat(20_000), 1]], headerRow: 1 }]);
    const read = XLSX.read(long, { type: 'array', cellStyles: true });
    expect((read.Sheets.People.A2.v as string).length).toBe(32_767);
    expect(read.Sheets.People['!rows']![1].hpt).toBe(409);
    expect(cellXf(openXml(long), 1, 'A2')).toContain('wrapText="1"');
  });

  it('text that starts like a formula stays quoted text in a wrapped, styled cell; no cell holds a formula', () => {
    const evil = '=HYPERLINK("http://x","click") ' + 'and a long tail of words '.repeat(8);
    const out = writeWorkbook([{ name: 'Tasks', rows: [['Task', 'Hours'], [evil, 2], ['@SUM(A1)', 3]], headerRow: 1, maxWidth: 30 }]);
    const xml: WrittenBook = openXml(out);
    expect(cellXf(xml, 1, 'A2')).toContain('wrapText="1"');
    expect(xml.sheet(1)).not.toMatch(/<f>/);
    const read = XLSX.read(out, { type: 'array', cellFormula: true });
    expect(read.Sheets.Tasks.A2.v).toBe(`'${evil}`);
    expect(read.Sheets.Tasks.A3.v).toBe("'@SUM(A1)");
    expect(read.Sheets.Tasks.A2.f).toBeUndefined();
  });
});
