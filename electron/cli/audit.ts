/** `fairshare audit`: people, scores, metrics and issues, as text, JSON and an Excel summary. */
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import type { AuditArgs } from './args';
import { loadOrganization, today, writeAtomically } from './io';
import { formatSummary } from './summary';

export async function audit(args: AuditArgs): Promise<number> {
  const { organization, result } = await loadOrganization(args);
  const report = buildAuditReport(
    { organization, issues: result.issues, layout: result.layout, file: args.file, format: result.format },
    { tolerance: args.tolerance, pseudonymize: args.pseudonymize },
  );
  if (args.out) writeAtomically(args.out, writeSummaryWorkbook(report, today()));
  process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatSummary(report) + (args.out ? `\nWrote ${args.out}\n` : '\n'));
  return 0;
}
