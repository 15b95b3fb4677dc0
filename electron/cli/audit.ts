/** `fairshare audit`: people, scores, metrics and issues, as text, JSON and an Excel summary. */
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { findSingletons, hideSingletons, HIDDEN_GROUP, type Singletons } from '../../renderer/src/engine/analysis/singletons';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import type { AuditArgs } from './args';
import { loadOrganization, today, writeAtomically } from './io';
import { count, formatSummary } from './summary';

/**
 * The stderr line for a pseudonymized audit that keeps one-person roles or departments: their codes
 * give those people away (the only Executive Director), so it is said, with the way out. Null when none.
 */
export function singletonWarning(s: Singletons): string | null {
  const parts = [s.roles.length ? count(s.roles.length, 'role', 'roles') : '', s.departments.length ? count(s.departments.length, 'department', 'departments') : ''].filter(Boolean);
  if (parts.length === 0) return null;
  const verb = s.roles.length + s.departments.length === 1 ? 'has' : 'have';
  return `${parts.join(' and ')} ${verb} one person: their pseudonyms can be identified; add --hide-single-roles to write '${HIDDEN_GROUP}' instead`;
}

export async function audit(args: AuditArgs): Promise<number> {
  const { organization, result } = await loadOrganization(args);
  const built = buildAuditReport(
    { organization, issues: result.issues, layout: result.layout, file: args.file, format: result.format },
    { tolerance: args.tolerance, pseudonymize: args.pseudonymize },
  );
  let report: AuditReport = built;
  if (args.pseudonymize) {
    const singletons = findSingletons(built.people);
    if (args.hideSingleRoles) report = hideSingletons(built, organization, singletons);
    else {
      const warning = singletonWarning(singletons);
      if (warning) process.stderr.write(`fairshare: warning: ${warning}\n`);
    }
  }
  if (args.out) writeAtomically(args.out, writeSummaryWorkbook(report, today()));
  process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatSummary(report) + (args.out ? `\nWrote ${args.out}\n` : '\n'));
  return 0;
}
