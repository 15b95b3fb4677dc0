/**
 * Regression fixtures for absurd numbers found by fuzzing (issue 11): 1e308 hours on two tasks,
 * 10^11 hours, 1e20, "Infinity"/"NaN" text, a billion in pay, as CSV and as .xlsx, each with the
 * located error the import must give. Shared by the engine tests and the CLI runs.
 */
import * as XLSX from 'xlsx';
import { smallXlsx } from './hostile-zip';

export interface AbsurdCase {
  /** File name, extension included: it decides how the bytes are read. */
  name: string;
  bytes: Uint8Array;
  /** Errors the import must report, by cell. */
  errors: { row: number; column: string; message: RegExp }[];
  /** People and their counted hours afterwards: the absurd values are never used. */
  hours: Record<string, number>;
}

type Row = (string | number)[];

function csv(rows: Row[]): Uint8Array {
  return new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n') + '\n');
}

/** An .xlsx written by SheetJS (numbers as numbers). */
function xlsx(rows: Row[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Work');
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const TOO_LARGE_HOURS = /too large to be hours in any real organization \(the limit is 1,000,000\); these hours are not counted/;
const NOT_FINITE_HOURS = /^Not a finite number \("(Infinity|NaN)"\) where hours belong; these hours are not counted$/;

const e308: Row[] = [['Name', 'Task', 'Hours'], ['Ana', 'Filing', 1e308], ['Ana', 'Phones', 1e308], ['Bo', 'Filing', 10]];
const e11: Row[] = [['Name', 'Task', 'Hours'], ['Ana', 'Filing', 1e11], ['Bo', 'Filing', 10]];
const e20: Row[] = [['Name', 'Task', 'Hours'], ['Ana', 'Filing', 1e20], ['Bo', 'Filing', 10]];
const pay: Row[] = [['Name', 'Task', 'Hours', 'Salary'], ['Ana', 'Filing', 30, 1e9], ['Bo', 'Filing', 10, 52000]];

export function absurdCases(): AbsurdCase[] {
  const twoTasks = [
    { row: 2, column: 'C', message: TOO_LARGE_HOURS },
    { row: 3, column: 'C', message: TOO_LARGE_HOURS },
  ];
  const oneTask = [{ row: 2, column: 'C', message: TOO_LARGE_HOURS }];
  const payError = [{ row: 2, column: 'D', message: /^1000000000 is too large to be pay in any real organization \(the limit is 1,000,000,000\); the value is not used$/ }];
  const notFinite = [
    { row: 2, column: 'C', message: NOT_FINITE_HOURS },
    { row: 3, column: 'C', message: NOT_FINITE_HOURS },
  ];
  return [
    { name: 'e308-two-tasks.csv', bytes: csv(e308), errors: twoTasks, hours: { Ana: 0, Bo: 10 } },
    { name: 'e308-two-tasks.xlsx', bytes: xlsx(e308), errors: twoTasks, hours: { Ana: 0, Bo: 10 } },
    { name: 'e11-hours.csv', bytes: csv(e11), errors: oneTask, hours: { Ana: 0, Bo: 10 } },
    { name: 'e11-hours.xlsx', bytes: xlsx(e11), errors: oneTask, hours: { Ana: 0, Bo: 10 } },
    { name: 'e20-hours.csv', bytes: csv(e20), errors: oneTask, hours: { Ana: 0, Bo: 10 } },
    { name: 'e20-hours.xlsx', bytes: xlsx(e20), errors: oneTask, hours: { Ana: 0, Bo: 10 } },
    {
      name: 'infinity-nan-text.csv',
      bytes: csv([['Name', 'Task', 'Hours'], ['Ana', 'Filing', 'Infinity'], ['Ana', 'Phones', 'NaN'], ['Bo', 'Filing', 10]]),
      errors: notFinite,
      hours: { Ana: 0, Bo: 10 },
    },
    {
      // Numeric cells holding <v>Infinity</v> and <v>NaN</v>, which SheetJS reads as non-finite numbers.
      name: 'infinity-nan-cells.xlsx',
      bytes: new Uint8Array(smallXlsx([['Name', 'Task', 'Hours'], ['Ana', 'Filing', Infinity], ['Ana', 'Phones', NaN], ['Bo', 'Filing', 10]])),
      errors: notFinite,
      hours: { Ana: 0, Bo: 10 },
    },
    { name: 'billion-pay.csv', bytes: csv(pay), errors: payError, hours: { Ana: 30, Bo: 10 } },
    { name: 'billion-pay.xlsx', bytes: xlsx(pay), errors: payError, hours: { Ana: 30, Bo: 10 } },
  ];
}

/**
 * A nested HTML table of about `mb` megabytes ("<table><tr><td>" over and over), the shape that
 * took 2.9 GB in SheetJS before the markup bound.
 */
export function nestedHtmlTable(mb: number): string {
  const open = '<table><tr><td>';
  return `<html><body>${open.repeat(Math.ceil((mb * 1024 * 1024) / open.length))}x</body></html>`;
}
