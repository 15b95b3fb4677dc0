// Every way people write the unit of a time column, in every layout (issue 11): hours, shares of
// time and FTE are each read as what they are, never a share as hours ("Hours (% of time)").
import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../renderer/src/engine/import/headers';
import { describeIssues, hoursByName, importCsv, issuesOf, orgOf, xlsxBytes } from './helpers';
import { importOrganization } from '../../renderer/src/engine/import/index';

const HOURS_HEADERS = ['Hours', 'Hours/week', 'Hrs/wk', 'Hours per week', 'Weekly hours', 'hrs / WK', 'Time (hours/week)', 'Hours (per week)'];
const PERCENT_HEADERS = [
  '% of time', 'Hours (% of time)', '% of hours', 'Share', 'Share of time', 'Percent', 'Percentage', 'Percent of time', 'Time (%)',
  'Hours [%]', 'Weekly hours (%)', 'Hours (share)', 'Hours (percent)', 'Allocation', '% allocation',
];
const TASK_FTE_HEADERS = ['FTE', 'Task FTE', 'FTE on task', 'Time (FTE)', 'Hours (FTE)'];

describe('header → field for every unit form', () => {
  it.each(HOURS_HEADERS)('%s → hours', (h) => expect(matchHeader(h)?.field).toBe('hours'));
  it.each(PERCENT_HEADERS)('%s → percent', (h) => expect(matchHeader(h)?.field).toBe('percent'));
  it.each(TASK_FTE_HEADERS.slice(1))('%s → task FTE', (h) => expect(matchHeader(h)?.field).toBe('taskFte'));
  it('"FTE" and "FTE %" alone are a person\'s FTE (a long sheet with no other amount reads it per task)', () => {
    expect(matchHeader('FTE')?.field).toBe('fte');
    expect(matchHeader('FTE %')?.field).toBe('fte');
  });
  it('"% of hours" is a share even though it names hours: the percent rule comes first', () => {
    expect(matchHeader('% of hours')).toEqual({ field: 'percent', confidence: 0.7 });
    expect(matchHeader('Percent of hours worked')?.field).toBe('percent');
    expect(matchHeader('Share of hours')?.field).toBe('percent');
  });
});

describe('long layout: Name, Task and one time column', () => {
  const longFile = (header: string, a: string | number, b: string | number) => importCsv([`Name,Task,${header}`, `Ana,Filing,${a}`, `Ana,Phones,${b}`, `Bo,Filing,${b}`]);

  it.each(HOURS_HEADERS)('"%s" with 10 and 30 is 40 hours', (h) => {
    const r = longFile(h, 10, 30);
    expect(hoursByName(orgOf(r)).get('Ana'), describeIssues(r)).toBe(40);
  });

  it.each(PERCENT_HEADERS)('"%s" with 25 and 75 is a share of 40 hours, not 100 hours', (h) => {
    const r = longFile(h, 25, 75);
    expect(hoursByName(orgOf(r)).get('Ana'), describeIssues(r)).toBeCloseTo(40, 9);
    expect(hoursByName(orgOf(r)).get('Bo')).toBeCloseTo(30, 9);
    expect(r.layout.sheets[0].columns.find((c) => c.column === 'C')?.field).toBe('percent');
  });

  it.each(PERCENT_HEADERS)('"%s" with fractions 0.25 and 0.75 is 40 hours', (h) => {
    const r = longFile(h, 0.25, 0.75);
    expect(hoursByName(orgOf(r)).get('Ana'), describeIssues(r)).toBeCloseTo(40, 9);
  });

  it.each(TASK_FTE_HEADERS)('"%s" with 0.25 and 0.75 FTE is 40 hours', (h) => {
    const r = longFile(h, 0.25, 0.75);
    expect(hoursByName(orgOf(r)).get('Ana'), describeIssues(r)).toBeCloseTo(40, 9);
    expect(r.layout.sheets[0].columns.find((c) => c.column === 'C')?.field).toBe('taskFte');
  });

  it('the issue\'s case: "Hours (% of time)" with 25 and 75 is not 100 hours with no issue', () => {
    const r = importCsv(['Name,Task,Hours (% of time)', 'Ana,Filing,25', 'Ana,Phones,75']);
    expect(hoursByName(orgOf(r)).get('Ana')).toBeCloseTo(40, 9);
    expect(issuesOf(r, 'warning').concat(issuesOf(r, 'error')), describeIssues(r)).toEqual([]);
  });

  it('a person\'s "FTE %" column scales their shares: 50 under "FTE %" is half time', () => {
    const r = importCsv(['Name,FTE %,Task,% of time', 'Ana,50,Filing,25', 'Ana,50,Phones,75', 'Bo,100,Filing,100']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana'), describeIssues(r)).toBeCloseTo(20, 9);
    expect(hours.get('Bo')).toBeCloseTo(40, 9);
    expect(orgOf(r).people.map((p) => p.fte)).toEqual([0.5, 1]);
  });
});

describe('matrix layout: the title row or corner header decides the unit', () => {
  it('"Task (hours per week)" with columns that sum to 100 is hours, not percent', () => {
    const r = importCsv(['Task (hours per week),Ana,Bo', 'Filing,60,20', 'Phones,40,80']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana'), describeIssues(r)).toBe(100);
    expect(r.layout.sheets[0].unit).toBe('hours');
  });

  it('"Task (% of time)" is a share; plain numbers summing to 100 are too', () => {
    for (const corner of ['Task (% of time)', 'Task']) {
      const r = importCsv([`${corner},Ana,Bo`, 'Filing,60,20', 'Phones,40,80']);
      expect(hoursByName(orgOf(r)).get('Ana'), `${corner}\n${describeIssues(r)}`).toBeCloseTo(40, 9);
      expect(r.layout.sheets[0].unit).toBe('percent');
    }
  });

  it('a title row "Hours per week" above the header makes hours', () => {
    const r = importCsv(['Hours per week,,', 'Task,Ana,Bo', 'Filing,60,20', 'Phones,40,80']);
    expect(hoursByName(orgOf(r)).get('Bo'), describeIssues(r)).toBe(100);
  });

  it('a title row "FTE by task" makes the cells FTE: 0.5 and 0.5 are 40 hours', () => {
    const r = importCsv(['FTE by task,,', 'Task,Ana,Bo', 'Filing,0.5,0.25', 'Phones,0.5,0.25']);
    expect(hoursByName(orgOf(r)).get('Ana'), describeIssues(r)).toBeCloseTo(40, 9);
    expect(hoursByName(orgOf(r)).get('Bo')).toBeCloseTo(20, 9);
    expect(r.layout.sheets[0].unit).toBe('fte');
  });

  it('a people × tasks matrix\'s "FTE %" column says nothing about its cells (hours stay hours)', () => {
    const r = importCsv(['Name,FTE %,Filing,Phones', 'Ana,100%,30,10', 'Bo,50%,15,5']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana'), describeIssues(r)).toBe(40);
    expect(hours.get('Bo')).toBe(20);
  });

  it('a saved mapping\'s unit override is applied', () => {
    const r = importCsv(['Task,Ana,Bo', 'Filing,60,20', 'Phones,40,80'], { mapping: { sheets: { Sheet1: { unit: 'hours' } } } });
    expect(hoursByName(orgOf(r)).get('Ana'), describeIssues(r)).toBe(100);
  });
});

describe('roster + tasks: shares use the roster FTE', () => {
  it.each(['% of time', 'Hours (% of time)', 'Share'])('"%s" of a 0.5 FTE person: 50 + 50 is 20 hours', (h) => {
    const bytes = xlsxBytes({
      Staff: [['Name', 'Role', 'FTE'], ['Ana', 'Clerk', 0.5], ['Bo', 'Lead', 1]],
      Tasks: [['Name', 'Task', h], ['Ana', 'Filing', 50], ['Ana', 'Phones', 50], ['Bo', 'Filing', 100]],
    });
    const r = importOrganization(bytes, 'org.xlsx');
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana'), describeIssues(r)).toBeCloseTo(20, 9);
    expect(hours.get('Bo')).toBeCloseTo(40, 9);
    expect(r.layout.layout).toBe('roster+tasks');
  });

  it('"Hours per week" on the tasks sheet stays hours', () => {
    const bytes = xlsxBytes({
      Staff: [['Name', 'FTE'], ['Ana', 0.5]],
      Tasks: [['Name', 'Task', 'Hours per week'], ['Ana', 'Filing', 12], ['Ana', 'Phones', 8]],
    });
    expect(hoursByName(orgOf(importOrganization(bytes, 'org.xlsx'))).get('Ana')).toBe(20);
  });
});

describe('role + headcount: hours per person, shares and FTE', () => {
  const roleFile = (header: string, a: number, b: number) => importCsv([`Role,Headcount,Task,${header}`, `Clerk,2,Filing,${a}`, `Clerk,2,Phones,${b}`]);
  it.each(['Hours per person', 'Hours', 'Hrs/wk'])('"%s" 10 + 30 is 40 hours each', (h) => {
    const r = roleFile(h, 10, 30);
    expect(Object.fromEntries(hoursByName(orgOf(r))), describeIssues(r)).toEqual({ 'Clerk 1': 40, 'Clerk 2': 40 });
  });
  it.each(['% of time', 'Hours (% of time)', '% of hours'])('"%s" 25 + 75 is 40 hours each', (h) => {
    const r = roleFile(h, 25, 75);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Clerk 1'), describeIssues(r)).toBeCloseTo(40, 9);
    expect(hours.get('Clerk 2')).toBeCloseTo(40, 9);
  });
  it.each(['FTE', 'Time (FTE)'])('"%s" 0.25 + 0.75 is 40 hours each', (h) => {
    const r = roleFile(h, 0.25, 0.75);
    expect(r.layout.layout, describeIssues(r)).toBe('role-headcount');
    expect(hoursByName(orgOf(r)).get('Clerk 2')).toBeCloseTo(40, 9);
  });
});

describe('contracted hours are never task hours', () => {
  it.each(['Contract hours', 'Contracted hours', 'Contracted hours (per week)', 'Standard hours'])('"%s" beside "Hours per week" on a long sheet is the person\'s contract', (h) => {
    const r = importCsv([`Name,Task,${h},Hours per week`, 'Ana,Filing,40,10', 'Ana,Phones,40,30', 'Bo,Filing,20,20']);
    const hours = hoursByName(orgOf(r));
    expect(hours.get('Ana'), describeIssues(r)).toBe(40);
    expect(hours.get('Bo')).toBe(20);
    expect(orgOf(r).people.map((p) => p.contractHours)).toEqual([40, 20]);
    expect(matchHeader(h)?.field).toBe('contractHours');
  });

  it('a roster\'s plain "Hours" column is still contracted hours', () => {
    const bytes = xlsxBytes({ Staff: [['Name', 'Hours'], ['Ana', 20]], Tasks: [['Name', 'Task', 'Hours per week'], ['Ana', 'Filing', 30]] });
    const r = importOrganization(bytes, 'org.xlsx');
    expect(orgOf(r).people[0].contractHours).toBe(20);
    expect(issuesOf(r, 'warning').map((w) => w.message)).toEqual(['"Ana"\'s task hours total 30 h but the roster says 20 contracted hours']);
  });
});
