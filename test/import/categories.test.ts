/**
 * Issue 17 quick category mode, import side: a "Category" column (or "Task category", "Kind of
 * work", "Type of work") is read on task rows and on a ratings sheet, the first category a task is
 * given wins, a second one is a warning naming both, and files without the column import as before.
 */
import { describe, expect, it } from 'vitest';
import { matchHeader } from '../../renderer/src/engine/import/headers';
import { importOrganization } from '../../renderer/src/engine/import/index';
import { explicitMappingSchema, organizationSchema } from '../../renderer/src/engine/formats/projectCodec';
import type { Organization } from '../../renderer/src/engine/model/types';
import { importCsv, issuesOf, orgOf, xlsxBytes } from '../engine/helpers';

const categoryOf = (org: Organization, id: string) => org.tasks.find((t) => t.id === id)?.category;

describe('Category headers', () => {
  it.each(['Category', 'Task category', 'Kind of work', 'Type of work', 'CATEGORY', 'Task category (A-D)', 'Work type'])('"%s" is a category column', (h) => {
    expect(matchHeader(h)?.field).toBe('category');
  });
  it('leaves the task, hours and notes headers as they were', () => {
    expect(matchHeader('Task')?.field).toBe('task');
    expect(matchHeader('Task name')?.field).toBe('task');
    expect(matchHeader('Task description')?.field).toBe('task');
    expect(matchHeader('Hours')?.field).toBe('hours');
    expect(matchHeader('Notes')?.field).toBe('notes');
  });
});

describe('reading categories', () => {
  it('gives each task the category on its rows, spaces collapsed; a blank cell is no category', () => {
    const r = importCsv([
      'Name,Task,Hours,Kind of work',
      'Ann,Editing,10,  Content ',
      'Ann,Bookkeeping,5,Administrative',
      'Bob,Cleaning,4,',
      'Bob,Editing,6,content',
    ]);
    const org = orgOf(r);
    expect(categoryOf(org, 'editing')).toBe('Content');
    expect(categoryOf(org, 'bookkeeping')).toBe('Administrative');
    expect(categoryOf(org, 'cleaning')).toBeUndefined();
    // "content" is the same category as "Content": no conflict.
    expect(issuesOf(r, 'warning')).toEqual([]);
    expect(r.layout.sheets[0].columns.find((c) => c.column === 'D')?.field).toBe('category');
  });

  it('takes the first non-empty value: a blank first row does not hide a later category', () => {
    const org = orgOf(importCsv(['Name,Task,Hours,Category', 'Ann,Editing,10,', 'Bob,Editing,6,Content']));
    expect(categoryOf(org, 'editing')).toBe('Content');
  });

  it('warns once when a task is given two categories, naming both with file, sheet, row and column, and keeps the first', () => {
    const r = importCsv([
      'Name,Task,Hours,Category',
      'Ann,Editing,10,Content',
      'Bob,Editing,6,Managerial',
      'Cy,Editing,2,managerial',
      'Di,Editing,2,Content',
    ], {}, 'staff.csv');
    expect(categoryOf(orgOf(r), 'editing')).toBe('Content');
    const w = issuesOf(r, 'warning');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ file: 'staff.csv', row: 3, column: 'D' });
    expect(w[0].sheet).toBeTruthy();
    expect(w[0].message).toContain('"Content"');
    expect(w[0].message).toContain('"Managerial"');
    expect(w[0].message).toContain('row 2, column D');
    expect(w[0].message).toContain('"Content" is kept');
  });

  it('reads categories from a ratings sheet that lists tasks with only a Category column', () => {
    const bytes = xlsxBytes({
      Hours: [['Name', 'Task', 'Hours'], ['Ann', 'Editing', 10], ['Ann', 'Strategy', 5], ['Bob', 'Cleaning', 8]],
      Tasks: [['Task', 'Category'], ['Editing', 'Content'], ['Strategy', 'Managerial'], ['Cleaning', 'Maintenance']],
    });
    const r = importOrganization(bytes, 'cats.xlsx');
    const org = orgOf(r);
    expect(r.layout.sheets.find((s) => s.sheet === 'Tasks')?.role).toBe('ratings');
    expect(Object.fromEntries(org.tasks.map((t) => [t.id, t.category]))).toEqual({ editing: 'Content', strategy: 'Managerial', cleaning: 'Maintenance' });
    expect(org.assignments).toHaveLength(3);
  });

  it('reports a conflict between the task rows and the ratings sheet with the ratings sheet named', () => {
    const bytes = xlsxBytes({
      Hours: [['Name', 'Task', 'Hours', 'Category'], ['Ann', 'Editing', 10, 'Content']],
      Ratings: [['Task', 'Empowerment (1-5)', 'Type of work'], ['Editing', 3, 'Administrative']],
    });
    const r = importOrganization(bytes, 'two.xlsx');
    const w = issuesOf(r, 'warning').filter((i) => /two categories/.test(i.message));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ file: 'two.xlsx', sheet: 'Ratings', row: 2, column: 'C' });
    expect(w[0].message).toContain('Hours, row 2, column D');
    expect(categoryOf(orgOf(r), 'editing')).toBe('Content');
  });

  it('refuses a category longer than a project can save, with its cell named', () => {
    const r = importCsv(['Name,Task,Hours,Category', `Ann,Editing,10,${'x'.repeat(201)}`]);
    expect(categoryOf(orgOf(r), 'editing')).toBeUndefined();
    expect(issuesOf(r, 'warning')).toEqual([expect.objectContaining({ row: 2, column: 'D', message: expect.stringContaining('201 characters') })]);
    expect(organizationSchema.safeParse(orgOf(r)).success).toBe(true);
  });

  it('imports a file without the column exactly as before: the same organization and issues as with the column removed', () => {
    const rows = [['Ann', 'Editing', '10', 'Content'], ['Ann', 'Bookkeeping', '5', 'Administrative'], ['Bob', 'Cleaning', '4', ''], ['Bob', 'Typo', 'x', '']];
    const without = importCsv(['Name,Task,Hours', ...rows.map((r) => r.slice(0, 3).join(','))]);
    const withCol = importCsv(['Name,Task,Hours,Category', ...rows.map((r) => r.join(','))]);
    expect(orgOf(without).tasks.every((t) => !('category' in t))).toBe(true);
    const stripped = { ...orgOf(withCol), tasks: orgOf(withCol).tasks.map(({ category: _c, ...t }) => t) };
    expect(stripped).toEqual(orgOf(without));
    expect(withCol.issues).toEqual(without.issues);
  });

  it('lists a Category column on a time-tracking export among the columns not used', () => {
    const r = importCsv([
      'Date,User,Task,Duration (decimal),Category',
      '2024-03-04,Ann,Editing,2,Content',
      '2024-03-05,Ann,Editing,3,Content',
    ]);
    expect(r.layout.sheets[0].role).toBe('timesheet');
    expect(r.issues.some((i) => /Columns not used for time entries: .*"Category"/.test(i.message))).toBe(true);
    expect(orgOf(r).tasks.every((t) => t.category === undefined)).toBe(true);
  });
});

describe('projects keep categories', () => {
  it('accepts a task category and a saved mapping of a column to category; refuses one past 200 characters', () => {
    const org: Organization = {
      people: [{ id: 'a', name: 'A', role: null, department: null, fte: 1, contractHours: null, annualPay: null, hourlyRate: null, qualifications: [] }],
      tasks: [{ id: 't', name: 'T', empowerment: null, desirability: null, empowermentFactors: {}, desirabilityFactors: {}, source: 'unrated', reason: null, requires: [], chore: false, category: 'Content' }],
      assignments: [{ personId: 'a', taskId: 't', hours: 5, locked: false }],
      scale: { min: 1, max: 20 }, hoursPerFte: 40,
    };
    const parsed = organizationSchema.safeParse(org);
    expect(parsed.success && parsed.data.tasks[0].category).toBe('Content');
    expect(organizationSchema.safeParse({ ...org, tasks: [{ ...org.tasks[0], category: 'x'.repeat(201) }] }).success).toBe(false);
    expect(explicitMappingSchema.safeParse({ sheets: { Sheet1: { columns: { D: 'category' } } } }).success).toBe(true);
  });

  it('a saved mapping naming a column as category reads it under any header', () => {
    const r = importCsv(['Name,Task,Hours,Group label', 'Ann,Editing,10,Content'], { mapping: { sheets: { Sheet1: { columns: { D: 'category' } } } } });
    expect(categoryOf(orgOf(r), 'editing')).toBe('Content');
  });
});
