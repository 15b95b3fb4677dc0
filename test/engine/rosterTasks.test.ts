/**
 * Roster + tasks on separate sheets (DESIGN.md §3 "Layouts"), joined by ID and by name, in a
 * two-sheet .xlsx written in the test with SheetJS. Expected values are computed by hand.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { describeIssues, hoursByName, issuesOf, orgOf, reportOf, xlsxBytes } from './helpers';

describe('roster + tasks joined by ID', () => {
  const bytes = xlsxBytes({
    Roster: [
      ['Staff list, March'],
      [],
      ['Staff ID', 'Name', 'Department', 'FTE'],
      ['E1', 'Ana Lima', 'Field', 1],
      ['E2', 'Bo Chen', 'Admin', 0.5],
      ['E3', 'Cy Diaz', 'Admin', 1],
    ],
    Tasks: [
      ['Staff ID', 'Task', 'Hours', 'Empowerment', 'Desirability'],
      ['E1', 'Canvassing', 30, 8, 6],
      ['E1', 'Strategy', 10, 18, 15],
      ['E2', 'Bookkeeping', 20, 5, 7],
      ['E3', 'Bookkeeping', 25, 5, 7],
      ['E3', 'Filing', 15, 2, 3],
    ],
  });
  const r = importOrganization(bytes, 'org.xlsx');

  it('recognizes the layout and takes people from the roster', () => {
    expect(r.fatal).toBeNull();
    expect(r.format).toBe('xlsx');
    expect(r.layout.layout).toBe('roster+tasks');
    const roster = r.layout.sheets.find((s) => s.sheet === 'Roster')!;
    expect(roster.role).toBe('roster');
    expect(roster.headerRow).toBe(3);
    const org = orgOf(r);
    expect(org.people.map((p) => p.name).sort()).toEqual(['Ana Lima', 'Bo Chen', 'Cy Diaz']);
    const byName = new Map(org.people.map((p) => [p.name, p]));
    expect(byName.get('Ana Lima')!.department).toBe('Field');
    expect(byName.get('Bo Chen')!.fte).toBe(0.5);
  });

  it('joins task hours by ID: Ana 30 + 10, Bo 20, Cy 25 + 15', () => {
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana Lima')).toBeCloseTo(40, 9);
    expect(hours.get('Bo Chen')).toBeCloseTo(20, 9);
    expect(hours.get('Cy Diaz')).toBeCloseTo(40, 9);
    // Hours match the roster FTE (1 → 40 h, 0.5 → 20 h): no warnings, no errors.
    expect(issuesOf(r, 'warning'), describeIssues(r)).toEqual([]);
    expect(issuesOf(r, 'error'), describeIssues(r)).toEqual([]);
  });

  it('scores jobs on the 1–20 scale: E_Ana = (30·8 + 10·18)/40 = 10.5, E_Cy = (25·5 + 15·2)/40 = 3.875', () => {
    const rep = reportOf(r, 'org.xlsx');
    expect(rep.scale).toEqual({ min: 1, max: 20 });
    const p = new Map(rep.people.map((x) => [x.name, x]));
    expect(p.get('Ana Lima')!.empowerment).toBeCloseTo(10.5, 9);
    expect(p.get('Bo Chen')!.empowerment).toBeCloseTo(5, 9);
    expect(p.get('Cy Diaz')!.empowerment).toBeCloseTo(3.875, 9);
    // D: Ana (30·6 + 10·15)/40 = 8.25; Bo 7; Cy (25·7 + 15·3)/40 = 5.5.
    expect(p.get('Ana Lima')!.desirability).toBeCloseTo(8.25, 9);
    expect(p.get('Bo Chen')!.desirability).toBeCloseTo(7, 9);
    expect(p.get('Cy Diaz')!.desirability).toBeCloseTo(5.5, 9);
    const admin = rep.departments.find((d) => d.department === 'Admin')!;
    // Admin pools Bo and Cy over 60 rated hours: (20·5 + 25·5 + 15·2)/60 = 255/60 = 4.25.
    expect(admin.people).toBe(2);
    expect(admin.empowerment).toBeCloseTo(4.25, 4);
  });
});

describe('roster + tasks joined by name', () => {
  const bytes = xlsxBytes({
    Roster: [
      ['Name', 'Department', 'FTE', 'Hours'],
      ['Ana Lima', 'Field', 1, null],
      ['Bo Chen', 'Admin', 0.5, null],
      ['Cy Diaz', 'Admin', null, 30],
    ],
    Tasks: [
      ['Staff member', 'Task', 'Hrs/wk'],
      ['ana  lima', 'Canvassing', 40],
      ['BO CHEN', 'Bookkeeping', 30],
      [' Cy Diaz ', 'Filing', 20],
      ['Dee Fox', 'Filing', 5],
      ['Ana Lima', 'Phone bank', 'n/a'],
    ],
  });
  const r = importOrganization(bytes, 'org.xlsx');

  it('joins names trimmed, space-collapsed and case-insensitively; display names come from the roster', () => {
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana Lima')).toBeCloseTo(40, 9);
    expect(hours.get('Bo Chen')).toBeCloseTo(30, 9);
    expect(hours.get('Cy Diaz')).toBeCloseTo(20, 9);
    const org = orgOf(r);
    expect(org.people.find((p) => p.name === 'Bo Chen')!.department).toBe('Admin');
  });

  it('a worker missing from the roster is an error and their hours are not counted (never a phantom colleague)', () => {
    // "Dee Fox" (Tasks row 5) is not on the roster: a misspelt name must not become a new person,
    // and the 5 h are left out with an error naming the row (DESIGN.md §3: nothing dropped silently).
    const hours = hoursByName(orgOf(r));
    const flagged = r.issues.filter((i) => i.message.includes('Dee Fox'));
    expect(flagged, describeIssues(r)).toHaveLength(1);
    expect(flagged[0]).toMatchObject({ severity: 'error', file: 'org.xlsx', sheet: 'Tasks', row: 5 });
    expect(flagged[0].message).toBe('"Dee Fox" is not in the roster; these hours are not counted (check the spelling or add them to the roster)');
    expect(hours.has('Dee Fox')).toBe(false);
    expect(orgOf(r).people.map((p) => p.name).sort()).toEqual(['Ana Lima', 'Bo Chen', 'Cy Diaz']);
    expect(orgOf(r).assignments.reduce((a, x) => a + x.hours, 0)).toBeCloseTo(90, 9);
  });

  it('roster FTE or contracted hours vs task hours: a mismatch warns (Bo 30 h vs 0.5 FTE = 20 h; Cy 20 h vs 30 h)', () => {
    const warnings = issuesOf(r, 'warning');
    expect(warnings.filter((w) => w.message.includes('Bo Chen')), describeIssues(r)).toHaveLength(1);
    expect(warnings.filter((w) => w.message.includes('Cy Diaz')), describeIssues(r)).toHaveLength(1);
    expect(warnings.filter((w) => w.message.includes('Ana Lima')), describeIssues(r)).toHaveLength(0);
  });

  it('text in an hours cell is an error naming sheet, row and column', () => {
    const errors = issuesOf(r, 'error').filter((e) => e.message.includes('n/a'));
    expect(errors, describeIssues(r)).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'org.xlsx', sheet: 'Tasks', row: 6, column: 'C' });
  });
});

describe('roster FTE turns % of time into hours', () => {
  it('hours = share × roster FTE × hours per FTE', () => {
    // Ana 1 FTE: 25% → 10 h, 75% → 30 h. Bo 0.5 FTE: 100% → 20 h (with 37.5 h per FTE: 18.75 h).
    const bytes = xlsxBytes({
      Roster: [['Name', 'FTE'], ['Ana', 1], ['Bo', 0.5]],
      Tasks: [['Name', 'Task', '% of time'], ['Ana', 'Canvassing', 0.25], ['Ana', 'Strategy', 0.75], ['Bo', 'Bookkeeping', 1]],
    });
    const at40 = hoursByName(orgOf(importOrganization(bytes, 'org.xlsx')));
    expect(at40.get('Ana')).toBeCloseTo(40, 9);
    expect(at40.get('Bo')).toBeCloseTo(20, 9);
    const at375 = hoursByName(orgOf(importOrganization(bytes, 'org.xlsx', { hoursPerFte: 37.5 })));
    expect(at375.get('Ana')).toBeCloseTo(37.5, 9);
    expect(at375.get('Bo')).toBeCloseTo(18.75, 9);
  });
});

describe('percent-formatted cells in an .xlsx', () => {
  it('0.25 shown as "25%" in a "Time" column is a share of time: 25% and 75% of 40 h', () => {
    const ws = XLSX.utils.aoa_to_sheet([['Name', 'Task', 'Time'], ['Ana', 'Canvassing', 0.25], ['Ana', 'Filing', 0.75]]);
    ws['C2'].z = '0%';
    ws['C3'].z = '0.0%';
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Time');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const org = orgOf(importOrganization(bytes, 'pct.xlsx'));
    const ana = org.people.find((p) => p.name === 'Ana')!.id;
    const h = new Map(org.assignments.filter((a) => a.personId === ana).map((a) => [a.taskId, a.hours]));
    expect(h.get('canvassing')).toBeCloseTo(10, 9);
    expect(h.get('filing')).toBeCloseTo(30, 9);
  });
});
