/**
 * Formula injection in the Excel summary (DESIGN.md §6): text that a spreadsheet would run as a
 * formula (starting with = + - @ tab CR LF) is neutralized in every cell the workbook writes.
 */
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import { neutralize, num, toCell } from '../../renderer/src/engine/formats/sheetCells';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import type { ImportIssue, Organization } from '../../renderer/src/engine/model/types';
import { allCells, DANGEROUS, read } from './summaryWorkbook.helpers';

describe('formula injection', () => {
  const evil = [
    '=HYPERLINK("http://evil.example","click")',
    '+SUM(1,2)',
    '-2+3',
    '@SUM(1)',
    '\t=1+1',
    '\r=1+1',
    '\n=1+1',
  ];

  it('neutralize prefixes a quote to text starting with = + - @ tab CR LF', () => {
    for (const s of evil) expect(neutralize(s)).toBe(`'${s}`);
    expect(neutralize('=')).toBe("'=");
    expect(neutralize('-')).toBe("'-");
  });

  it('neutralize leaves ordinary text unchanged', () => {
    for (const s of ['Ana Diaz', '', 'a=b', '1+1', 'Data entry', "'quoted", 'Café – 12%', ' leading space', 'x\n=1', 'E-mail']) {
      expect(neutralize(s)).toBe(s);
    }
  });

  it('toCell: text neutralized, numbers numeric with a format, non-finite numbers dropped', () => {
    expect(toCell('=1+1')).toEqual({ t: 's', v: "'=1+1" });
    expect(toCell('plain')).toEqual({ t: 's', v: 'plain' });
    expect(toCell(num(0.25, 'share'))).toEqual({ t: 'n', v: 0.25, z: '0%' });
    expect(toCell(num(Number.NaN, 'ratio'))).toBeNull();
    expect(toCell(num(Number.POSITIVE_INFINITY, 'ratio'))).toBeNull();
    expect(toCell(num(null, 'ratio'))).toBeNull();
    expect(toCell(Number.NaN)).toBeNull();
    expect(toCell(null)).toBeNull();
    expect(toCell(true)).toEqual({ t: 'b', v: true });
  });

  it('names, roles, departments, tasks, issue messages and the file name come back as quoted text, never formulas', () => {
    const people = evil.map((name, i) => ({
      id: `p${i}`, name, role: i === 0 ? '=Role()' : 'Clerk', department: i === 1 ? '+Dept' : 'Office', fte: null, contractHours: null,
      annualPay: null, hourlyRate: null, qualifications: [],
    }));
    const taskNames = ['=cmd|\' /C calc\'!A0', '+task', '-task', '@task', 'Plain task'];
    const organization: Organization = {
      people,
      tasks: taskNames.map((name, i) => ({
        id: `t${i}`, name, empowerment: i / 4, desirability: 1 - i / 4, empowermentFactors: {}, desirabilityFactors: {}, source: 'file', reason: i === 0 ? '=reason' : null, requires: [], chore: false,
      })),
      assignments: people.map((p, i) => ({ personId: p.id, taskId: `t${i % taskNames.length}`, hours: 10 + i, locked: false })),
      scale: { min: 1, max: 20 },
      hoursPerFte: 40,
    };
    const issues: ImportIssue[] = [
      { severity: 'error', message: '=1+1 is not a number', file: '=evil.csv', sheet: '-Sheet', row: 3, column: 'B' },
      { severity: 'warning', message: '@SUM(A1)', file: 'x.csv', sheet: null, row: null, column: null },
      { severity: 'info', message: '\t+tab first', file: 'x.csv', sheet: null, row: null, column: '=C' },
    ];
    const report = buildAuditReport({ organization, issues, layout: { layout: 'long', confidence: 1, sheets: [] }, file: '/tmp/=evil.csv', format: 'csv' });
    const bytes = writeSummaryWorkbook(report);
    const wb = read(bytes);
    const cells = allCells(wb);
    for (const c of cells) {
      expect(c.cell.f, `${c.sheet}!${c.ref}`).toBeUndefined();
      if (c.cell.t === 's') expect(String(c.cell.v), `${c.sheet}!${c.ref}`).not.toMatch(DANGEROUS);
    }
    const texts = new Set(cells.filter((c) => c.cell.t === 's').map((c) => String(c.cell.v).replace(/\r\n?/g, '\n')));
    for (const s of [...evil, ...taskNames.slice(0, 4), '=Role()', '+Dept', '=1+1 is not a number', '@SUM(A1)', '\t+tab first', '-Sheet', '=evil.csv', '=reason']) {
      expect(texts.has(`'${s}`.replace(/\r\n?/g, '\n')), JSON.stringify(s)).toBe(true);
    }
    expect(texts.has('Plain task')).toBe(true);
    // No formula element anywhere in the package.
    const files = unzipSync(bytes);
    for (const [path, data] of Object.entries(files)) {
      if (path.endsWith('.xml')) expect(strFromU8(data), path).not.toMatch(/<f[ >]/);
    }
  });
});
