/**
 * The merger workbook of the two samples with its merged plan (the proposal workbook's sheets, its
 * Summary named "Plan"), styled (issue 18): band arrows on the jobs before and after the plan at the
 * report's means ± τ, colour scales over the four E and D columns, the tolerance as written, long notes
 * as wrapped paragraphs, frozen and repeated heads on the tables only; values equal to the engine's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Highs } from '../../renderer/src/engine/balance/types';
import { writeMergerWorkbook } from '../../renderer/src/engine/formats/mergerWorkbook';
import { writeProposalWorkbook } from '../../renderer/src/engine/formats/proposalWorkbook';
import { importOrganization } from '../../renderer/src/engine/import';
import { matchTasks } from '../../renderer/src/engine/merge/match';
import { planMerger, type MergerResult } from '../../renderer/src/engine/merge/planMerger';
import type { MergeSource } from '../../renderer/src/engine/merge/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { getHighs } from '../helpers/balance-run';
import { cellXf, fontOf, numFmtOf, openXml, rules, type WrittenBook } from '../helpers/xlsx-styles';

const sample = (file: string): Organization => {
  const full = path.join(__dirname, '..', '..', 'resources', file);
  return applySuggestions(importOrganization(new Uint8Array(readFileSync(full)), full).organization!);
};

let highs: Highs;
let r: MergerResult;
let book: WrittenBook;
let wb: XLSX.WorkBook;
const sheet = (name: string): number => wb.SheetNames.indexOf(name) + 1;
const rowsOf = (name: string): unknown[][] => XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name], { header: 1, blankrows: true });

beforeAll(async () => {
  highs = await getHighs();
  const sources: MergeSource[] = [
    { name: 'Riverside', organization: sample('sample-organization.xlsx'), file: 'sample-organization.xlsx' },
    { name: 'Eastside', organization: sample('sample-partner.xlsx'), file: 'sample-partner.xlsx' },
  ];
  const matches = matchTasks(sources.map((s) => ({ name: s.name, tasks: s.organization.tasks })));
  r = planMerger(sources, matches, highs, { federated: false, noCrossTransfers: false, desirability: true, granularity: 0.5, file: 'merger' });
  const bytes = writeMergerWorkbook(r, '2026-01-31');
  book = openXml(bytes);
  wb = XLSX.read(bytes, { type: 'array', cellStyles: true });
}, 120_000);

describe('the merged plan\'s Proposed jobs sheet', () => {
  it('reads back the plan\'s jobs: hours and E before and after equal the report\'s', () => {
    const jobs = r.proposal!.report.jobs;
    const rows = rowsOf('Proposed jobs').slice(1);
    expect(rows).toHaveLength(jobs.length);
    jobs.forEach((j, i) => {
      expect(rows[i][0]).toBe(j.name);
      expect(rows[i][3]).toBe(j.hours);
      expect(rows[i][4]).toBe(j.empowermentBefore);
      expect(rows[i][5]).toBe(j.empowermentAfter);
    });
  });

  it('puts E before and after on one colour scale (1–20), D before and after on another', () => {
    const n = r.proposal!.report.jobs.length + 1;
    const scales = rules(book.sheet(sheet('Proposed jobs'))).filter((x) => x.type === 'colorScale');
    expect(scales.map((x) => [x.sqref, x.values])).toEqual([
      [`E2:E${n}`, [1, 20]], [`F2:F${n}`, [1, 20]], [`G2:G${n}`, [1, 10.5, 20]], [`H2:H${n}`, [1, 10.5, 20]],
    ]);
  });

  it('marks E before against the mean before ± τ and E after against the mean after ± τ: after the plan every job is within', () => {
    const p = r.proposal!.report;
    const n = p.jobs.length + 1;
    const arrows = rules(book.sheet(sheet('Proposed jobs'))).filter((x) => x.type === 'iconSet');
    expect(arrows.map((x) => x.sqref)).toEqual([`E2:E${n}`, `F2:F${n}`]);
    const [before, after] = arrows.map((x) => x.values.slice(1));
    // The report rounds to 4 decimals: the band is widened by 0.0005 points for it, no more.
    expect(before[0]).toBeCloseTo(p.before.mean! - p.tolerance - 5e-4, 9);
    expect(before[1]).toBeCloseTo(p.before.mean! + p.tolerance + 5e-4, 9);
    expect(after[0]).toBeCloseTo(p.after.mean! - p.tolerance - 5e-4, 9);
    const inside = (x: number | null, [low, high]: number[]) => x !== null && x >= low && x <= high;
    expect(p.roundingViolations).toEqual([]);
    expect(p.jobs.filter((j) => !inside(j.empowermentAfter, after)).map((j) => j.name)).toEqual([]);
    // Before the plan the arrows count the hours within the band as the merged audit does (to the report's rounding).
    const hours = p.jobs.reduce((a, j) => a + j.hours, 0);
    const within = p.jobs.filter((j) => inside(j.empowermentBefore, before)).reduce((a, j) => a + j.hours, 0);
    expect(within / hours).toBeCloseTo(r.audit.metrics.empowerment.withinTolerance, 3);
    expect(within / hours).toBeLessThan(0.9);
  });

  it('is frozen under its header and repeats it on printed pages; wide, so landscape', () => {
    const xml = book.sheet(sheet('Proposed jobs'));
    expect(xml).toContain('state="frozen"');
    expect(xml).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(book.workbook).toContain(`localSheetId="${sheet('Proposed jobs') - 1}">&apos;Proposed jobs&apos;!$1:$1</definedName>`);
  });
});

describe('the Plan sheet (the proposal\'s Summary)', () => {
  it('shows the tolerance as written, is not frozen (its table starts below the notes) and has no print titles', () => {
    const rows = rowsOf('Plan');
    const t = rows.findIndex((x) => x[0] === 'Tolerance (± points)');
    expect(rows[t][1]).toBe(r.proposal!.report.tolerance);
    expect(numFmtOf(book, sheet('Plan'), `B${t + 1}`)).toBe('0.0##');
    expect(book.sheet(sheet('Plan'))).not.toContain('state="frozen"');
    expect(book.workbook).not.toContain(`_xlnm.Print_Titles" localSheetId="${sheet('Plan') - 1}"`);
  });

  it('gives a long note a bold label and the text as one paragraph merged across the table and wrapped', () => {
    const rows = rowsOf('Plan');
    const at = rows.findIndex((x) => x[0] === 'Rounding');
    expect(at).toBeGreaterThan(0);
    const plan = sheet('Plan');
    expect(fontOf(book, plan, `A${at + 1}`)).toContain('<b/>');
    expect(rows[at + 1][0]).toBe(r.proposal!.report.roundingNote);
    const last = XLSX.utils.encode_col(XLSX.utils.decode_range(wb.Sheets.Plan['!ref']!).e.c);
    const merged = (wb.Sheets.Plan['!merges'] ?? []).map((m) => XLSX.utils.encode_range(m));
    // Longer than the table is wide: merged across it and wrapped, not run on past the printed page.
    expect(r.proposal!.report.roundingNote.length).toBeGreaterThan(wb.Sheets.Plan['!cols']!.reduce((a, c) => a + c.wch!, 0));
    expect(merged).toContain(`A${at + 2}:${last}${at + 2}`);
    expect(cellXf(book, plan, `A${at + 2}`)).toContain('wrapText="1"');
  });

  it('the proposal workbook of the merged plan alone is the same sheets, its footer saying it is a proposal', () => {
    const alone = XLSX.read(writeProposalWorkbook(r.proposal!.report), { type: 'array' });
    expect(alone.SheetNames[0]).toBe('Summary');
    expect(alone.SheetNames.slice(1)).toEqual(wb.SheetNames.slice(wb.SheetNames.indexOf('Plan') + 1));
    expect(openXml(writeProposalWorkbook(r.proposal!.report)).sheet(2)).toContain('&amp;LFairshare proposal · &amp;A');
  });
});

describe('the merger\'s own sheets', () => {
  it('People: each person with the merged audit\'s E and D, a colour scale and arrows at the merged mean ± τ', () => {
    const people = rowsOf('People').slice(1).filter((x) => x.length);
    expect(people.map((x) => [x[0], x[5]])).toEqual(r.audit.people.map((p) => [p.name, p.empowerment]));
    const arrows = rules(book.sheet(sheet('People'))).filter((x) => x.type === 'iconSet');
    expect(arrows[0].values[1]).toBeCloseTo(r.audit.metrics.empowerment.mean! - r.audit.metrics.tolerance, 8);
    expect(rules(book.sheet(sheet('People'))).filter((x) => x.type === 'colorScale').map((x) => x.sqref)).toEqual([`F2:F${people.length + 1}`, `G2:G${people.length + 1}`]);
  });

  it('Merger: a title, its tables\' heads bold and shaded, not frozen', () => {
    const m = sheet('Merger');
    expect(fontOf(book, m, 'A1')).toMatch(/<b\/>.*<sz val="14"\/>/);
    const rows = rowsOf('Merger');
    const head = rows.findIndex((x) => x[0] === 'Organization');
    expect(fontOf(book, m, `A${head + 1}`)).toContain('<b/>');
    expect(cellXf(book, m, `B${head + 1}`)).toContain('horizontal="right"');
    expect(book.sheet(m)).not.toContain('state="frozen"');
  });
});
