/**
 * The workspace's jobs in the engine worker: the one client, imports the worker keeps for the audit
 * that follows them, and audits asked for by reference while the project still holds the imported
 * organization unchanged (so confirming an import sends nothing back across the boundary).
 */
import type { AuditOptions, AuditReport } from '../engine/analysis/auditReport';
import type { ExplicitMapping, ImportResult, TimesheetPeriod } from '../engine/import/types';
import type { Organization } from '../engine/model/types';
import { EngineClient } from '../worker/client';
import { STALE_IMPORT_REF, type AuditInputMessage } from '../worker/protocol';

let engine: EngineClient | null = null;

/** The engine worker (created on first use, so tests can run without one). */
export function engineClient(): EngineClient {
  engine ??= new EngineClient();
  return engine;
}

/** Called before an import job is sent (the Proposal view stops a curve still computing, which would hold the file up). */
const importHooks: (() => void)[] = [];
export function beforeImport(hook: () => void): void {
  importHooks.push(hook);
}

/** Organizations as they came from an import job, with the token the worker kept them under. */
const keptImports = new WeakMap<Organization, string>();
let importSerial = 0;

/**
 * Reads a spreadsheet in the worker, which keeps the result and starts its audit (with `audit`'s
 * options) while the user looks at the import wizard.
 */
export async function importInWorker(bytes: Uint8Array, fileName: string, options: { hoursPerFte: number; mapping: ExplicitMapping; period?: TimesheetPeriod }, audit: AuditOptions): Promise<ImportResult> {
  for (const hook of importHooks) hook();
  const keepAs = `import-${++importSerial}`;
  const result = await engineClient().run('import', { bytes: bytes.slice(), fileName, options, suggest: true, keepAs, prepareAudit: audit });
  if (result.organization) keptImports.set(result.organization, keepAs);
  return result;
}

/** The audit of `input`: by reference when the worker still holds that organization, else sent in full. */
export async function auditInWorker(input: AuditInputMessage, options: AuditOptions): Promise<AuditReport> {
  const importRef = keptImports.get(input.organization);
  if (importRef !== undefined) {
    try {
      return await engineClient().run('audit', { input: { importRef }, options });
    } catch (err) {
      if (!(err instanceof Error) || err.message !== STALE_IMPORT_REF) throw err;
      keptImports.delete(input.organization);
    }
  }
  return engineClient().run('audit', { input, options });
}
