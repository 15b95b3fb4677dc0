/** `fairshare audit`: people, scores, metrics and issues, as text, JSON and an Excel summary. */
import { buildAuditReport, type AuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { pseudonymizer } from '../../renderer/src/engine/analysis/pseudonymize';
import { findSingletons, hideSingletons, HIDDEN_GROUP, type Singletons } from '../../renderer/src/engine/analysis/singletons';
import type { ImportResult, TimesheetReport } from '../../renderer/src/engine/import/types';
import type { Organization } from '../../renderer/src/engine/model/types';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import { headline } from './timesheetText';
import type { AuditArgs } from './args';
import { loadOrganization, today, writeAtomically } from './io';
import { count, formatSummary } from './summary';
import { categoriesJson, categoriesLines, categoryAuditFor } from './categoriesText';

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

/**
 * The import's timesheet report as the audit shows it: with --pseudonymize its people carry the same
 * codes as the report's (the same names and issue names feed the same deterministic pseudonymizer).
 */
export function shownTimesheet(result: ImportResult, organization: Organization, pseudonymize: boolean): TimesheetReport | undefined {
  const t = result.timesheet;
  if (!t || !pseudonymize) return t;
  const alias = pseudonymizer(organization.people.map((p) => p.name), result.issues.flatMap((i) => i.people ?? []));
  return { ...t, people: t.people.map((p) => ({ ...p, name: alias.name(p.name) })) };
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
  const timesheet = shownTimesheet(result, organization, args.pseudonymize);
  // A consultant's workbook must say that its hours are averages of logged time, and over what.
  if (args.out) writeAtomically(args.out, writeSummaryWorkbook(report, today(), timesheet ? headline(timesheet) : null));
  // Category mode (issue 17): only when a task has a category; people named as the report names them.
  const cats = categoryAuditFor(organization);
  const alias = args.pseudonymize ? pseudonymizer(organization.people.map((p) => p.name), result.issues.flatMap((i) => i.people ?? [])).name : (n: string) => n;
  const json = { ...report, ...(timesheet ? { timesheet } : {}), ...(cats ? { categories: categoriesJson(cats, alias) } : {}) };
  const text = formatSummary(report, undefined, timesheet) + (cats ? `\n\n${categoriesLines(cats, alias).join('\n')}` : '');
  process.stdout.write(args.json ? JSON.stringify(json, null, 2) + '\n' : text + (args.out ? `\nWrote ${args.out}\n` : '\n'));
  return 0;
}
