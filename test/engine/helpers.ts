/**
 * Shared helpers for the engine tests: build small spreadsheets in memory (CSV text or a
 * SheetJS-written .xlsx), import them, and look people, issues and scores up by name.
 */
import * as XLSX from 'xlsx';
import { importOrganization, type ImportOptions, type ImportResult } from '../../renderer/src/engine/import/index';
import { buildAuditReport, type AuditPerson, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import type { ImportIssue, Organization, Severity } from '../../renderer/src/engine/model/types';

/** CSV text (lines joined with \n, trailing newline) as UTF-8 bytes. */
export function csvBytes(lines: string[]): Uint8Array {
  return new TextEncoder().encode(lines.join('\n') + '\n');
}

/** Imports CSV lines as a file named `fileName`. */
export function importCsv(lines: string[], options: ImportOptions = {}, fileName = 'test.csv'): ImportResult {
  return importOrganization(csvBytes(lines), fileName, options);
}

/** A two-or-more-sheet .xlsx written by SheetJS from arrays of arrays. */
export function xlsxBytes(sheets: Record<string, (string | number | null)[][]>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, aoa] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), name);
  const out = XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer;
  return new Uint8Array(out);
}

/** The organization of a successful import (fails the test with the fatal message otherwise). */
export function orgOf(result: ImportResult): Organization {
  if (!result.organization) throw new Error(`import failed: ${result.fatal}`);
  return result.organization;
}

/** The audit report of an organization (defaults for tolerance, names kept). */
export function auditReport(organization: Organization, issues: ImportIssue[], layout: ImportResult['layout'], file: string, format: string): AuditReport {
  return buildAuditReport({ organization, issues, layout, file, format });
}

export function reportOf(result: ImportResult, file = 'test.csv'): AuditReport {
  return auditReport(orgOf(result), result.issues, result.layout, file, result.format);
}

/** Person rows of the audit report keyed by display name. */
export function peopleByName(result: ImportResult): Map<string, AuditPerson> {
  return new Map(reportOf(result).people.map((p) => [p.name, p]));
}

/** Total assigned hours per person name (unrounded, from the organization's assignments). */
export function hoursByName(org: Organization): Map<string, number> {
  const nameOf = new Map(org.people.map((p) => [p.id, p.name]));
  const out = new Map<string, number>(org.people.map((p) => [p.name, 0]));
  for (const a of org.assignments) {
    const n = nameOf.get(a.personId)!;
    out.set(n, (out.get(n) ?? 0) + a.hours);
  }
  return out;
}

export function issuesOf(result: ImportResult, severity: Severity): ImportIssue[] {
  return result.issues.filter((i) => i.severity === severity);
}

/** Human-readable issue list for assertion messages. */
export function describeIssues(result: ImportResult): string {
  return result.issues.map((i) => `${i.severity} ${i.sheet ?? ''}!${i.column ?? ''}${i.row ?? ''}: ${i.message}`).join('\n');
}
