/**
 * The last import the worker read, kept for the audit that usually follows it: the organization
 * stays here (no copy back across the worker boundary) and its audit report can be computed while
 * the user reviews the import wizard, so confirming shows the overview at once.
 */
import { buildAuditReport, type AuditInput, type AuditOptions, type AuditReport } from '../engine/analysis/auditReport';
import type { ImportResult } from '../engine/import/types';
import { STALE_IMPORT_REF } from './protocol';

interface Kept {
  token: string;
  input: AuditInput;
  /** The last report and its options key: one, since each tolerance typed would otherwise add one. */
  report: { key: string; value: AuditReport } | null;
}

let kept: Kept | null = null;

function optionsKey(options: AuditOptions): string {
  return JSON.stringify([options.tolerance ?? null, options.pseudonymize === true]);
}

/** Keeps `result` (replacing any earlier import) and, when asked, schedules its audit after the reply is posted. */
export function keepImport(token: string, fileName: string, result: ImportResult, prepare: AuditOptions | undefined): void {
  if (!result.organization) {
    kept = null;
    return;
  }
  const entry: Kept = {
    token,
    input: { organization: result.organization, issues: result.issues, layout: result.layout, file: fileName, format: result.format },
    report: null,
  };
  kept = entry;
  if (prepare) {
    // A macrotask, so the import's reply goes out first; a job that arrives meanwhile queues behind it.
    setTimeout(() => {
      try {
        if (kept === entry) auditKept(token, prepare);
      } catch {
        // Nothing is lost: the audit asked for later computes again and reports its own error.
      }
    }, 0);
  }
}

/** The audit of the kept import; throws STALE_IMPORT_REF when the worker holds another import or none. */
export function auditKept(token: string, options: AuditOptions): AuditReport {
  if (!kept || kept.token !== token) throw new Error(STALE_IMPORT_REF);
  const key = optionsKey(options);
  if (kept.report?.key !== key) kept.report = { key, value: buildAuditReport(kept.input, options) };
  return kept.report.value;
}
