// Issue 12: a cell read as a number from text that is not a plain number ("4 hrs", "3,5") says so in
// an info issue at its cell, grouped per column when there are many; a small department or role
// that looks like another ("Ops" beside "Operations") is noted, and different names are not.
import { describe, expect, it } from 'vitest';
import { likelySameGroup } from '../../renderer/src/engine/import/groupVariants';
import { isPlainNumberText } from '../../renderer/src/engine/import/quietReadings';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { describeIssues, importCsv, issuesOf, orgOf, xlsxBytes } from './helpers';

const readingNotes = (r: ReturnType<typeof importCsv>) => issuesOf(r, 'info').filter((i) => /^Read "|were read as numbers/.test(i.message));
const groupNotes = (r: ReturnType<typeof importCsv>) => issuesOf(r, 'info').filter((i) => /may be the same as/.test(i.message));

describe('amounts read from text that is not a plain number', () => {
  it('"4 hrs", "4 h/wk" and "3,5" are read, each with a note at its cell naming the column and the value', () => {
    const r = importCsv(['Name,Task,Hrs/wk', 'Ana,Filing,4 hrs', 'Bo,Filing,4 h/wk', 'Cy,Filing,"3,5"', 'Di,Filing,5', 'Ed,Filing, 6 ']);
    expect(orgOf(r).assignments.map((a) => a.hours)).toEqual([4, 4, 3.5, 5, 6]);
    expect(readingNotes(r), describeIssues(r)).toEqual([
      { severity: 'info', file: 'test.csv', sheet: 'Sheet1', row: 2, column: 'C', message: 'Read "4 hrs" in column "Hrs/wk" as 4 hours; check it if the cell meant something else' },
      { severity: 'info', file: 'test.csv', sheet: 'Sheet1', row: 3, column: 'C', message: 'Read "4 h/wk" in column "Hrs/wk" as 4 hours; check it if the cell meant something else' },
      { severity: 'info', file: 'test.csv', sheet: 'Sheet1', row: 4, column: 'C', message: 'Read "3,5" in column "Hrs/wk" as 3.5 hours; check it if the cell meant something else' },
    ]);
  });

  it('2,000 such cells make one note with the count and the first three cells, at the first one', () => {
    const lines = ['Name,Task,Hours'];
    for (let i = 0; i < 2000; i++) lines.push(`P${i},Filing,${(i % 7) + 1} hrs`);
    const r = importCsv(lines);
    expect(orgOf(r).people).toHaveLength(2000);
    expect(readingNotes(r)).toEqual([
      expect.objectContaining({
        row: 2, column: 'C',
        message: '2,000 cells in column "Hours" are not plain numbers (words, units or separators) and were read as numbers (row 2 "1 hrs" as 1 hour, row 3 "2 hrs" as 2 hours, row 4 "3 hrs" as 3 hours, …); check them if any meant something else',
      }),
    ]);
  });

  it('plain numbers get no note: numeric cells, text digits, a decimal comma in a semicolon file, "25%" in a share column', () => {
    expect(readingNotes(importCsv(['Name,Task,Hours', 'Ana,Filing,4', 'Bo,Filing,4.5', 'Cy,Filing,.5']))).toEqual([]);
    expect(readingNotes(importCsv(['Name;Task;Hours', 'Ana;Filing;4,5', 'Bo;Filing;4']))).toEqual([]);
    expect(readingNotes(importCsv(['Name,Task,% of time', 'Ana,Filing,25%', 'Ana,Phones,75 %']))).toEqual([]);
    const bytes = xlsxBytes({ Staff: [['Name', 'Task', 'Hours'], ['Ana', 'Filing', 4], ['Bo', 'Filing', 2.5]] });
    expect(importOrganization(bytes, 'staff.xlsx').issues.filter((i) => i.severity === 'info')).toEqual([]);
  });

  it('text that cannot be read ("about 5") stays an error and gets no note', () => {
    const r = importCsv(['Name,Task,Hours', 'Ana,Filing,about 5', 'Bo,Filing,5']);
    expect(readingNotes(r)).toEqual([]);
    expect(issuesOf(r, 'error')).toEqual([expect.objectContaining({ row: 2, column: 'C', message: expect.stringMatching(/^Text "about 5" where hours belong/) })]);
  });

  it('names the sheet and the matrix column header in a workbook', () => {
    const bytes = xlsxBytes({ Staff: [['Task', 'Ana', 'Bo'], ['Filing', '4 hrs', 5], ['Phones', 10, 2]] });
    const r = importOrganization(bytes, 'staff.xlsx');
    expect(readingNotes(r)).toEqual([expect.objectContaining({ sheet: 'Staff', row: 2, column: 'B', message: 'Read "4 hrs" in column "Ana" as 4 hours; check it if the cell meant something else' })]);
  });

  it('isPlainNumberText follows the file\'s decimal mark', () => {
    expect(isPlainNumberText('12.5', false, false)).toBe(true);
    expect(isPlainNumberText('12,5', false, false)).toBe(false);
    expect(isPlainNumberText('12,5', true, false)).toBe(true);
    expect(isPlainNumberText('1,234', false, false)).toBe(false);
    expect(isPlainNumberText('25 %', false, true)).toBe(true);
    expect(isPlainNumberText('12 h', false, false)).toBe(false);
  });
});

describe('departments and roles that look like another one', () => {
  const roster = (rows: [string, string, string][]) => importCsv(['Name,Role,Department,Task,Hours', ...rows.map(([n, role, d], i) => `${n},${role},${d},Task ${i % 3},10`)]);

  it('"Ops" (1 person) beside "Operations" (6) is noted at the department cell, with both counts', () => {
    const rows: [string, string, string][] = ['A', 'B', 'C', 'D', 'E', 'F'].map((n) => [n, 'Organizer', 'Operations']);
    rows.push(['G', 'Organizer', 'Ops']);
    const r = roster(rows);
    expect(groupNotes(r), describeIssues(r)).toEqual([
      { severity: 'info', file: 'test.csv', sheet: 'Sheet1', row: 8, column: 'C', message: 'Department "Ops" (1 person, row 8) may be the same as "Operations" (6 people); you can change it in Jobs' },
    ]);
  });

  it('acronyms, prefixes, plurals, contractions and punctuation variants are noted; roles too', () => {
    const big = (d: string, role = 'Staff'): [string, string, string][] => [1, 2, 3, 4].map((k) => [`${d}${k}`, role, d]);
    const r = roster([
      ...big('Human Resources'), ['x1', 'Staff', 'HR'],
      ...big('Communications'), ['x2', 'Staff', 'Comms'],
      ...big('Marketing'), ['x3', 'Staff', 'Mktg'],
      ...big('Administration'), ['x4', 'Staff', 'Admin'],
      ...big('Research and Development'), ['x5', 'Staff', 'R&D'],
      ...big('Front-Desk'), ['x6', 'Staff', 'Front Desk'],
      ['y1', 'Coord', 'Administration'],
    ]);
    expect(groupNotes(r).map((i) => i.message.replace(/ \(\d+ people\); you can change it in Jobs$/, '').replace(/ \(1 person, row \d+\)/, '')), describeIssues(r)).toEqual([
      'Department "HR" may be the same as "Human Resources"',
      'Department "Comms" may be the same as "Communications"',
      'Department "Mktg" may be the same as "Marketing"',
      'Department "Admin" may be the same as "Administration"',
      'Department "R&D" may be the same as "Research and Development"',
      'Department "Front Desk" may be the same as "Front-Desk"',
    ]);
    // "Coord" is not a prefix of "Staff": no role note; "Coordinator" beside "Coord" would be.
    expect(likelySameGroup('Coord', 'Coordinator')).toBe(true);
  });

  it('case and spacing are one group already, different words and big groups are not noted', () => {
    const rows: [string, string, string][] = [
      ['a', 'Organizer', 'Finance'], ['b', 'Organizer', 'Finance'], ['c', 'Organizer', 'finance'],
      ['d', 'Organizer', 'Fundraising'], ['e', 'Organizer', 'Fundraising'],
      ['f', 'Organizer', 'Operations'], ['g', 'Organizer', 'Operations Support'],
      ['h', 'Organizer', 'IT'], ['i', 'Organizer', 'Intake'],
      ['j', 'Organizer', 'Legal'], ['k', 'Organizer', 'Legislative'],
      ...['l', 'm', 'n', 'o'].map((n): [string, string, string] => [n, 'Organizer', 'Ops']),
      ...['p', 'q', 'r', 's'].map((n): [string, string, string] => [n, 'Organizer', 'Operationsx']),
    ];
    expect(groupNotes(roster(rows)).map((i) => i.message)).toEqual([
      // Only "Operations" (1) against "Ops" (4); "Ops" (4) is not "few" against "Operationsx".
      'Department "Operations" (1 person, row 7) may be the same as "Ops" (4 people); you can change it in Jobs',
    ]);
  });

  it('likelySameGroup: only abbreviation-like pairs', () => {
    const yes = [['Ops', 'Operations'], ['HR', 'Human Resources'], ['IT', 'Information Technology'], ['Dev', 'Development'], ['Mgmt', 'Management'], ['Programme', 'Programmes'], ['Café', 'Cafe!']];
    const no = [['Finance', 'Fundraising'], ['IT', 'Intake'], ['Fin', 'Fundraising'], ['Legal', 'Legislative'], ['Operations', 'Operations Support'], ['Policy', 'Programs'], ['Ed', 'Education'], ['Admin', 'Advocacy']];
    // A prefix is taken as an abbreviation even when it is a word: a note says "may be", and these are rare as two departments.
    expect(likelySameGroup('Data', 'Database')).toBe(true);
    for (const [a, b] of yes) expect(likelySameGroup(a, b), `${a} / ${b}`).toBe(true);
    for (const [a, b] of no) expect(likelySameGroup(a, b), `${a} / ${b}`).toBe(false);
  });
});
