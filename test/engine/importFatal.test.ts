// When nothing can be imported, the fatal message says what is wrong with the rows, not that no
// header was found, since the header was read (the wizard shows its layout at up to 100%).
import { describe, expect, it } from 'vitest';
import { importCsv } from './helpers';

describe('the fatal message of a file with a recognized header', () => {
  it('every row failed: it names the sheet, the rows and their errors, and the layout is still reported', () => {
    const r = importCsv(['Name,Task,Hours per week', 'Ana,Filing,abc', 'Bo,Typing,xyz']);
    expect(r.organization).toBeNull();
    expect(r.layout.layout).toBe('long');
    expect(r.fatal).toBe('test.csv: sheet "Sheet1" has 2 rows under its header, but no task hours could be read from any of them (see its 2 errors)');
  });

  it('no hours column and no errors: it says which column to check', () => {
    const r = importCsv(['Name,Task,Hours per week', 'Ana,Filing,'], {}, 'one.csv');
    expect(r.fatal).toBe('one.csv: sheet "Sheet1" has 1 row under its header, but no task hours could be read from it; check that a column is read as hours, % of time or FTE');
  });

  it('a header without rows and a roster without tasks keep their own messages', () => {
    expect(importCsv(['Name,Task,Hours per week']).fatal).toBe('test.csv: sheet "Sheet1" has a header on row 1 but no data rows below it');
    expect(importCsv(['Name,Role,Department', 'Ana,Clerk,Ops']).fatal).toMatch(/found a roster of 1 person .* but no task hours/);
  });
});
