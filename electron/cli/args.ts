/** Parses the CLI's command line (DESIGN.md §4) into a typed request, or a usage error. */

export class UsageError extends Error {}

export interface AuditArgs {
  command: 'audit';
  file: string;
  sheet?: string;
  hoursPerFte?: number;
  tolerance?: number;
  noSuggest: boolean;
  pseudonymize: boolean;
  /** With --pseudonymize: roles and departments of one person written as "Other (hidden: one person each)". */
  hideSingleRoles: boolean;
  json: boolean;
  out?: string;
}

export interface ProposeArgs {
  command: 'propose';
  file: string;
  sheet?: string;
  hoursPerFte?: number;
  tolerance?: number;
  desirability: boolean;
  /** Hours; 0 = the exact LP result. */
  granularity: number;
  noSuggest: boolean;
  json: boolean;
  out?: string;
}

export type CliRequest = AuditArgs | ProposeArgs | { command: 'help' } | { command: 'version' };

export const USAGE = `Usage:
  fairshare audit FILE [--sheet NAME] [--hours-per-fte H] [--tolerance T] [--no-suggest]
                       [--pseudonymize [--hide-single-roles]] [--json] [--out summary.xlsx]
  fairshare propose FILE [--tolerance T] [--desirability] [--granularity G] [--sheet NAME]
                         [--hours-per-fte H] [--no-suggest] [--json] [--out proposal.xlsx]
  fairshare --help | --version

Reads a staff/task spreadsheet (.xlsx .xlsm .xls .xlsb .ods .csv .tsv) or a saved Fairshare
project (.fairshare: its ratings and tolerance) and reports every person's weekly hours and
job scores (empowerment, desirability), how concentrated the empowering work is, and every
problem found, located by file, sheet, row and column.
  --tolerance T     balance band in points of the rating scale (default 5% of its range)
  --no-suggest      leave unrated tasks unrated (no suggestions from the task library)
  --pseudonymize    replace names with stable codes (P-014); roles and departments kept (a warning
                    on stderr when one has a single person, whose code it gives away)
  --hide-single-roles  with --pseudonymize: write roles and departments of one person as
                    "Other (hidden: one person each)" in the text, JSON and workbook
  --out FILE.xlsx   also write the Excel summary (audit) or the proposal workbook (propose)
  --desirability    propose: keep desirability within the band too
  --granularity G   propose: round hours to multiples of G (default 0 = exact)
Exit codes: 0 at least one person imported, 1 nothing usable, 2 usage error.`;

function positiveNumber(flag: string, value: string | undefined): number {
  if (value === undefined) throw new UsageError(`${flag} needs a value`);
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, got "${value}"`);
  return n;
}

export function parseArgs(argv: string[]): CliRequest {
  if (argv.length === 0) throw new UsageError('no command given');
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-v') return { command: 'version' };
  if (command !== 'audit' && command !== 'propose') throw new UsageError(`unknown command "${command}"`);
  const out = { command, file: '', noSuggest: false, pseudonymize: false, hideSingleRoles: false, json: false, desirability: false, granularity: 0 } as AuditArgs & Omit<ProposeArgs, 'command'> & { command: 'audit' | 'propose' };
  const only = (flag: string, cmd: 'audit' | 'propose') => {
    if (command !== cmd) throw new UsageError(`${flag} is an option of "${cmd}", not "${command}"`);
  };
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? rest[++i];
    switch (flag) {
      case '--json': out.json = true; break;
      case '--no-suggest': out.noSuggest = true; break;
      case '--pseudonymize': only(flag, 'audit'); out.pseudonymize = true; break;
      case '--hide-single-roles': only(flag, 'audit'); out.hideSingleRoles = true; break;
      case '--desirability': only(flag, 'propose'); out.desirability = true; break;
      case '--granularity': {
        only(flag, 'propose');
        const v = value();
        const n = Number(v);
        if (v === undefined || v.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--granularity must be 0 or a positive number of hours, got "${v ?? ''}"`);
        out.granularity = n;
        break;
      }
      case '--sheet': {
        const v = value();
        if (v === undefined || v === '') throw new UsageError('--sheet needs a sheet name');
        out.sheet = v;
        break;
      }
      case '--hours-per-fte': out.hoursPerFte = positiveNumber(flag, value()); break;
      case '--tolerance': out.tolerance = positiveNumber(flag, value()); break;
      case '--out': {
        const v = value();
        if (!v) throw new UsageError('--out needs a file name');
        out.out = v;
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option "${arg}"`);
        files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError(`${command} needs a FILE`);
  if (files.length > 1) throw new UsageError(`${command} takes one FILE, got ${files.length}`);
  out.file = files[0];
  // Without codes the names themselves are printed: hiding their roles would protect no one.
  if (out.hideSingleRoles && !out.pseudonymize) throw new UsageError('--hide-single-roles needs --pseudonymize');
  return out as CliRequest;
}
