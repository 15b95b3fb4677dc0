/** Shared by the summary workbook tests: a small imported organization's report, and reading the written workbook back with SheetJS. */
import { expect } from 'vitest';
import * as XLSX from 'xlsx';
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { describeIssues, importCsv, issuesOf, orgOf } from './helpers';

export const SHEETS = ['Summary', 'People', 'Roles', 'Departments', 'Tasks', 'Metrics', 'Issues'];
export const DATA_SHEETS = ['People', 'Roles', 'Departments', 'Tasks', 'Issues'];
export const DANGEROUS = /^[=+\-@\t\r\n]/;

export function csvReport(): AuditReport {
  const r = importCsv([
    'Name,Role,Department,Annual salary,Task,Hours per week,Empowerment (1-20),Desirability (1-20)',
    'Ana Diaz,Director,Leadership,62400,Strategy,25,18,15',
    'Ana Diaz,Director,Leadership,62400,Budget,15,14,9',
    'Bo Chen,Organizer,Organizing,41600,Canvassing,30,9,12',
    'Bo Chen,Organizer,Organizing,41600,Data entry,7.5,3,4',
    'Cy Lima,Organizer,Organizing,41600,Canvassing,20,9,12',
    'Cy Lima,Organizer,Organizing,41600,Cleaning,12.5,1,2',
    'Dee Park,Clerk,Office,33280,Data entry,20,3,4',
    'Dee Park,Clerk,Office,33280,Cleaning,12,1,2',
    'Dee Park,Clerk,Office,33280,Mystery duty,4,,',
  ]);
  expect(issuesOf(r, 'error'), describeIssues(r)).toEqual([]);
  return buildAuditReport({ organization: orgOf(r), issues: r.issues, layout: r.layout, file: 'staff.csv', format: r.format });
}

export function read(bytes: Uint8Array): XLSX.WorkBook {
  return XLSX.read(bytes, { type: 'array', cellNF: true, cellStyles: true, cellFormula: true });
}

/** Row index (0-based) of the first row whose column A reads `label`. */
export function rowOf(ws: XLSX.WorkSheet, label: string): number {
  const range = XLSX.utils.decode_range(ws['!ref']!);
  for (let r = range.s.r; r <= range.e.r; r++) if (ws[XLSX.utils.encode_cell({ r, c: 0 })]?.v === label) return r;
  throw new Error(`no row "${label}"`);
}

export function cell(ws: XLSX.WorkSheet, r: number, c: number): XLSX.CellObject | undefined {
  return ws[XLSX.utils.encode_cell({ r, c })];
}

export function allCells(wb: XLSX.WorkBook): { sheet: string; ref: string; cell: XLSX.CellObject }[] {
  const out: { sheet: string; ref: string; cell: XLSX.CellObject }[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    for (const ref of Object.keys(ws)) if (!ref.startsWith('!')) out.push({ sheet: name, ref, cell: ws[ref] as XLSX.CellObject });
  }
  return out;
}
