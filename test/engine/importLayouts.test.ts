/**
 * importOrganization on small CSV files built in the test: header finding, totals rows, person
 * identity, % of time, role + headcount, matrices, and located issues (DESIGN.md §3–4).
 * Every expected number is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { csvBytes, describeIssues, hoursByName, importCsv, issuesOf, orgOf, peopleByName, reportOf } from './helpers';

const H = 1e-9;

describe('header row, blank rows and totals rows', () => {
  const lines = [
    'Acme Tenants Union staffing audit', // row 1: title
    'Prepared for the board, spring quarter', // row 2: subtitle
    '', // row 3
    '', // row 4
    'Name,Department,Task,Hours per week', // row 5: header
    'Ana Lima,Organizing,Canvassing,20', // row 6
    '', // row 7: blank inside the data
    'Ana Lima,Organizing,Data entry,12.5', // row 8
    'Bo Chen,Admin,Bookkeeping,30', // row 9
    'Total,,,62.5', // row 10: totals
  ];

  it('finds the header below title rows and blank rows', () => {
    const r = importCsv(lines);
    expect(r.fatal).toBeNull();
    expect(r.layout.layout).toBe('long');
    expect(r.layout.sheets[0].headerRow).toBe(5);
    const fields = Object.fromEntries(r.layout.sheets[0].columns.map((c) => [c.column, c.field]));
    expect(fields).toMatchObject({ A: 'person', B: 'department', C: 'task', D: 'hours' });
  });

  it('reads every data row across the blank row and skips the totals row with an info issue', () => {
    const r = importCsv(lines);
    const org = orgOf(r);
    const hours = hoursByName(org);
    expect([...hours.keys()].sort()).toEqual(['Ana Lima', 'Bo Chen']);
    expect(hours.get('Ana Lima')).toBeCloseTo(32.5, 9); // 20 + 12.5
    expect(hours.get('Bo Chen')).toBeCloseTo(30, 9);
    const totals = issuesOf(r, 'info').filter((i) => i.row === 10);
    expect(totals, describeIssues(r)).toHaveLength(1);
    expect(totals[0].message).toMatch(/total/i);
    expect(issuesOf(r, 'error'), describeIssues(r)).toEqual([]);
    expect(org.people.find((p) => /total/i.test(p.name))).toBeUndefined();
  });

  it('skips "Grand total" rows too and keeps the file name on issues', () => {
    const r = importCsv(['Name,Task,Hours', 'Ana,Canvassing,10', 'Bo,Bookkeeping,5', 'Grand total,,15'], {}, 'C:\\Users\\me\\staff.csv');
    expect([...hoursByName(orgOf(r)).values()].reduce((a, b) => a + b, 0)).toBeCloseTo(15, 9);
    const info = issuesOf(r, 'info').find((i) => i.row === 4);
    expect(info?.file).toBe('staff.csv');
  });

  it('semicolon CSV below title rows that contain commas', () => {
    // Two title rows ("…, …") then a semicolon table whose hours all use a decimal comma.
    const r = importCsv(['Acme Co-op, staff time survey', 'Spring quarter, 2024', 'Name;Task;Hours', 'Ana;Canvassing;12,5', 'Bo;Filing;7,5', 'Cy;Phones;20,5']);
    expect(r.fatal).toBeNull();
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana')).toBeCloseTo(12.5, 9);
    expect(hours.get('Bo')).toBeCloseTo(7.5, 9);
    expect(hours.get('Cy')).toBeCloseTo(20.5, 9);
  });

  it('skips "Subtotal" rows (long and matrix): they never become a person or a task', () => {
    const long = importCsv(['Name,Task,Hours', 'Ana,Canvassing,10', 'Ana,Filing,5', 'Subtotal,,15', 'Bo,Filing,5', 'Sub-total,,5']);
    expect(Object.fromEntries(hoursByName(orgOf(long))), describeIssues(long)).toEqual({ Ana: 15, Bo: 5 });
    expect(issuesOf(long, 'info').filter((i) => /^Totals row "Sub-?total" skipped/.test(i.message)).map((i) => i.row)).toEqual([4, 6]);
    const matrix = importCsv(['Task,Ana,Bo', 'Canvassing,10,2', 'Filing,5,3', 'Subtotal,15,5', 'Phones,1,1']);
    expect(orgOf(matrix).tasks.map((t) => t.name), describeIssues(matrix)).toEqual(['Canvassing', 'Filing', 'Phones']);
    expect(Object.fromEntries(hoursByName(orgOf(matrix)))).toEqual({ Ana: 16, Bo: 6 });
  });

  it('a person named "Sum Wong" is a person, not a totals row', () => {
    // Long layout: row 3 names a person whose name begins with the word "Sum"; their 10 h count.
    const r = importCsv(['Name,Task,Hours', 'Ana Lima,Canvassing,5', 'Sum Wong,Canvassing,10']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Sum Wong'), describeIssues(r)).toBeCloseTo(10, 9);
  });

  it('reports a row with hours but no task as an error at its row, never dropping it silently', () => {
    const r = importCsv(['Name,Task,Hours', 'Ana,Canvassing,10', 'Bo,,7']);
    const err = issuesOf(r, 'error').filter((i) => i.row === 3);
    expect(err, describeIssues(r)).toHaveLength(1);
  });
});

describe('person identity (DESIGN.md §4 "Identity")', () => {
  it('names are trimmed, spaces collapsed and compared case-insensitively', () => {
    const r = importCsv([
      'Name,Department,Task,Hours',
      '"  Ana   Lima ",Organizing,Canvassing,10',
      'ana lima,Organizing,Data entry,5',
      'ANA  LIMA,organizing,Phone bank,5',
      'Bo Chen,Admin,Bookkeeping,8',
    ]);
    const org = orgOf(r);
    expect(org.people).toHaveLength(2);
    const hours = hoursByName(org);
    expect(hours.get('Ana Lima')).toBeCloseTo(20, 9); // 10 + 5 + 5
    expect(hours.get('Bo Chen')).toBeCloseTo(8, 9);
    expect(issuesOf(r, 'error'), describeIssues(r)).toEqual([]);
  });

  it('an ID column wins over names: same name with two IDs is two people, one ID with two spellings is one', () => {
    const r = importCsv([
      'Staff ID,Name,Task,Hours',
      'E1,Ana Lima,Canvassing,10',
      'E2,Ana Lima,Bookkeeping,5',
      'E1,A. Lima,Phone bank,3',
      'E2,Ana Lima,Filing,2',
    ]);
    const org = orgOf(r);
    expect(org.people).toHaveLength(2);
    const tasksOf = new Map<string, { tasks: string[]; hours: number }>();
    for (const a of org.assignments) {
      const e = tasksOf.get(a.personId) ?? { tasks: [], hours: 0 };
      e.tasks.push(a.taskId);
      e.hours += a.hours;
      tasksOf.set(a.personId, e);
    }
    const groups = [...tasksOf.values()].map((g) => ({ tasks: g.tasks.sort(), hours: g.hours }));
    groups.sort((a, b) => b.hours - a.hours);
    // E1: Canvassing 10 + Phone bank 3; E2: Bookkeeping 5 + Filing 2.
    expect(groups).toEqual([
      { tasks: ['canvassing', 'phone bank'], hours: 13 },
      { tasks: ['bookkeeping', 'filing'], hours: 7 },
    ]);
  });

  it('one name with conflicting departments is an error issue at the conflicting row; no hours are lost', () => {
    const r = importCsv(['Name,Department,Task,Hours', 'Ana Lima,Organizing,Canvassing,10', 'Ana Lima,Admin,Bookkeeping,5']);
    const errors = issuesOf(r, 'error');
    expect(errors, describeIssues(r)).toHaveLength(1);
    expect(errors[0].row).toBe(3);
    expect(errors[0].message).toContain('Ana Lima');
    expect(errors[0].message.toLowerCase()).toContain('department');
    const org = orgOf(r);
    expect(org.assignments.reduce((a, x) => a + x.hours, 0)).toBeCloseTo(15, 9);
  });

  it('one name with conflicting roles is an error issue', () => {
    const r = importCsv(['Name,Role,Task,Hours', 'Ana Lima,Organizer,Canvassing,10', 'Ana Lima,Bookkeeper,Bookkeeping,5']);
    const errors = issuesOf(r, 'error');
    expect(errors, describeIssues(r)).toHaveLength(1);
    expect(errors[0].row).toBe(3);
    expect(errors[0].message).toContain('Ana Lima');
  });

  it('one task name is one task across departments (case and spaces ignored)', () => {
    const r = importCsv(['Name,Department,Task,Hours', 'Ana,Field,Filing,4', 'Bo,Admin,filing ,6', 'Bo,Admin,Bookkeeping,1']);
    const rep = reportOf(r);
    expect(rep.tasks).toHaveLength(2);
    const filing = rep.tasks.find((t) => t.name.toLowerCase() === 'filing')!;
    expect(filing.hours).toBe(10);
    expect(filing.people).toBe(2);
  });
});

describe('% of time (DESIGN.md §4: hours = share × FTE × hours per FTE)', () => {
  // Ana 1 FTE: 25% → 10 h, 75% → 30 h. Bo 0.5 FTE: 50% → 0.5 × 0.5 × 40 = 10 h, twice.
  const expectAnaBo = (lines: string[], hoursPerFte = 40) => {
    const r = importCsv(lines, hoursPerFte === 40 ? {} : { hoursPerFte });
    const org = orgOf(r);
    const hours = hoursByName(org);
    expect(hours.get('Ana')).toBeCloseTo(1 * hoursPerFte, 9);
    expect(hours.get('Bo')).toBeCloseTo(0.5 * hoursPerFte, 9);
    const canvassAna = org.assignments.find((a) => a.taskId === 'canvassing' && org.people.find((p) => p.id === a.personId)!.name === 'Ana')!;
    expect(canvassAna.hours).toBeCloseTo(0.25 * hoursPerFte, 9);
    expect(issuesOf(r, 'warning').filter((i) => /100%/.test(i.message)), describeIssues(r)).toEqual([]);
    return r;
  };

  it('shares written as 25 (percent numbers)', () => {
    expectAnaBo(['Name,FTE,Task,% of time', 'Ana,1,Canvassing,25', 'Ana,1,Data entry,75', 'Bo,0.5,Canvassing,50', 'Bo,0.5,Bookkeeping,50']);
  });

  it('shares written as 0.25 (all ≤ 1 means fractions)', () => {
    expectAnaBo(['Name,FTE,Task,% of time', 'Ana,1,Canvassing,0.25', 'Ana,1,Data entry,0.75', 'Bo,0.5,Canvassing,0.5', 'Bo,0.5,Bookkeeping,0.5']);
  });

  it('shares written as "25%"', () => {
    expectAnaBo(['Name,FTE,Task,% of time', 'Ana,1,Canvassing,25%', 'Ana,1,Data entry,75%', 'Bo,0.5,Canvassing,50%', 'Bo,0.5,Bookkeeping,50%']);
  });

  it('hoursPerFte option: 37.5 h per FTE', () => {
    // Ana: 0.25 × 37.5 = 9.375 and 28.125 → 37.5; Bo: 0.5 × 0.5 × 37.5 = 9.375 twice → 18.75.
    const r = expectAnaBo(['Name,FTE,Task,% of time', 'Ana,1,Canvassing,25', 'Ana,1,Data entry,75', 'Bo,0.5,Canvassing,50', 'Bo,0.5,Bookkeeping,50'], 37.5);
    expect(orgOf(r).hoursPerFte).toBe(37.5);
  });

  it('semicolon CSV with "12,5 %" and a decimal-comma FTE', () => {
    // Ana 1 FTE: 12.5% → 5 h, 87.5% → 35 h. Bo FTE "0,5": 50% → 10 h, twice.
    const r = importCsv(['Name;FTE;Task;% of time', 'Ana;1;Canvassing;12,5 %', 'Ana;1;Data entry;87,5 %', 'Bo;0,5;Canvassing;50 %', 'Bo;0,5;Bookkeeping;50 %']);
    const org = orgOf(r);
    const hours = hoursByName(org);
    expect(hours.get('Ana')).toBeCloseTo(40, 9);
    expect(hours.get('Bo')).toBeCloseTo(20, 9);
    const anaCanvass = org.assignments.find((a) => a.taskId === 'canvassing' && a.personId === org.people.find((p) => p.name === 'Ana')!.id)!;
    expect(anaCanvass.hours).toBeCloseTo(5, 9);
    expect(issuesOf(r, 'error'), describeIssues(r)).toEqual([]);
  });

  it('without an FTE a share is share × 40', () => {
    const hours = hoursByName(orgOf(importCsv(['Name,Task,% of time', 'Ana,Canvassing,25', 'Ana,Data entry,75', 'Bo,Bookkeeping,100'])));
    expect(hours.get('Ana')).toBeCloseTo(40, 9);
    expect(hours.get('Bo')).toBeCloseTo(40, 9);
  });

  it('totals ≠ 100% warn and are never normalized', () => {
    // Ana 25% + 50% = 75% → 10 + 20 = 30 h (not scaled up to 40). Cy 80% + 40% = 120% → 48 h. Bo 100% → 40 h.
    const r = importCsv(['Name,Task,% of time', 'Ana,Canvassing,25', 'Ana,Data entry,50', 'Bo,Bookkeeping,100', 'Cy,Canvassing,80', 'Cy,Filing,40']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana')).toBeCloseTo(30, 9);
    expect(hours.get('Bo')).toBeCloseTo(40, 9);
    expect(hours.get('Cy')).toBeCloseTo(48, 9);
    const warnings = issuesOf(r, 'warning');
    expect(warnings.filter((w) => w.message.includes('"Ana"')), describeIssues(r)).toHaveLength(1);
    expect(warnings.filter((w) => w.message.includes('"Cy"')), describeIssues(r)).toHaveLength(1);
    expect(warnings.filter((w) => w.message.includes('"Bo"')), describeIssues(r)).toHaveLength(0);
  });

  it('fractions stay fractions when a totals row sums them past 1', () => {
    // Shares 0.25, 0.75, 1 are all ≤ 1, so they are fractions: Ana 10 + 30 h, Bo 40 h.
    // The totals row (0.25 + 0.75 + 1 = 2) is not a share and is skipped (DESIGN.md §3 "totals rows").
    const r = importCsv(['Name,Task,% of time', 'Ana,Canvassing,0.25', 'Ana,Data entry,0.75', 'Bo,Bookkeeping,1', 'Total,,2']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana')).toBeCloseTo(40, 9);
    expect(hours.get('Bo')).toBeCloseTo(40, 9);
  });

  it('fractions stay fractions when the totals label sits in the task column', () => {
    // Same shares as above; the totals row is labelled in column B ("Total" under Task), name blank.
    // It is a totals row (DESIGN.md §3) and its 2 is not a share: Ana 10 + 30 h, Bo 40 h.
    const r = importCsv(['Name,Task,% of time', 'Ana,Canvassing,0.25', 'Ana,Data entry,0.75', 'Bo,Bookkeeping,1', ',Total,2']);
    expect(issuesOf(r, 'info').filter((i) => i.row === 5 && /total/i.test(i.message)), describeIssues(r)).toHaveLength(1);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana'), describeIssues(r)).toBeCloseTo(40, 9);
    expect(hours.get('Bo'), describeIssues(r)).toBeCloseTo(40, 9);
  });
});

describe('role + headcount (DESIGN.md §4 "Inputs to people")', () => {
  const lines = [
    'Role,Department,Headcount,Task,Hours per person,Empowerment',
    'Organizer,Field,3,Canvassing,20,8',
    'Organizer,Field,3,Data entry,10,2',
    'Director,Admin,1,Strategy,30,18',
    'Director,Admin,1,Fundraising,10,12',
  ];

  it('makes positions "<Role> 1" … "<Role> N", "<Role>" when N = 1, each with the per-person hours', () => {
    const r = importCsv(lines);
    expect(r.layout.layout).toBe('role-headcount');
    const org = orgOf(r);
    expect(org.people.map((p) => p.name).sort()).toEqual(['Director', 'Organizer 1', 'Organizer 2', 'Organizer 3']);
    const hours = hoursByName(org);
    for (const n of ['Organizer 1', 'Organizer 2', 'Organizer 3']) expect(hours.get(n)).toBeCloseTo(30, 9); // 20 + 10 each
    expect(hours.get('Director')).toBeCloseTo(40, 9);
    // Hours are per person: 3 × 30 + 40, not 30 + 40 split three ways.
    expect(org.assignments.reduce((a, x) => a + x.hours, 0)).toBeCloseTo(130, 9);
    for (const p of org.people) {
      expect(p.role).toBe(p.name.startsWith('Organizer') ? 'Organizer' : 'Director');
      expect(p.department).toBe(p.name.startsWith('Organizer') ? 'Field' : 'Admin');
    }
  });

  it('scores each position: Organizer (20·8 + 10·2)/30 = 6, Director (30·18 + 10·12)/40 = 16.5 on 1–20', () => {
    const rep = reportOf(importCsv(lines));
    expect(rep.scale).toEqual({ min: 1, max: 20 });
    for (const p of rep.people) expect(p.empowerment).toBeCloseTo(p.name === 'Director' ? 16.5 : 6, 9);
    const organizer = rep.roles.find((g) => g.role === 'Organizer')!;
    expect(organizer.people).toBe(3);
    expect(organizer.hours).toBeCloseTo(90, 9);
    expect(organizer.empowerment).toBeCloseTo(6, 9);
  });
  it('% of time per position: share × 40 for each head', () => {
    // Organizer × 2: 50% + 50% → 20 + 20 h each.
    const r = importCsv(['Role,Headcount,Task,% of time', 'Organizer,2,Canvassing,50', 'Organizer,2,Data entry,50']);
    const hours = hoursByName(orgOf(r));
    expect([...hours.keys()].sort()).toEqual(['Organizer 1', 'Organizer 2']);
    expect(hours.get('Organizer 1')).toBeCloseTo(40, 9);
    expect(hours.get('Organizer 2')).toBeCloseTo(40, 9);
  });
});
