/** Unit tests for header recognition and scale hints (import/headers.ts), against DESIGN.md §3–4. */
import { describe, expect, it } from 'vitest';
import { isTotalLabel, matchHeader, scaleHint } from '../../renderer/src/engine/import/headers';

describe('matchHeader synonyms (DESIGN.md §3 "Headers")', () => {
  const cases: [string, string][] = [
    ['Staff member', 'person'],
    ['Employee', 'person'],
    ['Name', 'person'],
    ['Position', 'role'],
    ['Title', 'role'],
    ['Role', 'role'],
    ['Team', 'department'],
    ['Dept', 'department'],
    ['Dept.', 'department'],
    ['Department', 'department'],
    ['Task', 'task'],
    ['Activity', 'task'],
    ['Duty', 'task'],
    ['Hrs/wk', 'hours'],
    ['Weekly hours', 'hours'],
    ['Hours per week', 'hours'],
    ['% of time', 'percent'],
    ['Empowerment (1-10)', 'empowerment'],
    ['Desirability (0-100)', 'desirability'],
    ['FTE', 'fte'],
    ['Headcount', 'headcount'],
    ['Employee ID', 'personId'],
  ];
  it.each(cases)('%s → %s', (header, field) => {
    expect(matchHeader(header)?.field).toBe(field);
  });

  it('is case- and space-insensitive', () => {
    expect(matchHeader('  STAFF   MEMBER ')?.field).toBe('person');
    expect(matchHeader('weekly  HOURS')?.field).toBe('hours');
    expect(matchHeader('hrs / WK')?.field).toBe('hours');
    expect(matchHeader('%  OF TIME')?.field).toBe('percent');
  });

  it('exact synonyms have full confidence', () => {
    expect(matchHeader('Employee')?.confidence).toBe(1);
    expect(matchHeader('Empowerment (1-10)')?.confidence).toBe(1);
  });

  it('returns null for headers naming nothing known', () => {
    expect(matchHeader('')).toBeNull();
    expect(matchHeader('Favourite colour')).toBeNull();
  });

  it('recognizes totals labels', () => {
    expect(isTotalLabel('Total')).toBe(true);
    expect(isTotalLabel('Grand total')).toBe(true);
    expect(isTotalLabel('TOTALS')).toBe(true);
    expect(isTotalLabel('Ana')).toBe(false);
  });

  it('recognizes subtotal labels, spelt every usual way', () => {
    for (const label of ['Subtotal', 'SUBTOTAL:', 'Sub-total', 'Sub total', 'Subtotals', 'Subtotal hours']) expect(isTotalLabel(label), label).toBe(true);
    for (const label of ['Subway cleaning', 'Submit totals', 'Sub']) expect(isTotalLabel(label), label).toBe(false);
  });
});

describe('scaleHint (DESIGN.md §4)', () => {
  it('reads "(1-10)"', () => expect(scaleHint('Empowerment (1-10)')).toEqual({ min: 1, max: 10 }));
  it('reads "(1–5)" with an en dash', () => expect(scaleHint('E (1–5)')).toEqual({ min: 1, max: 5 }));
  it('reads "/10" as 1–10', () => expect(scaleHint('Empowerment /10')).toEqual({ min: 1, max: 10 }));
  it('reads "0-100"', () => expect(scaleHint('Desirability 0-100')).toEqual({ min: 0, max: 100 }));
  it('reads "/100" as 0–100', () => expect(scaleHint('D /100')).toEqual({ min: 0, max: 100 }));
  it('reads "1 to 20"', () => expect(scaleHint('E 1 to 20')).toEqual({ min: 1, max: 20 }));
  it('has no hint without numbers', () => expect(scaleHint('Empowerment')).toBeNull());
  it('ignores a reversed range', () => expect(scaleHint('E (10-1)')).toBeNull());
});
