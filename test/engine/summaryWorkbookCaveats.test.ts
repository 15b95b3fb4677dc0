/**
 * The caveats the Excel summary carries (summaryWorkbookSummary.ts): the share of hours rated by the
 * members, in the file, by suggestion and unrated, per dimension when they differ, with a sentence;
 * the tolerance written as a person reads it (0.95, never 0.9500000000000001) wherever it is shown;
 * and, pseudonymized with one-person roles and departments hidden, no trace of their names.
 */
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { findSingletons, hideSingletons, HIDDEN_GROUP } from '../../renderer/src/engine/analysis/singletons';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import type { Organization, RatingSource } from '../../renderer/src/engine/model/types';
import { importCsv, orgOf } from './helpers';
import { allCells, cell, read, rowOf } from './summaryWorkbook.helpers';

// Hours: Strategy 25, Budget 15, Canvassing 50, Data entry 27.5, Cleaning 24.5, Mystery duty 4 (146 in all).
const LINES = [
  'Name,Role,Department,Task,Hours per week,Empowerment (1-20),Desirability (1-20)',
  'Ana Diaz,Director,Leadership,Strategy,25,18,15',
  'Ana Diaz,Director,Leadership,Budget,15,14,9',
  'Bo Chen,Organizer,Organizing,Canvassing,30,9,12',
  'Bo Chen,Organizer,Organizing,Data entry,7.5,3,4',
  'Cy Lima,Organizer,Organizing,Canvassing,20,9,12',
  'Cy Lima,Organizer,Organizing,Cleaning,12.5,1,2',
  'Dee Park,Clerk,Office,Data entry,20,3,4',
  'Dee Park,Clerk,Office,Cleaning,12,1,2',
  'Dee Park,Clerk,Office,Mystery duty,4,,',
];

function organization(): Organization {
  return orgOf(importCsv(LINES));
}

/** Canvassing rated by the members, Cleaning a suggestion; Budget has no desirability rating. */
function mixedSources(org: Organization): Organization {
  const source: Record<string, RatingSource> = { Canvassing: 'members', Cleaning: 'suggested' };
  return { ...org, tasks: org.tasks.map((t) => ({ ...t, source: source[t.name] ?? t.source, desirability: t.name === 'Budget' ? null : t.desirability })) };
}

function report(org: Organization, options: Parameters<typeof buildAuditReport>[1] = {}) {
  return buildAuditReport({ organization: org, issues: [], layout: { layout: 'long', confidence: 1, sheets: [] } as never, file: 'staff.csv', format: 'csv' }, options);
}

describe('Summary sheet: where the ratings come from', () => {
  it('one column of shares when both dimensions agree, adding up to 1, with a sentence', () => {
    const wb = read(writeSummaryWorkbook(report(organization())));
    const ws = wb.Sheets.Summary;
    const head = rowOf(ws, 'Where the ratings come from');
    expect(cell(ws, head, 1)?.v).toBe('Share of hours');
    expect(cell(ws, rowOf(ws, 'Hours rated in the file'), 1)?.v as number).toBeCloseTo(142 / 146, 12);
    expect(cell(ws, rowOf(ws, 'Hours unrated'), 1)?.v as number).toBeCloseTo(4 / 146, 12);
    expect(cell(ws, rowOf(ws, 'Hours rated by the members'), 1)?.v).toBe(0);
    expect(cell(ws, rowOf(ws, 'Hours rated by suggestion'), 1)?.z).toBe('0%');
    expect(cell(ws, head, 2)?.v).toBe('In words');
    expect(cell(ws, head + 1, 2)?.v).toBe('Ratings: 97% of hours rated in the file, 3% unrated.');
  });

  it('one column per dimension when they differ: a task rated for empowerment only is unrated for desirability', () => {
    const wb = read(writeSummaryWorkbook(report(mixedSources(organization()))));
    const ws = wb.Sheets.Summary;
    const head = rowOf(ws, 'Where the ratings come from');
    expect([cell(ws, head, 1)?.v, cell(ws, head, 2)?.v]).toEqual(['Empowerment', 'Desirability']);
    const at = (label: string, c: number) => cell(ws, rowOf(ws, label), c)?.v as number;
    expect(at('Hours rated by the members', 1)).toBeCloseTo(50 / 146, 12);
    expect(at('Hours rated by the members', 2)).toBeCloseTo(50 / 146, 12);
    expect(at('Hours rated by suggestion', 1)).toBeCloseTo(24.5 / 146, 12);
    expect(at('Hours rated in the file', 1)).toBeCloseTo((25 + 15 + 27.5) / 146, 12);
    expect(at('Hours rated in the file', 2)).toBeCloseTo((25 + 27.5) / 146, 12);
    expect(at('Hours unrated', 1)).toBeCloseTo(4 / 146, 12);
    expect(at('Hours unrated', 2)).toBeCloseTo(19 / 146, 12);
    expect(cell(ws, head + 1, 3)?.v).toBe(
      'Ratings: empowerment 46% of hours rated in the file, 34% rated by the members, 17% by suggestion, 3% unrated; desirability 36% of hours rated in the file, 34% rated by the members, 17% by suggestion, 13% unrated.');
  });
});

describe('the tolerance as a person reads it', () => {
  it('a float-noisy tolerance is stored and shown rounded: Summary, and the cluster levels in Metrics', () => {
    const noisy = 0.1 + 0.2; // 0.30000000000000004
    const wb = read(writeSummaryWorkbook(report(organization(), { tolerance: noisy })));
    const t = cell(wb.Sheets.Summary, rowOf(wb.Sheets.Summary, 'Tolerance (points)'), 1)!;
    expect(t.v).toBe(0.3);
    expect(t.z).toBe('0.0##');
    const m = wb.Sheets.Metrics;
    // 3 × 0.3 is 0.8999999999999999 in floating point.
    expect(cell(m, rowOf(m, '3τ'), 1)?.v).toBe(0.9);
    expect(cell(m, rowOf(m, '1τ'), 1)?.v).toBe(0.3);
  });

  it('the default 0.95 on 1–20 is 0.95 in the cell, and 3τ is 2.85 (not 2.8499999999999996)', () => {
    const wb = read(writeSummaryWorkbook(report(organization())));
    expect(cell(wb.Sheets.Summary, rowOf(wb.Sheets.Summary, 'Tolerance (points)'), 1)?.v).toBe(0.95);
    expect(cell(wb.Sheets.Metrics, rowOf(wb.Sheets.Metrics, '3τ'), 1)?.v).toBe(2.85);
    const noisy = allCells(wb).filter((c) => typeof c.cell.v === 'number' && /\d{12,}/.test(String(c.cell.v)) && Math.abs((c.cell.v as number) * 1e6 - Math.round((c.cell.v as number) * 1e6)) < 1e-6);
    expect(noisy.map((c) => `${c.sheet}!${c.ref}=${c.cell.v}`)).toEqual([]);
  });
});

describe('pseudonymized, one-person roles and departments hidden', () => {
  it('no sheet names Director, Clerk, Leadership or Office; the Summary says what was hidden; numbers stay', () => {
    const org = organization();
    const plain = report(org, { pseudonymize: true });
    const hidden = hideSingletons(plain, org, findSingletons(plain.people));
    const wb = read(writeSummaryWorkbook(hidden));
    const texts = allCells(wb).filter((c) => typeof c.cell.v === 'string').map((c) => String(c.cell.v));
    for (const name of ['Director', 'Clerk', 'Leadership', 'Office']) expect(texts.filter((t) => new RegExp(`\\b${name}\\b`).test(t)), name).toEqual([]);
    expect(texts).toContain(HIDDEN_GROUP);
    expect(texts).toContain('Organizer');
    const names = rowOf(wb.Sheets.Summary, 'Names');
    expect(cell(wb.Sheets.Summary, names, 1)?.v).toBe('Pseudonymized');
    expect(cell(wb.Sheets.Summary, names, 2)?.v).toBe('P-codes (P-014) instead of names; 2 roles and 2 departments held by one person shown as "Other (hidden: one person each)", the other roles and departments kept');
    // The pooled row scores Ana's and Dee's rated hours together: (25·18 + 15·14 + 20·3 + 12·1) / 72.
    const roles = wb.Sheets.Roles;
    const other = rowOf(roles, HIDDEN_GROUP);
    expect(cell(roles, other, 1)?.v).toBe(2);
    expect(cell(roles, other, 2)?.v).toBe(76);
    expect(cell(roles, other, 3)?.v as number).toBeCloseTo((25 * 18 + 15 * 14 + 20 * 3 + 12 * 1) / 72, 4);
    expect(cell(wb.Sheets.Metrics, rowOf(wb.Sheets.Metrics, 'Gini'), 1)?.v).toBe(plain.metrics.empowerment.gini);
  });
});
