// Absurd numbers are refused at import with a located error and never used (issue 11): hours,
// FTE, shares, pay, headcounts and ratings that are not finite or beyond any real organization.
import { describe, expect, it } from 'vitest';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { absurdCases } from '../helpers/absurd-numbers';
import { describeIssues, hoursByName, importCsv, issuesOf, orgOf } from './helpers';

describe('absurd numbers found by fuzzing (CSV and .xlsx regression fixtures)', () => {
  it.each(absurdCases().map((c) => [c.name, c] as const))('%s: located errors, the values never used', (name, c) => {
    const r = importOrganization(c.bytes, name);
    const errors = issuesOf(r, 'error');
    for (const want of c.errors) {
      const hit = errors.filter((e) => e.row === want.row && e.column === want.column);
      expect(hit, describeIssues(r)).toHaveLength(1);
      expect(hit[0].message).toMatch(want.message);
      expect(hit[0]).toMatchObject({ file: name, sheet: expect.any(String) });
    }
    expect(errors, describeIssues(r)).toHaveLength(c.errors.length);
    expect(Object.fromEntries(hoursByName(orgOf(r)))).toEqual(c.hours);
    const org = orgOf(r);
    for (const p of org.people) for (const k of ['fte', 'contractHours', 'annualPay', 'hourlyRate'] as const) if (p[k] !== null) expect(Number.isFinite(p[k])).toBe(true);
  });

  it('a billion in pay is not kept as the person\'s pay', () => {
    const r = importCsv(['Name,Task,Hours,Salary', 'Ana,Filing,30,1000000000', 'Bo,Filing,10,999999999']);
    const pay = new Map(orgOf(r).people.map((p) => [p.name, p.annualPay]));
    expect(pay.get('Ana')).toBeNull();
    expect(pay.get('Bo')).toBe(999_999_999);
  });
});

describe('bounds on every kind of number', () => {
  it('hours at the bound are refused, just below are kept (with the 168 h error)', () => {
    const r = importCsv(['Name,Task,Hours', 'Ana,Filing,1000000', 'Bo,Filing,999999']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana')).toBe(0);
    expect(hours.get('Bo')).toBe(999_999);
    expect(issuesOf(r, 'error').map((e) => [e.row, e.column]), describeIssues(r)).toEqual([[2, 'C'], [3, 'C']]);
    expect(issuesOf(r, 'error')[1].message).toMatch(/"Bo" has 999999 hours a week, more than the 168 in a week; counted as given, so check the file$/);
  });

  it('a person whose rows sum past the bound is an error and none of their hours are counted', () => {
    const r = importCsv(['Name,Task,Hours', 'Ana,Filing,600000', 'Ana,Phones,600000', 'Bo,Filing,10']);
    const org = orgOf(r);
    expect(hoursByName(org).get('Ana')).toBe(0);
    expect(hoursByName(org).get('Bo')).toBe(10);
    const errors = issuesOf(r, 'error');
    expect(errors, describeIssues(r)).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'test.csv', sheet: 'Sheet1', row: 2, column: 'C' });
    expect(errors[0].message).toBe('"Ana" has 1200000 hours a week in all, beyond any real organization (the limit is 1,000,000); none of their hours are counted');
  });

  it('a share times an FTE that comes to absurd hours is refused where it is written', () => {
    // 9,000% of 9,000 FTE at 40 h: each value is within its own bound, the product (32.4 million h) is not.
    const r = importCsv(['Name,Task,FTE,% of time', 'Ana,Filing,9000,9000%', 'Bo,Filing,1,100%']);
    const errors = issuesOf(r, 'error');
    expect(errors, describeIssues(r)).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 2, column: 'D' });
    expect(errors[0].message).toMatch(/^"Ana" comes to 32400000 hours a week on "Filing" here, beyond any real organization .*; these hours are not counted$/);
    expect(hoursByName(orgOf(r)).get('Ana')).toBe(0);
    expect(hoursByName(orgOf(r)).get('Bo')).toBe(40);
  });

  it('FTE, contracted hours, hourly pay and shares have bounds too', () => {
    const r = importCsv(['Name,Task,FTE,Hourly rate,% of time', 'Ana,Filing,10000,1e9,100%', 'Bo,Filing,1,20,1000000%']);
    const byCell = new Map(issuesOf(r, 'error').map((e) => [`${e.column}${e.row}`, e.message]));
    expect(byCell.get('C2'), describeIssues(r)).toMatch(/^10000 is too large to be an FTE in any real organization \(the limit is 10,000\); the value is not used$/);
    expect(byCell.get('D2')).toBe('1000000000 is too large to be an hourly rate in any real organization (the limit is 1,000,000,000); the value is not used');
    expect(byCell.get('E3')).toMatch(/^1000000% is too large to be a share of time .*; this time is not counted$/);
    const ana = orgOf(r).people.find((p) => p.name === 'Ana')!;
    expect([ana.fte, ana.hourlyRate]).toEqual([null, null]);
    expect(byCell.size).toBe(3);
  });

  it('ratings that are not finite or absurd are errors and not used; the others keep their scale', () => {
    const r = importCsv(['Name,Task,Hours,Empowerment,Desirability', 'Ana,Filing,10,1e20,5', 'Bo,Phones,10,8,Infinity', 'Cy,Budget,10,10,3']);
    const byCell = new Map(issuesOf(r, 'error').map((e) => [`${e.column}${e.row}`, e.message]));
    expect(byCell.get('D2'), describeIssues(r)).toBe('1e+20 is too large to be an empowerment rating in any real organization (the limit is 1,000,000); the value is not used');
    expect(byCell.get('E3')).toBe('Not a finite number ("Infinity") where a desirability rating belongs; the value is not used');
    expect(byCell.size).toBe(2);
    const tasks = new Map(orgOf(r).tasks.map((t) => [t.name, t]));
    expect(tasks.get('Filing')!.empowerment).toBeNull();
    expect(orgOf(r).scale).toEqual({ min: 1, max: 10 });
    expect(tasks.get('Budget')!.empowerment).toBe(1);
  });

  it('a headcount beyond any real organization is an error and 1 is used', () => {
    const r = importCsv(['Role,Headcount,Task,Hours per person', 'Clerk,1000000000,Filing,20', 'Lead,2,Planning,30']);
    const errors = issuesOf(r, 'error');
    expect(errors.map((e) => [e.row, e.column, e.message]), describeIssues(r)).toEqual([
      [2, 'B', '1000000000 is too large to be a headcount in any real organization (the limit is 100,000); 1 is used'],
    ]);
    expect(orgOf(r).people.map((p) => p.name)).toEqual(['Clerk', 'Lead 1', 'Lead 2']);
  });
});

describe('role + headcount: positions in all are bounded too', () => {
  it('roles whose headcounts add up past 200,000 positions: the role that crosses gets an error and 1 position', () => {
    const r = importCsv(['Role,Headcount,Task,Hours per person', 'Clerk,99999,Filing,20', 'Driver,99999,Driving,30', 'Cook,99999,Cooking,30', 'Lead,1,Planning,30']);
    const errors = issuesOf(r, 'error');
    expect(errors.map((e) => [e.row, e.column, e.message]), describeIssues(r)).toEqual([
      [4, 'A', 'Role "Cook" with headcount 99999 brings the positions past 200,000, more than any real organization; 1 is used'],
    ]);
    const people = orgOf(r).people;
    expect(people).toHaveLength(200_000);
    expect(people.filter((p) => p.role === 'Cook').map((p) => p.name)).toEqual(['Cook']);
  });
});

describe('issue message grammar', () => {
  it('text, negatives and non-integers read as sentences for every kind of value', () => {
    const r = importCsv([
      'Name,Task,Hours,Empowerment,Desirability,Salary',
      'Ana,Filing,n/a,-3,x,-5',
      'Bo,Phones,-2,4,5,50000',
    ]);
    const byCell = Object.fromEntries(issuesOf(r, 'error').map((e) => [`${e.column}${e.row}`, e.message]));
    expect(byCell, describeIssues(r)).toEqual({
      C2: 'Text "n/a" where hours belong; these hours are not counted',
      D2: 'Negative number -3 where an empowerment rating belongs; the value is not used',
      E2: 'Text "x" where a desirability rating belongs; the value is not used',
      F2: 'Negative number -5 where pay belongs; the value is not used',
      C3: 'Negative number -2 where hours belong; these hours are not counted',
    });
    const messages = Object.values(byCell);
    for (const m of messages) expect(m).not.toMatch(/Negative an? |rating belong;|where an? \w+ belong\b/);
  });

  it('skipped rows and out-of-scale ratings say what happens, in a sentence', () => {
    const r = importCsv(['Name,Task,Hours,Empowerment (1-5)', 'Ana,Filing,,3', 'Bo,,7,2', 'Cy,Phones,10,7']);
    const messages = Object.fromEntries(r.issues.filter((i) => i.severity !== 'info').map((i) => [`${i.column}${i.row}`, i.message]));
    expect(messages, describeIssues(r)).toMatchObject({
      C2: 'No time given for "Filing"; the row is not counted',
      B3: 'The row has values but no task; it is not used',
      D4: 'Empowerment rating 7 for "Phones" is outside the 1–5 scale; the value is not used',
    });
  });

  it('a fractional headcount says what is used instead', () => {
    const r = importCsv(['Role,Headcount,Task,Hours per person', 'Clerk,2.5,Filing,20']);
    expect(issuesOf(r, 'error').map((e) => e.message)).toEqual(['Headcount 2.5 is not a whole number of people; 1 is used']);
  });
});
