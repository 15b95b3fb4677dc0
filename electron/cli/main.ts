/**
 * `fairshare` — the engine without a window (DESIGN.md §4). Never imports electron. Exit 0 when at
 * least one person was imported, 1 when nothing usable (one line on stderr), 2 on usage errors.
 */
import { readFileSync, renameSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { importOrganization } from '../../renderer/src/engine/import';
import { DEFAULT_LIMITS, formatBytes } from '../../renderer/src/engine/formats/readWorkbook';
import { buildAuditReport } from '../../renderer/src/engine/analysis/auditReport';
import { applySuggestions } from '../../renderer/src/engine/rating/suggest';
import { writeSummaryWorkbook } from '../../renderer/src/engine/formats/summaryWorkbook';
import { parseArgs, USAGE, UsageError, type AuditArgs } from './args';
import { formatSummary } from './summary';

declare const FAIRSHARE_VERSION: string;

class Unusable extends Error {}

function readInput(file: string): Uint8Array {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new Unusable(`${file} is a folder, not a spreadsheet`);
    size = st.size;
  } catch (err) {
    if (err instanceof Unusable) throw err;
    throw new Unusable(`cannot open ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  if (size > DEFAULT_LIMITS.maxBytes) {
    throw new Unusable(`${file} is ${formatBytes(size)}, over the size limit of ${formatBytes(DEFAULT_LIMITS.maxBytes)}`);
  }
  return readFileSync(file);
}

/** Writes beside the target and renames, so a crash never leaves a half-written workbook. */
function writeAtomically(target: string, bytes: Uint8Array): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, bytes, { flush: true });
    renameSync(temp, target);
  } catch (err) {
    try {
      unlinkSync(temp);
    } catch {
      // nothing to clean up
    }
    throw new Unusable(`cannot write ${target}: ${(err as Error).message}`);
  }
}

function audit(args: AuditArgs): number {
  const bytes = readInput(args.file);
  const result = importOrganization(bytes, args.file, { sheet: args.sheet, hoursPerFte: args.hoursPerFte });
  if (!result.organization || result.organization.people.length === 0) throw new Unusable(result.fatal ?? `${args.file}: no people found`);
  const organization = args.noSuggest ? result.organization : applySuggestions(result.organization);
  const report = buildAuditReport(
    { organization, issues: result.issues, layout: result.layout, file: args.file, format: result.format },
    { tolerance: args.tolerance, pseudonymize: args.pseudonymize },
  );
  if (args.out) writeAtomically(args.out, writeSummaryWorkbook(report, new Date().toISOString().slice(0, 10)));
  process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : formatSummary(report) + (args.out ? `\nWrote ${args.out}\n` : '\n'));
  return 0;
}

function run(argv: string[]): number {
  let req;
  try {
    req = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`fairshare: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    throw err;
  }
  if (req.command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (req.command === 'version') {
    process.stdout.write(`${FAIRSHARE_VERSION}\n`);
    return 0;
  }
  return audit(req);
}

// Spreadsheet libraries log warnings on some files; keep them off stderr, which carries only our one line.
console.error = () => undefined;
console.warn = () => undefined;

let code: number;
try {
  code = run(process.argv.slice(2));
} catch (err) {
  const msg = err instanceof Unusable ? err.message : `internal error: ${(err instanceof Error ? err.message : String(err)).split('\n')[0]}`;
  process.stderr.write(`fairshare: ${msg}\n`);
  code = 1;
}
process.exitCode = code;
