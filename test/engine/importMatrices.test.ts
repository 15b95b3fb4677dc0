// Import layouts, continued: matrices and located problems (split from importLayouts.test.ts).
/**
 * importOrganization on small CSV files built in the test: header finding, totals rows, person
 * identity, % of time, role + headcount, matrices, and located issues (DESIGN.md §3–4).
 * Every expected number is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { csvBytes, describeIssues, hoursByName, importCsv, issuesOf, orgOf, peopleByName, reportOf } from './helpers';

const H = 1e-9;

describe('matrices', () => {
  // Ana: Canvassing 10 + Data entry 20 = 30; Bo: Canvassing 5 + Bookkeeping 5 = 10; Cy: Data entry 15 + Bookkeeping 5 = 20.
  const expected = new Map([['Ana', 30], ['Bo', 10], ['Cy', 20]]);

  it('tasks × people grid of hours, with a totals row and a totals column', () => {
    const r = importCsv(['Task,Ana,Bo,Cy,Total', 'Canvassing,10,5,,15', 'Data entry,20,,15,35', 'Bookkeeping,,5,5,10', 'Total,30,10,20,60']);
    expect(r.layout.layout).toBe('matrix-tasks-by-people');
    const org = orgOf(r);
    const hours = hoursByName(org);
    expect([...hours.keys()].sort()).toEqual(['Ana', 'Bo', 'Cy']);
    for (const [n, h] of expected) expect(hours.get(n)).toBeCloseTo(h, 9);
    expect(org.tasks.map((t) => t.id).sort()).toEqual(['bookkeeping', 'canvassing', 'data entry']);
  });

  it('people × tasks grid of hours', () => {
    const r = importCsv(['Name,Canvassing,Data entry,Bookkeeping', 'Ana,10,20,', 'Bo,5,,5', 'Cy,,15,5']);
    expect(r.layout.layout).toBe('matrix-people-by-tasks');
    const hours = hoursByName(orgOf(r));
    expect([...hours.keys()].sort()).toEqual(['Ana', 'Bo', 'Cy']);
    for (const [n, h] of expected) expect(hours.get(n)).toBeCloseTo(h, 9);
  });

  it('tasks × people grid of % of time', () => {
    // Ana 25% + 75% → 10 + 30 h; Bo 50% + 50% → 20 + 20 h.
    const r = importCsv(['Task,Ana,Bo', 'Canvassing,25%,50%', 'Data entry,75%,50%']);
    const org = orgOf(r);
    const hours = hoursByName(org);
    expect(hours.get('Ana')).toBeCloseTo(40, 9);
    expect(hours.get('Bo')).toBeCloseTo(40, 9);
    const ana = org.people.find((p) => p.name === 'Ana')!.id;
    expect(org.assignments.find((a) => a.personId === ana && a.taskId === 'canvassing')!.hours).toBeCloseTo(10, 9);
  });

  it('people × tasks grid of % of time with an FTE column', () => {
    // Ana 0.5 FTE: 50% + 50% → 10 + 10 h. Bo 1 FTE: 25% + 75% → 10 + 30 h.
    const r = importCsv(['Name,FTE,Canvassing,Data entry', 'Ana,0.5,50%,50%', 'Bo,1,25%,75%']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana')).toBeCloseTo(20, 9);
    expect(hours.get('Bo')).toBeCloseTo(40, 9);
  });

  it('tasks × people grid with an empowerment column: E_i is the hours-weighted mean', () => {
    // Scale 1–10 (largest E is 6). Ana (10·6 + 20·2)/30 = 10/3; Bo (5·6 + 5·4)/10 = 5; Cy (15·2 + 5·4)/20 = 2.5.
    const r = importCsv(['Task,Empowerment,Ana,Bo,Cy', 'Canvassing,6,10,5,', 'Data entry,2,20,,15', 'Bookkeeping,4,,5,5']);
    const rep = reportOf(r);
    expect(rep.scale).toEqual({ min: 1, max: 10 });
    const people = new Map(rep.people.map((p) => [p.name, p]));
    expect([...people.keys()].sort()).toEqual(['Ana', 'Bo', 'Cy']);
    expect(people.get('Ana')!.empowerment).toBeCloseTo(10 / 3, 3);
    expect(people.get('Bo')!.empowerment).toBeCloseTo(5, 9);
    expect(people.get('Cy')!.empowerment).toBeCloseTo(2.5, 9);
  });

  it('a task whose name starts with "Overall" is a task, not a totals row', () => {
    // "Overall strategy" is work Ana and Bo do; only a row labelled Total/Sum/… is a totals row.
    const r = importCsv(['Task,Ana,Bo', 'Overall strategy,10,4', 'Canvassing,20,30']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana'), describeIssues(r)).toBeCloseTo(30, 9);
    expect(hours.get('Bo'), describeIssues(r)).toBeCloseTo(34, 9);
  });
});

describe('located problems', () => {
  it('over 168 h a week is an error naming the person; 168 h exactly is not', () => {
    const r = importCsv(['Name,Task,Hours', 'Ana,Canvassing,100', 'Ana,Data entry,70', 'Bo,Bookkeeping,168']);
    const errors = issuesOf(r, 'error');
    expect(errors.filter((e) => e.message.includes('Ana')), describeIssues(r)).toHaveLength(1);
    expect(errors.filter((e) => e.message.includes('Bo')), describeIssues(r)).toHaveLength(0);
    expect(hoursByName(orgOf(r)).get('Ana')).toBeCloseTo(170, 9); // kept, flagged
  });

  it('text in an hours cell is an error at its spreadsheet row and column letter', () => {
    const r = importCsv([
      'Quarterly staffing', // 1
      '', // 2
      'Name,Department,Task,Hours', // 3
      'Ana,Field,Canvassing,10', // 4
      'Bo,Admin,Bookkeeping,lots', // 5: D5 is text
      'Cy,Admin,Filing,5', // 6
    ]);
    const errors = issuesOf(r, 'error');
    expect(errors, describeIssues(r)).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'test.csv', row: 5, column: 'D' });
    expect(errors[0].message).toContain('lots');
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana')).toBeCloseTo(10, 9);
    expect(hours.get('Cy')).toBeCloseTo(5, 9);
  });

  it('a negative hours cell is an error at its cell', () => {
    const r = importCsv(['Name,Hours,Task', 'Ana,10,Canvassing', 'Bo,-3,Bookkeeping']);
    const errors = issuesOf(r, 'error');
    expect(errors, describeIssues(r)).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 3, column: 'B' });
  });

  it('units beside numbers are read ("12 h", "7,5" in a semicolon file)', () => {
    const hours = hoursByName(orgOf(importCsv(['Name;Task;Hours', 'Ana;Canvassing;12 h', 'Ana;Filing;7,5'])));
    expect(hours.get('Ana')).toBeCloseTo(19.5, 9);
  });

  it('a UTF-8 BOM CSV keeps the first header and accented names', () => {
    const body = csvBytes(['Name,Task,Hours', 'Zoë Müller,Canvassing,10']);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...body]);
    const r = importOrganization(bytes, 'bom.csv');
    expect(r.layout.sheets[0].columns[0].field).toBe('person');
    expect(hoursByName(orgOf(r)).get('Zoë Müller')).toBeCloseTo(10, 9);
  });

  it('a Windows-1252 CSV reads "Müller" correctly', () => {
    const text = 'Name;Task;Hours\nM\u00fcller;Canvassing;7,5\n';
    const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0)); // ü = 0xFC, single byte: invalid UTF-8
    const r = importOrganization(bytes, 'cp1252.csv');
    expect(hoursByName(orgOf(r)).get('Müller')).toBeCloseTo(7.5, 9);
  });

  it('nothing importable: fatal message, no organization, no throw', () => {
    const r = importCsv(['Favourite colour,Lucky number', 'blue,7']);
    expect(r.organization).toBeNull();
    expect(r.fatal).toMatch(/test\.csv/);
  });

  it(`keeps ${H} precision checks honest: hours stay exact for halves`, () => {
    const hours = hoursByName(orgOf(importCsv(['Name,Task,Hours', 'Ana,A task,0.5', 'Ana,B task,0.5', 'Ana,C task,39'])));
    expect(Math.abs(hours.get('Ana')! - 40)).toBeLessThan(H);
  });
});

describe('peopleByName helper sanity', () => {
  it('reports people with rounded hours', () => {
    const p = peopleByName(importCsv(['Name,Task,Hours', 'Ana,Canvassing,10']));
    expect(p.get('Ana')!.hours).toBe(10);
  });
});
